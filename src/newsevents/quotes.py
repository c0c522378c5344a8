"""Direct and reported speech, each tied to the actor who spoke.

Direct quotes are text between quote marks (“ ” " « » „ “ ‘ ’ ', from a data file) with a speech cue
("said", "told", "added", "according to": data file) outside the marks in the same sentence, in
the sentence before when it ends with a colon, or in a short sentence right after. Reported
speech is a speech verb with a clausal complement ("Assad said that he supported the talks").

What a caller may rely on:
- `text == evidence.text` always. For a direct quote the evidence is the quoted words inside
  the marks, without the marks and without a trailing comma, colon or semicolon that belongs
  to the attribution ("The main battle is about ... Turkey"); editorial brackets stay.
- For reported speech, `direct` is False and the evidence is the complement clause without
  its "that" ("he supported the peace talks, ..."); `cue` is the speech verb as written.
  A clause that is mostly a direct quote is reported once, as the direct quote.
- `speaker` is the actor of the mention whose tokens cover the head of the cue's subject
  (inverted "said Assad" included; coreference mentions such as "he" count when the actor
  stage supplies them; "who" in "Smith, who said ..." is Smith).
- When no mention covers it and the subject (or the object of "according to", or a name in
  apposition: "the spokesman, John Smith") is a proper name, the speaker is read from the
  text: `name` is the person's full name as first introduced in the article ("John Smith"
  for a later "Smith" or "Mr Smith"; titles and a leading "the" are not part of it), or the
  organisation's name as written ("New York Times"); `text` and `evidence` are the words of
  this reference. Its `code`, `country` and `sector` are those of the actor mention in its
  role ("John Smith, a spokesman for Oxfam", "Smith, the Turkish foreign minister", "Oxfam
  spokesman John Smith"; at the introduction, so later references keep it), else `code` is
  "" with `country` and `sector` None. A person whose introduction an actor mention covers
  is that actor.
- An unresolved "he"/"she" speaks for the last person named as a subject in its sentence or
  the four before, unless a title says otherwise ("Mrs Smith" is not "he").
- A common-noun subject no mention covers ("a source", "officials", "witnesses", "the
  ministry", "the commander") gives speaker None: no name is made up for it, since "a source
  close to the talks" names nobody. Its role still counts ("a spokesman for Oxfam" is Oxfam).
  The passive subject of a speech verb and a name inside quote marks are never speakers.
- A quote with no cue of its own continues the speaker of the quote just before it when it
  follows that quote in the same paragraph after a short attribution ("“...,” he said. “...”"),
  when it opens the paragraph right after the one that quote ended (or ran on from); `cue` is
  then None. A whole-paragraph quote with no cue and no such speaker is kept with
  speaker None; any other quote without a cue is dropped.
- A quote shorter than `min_words` words (4) is a scare quote or a title, not speech.
- Nothing inside `article.furniture` is read; a quote in the headline is kept only when the
  body does not repeat its words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.figures import lexicon as lx
from newsevents.model import Actor, ActorMention, Article, Evidence, Quote
from newsevents.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LEXICON_FILE = "quotes.yml"
WORD = re.compile(r"\w+")
TRAILING = " \t,;:"
OPEN_AFTER = " \t\n([{—–-:"
# Single quote marks, which are also apostrophes: see `_line_spans`.
SINGLE = frozenset("'‘’")
# Marks that open a quote of their own, for telling a quote's attribution from a new quote.
OPENERS = "“\"«„‘"
GENDERS = frozenset({"he", "she", "any"})
# Entity types a speaker's proper name may carry ("" is a proper noun the model left untyped).
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", ""})
# Children of a subject whose words say nothing about the speaker's role.
ROLE_SKIP = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
WHEN = frozenset({"DATE", "TIME"})  # "said Monday" names no speaker
PRONOUN_WINDOW = 4  # sentences back a person named as a subject stays the antecedent of "he"


@dataclass(frozen=True)
class QuoteLexicon:
    """The validated word lists of `figures/data/quotes.yml` (plus any user files)."""

    verbs: frozenset[str]
    phrases: frozenset[str]
    marks: Mapping[str, str]
    min_words: int
    next_sentence_tokens: int
    titles: Mapping[str, str] = field(default_factory=dict)
    pronouns: Mapping[str, str] = field(default_factory=dict)


def load_quote_lexicon(*extra: str | Path) -> QuoteLexicon:
    """The shipped lists with the user files `extra` merged over them; raises E202 if bad."""
    sections = lx.load_sections(LEXICON_FILE, tuple(extra))

    def mark(value: object) -> str | None:
        return None if isinstance(value, str) and len(value) == 1 else f"{value!r} is not one character"

    checks: dict[str, lx.Check] = {
        "verbs": lx.one_of({"speech"}),
        "phrases": lx.one_of({"source"}),
        "marks": mark,
        "limits": lx.positive_int,
        "titles": lx.one_of(GENDERS),
        "pronouns": lx.one_of(GENDERS - {"any"}),
    }
    data = lx.validate(sections, checks)
    limits = data["limits"]
    return QuoteLexicon(
        verbs=frozenset(data["verbs"]),
        phrases=frozenset(data["phrases"]),
        marks={str(k): str(v) for k, v in data["marks"].items()},
        min_words=int(limits.get("min_words", 4)),  # type: ignore[call-overload]
        next_sentence_tokens=int(limits.get("next_sentence_tokens", 12)),  # type: ignore[call-overload]
        titles={str(k): str(v) for k, v in data["titles"].items()},
        pronouns={str(k): str(v) for k, v in data["pronouns"].items()},
    )


@lru_cache(maxsize=1)
def default_lexicon() -> QuoteLexicon:
    """The shipped lists, loaded once per process."""
    return load_quote_lexicon()


@dataclass(frozen=True)
class _Marked:
    """A span between quote marks: `outer` with the marks, `inner` the trimmed words."""

    outer: tuple[int, int]
    inner: tuple[int, int]
    line: int  # paragraph (line) number
    whole_line: bool  # the quote opens its paragraph and runs to its end
    runs_on: bool  # no closing mark before the paragraph ends: the quote goes on


def find_quotes(
    doc: Doc, article: Article, mentions: Sequence[ActorMention], *, lexicon: QuoteLexicon | None = None
) -> list[Quote]:
    """Direct and reported speech in the article, in text order."""
    lex = lexicon or default_lexicon()
    marked = [m for m in _marked_spans(article.text, lex) if not article.in_furniture(*m.outer)]
    spans = [m.outer for m in marked]
    speakers = _Speakers(doc, article, mentions, lex, spans)
    direct = _direct_quotes(doc, article, marked, speakers, lex)
    reported = _reported_quotes(doc, article, spans, speakers, lex)
    body = [q for q in direct + reported if not article.in_title(q.evidence.start, q.evidence.end)]
    body_text = " ".join(q.text for q in body)
    title = [
        q
        for q in direct + reported
        if article.in_title(q.evidence.start, q.evidence.end) and q.text not in body_text
    ]
    return sorted(body + title, key=lambda q: (q.evidence.start, q.evidence.end))


# --- quote marks ---------------------------------------------------------------------


def _marked_spans(text: str, lex: QuoteLexicon) -> list[_Marked]:
    """Pair quote marks within each paragraph (line); an unclosed quote runs to the line's end."""
    out: list[_Marked] = []
    pos = 0
    for number, line in enumerate(text.split("\n")):
        out.extend(_line_spans(text, pos, pos + len(line), number, lex))
        pos += len(line) + 1
    return out


