"""Actors: find every actor mention in an article and resolve it to a CAMEO-style code.

`load_dictionary()` reads the shipped dictionaries (data/en/actors/*.yml) and a user's files after them;
`find_mentions()` returns the article's mentions in text order, none overlapping and none in
page furniture. The stages inside: recognise.py finds cues (dictionary phrases, people the model
names), resolve.py joins them into mentions with a code (with offices.py for the office a
person's own words state, "former" among them, envoys.py for whether a role names a state's or
an international body's official, peoples.py for demonyms that name an ethnicity, belonging.py
for members of a named body), coref.py links pronouns and short forms back to actors already named,
bodies.py a body named again by the last word of its name ("the Council"), initials.py by its
initials ("the NCP").
Codes are country (ISO alpha-3) + sector ("SYRMIL"); transnational bodies carry their own code
with country None ("IGOUNO"); a country alone is its ISO code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.actors import belonging, converted, coref, envoys, offices, peoples, recognise, resolve
from newsevents.actors.acts import Acts
from newsevents.actors.bodies import named_again
from newsevents.actors.destinations import Destinations
from newsevents.actors.dictionary import ActorDictionary, build, shipped_paths
from newsevents.actors.forenames import Forenames
from newsevents.actors.initials import named_by_initials
from newsevents.actors.placed import place_by_preposition
from newsevents.actors.provinces import Provinces
from newsevents.actors.stateless import Stateless
from newsevents.model import Actor, ActorMention, Article, Evidence
from newsevents.nlp.parsed import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorDictionary", "find_mentions", "load_dictionary", "mention_actors"]

TRIM = " \t\n-–—,"


def load_dictionary(extra: Sequence[str | Path] = (), language: str = "en") -> ActorDictionary:
    """The shipped dictionaries of `language` followed by `extra` files (later entries override
    earlier ones); raises ResourceError (E202) naming the file and line of a bad entry.

    Nothing is cached here: the actors stage loads it once per pipeline and shares it with the
    stages that read it too (see `actors.stage.shared_dictionary`).
    """
    dictionary = build((*shipped_paths(language), *extra), converted.extension(language))
    stateless = Stateless.load(language)
    dictionary = replace(dictionary, destinations=Destinations.load(language), stateless=stateless,
                         acts=Acts.load(language), forenames=Forenames.load(language),
                         provinces=Provinces.load())
    recognise.prepare(dictionary)
    return dictionary


def _evidence(doc: Doc, article: Article, start: int, end: int) -> Evidence:
    first, last = doc[start], doc[end - 1]
    a, b = first.idx, last.idx + len(last)
    while a < b and article.text[a] in TRIM:
        a += 1
    while b > a and article.text[b - 1] in TRIM:
        b -= 1
    return Evidence.of(article.text, a, b)


def _mention(doc: Doc, article: Article, d: resolve.Draft) -> ActorMention:
    ev = _evidence(doc, article, d.start, d.end)
    actor = Actor(text=ev.text, name=d.name, code=resolve.code_of(d), country=d.country, sector=d.sector,
                  evidence=ev, country_source="text" if d.country else None)
    return ActorMention(actor=actor, token_start=d.start, token_end=d.end, head=d.head, kind=d.kind,
                        needs_country=d.needs_country)


def find_mentions(doc: Doc, article: Article, dictionary: ActorDictionary) -> list[ActorMention]:
    """Every actor mention of the article, sorted by token_start, without overlaps or furniture."""
    return mention_actors(ParsedArticle.of(doc, article), dictionary)


def mention_actors(parsed: ParsedArticle, dictionary: ActorDictionary) -> list[ActorMention]:
    """`find_mentions` over an article already parsed (the actors stage's call)."""
    doc, article = parsed.doc, parsed.article
    cues = recognise.match(parsed, dictionary)
    drafts = [d for g in resolve.group(doc, cues) if (d := resolve.draft(doc, g, dictionary)) is not None]
    drafts = offices.offices_in_words(doc, drafts, cues, dictionary)
    drafts = offices.former_offices(doc, drafts, cues, dictionary)
    drafts = envoys.offices_of_bodies(doc, drafts, cues)
    drafts = peoples.ethnic_peoples(doc, drafts, cues, dictionary)
    drafts = place_by_preposition(doc, drafts, dictionary, cues)
    drafts = belonging.members_of_bodies(doc, drafts, cues)
    drafts = belonging.owned_by_person(doc, drafts, dictionary)
    drafts = resolve.share_heads(doc, drafts, dictionary)
    drafts = offices.former_offices(doc, coref.resolve(parsed, drafts, dictionary.acts), cues, dictionary)
    drafts = named_by_initials(parsed, named_again(parsed, drafts))
    drafts = [resolve.complete(d, doc, dictionary.stateless) for d in drafts]
    out: list[ActorMention] = []
    last_end = -1
    for d in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        if d.start < last_end or not resolve.code_of(d):
            continue
        if parsed.is_furniture(d.start, d.end):
            continue
        out.append(_mention(doc, article, d))
        last_end = d.end
    return out
