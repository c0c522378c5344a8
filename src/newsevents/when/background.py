"""Background acts: an event whose own words give no date but whose tense says it is not the
day's news, so the day the article speaks from would overstate what is known.

- Past perfect ("forces had seized the town"): told as background to the story; dated to the
  month the article speaks from (precision "month"), `inferred`. Not inside what someone said
  ("the governor said Russia had fired six missiles"): there the past perfect is the reported
  speech's shift of tense, and the act is as recent as the statement.
- Present perfect of a running total ("the war has killed more than 250,000"): the subject is a
  war, a campaign or another span (`running` in when.yml); dated to the year (precision "year"),
  `inferred`.

- Narrated background: an undated act told in the past tense right after a sentence set in
  the past ("The country descended into chaos in 2013 when rebels seized power. A militia
  fought back ..."; "... turned 40 of them over to China on Feb. 27. Rights groups condemned
  Thailand ...") happened then, not on the day of publication: it takes that sentence's date,
  at that sentence's precision, `inferred` (`narrated_date`). The setting is the date of the
  nearest of the NARRATED_BACK sentences before it in its paragraph that has one (its main
  clause's, else its only one; not a span "since Oct. 8"), when that sentence is told in the
  past and the date's span ends more than BACKGROUND_DAYS before publication, and no undated
  sentence between them is told in the present ("India and China have stepped up efforts":
  the story is back in the present); an act whose own sentence names a date, a clause in the
  present tense or perfect ("His comments come two days after ...", "the toll has risen") or
  about the future is not narrated.
- Set in its own sentence: an undated past act below a clause of its own sentence that a
  background date dates ("descended into chaos in 2013 when rebels seized power and forced the
  president out") takes that date, `inferred` (`_set_in_sentence`), even when the sentence
  itself speaks from now ("relations have been frozen since he was ousted in 2013, when both
  withdrew their envoys"): the act's own clause, not the sentence's, must be told in the past.

The rule is kept narrow: "at least 23 people have been killed" (present perfect, a person as
subject) is the day's news and keeps the day, and a clause that states its own date always
keeps it.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from newsevents.model import DatePrecision
from newsevents.nlp import sentence_at, sentence_of
from newsevents.nlp.parsed import ParsedArticle
from newsevents.nlp.syntax import clause_head
from newsevents.when.attachment import attached_to, date_at, date_expressions, first_word, is_future
from newsevents.when.expressions import parse_published, resolve_date
from newsevents.when.words import DateWords

# A setting is background when its span ends more than this many days before publication: the
# week before is still the story's news ("on Monday" in a Thursday story).
BACKGROUND_DAYS = 7
# How many sentences back a narrated act may take its setting from ("If you remember, in 1950
# ... And what happened? Several months later, North Korea invaded.").
NARRATED_BACK = 2
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# A date that opens a span ("since Oct. 8") runs up to the news: it sets no background.
SPANS = frozenset({"since"})


def _auxiliaries(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ == "aux"]


def _reported(verb: Token) -> bool:
    """Whether the clause is the complement of another ("said that ... had fired")."""
    while verb.head.i != verb.i:
        if verb.dep_ in ("ccomp", "parataxis"):
            return True
        verb = verb.head
    return False


def background_precision(trig: Span, words: DateWords) -> DatePrecision | None:
    """The coarser precision an undated event takes when its clause is background, else None."""
    verb = clause_head(trig.root)
    if verb.tag_ != "VBN":
        return None
    aux = _auxiliaries(verb)
    if any(a in words.past_perfect for a in aux):
        return None if _reported(verb) else "month"
    if trig.root.i == verb.i and any(a in words.present_perfect for a in aux):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.lemma_.lower() in words.running for s in subjects):
            return "year"
    return None


def _span_end(day: str, precision: DatePrecision) -> date:
    """The last day of the span a resolved date names (a week's Sunday, a month's last day...)."""
    start = date.fromisoformat(day)
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return start + timedelta(days=6) if precision == "week" else start


def _sentence_date(parsed: ParsedArticle, sent: Span, words: DateWords) -> tuple[str, DatePrecision] | None:
    """The date a sentence is set at: the one attached to its main clause ("Thailand turned them
    over on Feb. 27"), else its only date ("If you remember, in 1950, our secretary said"), but
    never one inside what a verb of saying tells ("He said it was formed in 1993": the telling is
    undated, the day's news); None when it has several and none is the main clause's."""
    main = date_at(parsed, parsed.doc[sent.root.i : sent.root.i + 1], words, skip=SPANS)
    if main is not None:
        return main
    told = [c for c in sent.root.children if c.dep_ == "ccomp"] if _telling(sent.root, words) else []
    found = {
        resolved
        for ent in date_expressions(parsed, sent)
        if (head := attached_to(ent, words)) is not None
        and not any(c.i == head.i or c.is_ancestor(head) for c in told)  # "said it was formed in 1993"
        and first_word(ent) not in SPANS
        and (resolved := resolve_date(ent.text, parsed.article.published, words=words)) is not None
    }
    return found.pop() if len(found) == 1 else None


def _telling(verb: Token, words: DateWords) -> bool:
    """Whether a clause is a verb of saying ("said", "told"): a statement is the day's news."""
    return verb.lemma_.lower() in words.speech


def _narrated(verb: Token, words: DateWords) -> bool:
    """Whether a clause is told in the past: not in the present tense, not about the future."""
    if verb.tag_ in PRESENT_TAGS or is_future(verb, words):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in verb.children)


def _set_in_sentence(
    parsed: ParsedArticle, trig: Span, words: DateWords, published: date
) -> tuple[str, DatePrecision] | None:
    """The background date of a clause of the act's own sentence that holds the act below it,
    where the clause chain of `date_at` does not reach: "descended into chaos in 2013 when rebels
    seized power and forced the president out" (a relative clause of the date), "relations soured
    in 2010 after commandos stormed a ship trying to break a blockade". Only a date whose span
    ends more than BACKGROUND_DAYS before publication sets it: a recent date in another clause
    may be another day's news, and the act keeps the day the article speaks from."""
    trigger = trig.root
    found: list[tuple[int, tuple[str, DatePrecision]]] = []
    for ent in date_expressions(parsed, trig.sent):
        head = attached_to(ent, words)
        if head is None or not head.is_ancestor(trigger) or first_word(ent) in SPANS:
            continue
        resolved = resolve_date(ent.text, parsed.article.published, words=words)
        if resolved is not None and _span_end(*resolved) < published - timedelta(days=BACKGROUND_DAYS):
            found.append((abs(ent.root.i - trigger.i), resolved))
    return min(found)[1] if found else None


def narrated_date(parsed: ParsedArticle, trig: Span, words: DateWords) -> tuple[str, DatePrecision] | None:
    """The background setting an undated past-tense act is narrated in (module docstring), or None.

    An act whose own sentence names a date that does not date it takes it only when the date's
    clause holds the act and the date is background (`_set_in_sentence`); else it is left alone
    (that date is another clause's); "weeks later" or "a five-year war" name no date. Else the nearest of the
    NARRATED_BACK sentences before it that has a date expression sets it: a background date is
    taken; a recent one, or one that cannot be told, ends the search (that sentence is the
    day's news, or unclear).
    """
    published = parse_published(parsed.article.published)
    sent = sentence_of(trig)
    if published is None or not _narrated(clause_head(trig.root), words):
        return None
    published_text = parsed.article.published
    if any(resolve_date(e.text, published_text, words=words) for e in date_expressions(parsed, sent)):
        return _set_in_sentence(parsed, trig, words, published)
    if not _narrated(sent.root, words):
        return None
    for _ in range(NARRATED_BACK):
        if sent.start == 0 or "\n" in parsed.doc[sent.start - 1].text_with_ws:
            return None  # the paragraph's first sentence: a setting does not cross paragraphs
        sent = sentence_at(parsed.doc, sent.start - 1)
        if not date_expressions(parsed, sent):
            if not _narrated(sent.root, words):
                return None  # "India and China have stepped up efforts": the story is back in the present
            continue
        found = _sentence_date(parsed, sent, words) if _narrated(sent.root, words) else None
        if found is None or _span_end(*found) >= published - timedelta(days=BACKGROUND_DAYS):
            return None
        return found
    return None
