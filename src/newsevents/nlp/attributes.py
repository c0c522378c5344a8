"""The model's attribute ruler and rule lemmatizer, compiled into one lookup per token.

spaCy's `attribute_ruler` runs a Matcher over every token and sets each match's attributes
in Python, and its `lemmatizer` asks a Python method for each token's lemma: together about
a fifth of the parse's CPU time, for answers that depend on very little. For every
single-token pattern the outcome is a function of the token's own (ORTH, TAG, DEP, POS,
MORPH, LEMMA) as the earlier components left them, and the rule lemmatizer's answer is a
function of (ORTH, POS, MORPH). So `TokenAttributes` works each distinct key out once, with
the ruler's own patterns and the lemmatizer's own method, and afterwards sets a Doc's
attributes with one dictionary lookup per token (its row of the Doc's array, as bytes) and one
array of outcomes written back (`nlp/outcomes.py`: MORPH apart, where `Doc.from_array` would
call Python for every token).

Patterns and rules are read from the loaded model when the pipeline is built; nothing is
copied into the repository. Matches are applied in the ruler's own order (rule by rule, a
later rule overriding an earlier one), all of them judged on the attributes as they were
before the ruler ran, as spaCy does. Patterns spanning several tokens (a few contractions:
"gon na", "let 's", "there is") are checked against their neighbours for the rare tokens that
can start one. A model whose patterns use anything this module does not evaluate (operators,
extension attributes, MORPH predicates) keeps spaCy's own components: `compile_rules` returns
None and `nlp.load` leaves the pipeline as it was.

tests/nlp/test_attributes.py parses real articles both ways and compares every token.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG

from newsevents.nlp.outcomes import MorphWriter, OutcomeTable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

ATTRIBUTES_COMPONENT = "newsevents_token_attributes"
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"

# What a token's outcome depends on, read with one `Doc.to_array`, and what is written back.
KEY_ATTRS = (ORTH, TAG, DEP, POS, MORPH, LEMMA)
KEY_BYTES = 8 * len(KEY_ATTRS)  # one token's key in the array's bytes (unsigned 64-bit values)
OUT_ATTRS = (POS, MORPH, LEMMA, TAG, DEP)
_ORTH, _TAG, _DEP, _POS, _MORPH, _LEMMA = range(6)
# The outcome of a key is a pure function of it, so the cache may be dropped at any time;
# it is dropped when it grows past this many keys, to bound a long run's memory.
CACHE_LIMIT = 500_000
# Lemmatizer modes whose answer depends on the token's text, POS and MORPH alone.
PURE_LEMMA_MODES = frozenset({"rule", "lookup"})

Key = tuple[int, int, int, int, int, int]
Out = tuple[int, int, int, int, int]

_STRING_ATTRS = {"ORTH": _ORTH, "TEXT": _ORTH, "TAG": _TAG, "DEP": _DEP, "POS": _POS, "LEMMA": _LEMMA}
_LEXEME_ATTRS = frozenset({"LOWER", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER",
                           "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL",
                           "LIKE_EMAIL"})  # fmt: skip
EQ, IN, NOT_IN, REGEX = "==", "IN", "NOT_IN", "REGEX"


def values_of(vocab: Vocab, key: Key, attrs: frozenset[str]) -> dict[str, Any]:
    """The attributes `attrs` of a key as the Matcher compares them: strings for the token's
    TAG, DEP, POS, LEMMA ('' when unset) and ORTH, the lexeme's LOWER and IS_* flags."""
    found: dict[str, Any] = {}
    lexeme = vocab[key[_ORTH]] if attrs & _LEXEME_ATTRS else None
    for attr in attrs:
        if attr in _STRING_ATTRS:
            value = key[_STRING_ATTRS[attr]]
            found[attr] = vocab.strings[value] if value else ""
        elif attr == "LOWER":
            found[attr] = lexeme.lower_  # type: ignore[union-attr]
        else:
            found[attr] = bool(getattr(lexeme, attr.lower()))
    return found


