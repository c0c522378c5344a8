"""Which sides an event gets: every (source, target) pair its arguments give, and how sure the coding is.

Split from `coding.py`, which finds the triggers and arguments; this module decides what pairs
they make (a mutual act runs both ways, an actor never acts on itself) and scores each event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsevents.events.arguments import MUTUAL_PREPS, Arguments
from newsevents.events.both import is_pair
from newsevents.events.modality import Stance
from newsevents.model import Actor, ActorMention, Event

WEAK_KINDS = {"pronoun", "coref"}
# What a rejection answers: appeals (02), demands (10), accusations and criticism (11), rejections
# (12) and threats (13) aimed at the one who rejects. Force and coercion are not "rejected".
ANSWERED_ROOTS = frozenset({"02", "10", "11", "12", "13"})
ANSWER_WINDOW = 5  # sentences back a rejection may answer
# Roots whose act stands on its source alone where its curated entry asks for both sides: a rejection
# ("The relatives refused.", "Those challenges were rejected by the court") is told without what it
# rejects once the sentence before has named it, and `answered` then aims it at that act's doer. Not a
# converted verb's isolated code ("failing to uphold the rights" is no rejection): the weakest evidence.
SOURCE_ENOUGH_ROOTS = frozenset({"12"})
# What condemns an act told within its own words ("condemned the attack", "rejected the annexation"):
# criticism (11) and rejection (12), aimed at the act's doer.
JUDGING_ROOTS = frozenset({"11", "12"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Roots in which a state never acts on its own country named bare: what states say and do to
# other states (02-13) and sanctions (16). In protests, coercion and force (14, 15, 17-20),
# "Turkish police ... in Turkey" is a place the parse may take as a target: left as it is.
OWN_SIDE_ROOTS = frozenset({f"{n:02d}" for n in range(2, 14)} | {"16"})
# Roots of coercion and force, whose people named by a plural demonym are civilians (`_as_civilians`).
HARM_ROOTS = frozenset({"17", "18", "19", "20"})
# Roots in which a pair of countries ("both countries", `both.py`) acting with no other country named
# act on each other: "both countries withdrew their ambassadors", "the two nations signed an accord",
# "the two countries exchanged prisoners". Not in what they say about a third party ("both countries
# condemned the attack") nor in force, whose target a pair names when it fights itself.
PAIR_ROOTS = frozenset({"03", "04", "05", "06", "08", "16"})


def confidence(args: Arguments, st: Stance, headline: bool, source: ActorMention | None,
               target: ActorMention | None) -> float:  # fmt: skip
    """The score documented in the docstring of `events.coding`."""
    score = 0.8 if source is not None and target is not None else 0.6
    if source is not None and args.source.inferred:
        score -= 0.1
    if target is not None and args.target.inferred:
        score -= 0.1
    score -= 0.1 * sum(1 for m in (source, target) if m is not None and m.kind in WEAK_KINDS)
    if st.modality == "hypothetical":
        score -= 0.2
    elif st.modality == "reported":
        score -= 0.1
    if headline:
        score -= 0.1
    return round(min(0.95, max(0.1, score)), 2)


def meets(require: str, source: ActorMention | None, target: ActorMention | None, root: str = "") -> bool:
    """Whether the pair holds the sides the entry's `require` asks for; under `SOURCE_ENOUGH_ROOTS`
    a source stands for both."""
    if source is None and target is None:
        return require == "unnamed"  # an act of force told with no party, as `unnamed.py` allows
    return {
        "either": True,
        "source": source is not None,
        "target": target is not None,
        "both": source is not None and (target is not None or root in SOURCE_ENOUGH_ROOTS),
        "victim": True,  # a victim-only pair has passed `victims.veto` before it gets here
        "unnamed": True,
    }[require]


def pairs(
    args: Arguments, mutual: bool = False, root: str = ""
) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """Every (source, target) pair; a mutual act runs both ways.

    CAMEO codes a meeting, a negotiation or a signed agreement between two parties once in each
    direction; "X and Y met" (two subjects, no object) is such a meeting between X and Y. In the
    roots of `OWN_SIDE_ROOTS` a country named bare beside an organ of its own state on the source
    side is no target (`_own_state`): the act keeps its source and its other targets, if any.
    """
    found_s, found_t = args.source.mentions, args.target.mentions
    if is_pair(found_s) and root in PAIR_ROOTS and not any(t.actor.country for t in found_t):
        # "both countries withdrew their ambassadors": a target of no country is one of their own
        return [(found_s[0], found_s[1]), (found_s[1], found_s[0])]
    partner = args.target.prep in (None, *MUTUAL_PREPS)
    if mutual and len(found_s) > 1 and not (found_t and partner):
        # "X and Y renewed negotiations on Z": the subjects are the parties, Z is the topic
        return [(s, t) for s in found_s for t in found_s if _distinct(s, t)]
    if root in OWN_SIDE_ROOTS:
        found_t = tuple(t for t in found_t if not any(_own_state(s, t) for s in found_s))
    if root in HARM_ROOTS and not mutual and args.target.prep != "between":  # not the sides of a fight
        found_t = tuple(_as_civilians(t) for t in found_t)
    sources: Sequence[ActorMention | None] = found_s or (None,)
    targets: Sequence[ActorMention | None] = found_t or (None,)
    pairs = [(s, t) for s in sources for t in targets if _distinct(s, t)]
    if mutual and partner:
        pairs += [(t, s) for s, t in pairs if s is not None and t is not None]
    return pairs


def _as_civilians(m: ActorMention) -> ActorMention:
    """ "Soldiers detained 20 Palestinians", "expelled hundreds of Liberians": a people named by its
    plural demonym, harmed or coerced, is the country's civilians (CVL), not the state; the country
    named bare ("attacked Israel") and a demonym before a noun of its own ("Israeli positions")
    stay as they are."""
    actor = m.actor
    people = m.kind == "demonym" and actor.sector is None and bool(actor.country)
    if not people or " " in actor.text or not actor.text.endswith("s") or actor.text == actor.name:
        return m
    code = f"{actor.country}CVL"
    return replace(m, actor=replace(actor, code=code, sector="CVL", name=f"{actor.text} (civilians)"))


def _distinct(s: ActorMention | None, t: ActorMention | None) -> bool:
    """An actor does not act on itself: the same mention or the same code on both sides is no event;
    two different people named by no country ("two men opened fire on villagers") are two actors."""
    if s is None or t is None:
        return True
    anonymous = not s.actor.country and s.actor.code == s.actor.sector and s.kind == "noun" == t.kind
    return s != t and (s.actor.code != t.actor.code or (anonymous and s.head != t.head))


def _own_state(a: ActorMention, b: ActorMention) -> bool:
    """ "Trump ... doubling the U.S. tariff", "exports to the U.S.": a country named bare by its name
    beside an organ of its own state (government, forces, police, courts, parliament) is that
    state's own side, not whom it acts on. A demonym alone may be its people ("police arrested
    Sudanese"), and a rebel or a civilian of the country can still act on it."""
    bare, organ = (a, b) if a.actor.sector is None else (b, a)
    return bare.kind == "name" and bare.actor.sector is None and bool(bare.actor.country) and (
        bare.actor.country == organ.actor.country and organ.actor.sector in STATE_SECTORS)


