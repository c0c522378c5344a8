"""The office a known person's own words give them, where the dictionary's dates cannot.

A dictionary person's code is their office on the article's day (roles.py). Two things the text
says beside the name are better evidence than dates compiled years ago:

- "former", "ousted", "ex-", "retired" before the role word or name: the person no longer holds
  the office, whatever the dictionary's last row (an article without a date would otherwise
  get the latest office): country + ELI, as roles.py codes a former official;
- a role word of a sector ("the US commander in Iraq, General David Petraeus", "Defence
  Minister X") for a person the dictionary has out of office on that day (ELI; its rows have
  gaps, PETRARCH's stop around 2014): the role word's sector with the person's country;
- a role the mention describes apart from the name ("the US commander in Iraq, General David
  Petraeus") for a person the dictionary has in another home office on the article's day (the
  article's day is not the act's, and an article with a wrong or no date gets the latest row):
  the described role's sector, as it states the office held when the act happened. A title
  just before the name is not enough for this: titles outlive offices ("General Colin Powell"
  as Secretary of State, "General Michel Aoun" as head of a government).

A person the words give the dictionary's own office keeps the dictionary's code: "President
Obama" is USAGOV. A role word of no sector of its own ("head", "chief", a weak "leader") is the
office of the branch named right before it, as `resolve` reads it for anyone: "Senate head Hun
Sen" is the legislature's head (LEG), "army chief X" the military's, whatever a dictionary row
that has the person a former official says.

"Former" on the role word itself says the same of anyone the role describes, known to the
dictionary or not, wherever the role stands in the mention: "Richard Armitage, former deputy
secretary of state", "Malaysia's former prime minister, Najib Razak", "a former senior State
Department official", "Albania's former leader", and a role noun that coreference ties to a
named leader ("the former president"). The person is a former official of the office's
country (ELI, as the annotation guides and PETRARCH code former office holders), not a holder
of the office: `former_offices` runs before coreference, so later short names and pronouns
copy it, and again after, for role nouns that copied a named person's code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.actors.dictionary import PERSON_ROLES, ActorDictionary, norm_token
from newsevents.actors.recognise import Cue
from newsevents.actors.resolve import Draft, label
from newsevents.actors.roles import is_former

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FORMER_WORDS = frozenset({"former", "ex", "ousted", "deposed", "toppled", "retired", "erstwhile"})
# Words before a mention read for "former" and the like: a few modifiers of its own words.
LOOK_BACK = 3
# Sectors a role word can give a person; transnational bodies keep the dictionary's own code.
HOME_OFFICES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def offices_in_words(
    doc: Doc, drafts: list[Draft], cues: Sequence[Cue], dictionary: ActorDictionary
) -> list[Draft]:
    """Known people with the office their mention's own words state (see the module docstring)."""
    out = []
    for d in drafts:
        if d.person and d.code and d.country and d.code.startswith(d.country):
            d = _stated(doc, d, cues, dictionary)
        out.append(d)
    return out


def _stated(doc: Doc, d: Draft, cues: Sequence[Cue], dictionary: ActorDictionary) -> Draft:
    inside = [c for c in cues if d.start <= c.start and c.end <= d.end]
    person = next((c for c in inside if c.entry.kind == "person"), None)
    if person is None:
        return d
    if any(t.lower_.strip("-") in FORMER_WORDS for t in _before_name(doc, d.start, person.end - 1)):
        return d if is_former(d.code or "") else replace(d, code=f"{d.country}ELI", sector="ELI")
    sector = _role_sector(doc, d, person, cues, dictionary)
    if sector is not None and is_former(d.code or ""):
        return replace(d, code=f"{d.country}{sector}", sector=sector)
    described = _described_sector(doc, d, person, cues)
    if described is not None and d.sector in HOME_OFFICES and described != d.sector:
        return replace(d, code=f"{d.country}{described}", sector=described)
    return d


def former_offices(
    doc: Doc, drafts: list[Draft], cues: Sequence[Cue], dictionary: ActorDictionary
) -> list[Draft]:
    """Drafts whose home-office role word is qualified by "former" (or "ex-" and the like) made
    former officials of their country (see the module docstring); others unchanged."""
    out = []
    for d in drafts:
        if d.sector in HOME_OFFICES and _former_role(doc, d, cues):
            sector = d.sector or ""
            if d.code is None:
                name = d.name if d.person else label(dictionary, d.country, "ELI")
                d = replace(d, sector="ELI", name=name)
            elif d.code.endswith(sector):
                d = replace(d, code=f"{d.code[: -len(sector)]}ELI", sector="ELI")
        out.append(d)
    return out


