"""Whom "it", "they" and "them" stand for: a group the story named before the pronoun.

News names a group once ("the Turkish army", "Kenyan police", "the Baloch Liberation Army") and
then goes on with "it", "they" and "them". Tried in order, each only where the parse says enough:

- "it" and "they" as the subject of a clause an actor said, announced or denied are that actor
  ("the ministry said it would", "police said they arrested"): a group for "it", a plural one
  for "they"; people are left to "he"/"she" (`coref`); but not a pronoun in a quotation the
  reporting verb is outside of ('Police said: "They shot at our officers"': a speaker's own
  words say "we");
- a "they" that opens an act of its own, in a sentence with no noun subject besides it and
  outside quotation marks (one opened sentences before counts: `quote_of`), takes the latest
  plural group of the previous sentence, a subject before an object, that is not already an
  argument of the same verb ("the army killed 30 militants. They had attacked a village");
- an object "them" takes the latest plural group named before it in its own sentence that is no
  argument of the same verb ("picked out police officers and shot them", "met heads of private
  companies, calling on them to ..."): there it names people about three times in four, where an
  object "it" in the same place names a thing about three times in four and is left alone. Not in
  a clause opened by "after", "when" and the like, which tells the circumstance of the sentence's
  act, nor in a part of a group ("several of them");
- a "they" that is the subject of an act of force (`acts.yml`: "shot", "stormed", "picked out
  police officers and shot them", not "France beat them back, but they regrouped", whose act of
  force has a subject of its own), in quotation marks too, takes a group of a sector that uses
  force (forces, police, armed groups) named within `ACT_WINDOW` sentences before it or earlier
  in its own sentence: the one of the nearest sentence, and there the one the story made a doer
  (the subject of an act, or its agent "by ..."): "Militants ambushed soldiers. 'They also
  burned the market'" is the militants. A witness's '"They shot and killed people on the train"'
  after "moments with the Baloch Liberation Army" is the BLA, and '"They attacked the hotel at
  dawn"' after "Gunmen stormed a hotel" and "officials were meeting at the hotel" is the gunmen:
  people, passengers and officials do not shoot in the story that tells of them. Ranking the
  doer before the nearest was measured too: three sentences back it made "the military" that
  "killed 33 terrorists" the witness's "they" over the BLA named in between.
  Not a group that is another argument of the same act or of its side, not the speaker of the
  quotation the pronoun is in ('Police said: "They shot at our officers"'), not in a clause
  opened by "when", "after" and the like (the circumstance of an act told already), and none
  when two sides fit equally. A "they" that reports ("they said", "they told VOA that") is no act of force.

A bare "it", an object "them" beyond its own sentence, a "they" of any act within its own
sentence's story and a "they" of acts other than force were measured too: they name things,
people no dictionary holds, and restate acts more often than not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from newsevents.actors.acts import Acts
from newsevents.actors.dictionary import PERSON_ROLES
from newsevents.actors.pronoun_fit import other_subject, quoted
from newsevents.actors.resolve import Draft
from newsevents.nlp import line_ends, text_of
from newsevents.nlp.syntax import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

GROUP = frozenset({"it", "they"})  # resolved by `group_of`
OBJECT = frozenset({"them"})  # resolved by `object_group` within its own sentence only
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "pobj"})
GROUP_WINDOW = 1  # sentences back (none in its own) a group is the referent of a bare "it"/"they"
ACT_WINDOW = 2  # sentences back (and its own, before it) a group stays whom an acting "they" means
OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"
QUOTE_MARKS = re.compile(f'[{OPEN_QUOTE}{CLOSE_QUOTE}"]')
QUOTE_SPANS = "newsevents_quote_spans"  # the Doc's quotations, found once (`quote_of`)


class Story(Protocol):
    """What a group pronoun is resolved against: the parse, each token's sentence number, and
    the drafts resolved so far in text order (the coreference pass's history)."""

    doc: Doc
    sent_of: list[int]
    seen: list[Draft]
    acts: Acts


def stand_in(ante: Draft, pos: int) -> Draft:
    """The pronoun at `pos` as a mention of `ante`."""
    return Draft(start=pos, end=pos + 1, head=pos, kind="pronoun", name=ante.name, country=ante.country,
                 sector=ante.sector, code=ante.code, key=ante.key or f"@{ante.start}", form="pronoun")


def plural(d: Draft, doc: Doc) -> bool:
    """Whether the mention's head is a plural noun ("militants", "police officers")."""
    return doc[d.head].tag_ in ("NNS", "NNPS")


def group_of(pos: int, h: Story) -> Draft | None:
    """The group an "it" or "they" at `pos` stands for, or None (module docstring)."""
    return _reporter(pos, h) or _recent_group(pos, h) or _acting_group(pos, h)


def _reporter(pos: int, h: Story) -> Draft | None:
    """"it"/"they" as the subject of what an actor said or announced is that actor ("the army said
    it killed ten"): a group for "it", a plural one for "they"; people are left to "he"/"she"."""
    tok = h.doc[pos]
    if tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ != "ccomp" or tok.head.i < pos:
        return None
    subjects = {c.i for c in tok.head.head.children if c.dep_ in SUBJECT_DEPS}
    ante = next((s for s in reversed(h.seen) if s.head in subjects and not s.person), None)
    if ante is None or plural(ante, h.doc) != (tok.lower_ == "they"):
        return None
    if quote_of(h.doc, pos) != quote_of(h.doc, tok.head.head.i):
        return None  # 'Police said: "They shot at us"': a speaker's own words say "we", not "they"
    return stand_in(ante, pos)


def same_side(a: Draft, b: Draft) -> bool:
    """Whether two drafts may be the same actor: same sector, and the same country where both
    have one ("Kenyan police" and a later bare "police")."""
    if a.code and b.code:
        return a.code == b.code
    return a.sector == b.sector and (a.country == b.country or not (a.country and b.country))


def _recent_group(pos: int, h: Story) -> Draft | None:
    """ "they" as the subject of an act: the latest plural group of the previous sentence, a
    subject first (module docstring)."""
    tok = h.doc[pos]
    verb = tok.head
    if tok.lower_ != "they" or tok.dep_ not in SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return None
    if other_subject(tok) or quoted(tok) or quote_of(h.doc, pos) is not None:
        return None  # a quotation's "they", opened in its sentence or one before, is left to `_acting_group`
    same_verb = {c.i for c in verb.children if c.i != pos}
    # The verb's other arguments, by who they are: "police released them" is not police again.
    taken = [s for s in h.seen if s.head in same_verb]
    sent = h.sent_of[pos]
    # Only earlier sentences: within its own sentence a bare "they" mostly restates the act
    # just coded ("bombers killed 23 when they blew themselves up"), an event twice.
    near = [s for s in h.seen if 0 < sent - h.sent_of[s.head] <= GROUP_WINDOW]
    fits = [s for s in reversed(near) if not (s.person or s.role or s.kind == "pronoun")
            and not any(same_side(s, t) for t in taken) and plural(s, h.doc)]
    if not fits:
        return None
    # A subject is the likelier referent ("rebels fought soldiers. They said ..." -> the rebels).
    s = next((f for f in fits if h.doc[f.head].dep_ in SUBJECT_DEPS), fits[0])
    return stand_in(s, pos)


def object_group(pos: int, h: Story) -> Draft | None:
    """ "them" as the object of an act: the latest plural group named earlier in its own sentence
    that is no argument of the same verb ("picked out police officers and shot them", "met heads
    of companies, calling on them to ..."). Beyond its sentence an object "them" names things
    (sanctions, weapons, demands) more often than a group, and is left alone."""
    tok = h.doc[pos]
    if tok.dep_ not in OBJECT_DEPS:
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ != "VERB":
        return None  # "one of them", "dozens of them": a part of a group, whose count the parse splits off
    if any(c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children):
        # "blew themselves up after police called on them", "assets they lost when Amin expelled
        # them": a clause that tells the circumstance of the sentence's act, not an act to code
        return None
    own = {c.i for c in verb.children} | {verb.i}
    sent = h.sent_of[pos]
    for s in reversed(h.seen):
        if h.sent_of[s.head] != sent:
            return None
        if s.head in own or s.person or s.role or s.kind == "pronoun" or not plural(s, h.doc):
            continue
        return stand_in(s, pos)
    return None


def _acting_group(pos: int, h: Story) -> Draft | None:
    """ "they" as the doer of an act the earlier rules left alone, inside quotation marks too: the
    group of the nearest sentence within `ACT_WINDOW`, there a doer first (module docstring); None
    when two sides fit equally."""
    tok = h.doc[pos]
    verb = tok.head
    if tok.lower_ != "they" or tok.dep_ != "nsubj" or verb.pos_ != "VERB" or _reports(verb):
        return None
    if verb.dep_ == "advcl" or any(c.dep_ == "mark" and c.lower_ != "that" for c in verb.children):
        return None  # "when they blew themselves up": the circumstance of an act told already
    if not any(h.acts.of_force(v) for v in _own_acts(verb)):
        return None
    own = {c.i for c in verb.children if c.i != pos}
    taken = [s for s in h.seen if s.head in own]
    sent = h.sent_of[pos]
    in_quote = quote_of(h.doc, pos) is not None
    ranked: list[tuple[tuple[int, int], Draft]] = []
    for s in reversed(h.seen):
        back = sent - h.sent_of[s.head]
        if back > ACT_WINDOW:
            break
        if s.head in own or s.sector not in h.acts.force_sectors or not _group(s, h.doc):
            continue
        if any(same_side(s, t) for t in taken):
            continue
        role = _role(h.doc[s.head])
        if role == "speaker" and in_quote:
            continue  # 'Police said: "They shot at our officers"': the speakers are not whom they tell of
        ranked.append(((back, 0 if role == "doer" else 1), s))
    if not ranked:
        return None
    best = min(rank for rank, _ in ranked)
    fits = [s for rank, s in ranked if rank == best]
    if any(not same_side(fits[0], s) for s in fits[1:]):
        return None
    return stand_in(fits[0], pos)


def _own_acts(verb: Token) -> list[Token]:
    """The verb and the verbs joined to it that share its subject ("they shot and killed"), not
    one with a subject of its own ("France beat them back, but they regrouped")."""
    joined = [c for c in verb.conjuncts if not any(g.dep_ in SUBJECT_DEPS for g in c.children)]
    return [verb, *joined]


def _group(s: Draft, doc: Doc) -> bool:
    """A group that acts: a plural actor ("militants", "Sudanese"), or a body with a sector ("the
    army", "the Baloch Liberation Army"); no person, no one official, no country alone, and of the
    pronouns only a "they"/"them" already resolved to such a group."""
    if s.person:
        return False
    if s.kind == "pronoun":
        return doc[s.head].lower_ in ("they", "them")
    return plural(s, doc) or bool(s.sector and s.role not in PERSON_ROLES)


def _role(tok: Token) -> str:
    """What the story made the mention headed by `tok`: "doer" (the subject of an act, or its
    agent "by ..."), "speaker" (the subject of a verb that reports a clause) or "other"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        return "speaker" if _reports(tok.head) else "doer"
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return "doer"
    return "other"


def _reports(verb: Token) -> bool:
    """A verb that tells what was said or thought ("said they would", "told VOA that"): a clause
    hangs on it."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def quote_of(doc: Doc, pos: int) -> tuple[int, int] | None:
    """The quotation token `pos` lies in, from its opening mark to its closing one, which may be
    sentences apart ('"They shot people on the train. Then they picked out ..."'); None outside."""
    spans: list[tuple[int, int]] | None = doc.user_data.get(QUOTE_SPANS)
    if spans is None:
        spans = doc.user_data[QUOTE_SPANS] = _quote_spans(doc)
    at = doc[pos].idx
    return next(((a, b) for a, b in spans if a < at < b), None)


def _quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """The character spans of the Doc's quotations: a straight mark opens and closes by turns, a
    curly one by its shape; a paragraph's end closes an open quotation there (news leaves a
    quotation that goes on into the next paragraph open, and opens it again there), but not the
    line break of hard-wrapped text, which only ends a line (`line_ends`).

    Quotation marks are found in the text and the line ends among the whitespace tokens, and the
    two are read in the order of their offsets (a line end is whitespace, so no mark shares its
    offset): the words between them need no Token and no look at each of their characters."""
    marks = [(m.start(), m.group()) for m in QUOTE_MARKS.finditer(text_of(doc))]
    ends = [(at, "\n") for _, at in line_ends(doc)]
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for at, ch in sorted(marks + ends):
        if ch == "\n":
            if start is not None:
                spans.append((start, at))
            start = None
        elif ch == OPEN_QUOTE or (ch == '"' and start is None):
            start = at
        elif start is not None:  # a closing curly mark, or a straight one closing
            spans.append((start, at))
            start = None
    return spans
