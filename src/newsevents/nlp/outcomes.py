"""Writing the compiled token attributes back to a Doc at array speed (`nlp/attributes.py`).

The compiled component works each distinct token key out once; what it then pays per token is
gathering the outcomes and writing them. Two costs dominated that: building a numpy array from
a list of Python tuples, and `Doc.from_array` with MORPH, which hands each token's morphology
string to `Morphology.add` in Python, about three quarters of the write. So the outcomes are
held as rows of one numpy table (gathered with one fancy index), and MORPH is set apart, only
on the tokens whose morphology the outcome changes, through `Token.morph`.

`Token.morph` stores the key of the morphology table's entry, `from_array` the value itself;
the two are the same for a value the table holds under its own key, which is checked once per
value and process (`MorphWriter.setter`). A value that fails the check, or the first Doc of a
process, is written by `from_array` as before, and every value is first handed to
`Morphology.add` once, as `from_array` would: the Doc and the vocabulary end up the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc, MorphAnalysis, Token
    from spacy.vocab import Vocab


class OutcomeTable:
    """The outcomes worked out so far, one row each, in a table that doubles when full, and
    beside each a flag: whether its key can begin a multi-token alternative."""

    def __init__(self, width: int, size: int = 4096) -> None:
        self._rows = numpy.zeros((size, width), dtype="uint64")
        self._flags = numpy.zeros(size, dtype=bool)

    def put(self, row: int, out: tuple[int, ...], flag: bool) -> None:
        if row >= len(self._rows):
            size = 2 * len(self._rows)
            self._rows = numpy.resize(self._rows, (size, self._rows.shape[1]))
            self._flags = numpy.resize(self._flags, size)
        self._rows[row] = out
        self._flags[row] = flag

    def rows(self, rows: list[int]) -> Any:
        """A fresh array of the given rows, in order (the caller may change it)."""
        return self._rows[rows]

    def flagged(self, rows: list[int]) -> list[int]:
        """The positions in `rows` of the flagged ones."""
        return self._flags[rows].nonzero()[0].tolist()  # type: ignore[no-any-return]


class MorphWriter:
    """Writes a Doc's outcome columns (`attrs`, MORPH among them) as `Doc.from_array` would."""

    def __init__(self, vocab: Vocab, attrs: tuple[int, ...], key_column: int) -> None:
        """`key_column`: the column of MORPH in the key arrays `write` is given."""
        from spacy.attrs import MORPH

        self.vocab, self.attrs, self.key_column = vocab, attrs, key_column
        self.column = attrs.index(MORPH)
        self.others = [a for a in attrs if a != MORPH]
        self.other_columns = [i for i, a in enumerate(attrs) if a != MORPH]
        # morphology value -> what sets it on a Token; values only `from_array` can set
        self._setters: dict[int, MorphAnalysis] = {}
        self._unset: set[int] = set()
        self._probe: Token | None = None

    def write(self, doc: Doc, keys: Any, outs: Any) -> None:
        """Set every column of `outs` on the Doc; `keys` holds each token's MORPH before."""
        morphs = outs[:, self.column]
        values = morphs.tolist()
        distinct = set(values)
        if not distinct <= self._setters.keys():
            for value in distinct - self._setters.keys() - self._unset:
                self._learn(value)
            if not distinct.isdisjoint(self._unset):
                doc.from_array(list(self.attrs), outs)
                return
        doc.from_array(self.others, outs[:, self.other_columns])
        setters = self._setters
        for i in (morphs != keys[:, self.key_column]).nonzero()[0].tolist():
            doc[i].morph = setters[values[i]]

    def _learn(self, value: int) -> None:
        """Register `value` with the morphology table as `from_array` does, and keep what sets
        exactly that value on a Token, unless `Token.morph` would store another."""
        from spacy.tokens import Doc, MorphAnalysis

        self.vocab.morphology.add(self.vocab.strings[value])
        morph = MorphAnalysis.from_id(self.vocab, value)
        if self._probe is None:
            self._probe = Doc(self.vocab, words=["x"])[0]
        self._probe.morph = morph
        if self._probe.morph.key == value:
            self._setters[value] = morph
        else:
            self._unset.add(value)
