"""People the model mislabels, found by the title before the name and by the article's own usage.

The small English model often labels a person it has not met an organisation or a place when a
title it does not know stands before the name ("former DP Rigathi Gachagua" as one ORG), and
then labels the bare surname a PERSON a few sentences later ("Gachagua's lawyers"). Such a person
is lost: no person cue, so the title gives no sector and the later surname has no full name to
point back to (coref.py links a surname to the full name introduced before it).

An entity of another label is read as a person here when both hold:

- a person's title from the sector words (`role: person` or `head`: "DP", "Sen.", "Governor",
  "President") opens the entity or stands right before it, and the rest of the entity is one
  to four capitalised proper nouns;
- its last word is labelled PERSON somewhere in the article: the model's own word that the name
  is a person's, given where the context was clearer. "General Motors" or "Governor's Island"
  never are, so a title word beginning an institution's name stays part of that name.

The title becomes a sector cue of its own and the name a person cue, as a PERSON entity after a
title would have given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.actors.dictionary import PERSON_ROLES, ActorDictionary, Entry, norm_token
from newsevents.nlp import entities_of
from newsevents.nlp.words import labelled_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from newsevents.actors.recognise import Cue
    from newsevents.nlp.parsed import ParsedArticle

MAX_NAME = 4  # words of a name after its title
TITLE_WORDS = 3  # words of the longest title read at the start of an entity ("Deputy Prime Minister")


# A cue as `recognise.Cue` takes it: tokens [start, end), entry, form, root token.
Found = tuple[int, int, Entry, str, int]


def titled_people(parsed: ParsedArticle, cues: Sequence[Cue], dictionary: ActorDictionary) -> list[Found]:
    """Title and person cues for entities of other labels that name a titled person (see the
    module docstring); none where the model labels no word of the article a person."""
    doc = parsed.doc
    person_words = labelled_words(doc, "PERSON")
    if not person_words:
        return []
    taken = {i for c in cues for i in range(c.start, c.end)}
    titles = {c.end: c for c in cues if _is_title(c.entry)}
    out: list[Found] = []
    for ent in entities_of(doc):
        if ent.label_ == "PERSON" or ent[-1].lower_ not in person_words:
            continue
        if parsed.is_furniture(ent.start, ent.end) or any(i in taken for i in range(ent.start, ent.end)):
            continue
        title = _leading_title(doc, ent, dictionary)
        start = ent.start + (title.end - title.start if title else 0)
        if title is None and ent.start not in titles:
            continue
        if not 1 <= ent.end - start <= MAX_NAME or not all(_name_word(t.text) for t in doc[start : ent.end]):
            continue
        if title is not None:
            out.append((title.start, title.end, title.entry, "word", doc[title.start : title.end].root.i))
        name = doc[start : ent.end]
        entry = Entry("person", name.text.lower(), name.text, "", None, None, origin="ner")
        out.append((start, ent.end, entry, "ner", name.root.i))
    return out


@dataclass(frozen=True)
class _Title:
    """A title read at the start of an entity: its tokens and the sector entry it names."""

    start: int
    end: int
    entry: Entry


def _leading_title(doc: Doc, ent: Span, dictionary: ActorDictionary) -> _Title | None:
    """The longest person's title the entity opens with, written with a capital, if any."""
    for n in range(min(TITLE_WORDS, len(ent) - 1), 0, -1):
        tokens = doc[ent.start : ent.start + n]
        if not tokens[0].text[:1].isupper():
            return None
        for phrase in dictionary.phrases.get(tuple(norm_token(t.text) for t in tokens), ()):
            if _is_title(phrase.entry):
                return _Title(ent.start, ent.start + n, phrase.entry)
    return None


def _is_title(entry: Entry) -> bool:
    return entry.kind == "sector" and entry.role in PERSON_ROLES and bool(entry.sector)


def _name_word(text: str) -> bool:
    """A word of a person's name: capitalised letters (a hyphen or apostrophe inside allowed)."""
    return text[:1].isupper() and text.replace("-", "").replace("'", "").isalpha()
