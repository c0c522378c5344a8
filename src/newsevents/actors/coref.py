"""Light coreference: pronouns, role nouns and short names that point back to an actor already named.

News articles name an actor once in full and then say "he", "the regime leader", "the official"
or "Assad". Six rules, applied left to right so each resolution can feed the next:

- a surname, a one-word person name or the full name again after the full name is the same person
  (kind "coref"), the first person introduced under that surname when relatives share it; a
  one-word name that is no surname may be the first word of a coded person's full name, when only
  one such person was named ("Prime Minister Mahathir Mohamad ... Mahathir's government"): many
  names (Malay, Thai, Chinese, Korean) are shortened to their first word;
- a definite singular role noun ("the regime leader", "the Syrian leader", "the official")
  takes the most recent earlier actor with the same role word, or for head-of-state words the
  most recent person of the same country and sector; a definite collective noun without a
  country ("the regime") takes the country of the last mention with the same head word, and
  its sector too when the noun has none of its own ("the group");
- "he/him/his" and "she/her" take the most salient compatible person: salience adds how often
  the person was mentioned (capped), a bonus for the headline (the article's protagonist), a
  bonus for being mentioned in this or the previous sentence, less two sentences back, and a
  bonus for having been a subject. News reuses "he said" for the protagonist after a brief aside
  about someone else, which recency alone gets wrong; but a possessive ("his", "her") takes the
  nearest person named before it in its own sentence ("sanctions on Dodik and his network",
  "spoke with Armitage about his trip"), known to the dictionary or not; and a subject "he"/"she"
  of what a person said or told is that person ("Mehdiyev said he is cooperating"); never a
  person named as another argument of its own verb or joined to it ("He urged Farmajo", "She and
  Lockyear": `pronoun_fit`); with no candidate in the window, the one person the story has
  called by that pronoun more often than by the other;
- "the group" alone takes the organisation named last, within three sentences, that is no organ
  of a state (an armed group, a party, a company, an NGO or IGO);
- an unnamed armed-group noun ("militants", "suicide bombers") takes the country and sector of
  the armed groups named before it when they are all of one country (a story about the BLA calls
  its fighters "terrorists"; with two sides named, the noun could be either and is left alone),
  or, when none is named before it, of those named after it;
- "it", "they" and "them" take a group named before them, as `group_pronouns` tells.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsevents.actors.acts import Acts
from newsevents.actors.dictionary import PERSON_ROLES
from newsevents.actors.group_pronouns import GROUP, OBJECT, group_of, object_group
from newsevents.actors.possessive import POSSESSIVE, possessor
from newsevents.actors.pronoun_fit import co_arguments, sole_gender
from newsevents.actors.resolve import Draft
from newsevents.nlp import sentences_of
from newsevents.nlp.syntax import SUBJECT_DEPS
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsevents.nlp.parsed import ParsedArticle

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
# Salience weights; see the module docstring for why each exists.
COUNT_CAP = 4
TITLE_BONUS = 2.0
RECENCY = {0: 6.0, 1: 5.0, 2: 2.0, 3: 1.0}
SUBJECT_BONUS = 1.0
WINDOW = 6  # sentences back a non-headline person stays a candidate
ARMED = frozenset({"REB", "SEP"})  # sectors of armed groups that hold a country (not IMG, UAF)
# Organs of a state: "the group" is never one of them ("the ministry", "the army" are named as such).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
BODY_WINDOW = 3  # sentences back a named body stays the referent of "the group"


@dataclass
class _History:
    """What has been said so far, for the resolutions that look back."""

    doc: Doc
    parsed: ParsedArticle
    sent_of: list[int]
    seen: list[Draft]
    ahead: list[Draft]  # every draft of the article, before coreference
    acts: Acts  # acts of force, whose doer an acting "they" is read from

    def in_title(self, d: Draft) -> bool:
        return self.parsed.in_headline(d.head, d.head + 1)

    def plural(self, d: Draft) -> bool:
        return self.doc[d.head].tag_ in ("NNS", "NNPS")


def _identity(d: Draft) -> str:
    return d.key or f"@{d.start}"


def _copy_person(d: Draft, ante: Draft) -> Draft:
    return replace(d, kind="coref", name=ante.name, country=ante.country, sector=ante.sector, code=ante.code,
                   person=True, gender=ante.gender, key=_identity(ante))


def _short_name(d: Draft, h: _History) -> Draft:
    if d.form == "surname" and any(s.key == d.key and s.form != "surname" for s in h.seen):
        return replace(d, kind="coref")
    if d.form == "ner" and d.end - d.start > 1 and not d.code and not d.sector:
        # the full name again ("Cambodian journalist Mech Dara ... Mech Dara was released")
        named = [s for s in h.seen if s.person and (s.code or s.sector)]
        again = next((s for s in named if _plain(s.name) == _plain(d.name)), None)
        return _copy_person(d, again) if again is not None else d
    if d.form == "ner" and d.end - d.start == 1 and not d.code:
        word = h.doc[d.start].lower_
        # the first person of that surname: news names a namesake relative in full ("his wife,
        # Liri Berisha") and keeps the bare surname for the one it introduced first
        for s in h.seen:
            if s.person and s.end - s.start > 1 and word in (h.doc[s.end - 1].lower_, _last_name(s)):
                return _copy_person(d, s)
        # else the first word of one full name given before ("Prime Minister Mahathir Mohamad ...
        # Mahathir's government"): Malay, Chinese, Korean and Thai names are often shortened to it
        coded = [s for s in h.seen if s.person and (s.code or s.sector)]
        first = {_plain(s.name): s for s in coded if _first_name(s) == word}
        if len(first) == 1:
            return _copy_person(d, next(iter(first.values())))
    return d


def _plain(name: str) -> str:
    """A name as compared: lower case, without the possessive the model may include ("Mech Dara's")."""
    return name.lower().removesuffix("'s").removesuffix("\u2019s").strip()


def _last_name(d: Draft) -> str:
    """The last word of a person's name, wherever the mention ends ("Doug Ford, Ontario's provincial
    leader" is Ford's)."""
    parts = d.name.split()
    return parts[-1].lower() if parts else ""


