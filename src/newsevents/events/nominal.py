"""Who did it and to whom when a noun states the act ("the arrest of X", "Russian air strikes").

The actor inside the trigger's own phrase ("Russian air strikes"), a possessor or modifier ("the
regime's offensive"), "by X", "between X and Y", a country before a measure aimed at someone ("U.S.
restrictions on Chinese business"), an "of" that names who acts ("the visit of X to Y",
`modifiers.phrase_doer`), for a mutual act a possessor and a compound of another country ("his White
House meeting", `modifiers.paired_sides`); otherwise the subject of a light verb that takes the noun
as object ("X launched an offensive on Y"), for a mutual act the subject of the verb it hangs from ("X
arrived for talks with Y"; "X is locked in a standoff with Y", `caught_verbs`), and for a protest
whoever acts "in protest" or the country it happens in ("protests erupted in Tunisia";
`protesters`). A noun of coercion, release, criticism or attack takes "of" as its target ("the
arrest of X", "the bombing of X"), and a noun of arrest, release or abduction with no "of" its
possessor ("his arrest"); other nouns' "of" often names who acts. A noun of criticism takes its
source from "from X", on the noun or on its verb ("drew criticism from X"). Split from
`arguments.py`, which reads verbs and decides between the two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.events.modifiers import against, modifier_source, paired_sides, phrase_doer
from newsevents.events.objects import noun_agents
from newsevents.events.objects import pobjs as _pobjs
from newsevents.events.protesters import protesters
from newsevents.events.roles import Arguments, Role
from newsevents.events.roles import prep_of as _prep_of
from newsevents.events.subjects import kids as _kids
from newsevents.events.subjects import subject
from newsevents.events.triggers import lemma_keys
from newsevents.model import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.mentions import MentionIndex
    from newsevents.events.modality import Cues
    from newsevents.events.triggers import TriggerMatch

NOUN_ROOT_PREPS: dict[str, tuple[str, ...]] = {"03": ("for",), "05": ("for",), "07": ("for",)}
# Roots whose nouns take their speaker from "from X" ("drew criticism from X"); for other nouns "from"
# names a place or what is left ("withdrawal from X"), and a demand or appeal "from X" is often the
# one another party accepts or rejects ("accepted demands from X"), coded as that answer.
FROM_SOURCE_ROOTS = frozenset({"11"})
# Noun roots whose "of" names who the act befalls: "the arrest of", "the release of", "the bombing of";
# elsewhere it often names who acts ("a rally of students", "the visit of the president").
OF_TARGET_ROOTS = frozenset({"08", "11", "12", "16", "17", "18", "19", "20"})
# Nouns whose possessor, with no "of" object, is whom the act befalls: "his arrest", "Navalny's release",
# "their abduction", "Bashir's ouster"; "Israel's bombing" keeps its possessor as the doer
POSSESSED_TARGET = ("17", "0841", "181")
# ... unless the entry needs its doer named: "the Taliban's ban on books", "Israel's crackdown on
# protests", "China's restrictions on Y" are acts of their possessor
BEFALLS = frozenset({"target", "either", "victim"})
# Acts told as a state of their target: "came under attack", "remained in custody"
STATE_PREPS = {"17": "in", "18": "under", "19": "under", "20": "under"}
HELD_VERBS = frozenset({"be", "remain", "stay", "languish", "hold", "keep", "put", "place", "spend"})
WAGED_IN_ROOTS = frozenset({"18", "19", "20"})  # force waged on the country it is "in" ("X's war in Y")


def _governing_subject(token: Token, cues: Cues) -> list[Token]:
    """ "X arrived for talks with Y", "X left after talks with Y": the subject of the verb a mutual
    noun hangs from by a preposition takes part in it; so does the passive subject of a verb of being
    caught up in it ("X has been locked in a standoff with Y", "X were killed in the attack and the
    ensuing battle with Y": the victims' side fought it; `caught_verbs`)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    caught = prep.lower_ == "in" and prep.head.lemma_.lower() in cues.caught_verbs
    return subject(prep.head) or (_kids(prep.head, "nsubjpass") if caught else [])


def _befallen(token: Token, root: str) -> tuple[list[Token], list[Token]]:
    """Who an act told as a state befalls, and who makes it: "the convoy came under attack from X"
    (an attack noun under "under": the subject of its verb, and "from X" on the noun or the verb),
    "X remained in custody" (a noun of coercion under "in" on a verb of being or holding: its
    subject, passive or not); ([], []) elsewhere."""
    prep, verb = token.head, token.head.head
    if token.dep_ != "pobj" or prep.lower_ != STATE_PREPS.get(root) or verb.pos_ not in ("VERB", "AUX"):
        return [], []
    if root == "17" and verb.lemma_.lower() not in HELD_VERBS:
        return [], []  # "visited them in prison": the visitor is not held
    return _kids(verb, "nsubjpass") or subject(verb), _pobjs(token, ("from",)) + _pobjs(verb, ("from",))


def _noun_target_preps(match: TriggerMatch, root: str, cues: Cues) -> tuple[str, ...]:
    """The prepositions that bring a noun's target; "of" under `OF_TARGET_ROOTS`, and the "of" or, for
    force, "in" its entry asks for ("X's backing of Y"; "X's war in Y": waged on the country it is in)."""
    of = ("of",) if root in OF_TARGET_ROOTS or "of" in match.entry.prep else ()
    waged = ("in",) if root in WAGED_IN_ROOTS and "in" in match.entry.prep else ()
    return cues.target_preps + NOUN_ROOT_PREPS.get(root, ()) + of + waged


def _heard_from(
    token: Token, match: TriggerMatch, index: MentionIndex, source: tuple[ActorMention, ...]
) -> tuple[ActorMention, ...]:
    """ "drew criticism from X": X, on the noun or its verb, when the noun has no source of its own;
    for an entry that names "from" ("opposition from X") always X, never the noun that also names the
    opposition party."""
    named = "from" in match.entry.prep
    if source and not named:
        return source
    heard = _pobjs(token, ("from",)) + (_pobjs(token.head, ("from",)) if token.dep_ == "dobj" else [])
    return index.resolve(heard) or (() if named else source)


def _befalls(match: TriggerMatch) -> bool:
    """Whether the entry's act befalls its possessor ("his arrest"), as `POSSESSED_TARGET` says."""
    return (match.entry.cameo or "").startswith(POSSESSED_TARGET) and match.entry.require in BEFALLS


def _possessed(
    token: Token, index: MentionIndex, source: tuple[ActorMention, ...]
) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    """ "his arrest": the possessor of an act that befalls someone is the one it befalls, not its
    doer; (source, targets) as they were otherwise (no targets)."""
    owners = index.resolve([c for c in token.children if c.dep_ == "poss"])
    if owners and set(owners) == set(source):
        return (), owners
    return source, ()


def noun_arguments(match: TriggerMatch, index: MentionIndex, cues: Cues) -> Arguments:
    token = index.doc[match.token]
    root = (match.entry.cameo or "")[:2]
    with_words = set(match.words) - {token.i}
    own = index.by_token.get(token.i)
    governed = token.dep_ in ("dobj", "attr") or (token.dep_ == "acomp" and token.pos_ == "ADJ")
    light = governed and any(k in cues.light_verbs for k in lemma_keys(token.head))
    bare = own is not None and own.token_end - own.token_start == 1
    if bare and light and index.resolve(subject(token.head)):
        own = None  # "Russia launched airstrikes": the bare noun is the act, the subject its actor
    source: tuple[ActorMention, ...] = (own,) if own is not None else ()
    if not source:
        by = noun_agents(token, cues.light_verbs)
        source = index.resolve(by) or modifier_source(token, index, with_words, cues)
    if root in FROM_SOURCE_ROOTS:
        source = _heard_from(token, match, index, source)
    preps = _noun_target_preps(match, root, cues)
    # a mutual act's partner comes through its own preposition: "a news conference at the Pentagon with X"
    partner = [t for t in _pobjs(token, sorted(match.entry.prep)) if match.entry.mutual and index.at(t)]
    target_tokens = partner or _pobjs(token, preps)
    target_tokens += [c for c in token.children if c.dep_ in ("amod", "compound") and against(c)]
    if token.dep_ == "dobj":  # "intensified their campaign on X": the verb holds the preposition
        target_tokens += [t for t in _pobjs(token.head, cues.target_preps) if t.i > token.i]
    targets = index.resolve(target_tokens)
    source = source or phrase_doer(token, index, targets, cues, of_acts="of" not in preps)
    prep = _prep_of(target_tokens, targets, index)
    if not targets and _befalls(match):
        source, targets = _possessed(token, index, source)
    befallen, makers = _befallen(token, root)
    if befallen and not targets:
        targets, source = index.resolve(befallen), source or index.resolve(makers)
    between, inferred = index.resolve(_pobjs(token, ("between",))), False
    # "Qatar launched a mediation effort between X and Y": a go-between is neither of the two
    outside = root == "04" and not match.entry.mutual
    if between and not source and light and outside:
        source, inferred = index.resolve(subject(token.head)), True
    if between and not source and not outside:
        source, targets, prep = between[:1], targets or between[1:], "between"
    elif between and not targets:  # "Egypt's mediation between Israel and Hamas": both sides are its targets
        targets, prep = between, "between"
    if not source and (light or token.dep_ == "appos"):  # "X is a critic of Y"; "X, a critic of Y": X
        source, inferred = index.resolve(subject(token.head) if light else [token.head]), True
    if match.entry.mutual and not targets and (pair := paired_sides(token, index, source)):
        source, targets, prep = pair[:1], pair[1:], None  # "US-China talks", "his White House meeting"
    if not source and match.entry.mutual:
        source, inferred = index.resolve(_governing_subject(token, cues)), True
    if not source and root == "14":
        source, inferred = protesters(token, index)
    return Arguments(Role(source, inferred), Role(targets, False, prep))

