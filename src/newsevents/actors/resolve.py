"""Joining cues into mentions and giving each a code of country + sector.

Cues whose syntactic root modifies another cue (amod, compound, nmod, poss, appos) belong to
that cue's mention, so "Syrian regime forces" or "UN envoy, Staffan de Mistura" is one mention
whose head is the noun the rest hangs on. Its code is built by these rules:

- a named person decides everything (Bashar al-Assad -> SYRGOV, name "Bashar al-Assad"); an
  unknown person takes country and sector from the role words around the name, and the body
  whose office an apposition gives it ("Catherine Russell, UNICEF's executive director");
- otherwise a named organisation does ("UN envoy" -> IGOUNO, "Hezbollah fighters" -> LBNREB);
- otherwise the country is the country, region or demonym nearest the head, and the sector is
  the head's, except that a weak head ("forces", "leader", "official", "groups") takes the
  sector of a modifying sector word ("opposition forces" -> OPP), though a GOV modifier never
  turns military words into government ones ("regime forces" -> MIL), and a modifier naming a
  kind of the head's sector refines it (`REFINES`: "separatist militants" -> SEP);
- a capital or a seat of government alone stands for the government ("Moscow said" -> RUSGOV,
  "accused Beijing of", "urged Tehran to"; "visited Moscow": destinations.py), but a capital that
  is only a place ("in Damascus") is left to the geoparser;
- a country, region or demonym alone is the country itself (code "TUR", sector None).

Country-less mentions are completed by `coref.py`; an agent of a home sector still without a
country ("soldiers", "police") is marked by `complete` and given one by the `actor_countries`
stage once events are placed (geo/actors.py owns that chain).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.actors.dictionary import TRANSNATIONAL, ActorDictionary, Entry, norm_token
from newsevents.actors.recognise import Cue
from newsevents.actors.stateless import Stateless
from newsevents.model import evolve, quick_init
from newsevents.nlp.children import has_child
from newsevents.nlp.syntax import NOUN_MODIFIER_OR_APPOS_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PLACE_KINDS = frozenset({"country", "region"})
# The parties a hyphen joins ("US-China talks"): a country or organisation named, not a demonym
HYPHEN_KINDS = frozenset({"country", "org"})
HYPHEN_FORMS = frozenset({"name", "alias"})
# Sectors that are kinds of another: a modifier of the kind refines a head of the general sector
# whether or not the head is weak ("separatist militants" -> SEP, not REB); the opposition, as
# PETRARCH's agents code it, outranks a civil role it holds ("opposition lawmakers" -> OPP).
REFINES: dict[str, frozenset[str]] = {"REB": frozenset({"SEP"}), "UAF": frozenset({"SEP"}), **{
    s: frozenset({"OPP"}) for s in ("LEG", "GOV", "MED", "EDU", "PTY", "LAB", "CVL", "BUS")}}
# A capital is an actor only where it acts or owns: "Moscow said", "Ankara's decision".
CAPITAL_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "conj"})
# "accused Beijing of", "blamed Washington for": after a capital as object, what it is blamed or asked for
PARTY_PREPS = frozenset({"of", "for"})
# "by Moscow", "talks with Beijing", "sanctions against Moscow": a party, not a place (unlike in/to/at/from)
PARTY_GOVERNORS = frozenset({"by", "with", "against", "toward", "towards"})


@quick_init
@dataclass(frozen=True)
class Draft:
    """A mention on its way to an ActorMention; fields may still be filled by coreference."""

    start: int
    end: int
    head: int
    kind: str
    name: str
    country: str | None
    sector: str | None
    code: str | None = None  # set when an entry gives the full code (people, organisations)
    person: bool = False
    gender: str | None = None
    role: str | None = None  # "head" or "person" when the head is a role word
    role_word: str | None = None
    definite: bool = False
    key: str | None = None  # entry identity for people and organisations
    form: str = "name"
    needs_country: bool = False  # a home-sector agent whose words name no country (see `complete`)


def _parents(doc: Doc, cues: list[Cue]) -> list[int | None]:
    """For each cue, the cue its root modifies (None for the head of a mention)."""
    owner = {i: n for n, c in enumerate(cues) for i in range(c.start, c.end)}
    parents: list[int | None] = []
    for n, cue in enumerate(cues):
        root = doc[cue.root]
        parent = owner.get(root.head.i)
        ok = root.dep_ in NOUN_MODIFIER_OR_APPOS_DEPS and parent is not None and parent != n
        if ok and cue.entry.kind == "person" and root.dep_ != "appos":
            ok = False  # "Assad's forces": the person stays a mention of its own
        if ok and root.dep_ == "appos" and cue.entry.kind == "person" == cues[parent].entry.kind:  # type: ignore[index]
            ok = False  # "Obama, Kerry": a list of two people, not one person
        if ok and root.dep_ == "appos" and _named_countries(cue, cues[parent]):  # type: ignore[index]
            ok = False  # "Greece, Panama and South Korea": a list of countries, not one
        if ok and root.dep_ != "appos" and parent is not None:
            ok = not _coordinated(doc, cue, cues[parent])
        if ok and parent == n + 1 and hyphen_joined(doc, cue, cues[parent]):
            ok = False  # "US-China talks": two parties, not one
        if not ok and _adjacent_modifier(doc, cues, n):
            parent, ok = n + 1, True
        if not ok and (leader := _led_by(doc, cue, owner)) is not None:
            parent, ok = leader, True
        if not ok and (holder := _office_holder(doc, cue, cues, owner)) is not None:
            parent, ok = holder, True
        parents.append(parent if ok else None)
    # A cycle cannot come from a tree parse, but guard against a mis-set head.
    for n in range(len(parents)):
        seen, p = {n}, parents[n]
        while p is not None:
            if p in seen:
                parents[n] = None
                break
            seen.add(p)
            p = parents[p]
    return parents


def _named_countries(*cues: Cue) -> bool:
    """Every cue names a country by its name or an alias (not a demonym, capital or seat)."""
    return all(c.entry.kind == "country" and c.form in HYPHEN_FORMS for c in cues)


def hyphen_joined(doc: Doc, first: Cue, second: Cue) -> bool:
    """ "US-China", "Israel-Hamas", "Russia-Ukraine": two named countries or organisations joined by
    a bare dash are the two parties of what follows ("talks", "ceasefire", "border clash"), each a
    mention of its own, never one actor coded as the second. Only names count: "Saudi-led" and
    "African-American" join no two parties."""
    dash = first.end
    if second.start != dash + 1 or dash >= len(doc) or norm_token(doc[dash].text):
        return False
    if doc[dash - 1].whitespace_ or doc[dash].whitespace_:
        return False  # "Kabul - Afghan forces": a dash between clauses, not inside a name
    return all(c.form in HYPHEN_FORMS and c.entry.kind in HYPHEN_KINDS for c in (first, second))


def _adjacent_modifier(doc: Doc, cues: list[Cue], n: int) -> bool:
    """A country or demonym right before a sector word modifies it, whatever the parse says.

    The small model often hangs both words of a headline's "German FM appeals" on the verb it
    took for a noun, or the second of "Russian and Ukrainian counterparts" on the first.
    """
    cue = cues[n]
    if n + 1 >= len(cues) or cue.entry.kind not in PLACE_KINDS or cue.form in ("capital", "seat"):
        return False
    nxt = cues[n + 1]
    if nxt.start != cue.end or nxt.entry.kind != "sector":
        return False
    root = doc[cue.root]
    return root.dep_ in NOUN_MODIFIER_OR_APPOS_DEPS - {"poss", "appos"} or root.dep_ == "conj"


def _led_by(doc: Doc, cue: Cue, owner: dict[int, int]) -> int | None:
    """ "Saudi-led forces", "Vietnamese-led troops": a country that leads a body is its country.

    The parse hangs the country on "led" and "led" on the noun, so the country would be a mention
    of its own; the cue it leads is returned as its parent. Only "-led": "Russian-backed
    separatists" are not Russian.
    """
    if cue.entry.kind not in PLACE_KINDS or cue.form in ("capital", "seat"):
        return None
    led = doc[cue.root].head
    joined = led.i == cue.end + 1 and doc[cue.end].text == "-"
    if not joined or led.lower_ != "led" or led.dep_ != "amod":
        return None
    return owner.get(led.head.i)


def _governor(doc: Doc, cue: Cue) -> int:
    head = doc[cue.root].head  # the token the cue hangs on; for the body of an office, the holder
    return head.head.i if head.dep_ == "appos" and cue.entry.kind == "org" else head.i


def _office_holder(doc: Doc, cue: Cue, cues: list[Cue], owner: dict[int, int]) -> int | None:
    """ "Catherine Russell, UNICEF's executive director": the body of an office in apposition is
    the person's, when the office is no cue of its own ("ambassador" already joins the mention)."""
    root, office = doc[cue.root], doc[cue.root].head
    owned = root.dep_ == "poss" or has_child(doc, cue.root, ("case",))  # "UNICEF's" either way
    if cue.entry.kind != "org" or not owned or office.dep_ != "appos" or office.i in owner:
        return None
    holder = owner.get(office.head.i)
    return holder if holder is not None and cues[holder].entry.kind == "person" else None


