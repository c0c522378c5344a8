"""The field's CAMEO verb dictionary (PETRARCH2, converted into `data/petrarch/`) applied on the parse.

A PETRARCH pattern names words around a verb: `- * (AGAINST +) [173]`, `- * &WEAPON [072]`. TABARI
read them off flat text; we read them off the dependency parse, so "imposed new sanctions on X"
and "sanctions were imposed on X by Y" both meet `* SANCTIONS (ON +)`:
- a pattern's noun words (after `*`) must head the verb's object, complement, particle or, in the
  passive, its subject; a `{multi word}` noun is its head plus modifiers to its left;
- `(PREP NOUN)` must be a prepositional phrase on the verb, or on its object, with that
  preposition; `by` includes the passive agent;
- words before `*` must be the verb's subject or a modifier before it; a pattern of such words alone
  ("&MILITARY CONTINUE", "&MILITARY INCREASE") holds only for a verb with no direct object or
  infinitive of its own: "the military continues to defy calls", "the army increased the violence"
  tell what the verb does, which the pattern does not name;
- coordination is followed: a conjunct object ("X and Y") meets a pattern as the first does, and a
  verb with no object of its own takes the object of the verb it is coordinated with ("attacked and
  killed civilians");
- `$` and `+` say which argument is the source and which the target (`TriggerMatch.slots`).

Everything is compiled once, when the codebook is built: a token costs one dictionary lookup
per lemma key, and the parse is read only for a verb the dictionary knows.

Discards (`discards.tsv`): a sentence holding a discard phrase (sports, entertainment, business)
codes no event. PETRARCH marks some phrases as discarding the whole story; we discard per sentence
for all of them, because our articles are long and mixed ("... as the World Cup opened, troops
shelled the city"), while PETRARCH's stories were lead sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents import data
from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.events.codes import CodeTable
from newsevents.events.discards import Discards
from newsevents.nlp.children import children_of
from newsevents.nlp.words import words as doc_words

if TYPE_CHECKING:
    from spacy.tokens import Token

SYNSET_COLUMNS = ("name", "words")
VERB_COLUMNS = ("verb", "before", "after", "forms", "code", "block")
PATTERN_COLUMNS = ("block", "code", "mutual", "before", "objects", "preps", "source", "target", "line")
DISCARD_COLUMNS = ("phrase", "story")
NONE = "---"
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "acomp", "dative", "nsubjpass", "prt", "xcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
BEFORE_DEPS = SUBJECT_DEPS | {"advmod", "npadvmod", "compound"}
PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})
# Verbs a converted entry does not code: purpose, manner and relative clauses, control complements
# ("agreed to resign", "visited X to mediate"): the news reports the governing verb's event.
SUBORDINATE_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "pcomp", "amod", "csubj", "prep", "pobj"})
# a word: its head word -> the modifier words each phrase of it needs left of the head
Item = Mapping[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class Pattern:
    """One converted pattern of a verb block."""

    code: str | None  # None: the pattern says the verb is no event here
    mutual: bool
    before: tuple[Item, ...]
    objects: tuple[Item, ...]
    preps: tuple[tuple[str, Item | None], ...]
    source: str  # "", "subject", "object" or a preposition
    target: str
    origin: str

    @property
    def rank(self) -> tuple[int, int]:
        """Most words first; at equal size, nouns before bare prepositions (`&WEAPON` before `(TO)`)."""
        nouns = len(self.before) + len(self.objects) + sum(obj is not None for _, obj in self.preps)
        return -(len(self.before) + len(self.objects) + len(self.preps)), -nouns

    @property
    def needs(self) -> frozenset[str]:
        """Words of which the parse must hold one for the pattern to be worth trying: the heads of
        its first noun, or its first preposition."""
        if self.objects:
            return frozenset(self.objects[0])
        if self.preps:
            return frozenset((self.preps[0][0],))
        return frozenset(self.before[0]) if self.before else frozenset()


@dataclass(frozen=True)
class Verb:
    """One verb of a block: its word, the words of a multi-word verb, its isolated code."""

    word: str
    before: str
    after: str
    code: str | None
    block: str
    origin: str


@dataclass(frozen=True)
class VerbHit:
    """What a verb's patterns found: the code, the tokens that matched, and the role slots."""

    code: str
    mutual: bool
    words: tuple[int, ...]
    slots: tuple[tuple[str, tuple[int, ...]], ...]
    origin: str
    default: bool  # the block's isolated code, no pattern


