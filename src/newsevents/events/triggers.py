"""Trigger words: which verbs and nouns state an event, and the CAMEO code each takes.

The knowledge lives in `data/en/events/verbs.yml` (see its header); this module validates the entries and
finds them in a parsed sentence. Finding is separate from argument linking (arguments.py), so
matching is tested on its own. A specific entry ("halt" + talks -> 164) beats a bare lemma.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newsevents.data import reader
from newsevents.data.reader import Record
from newsevents.events import parties
from newsevents.events.codes import CodeTable
from newsevents.events.phrases import phrase_keys
from newsevents.events.trigger_keys import Kind, Memo, candidates, in_span, keys_of, kind_by_tags
from newsevents.events.verb_patterns import Converted, VerbHit
from newsevents.model import quick_init
from newsevents.nlp.children import children_of
from newsevents.nlp.syntax import PREPOSITION_DEPS, measured
from newsevents.nlp.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsevents.events.arguments import Arguments, MentionIndex
    from newsevents.events.modality import Cues

# "unnamed" is never read from a file: `unnamed.py` sets it on an act of force told with no party
Require = Literal["either", "source", "target", "both", "victim", "unnamed"]
FIELDS = {"verb", "noun", "cameo", "with", "prep", "require", "source_from", "mutual", "note"}
# dependents that can satisfy an entry's `with` list
WITH_DEPS = {
    "dobj", "nsubjpass", "attr", "xcomp", "dative", "oprd", "compound", "amod", "nmod", "npadvmod",
    "pcomp", "advcl", "acomp", "obj",
}  # fmt: skip


@dataclass(frozen=True)
class TriggerEntry:
    """One line of the trigger dictionary."""

    kind: Kind
    lemma: str
    cameo: str | None  # None: known word, deliberately not coded
    with_: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    require: Require = "either"
    source_from: Literal["subject", "object", "holder", "giver"] = "subject"
    origin: str = ""
    mutual: bool = False  # both sides act on each other: "X and Y met", "X held talks with Y"
    converted: bool = False  # from the converted PETRARCH dictionary, not the curated one

    @property
    def specificity(self) -> int:
        return 2 * bool(self.with_) + bool(self.prep)


@quick_init
@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a sentence: the token, the entry, and the tokens that made it match."""

    token: int
    entry: TriggerEntry
    words: tuple[int, ...]  # token indices of the trigger words (trigger + matched `with`/prep words)
    # a converted pattern's `$`/`+` slots: ("source" | "target", the tokens that fill it)
    slots: tuple[tuple[str, tuple[int, ...]], ...] = ()