def share_heads(doc: Doc, drafts: list[Draft], dictionary: ActorDictionary) -> list[Draft]:
    """ "Russian and Ukrainian counterparts", "Chad and Sudan officials": the first country shares
    the head's sector.

    A country-only draft (demonym or name) that modifies a noun and is coordinated with the
    modifier of another draft's sector head names that sector of its own country (RUSGOV and
    UKRGOV), not the bare country.
    """
    heads = {i: d for d in drafts if d.sector and not d.person for i in range(d.start, d.end)}
    out = []
    for d in drafts:
        tok = doc[d.head]
        pre_modifier = tok.dep_ in ("amod", "compound", "nmod")
        if d.sector is None and d.country and d.kind in ("demonym", "name") and pre_modifier:
            later = [c.i for c in tok.conjuncts if c.i in heads and c.i > tok.i and c.tag_ in ("JJ", "NNP")]
            other = heads[later[0]] if later else None
            if other is not None and other.country and other.country != d.country and other.key is None:
                d = evolve(d, sector=other.sector, code=None, kind="demonym",
                            name=label(dictionary, d.country, other.sector))
        out.append(d)
    return out


def _coordinated(doc: Doc, cue: Cue, parent: Cue) -> bool:
    """A conjunction or comma between modifier and head means a list, not one noun phrase.

    The small model hangs the first conjunct of a list on the last noun ("Saudi Arabia and Houthi
    rebels"), which would otherwise merge two actors into one.
    """
    lo, hi = (cue.end, parent.start) if cue.end <= parent.start else (parent.end, cue.start)
    return any(t.pos_ == "CCONJ" or t.text in (",", ";") for t in doc[lo:hi])