def _line_spans(text: str, start: int, end: int, number: int, lex: QuoteLexicon) -> list[_Marked]:
    """Quote spans of one paragraph.

    Double marks pair with any double closer (news mixes straight and curly: `"...”`). Single
    marks (' ‘ ’) double as apostrophes ("Syria's", "don't", "rebels' lines"), so a single
    quote opens only after a space, a line start or an opening bracket and before a word, and
    closes only with a single mark not followed by a letter or digit; a straight single quote
    left open at the paragraph's end was an apostrophe, not a quote, and is dropped.
    """
    closers = set(lex.marks.values())
    out: list[_Marked] = []
    opened: int | None = None
    for i in range(start, end):
        ch = text[i]
        before = text[i - 1] if i > start else "\n"
        after = text[i + 1] if i + 1 < end else "\n"
        if opened is None and ch in lex.marks:
            if ch in SINGLE:
                if before in OPEN_AFTER and after.isalnum():
                    opened = i
            elif ch not in closers or before in OPEN_AFTER:
                opened = i
        elif opened is not None and _closes(text[opened], ch, before, after, closers):
            out.append(_make(text, opened, i + 1, i, start, end, number, False))
            opened = None
    if opened is not None and text[opened] != "'":
        out.append(_make(text, opened, end, end, start, end, number, True))
    return [m for m in out if m.inner[0] < m.inner[1]]