@dataclass(frozen=True)
class TokenTest:
    """One token of a Matcher pattern: every check (attribute, operator, argument) must hold."""

    checks: tuple[tuple[str, str, Any], ...]

    def holds(self, values: Mapping[str, Any]) -> bool:
        for attr, op, arg in self.checks:
            value = values[attr]
            if op == EQ:
                ok = value == arg
            elif op == IN:
                ok = value in arg
            elif op == NOT_IN:
                ok = value not in arg
            else:
                ok = bool(arg.search(str(value)))
            if not ok:
                return False
        return True

    @property
    def anchors(self) -> tuple[tuple[str, Any], ...] | None:
        """(attribute, value) pairs one of which a token must have to pass (TAG or LOWER
        equal to a value, or LOWER in a list), for indexing; None when there is no such check."""
        for wanted in ("TAG", "LOWER"):
            for attr, op, arg in self.checks:
                if attr == wanted and op == EQ:
                    return ((attr, arg),)
                if attr == wanted and op == IN:
                    return tuple((attr, value) for value in sorted(arg, key=str))
        return None


def _check(attr: str, spec: Any) -> tuple[str, str, Any] | None:
    """One attribute's check as the Matcher applies it, or None for a form not handled here."""
    name = attr.upper()
    if name in _LEXEME_ATTRS and name != "LOWER":
        return (name, EQ, spec) if isinstance(spec, bool) else None
    if name not in _STRING_ATTRS and name != "LOWER":
        return None
    if isinstance(spec, str):
        return name, EQ, spec
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op in (IN, NOT_IN) and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            return name, op, frozenset(arg)
        if op == REGEX and isinstance(arg, str):
            return name, op, re.compile(arg)
    return None


def _token_test(spec: Mapping[str, Any]) -> TokenTest | None:
    checks = [_check(attr, value) for attr, value in spec.items()] if isinstance(spec, Mapping) else []
    if not checks or any(check is None for check in checks):
        return None
    return TokenTest(tuple(check for check in checks if check is not None))


@dataclass(frozen=True)
class Rules:
    """The ruler's rules in its order: for rule k, its alternative token sequences, the token
    each one sets (`targets[k]`, resolved from the ruler's index), and the attributes it sets."""

    alternatives: tuple[tuple[tuple[TokenTest, ...], ...], ...]
    targets: tuple[tuple[int, ...], ...]
    attrs: tuple[dict[int, int], ...]

    @property
    def single(self) -> tuple[tuple[int, TokenTest], ...]:
        """(rule, test) for every one-token alternative, in rule order."""
        return tuple((k, alt[0]) for k, alts in enumerate(self.alternatives) for alt in alts if len(alt) == 1)

    @property
    def multi(self) -> tuple[tuple[int, tuple[TokenTest, ...], int], ...]:
        """(rule, tests, target offset) for every alternative of several tokens."""
        return tuple(
            (k, alt, target)
            for k, alts in enumerate(self.alternatives)
            for alt, target in zip(alts, self.targets[k], strict=True)
            if len(alt) > 1
        )

    @property
    def read(self) -> frozenset[str]:
        """Every attribute a pattern reads."""
        return frozenset(c[0] for alts in self.alternatives for alt in alts for t in alt for c in t.checks)


