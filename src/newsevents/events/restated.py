"""Acts told again: "the attack", "the ban", "Tuesday's raid", "responsibility for the bombing".

News states an act once with its actors, then names it again with a definite noun in later
sentences ("Police arrested the editor on Monday. The arrest drew condemnation."); the annotation
guide codes the act in each sentence that states it. A noun trigger of force or restriction
(CAMEO roots 14 to 20) that refers back (a definite or demonstrative determiner, a possessive such
as "Tuesday's") and leaves a side open is the act the article last told of its kind: the latest
earlier act of its family (18, 19 and 20 are one family, force; any other root its own), one
whose trigger shares the noun's stem first ("the ban" after "banned") and its number ("the
attacks" after acts told in the plural), lends its code and the sides the noun does not name, as
inferred coreference mentions at the noun. A restatement is made once per sentence and family,
and never in a sentence that codes another event of that family: there the act is already told.
An indefinite noun ("an attack", "attacks") tells a new act and is never a restatement. A noun
with a doer of its own other than the earlier act's ("Canada's tariffs on the U.S. ... Trump's
tariffs") takes the earlier act's code but not its target: another's act was aimed elsewhere.

- A passive with no agent ("her book was banned", "somebody who has been arrested") is done by
  whoever the article showed doing such acts; a death or injury with no doer is left to
  `victims.py`, which knows accidents from attacks.
- An act told with no actor ("came under a bomb attack Tuesday") is remembered too, but lends
  nothing but its code, time and place: "X claimed responsibility for the attack" then makes X
  its source. A claim with no act told before it codes nothing; the claim is not the attack.
- An act of force told with no party that no earlier act lends its sides ("the convoy came under
  attack" in a story of conflict) is coded last, with no party, as `unnamed.py` allows.
- Harm with no doer caused by an act told again ("the attack killed 20", "killed in the attack")
  is done by that act's source.
- A headline sums the story up: its acts lend their actors, not their time and place.

A restated act is anchored at its antecedent's trigger (the events stage's `anchors`), so the
stages after it date and place the act where the article told it ("the attack" in a sentence
written days later happened on the day the attack did), as the guide dates and places it; a noun
with a date of its own ("Tuesday's attack", "the Feb. 27 deportations") keeps its own anchor, and
a passive, another act of the kind, is dated and placed where it is told.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.events.arguments import Arguments, MentionIndex, Role, find_arguments
from newsevents.events.irregular import recode_irregular
from newsevents.events.sides import same_actor
from newsevents.events.triggers import TriggerMatch, with_slots
from newsevents.events.unnamed import force_told
from newsevents.model import Actor, ActorMention, Article, Event, Evidence, evolve, quick_init

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.codebook import Codebook

FORCE_ROOTS = frozenset({"18", "19", "20"})
FAMILIES = frozenset({"14", "15", "16", "17", "force"})  # roots 14 to 20
REFERRING = frozenset({"the", "this", "that", "these", "those"})
CLAIMED = frozenset({"responsibility", "credit"})
CLAIMING = frozenset({"claim"})  # "X claimed the attack": the act itself is claimed
STEM = 5  # letters of the noun's lemma an antecedent's trigger must hold to be preferred

Make = Callable[[TriggerMatch, Arguments], list[Event]]


def family(root: str) -> str:
    """The kind of act a restating noun may stand for: force (18-20) as one, else its root."""
    return "force" if root in FORCE_ROOTS else root


@quick_init
@dataclass(frozen=True)
class Act:
    """An act the article has told: its trigger's words, code, sides, the tokens it is anchored at, and
    whether a plural noun told it ("attacks": several acts; None for a verb)."""

    words: str
    cameo: str
    source: Actor | None
    target: Actor | None
    anchor: tuple[int, int] | None
    plural: bool | None = None


class Told:
    """The acts one article has told so far, by family; lives for one call of `code_article`."""

    def __init__(
        self, index: MentionIndex, book: Codebook, anchors: dict[Evidence, tuple[int, int]], article: Article
    ) -> None:
        self.index, self.cues, self.codes, self.article = index, book.cues, book.codes, article
        self.anchors = anchors  # the coder's: trigger evidence -> its tokens
        self.told: dict[str, list[Act]] = {}  # family -> its acts, in text order
        self.origins: dict[Evidence, tuple[int, int] | None] = {}  # restating trigger -> the act's anchor

    def sentence(self, matches: Sequence[TriggerMatch], by_token: dict[int, list[Event]], make: Make) -> None:
        """Code the sentence's restating nouns in place (`make` codes a match with given
        arguments), then remember the sentence's acts for the sentences after it."""
        self._caused_by_restated(matches, by_token)
        coded = {family(e.cameo_root) for events in by_token.values() for e in events}
        passives: set[int] = set()
        for match in matches:
            if match.token not in by_token or by_token[match.token]:
                continue
            kind = family(self.codes.get(match.entry.cameo or "").root)
            if kind in coded or kind not in FAMILIES:
                continue
            events = self._restate(match, kind, make)
            if events:
                by_token[match.token] = events[:1]
                coded.add(kind)
                if match.entry.kind == "verb":
                    passives.add(match.token)
        for match in matches:
            if match.token not in passives:  # another act of the kind, not one later nouns restate
                self._remember(match, by_token.get(match.token))
        # last: an act of force told with no party, once no earlier act has lent it its sides
        make_own, conflict = self._with_own_arguments(make), self.force_with_party()
        force_told(self.index.doc, matches, by_token, self.codes, self.cues, conflict, make_own)

    def _with_own_arguments(self, make: Make) -> Callable[[TriggerMatch], list[Event]]:
        """`make` with the arguments a match finds itself, as the coder reads them."""
        index, cues = self.index, self.cues
        return lambda match: make(match, with_slots(find_arguments(match, index, cues), match, index, cues))

    def force_with_party(self) -> bool:
        """Whether the article has told an act of force with a party: a story of conflict."""
        return any(a.source is not None or a.target is not None for a in self.told.get("force", ()))

    def _caused_by_restated(self, matches: Sequence[TriggerMatch], by_token: dict[int, list[Event]]) -> None:
        """ "The attack killed 20", "five were killed in the attack": harm with no doer, done by an
        act told again, is done by that act's source, when and where the act was."""
        nouns = {
            m.token: family(self.codes.get(m.entry.cameo or "").root)
            for m in matches
            if m.entry.kind == "noun"
        }
        for match in matches:
            events = by_token.get(match.token) or []
            if match.entry.kind != "verb" or not events or any(e.source is not None for e in events):
                continue
            verb = self.index.doc[match.token]
            kind = family(events[0].cameo_root)
            for noun in _causes(verb):
                told = kind in FAMILIES and nouns.get(noun.i) == kind and _refers_back(noun)
                before = self._antecedent(kind, noun, False) if told else None
                if before is None or before.source is None:
                    continue
                made = {match.token: [evolve(e, source=before.source) for e in events]}
                recode_irregular(made, (), self.codes, self.cues)
                by_token[match.token] = made[match.token]
                for event in made[match.token]:
                    self.origins[event.trigger] = before.anchor
                    if before.anchor is not None and not any(t.ent_type_ == "DATE" for t in noun.children):
                        self.anchors[event.trigger] = before.anchor
                break

    def _remember(self, match: TriggerMatch, events: list[Event] | None) -> None:
        """The act a trigger told: each of its events that is asserted or reported, or, for a noun
        that names a new act with no actor ("came under a bomb attack"), the act alone, so that
        "the attack" later is that one and is dated and placed where it was told."""
        token = self.index.doc[match.token]
        plural = _plural(token) if match.entry.kind == "noun" else None
        for e in events or ():
            if not e.negated and e.modality != "hypothetical":
                # a headline sums the story up: it lends its actors, but not its time and place
                headline = self.article.in_title(e.evidence.start, e.evidence.end)
                anchor = None if headline else self.origins.get(e.trigger, self.anchors.get(e.trigger))
                act = Act(e.trigger.text.lower(), e.cameo, e.source, e.target, anchor, plural)
                self.told.setdefault(family(e.cameo_root), []).append(act)
        if events == [] and match.entry.kind == "noun" and match.entry.cameo and not _refers_back(token):
            words = " ".join(self.index.doc[i].lower_ for i in match.words)
            act = Act(words, match.entry.cameo, None, None, (min(match.words), max(match.words) + 1), plural)
            self.told.setdefault(family(self.codes.get(match.entry.cameo).root), []).append(act)

    def _restate(self, match: TriggerMatch, kind: str, make: Make) -> list[Event]:
        token = self.index.doc[match.token]
        if not _restating(token, match.entry.kind) or match.entry.require == "victim":
            return []  # a death or injury with no doer is an event only as victims.py allows
        claimer = self._claimer(token)
        args = find_arguments(match, self.index, self.cues)
        if claimer:
            args = evolve(args, source=Role(claimer))
        source, target = bool(args.source.mentions), bool(args.target.mentions)
        # a passive names no doer: whoever the article showed doing such acts is it, and an act told
        # with its target alone has no doer to lend
        doer = not source and (target or match.entry.kind == "verb")
        before = self._antecedent(kind, token, source or target, doer=doer)
        if before is None:
            return []
        # another doer's act lends its code, not its target: "Canada's tariffs on the U.S. ... I will
        # increase the Tariffs on Cars", said by Trump, are not aimed at Trump's own country
        doer = before.source
        other = doer is not None and any(not same_actor(m.actor, doer) for m in args.source.mentions)
        source = _lent(args.source, before.source, token)
        target = _lent(args.target, None if other else before.target, token)
        if not source.mentions and not target.mentions:
            return []
        entry = evolve(match.entry, cameo=before.cameo, require="either", mutual=False)
        made = {match.token: make(evolve(match, entry=entry), Arguments(source, target))}
        recode_irregular(made, (), self.codes, self.cues)  # a claimed attack is told by its claimer
        # the same act is where and when it was told; "Tuesday's attack" is dated by its own words,
        # and a passive verb tells another act of the kind, at its own time and place
        same = match.entry.kind == "noun" and not any(t.ent_type_ == "DATE" for t in token.children)
        for event in made[match.token]:
            self.origins[event.trigger] = before.anchor
            if before.anchor is not None and same:
                self.anchors[event.trigger] = before.anchor
        return made[match.token]

    def _antecedent(self, kind: str, token: Token, named: bool, doer: bool = False) -> Act | None:
        """The latest act of the family whose trigger holds the noun's stem, else the latest of the
        family; an act told with no actor only when the noun's words (or a claim) name a side. When
        the words name whom the act befalls and not who did it (`doer`: "patients were evicted"), or a
        passive names neither ("others could be deported"), an act with a known doer first: one told
        with its target alone ("X is held incommunicado", "a deportation of an activist") has none."""
        told = self.told.get(kind, [])
        told = [act for act in told if act.source] or told if doer else told
        stem = token.lemma_.lower()[:STEM]
        pool = [act for act in told if stem in act.words] or told
        pool = [act for act in pool if named or act.source or act.target]
        agreeing = [act for act in pool if act.plural in (None, _plural(token))]  # "the attacks" are several
        found = (agreeing or pool or [None])[-1]
        if found is None or found.source or found.target or found.anchor is None:
            return found
        # "killed in a suicide bombing": a noun told with no side has the sides its sentence's verb told
        sent = self.index.doc[found.anchor[0]].sent
        sided = next((a for a in reversed(told) if (a.source or a.target) and a.anchor
                      and sent.start <= a.anchor[0] < sent.end), None)  # fmt: skip
        return found if sided is None else evolve(found, source=sided.source, target=sided.target)

    def _claimer(self, token: Token) -> tuple[ActorMention, ...]:
        """Who claimed responsibility (or credit) for the act the noun names, or claimed the act
        itself ("The Islamic State group claimed the attack"), if the parse says so."""
        prep = token.head
        if token.dep_ == "dobj" and prep.lemma_.lower() in CLAIMING:
            return self.index.resolve([c for c in prep.children if c.dep_ == "nsubj"])
        if token.dep_ != "pobj" or prep.lower_ != "for":
            return ()
        holder = prep.head
        if holder.lemma_.lower() in CLAIMED:
            verb = holder.head
        elif any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED for c in holder.children):
            verb = holder
        else:
            return ()
        return self.index.resolve([c for c in verb.children if c.dep_ == "nsubj"])


def _restating(token: Token, kind: str) -> bool:
    """A noun that refers back, or a passive verb that names no agent ("her book was banned",
    "somebody who has been arrested"): the article has told who does such things."""
    if kind == "noun":
        return _refers_back(token)
    children = {c.dep_ for c in token.children}
    return "auxpass" in children and "agent" not in children


def _causes(verb: Token) -> list[Token]:
    """The nouns a verb of harm names as its cause: its subject, or what it happened in or by."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "during"):
            found += [g for g in prep.children if g.dep_ == "pobj"]
    return found


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS")


def _refers_back(token: Token) -> bool:
    """A definite, demonstrative or possessive noun ("the attack", "Tuesday's attack")."""
    return any((c.dep_ == "det" and c.lower_ in REFERRING) or c.dep_ == "poss" for c in token.children)


def _lent(own: Role, actor: Actor | None, token: Token) -> Role:
    """The noun's own side, or else the antecedent's actor standing at the noun (inferred)."""
    if own.mentions or actor is None:
        return own
    return Role((ActorMention(actor, token.i, token.i + 1, token.i, "coref"),), inferred=True)