def _closes(opener: str, ch: str, before: str, after: str, closers: set[str]) -> bool:
    if opener in SINGLE:
        return ch in SINGLE and ch != "‘" and not after.isalnum() and not before.isspace()
    return ch in closers and ch not in SINGLE


def _make(
    text: str,
    opened: int,
    outer_end: int,
    inner_end: int,
    line_start: int,
    line_end: int,
    number: int,
    runs: bool,
) -> _Marked:
    a, b = opened + 1, inner_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in TRAILING:
        b -= 1
    whole = not text[line_start:opened].strip() and not text[outer_end:line_end].strip()
    return _Marked((opened, outer_end), (a, b), number, whole, runs)


# --- direct quotes -------------------------------------------------------------------


def _direct_quotes(
    doc: Doc, article: Article, marked: list[_Marked], speakers: _Speakers, lex: QuoteLexicon
) -> list[Quote]:
    out: list[Quote] = []
    last: tuple[_Marked, Actor | None] | None = None
    for m in marked:
        words = len(WORD.findall(article.text[m.inner[0] : m.inner[1]]))
        if words < lex.min_words:
            continue
        cue = _direct_cue(doc, m, marked, lex)
        speaker = speakers.of(cue) if cue is not None else None
        if cue is None:
            if last is not None and _continues(last[0], m, article.text):
                speaker = last[1]
            elif not m.whole_line:
                continue
        evidence = Evidence.of(article.text, *m.inner)
        out.append(Quote(speaker, evidence.text, True, _cue_text(cue), evidence))
        last = (m, speaker)
    return _back_fill(out, marked, article.text, lex)


def _continues(prev: _Marked, cur: _Marked, text: str) -> bool:
    """The quote goes on from the previous one: in the same paragraph after a short attribution
    ("“...,” he told reporters. “...”"), or opening the paragraph right after the one the previous
    quote ended, with only the rest of that quote's line (an attribution such as "said Assad.")
    and blank lines between them.
    """
    line_start = text.rfind("\n", 0, cur.outer[0]) + 1
    if prev.outer[1] > line_start:  # same paragraph: "“...,” he told reporters. “...”"
        between = text[prev.outer[1] : cur.outer[0]]
        return not any(mark in between for mark in OPENERS) and len(WORD.findall(between)) <= 8
    if text[line_start : cur.outer[0]].strip():
        return False
    rest, *gap = text[prev.outer[1] : line_start].split("\n")
    if any(part.strip() for part in gap):
        return False
    return not any(mark in rest for mark in OPENERS)