class _Builder:
    """Turns the files' rows into patterns; a synonym set or phrase is compiled once, however many
    patterns name it, so the whole dictionary loads in a fraction of a second."""

    def __init__(self, codes: CodeTable, synsets: Mapping[str, tuple[str, ...]]) -> None:
        self.codes, self.synsets = codes, synsets
        self.items: dict[str, Item] = {}

    def item(self, text: str, rec: Record, field: str) -> Item:
        found = self.items.get(text)
        if found is not None:
            return found
        phrases = self.synsets.get(text) if text.startswith("&") else (text,)
        if phrases is None:
            raise rec.fail(field, f"unknown synonym set {text!r}")
        out: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            *mods, head = phrase.split()
            out.setdefault(head, []).append(tuple(mods))
        self.items[text] = built = {k: tuple(v) for k, v in out.items()}
        return built

    def code(self, rec: Record) -> str | None:
        code = rec.values["code"]
        if code == NONE:
            return None
        if code not in self.codes:
            raise rec.fail("code", f"unknown CAMEO code {code!r}")
        return str(code)

    def pattern(self, rec: Record) -> Pattern:
        values = rec.values

        def items(field: str) -> tuple[Item, ...]:
            return tuple(self.item(t, rec, field) for t in str(values[field]).split(";") if t)

        preps: list[tuple[str, Item | None]] = []
        for part in str(values["preps"]).split(";"):
            if part:
                prep, _, obj = part.partition("=")
                preps.append((prep, self.item(obj, rec, "preps") if obj else None))
        origin = f"CAMEO.2.0.txt:{values['line']} ({rec.origin})"
        return Pattern(
            self.code(rec), values["mutual"] == "yes", items("before"), items("objects"), tuple(preps),
            str(values["source"]), str(values["target"]), origin,
        )  # fmt: skip

    def verb(self, rec: Record) -> tuple[Verb, tuple[str, ...]]:
        values = rec.values
        word = rec.text("verb") or ""
        verb = Verb(word, str(values["before"]), str(values["after"]), self.code(rec),
                    str(values["block"]), rec.origin)  # fmt: skip
        return verb, (word, *str(values["forms"]).split())


class _Parse:
    """The parse around one verb, read once when its patterns are tried."""

    def __init__(self, verb: Token, assertions: frozenset[str] = frozenset()) -> None:
        own = [c for c in verb.children if c.dep_ in OBJECT_DEPS and not _content(c, assertions)]
        if not own:  # "attacked and killed civilians": the coordinated verb's object
            own = [c for v in verb.conjuncts for c in v.children if c.dep_ in ("dobj", "obj")]
        if not own and verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
            own = [verb.head]  # "the weapons they delivered"
        self.objects = [t for o in own for t in (o, *o.conjuncts)]
        # what the verb itself acts on or goes on to do ("increased the violence", "continues to defy")
        self.acts_on = any(o.dep_ in ("dobj", "xcomp") and o.head.i == verb.i for o in own)
        self.preps: dict[str, list[Token]] = {}
        for holder in (verb, *self.objects):
            for c in holder.children:
                if c.dep_ in PREP_DEPS and (holder is verb or c.i > holder.i):
                    pobjs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                    if c.dep_ == "prt" and not pobjs:  # "laid down their weapons": the particle's object
                        pobjs = [o for o in own if o.dep_ in ("dobj", "obj")]
                    self.preps.setdefault(c.lower_, []).extend(t for p in pobjs for t in (p, *p.conjuncts))
                    self.preps[c.lower_].append(c)
        held = (verb, verb.head) if verb.dep_ == "conj" else (verb,)  # a conjunct borrows its head's
        subj = children_of(held[0], SUBJECT_DEPS) or children_of(held[-1], SUBJECT_DEPS)
        self.subjects = [t for s in subj for t in (s, *s.conjuncts)]
        self.before = self.subjects + [c for c in children_of(verb, BEFORE_DEPS) if c.i < verb.i]
        near = (*self.objects, *self.before, *(t for ts in self.preps.values() for t in ts))
        self.words = {k for t in near for k in _keys(t)} | set(self.preps)


