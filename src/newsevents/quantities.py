"""Casualty and displacement figures: how many were killed, hurt, held or driven from home.

A number becomes a `Quantity` only when the parse ties it to people in a violence or
displacement frame: its counted noun names the kind ("35,000 refugees", "12 deaths"), or the
people it counts are the victims of a kind verb ("killed 12 people", "thousands fled") or carry
a kind adjective ("left 5,000 families homeless"). Everything else (years, durations, dates,
money, percentages, "World War Two") is left out: precision comes first.

What a caller may rely on:
- `value` is the count; for a range it is the low end and `low`/`high` hold both ends.
- Vague plurals ("dozens", "thousands", "tens of thousands") are kept with `value` None,
  qualifier "about" (unless a qualifier word says otherwise) and `low` the least the word
  can mean ("thousands" -> 2,000); no count is invented for them.
- `status` is "projected" when a modal or forecast word governs the figure's clause ("could
  trigger around 600,000 more refugees"), else "cumulative" for running totals ("so far",
  "since 2011", "in total", "the war has killed ..."), else "reported".
- `evidence` is the figure with its qualifier and counted noun phrase ("more than 250,000
  people", "Some 35,000 Syrian refugees"); for a bare number it is the number with its qualifier.
- `unit` is "people", or "families"/"households" when those are what is counted.
- `date` and `location` are left None for a later stage; `event_index` points at the event whose
  trigger governs the figure, else the first event whose evidence holds it, else None.
- Nothing inside `article.furniture` is read; a figure in the headline is kept only when the
  body does not repeat it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from newsevents.figures import lexicon as lx
from newsevents.model import Article, Event, Evidence, Qualifier, Quantity, Status

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LEXICON_FILE = "quantities.yml"
SKIP_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$", re.IGNORECASE)
YEAR = re.compile(r"^(1[89]|20)\d\d$")
NOT_PEOPLE_AFTER = frozenset({"%", "percent", "per", "pc"})
MONTHS = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)


@dataclass(frozen=True)
class QuantityLexicon:
    """The validated word lists of `figures/data/quantities.yml` (plus any user files)."""

    kinds: frozenset[str]
    nouns: Mapping[str, str]
    verbs: Mapping[str, tuple[str, str]]  # lemma -> (kind, "object" | "subject")
    adjectives: Mapping[str, str]
    persons: Mapping[str, str]  # noun -> unit
    qualifiers: Mapping[str, Qualifier]
    vague: Mapping[str, int]
    numbers: Mapping[str, int]
    scales: Mapping[str, int]
    cumulative: frozenset[str]
    since_long: frozenset[str]
    long_running: frozenset[str]
    modals: frozenset[str]
    projected: frozenset[str]


def load_quantity_lexicon(*extra: str | Path) -> QuantityLexicon:
    """The shipped lists with the user files `extra` merged over them; raises E202 if bad."""
    sections = lx.load_sections(LEXICON_FILE, tuple(extra))
    kinds = frozenset(sections.get("kinds", {}))
    kind = lx.one_of(kinds)

    def verb(value: object) -> str | None:
        parts = str(value).split()
        if len(parts) != 2 or parts[1] not in ("object", "subject"):
            return f"{value!r} should be '<kind> object' or '<kind> subject'"
        return kind(parts[0])

    checks: dict[str, lx.Check] = {
        "kinds": lx.text,
        "nouns": kind,
        "verbs": verb,
        "adjectives": kind,
        "persons": lx.text,
        "qualifiers": lx.one_of(set(get_args(Qualifier))),
        "vague": lx.positive_int,
        "numbers": lx.positive_int,
        "scales": lx.positive_int,
        "cumulative": lx.text,
        "since_long": lx.text,
        "long_running": lx.text,
        "projected": lx.one_of({"modal", "word"}),
    }
    data = lx.validate(sections, checks)
    projected = data["projected"]
    return QuantityLexicon(
        kinds=kinds,
        nouns={k: str(v) for k, v in data["nouns"].items()},
        verbs={k: tuple(str(v).split()) for k, v in data["verbs"].items()},  # type: ignore[misc]
        adjectives={k: str(v) for k, v in data["adjectives"].items()},
        persons={k: str(v) for k, v in data["persons"].items()},
        qualifiers={k: v for k, v in data["qualifiers"].items()},  # type: ignore[misc]
        vague={k: int(v) for k, v in data["vague"].items()},  # type: ignore[call-overload]
        numbers={k: int(v) for k, v in data["numbers"].items()},  # type: ignore[call-overload]
        scales={k: int(v) for k, v in data["scales"].items()},  # type: ignore[call-overload]
        cumulative=frozenset(data["cumulative"]),
        since_long=frozenset(data["since_long"]),
        long_running=frozenset(data["long_running"]),
        modals=frozenset(k for k, v in projected.items() if v == "modal"),
        projected=frozenset(k for k, v in projected.items() if v == "word"),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> QuantityLexicon:
    """The shipped lists, loaded once per process."""
    return load_quantity_lexicon()


@dataclass(frozen=True)
class _Figure:
    """A number found in the text, before it is known whether it counts people."""

    start: int  # first token (qualifier included)
    end: int  # token after the last number token
    last: int  # last number token: where the parse attaches the figure
    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier


def find_quantities(
    doc: Doc, article: Article, events: Sequence[Event] = (), *, lexicon: QuantityLexicon | None = None
) -> list[Quantity]:
    """Every casualty or displacement figure in the article, in text order."""
    lex = lexicon or default_lexicon()
    body: list[Quantity] = []
    title: list[Quantity] = []
    starts = _starts(doc, lex)
    for sent in doc.sents:
        first = bisect_left(starts, sent.start)
        if first == len(starts) or starts[first] >= sent.end:
            continue  # no token that can begin a figure: nothing more to read here
        if article.in_furniture(sent.start_char, sent.end_char):
            continue
        for fig in _figures(sent, lex, starts):
            quantity = _quantity(doc, article, fig, events, lex)
            if quantity is None:
                continue
            ev = quantity.evidence
            (title if article.in_title(ev.start, ev.end) else body).append(quantity)
    seen = {(q.kind, q.value) for q in body}
    body.extend(q for q in title if (q.kind, q.value) not in seen)
    return sorted(body, key=lambda q: q.evidence.start)


# --- numbers -------------------------------------------------------------------------


def _starts(doc: Doc, lex: QuantityLexicon) -> list[int]:
    """Indices of the tokens where a number or vague plural may begin, in order.

    A cheap pass over the lower-cased words, so sentences and tokens that cannot begin a figure
    are never read token by token; `_figures` still decides exactly what each start is.
    """
    lowers = [t.lower_ for t in doc]
    first_vague = {key.split(" ", 1)[0] for key in lex.vague}
    out: list[int] = []
    for i, word in enumerate(lowers):
        # both number patterns begin with a digit; only then is the regex worth running
        if word in lex.numbers or word in first_vague or (word[:1].isdigit() and _number_text(word, lex)):
            out.append(i)
        elif word in ("a", "an") and i + 1 < len(lowers):
            nxt = lowers[i + 1]
            if nxt in lex.scales and len(nxt) > 2:
                out.append(i)
    return out


def _number(token: Token, lex: QuantityLexicon) -> tuple[float, int] | None:
    """(value, scale) of one number token: "35,000" -> (35000, 1), "250k" -> (250, 1000)."""
    return _number_text(token.lower_, lex)


def _number_text(text: str, lex: QuantityLexicon) -> tuple[float, int] | None:
    if DIGITS.match(text):
        return float(text.replace(",", "")), 1
    match = SUFFIXED.match(text)
    if match and match.group(2) in lex.scales:
        return float(match.group(1)), lex.scales[match.group(2)]
    if text in lex.numbers:
        return float(lex.numbers[text]), 1
    return None


def _read_number(sent: Span, i: int, lex: QuantityLexicon) -> tuple[int, float, bool] | None:
    """Read a number starting at sentence token i: (end index, value, had a scale word)."""
    total, current, j, scaled = 0.0, None, i, False
    tokens = sent.doc
    limit = sent.end
    nxt = tokens[i + 1].lower_ if i + 1 < limit else ""
    if tokens[i].lower_ in ("a", "an") and nxt in lex.scales and len(nxt) > 2:
        current, j = 1.0, i + 1
    while j < limit:
        tok = tokens[j]
        num = _number(tok, lex)
        if num is not None and (current is None or tok.lower_ in lex.numbers):
            current = (current or 0.0) + num[0] * num[1]
            scaled = scaled or num[1] > 1
        elif current is not None and tok.lower_ in lex.scales and len(tok.lower_) > 2:
            scale = lex.scales[tok.lower_]
            if scale >= 1000:
                total, current = total + current * scale, 0.0
            else:
                current *= scale
            scaled = True
        elif (
            tok.text in ("-", "–")
            and current is not None
            and j + 1 < limit
            and tokens[j + 1].lower_ in lex.numbers
            and tokens[j - 1].lower_ in lex.numbers
        ):
            pass  # "twenty-three"
        elif (
            tok.lower_ == "and"
            and current is not None
            and j + 1 < limit
            and tokens[j - 1].lower_ in lex.scales
            and tokens[j + 1].lower_ in lex.numbers
        ):
            pass  # "nine hundred and twenty-one"
        else:
            break
        j += 1
    if current is None or j == i:
        return None
    return j, total + current, scaled


def _vague(sent: Span, i: int, lex: QuantityLexicon) -> tuple[int, int] | None:
    """A vague plural at token i ("thousands", "tens of thousands"): (end index, least value)."""
    doc = sent.doc
    if i + 2 < sent.end and doc[i + 1].lower_ == "of":
        phrase = f"{doc[i].lower_} of {doc[i + 2].lower_}"
        if phrase in lex.vague:
            return i + 3, lex.vague[phrase]
    if doc[i].lower_ in lex.vague:
        return i + 1, lex.vague[doc[i].lower_]
    return None


def _excluded(doc: Doc, start: int, end: int) -> bool:
    """Dates, money, percentages, ordinals, measures and compound modifiers ("five-year")."""
    if any(doc[k].ent_type_ in SKIP_ENTS for k in range(start, end)):
        return True
    if end < len(doc) and (doc[end].lower_ in NOT_PEOPLE_AFTER or doc[end].lower_ in MONTHS):
        return True
    if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].lower_ in ("every", "each", "ten"):
        return True  # a ratio: "one in every five"
    if start > 0 and (doc[start - 1].tag_ == "$" or doc[start - 1].text in ("$", "€", "£", "#", "No.")):
        return True
    if end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].is_alpha:
        return True
    return start > 1 and doc[start - 1].text == "-" and doc[start - 2].is_alpha


def _figures(sent: Span, lex: QuantityLexicon, starts: Sequence[int]) -> Iterable[_Figure]:
    """Every number, range and vague plural in the sentence, with its qualifier.

    `starts` are the doc's possible figure starts (`_starts`); other tokens are skipped.
    """
    doc = sent.doc
    k = bisect_left(starts, sent.start)
    while k < len(starts) and starts[k] < sent.end:
        i = starts[k]
        vague = _vague(sent, i, lex)
        read = None if vague else _read_number(sent, i, lex)
        if vague is None and read is None:
            k += 1
            continue
        if vague is not None:
            end, low = vague
            value, high, qualifier = None, None, "about"
        else:
            end, number, _ = read  # type: ignore[misc]
            value, low, high, qualifier = round(number), None, None, "exact"
        start, last = i, end - 1
        halved = i > sent.start and doc[i - 1].lower_ == "half" and doc[i].lower_ in ("a", "an")
        if value is not None and halved:
            start, value = i - 1, round(number / 2)  # "half a dozen" is six
        if value is not None:
            rng = _range(sent, i, end, number, lex)
            if rng is not None:
                start, end, low, high = rng
                last, value, qualifier = end - 1, low, "range"
        k = bisect_left(starts, end, k)
        if _excluded(doc, start, end):
            continue
        qual_start, qual = _qualifier(doc, start, end, sent, lex)
        if qual is not None and qualifier != "range":
            qualifier = qual
        yield _Figure(min(start, qual_start), end, last, value, low, high, qualifier)


def _range(
    sent: Span, i: int, end: int, first: float, lex: QuantityLexicon
) -> tuple[int, int, int, int] | None:
    """'between 20 and 30', '20 to 30', '20-30', 'from 20 to 30': (start, end, low, high)."""
    doc = sent.doc
    before = doc[i - 1].lower_ if i > sent.start else ""
    joiners = ("and",) if before == "between" else ("to", "-", "–")
    if end + 1 >= sent.end or doc[end].lower_ not in joiners:
        return None
    second = _read_number(sent, end + 1, lex)
    if second is None:
        return None
    stop, high, scaled = second
    low = first
    if scaled and low < high / 100:
        low *= high / _unscaled(doc, end + 1, stop, lex)
    start = i - 1 if before in ("between", "from") else i
    if round(low) >= round(high):
        return None
    return start, stop, round(low), round(high)


def _unscaled(doc: Doc, start: int, stop: int, lex: QuantityLexicon) -> float:
    """The value of a number without its scale words ("3 million" -> 3), for ranges."""
    for k in range(start, stop):
        num = _number(doc[k], lex)
        if num is not None:
            return num[0] or 1.0
    return 1.0


def _qualifier(
    doc: Doc, start: int, end: int, sent: Span, lex: QuantityLexicon
) -> tuple[int, Qualifier | None]:
    """The qualifier phrase just before the figure (or "or more" just after): (start, qualifier)."""
    for n in (3, 2, 1):
        if start - n < sent.start:
            continue
        phrase = " ".join(t.lower_ for t in doc[start - n : start])
        if phrase in lex.qualifiers:
            return start - n, lex.qualifiers[phrase]
    for k in (end, end + 1):
        if k + 1 < sent.end:
            phrase = f"{doc[k].lower_} {doc[k + 1].lower_}"
            if phrase in ("or more", "or so") and phrase in lex.qualifiers:
                return start, lex.qualifiers[phrase]
    return start, None


# --- what the number counts ----------------------------------------------------------


@dataclass(frozen=True)
class _Frame:
    kind: str
    unit: str
    noun: Token  # the counted noun (or the number itself when bare)
    verb: Token | None  # the clause verb that governs the figure, for status and linking


def _quantity(
    doc: Doc, article: Article, fig: _Figure, events: Sequence[Event], lex: QuantityLexicon
) -> Quantity | None:
    frame = None
    for k in range(fig.last, fig.start - 1, -1):  # a range may attach by either end
        if k == fig.last or _number(doc[k], lex) is not None or doc[k].lower_ in lex.scales:
            frame = _frame(doc[k], lex)
            if frame is not None:
                break
    if frame is None:
        return None
    end_tok = frame.noun.i + 1 if frame.noun.i >= fig.last else fig.end
    start_char = doc[fig.start].idx
    end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    if article.in_furniture(start_char, end_char):
        return None
    return Quantity(
        kind=frame.kind,
        value=fig.value,
        low=fig.low,
        high=fig.high,
        qualifier=fig.qualifier,
        status=_status(frame, lex),
        evidence=Evidence.of(article.text, start_char, end_char),
        unit=frame.unit,
        event_index=_event_index(events, start_char, frame.verb),
    )


def _frame(number: Token, lex: QuantityLexicon) -> _Frame | None:
    """Tie the number to people and a kind, or return None when it counts something else."""
    noun, role = number, number
    head = number.head
    if number.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > number.i:
        noun = role = head
    else:
        of = [c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"]
        objects = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
        if objects:
            noun = objects[0]  # "thousands of people": the number keeps the clause role
    kind = _lookup(noun, lex.nouns)
    unit = _lookup(noun, lex.persons) or "people"
    if kind is None and number.head.i > number.i:
        kind = _lookup(number.head, lex.nouns)  # "12 dead" parsed as an adjective
    if kind is not None:
        return _Frame(kind, unit, noun, _clause_verb(role))
    if not _counts_people(noun, number, lex):
        return None
    found = _kind_from_words(noun, lex) or _kind_from_clause(role, lex) or _kind_from_toll(role, lex)
    if found is None:
        return None
    return _Frame(found[0], unit, noun, found[1] or _clause_verb(role))


def _lookup(token: Token, table: Mapping[str, str]) -> str | None:
    return table.get(token.lemma_.lower()) or table.get(token.lower_)


def _counts_people(noun: Token, number: Token, lex: QuantityLexicon) -> bool:
    """A person noun, a plural demonym ("Syrians") or a bare number standing for people."""
    if noun.i == number.i:
        return True
    if _lookup(noun, lex.persons):
        return True
    return noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS")


def _kind_from_words(noun: Token, lex: QuantityLexicon) -> tuple[str, Token | None] | None:
    """Kind from the noun's own modifiers: "displaced people", "people killed", "who fled"."""
    for child in noun.children:
        if child.dep_ in ("amod", "acomp", "oprd") and _lookup(child, lex.adjectives):
            return _lookup(child, lex.adjectives), None  # type: ignore[return-value]
        if child.dep_ in ("acl", "relcl"):
            entry = lex.verbs.get(child.lemma_.lower())
            if entry is None:
                continue
            if child.dep_ == "acl" and (entry[1] == "subject" or child.tag_ == "VBN"):
                return entry[0], child
            subject_roles = {"object": ("nsubjpass",), "subject": ("nsubj",)}[entry[1]]
            if any(c.dep_ in subject_roles for c in child.children):
                return entry[0], child
    return None


