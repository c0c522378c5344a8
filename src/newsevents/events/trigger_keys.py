"""The keys a word is looked up by in the trigger dictionary, and which words of an article have one.

A word is a trigger only if it is a verb or a noun (`kind_by_tags`) and one of its keys (its lemma,
its text, a plural or past form stripped by hand: `keys_of`) is an entry of that kind. Most words
of an article are neither, and the coder asks every sentence: `candidates` answers for the whole
Doc at once, from the strings `nlp.words` reads, each distinct (tags, lemma, word) worked out once
per process, so a sentence's scan is a bisection into a list instead of a call per word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING, Literal

from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

Kind = Literal["verb", "noun"]
CANDIDATES = "newsevents_trigger_candidates"
# Answers kept per process, (POS, dependency, lemma, word) -> whether some entry may code it;
# cleared past this bound, as `nlp.words` does its strings.
MEMO_LIMIT = 200_000

Memo = dict[tuple[str, str, str, str], bool]


def _clean(word: str) -> str:
    return word.lower().strip("-–—'\"‘’“”")


@lru_cache(maxsize=65536)
def keys_of(lemma: str, text: str) -> tuple[str, ...]:
    """Candidate dictionary keys: the lemma, the word, and a past or plural form stripped by hand.

    The small model mislemmatises words glued to dashes ("-backed" -> "-backe"), so the
    surface form is tried as well, and an "-ing" form it cut to a stem with no silent "e".
    """
    keys = [_clean(lemma), _clean(text)]
    word = keys[1]
    if word.endswith("ed") and len(word) > 4:
        keys += [word[:-2], word[:-1]]
    if word.endswith("s") and len(word) > 3:
        keys.append(word[:-1])
    if word.endswith("ing") and len(word) > 5 and keys[0] == word[:-3]:
        # the small model cuts a silent "e" off ("waging" -> "wag"): the stem with it restored
        keys.append(word[:-3] + "e")
    return tuple(dict.fromkeys(k for k in keys if k))


def kind_by_tags(pos: str, dep: str) -> Kind | None:
    """Verb or noun; headlines' "continue offensive" gets the adjective tag, so a non-modifying
    adjective counts as a noun."""
    if pos == "VERB":
        return "verb"
    if pos in ("NOUN", "PROPN"):
        return "noun"
    if pos == "ADJ" and dep in ("dobj", "acomp", "pobj", "nsubj", "attr"):
        return "noun"
    return None


def candidates(doc: Doc, known: Mapping[str, frozenset[str]], memo: Memo) -> list[int]:
    """The indices, in order, of the Doc's words whose kind has an entry under one of their keys
    (`known`: kind -> every key of that kind); found once per Doc and kept in its `user_data`."""
    held = doc.user_data.get(CANDIDATES)
    if held is None or held[0] is not known:
        held = doc.user_data[CANDIDATES] = (known, _candidates(doc, known, memo))
    return held[1]  # type: ignore[no-any-return]


def _candidates(doc: Doc, known: Mapping[str, frozenset[str]], memo: Memo) -> list[int]:
    w = words(doc)
    # `zip` hands each key to `memo.get` and reuses its tuple: no tuple per word is kept
    flags = list(map(memo.get, zip(w.pos, w.dep, w.lemma, w.lower, strict=True)))
    if None in flags:  # words this process has not met yet: worked out once each
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        for i, flag in enumerate(flags):
            if flag is None:
                tags = (w.pos[i], w.dep[i], w.lemma[i], w.lower[i])
                flags[i] = memo[tags] = _may_code(tags, known)
    return list(compress(range(len(flags)), flags))


def _may_code(tags: tuple[str, str, str, str], known: Mapping[str, frozenset[str]]) -> bool:
    kind = kind_by_tags(tags[0], tags[1])
    return kind is not None and not known[kind].isdisjoint(keys_of(tags[2], tags[3]))


def in_span(found: list[int], start: int, end: int) -> list[int]:
    """The indices of `found` (sorted) within [start, end)."""
    return found[bisect_left(found, start) : bisect_left(found, end)]
