"""Attacks reported from the victims' side: "Five civilians were killed in an air strike".

A trigger entry with `require: victim` (kill, wound, injure ...) is coded with its named source
as usual; without one, the victims are an actor of their own and the event gets an unknown
source and the victims as target, but only when the sentence reports one violent act:

- not an accident, disaster or illness ("killed in a car crash", "injured in the flood"): a
  `cause` phrase of `data/en/events/victims.yml` in the sentence vetoes it;
- not a running total or a generic statement ("killed since 2011", "killed in the war",
  "thousands were killed", "civilians are killed every day"): a `cumulative` phrase, or a
  present-tense or progressive passive ("are killed", "are being killed") outside the headline;
- not hypothetical, future or negated ("could be killed", "will be killed", "no soldier was
  hurt"): decided from the stance and the auxiliaries.

The act's code comes from its means when the clause names one ("shot dead" 193, "in an air
strike" 195, "when a bomb exploded" 183, "car bomb" 1832); otherwise the trigger's own code.
Finding is kept apart from coding: these functions only read the parse.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.events.codes import CodeTable
from newsevents.nlp import sentence_of
from newsevents.nlp.syntax import lent_clause_tokens
from newsevents.nlp.words import words as doc_words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsevents.events.triggers import TriggerMatch
    from newsevents.model import Actor, ActorMention, Event

PhraseKind = Literal["cause", "cumulative", "means"]
Scope = Literal["clause", "victims"]
# Phrases by their first word, each with its place in the rules' order (`VictimRules.by_first`).
ByFirst = dict[str, list[tuple[int, "Phrase"]]]
FIELDS = {"phrase", "kind", "cameo", "not_with", "scope", "note"}
# Auxiliaries of a passive that make it present simple or progressive: a habit or a trend.
PRESENT_TAGS = frozenset({"VBP", "VBZ", "VBG"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NO_WORDS = frozenset({"no", "none", "neither"})
# A figure this large among the victims is a toll ("killed more than 260,000 people"), not one act.
TOLL_FLOOR = 1000


@dataclass(frozen=True)
class Phrase:
    """One line of victims.yml."""

    words: tuple[str, ...]
    kind: PhraseKind
    cameo: str | None = None
    not_with: frozenset[str] = frozenset()
    scope: Literal["clause", "victims"] = "clause"


@dataclass(frozen=True)
class VictimRules:
    phrases: tuple[Phrase, ...]
    # (kind, scope) -> `by_first`, made on first use: the rules never change after loading
    _indexed: dict[tuple[str, str | None], ByFirst] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def of_kind(self, kind: PhraseKind) -> tuple[Phrase, ...]:
        return tuple(p for p in self.phrases if p.kind == kind)

    def by_first(self, kind: PhraseKind, scope: Scope | None = None) -> ByFirst:
        """The phrases of `kind` (and of `scope`, if given) by their first word, each with its
        place among them, for `_found`: indexed once, not again for every event it vetoes."""
        found = self._indexed.get((kind, scope))
        if found is None:
            found = {}
            chosen = [p for p in self.of_kind(kind) if scope is None or p.scope == scope]
            for order, phrase in enumerate(chosen):
                found.setdefault(phrase.words[0], []).append((order, phrase))
            self._indexed[(kind, scope)] = found
        return found


def _phrase(rec: Record, codes: CodeTable) -> Phrase:
    unknown = set(rec.values) - FIELDS
    if unknown:
        raise rec.fail(sorted(unknown)[0], f"unknown field (known: {', '.join(sorted(FIELDS))})")
    text = rec.values.get("phrase")
    if not isinstance(text, str) or not text.split():
        raise rec.fail("phrase", "expected one or more words")
    kind = rec.values.get("kind")
    if kind not in ("cause", "cumulative", "means"):
        raise rec.fail("kind", f"{kind!r} is not one of cause, cumulative, means")
    cameo = rec.values.get("cameo")
    if kind == "means" and (not isinstance(cameo, str) or cameo not in codes):
        raise rec.fail("cameo", f"a means needs a known CAMEO code as a quoted string, got {cameo!r}")
    if kind != "means" and cameo is not None:
        raise rec.fail("cameo", "only a means takes a code")
    not_with = rec.values.get("not_with", [])
    if not isinstance(not_with, list) or not all(isinstance(w, str) for w in not_with):
        raise rec.fail("not_with", "expected a list of words")
    scope = rec.values.get("scope", "clause")
    if scope not in ("clause", "victims"):
        raise rec.fail("scope", f"{scope!r} is not clause or victims")
    words = tuple(w.lower() for w in text.split())
    return Phrase(words, kind, cameo, frozenset(w.lower() for w in not_with), scope)


def _identity(rec: Record) -> str:
    return " ".join(str(rec.get("phrase", "")).lower().split())


def load_victim_rules(
    codes: CodeTable, extra: Sequence[str | Path] = (), language: str = "en"
) -> VictimRules:
    """The shipped victims.yml with the user's files merged over it by phrase, validated: a bad
    line is an E202 naming `file:line`. Read when the events stage is built, never per article."""
    paths = (data.shipped("events/victims.yml", language), *extra)
    records = (rec for path in paths for rec in reader.entries(path))
    return VictimRules(tuple(reader.merge(records, _identity, lambda rec: _phrase(rec, codes))))


def _keys(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _forms(token: Token) -> frozenset[str]:
    """The words a phrase word may match at this token: its lemma, itself, itself less a plural s
    (the strings `words` read once per Doc, the same as the Token's own)."""
    w, i = doc_words(token.doc), token.i
    lower = w.lower[i]
    if lower.endswith("s"):
        return frozenset((w.lemma[i], lower, lower[:-1]))
    return frozenset((w.lemma[i], lower))


def _matches_at(tokens: Sequence[Token], forms: Sequence[frozenset[str]], i: int, phrase: Phrase) -> bool:
    n = len(phrase.words)
    if i + n > len(tokens) or any(word not in forms[i + k] for k, word in enumerate(phrase.words)):
        return False
    last = tokens[i + n - 1]
    if phrase.not_with:
        near = {_keys(last.head)[0], *(_keys(c)[0] for c in last.children)}
        if i > 0:
            near.add(_keys(tokens[i - 1])[0])
        if near & phrase.not_with:
            return False
    return True


def _found(tokens: Sequence[Token], by_first: ByFirst) -> Iterator[tuple[Phrase, int]]:
    """(phrase, first token) of every match, token by token, phrases in their order at each.

    Each token's forms are read once, and only the phrases whose first word is among them are
    tried there (a sentence against every phrase of a kind used to cost tokens x phrases reads);
    `by_first` is the rules' index of the phrases to try (`VictimRules.by_first`)."""
    forms = [_forms(t) for t in tokens]
    for i, here in enumerate(forms):
        tried = sorted(c for word in here for c in by_first.get(word, ()))
        for _, p in tried:
            if _matches_at(tokens, forms, i, p):
                yield p, tokens[i].i


def _passive_aux(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("auxpass", "aux")]


def _tense_veto(token: Token, headline: bool) -> str | None:
    """ "are killed" (a habit), "are being killed" (a trend), "will be killed" (not yet)."""
    aux = _passive_aux(token)
    if any(a.lower_ in FUTURE_AUX for a in aux):
        return "future"
    if any(a.lemma_ == "have" for a in aux):
        return None  # "have been killed": news, unless a cumulative phrase says otherwise
    if token.dep_ == "xcomp" or any(a.lower_ == "to" for a in aux):
        return "infinitive"
    be = [a for a in aux if a.lemma_ == "be"]
    if be and not headline and any(a.tag_ in PRESENT_TAGS for a in be):
        return "present"
    return None


def _victim_tokens(doc_tokens: Sequence[Token], victims: Sequence[ActorMention]) -> list[Token]:
    """The victims' whole phrase, up through "of" ("thousands of civilians", "none of the soldiers")."""
    out: list[Token] = []
    for m in victims:
        top = doc_tokens[m.head]
        while top.head.i != top.i and (top.dep_ == "pobj" or (top.dep_ == "prep" and top.lower_ == "of")):
            top = top.head
        out += list(top.subtree)
    return sorted({t.i: t for t in out}.values(), key=lambda t: t.i)


def _number(token: Token) -> float:
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return 0.0


def veto(token: Token, victims: Sequence[ActorMention], rules: VictimRules, headline: bool) -> str | None:
    """Why a victim-only event at `token` must not be coded, or None when it may be."""
    doc = token.doc
    around = _victim_tokens(doc, victims)
    if any(t.lower_ in NO_WORDS and t.dep_ in ("det", "nsubjpass", "nsubj") for t in around):
        return "negated victims"
    if any(_number(t) >= TOLL_FLOOR for t in around if t.like_num):
        return "cumulative: a toll"
    # a cause anywhere in the sentence: headlines and their repeats are parsed into odd clauses
    # ("refugees killed after boat capsizes"), and a sentence rarely tells an accident beside an attack
    for phrase, _ in _found(list(sentence_of(token)), rules.by_first("cause")):
        return f"cause: {' '.join(phrase.words)}"
    cumulative = rules.of_kind("cumulative")
    clause = lent_clause_tokens(token)
    seen = {p for p, _ in _found(around, rules.by_first("cumulative", "victims"))}
    seen.update(p for p, _ in _found(clause, rules.by_first("cumulative", "clause")))
    for phrase in cumulative:  # the first in the rules' order, as each was tried in turn
        if phrase in seen:
            return f"cumulative: {' '.join(phrase.words)}"
    return _tense_veto(token, headline)


def means(token: Token, victims: Sequence[ActorMention], rules: VictimRules) -> tuple[str, range] | None:
    """(CAMEO code, its tokens) of the most specific means the trigger's clause names, if any.

    The trigger itself counts ("shot dead"), the victims' own phrase does not ("four of their
    gunmen were killed"); longer phrases beat shorter ones ("car bomb" 1832 over "bomb" 183),
    then the one nearest the trigger.
    """
    own = {t.i for t in _victim_tokens(token.doc, victims)}
    found = list(_found([t for t in lent_clause_tokens(token) if t.i not in own], rules.by_first("means")))
    if not found:
        return None
    phrase, at = max(found, key=lambda f: (len(f[0].words), -abs(f[1] - token.i)))
    return phrase.cameo or "", range(at, at + len(phrase.words))  # every means has a code (checked on load)


def means_modifiers(doc_tokens: Sequence[Token], means_at: range) -> list[Token]:
    """Words before the means inside its noun phrase, nearest first: "Israeli" and "tank" in
    "Israeli tank shelling", "Russian" in "a Russian air strike"; the attacker may be among them."""
    out: list[Token] = []
    i = means_at.start - 1
    while i >= 0:
        tok = doc_tokens[i]
        if tok.pos_ in ("DET", "PUNCT", "ADP", "VERB", "AUX", "CCONJ") or tok.dep_ == "case":
            if tok.dep_ == "case":  # "the army's shelling"
                i -= 1
                continue
            break
        out.append(tok)
        i -= 1
    return out


def merge_victims(
    by_token: dict[int, list[Event]], means_of: dict[int, range | None], matches: Sequence[TriggerMatch]
) -> None:
    """One event per fact for victim-only events (unknown attacker), in place.

    When the means is an attack noun coded with its attacker but no target ("killed in a Russian
    air strike"), the victims become that event's target and the victim-only event goes; a
    victim-only event whose target and root another trigger of the sentence already gives goes too.
    """
    for token, means in means_of.items():
        found = by_token.get(token) or []
        if not found:
            continue
        means_words = set(means or ())
        hosts = [m.token for m in matches if m.token != token and means_words & set(m.words)]
        open_ = [e for h in hosts for e in by_token.get(h, []) if e.source is not None and e.target is None]
        if open_:
            victims_ = [v.target for v in found]
            for h in hosts:
                by_token[h] = [
                    replace(e, target=t)
                    for e in by_token.get(h, [])
                    for t in (victims_ if e in open_ else [e.target])
                ]
            by_token[token] = []
            continue
        others = {
            (_code_of(e.target), e.cameo_root)
            for t, evs in by_token.items() if t != token for e in evs
        }  # fmt: skip
        by_token[token] = [e for e in found if (_code_of(e.target), e.cameo_root) not in others]


def _code_of(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None
