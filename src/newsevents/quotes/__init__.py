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
  apposition: "the spokesman, John Smith") is a proper name (or a word the model typed as a
  person or organisation but tagged a common noun: "Sanders said"), the speaker is read from
  the text: `name` is the person's full name as first introduced in the article ("John Smith"
  for a later "Smith" or "Mr Smith"; titles and a leading "the" are not part of it), or the
  organisation's name as written ("New York Times"); `text` and `evidence` are the words of
  this reference. Its `code`, `country` and `sector` are those of the actor mention in its
  role ("John Smith, a spokesman for Oxfam", "Smith, the Turkish foreign minister", "Oxfam
  spokesman John Smith"; at the introduction, so later references keep it), else `code` is
  "" with `country` and `sector` None. A person whose introduction an actor mention covers
  is that actor.
- An unresolved "he"/"she" speaks for the last person named as a subject in its sentence or
  the four before (else named at all in its sentence or the one before), unless a title says
  otherwise ("Mrs Smith" is not "he"). "they" speaks for the last plural subject in that window
  ("Senators Grassley and Leahy", as written, or the actor of "witnesses"), "it" for the last
  organisation subject; `text` and `evidence` are the pronoun's.
- A role noun recognised as a sector of its own speaks for the organisation its "for"/"of"
  phrase names: "a spokesman for the Taliban" is the Taliban's actor (code, name) with `text`
  and `evidence` the whole phrase, so the role is kept.
- A common-noun subject no mention covers ("a source close to the talks", "officials",
  "experts") is the speaker in its own words: `text` the phrase, `name` the phrase without its
  article, `code` "" and no country or sector; no name is made up. "The ministry" after an actor
  mention headed by "ministry" is that actor. A role still counts ("a spokesman for Oxfam" is
  Oxfam). The passive subject of a speech verb, the object of "asked" and a name inside quote
  marks are never speakers.
- A paragraph opening with an upper-case label ("WALLACE: ...", "ASSAD: We will ...") is its
  label's speaker's words, with or without quote marks, the label left out of the quote: the
  article's person of that surname, else the label as a name; a role label ("Q:") gives speaker
  None. A label counts when the article names that person elsewhere, when it is a role label,
  or when it opens two or more paragraphs (a dateline, "KHARTOUM: ...", is none of these).
- A quote with no cue of its own continues the speaker of the quote just before it when it
  follows that quote in the same paragraph after a short attribution ("“...,” he said. “...”"),
  when it opens the paragraph right after the one that quote ended (or ran on from); `cue` is
  then None. A whole-paragraph quote with no cue and no such speaker is kept with
  speaker None; any other quote without a cue is dropped.
- A quote shorter than `min_words` words (4) is a scare quote or a title, not speech.
- Nothing inside `article.furniture` is read; a quote in the headline is kept only when the
  body does not repeat its words.

The parts: the speech package pairs the quote marks, finds speech cues, decides who spoke (one
resolver, shared with the events' `attributed_to`) and loads the word lists of
data/en/quotes.yml; direct.py and reported.py build the two kinds of quote. This module joins
them and keeps headline quotes the body does not repeat.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.model import ActorMention, Article, Quote
from newsevents.quotes.direct import direct_quotes
from newsevents.quotes.reported import reported_quotes
from newsevents.speech import QuoteLexicon, Speakers, load_quote_lexicon, quote_marks
from newsevents.stages import SpeakerLookup

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QuoteLexicon", "find_quotes", "load_quote_lexicon"]


def find_quotes(
    doc: Doc,
    article: Article,
    mentions: Sequence[ActorMention],
    *,
    lexicon: QuoteLexicon,
    speakers: SpeakerLookup | None = None,
) -> list[Quote]:
    """Direct and reported speech in the article, in text order.

    `speakers` is the article's speaker resolver (the `speakers` stage's); without one it is
    built here from `mentions`.
    """
    lex = lexicon
    marked = quote_marks(article, lex)
    spans = [m.outer for m in marked]
    if speakers is None:
        speakers = Speakers(doc, article, mentions, lex, spans)
    direct = direct_quotes(doc, article, marked, speakers, lex)
    reported = reported_quotes(doc, article, spans, speakers, lex)
    body = [q for q in direct + reported if not article.in_title(q.evidence.start, q.evidence.end)]
    body_text = " ".join(q.text for q in body)
    title = [
        q
        for q in direct + reported
        if article.in_title(q.evidence.start, q.evidence.end) and q.text not in body_text
    ]
    return sorted(body + title, key=lambda q: (q.evidence.start, q.evidence.end))