def _first_name(d: Draft) -> str:
    """The first word of a person's full name; none for a one-word name."""
    parts = d.name.split()
    return parts[0].lower() if len(parts) > 1 else ""


def _role(d: Draft, h: _History) -> Draft:
    if d.person or d.role in (None, "body") or h.plural(d) or not (d.definite or d.country):
        return d
    for s in reversed(h.seen):
        if d.country and s.country and s.country != d.country:
            continue
        same_word = s.role_word == d.role_word
        head_office = d.role == "head" and s.person and s.sector == d.sector
        if (same_word or head_office) and (s.person or s.role):
            if s.person:
                return _copy_person(d, s)
            return replace(d, kind="coref", name=s.name, country=s.country, sector=s.sector, code=s.code)
    return d


def _named_body(d: Draft, h: _History) -> Draft:
    """ "the group" alone (`resolve._body`) is the body named last within `BODY_WINDOW` sentences:
    an organisation of the dictionary outside the state's own organs ("the BLA ... the group
    said"). Left uncoded, and so no mention, when there is none."""
    if d.role != "body" or d.sector or d.code or h.plural(d):
        return d
    sent = h.sent_of[d.head]
    for s in reversed(h.seen):
        if sent - h.sent_of[s.head] > BODY_WINDOW:
            break
        if s.key and not s.person and s.sector and s.sector not in STATE_SECTORS:
            return replace(d, kind="coref", name=s.name, country=s.country, sector=s.sector, code=s.code,
                           key=_identity(s))
    return d


def _collective(d: Draft, h: _History) -> Draft:
    """ "the regime" after "the Syrian regime": the country of the last mention with the same head
    word. A head word with no sector of its own ("the group" after "the separatist group") takes
    that mention's sector too: the same body named again, not the country it is in."""
    if d.country or d.code or d.person or not d.definite:
        return d
    lemma = h.doc[d.head].lemma_.lower()
    for s in reversed(h.seen):
        if s.country and h.doc[s.head].lemma_.lower() == lemma:
            if d.sector is None:
                return replace(d, kind="coref", country=s.country, name=s.name, sector=s.sector, code=s.code)
            return replace(d, kind="coref", country=s.country, name=s.name)
    return d


def _armed_kin(d: Draft, h: _History) -> Draft:
    """An unnamed armed-group noun ("militants", "the insurgents") takes the country and sector of
    the armed groups the article has named, when all of them are of one country: the story's
    fighters are that side's ("BLA" named, then "terrorists" -> PAK SEP). Before any is named,
    the groups the article names after it count: a lead often tells of "terrorists" killed and
    names their group a sentence later."""
    if d.person or d.key or d.sector not in ARMED:
        return d
    named = [s for s in h.seen if _armed_group(s)] or [s for s in h.ahead if _armed_group(s)]
    if not named or len({s.country for s in named}) > 1 or d.country not in (None, named[-1].country):
        return d
    return replace(d, country=named[-1].country, sector=named[-1].sector)


def _armed_group(s: Draft) -> bool:
    """A named armed group with a country (an organisation of the dictionary, REB or SEP)."""
    return bool(s.key and not s.person and s.sector in ARMED and s.country)


