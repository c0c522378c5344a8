"""One article's evidence as a standalone HTML page, in the manner of spaCy's displaCy.

    html = newsevents.render(extraction)      # write it to a file, or show it in a notebook

Every piece of evidence the extraction holds is marked in the article's text at its character
offsets: event triggers, actors, places, figures and quotes, each kind in its colour, with a
legend; a mark's label (an event's code and date, an actor's code) is drawn by the stylesheet
from an attribute, so the page's text is the article's text, character for character. Spans
may overlap (a figure inside a quote): the text is cut at every span edge and each piece is
marked with every kind covering it. Dates have no offsets in the contract: each event's date
is in its label and in the table of events under the text. Every piece of text from the
article is escaped, and the page has no script, so an article can never run code in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise

from newsevents.model import Evidence, Extraction

# Kind -> (legend name, colour); the order is the legend's and the order classes are written in.
KINDS: dict[str, tuple[str, str]] = {
    "event": ("event", "#f4a3a3"),
    "actor": ("actor", "#a3c8f4"),
    "place": ("place", "#a8e6a1"),
    "figure": ("figure", "#f7d87c"),
    "quote": ("quote", "#d9c2f0"),
}

STYLE = """
body { font: 16px/1.6 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
.ne-text { white-space: pre-wrap; }
mark { padding: 0.1em 0.15em; border-radius: 0.25em; color: inherit; }
mark[data-label]::after { content: attr(data-label); font-size: 0.65em; font-weight: bold;
  text-transform: uppercase; margin-left: 0.35em; vertical-align: middle; }
.ne-legend span { display: inline-block; padding: 0 0.5em; margin-right: 0.4em; border-radius: 0.25em; }
table { border-collapse: collapse; margin-top: 1.5rem; font-size: 0.9em; }
td, th { border-bottom: 1px solid #ddd; padding: 0.2em 0.6em; text-align: left; }
"""


@dataclass(frozen=True)
class Mark:
    """One piece of evidence to mark: where, which kind, and the label shown at its end."""

    start: int
    end: int
    kind: str
    label: str


def marks(extraction: Extraction) -> list[Mark]:
    """Every span of evidence in the extraction, each once per kind, in text order."""
    found: list[Mark] = []
    for ev in extraction.events:
        flags = [f for f, on in (("negated", ev.negated), (ev.modality, ev.modality != "asserted")) if on]
        label = " ".join([ev.plover or "", ev.cameo, ev.date or "", *flags]).split()
        found.append(_mark(ev.trigger, "event", " ".join(label)))
        for actor in (ev.source, ev.target):
            if actor is not None and actor.evidence is not None:
                found.append(_mark(actor.evidence, "actor", actor.code))
        if ev.location is not None and ev.location.evidence is not None:
            found.append(_mark(ev.location.evidence, "place", ev.location.country or ""))
    for mention in extraction.actors:
        if mention.actor.evidence is not None:
            found.append(_mark(mention.actor.evidence, "actor", mention.actor.code))
    for place in extraction.locations:
        found.extend(_mark(m, "place", place.country or "") for m in place.mentions)
    for q in extraction.quantities:
        amount = str(q.value) if q.value is not None else f"{q.low}-{q.high}"
        found.append(_mark(q.evidence, "figure", f"{q.kind} {amount}"))
    for quote in extraction.quotes:
        found.append(_mark(quote.evidence, "quote", quote.speaker.code if quote.speaker else "quote"))
    unique = {(m.start, m.end, m.kind): m for m in found if m.start < m.end}
    return sorted(unique.values(), key=lambda m: (m.start, m.end, list(KINDS).index(m.kind)))


def _mark(evidence: Evidence, kind: str, label: str) -> Mark:
    return Mark(evidence.start, evidence.end, kind, label)


def marked_text(text: str, found: list[Mark]) -> str:
    """`text` escaped, cut at every mark's edge, each piece inside a <mark> naming every kind
    that covers it; a mark's label rides on the piece where it ends."""
    edges = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    out: list[str] = []
    for start, end in pairwise(edges):
        if not 0 <= start < end <= len(text):
            continue
        piece = escape(text[start:end])
        covering = [m for m in found if m.start <= start and end <= m.end]
        if not covering:
            out.append(piece)
            continue
        kinds = [k for k in KINDS if any(m.kind == k for m in covering)]
        colour = KINDS[kinds[0]][1]
        classes = " ".join(f"ne-{k}" for k in kinds)
        labels = " · ".join(m.label for m in covering if m.end == end and m.label)
        label = f' data-label="{escape(labels)}"' if labels else ""
        out.append(f'<mark class="{classes}" style="background: {colour}"{label}>{piece}</mark>')
    return "".join(out)


def _legend(found: list[Mark]) -> str:
    chips = []
    for kind, (name, colour) in KINDS.items():
        count = sum(1 for m in found if m.kind == kind)
        chips.append(f'<span class="ne-{kind}" style="background: {colour}">{name} ({count})</span>')
    return f'<p class="ne-legend">{"".join(chips)}</p>'


def _events_table(extraction: Extraction) -> str:
    rows = []
    for i, ev in enumerate(extraction.events):
        cells = [
            str(i), ev.source.code if ev.source else "", f"{ev.cameo} {ev.plover or ''}",
            ev.target.code if ev.target else "", ev.date or "", ev.location.name if ev.location else "",
            "negated" if ev.negated else ev.modality,
        ]  # fmt: skip
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("#", "source", "event", "target", "date", "place", "modality"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render(extraction: Extraction) -> str:
    """A standalone HTML page (no script, no outside resource) of the article and its evidence."""
    art = extraction.article
    title = escape(art.title or art.id)
    about = " · ".join(escape(v) for v in (art.source, art.published, art.url) if v)
    found = marks(extraction)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n<p>{about}</p>\n{_legend(found)}\n"
        f'<div class="ne-text">{marked_text(art.text, found)}</div>\n'
        f"{_events_table(extraction)}\n</body>\n</html>\n"
    )