def _content(noun: Token, assertions: frozenset[str]) -> bool:
    """ "the claim that X did it": a noun of `assertions` whose that-clause states what is asserted."""
    clauses = (c for c in noun.children if c.dep_ in ("acl", "ccomp"))
    return noun.lemma_.lower() in assertions and any(m.dep_ == "mark" for c in clauses for m in c.children)


def _keys(token: Token) -> tuple[str, ...]:
    w, i = doc_words(token.doc), token.i  # the lower-cased word and lemma, read once per Doc
    return (w.lower[i], w.lemma[i]) if w.lemma[i] != w.lower[i] else (w.lower[i],)


def _meets(item: Item, tokens: Iterable[Token]) -> Token | None:
    """The first token heading a phrase of `item` (its modifiers to its left), or None."""
    for tok in tokens:
        for key in _keys(tok):
            needs = item.get(key)
            if needs is None:
                continue
            if any(not mods for mods in needs):
                return tok
            left = {w for t in tok.doc[tok.left_edge.i : tok.i] for w in _keys(t)}
            if any(all(m in left for m in mods) for mods in needs):
                return tok
    return None


def _try(pattern: Pattern, parse: _Parse) -> list[int] | None:
    """The matched tokens (objects and prepositions), or None when the pattern does not hold."""
    words: list[int] = []
    for item in pattern.before:
        if _meets(item, parse.before) is None:
            return None
    if pattern.before and not pattern.objects and not pattern.preps and parse.acts_on:
        return None  # "the army increased the violence": the pattern named only who acts
    for item in pattern.objects:
        hit = _meets(item, parse.objects)
        if hit is None:
            return None
        words.append(hit.i)
    for prep, obj in pattern.preps:
        found = parse.preps.get(prep)
        if not found or (obj is not None and _meets(obj, found) is None):
            return None
        words.append(found[-1].i)
    for slot in (pattern.source, pattern.target):
        if slot == "object" and not parse.objects:
            return None
        if slot not in ("", "object", "subject") and len(parse.preps.get(slot, ())) < 2:
            return None
    return words


def _slot(slot: str, parse: _Parse) -> tuple[int, ...]:
    if slot == "subject":
        return tuple(t.i for t in parse.subjects)
    if slot == "object":
        return tuple(t.i for t in parse.objects if t.dep_ != "prt")
    return tuple(t.i for t in parse.preps.get(slot, ()) if t.dep_ not in PREP_DEPS)


def _multiword(verb: Verb, token: Token) -> bool:
    """ "stir up", "wire tap": the words beside the verb word are there."""
    doc = token.doc
    if verb.after:
        words = verb.after.split()
        near = [c.lower_ for c in token.children if c.i > token.i]
        nxt = [t.lower_ for t in doc[token.i + 1 : token.i + 1 + len(words)]]
        if words[0] not in near and nxt != words:
            return False
    if verb.before:
        words = verb.before.split()
        prev = [t.lower_ for t in doc[max(0, token.i - len(words)) : token.i]]
        return prev == words
    return True