def _words(rec: Record, field: str) -> frozenset[str]:
    value = rec.values.get(field, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise rec.fail(field, "expected a word or a list of words (quote yes/no/on/off)")
    return frozenset(v.strip().lower() for v in value)


def identity(rec: Record) -> tuple[str, str, frozenset[str], frozenset[str]]:
    """What makes two entries the same one (a later file's replaces an earlier's): kind, lemma,
    `with` and `prep`."""
    kind = "verb" if "verb" in rec.values else "noun"
    lemma = str(rec.get(kind, "")).strip().lower()
    return kind, lemma, _words(rec, "with"), _words(rec, "prep")


def parse_entry(rec: Record, codes: CodeTable) -> TriggerEntry:
    """Validate one dictionary line; every problem names the file, line and field."""
    unknown = set(rec.values) - FIELDS
    if unknown:
        raise rec.fail(sorted(unknown)[0], f"unknown field (known: {', '.join(sorted(FIELDS))})")
    kinds = [k for k in ("verb", "noun") if k in rec.values]
    if len(kinds) != 1:
        raise rec.fail("verb", "give exactly one of verb or noun")
    kind: Kind = kinds[0]  # type: ignore[assignment]
    lemma = rec.values[kind]
    if not isinstance(lemma, str) or not lemma.strip():
        raise rec.fail(kind, "expected a word")
    cameo = rec.values.get("cameo")
    if cameo is None and "cameo" not in rec.values:
        raise rec.fail("cameo", "missing (a CAMEO code, or none)")
    if isinstance(cameo, int):
        raise rec.fail("cameo", f'write the code as a quoted string ("{cameo:03d}"), not a number')
    if cameo == "none":
        cameo = None
    if cameo is not None and (not isinstance(cameo, str) or cameo not in codes):
        raise rec.fail("cameo", f"unknown CAMEO code {cameo!r}")
    require = rec.values.get("require", "either")
    if require not in ("either", "source", "target", "both", "victim"):
        raise rec.fail("require", f"{require!r} is not one of either, source, target, both, victim")
    source_from = rec.values.get("source_from", "subject")
    if source_from not in ("subject", "object", "holder", "giver"):
        raise rec.fail("source_from", f"{source_from!r} is not subject, object, holder or giver")
    mutual = rec.values.get("mutual", False)
    if not isinstance(mutual, bool):
        raise rec.fail("mutual", f"{mutual!r} is not true or false")
    return TriggerEntry(
        kind, lemma.strip().lower(), cameo, _words(rec, "with"), _words(rec, "prep"),
        require, source_from, rec.origin, mutual,
    )  # fmt: skip


@dataclass(frozen=True)
class TriggerDictionary:
    """Entries by (kind, lemma), most specific first."""

    entries: Mapping[tuple[str, str], tuple[TriggerEntry, ...]]
    converted: Converted | None = None  # the field's verb dictionary (verb_patterns.py)

    @classmethod
    def load(
        cls, paths: Sequence[str | Path], codes: CodeTable, converted: Converted | None = None
    ) -> TriggerDictionary:
        """The entries of `paths` in order, merged by `identity` (later files win)."""
        records = (rec for path in paths for rec in reader.entries(path))
        grouped: dict[tuple[str, str], list[TriggerEntry]] = {}
        for entry in reader.merge(records, identity, lambda rec: parse_entry(rec, codes)):
            grouped.setdefault((entry.kind, entry.lemma), []).append(entry)
        return cls({k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in grouped.items()}, converted)

    @cached_property
    def known_keys(self) -> Mapping[str, frozenset[str]]:
        """Every key a token of each kind can be coded by: curated lemmas of that kind, and for
        verbs the converted dictionary's verbs. A token with none of them is never looked at."""
        known: dict[str, set[str]] = {"verb": set(), "noun": set()}
        for kind, lemma in self.entries:
            known.setdefault(kind, set()).add(lemma)
        if self.converted is not None:
            known["verb"].update(self.converted.verbs.verbs)
        return {kind: frozenset(keys) for kind, keys in known.items()}

    @cached_property
    def memo(self) -> Memo:
        """Which words some entry may code, kept per process (`trigger_keys.candidates`)."""
        return {}

    def lookup(self, kind: Kind, lemmas: Iterable[str]) -> tuple[TriggerEntry, ...]:
        for lemma in lemmas:
            found = self.entries.get((kind, lemma))
            if found:
                return found
        return ()


def lemma_keys(token: Token) -> list[str]:
    """Candidate dictionary keys of a token (`trigger_keys.keys_of`), from the strings `words`
    read once per Doc rather than the Token's own (the same keys: tests/nlp/test_words.py)."""
    w = words(token.doc)
    return list(keys_of(w.lemma[token.i], w.lower[token.i]))


def related_words(token: Token) -> dict[str, int]:
    """Dependents that can satisfy `with`: objects, complements, modifiers, prepositional objects.

    In order of preference: the trigger's own dependents (and a modifier after the object, the small
    model's reading of an object complement; a noun's to-infinitive), then the noun a participle or
    relative clause modifies ("the sanctions they imposed"). A date object lends its glued-on words
    ("by (phone Monday)").
    """
    out: dict[str, int] = {}

    def add(tok: Token) -> None:
        for t in (tok, *tok.conjuncts):
            for key in (*lemma_keys(t), *phrase_keys(t)):  # "martial law", "state of emergency" too
                out.setdefault(key, t.i)

    for child in token.children:
        if child.dep_ in WITH_DEPS:
            add(child)
            # "called Y's comments 'insulting'", "designated X a terrorist group": the small model hangs
            # an object complement after the object as its modifier or apposition
            for late in child.children if child.dep_ == "dobj" else ():
                if late.dep_ in ("amod", "appos") and late.i > child.i:
                    add(late)
            if child.dep_ in ("dobj", "nsubjpass"):  # "sent 500 troops", "hundreds of troops were sent"
                for held in measured(child):
                    add(held)
        elif child.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            add(child)  # a noun's to-infinitive: "Trump's threat to impose tariffs"
        elif child.dep_ in PREPOSITION_DEPS:
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    add(grand)
                if grand.dep_ == "pobj" and grand.ent_type_ == "DATE":
                    for glued in grand.children:
                        if glued.dep_ == "compound" and glued.ent_type_ != "DATE":
                            add(glued)
    if token.dep_ in ("relcl", "acl") and token.head.i != token.i:
        add(token.head)
    return out


def preps_of(token: Token) -> dict[str, int]:
    """Prepositions on the trigger; a noun object also takes its verb's ("campaign ... on X")."""
    out = {c.text.lower(): c.i for c in children_of(token, PREPOSITION_DEPS)}
    if token.dep_ == "dobj" and token.pos_ != "VERB":
        for c in token.head.children:
            if c.dep_ in PREPOSITION_DEPS and c.i > token.i:
                out.setdefault(c.text.lower(), c.i)
    return out


def kind_of(token: Token) -> Kind | None:
    """Verb or noun (`trigger_keys.kind_by_tags`)."""
    return kind_by_tags(token.pos_, token.dep_)


def _curated(token: Token, entries: Sequence[TriggerEntry]) -> TriggerMatch | None:
    """The first entry (most specific first) whose conditions the token meets."""
    related = related_words(token) if any(e.with_ for e in entries) else {}
    preps = preps_of(token) if any(e.prep for e in entries) else {}
    for entry in entries:
        words = [token.i]
        if entry.with_:
            hits = [i for w, i in related.items() if w in entry.with_]
            if not hits:
                continue
            words.append(hits[0])
        if entry.prep:
            hits = [preps[p] for p in entry.prep if p in preps]
            if not hits:
                continue
            words.append(min(hits))
        return TriggerMatch(token.i, entry, tuple(sorted(words)))
    return None


def _converted(token: Token, hit: VerbHit, lemma: str) -> TriggerMatch:
    """A converted hit as a match: a pattern asks for either side, as a curated entry does by
    default; a verb's isolated code, the weakest evidence, asks for both."""
    require: Require = "both" if hit.default else "either"
    entry = TriggerEntry(
        "verb", lemma, hit.code, require=require, origin=hit.origin, mutual=hit.mutual, converted=True
    )
    return TriggerMatch(token.i, entry, tuple(sorted({token.i, *hit.words})), hit.slots)


def match_token(token: Token, dictionary: TriggerDictionary) -> TriggerMatch | None:
    """The entry that codes the token, or None.

    Curated entries (`verbs.yml`) win over converted ones (`data/petrarch/`) for the whole lemma:
    a lemma the curated dictionary knows, even as a word deliberately left uncoded, is coded by it
    alone. Measured on the public gold sets, converted patterns that overrode curated verbs
    ("agreed to a ceasefire" as 0871 instead of an agreement) cost more than they gained.
    """
    kind = kind_of(token)
    if kind is None:
        return None
    keys = lemma_keys(token)
    entries = dictionary.lookup(kind, keys)
    if entries:
        return _curated(token, entries)
    if kind != "verb" or dictionary.converted is None:
        return None
    hit = dictionary.converted.verbs.match(token, keys)
    return _converted(token, hit, keys[0]) if hit is not None else None


def find_triggers(sent: Span, dictionary: TriggerDictionary) -> Iterator[TriggerMatch]:
    """Every trigger in the sentence, minus words another trigger consumed as its `with` word.

    "halted the offensive" is one event (087), not also an offensive (190); "threatened to
    attack" is one threat (138), not also an attack; but "condemned the attack" is a criticism
    (111) and an attack (`_judges`). A converted verb coded with its root's
    general code gives way to a curated trigger of the same root among its pattern words: in
    "staged a general strike" the strike (143) says more than "stage" + strike (140).
    """
    doc = sent.doc
    matches = []
    # the article's words some entry may code, found once per Doc: Tokens only for those
    for i in in_span(candidates(doc, dictionary.known_keys, dictionary.memo), sent.start, sent.end):
        found = match_token(doc[i], dictionary)
        if found is not None:
            matches.append(found)
    matches = [m for m in matches if not _says_less(m, matches)]
    consumed = {w for m in matches if not _judges(m) for w in m.words if w != m.token}
    for m in matches:
        if m.token in consumed:
            continue
        yield m


def _judges(match: TriggerMatch) -> bool:
    """ "condemned the arrest of X": criticism takes the act as done, so the act noun stays an event
    of its own, unlike what a threat or demand asks for or a criticism undergone (`giver`)."""
    return (match.entry.cameo or "").startswith("111") and match.entry.source_from != "giver"


def _says_less(match: TriggerMatch, matches: Sequence[TriggerMatch]) -> bool:
    code = match.entry.cameo or ""
    if not match.entry.converted or len(code) != 3 or not code.endswith("0"):
        return False
    words = set(match.words) - {match.token}
    return any(
        m.token in words and not m.entry.converted and (m.entry.cameo or "")[:2] == code[:2] != m.entry.cameo
        and not _bare_mutual(m.entry)
        for m in matches
    )


def _bare_mutual(entry: TriggerEntry) -> bool:
    """A mutual noun with no word or preposition of its own ("talks", "ceasefire") codes only when its
    own modifiers name both sides ("US-China talks"); as a verb's object ("joined talks") the verb
    holds the sides, so the noun does not outrank it."""
    return entry.kind == "noun" and entry.mutual and not entry.with_ and not entry.prep


def with_slots(args: Arguments, match: TriggerMatch, index: MentionIndex, cues: Cues) -> Arguments:
    """Arguments with the roles a converted pattern's `$`/`+` slots name, where they hold an actor,
    then the refinements of `parties.refine` (the partner of a mutual act, the parties a
    coordinated modifier names, a noun's "by" agent, who holds an attitude told in the passive, the
    target of a participle), and a coordinated verb's object as the target of a verb with none
    (`shared_object`).

    `- * (TO +) [061]`: whoever "to" governs is the target, whatever the default reading says;
    a slot that holds no actor leaves the role as `find_arguments` read it. Criticism of an act
    then aims at its doer (`judged_doer`).
    """
    for role, tokens in match.slots:
        found = index.resolve([index.doc[i] for i in tokens])
        if not found:
            continue
        other = args.target if role == "source" else args.source
        kept = tuple(m for m in other.mentions if m not in found)
        if role == "source":
            args = replace(
                args,
                source=replace(args.source, mentions=found, inferred=False),
                target=replace(other, mentions=kept),
            )
        else:
            args = replace(
                args,
                target=replace(args.target, mentions=found, inferred=False),
                source=replace(other, mentions=kept),
            )
    args = parties.refine(args, match, index, cues)
    return judged_doer(shared_object(args, match, index), match, index)


def judged_doer(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "condemned the attack by X", "criticised the arrest of Y by X": criticism of a named act aims
    at whoever did it, named by "by" on the act noun, not at whom the act befell; and so does praise
    of one ("welcomed the release of the hostages by the Taliban" praises the Taliban). The act is
    the pattern's own word, else the verb's object."""
    if not (match.entry.cameo or "").startswith(("111", "051")):
        return args
    token = index.doc[match.token]
    acts = [index.doc[i] for i in match.words if i != match.token]
    acts = acts or [c for c in token.children if c.dep_ == "dobj"]
    by = [g for a in acts for p in a.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children]
    doers = index.resolve([g for g in by if g.dep_ == "pobj"])
    found = tuple(m for m in doers if m not in args.source.mentions)
    if not found:
        return args
    return replace(args, target=replace(args.target, mentions=found, inferred=False))


def shared_object(args: Arguments, match: TriggerMatch, index: MentionIndex) -> Arguments:
    """ "attacked and killed civilians": a verb with no object and no target takes the object of
    the next verb it is coordinated with, as an inferred target."""
    token = index.doc[match.token]
    if args.target.mentions or match.entry.kind != "verb" or token.dep_ == "conj":
        return args
    if any(c.dep_ in ("dobj", "obj", "prep", "agent", "dative") for c in token.children):
        return args
    later = [v for v in token.conjuncts if v.i > token.i and v.pos_ == "VERB"][:1]
    objects = [c for v in later for c in v.children if c.dep_ in ("dobj", "obj")]
    found = tuple(m for m in index.resolve(objects) if m not in args.source.mentions)
    if not found:
        return args
    return replace(args, target=replace(args.target, mentions=found, inferred=True))
