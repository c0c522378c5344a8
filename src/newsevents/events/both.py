"""The two countries a phrase like "both countries" or "the two governments" stands for.

News names two countries ("Egypt and Turkey are traditionally allies") and then tells what they did
as a pair: "both countries withdrew their ambassadors", "the two governments have ignored requests".
Such a phrase stands for the two distinct countries named last before it, within its own sentence
and the few before (`BACK`); with fewer than two in reach it stands for nobody. Each country becomes
a mention of its own on the phrase's tokens, of the sector the phrase's noun has ("governments":
GOV; "countries", "nations", "neighbours": the state itself). The nouns and the words that make
them a pair are `pair_nouns` and `pair_words` in cues.yml. "Both sides" and "the two parties"
(`side_nouns`) stand the same way for the two actors named last, of one country or two ("the RSF
has been fighting the army ... both sides"), each as named.

`MentionIndex` gives both countries wherever the parse names the phrase, and `sides.pairs` makes
an act the pair does with no other party named an act of each on the other ("both countries
withdrew their ambassadors": each from the other), in the roots where that is how such acts go.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.model import Actor, ActorMention, Evidence
from newsevents.nlp import sentences_of
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsevents.events.modality import Cues

BACK = 3  # sentences before the phrase's own in which its countries may be named
PAIR_DEPS = frozenset({"det", "predet", "nummod", "preconj"})


def named_pairs(doc: Doc, text: str, mentions: Sequence[ActorMention], cues: Cues) -> list[ActorMention]:
    """Two mentions, one per country, for each pair phrase of the article whose countries are named
    before it; the phrase's own mention, a noun with no country ("governments"), gives their sector.
    Who says something of the pair is not one of it ("the UN says both sides have committed abuses",
    `_speakers`)."""
    if not cues.pair_nouns and not cues.side_nouns:
        return []
    starts = [s.start for s in sentences_of(doc)]
    ordered = sorted(mentions, key=lambda m: m.token_start)
    by_head = {m.head: m for m in mentions}
    # a country's name as the article writes it ("Turkey" for the "Ankara" named last), else its code
    names = {m.actor.country: m.actor.name for m in mentions if m.actor.sector is None and m.kind == "name"}
    out: list[ActorMention] = []
    w = words(doc)
    # the words' strings pick the plural nouns of the cues; a Token only for those
    for i, lemma in enumerate(w.lemma):
        if w.tag[i] != "NNS" or not (lemma in cues.side_nouns or lemma in cues.pair_nouns):
            continue
        token, sides = doc[i], lemma in cues.side_nouns
        if not _paired(token, cues):
            continue
        own = by_head.get(token.i)
        if own is not None and own.actor.country and own.kind != "coref":
            continue  # "the two Korean governments": its words name its country
        first = min((c.i for c in token.children if c.dep_ in PAIR_DEPS), default=token.i)
        earliest = starts[max(0, bisect_right(starts, token.i) - 1 - BACK)]
        speakers = _speakers(token)
        named = _last_two([m for m in ordered if m.head not in speakers], first, earliest, sides)
        if named is None:
            continue
        sector = own.actor.sector if own is not None else None
        evidence = Evidence.of(text, doc[first].idx, token.idx + len(token))
        out += [_member(m, sector, evidence, (first, token.i), names, sides) for m in named]
    return out


def _speakers(token: Token) -> set[int]:
    """The subjects of the verbs whose complement clause holds the token: "the UN" of "the UN says
    both sides ...", at any depth ("X said Y believes both sides ...")."""
    out: set[int] = set()
    node = token
    while node.head.i != node.i:
        if node.dep_ == "ccomp":
            out |= {c.i for c in node.head.children if c.dep_ == "nsubj"}
        node = node.head
    return out


def _paired(token: Token, cues: Cues) -> bool:
    return any(c.dep_ in PAIR_DEPS and c.lower_ in cues.pair_words for c in token.children)


def _last_two(
    ordered: Sequence[ActorMention], before: int, earliest: int, sides: bool = False
) -> tuple[ActorMention, ActorMention] | None:
    """The mentions naming the two distinct countries named last before token `before`, no earlier
    than token `earliest`, the latest first; for `sides`, the two distinct actors (by code) named
    last, pronouns aside, whatever their countries."""
    found: list[ActorMention] = []
    key = (lambda a: a.code) if sides else (lambda a: a.country)
    for m in reversed(ordered):
        if m.token_end > before or not key(m.actor):
            continue
        if m.token_start < earliest:
            break
        if sides and m.kind == "pronoun":
            continue
        if all(key(m.actor) != key(f.actor) for f in found):
            found.append(m)
        if len(found) == 2:
            return found[0], found[1]
    return None


def _member(
    named: ActorMention, sector: str | None, evidence: Evidence, span: tuple[int, int],
    names: dict[str | None, str], sides: bool = False,
) -> ActorMention:  # fmt: skip
    """The country `named` names (for `sides`, the actor itself), as one member of the pair phrase at
    tokens `span` (first, head)."""
    country = named.actor.country or ""
    start, head = span
    name = names.get(country, country)
    code = country + (sector or "")
    actor = Actor(text=evidence.text, name=name, code=code, country=country, sector=sector, evidence=evidence,
                  country_source="text")  # fmt: skip
    if sides:
        actor = replace(named.actor, text=evidence.text, evidence=evidence)
    return replace(named, actor=actor, token_start=start, token_end=head + 1, head=head, kind="coref",
                   needs_country=False)  # fmt: skip


def members(mention: ActorMention, pairs: Sequence[ActorMention]) -> tuple[ActorMention, ...]:
    """The members of the pair phrase `mention` is one of (itself first), else just `mention`."""
    if mention.kind != "coref":
        return (mention,)
    span = (mention.token_start, mention.token_end)
    same = tuple(p for p in pairs if (p.token_start, p.token_end) == span)
    return (mention, *(p for p in same if p != mention)) if mention in same else (mention,)


def is_pair(mentions: Sequence[ActorMention]) -> bool:
    """Two mentions on the same tokens: the two countries of one pair phrase."""
    return len(mentions) == 2 and (mentions[0].token_start, mentions[0].token_end) == (
        mentions[1].token_start, mentions[1].token_end) and mentions[0] != mentions[1]  # fmt: skip
