"""A body named again by its initials: "the National Congress Party ... seize the NCP's assets",
"the Popular Unity Party (UPF) ... the UPF said".

News spells a body out once and then goes on with an acronym the dictionary may not know. A word
in capitals only (two to six letters) that no actor word covers is the body named before it
when it spells the initials of that body's capitalised words (small words such as "of" and
"and" left out; an article ends the name), or when the text gave it in parentheses right after
that body's name: the acronym's own definition, which need not be its initials ("Doctors
Without Borders (MSF)"). The body is a mention of two words or more with a sector or a code,
no person and no person's role, so "DP" after "Deputy President" stays an office, not an actor.
The acronym in the parentheses is left alone: it only restates the name beside it. With two
bodies of the same initials, the one named last counts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.actors.dictionary import PERSON_ROLES
from newsevents.actors.resolve import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsevents.nlp.parsed import ParsedArticle

MIN_LETTERS, MAX_LETTERS = 2, 6
JOINING = frozenset({"ADP", "CCONJ"})  # parts of speech of the small words initials leave out ("of", "and")


def named_by_initials(parsed: ParsedArticle, drafts: list[Draft]) -> list[Draft]:
    """The drafts, with one more for each acronym that names a body named before it."""
    doc = parsed.doc
    bodies = [d for d in drafts if _body(d)]
    if not bodies:
        return drafts
    taken = {i for d in drafts for i in range(d.start, d.end)}
    spelled: list[tuple[int, str, Draft]] = []  # (token after which it counts, acronym, body)
    for body in bodies:
        letters = _initials(doc, body)
        if letters:
            spelled.append((body.end, letters, body))
        given = _in_parentheses(doc, body.end)
        if given is not None:
            spelled.append((given + 2, doc[given].text, body))
            taken.add(given)
    found: list[Draft] = []
    for tok in doc:
        if tok.i in taken or not parsed.codable[tok.i] or not _acronym(tok.text):
            continue
        named = [b for after, text, b in spelled if after <= tok.i and text == tok.text]
        if named:
            body = max(named, key=lambda b: b.end)
            found.append(replace(body, start=tok.i, end=tok.i + 1, head=tok.i, kind="coref",
                                 key=body.key or f"@{body.start}", definite=False))  # fmt: skip
    return sorted([*drafts, *found], key=lambda d: d.start) if found else drafts


def _body(d: Draft) -> bool:
    """A named body of two words or more: a sector or a code, no person, no person's role."""
    return d.end - d.start > 1 and bool(d.sector or d.code) and not d.person and d.role not in PERSON_ROLES


def _acronym(text: str) -> bool:
    return MIN_LETTERS <= len(text) <= MAX_LETTERS and text.isalpha() and text.isupper()


def _initials(doc: Doc, body: Draft) -> str:
    """The first letters of the capitalised words of the name that ends the body's mention, read
    back from its last word past the mention's start ("National" of "the National Congress Party"
    is a word the mention may leave out); "" when fewer than two."""
    letters: list[str] = []
    i = body.end - 1
    while i >= 0 and doc[i].is_alpha:
        word = doc[i].text
        if word[0].isupper() and doc[i].pos_ != "DET":
            letters.append(word[0])
        elif doc[i].pos_ not in JOINING or not letters:
            break
        i -= 1
    return "".join(reversed(letters)) if len(letters) >= MIN_LETTERS else ""


def _in_parentheses(doc: Doc, end: int) -> int | None:
    """The token of an acronym written in parentheses right after a name that ends at `end`."""
    if end + 2 >= len(doc) or (doc[end].text, doc[end + 2].text) != ("(", ")"):
        return None
    return end + 1 if _acronym(doc[end + 1].text) else None
