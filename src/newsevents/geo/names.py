"""The spans of words that may name a place, the candidates of the toponyms (`toponyms.py`): the
named entities the tagger labels a place or mislabels one, runs of capitalised words (read too by
the places no gazetteer lists, `unlisted.py`, so found once per article), and listed names the
tagger took for a date.

The small model misses or mislabels many place names ("Kilis" a person), so a run of name tokens
(capitalised words, the Arabic article and hyphens: "Bab al-Nairab") is a candidate of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsevents.geo.gazetteer import Cues
from newsevents.geo.known import KnownNames
from newsevents.nlp import entities_of
from newsevents.nlp.spans import doc_span
from newsevents.nlp.words import words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model puts on place names often enough to look them up (with more proof).
MAYBE_LABELS = frozenset({"NORP", "PERSON", "ORG", "LANGUAGE", "EVENT", "PRODUCT", "WORK_OF_ART"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Tokens the tagger already knows are not names ("March" 2016, "Two" people).
NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
DASHES = ("-", "‐")  # a hyphen and the Unicode hyphen: may join the words of a name


def is_name_part(tok: Token, cues: Cues) -> bool:
    """Whether the token may be part of a place name: capitalised and no function word, a hyphen
    inside a word, or a name particle joined by a hyphen ("al-")."""
    text = tok.text
    if tok.is_space or not text or tok.ent_type_ in NOT_NAME_LABELS:
        return False
    if text in ("-", "‐") and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
        return True
    if (
        text.lower() in cues.name_particles
        and not tok.whitespace_
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].text in ("-", "‐")
    ):
        return True
    if not text[0].isupper() or text in POSSESSIVES:
        return False
    # Capitalised function words ("The", "In") end a name, but an acronym ("US") or a token the
    # tagger put in a place entity does not.
    return not tok.is_stop or text.isupper() or tok.ent_type_ in PLACE_LABELS


def name_spans(doc: Doc, cues: Cues) -> list[Span]:
    """Maximal runs of name tokens, trimmed of hyphens at the edges; found once per Doc and cues
    (the toponyms and the unlisted places both read them). The list is shared: never change it."""
    held = doc.user_data.get("newsevents_name_spans")
    if held is None or held[0] is not cues:
        held = doc.user_data["newsevents_name_spans"] = (cues, _name_spans(doc, cues))
    return held[1]  # type: ignore[no-any-return]


def _name_spans(doc: Doc, cues: Cues) -> list[Span]:
    spans: list[Span] = []
    start: int | None = None
    w, n = words(doc), len(doc)
    for i in range(n + 1):
        # Only a capitalised word, a dash or a name particle can be a name part: the rest of the
        # words are never built as Tokens (asking every token was most of this function's cost).
        text = w.text[i] if i < n else ""
        maybe = text[:1].isupper() or text in DASHES or (i < n and w.lower[i] in cues.name_particles)
        tok = doc[i] if maybe else None
        part = tok is not None and is_name_part(tok, cues)
        if part and not (start is not None and tok.is_sent_start):  # type: ignore[union-attr]
            start = i if start is None else start
            continue
        if start is not None:
            end = i
            while start < end and doc[start].text in ("-", "‐"):
                start += 1
            while end > start and doc[end - 1].text in ("-", "‐"):
                end -= 1
            if end > start:
                spans.append(doc_span(doc, start, end))
            start = None
        if part:
            start = i
    return spans


def date_tagged_names(doc: Doc, knows: KnownNames) -> list[Span]:
    """Listed place names the small model tagged as a date: it reads an unfamiliar word after "in"
    as one ("based in Manbij", "lives in Owerri" are both DATE), and no run of name tokens keeps a
    word tagged as a date. Only a lone capitalised word, letters alone, that the gazetteer lists:
    no month or weekday is a listed place (and "March" or "May" are never places, cues.yml), so
    real dates stay dates. It still needs a cue or context to be placed (resolve.py)."""
    return [
        ent
        for ent in entities_of(doc)
        if ent.label_ == "DATE"
        and len(ent) == 1
        and ent[0].pos_ == "PROPN"
        and ent.text.isalpha()
        and ent.text[0].isupper()
        and knows[ent.text]
    ]


def entity_spans(doc: Doc) -> list[Span]:
    """Entities that may be places, without a leading "the" and split at possessives."""
    out: list[Span] = []
    w = words(doc)
    for ent in entities_of(doc):
        if ent.label_ not in PLACE_LABELS | MAYBE_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and (w.lower[start] == "the" or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
            end -= 1
        cut = start
        for i in range(start, end):  # the strings, not a Token per word of every entity
            if w.text[i] in POSSESSIVES or w.tag[i] == "POS":
                if i > cut:
                    out.append(doc_span(doc, cut, i))
                cut = i + 1
        if end > cut:
            out.append(doc_span(doc, cut, end))
    return out


def person_words(doc: Doc) -> set[str]:
    """The words of the persons' names of two words or more the tagger finds in the article: such a
    word elsewhere in it is that person ("Andrew Brunson", then "Brunson"), not a place."""
    return {tok.text for ent in entities_of(doc) if ent.label_ == "PERSON" and len(ent) > 1 for tok in ent}