def _former_role(doc: Doc, d: Draft, cues: Sequence[Cue]) -> bool:
    """Whether a role word of a home office in the mention is qualified by a `FORMER_WORDS` word:
    one the parse hangs on the role word, or one right before it ("former President", "ex-
    president"), inside the mention or among the few words just before it. An organ of the
    state named with its role ("a former State Department official") counts as the role."""
    inside = [c for c in cues if d.start <= c.start and c.end <= d.end and c.entry.sector in HOME_OFFICES]
    roles = [c for c in inside if c.entry.kind == "org" or c.entry.role in PERSON_ROLES]
    for cue in roles:
        for t in doc[max(0, d.start - LOOK_BACK) : cue.end]:
            if t.lower_.strip("-") not in FORMER_WORDS:
                continue
            joined = t.i == cue.start - 1 or (t.i == cue.start - 2 and doc[t.i + 1].text == "-")
            if (joined and cue.entry.kind == "sector") or cue.start <= t.head.i < cue.end:
                return True
    return False


def _described_sector(doc: Doc, d: Draft, person: Cue, cues: Sequence[Cue]) -> str | None:
    """The home sector of a role the mention describes apart from the name ("the US commander in
    Iraq, General David Petraeus"), not of a title just before it: titles outlive the office
    ("General Colin Powell" as Secretary of State), a described role says what the person was
    when the act happened, which the dictionary's rows, read on the article's day, cannot."""
    found = [sector for c in cues if d.start <= c.start and c.end < person.start
             and c.entry.kind == "sector" and c.entry.role and not _title_of(doc, c, person)
             and (sector := _office_sector(c, cues)) in HOME_OFFICES]  # fmt: skip
    return found[-1] if found else None


def _office_sector(role: Cue, cues: Sequence[Cue]) -> str | None:
    """The sector a role word gives: its own, or, for a weak word or one with none ("head",
    "chief", "leader"), that of the branch word right before it ("Senate head", "army chief"),
    as `resolve` reads the same words for a person the dictionary does not know; a GOV word
    never makes a military role civilian."""
    own = role.entry.sector
    if own is not None and not role.entry.weak:
        return own
    branches = [c for c in cues if c.end == role.start and c.entry.kind == "sector" and not c.entry.role]
    branch = branches[0].entry.sector if branches else None
    if branch in HOME_OFFICES and not (branch == "GOV" and own == "MIL"):
        return branch
    return own


def _title_of(doc: Doc, cue: Cue, person: Cue) -> bool:
    """Whether the role word runs straight into the name, a title ("General X", "US General X")."""
    return all(t.is_title or t.is_upper for t in doc[cue.start : person.start])


def _before_name(doc: Doc, start: int, last: int) -> list[Token]:
    """The words of the mention before the name's last word, with the modifiers just before the
    mention that qualify it ("former President X", "Former Socialist prime minister X": the
    words hung on the mention's own words) and an "ex-" split off by the tokenizer."""
    words = list(doc[start:last])
    i = start - 1
    while i >= 0 and start - i <= LOOK_BACK and (doc[i].head.i in range(i + 1, last + 1) or i == start - 1):
        words.insert(0, doc[i])
        i -= 1
    if start >= 2 and doc[start - 1].text == "-":
        words.insert(0, doc[start - 2])
    return words


def _role_sector(
    doc: Doc, d: Draft, person: Cue, cues: Sequence[Cue], dictionary: ActorDictionary
) -> str | None:
    """The home sector of the last role word of the mention: a cue of its own ("General" beside
    "David Petraeus"), or a word the person's phrase opens with ("President Barack Obama")."""
    found = [sector for c in cues if d.start <= c.start and c.end <= d.end
             and c.entry.kind == "sector" and c.entry.role
             and (sector := _office_sector(c, cues)) in HOME_OFFICES]  # fmt: skip
    for tok in doc[person.start : person.end - 1]:
        for phrase in dictionary.phrases.get((norm_token(tok.text),), ()):
            entry = phrase.entry
            if entry.kind == "sector" and entry.role and entry.sector in HOME_OFFICES:
                found.append(entry.sector)
    return found[-1] if found else None