def same_actor(actor: Actor, other: Actor) -> bool:
    """Same country (a demonym "Russian" and "Russian air strikes"), else the same code."""
    if actor.country and other.country:
        return actor.country == other.country
    return actor.code == other.code


def actor_code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (source, target, CAMEO, sentence): the most confident, in text order."""
    best: dict[tuple[object, ...], Event] = {}
    for ev in events:
        key = (actor_code(ev.source), actor_code(ev.target), ev.cameo, ev.evidence.start)
        kept = best.get(key)
        if kept is None or ev.confidence > kept.confidence:
            best[key] = ev
    return sorted(best.values(), key=lambda e: (e.evidence.start, e.trigger.start))


def answered(events: list[Event]) -> list[Event]:
    """ "Lawmakers accused the president of extending his term. He rejected the accusation": a
    rejection (12x) with no target answers the latest act of `ANSWERED_ROOTS` aimed at its source
    in the sentences just before (`ANSWER_WINDOW`), or earlier in its own sentence, and is aimed
    at that act's source; the target is inferred, and the confidence lowered as for any.

    A criticism or rejection with no target whose words name an act coded in its sentence ("the
    Kenyan government condemned the attack") is aimed at that act's doer first (`_judged_act`), as
    CAMEO codes "condemned the attack by X" against X."""
    out: list[Event] = []
    ordered = sorted(events, key=lambda e: (e.evidence.start, e.trigger.start))
    for ev in ordered:
        if ev.cameo_root in JUDGING_ROOTS and ev.target is None and ev.source is not None:
            judged = _judged_act(ev, ordered)
            if judged is not None and judged.source is not None:
                ev = replace(ev, target=judged.source, confidence=round(max(0.1, ev.confidence - 0.1), 2))
        if ev.cameo_root == "12" and ev.target is None and ev.source is not None:
            asked = _answered_act(ev, out)
            if asked is not None and asked.source is not None:
                ev = replace(ev, target=asked.source, confidence=round(max(0.1, ev.confidence - 0.1), 2))
        out.append(ev)
    return _shared_answers(out)


def _shared_answers(events: list[Event]) -> list[Event]:
    """ "Both Pakistan and China reject the claims": one rejection said by several subjects answers
    one act. A co-subject left without a target takes the one another subject's rejection of the
    same trigger answers, unless that is the co-subject itself (by code: a state may answer its
    own rebels)."""
    answers = {(e.trigger.start, e.cameo): e.target for e in events
               if e.cameo_root == "12" and e.target is not None and e.source is not None}  # fmt: skip
    out = []
    for ev in events:
        answer = answers.get((ev.trigger.start, ev.cameo))
        open_ = ev.cameo_root == "12" and ev.target is None and ev.source is not None
        if open_ and answer is not None and ev.source is not None and answer.code != ev.source.code:
            ev = replace(ev, target=answer, confidence=round(max(0.1, ev.confidence - 0.1), 2))
        out.append(ev)
    return out


def _judged_act(ev: Event, events: list[Event]) -> Event | None:
    """ "The government condemned the attack", "rejected the annexation": the act a criticism or a
    rejection names within its own trigger's words, coded as an event of its own in the same
    sentence (a restated act lends it its doer), else the act of its sentence told by the same
    noun ("the attack on X is an attack on us, he said, condemning the attack"); its doer must not
    be the judge."""
    named = ev.trigger.text.split()[-1].casefold() if ev.trigger.text.split() else ""
    inside: Event | None = None
    same_word: Event | None = None
    for other in events:
        if other is ev or other.evidence.start != ev.evidence.start or other.cameo_root.startswith("01"):
            continue
        judge, doer = ev.source, other.source
        if doer is None or judge is None or doer.code == judge.code:  # a government may judge its rebels
            continue
        # the same trigger is the judge's own act coded for another of its subjects ("X and Y reject")
        if ev.trigger.start < other.trigger.start and other.trigger.end <= ev.trigger.end:
            inside = inside or other
        elif other.trigger.start != ev.trigger.start and other.trigger.text.casefold() == named:
            same_word = same_word or other
    return inside or same_word


def _answered_act(ev: Event, before: list[Event]) -> Event | None:
    """The latest act before `ev` that `ev` answers (see `answered`), within the window."""
    spans: list[int] = []
    for prior in reversed(before):
        if prior.evidence.start not in spans:
            spans.append(prior.evidence.start)
        if len(spans) > ANSWER_WINDOW:
            return None
        if prior.trigger.start >= ev.trigger.start or prior.cameo_root not in ANSWERED_ROOTS:
            continue
        if prior.target is not None and prior.source is not None and same_actor(prior.target, ev.source):
            return prior if not same_actor(prior.source, ev.source) else None
    return None