@dataclass(frozen=True)
class VerbPatterns:
    """Verbs by word and form, and each block's patterns, most specific first."""

    verbs: Mapping[str, tuple[Verb, ...]]
    patterns: Mapping[str, tuple[tuple[Pattern, frozenset[str]], ...]]  # with what each `needs`
    # Governors of schedule that hold no event of their own (cues.yml `schedule_words`): in "X is
    # scheduled to attend a summit" the complement is the news (its subject: `subjects._raised_subject`).
    scheduling: frozenset[str] = frozenset()
    assertions: frozenset[str] = frozenset()  # cues.yml `assertion_nouns`: "the claim that X" (`_content`)
    # Per block, each word -> the positions of the patterns that need it (see `__post_init__`).
    by_word: Mapping[str, Mapping[str, tuple[int, ...]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index each block's patterns by the words they need, once at load: a verb then tries
        only the patterns a word of its parse can satisfy, not each of its block's hundreds."""
        index: dict[str, dict[str, tuple[int, ...]]] = {}
        for block, patterns in self.patterns.items():
            words: dict[str, list[int]] = {}
            for n, (_, needs) in enumerate(patterns):
                for word in needs:
                    words.setdefault(word, []).append(n)
            index[block] = {word: tuple(found) for word, found in words.items()}
        object.__setattr__(self, "by_word", index)

    def _candidates(self, block: str, words: Iterable[str]) -> list[int]:
        """Positions, in rank order, of the block's patterns that need one of `words`."""
        index = self.by_word.get(block, {})
        found: set[int] = set()
        for word in words:
            found.update(index.get(word, ()))
        return sorted(found)

    def match(self, token: Token, keys: Iterable[str]) -> VerbHit | None:
        """The most specific pattern of the token's verb blocks, else its isolated code, else None.

        A multi-word verb ("call off") is tried before the single word ("call").
        """
        if token.dep_ in SUBORDINATE_DEPS and not _scheduled(token, self.scheduling):
            return None
        verbs = [v for key in keys for v in self.verbs.get(key, ()) if _multiword(v, token)]
        if not verbs:
            return None
        verbs.sort(key=lambda v: not (v.before or v.after))
        parse = _Parse(token, self.assertions)
        for verb in verbs:
            block = self.patterns.get(verb.block, ())
            for n in self._candidates(verb.block, parse.words):  # the others need none of its words
                pattern = block[n][0]
                words = _try(pattern, parse)
                if words is None:
                    continue
                if pattern.code is None:
                    return None
                slots = tuple(
                    (role, _slot(s, parse))
                    for role, s in (("source", pattern.source), ("target", pattern.target))
                    if s
                )
                return VerbHit(pattern.code, pattern.mutual, tuple(words), slots, pattern.origin, False)
        verb = verbs[0]
        if verb.code is None:
            return None
        return VerbHit(verb.code, False, (), (), verb.origin, True)


def _scheduled(token: Token, scheduling: frozenset[str]) -> bool:
    """ "X is scheduled to attend", "X is due to visit": a to-infinitive under a word of schedule
    (passive or adjective) is coded as a main verb; whether it happened is modality's business."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lower_ in scheduling
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


@dataclass(frozen=True)
class Converted:
    """The converted PETRARCH dictionary: verb patterns and discard phrases."""

    verbs: VerbPatterns
    discards: Discards


def load_converted(
    codes: CodeTable,
    folder: Path | None = None,
    language: str = "en",
    scheduling: frozenset[str] = frozenset(),
    assertions: frozenset[str] = frozenset(),
) -> Converted:
    """The converted files (shipped in `data/petrarch/` unless `folder` is given), checked line by
    line; `scheduling`: the words of schedule whose complement is coded (cues.yml `schedule_words`);
    `assertions`: the nouns whose that-clause is what is asserted (cues.yml `assertion_nouns`)."""

    def path(name: str) -> Path:
        return folder / name if folder is not None else data.shipped(f"petrarch/{name}", language)

    synsets = {
        rec.text("name") or "": tuple(w for w in str(rec.get("words", "")).split("|") if w)
        for rec in reader.rows(path("verb_synsets.tsv"), SYNSET_COLUMNS)
    }
    build = _Builder(codes, synsets)
    verbs: dict[str, list[Verb]] = {}
    for rec in reader.rows(path("verbs.tsv"), VERB_COLUMNS):
        verb, words = build.verb(rec)
        for w in words:
            verbs.setdefault(w, []).append(verb)
    patterns: dict[str, list[Pattern]] = {}
    for rec in reader.rows(path("verb_patterns.tsv"), PATTERN_COLUMNS):
        patterns.setdefault(str(rec.values["block"]), []).append(build.pattern(rec))
    discards: dict[str, list[tuple[str, ...]]] = {}
    for rec in reader.rows(path("discards.tsv"), DISCARD_COLUMNS):
        first, *rest = (rec.text("phrase") or "").split()
        discards.setdefault(first, []).append(tuple(rest))
    return Converted(
        VerbPatterns(
            {k: tuple(v) for k, v in verbs.items()},
            {k: tuple((p, p.needs) for p in sorted(v, key=lambda p: p.rank)) for k, v in patterns.items()},
            scheduling,
            assertions,
        ),
        Discards({k: tuple(v) for k, v in discards.items()}),
    )