def _back_fill(quotes: list[Quote], marked: list[_Marked], text: str, lex: QuoteLexicon) -> list[Quote]:
    """A quote running on over paragraphs takes the speaker its last paragraph names."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.speaker is None and nxt.speaker is not None and q.cue is None and _runs_into(q, nxt, text):
            out[i] = Quote(nxt.speaker, q.text, True, None, q.evidence)
    return out


def _runs_into(q: Quote, nxt: Quote, text: str) -> bool:
    between = text[q.evidence.end : nxt.evidence.start]
    return between.count("\n") >= 1 and not WORD.search(between)


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    return "according to" if cue.lower_ == "according" else cue.text


def _is_cue(token: Token, lex: QuoteLexicon) -> bool:
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children) and "according to" in lex.phrases
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.verbs


def _inside(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def _direct_cue(doc: Doc, m: _Marked, marked: list[_Marked], lex: QuoteLexicon) -> Token | None:
    """The nearest speech cue outside any quote, in the sentences the quote touches."""
    a, b = m.outer
    sents = _sentences(doc, a, b)
    if not sents:
        return None
    spans = [x.outer for x in marked]
    candidates = [t for s in sents for t in s if _is_cue(t, lex) and not _inside(t, spans)]
    if not candidates:
        before = doc[sents[0].start - 1].sent if sents[0].start > 0 else None
        if before is not None and before.text.rstrip().endswith(":") and _same_line(doc, before, a):
            candidates = [t for t in before if _is_cue(t, lex) and not _inside(t, spans)]
    if not candidates and sents[-1].end < len(doc):
        after = doc[sents[-1].end].sent
        short = len([t for t in after if not t.is_space]) <= lex.next_sentence_tokens
        if (
            short
            and _same_line(doc, after, b)
            and not any(x.outer[0] >= after.start_char for x in marked if x.outer[0] < after.end_char)
        ):
            candidates = [t for t in after if _is_cue(t, lex)]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - a), abs(t.idx - b)))


def _sentences(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in doc.sents if s.start_char < end and start < s.end_char]


def _same_line(doc: Doc, sent: Span, char: int) -> bool:
    lo, hi = sorted((sent.start_char, char))
    return "\n" not in text_of(doc)[lo:hi]


# --- speakers ------------------------------------------------------------------------


def _subject(cue: Token, lex: QuoteLexicon) -> Token | None:
    """The speaker's head: the cue's subject, the object of "according to", or an inherited one.

    A participle cue without a subject ("..., adding that ...") speaks for the nearest speech
    verb above it, so the climb skips the clauses in between.
    """
    if cue.lower_ == "according":
        to = next(c for c in cue.children if c.lower_ == "to")
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    if cue.tag_ in ("VBG", "VBN") and not any(c.dep_.startswith("nsubj") for c in cue.children):
        above = next((t for t in cue.ancestors if _is_cue(t, lex) and t.lower_ != "according"), None)
        if above is not None:
            return _subject(above, lex)
    cur: Token | None = cue
    while cur is not None:
        subject = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        after = [
            c
            for c in cur.children
            if c.i > cur.i and c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ in ("PROPN", "NOUN")
        ]
        if after and cur.i == cue.i and cue.tag_ == "VBD":
            return after[0]  # "said Assad" parsed with Assad as object
        cur = cur.head if cur.dep_ in ("advcl", "conj", "xcomp") and cur.head.i != cur.i else None
    return None


class _Speakers:
    """Who speaks, for one article: actor mentions first, then names read from the text.

    Built per `find_quotes` call (never shared): it holds the article's person registry, every
    PERSON entity keyed by its last word, with the full name it was first introduced by, the
    gender a title gives it ("Mrs Smith"), the actor when a mention covers it, and the role an
    appositive or a compound gives it ("John Smith, a spokesman for Oxfam").
    """

    def __init__(
        self,
        doc: Doc,
        article: Article,
        mentions: Sequence[ActorMention],
        lex: QuoteLexicon,
        quoted: Sequence[tuple[int, int]] = (),
    ):
        self.doc, self.article, self.mentions, self.lex = doc, article, mentions, lex
        self.quoted = quoted  # quote spans: a name inside quote marks is a title, not a speaker
        self.people: dict[str, _Person] = {}
        self.subjects: list[tuple[int, str]] = []  # (token, key) of persons that were subjects
        self.sent_starts = [s.start for s in doc.sents]
        for ent in doc.ents:
            if ent.label_ == "PERSON" and not article.in_furniture(ent.start_char, ent.end_char):
                self._register(*_name_span(ent.root))

    def _register(self, start: int, end: int) -> None:
        name = self._clean(start, end)
        if name is None:
            return
        a, b = name
        key = self.doc[b - 1].lower_
        old = self.people.get(key)
        gender = self._gender(start)
        if old is None or (b - a > 1 and " " not in old.name):
            role = self._role(self.doc[b - 1], (start, end))
            known = self._covering(b - 1)
            full = text_of(self.doc)[self.doc[a].idx : _end(self.doc[b - 1])]
            actor, role_actor = (known.actor if known else None), (role.actor if role else None)
            self.people[key] = _Person(full, gender, actor, role_actor)
        elif old.gender == "any" and gender != "any":
            self.people[key] = replace(old, gender=gender)
        root = self.doc[b - 1]
        head = root.head.dep_
        if root.dep_ in SUBJECT_DEPS or (root.dep_ in ("appos", "compound") and head in SUBJECT_DEPS):
            self.subjects.append((root.i, key))  # "he" looks back to subjects only

    def of(self, cue: Token) -> Actor | None:
        """The speaker of `cue`: see the module docstring for the order of the rules."""
        subject = _subject(cue, self.lex)
        if subject is None or subject.ent_type_ in WHEN:
            subject = self._left_of(cue)
        if subject is None:
            return None
        if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Smith, who said ..."
        covering = self._covering(subject.i)
        if covering is not None:
            return covering.actor
        if subject.dep_ == "nsubjpass":
            return None  # what was said ("the song was written") or who was told, not a speaker
        name = self._named(subject)
        role = self._role(subject, name)
        if name is not None:
            return self._text_actor(*name, role)
        if role is not None:
            return role.actor
        if subject.lower_ in self.lex.pronouns:
            return self._antecedent(subject)
        return None

    def _left_of(self, cue: Token) -> Token | None:
        """The noun right before a verb cue the parse gave no subject ("“...,” Chief Jordan said")."""
        if cue.i == 0 or cue.lower_ == "according" or any(c.dep_.startswith("nsubj") for c in cue.children):
            return None
        t = cue.doc[cue.i - 1]
        ok = t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in WHEN and not _inside(t, self.quoted)
        return t if ok else None

    def _covering(self, i: int) -> ActorMention | None:
        found = [m for m in self.mentions if m.token_start <= i < m.token_end]
        return min(found, key=lambda m: (m.head != i, m.token_end - m.token_start), default=None)

    def _named(self, subject: Token) -> tuple[int, int] | None:
        """The proper name the subject is, or the one in apposition to it ("the spokesman, John Smith")."""
        for t in (subject, *(c for c in subject.children if c.dep_ == "appos")):
            if t.pos_ == "PROPN" and t.ent_type_ in NAMED and not _inside(t, self.quoted):
                return _name_span(t)
        return None

    def _role(self, head: Token, name: tuple[int, int] | None) -> ActorMention | None:
        """A mention in the subject's own phrase (compound, appositive, "of"/"for" phrase), not in
        a clause hanging from it ("Smith, who fled Syria,") nor in the name itself."""
        skip = {t.i for c in head.children if c.dep_ in ROLE_SKIP for t in c.subtree}
        if name is not None:
            skip.update(range(*name))
        inner = {t.i for t in head.subtree} - skip
        found = [m for m in self.mentions if m.head in inner]
        return min(found, key=lambda m: abs(m.head - head.i), default=None)

    def _text_actor(self, start: int, end: int, role: ActorMention | None) -> Actor | None:
        known = self._covering(end - 1)
        if known is not None:
            return known.actor
        name = self._clean(start, end)
        if name is None:
            return None
        doc = self.doc
        person = self.people.get(doc[name[1] - 1].lower_)
        said = Evidence.of(self.article.text, doc[start].idx, _end(doc[end - 1]))
        if person is not None:
            if person.actor is not None:  # a known actor stays itself whatever role is named
                return replace(person.actor, text=said.text, evidence=said)
            return _actor(said, person.name, role.actor if role else person.role)
        label = text_of(doc)[doc[name[0]].idx : _end(doc[name[1] - 1])]
        return _actor(said, label, role.actor if role else None)

    def _antecedent(self, pronoun: Token) -> Actor | None:
        """The last person named as a subject in this or the few sentences before, of a
        compatible title gender; None when there is none."""
        gender = self.lex.pronouns[pronoun.lower_]
        here = bisect_right(self.sent_starts, pronoun.i)
        for i, key in reversed(self.subjects):
            if i >= pronoun.i:
                continue
            if here - bisect_right(self.sent_starts, i) > PRONOUN_WINDOW:
                break
            person = self.people[key]
            if person.gender in ("any", gender):
                said = Evidence.of(self.article.text, pronoun.idx, _end(pronoun))
                if person.actor is not None:
                    return replace(person.actor, text=said.text, evidence=said)
                return _actor(said, person.name, person.role)
        return None

    def _clean(self, start: int, end: int) -> tuple[int, int] | None:
        """The name without a leading article or title and without a trailing possessive."""
        doc = self.doc
        while start < end and (doc[start].dep_ == "det" or self._title(doc[start]) is not None):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
            end -= 1
        return (start, end) if start < end else None

    def _title(self, token: Token) -> str | None:
        return self.lex.titles.get(token.lower_.rstrip("."))

    def _gender(self, start: int) -> str:
        for t in self.doc[max(0, start - 1) : start + 2]:
            gender = self._title(t)
            if gender is not None and gender != "any":
                return gender
        return "any"


@dataclass(frozen=True)
class _Person:
    name: str  # as first introduced in full
    gender: str  # "he", "she" or "any", from a title
    actor: Actor | None  # when an actor mention covers the introduction
    role: Actor | None  # the actor of an appositive or compound role at the introduction


def _actor(said: Evidence, name: str, role: Actor | None) -> Actor:
    """A speaker named by the text: the role's code, country and sector when there is one, else none."""
    if role is None:
        return Actor(said.text, name, "", None, None, said)
    return Actor(said.text, name, role.code, role.country, role.sector, said)


