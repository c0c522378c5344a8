"""Each token's strings as plain tuples, read once per Doc.

Reading `token.lower_`, `token.lemma_` or `token.pos_` asks spaCy's StringStore every time and
makes a Token object first; stages that scan whole sentences for a few verbs or words paid that
per token, per scan, a dozen times an article. `words(doc)` reads the Doc's hashes into an array
once and maps each distinct hash to its string once per process, so a scan compares plain
strings and makes Token objects only where something matched.

The strings are read after the pipeline's components have run; no stage changes a token's text,
lemma, POS or dependency label, so they stay true for the Doc's life.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

KEY = "newsevents_words"
# hash -> string and hash -> lower-cased string, per process; cleared past a bound.
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
CACHE_LIMIT = 200_000


@dataclass(frozen=True)
class Words:
    """Per token i: `text[i]` its text, `lower[i]` its lower-cased text, `lemma[i]` its lower-cased
    lemma, `pos[i]` its coarse tag, `dep[i]` its dependency label and `tag[i]` its fine-grained
    tag, as spaCy gives them."""

    text: tuple[str, ...]
    lower: tuple[str, ...]
    lemma: tuple[str, ...]
    pos: tuple[str, ...]
    dep: tuple[str, ...]
    tag: tuple[str, ...]


def words(doc: Doc) -> Words:
    """The Doc's `Words`, built on first use and kept in its `user_data`."""
    found = doc.user_data.get(KEY)
    if found is None:
        found = doc.user_data[KEY] = _read(doc)
    return found  # type: ignore[no-any-return]


def _read(doc: Doc) -> Words:
    from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS, TAG

    if len(_STRINGS) > CACHE_LIMIT:
        _STRINGS.clear()
        _LOWERED.clear()
    if not len(doc):
        return Words((), (), (), (), (), ())
    strings = doc.vocab.strings
    text, lower, lemma, pos, dep, tag = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, TAG]).T.tolist()
    named = [_named(column, strings) for column in (text, lower, pos, dep, tag)]
    return Words(named[0], named[1], _lowered(lemma, strings), named[2], named[3], named[4])


def _named(hashes: list[int], strings: Any) -> tuple[str, ...]:
    return _mapped(hashes, _STRINGS, lambda h: strings[h])


def _lowered(hashes: list[int], strings: Any) -> tuple[str, ...]:
    return _mapped(hashes, _LOWERED, lambda h: strings[h].lower())


def _mapped(hashes: list[int], cache: dict[int, str], make: Any) -> tuple[str, ...]:
    """Each hash's string from `cache`, the missing ones made first: once the process has met
    an article's words, a whole column is one `map` in C instead of a Python loop per token."""
    try:
        return tuple(map(cache.__getitem__, hashes))
    except KeyError:
        for h in set(hashes):
            if h not in cache:
                cache[h] = make(h)
        return tuple(map(cache.__getitem__, hashes))


def labelled_words(doc: Doc, label: str) -> set[str]:
    """The lower-cased words of the tokens whose entity label is `label` ("PERSON"), read from the
    Doc's array of labels: walking the Doc for them built a Token per token of the article."""
    from spacy.attrs import ENT_TYPE

    if not len(doc):
        return set()
    lower, wanted = words(doc).lower, doc.vocab.strings[label]
    return {lower[i] for i in (doc.to_array(ENT_TYPE) == wanted).nonzero()[0].tolist()}