def compile_rules(ruler: AttributeRuler) -> Rules | None:
    """The ruler's patterns as token tests, or None when one of them uses a form not handled here
    (the caller then keeps spaCy's ruler)."""
    alternatives, targets = [], []
    for rule in ruler.patterns:
        alts, aims = [], []
        for pattern in rule["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return None
            tests = [_token_test(spec) for spec in pattern]
            checks = tuple(test for test in tests if test is not None)
            index = rule.get("index", 0)
            aim = index + len(pattern) if index < 0 else index
            if len(checks) != len(pattern) or not 0 <= aim < len(pattern):
                return None
            alts.append(checks)
            aims.append(aim)
        alternatives.append(tuple(alts))
        targets.append(tuple(aims))
    if len(alternatives) != len(ruler.attrs) or any(set(a) - set(OUT_ATTRS) for a in ruler.attrs):
        return None
    return Rules(tuple(alternatives), tuple(targets), tuple(dict(a) for a in ruler.attrs))


@dataclass
class _Entry:
    """One key's outcome: the attributes written back, the single-token rules that matched it
    (in order), and which positions of which multi-token alternatives it can fill."""

    out: Out
    matched: tuple[int, ...]
    positions: frozenset[tuple[int, int]]


class TokenAttributes:
    """Sets POS, MORPH, LEMMA, TAG and DEP exactly as the model's ruler then lemmatizer would."""

    def __init__(self, vocab: Vocab, rules: Rules | None, lemmatizer: Lemmatizer | None) -> None:
        self.vocab = vocab
        self.rules = rules
        self.lemmatizer = lemmatizer
        self._multi = rules.multi if rules else ()
        self._read = rules.read if rules else frozenset()
        # Every token test, in rule order, with what passing it means: ("single", rule) or
        # ("multi", alternative, position); indexed by TAG or LOWER value where a test has one.
        self._tests: list[tuple[TokenTest, tuple[str, int, int]]] = []
        for rule, test in rules.single if rules else ():
            self._tests.append((test, ("single", rule, 0)))
        for m, (_, tests, _) in enumerate(self._multi):
            self._tests.extend((test, ("multi", m, p)) for p, test in enumerate(tests))
        self._anchored: dict[tuple[str, Any], list[int]] = {}
        self._always: list[int] = []
        for i, (test, _) in enumerate(self._tests):
            anchors = test.anchors
            for anchor in anchors or ():
                self._anchored.setdefault(anchor, []).append(i)
            if anchors is None:
                self._always.append(i)
        # a key (its row of the Doc's array, as bytes) -> its row in `_entries` and `_table`
        self._ids: dict[bytes, int] = {}
        self._entries: list[_Entry] = []
        self._table = OutcomeTable(len(OUT_ATTRS))
        self._morph = MorphWriter(vocab, OUT_ATTRS, _MORPH)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Look each token's key up (one row of the Doc's array, as bytes), gather the outcomes
        as one array and write them back; a key met for the first time is worked out first."""
        n = len(doc)
        if not n:
            return doc
        if len(self._entries) >= CACHE_LIMIT:  # only between Docs: a Doc's rows stay valid
            self._ids.clear()
            self._entries.clear()
        keys = doc.to_array(KEY_ATTRS)
        ids = self._ids
        raw = keys.view(f"V{KEY_BYTES}").ravel().tolist()  # each token's key as bytes, in C
        rows = list(map(ids.get, raw))
        if None in rows:
            for t, row in enumerate(rows):
                if row is None:  # worked out once, though the Doc may hold the key again
                    found = ids.get(raw[t])
                    rows[t] = self._resolve(tuple(keys[t].tolist()), raw[t]) if found is None else found
        outs = self._table.rows(rows)
        if self._multi:
            self._apply_multi(keys, rows, outs)  # type: ignore[arg-type]
        self._morph.write(doc, keys, outs)
        return doc

    def _resolve(self, key: Key, raw: bytes) -> int:
        """The row of the key's outcome, worked out with the ruler's tests and the lemmatizer."""
        values = values_of(self.vocab, key, self._read)
        candidates = set(self._always)
        for attr in ("TAG", "LOWER"):
            if attr in values:
                candidates.update(self._anchored.get((attr, values[attr]), ()))
        matched, positions = [], set()
        for i in sorted(candidates):
            test, (kind, a, b) = self._tests[i]
            if test.holds(values):
                if kind == "single":
                    matched.append(a)
                else:
                    positions.add((a, b))
        entry = _Entry(self._outcome(key, matched), tuple(matched), frozenset(positions))
        row = self._ids[raw] = len(self._entries)
        self._entries.append(entry)
        self._table.put(row, entry.out, any(b == 0 for _, b in entry.positions))
        return row

    def _outcome(self, key: Key, matched: Sequence[int]) -> Out:
        """Apply the matched rules in order (later ones win), then the lemmatizer."""
        now = {POS: key[_POS], MORPH: key[_MORPH], LEMMA: key[_LEMMA], TAG: key[_TAG], DEP: key[_DEP]}
        if self.rules is not None:
            for k in matched:
                now.update(self.rules.attrs[k])
        if self.lemmatizer is not None and (self.lemmatizer.overwrite or now[LEMMA] == 0):
            now[LEMMA] = self._lemma(key[_ORTH], now[POS], now[MORPH])
        return now[POS], now[MORPH], now[LEMMA], now[TAG], now[DEP]

    def _lemma(self, orth: int, pos: int, morph: int) -> int:
        """The lemmatizer's answer for a token of this text, POS and MORPH, asked once."""
        key = (orth, pos, morph)
        found = self._lemmas.get(key)
        if found is None:
            from spacy.tokens import Doc

            token = Doc(self.vocab, words=[self.vocab.strings[orth]])[0]
            token.pos = pos
            token.set_morph(morph or None)
            assert self.lemmatizer is not None
            found = self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
            if len(self._lemmas) >= CACHE_LIMIT:
                self._lemmas.clear()
            self._lemmas[key] = found
        return found

    def _apply_multi(self, keys: Any, rows: list[int], outs: Any) -> None:
        """Redo the outcome of the tokens a multi-token alternative sets, with its rule in order;
        only tokens that can begin an alternative (`OutcomeTable.flagged`) are looked at."""
        extra: dict[int, set[int]] = {}
        n, entries = len(rows), self._entries
        for i in self._table.flagged(rows):
            positions = entries[rows[i]].positions
            for m, (rule, tests, target) in enumerate(self._multi):
                if (m, 0) not in positions or i + len(tests) > n:
                    continue
                if all((m, p) in entries[rows[i + p]].positions for p in range(1, len(tests))):
                    extra.setdefault(i + target, set()).add(rule)
        for i, rules in extra.items():
            key = tuple(keys[i].tolist())
            outs[i] = self._outcome(key, sorted(set(entries[rows[i]].matched) | rules))  # type: ignore[arg-type]