def _name_span(t: Token) -> tuple[int, int]:
    """The entity around `t` with the untyped proper nouns before it ("Mr", "Sen.", a first name
    the model left out: "Ahmet [Kaya]"), or the run of proper nouns ending in `t`."""
    doc = t.doc
    a, b = t.i, t.i + 1
    if t.ent_iob_ in ("B", "I"):
        while a > 0 and doc[a].ent_iob_ == "I":
            a -= 1
        while b < len(doc) and doc[b].ent_iob_ == "I":
            b += 1
    while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].dep_ in ("compound", "flat"):
        if doc[a - 1].ent_type_ not in ("", t.ent_type_) or not a <= doc[a - 1].head.i < b:
            break
        a -= 1
    return a, b


def _end(token: Token) -> int:
    return token.idx + len(token.text)


# --- reported speech -----------------------------------------------------------------


def _reported_quotes(
    doc: Doc,
    article: Article,
    quoted: Sequence[tuple[int, int]],
    speakers: _Speakers,
    lex: QuoteLexicon,
) -> list[Quote]:
    out: list[Quote] = []
    for token in _possible_cues(doc, lex):
        if not _is_cue(token, lex) or _inside(token, quoted) or any(c.dep_ == "neg" for c in token.children):
            continue
        span = _content(token, lex)
        if span is None:
            continue
        start, end = span
        if article.in_furniture(start, end) or _mostly_quoted(start, end, quoted):
            continue
        if len(WORD.findall(article.text[start:end])) < lex.min_words:
            continue
        evidence = Evidence.of(article.text, start, end)
        out.append(Quote(speakers.of(token), evidence.text, False, _cue_text(token), evidence))
    return out


