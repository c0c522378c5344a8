"""Places found in a sentence, keyed for the assertions of the geo tests."""

from __future__ import annotations

from newsevents.geo import Gazetteer, find_places
from newsevents.geo.unlisted import unlisted_places
from newsevents.model import Place
from newsevents.nlp.parsed import ParsedArticle


def places_by_mention(parse, gaz: Gazetteer, text: str) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    """Each place under the words of every mention of it: for tests of which words were found."""
    article, doc = parse(text)
    return {m.text: p for p in find_places(doc, article, gaz) for m in p.mentions}


def places_by_name(parse, gaz: Gazetteer, text: str, **kw: object) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    """Each place under its name: for tests of where a name was placed."""
    article, doc = parse(text, **kw)
    return {p.name: p for p in find_places(doc, article, gaz)}


def listed_and_unlisted(parse, gaz: Gazetteer, text: str) -> tuple[ParsedArticle, list[Place]]:  # type: ignore[no-untyped-def]
    """The parsed sentence and its places: those the gazetteer lists, then those taken on the
    text's word (geo/unlisted.py), as the places stage finds both."""
    article, doc = parse(text)
    parsed = ParsedArticle.of(doc, article)
    listed = find_places(doc, article, gaz)
    return parsed, [*listed, *unlisted_places(parsed, listed, gaz)]