def group(doc: Doc, cues: list[Cue]) -> list[list[Cue]]:
    """Cues grouped by mention, each group listed left to right with its head cue last-found root."""
    parents = _parents(doc, cues)

    def top(n: int) -> int:
        while parents[n] is not None:
            n = parents[n]  # type: ignore[assignment]
        return n

    groups: dict[int, list[Cue]] = {}
    for n, cue in enumerate(cues):
        groups.setdefault(top(n), []).append(cue)
    return [groups[k] for k in sorted(groups, key=lambda k: cues[k].start)]


def _sector(head: Cue | None, mods: list[Cue]) -> str | None:
    """The head's sector, or a modifier's where the head is weak (see module docstring)."""
    own = head.entry.sector if head is not None else None
    refined = next((c.entry.sector for c in mods if c.entry.sector in REFINES.get(own or "", ())), None)
    if refined:
        return refined
    if head is not None and not head.entry.weak:
        return own
    for cue in reversed(mods):  # the modifier nearest the head wins
        sec = cue.entry.sector
        if cue.entry.kind == "sector" and sec is not None:
            if sec == "GOV" and own == "MIL":
                continue
            return sec
    return own


def label(dictionary: ActorDictionary, country: str | None, sector: str | None) -> str:
    place = dictionary.countries.get(country) if country else None
    label = dictionary.sector_labels.get(sector, sector or "") if sector else ""
    if place is None:
        return label[:1].upper() + label[1:]
    if not label:
        return place.name
    return f"{place.demonym or place.name} {label}"