def _score(cands: list[Draft], pos: int, h: _History) -> dict[str, float]:
    """Salience of each candidate identity at token `pos` (weights in the module constants)."""
    sent = h.sent_of[pos]
    count: dict[str, int] = {}
    titled: set[str] = set()
    latest: dict[str, Draft] = {}
    for s in cands:
        ident = _identity(s)
        count[ident] = count.get(ident, 0) + 1
        latest[ident] = s
        if h.in_title(s):
            titled.add(ident)
    scores: dict[str, float] = {}
    for ident, s in latest.items():
        recency = RECENCY.get(sent - h.sent_of[s.head], 0.0)
        subject = SUBJECT_BONUS if h.doc[s.head].dep_ in SUBJECT_DEPS else 0.0
        title = TITLE_BONUS if ident in titled else 0.0
        scores[ident] = min(count[ident], COUNT_CAP) + title + recency + subject
    return scores


def _compatible(s: Draft, female: bool, h: _History) -> bool:
    """A person, or a singular person role ("a Turkish official"), of a gender that fits the pronoun;
    a body ("the group") is no "he" or "she"."""
    if not (s.person or (s.role in PERSON_ROLES and not h.plural(s))):
        return False
    return (s.gender == "f") == female if s.gender else True


def _pronoun(pos: int, h: _History) -> Draft | None:
    word = h.doc[pos].lower_
    female = word in FEMALE
    sent = h.sent_of[pos]
    keys, names = co_arguments(pos, h.doc, h.ahead)  # "He urged Farmajo" is not Farmajo
    cands = [s for s in h.seen if _compatible(s, female, h) and _identity(s) not in keys
             and _last_name(s) not in names]
    near = [s for s in cands if sent - h.sent_of[s.head] <= WINDOW or h.in_title(s)]
    # Beyond the window: the one person the story has called by this pronoun ("She and Lockyear
    # urged", the UNICEF head named ten sentences before and since called "she").
    told = sole_gender(h.seen, h.doc, female)
    cands = near or ([s for s in cands if _identity(s) in told] if len(told) == 1 else [])
    if not cands:
        return None
    here = [s for s in cands if s.person and h.sent_of[s.head] == sent]
    teller = _teller(pos, cands, h)
    if teller is not None:
        ante = teller  # "Mehdiyev said he is cooperating", "Ombongi told VOA she was surprised"
    elif h.doc[pos].dep_ == "poss" and here:
        ante = here[-1]  # "Dodik and his network", "spoke with Armitage about his trip"
    else:
        scores = _score(cands, pos, h)
        latest = {_identity(c): c for c in cands}
        ante = latest[max(scores, key=lambda k: (scores[k], latest[k].start))]
    d = Draft(start=pos, end=pos + 1, head=pos, kind="pronoun", name=ante.name, country=ante.country,
              sector=ante.sector, code=ante.code, person=ante.person, gender=ante.gender,
              role=ante.role, role_word=ante.role_word, key=_identity(ante), form="pronoun")
    return d


def _teller(pos: int, cands: list[Draft], h: _History) -> Draft | None:
    """"he"/"she" as the subject of what a person said or told is that person ("Mehdiyev said he
    is cooperating", "Ombongi told VOA she was surprised"), whoever else the story has made
    salient: the person (or singular person role, "the official") of a gender that fits the
    pronoun, as `group_pronouns` does for groups."""
    tok = h.doc[pos]
    if tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ != "ccomp" or tok.head.i < pos:
        return None
    subjects = {c.i for c in tok.head.head.children if c.dep_ in SUBJECT_DEPS}
    return next((s for s in reversed(cands) if s.head in subjects), None)


def resolve(parsed: ParsedArticle, drafts: list[Draft], acts: Acts | None = None) -> list[Draft]:
    """Drafts with coreference applied, plus one draft per resolved personal pronoun, in text order."""
    doc = parsed.doc
    sent_of = [0] * len(doc)
    for n, sent in enumerate(sentences_of(doc)):
        sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
    h = _History(doc, parsed, sent_of, [], list(drafts), acts or Acts())
    taken = {i for d in drafts for i in range(d.start, d.end)}
    w, personal = words(doc), MALE | FEMALE | GROUP | OBJECT | POSSESSIVE
    pronouns = [
        i for i, lower in enumerate(w.lower)
        if lower in personal and w.pos[i] == "PRON" and i not in taken and parsed.codable[i]
    ]
    queue = sorted([(d.start, d) for d in drafts] + [(p, None) for p in pronouns], key=lambda x: x[0])
    out: list[Draft] = []
    for pos, d in queue:
        if d is None:
            word = h.doc[pos].lower_
            if word in OBJECT:
                new = object_group(pos, h)
            elif word in POSSESSIVE:
                new = possessor(pos, doc, h.seen, h.ahead)
            elif word in GROUP:
                new = group_of(pos, h)
            else:
                new = _pronoun(pos, h)
        else:
            new = _armed_kin(_collective(_named_body(_role(_short_name(d, h), h), h), h), h)
        if new is not None:
            out.append(new)
            h.seen.append(new)
    return out
