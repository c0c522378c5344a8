"""Whether an event happened as stated: negation, possibility, and whose claim it is.

- negated: a negation on the trigger, its auxiliaries, or the verb that governs it through a
  control complement or a light verb ("will not stop fighting", "did not launch an offensive"), or
  the verb a conjoined one is joined to, unless a word of contrast sets them apart ("seldom
  criticized X and instead accepted its loans", "did not attack but warned": `contrast_words`).
- hypothetical: a modal ("might", "could", "would"), a possibility word ("possible offensive"),
  an if-clause, or a verb of intent above it ("threatened to attack"); "would like to ask" is
  politeness, not possibility.
- reported: the event sits in the complement of a verb of saying ("X attacked Y, Z said") or
  inside quotation marks; `attributed_to` is the speaker when the parse names one.
Otherwise asserted. Cue words live in `data/en/events/cues.yml`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents import data
from newsevents.data.lists import words
from newsevents.model import Actor, Modality, quick_init
from newsevents.nlp import text_of
from newsevents.nlp.words import words as doc_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CUE_KEYS = (
    "negation", "hypothetical_aux", "hypothetical_words", "hypothetical_verbs", "polite_verbs",
    "speech_verbs", "light_verbs", "target_preps", "backer_words", "act_nouns", "harm_verbs", "warning_verbs",
    "intent_verbs", "statement_nouns", "blame_adjectives", "protester_nouns", "crowd_verbs",
    "guilt_words", "guilt_needs_wrong", "wrong_nouns", "wish_verbs", "schedule_words", "aimed_nouns",
    "anonymous_attackers", "pair_nouns", "pair_words", "side_nouns", "leader_words", "topic_verbs",
    "unharmed_objects", "unseating_words", "in_force_words", "reluctance_verbs", "caught_verbs",
    "assertion_nouns", "blaming_verbs", "judged_acts", "asked_nouns", "contrast_words", "unnamed_force",
)  # fmt: skip
QUOTE_MARKS = '"“”«»'


@dataclass(frozen=True)
class Cues:
    negation: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_words: frozenset[str]
    hypothetical_verbs: frozenset[str]
    polite_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    light_verbs: frozenset[str]
    target_preps: tuple[str, ...] = ()  # in the order they are tried: "attacked (X) on Y"
    backer_words: frozenset[str] = frozenset()  # "Russian-backed": the backer, not the actor
    leader_words: frozenset[str] = frozenset()  # "U.S.-led offensive": the leader is the actor
    # "warned that Turkish intervention would worsen the war": criticism of the act's owners (criticism.py)
    act_nouns: frozenset[str] = frozenset()
    harm_verbs: frozenset[str] = frozenset()
    blame_adjectives: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    # "X said Y was responsible for the bombing": an accusation of Y (criticism.py)
    guilt_words: frozenset[str] = frozenset()
    guilt_needs_wrong: frozenset[str] = frozenset()
    wrong_nouns: frozenset[str] = frozenset()
    # "plans to impose sanctions": the subject means to do the act (a threat or an intent, intents.py)
    intent_verbs: frozenset[str] = frozenset()
    # "will not hesitate to strike": a holding back denied, the act meant, not negated (intents.py)
    reluctance_verbs: frozenset[str] = frozenset()
    # "the tariffs would take effect Wednesday": a measure announced, not threatened (intents.py); phrases
    in_force_words: frozenset[str] = frozenset()
    # "the ministry issued a statement condemning X": a statement acts for whoever issued it (arguments.py)
    statement_nouns: frozenset[str] = frozenset()
    # "demonstrators flooded the streets": a protest told through its crowd (crowds.py)
    protester_nouns: frozenset[str] = frozenset()
    crowd_verbs: frozenset[str] = frozenset()
    # "X wants Y to withdraw": X's appeal to Y, not Y's withdrawal (wishes.py)
    wish_verbs: frozenset[str] = frozenset()
    # "X is scheduled to attend": the complement is coded as a main verb (verb_patterns._scheduled)
    schedule_words: frozenset[str] = frozenset()
    # "the claim that X": a statement's content, not a thing claimed (verb_patterns._Parse)
    assertion_nouns: frozenset[str] = frozenset()
    # "both countries", "the two governments": the two countries named last before (both.py)
    pair_nouns: frozenset[str] = frozenset()
    pair_words: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()  # "both sides": the two parties named last, of any country
    # "two men blew themselves up": people named by no role who use force are armed men (irregular.py)
    anonymous_attackers: frozenset[str] = frozenset()
    # "X and Y discussed Taiwan": a verb whose object is what is talked of, never a party (arguments.py)
    topic_verbs: frozenset[str] = frozenset()
    # "X has been locked in a standoff with Y", "X were killed in clashes with Y": X takes part in the
    # mutual act under "in" (arguments.py)
    caught_verbs: frozenset[str] = frozenset()
    # "sanctions hurt Iran's economy": things a verb of harm touches only in a figure (precision.py)
    unharmed_objects: frozenset[str] = frozenset()
    # "U.S. restrictions on Chinese firms", "U.S. aid to X": a country before a measure aimed at a named party
    aimed_nouns: frozenset[str] = frozenset()
    # "X was impeached": whom an act of removal befalls held the office then (unseated.py)
    unseating_words: frozenset[str] = frozenset()
    # "X blamed the attacks on Y": Y did the attacks (parties.py)
    blaming_verbs: frozenset[str] = frozenset()
    # "Y denounced the extension": an act told before, judged by a definite noun alone (judged.py)
    judged_acts: frozenset[str] = frozenset()
    # "accepted demands from X": what one party asks or offers, whose "from" names the asker (arguments.py)
    asked_nouns: frozenset[str] = frozenset()
    # "seldom criticized X and instead praised Y": a verb set against the one it is joined to
    contrast_words: frozenset[str] = frozenset()
    # "the convoy came under attack": words of force coded with no party in a story of conflict (unnamed.py)
    unnamed_force: frozenset[str] = frozenset()


def load_cues(extra: Sequence[str | Path] = (), language: str = "en") -> Cues:
    """The shipped cue lists with the user's files merged over them by (list, word).

    A list that is not a list, an empty word or an unknown list is an E202 naming file:line.
    """
    lists = words((data.shipped("events/cues.yml", language), *extra), CUE_KEYS)
    return Cues(**{key: found if key == "target_preps" else frozenset(found) for key, found in lists.items()})


@quick_init
@dataclass(frozen=True)
class Stance:
    negated: bool
    modality: Modality
    attributed_to: Actor | None


def _governors(token: Token, cues: Cues) -> Iterator[Token]:
    """The trigger, then the verbs whose auxiliaries and negation also bind it."""
    yield token
    w = doc_words(token.doc)  # the strings, not a lookup per read
    seen, lemma = {token.i}, w.lemma
    while True:
        head = token.head
        if lemma[head.i] in cues.speech_verbs:
            return  # "did not acknowledge launching the attack" does not negate the attack
        if w.dep[token.i] == "conj" and _contrasted(token, cues):
            return  # "seldom criticized China and instead accepted its funding": the funding was accepted
        if w.dep[token.i] in ("xcomp", "conj", "dobj", "nsubjpass", "acomp") and head.i not in seen:
            light = lemma[head.i] in cues.light_verbs
            if w.dep[token.i] in ("dobj", "nsubjpass", "acomp") and not light:
                return
            token = head
            seen.add(token.i)
            yield token
        else:
            return


def _contrasted(conj: Token, cues: Cues) -> bool:
    """Whether a conjoined verb is set against the verb it is joined to ("did not X but Y", "X and
    instead Y", "not X but rather Y"): its own adverb of contrast, or a contrasting conjunction
    between the two. The first verb's negation, modals and conditions do not bind it."""
    lower = doc_words(conj.doc).lower
    if any(c.dep_ == "advmod" and lower[c.i] in cues.contrast_words for c in conj.children):
        return True
    head = conj.head
    between = (c for c in head.children if c.dep_ == "cc" and head.i < c.i < conj.i)
    return any(lower[c.i] in cues.contrast_words for c in between)


def is_negated(token: Token, cues: Cues) -> bool:
    w = doc_words(token.doc)  # labels and words as strings: no StringStore lookup per child
    dep, lower = w.dep, w.lower
    for gov in _governors(token, cues):
        if gov.i != token.i and w.lemma[gov.i] in cues.reluctance_verbs:
            return False  # "will not hesitate to strike": a denied holding back does not deny the act
        for child in gov.children:
            c = child.i
            if dep[c] == "neg" or (dep[c] == "det" and lower[c] == "no"):
                return True
            if dep[c] in ("advmod", "neg") and lower[c] in cues.negation:
                return True
            if dep[c] == "advmod" and any(dep[g.i] == "neg" for g in child.children):
                return True  # "will no longer recognize", "no more"
    return False


def _conditional(clause: Token) -> bool:
    w = doc_words(clause.doc)
    return any(w.dep[c.i] == "mark" and w.lower[c.i] in ("if", "unless") for c in clause.children)


def is_hypothetical(token: Token, cues: Cues, own_lemma: str) -> bool:
    """Modal auxiliaries, possibility words and if-clauses on the trigger or its governors."""
    w = doc_words(token.doc)  # labels and words as strings: no StringStore lookup per child
    for gov in _governors(token, cues):
        lemma = w.lemma[gov.i]
        if gov.i != token.i and lemma in cues.hypothetical_verbs and lemma != own_lemma:
            return True
        polite = lemma in cues.polite_verbs
        for child in gov.children:
            word, dep = w.lower[child.i], w.dep[child.i]
            if dep == "aux" and word in cues.hypothetical_aux and not polite:
                return True
            if dep in ("advmod", "amod", "mark") and word in cues.hypothetical_words:
                return True
        if w.dep[gov.i] == "advcl" and _conditional(gov):
            return True
        if any(w.dep[c.i] == "advcl" and _conditional(c) for c in gov.children):
            return True  # the consequent of a condition: "if talks fail, the army will attack"
    return False


def speech_head(token: Token, cues: Cues) -> Token | None:
    """The verb of saying whose complement holds the trigger, if any."""
    w, node = doc_words(token.doc), token
    while node.head.i != node.i:
        head = node.head
        if w.dep[node.i] in ("ccomp", "parataxis") and w.lemma[head.i] in cues.speech_verbs:
            return head
        if w.dep[node.i] in ("advcl", "relcl", "acl") and w.pos[head.i] == "NOUN":
            return None
        node = head
    # "X will attack Y, said Z": some parses make the speech verb a child of the event verb
    for child in token.children:
        saying = w.dep[child.i] in ("ccomp", "parataxis", "advcl") and w.lemma[child.i] in cues.speech_verbs
        if saying and any(w.dep[c.i] == "nsubj" for c in child.children):
            return child
    return None


def in_quotes(token: Token) -> bool:
    """True when an odd number of quotation marks opens before the token in its paragraph.

    Counting all double quotes alike copes with the mixed straight/curly pairs news sites emit
    ("The main battle ...” said X) and with quotes running over several sentences.
    """
    text = text_of(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    return sum(text.count(q, start, token.idx) for q in QUOTE_MARKS) % 2 == 1


def stance(
    sent: Span,
    token: Token,
    cues: Cues,
    speaker: Callable[[Token], Actor | None],
    quote_speaker: Actor | None = None,
) -> Stance:
    """Negation, modality and attribution for the trigger `token`.

    `speaker(verb)` resolves the subject of a verb of saying to an actor; `quote_speaker` is who
    speaks in a quoted sentence that names no speaker itself (the quote continues an attributed
    one). A hypothetical event inside someone's statement keeps the speaker in `attributed_to`.
    """
    negated = is_negated(token, cues)
    head = speech_head(token, cues)
    quoted = head is None and in_quotes(token)
    if quoted:
        head = next((t for t in _saying(sent, cues) if not in_quotes(t)), None)
    attributed = speaker(head) if head is not None else (quote_speaker if quoted else None)
    if is_hypothetical(token, cues, doc_words(token.doc).lemma[token.i]):
        return Stance(negated, "hypothetical", attributed)
    if head is not None or quoted:
        return Stance(negated, "reported", attributed)
    return Stance(negated, "asserted", None)


def sentence_speaker(sent: Span, cues: Cues, speaker: Callable[[Token], Actor | None]) -> Actor | None:
    """The resolved subject of a verb of saying outside quotation marks in the sentence, if any."""
    for t in _saying(sent, cues):
        if t.pos_ == "VERB" and not in_quotes(t):
            found = speaker(t)
            if found is not None:
                return found
    return None


def _saying(sent: Span, cues: Cues) -> Iterator[Token]:
    """The sentence's words whose lemma is a verb of saying, found in its strings (`nlp.words`):
    the other words are never built as Tokens."""
    doc, lemmas = sent.doc, doc_words(sent.doc).lemma
    return (doc[i] for i in range(sent.start, sent.end) if lemmas[i] in cues.speech_verbs)


def has_quote(sent: Span) -> bool:
    text = text_of(sent.doc)[sent.start_char : sent.end_char]
    return any(ch in text for ch in QUOTE_MARKS)