def draft(doc: Doc, cues: list[Cue], dictionary: ActorDictionary) -> Draft | None:
    """One mention from one group of cues, or None when it names no actor."""
    tops = [c for c in cues if not any(o is not c and o.start <= _governor(doc, c) < o.end for o in cues)]
    head_cue = tops[-1] if tops else cues[-1]
    start, end = min(c.start for c in cues), max(c.end for c in cues)
    people = [c for c in cues if c.entry.kind == "person"]
    orgs = [c for c in cues if c.entry.kind == "org"]
    places = [c for c in cues if c.entry.kind in PLACE_KINDS]
    sectors = [c for c in cues if c.entry.kind == "sector"]
    role_cue = next((c for c in reversed(sectors) if c.entry.role), None)
    place = min(places, key=lambda c: abs(c.root - head_cue.root)).entry if places else None
    country = place.code if place is not None and place.kind == "country" else None
    region = place.code if place is not None and place.kind == "region" else None
    base = {
        "start": start, "end": end, "head": head_cue.root,
        "role": role_cue.entry.role if role_cue else None,
        "role_word": doc[role_cue.root].lemma_.lower() if role_cue else None,
        "definite": any(t.dep_ == "det" and t.lower_ in DEFINITE for t in doc[head_cue.root].lefts),
    }
    if people:
        sector_heads = [c for c in sectors if c is head_cue] or sectors[-1:]
        return _person_draft(people, orgs, places, sectors, sector_heads, country, base)
    if orgs:
        o = orgs[-1].entry
        return Draft(**base, kind="name", name=o.name, country=o.country, sector=o.sector, code=o.code,
                     key=o.key, form=orgs[-1].form)
    if sectors:
        root = doc[head_cue.root]
        if len(cues) == 1 and root.pos_ == "ADJ" and root.dep_ == "amod":
            return None  # "a military raid", "civilian casualties": a quality of a thing, no actor
        head = head_cue if head_cue.entry.kind == "sector" else sectors[-1]
        sector = _sector(head, [c for c in sectors if c is not head])
        if sector is None:
            return _body(doc, cues, base)
        kind = "name" if any(c.form in ("name", "alias", "capital", "seat") for c in places) else (
            "demonym" if places else "noun")
        return Draft(**base, kind=kind, name=label(dictionary, country or region, sector), country=country,
                     sector=sector, code=f"{region}{sector}" if region else None, form="word")
    return _place_only(doc, places, dictionary, base)


def _person_draft(
    people: list[Cue],
    orgs: list[Cue],
    places: list[Cue],
    sectors: list[Cue],
    sector_heads: list[Cue],
    country: str | None,
    base: dict,  # type: ignore[type-arg]
) -> Draft:
    """A person: a dictionary person keeps its own code; a person the model named takes the
    organisation or sector around it ("Oxfam's John Smith"), else stays uncoded for coreference."""
    p = next((c for c in people if c.form != "ner"), people[-1])
    e = p.entry
    if e.code:
        return Draft(**base, kind="name", name=e.name, country=e.country, sector=e.sector, code=e.code,
                     person=True, gender=e.gender, key=e.key, form=p.form)
    sector = _sector(sector_heads[0] if sector_heads else None, orgs + places + sectors[:-1])
    org = orgs[-1].entry if orgs else None
    if org is None and sector is None:
        # Kept for coreference (a later surname or "he" may point to it) but never coded.
        return Draft(**base, kind="name", name=e.name, country=None, sector=None, person=True,
                     key=e.key, form="ner")
    return Draft(**base, kind="name", name=e.name, country=org.country if org else country,
                 sector=org.sector if org else sector, code=org.code if org else None,
                 person=True, key=e.key, form="ner")


