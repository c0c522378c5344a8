"""Acts judged by a definite noun whose doer the story told before: "have denounced the extension".

News tells an act with its doer ("Somali President Mohamed has signed a measure extending his
term"), then tells who criticises, rejects, praises or defends it by a definite noun alone:
"Opposition lawmakers have spoken out against the action", "... denounced the extension", "X
questioned the decision". The judgement aims at the act's doer, as CAMEO codes "condemned the
killing of X by Y" against Y (`triggers.judged_doer`, for a doer named in the phrase).

A judging trigger (`JUDGING`: criticism 11, rejection 12, praise 051, defence 052) with a source
and no target, whose object (or its preposition's object, or its own pattern word) is a definite
noun of a judged act (`judged_acts` in cues.yml: "the move", "the decision", "the ban") naming no
doer of its own (no owner, no "by" or "of" actor), is aimed at the doer of the latest act the
story told before it, within `WINDOW` sentences:

- an act whose words share the noun's stem first ("the extension" after "voted to extend", "the
  allegations" after "alleged"), by any verb whose subject, borrowed subject or passive agent is
  an actor, or any coded event;
- else, but not for a rejection (whose answer to an accusation `sides.answered` knows), the latest
  act done to something: a coded event, or a verb with an object and a subject of its own that is
  not one of saying ("X signed a measure ... Opposition lawmakers have spoken out against the
  action"); "crime flourished", "the designation comes", "relies on help to feed its people" are
  no acts a noun stands for.

Never the judge itself: a same-stem act of the judge's own (the same code, or a country named bare
and an organ of its state) leaves the judgement with no target, and the other-stem act is another's.
Nor anyone the noun's phrase names: "the decision to act against X" befalls X. The target is
inferred (the confidence is lowered as for any inferred role). Being made when the arguments are
read, the target also lets a trigger that needs one code ("welcomed the decision").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsevents.events.arguments import Arguments, MentionIndex, Role
from newsevents.events.subjects import subject
from newsevents.model import Actor, ActorMention, quick_init
from newsevents.nlp.syntax import passive_agents
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.events.modality import Cues
    from newsevents.events.triggers import TriggerMatch
    from newsevents.model import Event

JUDGING = ("11", "12", "051", "052")  # CAMEO codes (prefixes) of judging an act
REJECTION = "12"
WINDOW = 3  # sentences back (besides its own) an act told may be judged by a noun alone
STEM = 4  # letters a noun and an act's word must share, unless one is wholly the other's start
REFERRING = frozenset({"the", "this", "that", "these", "those"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
DOER_PREPS = frozenset({"by", "of"})
LIGHT = frozenset({"be", "have"})


@quick_init
@dataclass(frozen=True)
class Deed:
    """An act the story told: its sentence's ordinal, its first token, its words' lemmas, its doer,
    and whether it is done to something (a coded event, or a verb with an object, not one of
    saying): only such an act stands behind a noun of another stem."""

    sentence: int
    token: int
    words: frozenset[str]
    doer: Actor
    done: bool = True


# A sentence whose verbs are not read yet: its ordinal and its tokens [start, end).
_Told = tuple[int, int, int]


class Judged:
    """The acts one article has told, and the judgements of them by a definite noun alone; lives
    for one call of `code_article`."""

    def __init__(self, index: MentionIndex, cues: Cues) -> None:
        self.index, self.cues = index, cues
        self.deeds: list[Deed | _Told] = []
        self.ordinal = -1

    def start(self, sent: Span) -> None:
        """Remember the sentence, before its judgements are aimed: "X signed the measure and Y
        denounced the move" judges an act of its own sentence. The acts its verbs tell are read
        only when a judgement asks (`_deeds`): most sentences are never asked, and reading every
        verb's doer cost more than the rest of this module."""
        self.ordinal += 1
        self.deeds.append((self.ordinal, sent.start, sent.end))

    def _deeds(self) -> list[Deed]:
        """The acts told so far, in the order told; a sentence's verbs are read the first time it is
        asked, and a sentence out of the window is dropped unread (the ordinal only grows)."""
        out: list[Deed] = []
        for held in self.deeds:
            if isinstance(held, Deed):
                out.append(held)
            elif held[0] >= self.ordinal - WINDOW:
                out += self._verbs_told(*held)
        self.deeds = [*out]
        return out

    def _verbs_told(self, ordinal: int, start: int, end: int) -> list[Deed]:
        """The acts the verbs of tokens [start, end), the sentence `ordinal`, tell."""
        found: list[Deed] = []
        doc, w = self.index.doc, words(self.index.doc)  # the strings first: a Token only for verbs
        for i in range(start, end):
            lemma = w.lemma[i]
            if w.pos[i] != "VERB" or lemma in LIGHT:
                continue
            verb = doc[i]
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            doers = self.index.resolve(passive_agents(verb) or subject(verb))
            if doers:
                done = lemma not in self.cues.speech_verbs and _done_by_own_subject(verb)
                found.append(Deed(ordinal, i, frozenset({lemma}), doers[0].actor, done))
        return found

    def told(self, matches: list[TriggerMatch], by_token: dict[int, list[Event]]) -> None:
        """Remember the sentence's coded acts ("the Russian offensive"), each by its trigger words."""
        doc = self.index.doc
        for match in matches:
            for event in by_token.get(match.token) or ():
                if event.source is not None and not event.negated and not event.cameo_root.startswith("01"):
                    lemmas = frozenset(doc[i].lemma_.lower() for i in match.words)
                    self.deeds.append(Deed(self.ordinal, match.token, lemmas, event.source))

    def aim(self, match: TriggerMatch, args: Arguments, code: str) -> Arguments:
        """The arguments of a judging trigger, aimed at the doer of the act its noun names (module
        docstring); unchanged when there is none."""
        if not code.startswith(JUDGING) or args.target.mentions or not args.source.mentions:
            return args
        noun = self._judged_noun(match)
        if noun is None:
            return args
        # neither the judge nor whom the act befalls ("the decision to act against X") did it
        others = {m.actor.code for m in self.index.resolve([t for t in noun.subtree if t.i != noun.i])}
        judges = [m.actor for m in args.source.mentions]
        doer = self._doer(noun, judges, others, fallback=not code.startswith(REJECTION))
        if doer is None:
            return args
        stand_in = ActorMention(doer, noun.i, noun.i + 1, noun.i, "coref")
        return replace(args, target=Role((stand_in,), inferred=True))

    def _judged_noun(self, match: TriggerMatch) -> Token | None:
        """The definite act noun the trigger judges, naming no doer of its own, if any."""
        doc = self.index.doc
        token = doc[match.token]
        found = [doc[i] for i in match.words if i != match.token]
        found += [c for c in token.children if c.dep_ == "dobj"]
        found += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for noun in found:
            if noun.lemma_.lower() in self.cues.judged_acts and self._definite_and_open(noun):
                return noun
        return None

    def _definite_and_open(self, noun: Token) -> bool:
        """ "the move", "these steps": a noun that refers back and names no doer ("China's move",
        "the decision by the court", "the decision of the government" name theirs)."""
        if not any(c.dep_ == "det" and c.lower_ in REFERRING for c in noun.children):
            return False
        owners = [c for c in noun.children if c.dep_ in OWNER_DEPS]
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in DOER_PREPS]
        owners += [g for c in preps for g in c.children if g.dep_ == "pobj"]
        return not self.index.resolve(owners)

    def _doer(self, noun: Token, judges: list[Actor], others: set[str], fallback: bool) -> Actor | None:
        """The doer of the act the noun names: the latest same-stem act in the window, else (when
        `fallback`) the latest act done to something (`Deed.done`) by another than the judge; None
        when the same-stem act is the judge's own. Acts of those the noun's phrase names (whom
        the act befalls) are not its."""
        near = [d for d in self._deeds() if self.ordinal - WINDOW <= d.sentence and d.token < noun.i]
        near = [d for d in near if d.doer.code not in others]
        lemma = noun.lemma_.lower()
        same = [d for d in near if any(shares_stem(lemma, w) for w in d.words)]
        if same:
            doer = same[-1].doer
            return None if any(judges_own(doer, j) for j in judges) else doer
        if not fallback:
            return None
        others = [d for d in near if d.done and not any(judges_own(d.doer, j) for j in judges)]
        return others[-1].doer if others else None


def _done_by_own_subject(verb: Token) -> bool:
    """ "X signed a measure": a verb with an object and a subject (or agent) of its own; one that
    borrows its subject ("relies on help to feed its people") tells a purpose, not an act told."""
    kinds = {c.dep_ for c in verb.children}
    return "dobj" in kinds and bool(kinds & {"nsubj", "agent"})


def judges_own(doer: Actor, judge: Actor) -> bool:
    """The judge's own act: the same code, or a country named bare and an organ of its own ("the
    United States is disappointed" after its secretary of state issued a statement). A party of a
    country judges another of it ("the opposition denounced the government's move")."""
    bare = doer.sector is None or judge.sector is None
    return doer.code == judge.code or (bare and doer.country is not None and doer.country == judge.country)


def shares_stem(noun: str, word: str) -> bool:
    """ "extension" and "extend", "allegation" and "allege", "action" and "act": the two share
    `STEM` letters, or the shorter is the longer's start."""
    shorter = min(len(noun), len(word))
    shared = next((i for i, (a, b) in enumerate(zip(noun, word, strict=False)) if a != b), shorter)
    return shared >= min(STEM, shorter) and shared >= 3