def _kind_from_clause(role: Token, lex: QuantityLexicon) -> tuple[str, Token | None] | None:
    """Kind from the verb the people depend on: victims of "killed", subjects of "fled"."""
    while role.dep_ in ("conj", "appos") and role.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        role = role.head
    dep, verb = role.dep_, role.head
    if dep == "pobj" and verb.lower_ in ("between", "including", "among"):
        if verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return _kind_from_clause(verb.head, lex)  # "3 civilians, including two children"
        dep, verb = "dobj", verb.head  # "killed between 20 and 30 civilians"
    if dep == "nsubj" and _lookup(verb, lex.adjectives):
        return _lookup(verb, lex.adjectives), verb  # type: ignore[return-value]  # "were missing"
    entry = lex.verbs.get(verb.lemma_.lower()) or lex.verbs.get(verb.lower_)
    if entry is not None and verb.pos_ in ("VERB", "AUX", "ADJ"):
        kind, wanted = entry
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        if wanted == "object" and (
            dep in ("dobj", "nsubjpass") or (dep == "nsubj" and not has_object and verb.tag_ == "VBN")
        ):
            return kind, verb
        if wanted == "subject" and dep in ("nsubj", "nsubjpass"):
            return kind, verb
    if dep not in ("nsubj", "nsubjpass", "dobj"):
        return None
    for child in verb.children:
        complement = child.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr", "advcl")
        if complement and _lookup(child, lex.adjectives):
            return _lookup(child, lex.adjectives), verb  # type: ignore[return-value]
        if child.dep_ == "prep" and child.lower_ == "as":  # "registered as displaced"
            kinds = [
                _lookup(c, lex.adjectives) for c in child.children if c.dep_ in ("pobj", "pcomp", "amod")
            ]
            if kinds and kinds[0]:
                return kinds[0], verb
        entry = lex.verbs.get(child.lemma_.lower())
        subjectless = not any(c.dep_.startswith("nsubj") for c in child.children)
        if child.dep_ in ("xcomp", "ccomp") and entry and entry[1] == "subject" and subjectless:
            return entry[0], child  # "forced 5,000 people to flee", "started to flee"
    return None


