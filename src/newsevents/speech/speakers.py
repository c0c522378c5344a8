"""Who spoke: the actor behind a speech cue, from the actor mentions or, failing them, from the
names and pronouns of the text (see the package docstring for the order of the rules).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsevents.model import Actor, ActorMention, Article, Evidence
from newsevents.nlp import entities_of, sentences_of, text_of
from newsevents.nlp.children import children_of
from newsevents.nlp.syntax import SUBJECT_DEPS
from newsevents.nlp.words import words
from newsevents.speech.cues import inside
from newsevents.speech.labels import Label, label_key, transcript_labels
from newsevents.speech.lexicon import QuoteLexicon
from newsevents.speech.subjects import end_of, name_span, named_actor, subject_of, without_determiner
from newsevents.stages import Labelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Entity types a speaker's proper name may carry ("" is a proper noun the model left untyped).
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", ""})
# Children of a subject whose words say nothing about the speaker's role.
ROLE_SKIP = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc"})
WHEN = frozenset({"DATE", "TIME"})  # "said Monday" names no speaker
PRONOUN_WINDOW = 4  # sentences back a person named as a subject stays the antecedent of "he"
NEAR_WINDOW = 1  # sentences back a person named anywhere (not as a subject) may be "he"
PLURAL = frozenset({"NNS", "NNPS"})
# Prepositions whose object a role serves ("a spokesman for the Taliban", "at the ministry"),
# unlike a place ("the military in Mali").
SERVES = frozenset({"for", "of", "at", "from"})


class Speakers:
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
        # Mentions by the tokens they cover and by their head, in article order, so that finding
        # the mention at a token costs that token's mentions, not a scan of the whole article's.
        self.covering: dict[int, list[ActorMention]] = {}
        self.headed: dict[int, list[tuple[int, ActorMention]]] = {}
        for n, mention in enumerate(mentions):
            for i in range(mention.token_start, mention.token_end):
                self.covering.setdefault(i, []).append(mention)
            self.headed.setdefault(mention.head, []).append((n, mention))
        self.quoted = quoted  # quote spans: a name inside quote marks is a title, not a speaker
        self.people: dict[str, _Person] = {}
        self.subjects: list[tuple[int, str]] = []  # (token, key) of persons that were subjects
        self.named: list[tuple[int, str]] = []  # (token, key) of every person's name
        self.sent_starts = [s.start for s in sentences_of(doc)]
        for ent in entities_of(doc):
            if ent.label_ == "PERSON" and not article.in_furniture(ent.start_char, ent.end_char):
                self._register(*name_span(ent.root))
        self._surnames()
        # What "they" and "it" may stand for: only nominal subjects can be, the rest stay strings.
        w = words(doc)
        self.groups = [
            i for i, dep in enumerate(w.dep)
            if dep == "nsubj" and w.pos[i] in ("NOUN", "PROPN") and self._group(doc[i])
        ]
        self.labels = [
            label
            for label in transcript_labels(article.text, dict(lex.transcript), self._named_elsewhere)
            if not article.in_furniture(*label.label)
        ]

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
            full = text_of(self.doc)[self.doc[a].idx : end_of(self.doc[b - 1])]
            actor, role_actor = (known.actor if known else None), (role.actor if role else None)
            self.people[key] = _Person(full, gender, actor, role_actor)
        elif old.gender == "any" and gender != "any":
            self.people[key] = replace(old, gender=gender)
        root = self.doc[b - 1]
        head = root.head.dep_
        self.named.append((root.i, key))
        if root.dep_ in SUBJECT_DEPS or (root.dep_ in ("appos", "compound") and head in SUBJECT_DEPS):
            self.subjects.append((root.i, key))  # "he" looks back to subjects only

    def of(self, cue: Token) -> Actor | None:
        """The speaker of `cue`: see the module docstring for the order of the rules."""
        subject = subject_of(cue, self.lex)
        if subject is None or subject.ent_type_ in WHEN:
            subject = self._left_of(cue)
        if subject is None:
            return None
        relative = subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl"
        if relative:
            subject = subject.head.head  # "Smith, who said ..."
        addressee = subject.dep_ in ("dobj", "dative") and subject.head.lemma_.lower() != "say"
        return self._subject_actor(subject, relative or not addressee)  # "asked the crowd"

    def verbs(self) -> frozenset[str]:
        """The lemmas of the verbs of saying (the speech word lists'), for the events' attribution."""
        return self.lex.verbs

    def transcript(self) -> list[Labelled]:
        """The article's labelled paragraphs: label span, words after it, and who the label names
        (None for a role label such as "Q")."""
        return [(label.label, label.content, self._label_actor(label)) for label in self.labels]

    def _named_elsewhere(self, key: str, span: tuple[int, int]) -> bool:
        """A person of surname `key` is named outside the character span `span` (a label)."""
        return any(k == key and not span[0] <= self.doc[i].idx < span[1] for i, k in self.named)

    def _label_actor(self, label: Label) -> Actor | None:
        """Who a transcript label names: the article's person of that surname, else the label as a name."""
        if label.role is not None:
            return None
        said = Evidence.of(self.article.text, *label.label)
        key = label_key(said.text)
        person = self.people.get(key) if self._named_elsewhere(key, label.label) else None
        if person is None:
            return named_actor(said, said.text.title(), None)
        if person.actor is not None:
            return replace(person.actor, text=said.text, evidence=said)
        return named_actor(said, person.name, person.role)

    def _subject_actor(self, subject: Token, group: bool = True) -> Actor | None:
        """Who the subject of a verb of saying is: a mention, a name, a pronoun's antecedent, the
        organisation a role serves, or (when `group`: a true subject, not a noun the parse left
        beside the verb) the group a common noun names."""
        covering = self._covering(subject.i)
        if covering is not None:
            served = self._served(subject, covering)
            return covering.actor if served is None else served
        if subject.dep_ == "nsubjpass":
            return None  # what was said ("the song was written") or who was told, not a speaker
        name = self._named(subject)
        role = self._role(subject, name)
        if name is not None:
            return self._text_actor(*name, role)
        if subject.lower_ in self.lex.pronouns:
            return self._antecedent(subject)
        if not group or subject.pos_ not in ("NOUN", "PROPN") or inside(subject, self.quoted):
            return None
        said = self._phrase(subject)
        if role is not None:  # "a spokesman for the Taliban": the Taliban, the role kept in `text`
            return replace(role.actor, text=said.text, evidence=said)
        earlier = self._same_noun(subject)
        if earlier is not None:  # "the ministry" after "Syria's Foreign Ministry"
            return replace(earlier.actor, text=said.text, evidence=said)
        return named_actor(said, without_determiner(subject, said), None)

    def _left_of(self, cue: Token) -> Token | None:
        """The noun right before a verb cue the parse gave no subject ("“...,” Chief Jordan said")."""
        if cue.i == 0 or cue.lower_ == "according" or any(c.dep_.startswith("nsubj") for c in cue.children):
            return None
        t = cue.doc[cue.i - 1]
        ok = t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in WHEN and not inside(t, self.quoted)
        return t if ok else None

    def _served(self, subject: Token, covering: ActorMention) -> Actor | None:
        """For a role noun ("a spokesman for the Taliban", recognised as a sector noun of its
        own), the organisation its "for"/"of"/"at"/"from" phrase names, with the role kept in `text`."""
        if covering.kind != "noun" or covering.token_end - covering.token_start != 1:
            return None
        role = self._role(subject, (covering.token_start, covering.token_end))
        if role is None or role.actor.code == covering.actor.code:
            return None
        prep = next((t for t in self.doc[role.head].ancestors if t.dep_ == "prep"), None)
        if prep is None or prep.head.i != subject.i or prep.lower_ not in SERVES:
            return None
        said = self._phrase(subject)
        return replace(role.actor, text=said.text, evidence=said)

    def _surnames(self) -> None:
        """A known person's surname the model tagged no PERSON this time ("Lynch said") is still
        that person, as a subject and as a name a pronoun may look back to."""
        seen = {i for i, _ in self.named}
        w = words(self.doc)
        for i, lower in enumerate(w.lower):
            if w.pos[i] != "PROPN" or lower not in self.people:
                continue
            t = self.doc[i]
            other = t.ent_type_ not in ("", "PERSON")
            if t.i in seen or t.pos_ != "PROPN" or t.lower_ not in self.people or other:
                continue
            if self.article.in_furniture(t.idx, end_of(t)) or inside(t, self.quoted):
                continue
            self.named.append((t.i, t.lower_))
            if t.dep_ in SUBJECT_DEPS:
                self.subjects.append((t.i, t.lower_))
        self.named.sort()
        self.subjects.sort()

    def _group(self, t: Token) -> bool:
        """A subject "they" or "it" may stand for: plural nouns, joined names, organisations."""
        if t.dep_ != "nsubj" or t.pos_ not in ("NOUN", "PROPN") or inside(t, self.quoted):
            return False
        plural = t.tag_ in PLURAL or self._joined(t) is not None
        return (plural or t.ent_type_ == "ORG") and not self.article.in_furniture(t.idx, end_of(t))

    def _phrase(self, head: Token) -> Evidence:
        """The subject's own words: its phrase up to a clause, an appositive or a time ("on Sunday")
        hanging from it."""
        hanging = [c for c in head.children if c.dep_ in (*ROLE_SKIP, "appos") or _of_time(c)]
        skip = {t.i for c in hanging for t in c.subtree}
        start = head.left_edge.i
        end = head.i + 1
        while end <= head.right_edge.i and end not in skip:
            end += 1
        doc = self.doc
        while start < head.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return Evidence.of(self.article.text, doc[start].idx, end_of(doc[end - 1]))

    def _same_noun(self, subject: Token) -> ActorMention | None:
        """The last actor mention before a definite common noun headed by the same word."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        best: ActorMention | None = None
        for mention in self.mentions:
            if mention.head >= subject.i:
                break
            if self.doc[mention.head].lemma_.lower() == subject.lemma_.lower():
                best = mention
        return best

    def _covering(self, i: int) -> ActorMention | None:
        found = self.covering.get(i, [])
        return min(found, key=lambda m: (m.head != i, m.token_end - m.token_start), default=None)

    def _named(self, subject: Token) -> tuple[int, int] | None:
        """The proper name the subject is, or the one in apposition to it ("the spokesman, John Smith")."""
        for t in (subject, *(c for c in subject.children if c.dep_ == "appos")):
            proper = t.pos_ == "PROPN" and t.ent_type_ in NAMED
            # "Sanders said" tagged NNS: a person's entity, or the surname of a person named before
            tagged = t.pos_ == "NOUN" and (t.ent_type_ == "PERSON" or t.lower_ in self.people)
            if (proper or tagged) and not inside(t, self.quoted):
                return name_span(t)
        return None

    def _role(self, head: Token, name: tuple[int, int] | None) -> ActorMention | None:
        """A mention in the subject's own phrase (compound, appositive, "of"/"for" phrase), not in
        a clause hanging from it ("Smith, who fled Syria,") nor in the name itself."""
        skip = {t.i for c in head.children if c.dep_ in ROLE_SKIP for t in c.subtree}
        if name is not None:
            skip.update(range(*name))
        inner = {t.i for t in head.subtree} - skip
        found = [m for _, m in sorted(x for i in inner for x in self.headed.get(i, ()))]
        served = [m for m in found if not self._where(m)]
        return min(served or found, key=lambda m: abs(m.head - head.i), default=None)

    def _where(self, mention: ActorMention) -> bool:
        """A country named as where the person is ("a Uyghur living in Australia"), not whom they
        serve: the object of a preposition other than "for", "of", "at" or "from"."""
        if mention.actor.sector is not None or mention.actor.country is None:
            return False
        word = self.doc[mention.head]
        return word.dep_ == "pobj" and word.head.lower_ not in SERVES

    def _text_actor(self, start: int, end: int, role: ActorMention | None) -> Actor | None:
        known = self._covering(end - 1)
        if known is not None:
            return known.actor
        name = self._clean(start, end)
        if name is None:
            return None
        doc = self.doc
        person = self.people.get(doc[name[1] - 1].lower_)
        said = Evidence.of(self.article.text, doc[start].idx, end_of(doc[end - 1]))
        if person is not None:
            if person.actor is not None:  # a known actor stays itself whatever role is named
                return replace(person.actor, text=said.text, evidence=said)
            return named_actor(said, person.name, role.actor if role else person.role)
        label = text_of(doc)[doc[name[0]].idx : end_of(doc[name[1] - 1])]
        return named_actor(said, label, role.actor if role else None)

    def _antecedent(self, pronoun: Token) -> Actor | None:
        """The last person named as a subject in this or the few sentences before (else named at
        all in this or the sentence before), of a compatible title gender; for "they" and "it",
        the last plural or organisation subject; None when there is none."""
        agrees = self.lex.pronouns[pronoun.lower_]
        said = Evidence.of(self.article.text, pronoun.idx, end_of(pronoun))
        if agrees == "group":
            return self._group_antecedent(pronoun, said)
        for candidates, window in ((self.subjects, PRONOUN_WINDOW), (self.named, NEAR_WINDOW)):
            for i in self._before(pronoun, [i for i, _ in candidates], window):
                person = self.people[dict(candidates)[i]]
                if person.gender in ("any", agrees):
                    if person.actor is not None:
                        return replace(person.actor, text=said.text, evidence=said)
                    return named_actor(said, person.name, person.role)
        return None

    def _group_antecedent(self, pronoun: Token, said: Evidence) -> Actor | None:
        plural = pronoun.lower_ != "it"
        for i in self._before(pronoun, self.groups, PRONOUN_WINDOW):
            t = self.doc[i]
            joined = self._joined(t)
            if plural != (t.tag_ in PLURAL or joined is not None):
                continue
            if joined is not None:  # "Senators Grassley and Leahy": the pair, as written
                return named_actor(said, joined.text, None)
            found = self._subject_actor(t)
            if found is not None:
                return replace(found, text=said.text, evidence=said)
        return None

    def _joined(self, t: Token) -> Evidence | None:
        """The words of a subject joined with another ("Grassley and Leahy", "Senators Chuck
        Grassley and Patrick Leahy"), or None for a single one."""
        for u in (t, *(c for c in t.children if c.dep_ == "appos")):
            joined = children_of(u, ("conj",))
            if joined:
                return Evidence.of(self.article.text, t.left_edge.idx, end_of(joined[-1].right_edge))
        return None

    def _before(self, token: Token, positions: list[int], window: int) -> list[int]:
        """Of `positions` (in text order), those before `token` within `window` sentences, nearest first."""
        here = bisect_right(self.sent_starts, token.i)
        out = []
        for i in reversed(positions):
            if i >= token.i:
                continue
            if here - bisect_right(self.sent_starts, i) > window:
                break
            out.append(i)
        return out

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


def _of_time(child: Token) -> bool:
    """A prepositional phrase of time ("on Sunday"), no part of who speaks."""
    return child.dep_ == "prep" and any(t.ent_type_ in WHEN for t in child.subtree)


@dataclass(frozen=True)
class _Person:
    name: str  # as first introduced in full
    gender: str  # "he", "she" or "any", from a title
    actor: Actor | None  # when an actor mention covers the introduction
    role: Actor | None  # the actor of an appositive or compound role at the introduction