def install(nlp: Language) -> bool:
    """Put one `TokenAttributes` where the model's ruler was and drop the ruler and lemmatizer.

    Returns False, leaving the pipeline as loaded, when the model lacks either component, has
    them in another order than ruler then lemmatizer with nothing between, or uses a pattern or
    lemmatizer mode whose outcome is not a function of the token's key.
    """
    names = nlp.pipe_names
    if RULER not in names or LEMMATIZER not in names or names.index(LEMMATIZER) != names.index(RULER) + 1:
        return False
    ruler, lemmatizer = nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER)
    rules = compile_rules(ruler)
    if rules is None or getattr(lemmatizer, "mode", None) not in PURE_LEMMA_MODES:
        log.debug("keeping spaCy's %s and %s: a pattern or mode is not compiled here", RULER, LEMMATIZER)
        return False
    _register()
    nlp.add_pipe(ATTRIBUTES_COMPONENT, before=RULER)
    nlp.remove_pipe(RULER)
    nlp.remove_pipe(LEMMATIZER)
    return True


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(ATTRIBUTES_COMPONENT):
        Language.factory(ATTRIBUTES_COMPONENT, func=_make)


def _make(nlp: Language, name: str) -> TokenAttributes:
    """Built from the model's own ruler and lemmatizer, which must still be in the pipeline."""
    lemmatizer = nlp.get_pipe(LEMMATIZER)
    index_as_sets(lemmatizer)
    return TokenAttributes(nlp.vocab, compile_rules(nlp.get_pipe(RULER)), lemmatizer)


def index_as_sets(lemmatizer: Lemmatizer) -> None:
    """Hold the rule lemmatizer's word index per POS as frozensets instead of lists.

    `rule_lemmatize` asks `form in index` for every form its suffix rules make, and the
    English index lists up to 57,000 words per POS: each question scans the list, so a
    token the caches have not seen costs about a tenth of a millisecond, and every worker
    process meets a corpus's vocabulary anew. Membership is all the method asks of the
    index, so a set gives the same lemmas in one probe. Only the lemmatizer this pipeline
    took out of the model is changed; `spacy.load` gives every other caller its own.
    """
    lookups = lemmatizer.lookups
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if isinstance(words, list):
            table[pos] = frozenset(words)
