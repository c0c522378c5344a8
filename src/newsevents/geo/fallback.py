"""Where an event happened when its own clause does not say: the sentence, the paragraph, the
dateline, then the article's focus place, each recorded as the event's `location_source`.

An analyst reads a dataset as a map: an event with no place is lost to it, and a reader of the
article knows that "Regime forces have encircled opposition-held areas in eastern parts of the
city" happened in the Aleppo the paragraph or the article is about. The chain takes the nearest
evidence first, so the place is the one a reader would give and the source says how far it was
taken from:

    clause     a place attached to the trigger's clause (`locate.best_place`)
    sentence   another place named in the sentence, not an actor ("backed by Turkey") and not an
               origin or destination ("fled to Turkey"): one under a locative preposition first,
               then the finer, then the nearest to the trigger
    paragraph  the nearest place named in the PARAGRAPH_WINDOW sentences before the sentence,
               within its paragraph (a line of the text), the nearest in the parties' own
               country first for a material act whose parties name one country; or the
               paragraph's only place when all its places come later
    dateline   the place of the dateline ("KHARTOUM (Sputnik) -")
    article    the article's focus (`article_focus`), with no evidence: no mention states it

A place that is an actor of the article (a country that "said" or "backed") never places an
event at the sentence or paragraph level unless a locative preposition governs it ("fighting
across Iraq"): "Russia said" tells who spoke, not where. Headline mentions place nothing (a
headline sums up the story) but count towards the focus. An event with
no place anywhere keeps `location` None and `location_source` None, and says why in
`location_reason` (`no_place_reason`), one of a closed set an analyst can filter on:

    no_place_in_article  the article names no place outside its headline and page furniture
    statement_no_place   a verbal act (a statement, appeal, accusation: quad class 1 or 3) with
                         no place near it; where words were said is rarely told
    only_actor_places    the only places named are actors ("Russia said", "backed by Turkey"),
                         which tell who acted, not where
    no_focus_place       places are named, but none in the event's sentence or paragraph, no
                         dateline, and no place the article is clearly about
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Span, Token

from newsevents.geo.dateline import dateline_place
from newsevents.geo.gazetteer import Cues, Gazetteer, normalize
from newsevents.ingest.lines import lines_of
from newsevents.model import (
    ActorMention,
    Event,
    Evidence,
    LocationReason,
    LocationSource,
    Place,
    named_places,
    quick_init,
)
from newsevents.nlp import sentence_of, sentences_of
from newsevents.nlp.parsed import ParsedArticle

# The finer of two equally attached places wins: "in Syria's Aleppo province" is Aleppo.
SPECIFICITY = {"district": 4, "city": 3, "admin1": 2, "other": 2, "country": 1}
CITY_LEVEL = frozenset({"city", "district"})
# Dependencies from a name to the noun or name it is part of ("Aleppo" in "the Aleppo countryside").
NAME_MODIFIER_DEPS = frozenset({"compound", "nmod", "poss", "amod", "appos"})
# A focus is named at least this often; a place named once in passing is not what the article is about.
FOCUS_MIN_MENTIONS = 2
CITY_SHARE = 3  # a focus city holds at least 1/CITY_SHARE of its country's mentions
# Words before a name that make it an origin, a destination or a route, not where something happened.
ELSEWHERE = "of another place"
BETWEEN = "between"
NOT_WHERE = frozenset({"from", "to", "into", "toward", "towards", BETWEEN, "via", ELSEWHERE})
# How many sentences before the event's the paragraph level reads (see `_window_start`).
PARAGRAPH_WINDOW = 6
K = TypeVar("K")


@quick_init
@dataclass(frozen=True)
class Mention:
    """One place mention the fallback may use: the place, its words, and its first token;
    `topic` when the name only qualifies a thing talked of ("the Russia-Ukraine war") or lies
    in quoted words (`_quoted`): neither says where a statement was made."""

    place: Place
    evidence: Evidence
    token: int
    locative: bool = False
    topic: bool = False


@dataclass(frozen=True)
class ArticlePlaces:
    """What the fallback chain knows of one article, computed once for all its events.

    `mentions` are the usable mentions in text order (no furniture, no headline, no actor);
    `paragraphs` the [start, end) character bounds of each line of the text; `dateline` the
    dateline's place mention, `focus` the article's focus place; `named` whether the body names
    any place at all (actors' countries included), which tells the reasons for no place apart.
    """

    mentions: tuple[Mention, ...]
    paragraphs: tuple[tuple[int, int], ...]
    dateline: Mention | None
    focus: Place | None
    named: bool = True

    @classmethod
    def of(
        cls,
        parsed: ParsedArticle,
        places: Sequence[Place],
        actors: Sequence[ActorMention],
        cues: Cues,
        gazetteer: Gazetteer | None = None,
        listed: Sequence[Place] | None = None,
    ) -> ArticlePlaces:
        """Index the article's named places (a demonym places nothing); `actors` mark the mentions
        that name an actor, not a place; `gazetteer` resolves a dateline the places stage did not
        read as a place; `listed`, when given, the places the focus is chosen from (not the
        villages the gazetteer lacks, `unlisted.py`: "Tel Aviv" stays the focus of a story on it)."""
        places = named_places(places)
        found = dateline_place(parsed, places, gazetteer)
        dateline = None
        if found is not None:
            span = parsed.span_of(found[1])
            dateline = Mention(found[0], found[1], span.start if span is not None else 0)
        skip = {dateline.evidence} if dateline is not None else set()
        # A sea, ocean or shared river or island places only its own clause's act: named beside
        # one, it is mostly the scope of a policy ("influence in the Indian Ocean").
        shared = gazetteer.physical if gazetteer is not None else frozenset()
        near = [p for p in places if p.country is not None or normalize(p.name) not in shared]
        usable = sorted(_usable(parsed, near, actors, cues, skip), key=lambda m: m.evidence.start)
        lines = tuple((line.start, line.end) for line in lines_of(parsed.text))
        named = any(_in_body(parsed, m) for p in places for m in p.mentions)
        focus = article_focus(parsed, places if listed is None else named_places(listed))
        return cls(tuple(usable), lines, dateline, focus, named)

    def between(self, start: int, end: int) -> tuple[Mention, ...]:
        """The usable mentions starting in characters [start, end), found by bisection: a long
        article's events do not each scan all its mentions."""
        first = bisect_left(self.mentions, start, key=lambda m: m.evidence.start)
        last = bisect_left(self.mentions, end, key=lambda m: m.evidence.start)
        return self.mentions[first:last]

    def paragraph_of(self, char: int) -> tuple[int, int] | None:
        """The bounds of the line holding character `char`."""
        at = bisect_right(self.paragraphs, char, key=lambda bounds: bounds[0]) - 1
        if at >= 0 and self.paragraphs[at][0] <= char < self.paragraphs[at][1]:
            return self.paragraphs[at]
        return None


def _in_body(parsed: ParsedArticle, mention: Evidence) -> bool:
    """Whether a place mention is in the story's body: not page furniture, not the headline."""
    span = parsed.span_of(mention)
    if span is None or parsed.article.in_furniture(mention.start, mention.end):
        return False
    return not parsed.in_title[span.start]


def _usable(
    parsed: ParsedArticle,
    places: Sequence[Place],
    actors: Sequence[ActorMention],
    cues: Cues,
    skip: set[Evidence],
) -> list[Mention]:
    """The mentions that may place an event beyond its clause: not in furniture or the headline,
    not an origin or destination, not the dateline (`skip`), and not an actor unless a locative
    preposition governs it ("backed by Turkey" is an actor, "fighting across Iraq" a place)."""
    actor_tokens = {i for a in actors for i in range(a.token_start, a.token_end)}
    usable: list[Mention] = []
    for place in places:
        for mention in place.mentions:
            span = parsed.span_of(mention)
            if span is None or mention in skip or parsed.article.in_furniture(mention.start, mention.end):
                continue
            prep = governing_preposition(span.root, cues)
            if parsed.in_title[span.start] or prep in NOT_WHERE or prep in cues.topical:
                continue
            locative = prep in cues.locative
            if not locative and any(t.i in actor_tokens for t in span):
                continue
            topic = (not locative and _topic(span, cues)) or _quoted(parsed.text, mention.start, cues)
            usable.append(Mention(place, mention, span.start, locative, topic))
    return usable


def _topic(span: Span, cues: Cues) -> bool:
    """Whether the name qualifies a common noun that is not a stretch of land: "urged them to end
    the Russia-Ukraine war" talks of a war in Ukraine, it does not say where the urging was;
    "the Aleppo countryside" is land and "Durango state" a feature's name: places."""
    head = span.root
    while head.dep_ in ("compound", "poss", "amod", "nmod") and head.head.i != head.i:
        head = head.head
        if head.pos_ == "NOUN":
            land = cues.area_nouns | cues.feature_nouns.keys()
            return head.lower_ not in land and head.lemma_.lower() not in land
    return False


def _quoted(text: str, start: int, cues: Cues) -> bool:
    """Whether the name at `start` lies inside quoted words: an odd count of quotation marks
    before it in its paragraph. "Joly said, 'we support a just peace in Ukraine'" was said at the
    meeting the story is about, not in Ukraine."""
    line = text.rfind("\n", 0, start) + 1
    return sum(text.count(mark, line, start) for mark in cues.quote_marks) % 2 == 1


def _relative(word: Token, cues: Cues) -> str:
    """ "advanced north of Aleppo" is near Aleppo; "Birdik, 50 km north of Kutum" and "Diyala
    province, north of Baghdad" only say where another place is (`ELSEWHERE`), as in `locate`."""
    return ELSEWHERE if reference_point(word, cues) else "near"


def reference_point(word: Token, cues: Cues) -> bool:
    """Whether "north of X" only says where another place is: after a distance ("50 km north of
    Kutum"), in apposition to a name ("Diyala province, north of Baghdad"), or right after a
    name and a comma however the parser attached it ("In Hilla, also just south of Baghdad, a
    civilian was killed" is in Hilla)."""
    before = [child for child in word.subtree if child.i < word.i]
    if any(child.lower_ in cues.distance_units or child.like_num for child in before):
        return True
    if word.dep_ == "appos" or word.head.pos_ == "PROPN":
        return True
    at = word.i - 1
    while at > 0 and word.doc[at].pos_ == "ADV":
        at -= 1
    if at < 1 or word.doc[at].text != ",":
        return False
    named = word.doc[at - 1]
    return named.pos_ == "PROPN" or named.lower_ in cues.feature_nouns or named.lower_ in cues.area_nouns


def governing_preposition(tok: Token, cues: Cues) -> str:
    """The preposition governing a place name ("" for none), climbing name modifiers and "of"
    ("the city of Kilis" -> "near" in "near the city of Kilis"); "north of Aleppo" and "the
    outskirts of Karachi" give "near", a locative word (see `_relative`); "based in Kabul" says
    where someone lives (`cues.residence`), `ELSEWHERE`."""
    for _ in range(4):
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ == "of" and prep.head.dep_ == "pobj" and _land(prep.head, cues):
                tok = prep.head
                continue
            if prep.lower_ == "of" and prep.head.lower_ in cues.relative:
                return _relative(prep.head, cues)
            return ELSEWHERE if prep.head.lower_ in cues.residence else prep.lower_
        if tok.dep_ in NAME_MODIFIER_DEPS and tok.head.i != tok.i:
            tok = tok.head
            continue
        return ""
    return ""


def _land(noun: Token, cues: Cues) -> bool:
    """Whether "of X" under `noun` is a stretch of land the preposition above reaches ("near the
    city of Kilis", "in parts of Syria"); "in the face of Russia's aggression" and "in support of
    Ukraine" name what is talked of, not where ("north of" is `_relative`'s)."""
    land = cues.feature_nouns.keys() | cues.area_nouns | cues.site_nouns | cues.water_nouns
    word = noun.lower_
    return word not in cues.relative and (word in land or noun.lemma_.lower() in land)


def article_focus(parsed: ParsedArticle, places: Sequence[Place]) -> Place | None:
    """The place the article is about, or None when no place clearly is.

    Mentions outside page furniture are counted, the headline's included; a country counts its
    own mentions and those of every place in it ("Aleppo" counts for Syria). The city level wins
    when one city (or district) dominates: named at least twice, more often than any other city,
    and in at least a third of its country's count, so a capital named twice for its government
    in a story told across Mali ("officials in Bamako said") does not take the whole story.
    Otherwise a country is the focus when it dominates the same way. A country named once in
    passing, or two countries named equally, give no focus: the event stays unplaced rather than
    put in the wrong country.
    """
    counts = [sum(1 for m in p.mentions if not parsed.article.in_furniture(m.start, m.end)) for p in places]
    by_country: Counter[str] = Counter()
    for place, count in zip(places, counts, strict=True):
        if place.country:
            by_country[place.country] += count
    city = _dominant([(counts[i], i) for i, p in enumerate(places) if p.feature in CITY_LEVEL])
    if city is not None and counts[city] * CITY_SHARE >= by_country[places[city].country or ""]:
        return places[city]
    countries = {p.country: i for i, p in enumerate(places) if p.feature == "country" and p.country}
    country = _dominant([(n, code) for code, n in by_country.items() if code in countries])
    return None if country is None else places[countries[country]]


def _dominant(ranked: list[tuple[int, K]]) -> K | None:
    """The key of the single highest count, when it reaches FOCUS_MIN_MENTIONS; None on a tie."""
    ordered = sorted(ranked, key=lambda item: -item[0])
    if not ordered or ordered[0][0] < FOCUS_MIN_MENTIONS:
        return None
    if len(ordered) > 1 and ordered[1][0] == ordered[0][0]:
        return None
    return ordered[0][1]


def _sentence_rank(mention: Mention, trigger: Token) -> tuple[bool, int, int]:
    """Among a sentence's places: one under a locative preposition first ("in", "near"; tuned on
    the event_location training sentences, where it beat the nearest name alone), then the finer,
    then the nearest to the trigger."""
    return not mention.locative, -SPECIFICITY[mention.place.feature], abs(mention.token - trigger.i)


def _where_said(mentions: tuple[Mention, ...], verbal: bool) -> tuple[Mention, ...]:
    """The mentions that may place an event: for a verbal one, not the names of its topics."""
    return tuple(m for m in mentions if not m.topic) if verbal else mentions


def _window_start(sent: Span, paragraph_start: int) -> int:
    """Where the paragraph level starts looking back from `sent`: PARAGRAPH_WINDOW sentences
    before it, or the paragraph's start if nearer. A story printed as one long line ("a
    paragraph" of forty sentences) would otherwise place an event by a name read thirty
    sentences earlier, about something else."""
    sents = sentences_of(sent.doc)
    at = bisect_right(sents, sent.start, key=lambda s: s.start) - 1
    start = sents[max(0, at - PARAGRAPH_WINDOW)].start
    return max(sent.doc[start].idx, paragraph_start)


def fallback_place(
    index: ArticlePlaces, trigger: Token, verbal: bool = False, home: str | None = None
) -> tuple[Place, Evidence | None, LocationSource] | None:
    """The place of an event whose clause names none, its mention (None for the article's focus)
    and where it came from; None when the article places it nowhere. For a `verbal` event (a
    statement, appeal, accusation) a name that only qualifies what is talked of ("the Gaza war")
    says nothing of where the words were said, and is passed over. `home` is the one country all
    the event's parties belong to, if any: a name in it is preferred at the paragraph level (after
    "... rebels regularly escape to villages in Cameroon", "the rebels seized power" in the next
    sentence is the C.A.R.'s), as a reader places an act of one country's people in that country
    unless its own sentence says otherwise (the caller gives no home for statements: officials speak
    abroad)."""
    sent = sentence_of(trigger)
    in_sentence = _where_said(index.between(sent.start_char, sent.end_char), verbal)
    if in_sentence:
        best = min(in_sentence, key=lambda m: _sentence_rank(m, trigger))
        return best.place, best.evidence, "sentence"
    bounds = index.paragraph_of(trigger.idx)
    if bounds is not None:
        in_paragraph = _where_said(index.between(_window_start(sent, bounds[0]), bounds[1]), verbal)
        before = _at_home([m for m in in_paragraph if m.evidence.start < sent.start_char], home)
        if before:
            return before[-1].place, before[-1].evidence, "paragraph"
        if len({id(m.place) for m in in_paragraph}) == 1:
            return in_paragraph[0].place, in_paragraph[0].evidence, "paragraph"
    if index.dateline is not None:
        return index.dateline.place, index.dateline.evidence, "dateline"
    if index.focus is not None:
        return index.focus, None, "article"
    return None


def _at_home(mentions: Sequence[Mention], home: str | None) -> Sequence[Mention]:
    """The mentions in the `home` country when there are any, else all of them."""
    own = [m for m in mentions if home is not None and m.place.country == home]
    return own or mentions


# Quad classes of verbal acts: statements, appeals, accusations, threats, told in words.
VERBAL_QUADS = frozenset({1, 3})


def no_place_reason(index: ArticlePlaces | None, event: Event) -> LocationReason:
    """Why the fallback chain found no place for `event` (the closed set of the module
    docstring). Without the article's index (no actors known) only the clause was read, so the
    reason is the weakest one that still holds: no place near the event."""
    if index is not None and not index.named and index.dateline is None:
        return "no_place_in_article"
    if event.quad_class in VERBAL_QUADS:
        return "statement_no_place"
    if index is not None and not index.mentions and index.dateline is None:
        return "only_actor_places"
    return "no_focus_place"
