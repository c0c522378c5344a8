"""Background acts: an event whose own words give no date but whose tense says it is not the
day's news, so the day the article speaks from would overstate what is known.

- Past perfect ("forces had seized the town"): told as background to the story; dated to the
  month the article speaks from (precision "month"), `inferred`. Not inside what someone said
  ("the governor said Russia had fired six missiles"): there the past perfect is the reported
  speech's shift of tense, and the act is as recent as the statement.
- Present perfect of a running total ("the war has killed more than 250,000"): the subject is a
  war, a campaign or another span (`running` in when.yml); dated to the year (precision "year"),
  `inferred`.

The rule is kept narrow: "at least 23 people have been killed" (present perfect, a person as
subject) is the day's news and keeps the day, and a clause that states its own date always
keeps it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.model import DatePrecision
from newsevents.nlp.syntax import clause_head
from newsevents.when.words import DateWords


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