def _kind_from_toll(role: Token, lex: QuantityLexicon) -> tuple[str, Token | None] | None:
    """ "the death toll rose to 45", "a toll of 45", "the toll is 45"."""
    toll = None
    head = role.head
    if role.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ == "toll":
        toll = head.head
    else:
        verb = head.head if role.dep_ == "pobj" else head
        if role.dep_ in ("pobj", "attr", "dobj"):
            toll = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_ == "toll"), None)
    if toll is None:
        return None
    for child in toll.children:
        if child.dep_ in ("compound", "amod") and _lookup(child, lex.nouns):
            return _lookup(child, lex.nouns), None  # type: ignore[return-value]
    return "killed", None


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb above the token: the clause the figure sits in."""
    cur = token
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return cur if cur.pos_ in ("VERB", "AUX") else None


# --- status and links ----------------------------------------------------------------


def _status(frame: _Frame, lex: QuantityLexicon) -> Status:
    verb = frame.verb
    if verb is None:
        return "reported"
    if _projected(verb, lex):
        return "projected"
    if _cumulative(verb, frame.noun, lex):
        return "cumulative"
    return "reported"


def _finite(verb: Token) -> bool:
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in verb.children)


def _projected(verb: Token, lex: QuantityLexicon) -> bool:
    """A modal or forecast word on the figure's clause, climbing through non-finite clauses."""
    cur: Token | None = verb
    while cur is not None:
        if cur.lemma_.lower() in lex.projected:
            return True
        for child in cur.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.modals:
                return True
            if child.dep_ in ("acomp", "advmod", "mark") and child.lemma_.lower() in lex.projected:
                return True
        if cur.dep_ == "relcl" or cur.head.i == cur.i:
            return False
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in cur.children)
        nonfinite = cur.dep_ in ("ccomp", "advcl") and not _finite(cur)
        climbs = cur.dep_ == "xcomp" or nonfinite or (cur.dep_ == "conj" and not own_aux)
        cur = cur.head if climbs else None
    return False