def _possible_cues(doc: Doc, lex: QuoteLexicon) -> list[Token]:
    """Tokens whose lemma is a speech verb, or "according": the only ones `_is_cue` can accept.

    Read from the Doc's arrays, so the other tokens are never built as Python objects.
    """
    from spacy.attrs import LEMMA, LOWER

    strings = doc.vocab.strings
    rows = doc.to_array([LEMMA, LOWER]).tolist()
    return [
        doc[i]
        for i, (lemma, lower) in enumerate(rows)
        if strings[lower] == "according" or strings[lemma].lower() in lex.verbs
    ]


def _content(cue: Token, lex: QuoteLexicon) -> tuple[int, int] | None:
    """Character span of what was said: the cue's that-clause, or the clause "according to" qualifies."""
    if cue.lower_ == "according":
        head = cue.head
        if head.i == cue.i:
            return None
        own = {t.i for t in cue.subtree}
        left = [t for t in head.subtree if t.i < cue.i and t.i not in own]
        right = [t for t in head.subtree if t.i > cue.i and t.i not in own]
        tokens = max(left, right, key=len)
    else:
        clauses = [c for c in cue.children if c.dep_ == "ccomp"]
        if not clauses:
            return None
        # a parse may split one complement in two ("the city - Syria's largest - could fall")
        side = [c for c in clauses if (c.i > cue.i) == (clauses[0].i > cue.i)]
        lo = min(c.left_edge.i for c in side)
        hi = max(c.right_edge.i for c in side)
        if lo <= cue.i <= hi:
            return None
        heads = {c.i for c in side}
        tokens = [t for t in cue.doc[lo : hi + 1] if not (t.dep_ == "mark" and t.head.i in heads)]
    tokens = [t for t in tokens if not t.is_space]
    for t in tokens:  # "..., adding that ..." is a statement of its own
        if t.i != cue.i and t.dep_ == "advcl" and t.tag_ == "VBG" and _is_cue(t, lex):
            tokens = [u for u in tokens if u.i < t.left_edge.i]
            break
    while tokens and (tokens[0].is_punct or tokens[0].is_quote):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_quote) and tokens[-1].text not in ")]":
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _mostly_quoted(start: int, end: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Half or more of the clause lies inside quote marks: it is already a direct quote."""
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in quoted)
    return inside * 2 >= end - start
