"""Whether a known person's name in the text is that person or someone else who shares a surname.

The dictionaries list people by their full names and surnames ("Naftali Bennett", "Bennett"). A
surname inside another person's full name ("U.N. rapporteur Richard Bennett", "Hunter Biden")
is someone else: a first name that is none of the known person's is another person, whom the
article names in full and the dictionary does not know. A title before the surname is no first
name ("President Xi", "Ayatollah Khamenei", "Mr. Biden"): office words the dictionary knows and
the honorifics of `data/en/actors/forenames.yml`. A spelling of the first name that keeps its
consonants ("Mahmud" for "Mahmoud", "Mohamed" for "Muhammad") is the same name transliterated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents import data
from newsevents.data import lists

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsevents.actors.dictionary import ActorDictionary, Entry
    from newsevents.actors.recognise import Cue

FILE = "actors/forenames.yml"
SECTIONS = ("titles",)
VOWELS = frozenset("aeiouy")
SKELETON_MIN = 4  # shorter first names ("Joe", "Jay") share too few consonants to be told apart
NAMING_FORMS = frozenset({"name", "alias"})


@dataclass(frozen=True)
class Forenames:
    """The honorifics read before a surname (lower case, no full stop)."""

    titles: frozenset[str] = frozenset()

    @classmethod
    def load(cls, language: str = "en") -> Forenames:
        return cls(frozenset(lists.words([data.shipped(FILE, language)], SECTIONS)["titles"]))


def first_name(doc: Doc, start: int, titles: frozenset[str], dictionary: ActorDictionary) -> Token | None:
    """The first name right before a person's name that starts at `start`, inside the same
    person the model names ("Hunter" of "Hunter Biden"); None when a title, a dictionary word,
    punctuation or nothing comes before it. Middle initials ("Joe R. Biden") are passed over."""
    i = start - 1
    while i >= 0 and _initial(doc[i]):
        i -= 1
    if i < 0 or (i == start - 1 and not _joined(doc, i, start)):
        return None
    word = doc[i]
    if word.pos_ != "PROPN" or not word.text[:1].isupper() or not word.text.isalpha():
        return None
    lower = word.lower_
    if lower in titles or (lower,) in dictionary.phrases:
        return None
    return word


def someone_else(doc: Doc, start: int, entry: Entry, dictionary: ActorDictionary) -> bool:
    """Whether the person's name at `start` follows a first name that is none of `entry`'s."""
    word = first_name(doc, start, dictionary.forenames.titles, dictionary)
    if word is None:
        return False
    own = _own_words(entry, dictionary)
    return _skeleton(word.lower_) not in own and word.lower_ not in own


def _joined(doc: Doc, i: int, start: int) -> bool:
    """Whether word `i` and the name at `start` are one person to the model: one PERSON entity,
    or a proper-noun compound on the name."""
    name = doc[start]
    if name.ent_type_ == "PERSON" and name.ent_iob_ == "I":
        return True
    return doc[i].dep_ == "compound" and doc[i].head.i >= start


def _initial(token: Token) -> bool:
    """A middle initial: one capital letter and a full stop ("R.")."""
    text = token.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _skeleton(word: str) -> str:
    """A first name's consonants, doubled letters once: the same name in another spelling has
    the same ones ("mahmoud", "mahmud" -> "mhmd"); short names are compared whole."""
    if len(word) < SKELETON_MIN:
        return word
    out: list[str] = []
    for c in word:
        if c not in VOWELS and (not out or out[-1] != c):
            out.append(c)
    return word[0] + "".join(out)


def _own_words(entry: Entry, dictionary: ActorDictionary) -> frozenset[str]:
    """The words of the entry's names and aliases, whole and as skeletons."""
    own = dictionary.cache.get("own_words")
    if own is None:
        own = dictionary.cache["own_words"] = _index(dictionary)
    words = set(own.get((entry.kind, entry.key), ()))
    words.update(entry.name.lower().split())
    return frozenset(words | {_skeleton(w) for w in words})


def _index(dictionary: ActorDictionary) -> dict[tuple[str, str], set[str]]:
    """Person -> the words of every name and alias the dictionary indexes for them."""
    table = dictionary.phrases
    made = table.made() if hasattr(table, "made") else table.items()
    out: dict[tuple[str, str], set[str]] = {}
    for key, phrases in made:
        for p in phrases:
            if p.entry.kind == "person" and p.form in NAMING_FORMS:
                out.setdefault((p.entry.kind, p.entry.key), set()).update(key)
    return out


def others_named_again(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """The cues without a known person's lone surname that follows another person of that
    surname named in full ("Richard Bennett ... Bennett added"): the article's own person, whom
    `recognise._surnames` then reads it as. Unless the article names the known person in full
    too, when the surname stays theirs."""
    others: dict[str, int] = {}
    for c in cues:
        if c.form == "ner" and c.end - c.start > 1:
            others.setdefault(doc[c.end - 1].lower_, c.end)
    if not others:
        return cues
    full = [c for c in cues if c.entry.kind == "person" and c.form != "ner" and c.end - c.start > 1]
    named = {c.entry.key for c in full}
    return [c for c in cues if not _taken_by_other(doc, c, others, named)]


def _taken_by_other(doc: Doc, cue: Cue, others: dict[str, int], named: set[str]) -> bool:
    if cue.entry.kind != "person" or cue.form == "ner" or cue.end - cue.start != 1:
        return False
    seen_at = others.get(doc[cue.start].lower_)
    return seen_at is not None and cue.start >= seen_at and cue.entry.key not in named