def _clause_tokens(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree without nested finite clauses."""
    skip: set[int] = set()
    for child in verb.children:
        nested = child.dep_ in ("relcl", "ccomp", "conj", "parataxis")
        if nested or (child.dep_ == "advcl" and _finite(child)):
            skip.update(t.i for t in child.subtree)
    return [t for t in verb.subtree if t.i not in skip]


def _cumulative(verb: Token, noun: Token, lex: QuantityLexicon) -> bool:
    """Running totals: "so far", "in total", "since 2011", "the war has killed"."""
    tokens = _clause_tokens(verb)
    words = " " + " ".join(t.lower_ for t in tokens) + " "
    if any(f" {phrase} " in words for phrase in lex.cumulative):
        return True
    for tok in tokens:
        if tok.lower_ == "since" and any(
            YEAR.match(t.text) or t.lemma_.lower() in lex.since_long for t in tok.subtree if t.i != tok.i
        ):
            return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if not perfect:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in lex.long_running


def _event_index(events: Sequence[Event], start: int, verb: Token | None) -> int | None:
    """The event whose trigger is the figure's verb, else the first whose evidence holds it."""
    holding = [i for i, e in enumerate(events) if e.evidence.start <= start < e.evidence.end]
    if verb is not None:
        for i in holding:
            trig = events[i].trigger
            if trig.start <= verb.idx < trig.end:
                return i
    return holding[0] if holding else None
