"""Home actors placed by a preposition of their own phrase: "a court in Guyana", "rebels in Chad",
or by a province of one country in their own words ("Ontario's provincial leader": provinces.py).

Split from `resolve.py`, which drafts the mentions: a country-less home actor takes the country its
own "in", "of" or "from" phrase names, or that of a participle or adjective after it that says where
the actor is ("militants based in Afghanistan", "fighters present on Afghan soil"), before
coreference would give it the country of the groups named earlier in the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.actors.dictionary import ActorDictionary
from newsevents.actors.provinces import own_province, province_countries
from newsevents.actors.recognise import Cue
from newsevents.actors.resolve import Draft, label
from newsevents.nlp.children import children_of, has_child

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Home actors placed by a preposition of their own phrase: "a court in Guyana", "rebels in Chad",
# "police in Kabul", "the army of Chad", "refugees from Syria". Armed forces "in" a country are often
# foreign, refugees there are so by definition, gunmen and gangs cross borders: MIL, REF, UAF and CRM
# take only "of" or "from"; activists and rights groups "of" a country are as often its foes
# ("critics of Russia"); bodies without a home (IGO, NGO, IMG, MNC) take none.
_IN_HOME = frozenset({"GOV", "COP", "JUD", "LEG", "SPY", "OPP", "REB", "SEP", "CVL", "EDU", "LAB",
                      "BUS", "MED", "HLH", "REL", "ELI", "PTY", "HRI"})
_ANY_HOME = _IN_HOME | {"MIL", "REF", "UAF", "CRM"}
PLACED_BY = {
    "in": _IN_HOME, "inside": _IN_HOME, "throughout": _IN_HOME, "across": _IN_HOME,
    "of": _ANY_HOME - {"OPP", "ELI", "HRI"}, "from": _ANY_HOME,
}


def place_by_preposition(
    doc: Doc, drafts: list[Draft], dictionary: ActorDictionary, cues: Sequence[Cue] = ()
) -> list[Draft]:
    """Country-less home actors take the country their own "in"/"of"/"from" phrase names (a country, or
    a capital that is only a place there), unless a possessive says whose they are ("its fighters")."""
    countries = {d.head: d.country for d in drafts if d.country and d.sector is None and not d.person}
    for cue in cues:
        if cue.form == "capital" and cue.entry.kind == "country":
            countries.setdefault(cue.root, cue.entry.code)
    provinces = province_countries(doc, dictionary)
    for root, (_, _, code) in provinces.items():
        countries.setdefault(root, code)
    out = []
    for d in drafts:
        owned = has_child(doc, d.head, ("poss",))
        if d.country is None and d.code is None and d.sector in _ANY_HOME:
            # a province of the actor's own words ("Ontario's provincial leader"), possessive or not
            found = own_province(doc, d.start, d.end, d.head, provinces)
            if found is None and not owned:
                found = _placed(doc[d.head], d.sector, countries)
            if found:
                name = d.name if d.person else label(dictionary, found, d.sector)
                d = replace(d, country=found, name=name)
        out.append(d)
    return out


# "militants based in Afghanistan", "fighters present on Afghan soil": a participle or adjective
# after the noun that says where the actor is, by "in", "on" or "from", places home actors as "in"
# does (not armies, refugees, gunmen or gangs, for the reasons above).
SITED_PREPS = frozenset({"in", "inside", "on", "from"})


def _placed(head: Token, sector: str, countries: dict[int, str]) -> str | None:
    """The country of the head's own preposition that places its sector, else of a participle's
    or adjective's after it ("based in", "present on")."""
    own = [p for p in children_of(head, ("prep",)) if sector in PLACED_BY.get(p.lower_, ())]
    after = [w for w in children_of(head, ("acl", "amod")) if w.i > head.i and sector in _IN_HOME]
    sited = [p for w in after for p in w.children if p.dep_ == "prep" and p.lower_ in SITED_PREPS]
    found = [c for p in own if (c := _country_of(p, countries, modifiers=False))]
    found += [c for p in sited if (c := _country_of(p, countries, modifiers=True))]
    return found[0] if found else None


def _country_of(prep: Token, countries: dict[int, str], modifiers: bool) -> str | None:
    """The country a preposition's object names: itself ("in Chad"), or, after a participle, a
    country word that modifies it ("on Afghan soil", "in Pakistan's tribal areas")."""
    for obj in (g for g in prep.children if g.dep_ == "pobj"):
        if obj.i in countries:
            return countries[obj.i]
        mods = [c.i for c in obj.children if c.dep_ in ("amod", "compound", "poss") and c.i in countries]
        if modifiers and mods:
            return countries[mods[0]]
    return None