def _body(doc: Doc, cues: list[Cue], base: dict) -> Draft | None:  # type: ignore[type-arg]
    """ "the group" alone: a stand-in for the body the article last named, left uncoded for
    `coref` to fill. Only the bare definite noun, in lower case with nothing before it but "the":
    "the Group of Seven" is a name, "the group of protesters" and "the rebel group" say more."""
    word = doc[cues[0].root]
    if len(cues) > 1 or cues[0].entry.role != "body" or not base["definite"] or not word.is_lower:
        return None
    if [t.lower_ for t in word.lefts] != ["the"] or any(t.lower_ == "of" for t in word.rights):
        return None
    return Draft(**base, kind="noun", name="", country=None, sector=None, form="word")


def _capital_acts(word: Token) -> bool:
    """A capital that acts or owns ("Moscow said", "by Moscow"), or the party a verb aims at and
    asks or blames for something ("accused Beijing of", "blamed Washington for", "urged Tehran to"),
    or the party dealt with (`PARTY_GOVERNORS`: "talks with Beijing");
    "in Moscow", "shelled Juba for the first time" name the place ("visited Moscow": destinations.py)."""
    if word.dep_ in CAPITAL_ACTOR_DEPS or (word.dep_ == "pobj" and word.head.lower_ in PARTY_GOVERNORS):
        return True
    asked = [c for c in word.head.children if c.dep_ == "xcomp" or c.lower_ in PARTY_PREPS]
    asked = [c for c in asked if c.i > word.i and c.dep_ in ("xcomp", "prep") and not _a_time(c)]
    return word.dep_ == "dobj" and bool(asked)


def _a_time(prep: Token) -> bool:
    """ "for the first time", "for years": a preposition of time, not what the object is blamed for."""
    return any(g.lower_ == "time" or g.ent_type_ in ("DATE", "TIME") for g in prep.subtree if g.i != prep.i)


def _place_only(doc: Doc, places: list[Cue], dictionary: ActorDictionary, base: dict) -> Draft | None:  # type: ignore[type-arg]
    cue = places[-1]
    entry: Entry = cue.entry
    country = entry.code if entry.kind == "country" else None
    if cue.form in ("capital", "seat"):
        if cue.form == "capital" and all(t.text.isupper() for t in doc[cue.start : cue.end]):
            return None  # "BAGHDAD, A suicide bomber ...": a dateline, not the government
        acts = _capital_acts(doc[cue.root]) or dictionary.destinations.visited(doc[cue.root])
        if cue.form == "capital" and not acts:
            return None
        return Draft(**base, kind="name", name=label(dictionary, entry.code, "GOV"), country=country,
                     sector="GOV", code=f"{entry.code}GOV", form=cue.form)
    kind = "demonym" if cue.form == "demonym" else "name"
    return Draft(**base, kind=kind, name=entry.name, country=country, sector=None, code=entry.code,
                 form=cue.form)


def complete(draft_: Draft, doc: Doc | None = None, stateless: Stateless | None = None) -> Draft:
    """Mark a country-less home-sector mention as needing a country, unless its words say it is
    of no one country ("world leaders"; "international rights groups", a non-governmental body:
    `stateless.py`).

    Which country is a question of where its event happened, which is not known yet: the
    `actor_countries` stage answers it after events are placed (geo/actors.py).
    """
    if draft_.country or draft_.code or draft_.sector in TRANSNATIONAL or not draft_.sector:
        return draft_
    if doc is not None and stateless is not None and stateless.of_no_country(doc[draft_.head]):
        return evolve(draft_, code=stateless.code_of(draft_.sector))
    return evolve(draft_, needs_country=True)


def code_of(draft_: Draft) -> str:
    """The CAMEO-style code: an entry's own code, else country (or region) + sector ("" if none).

    A person the dictionary does not know and no role word describes has no code.
    """
    if draft_.person and not draft_.code and not draft_.sector:
        return ""
    if draft_.code:
        return draft_.code
    return f"{draft_.country or ''}{draft_.sector or ''}"
