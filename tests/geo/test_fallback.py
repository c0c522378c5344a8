"""The fallback chain: each event's place and where it came from (clause, sentence, paragraph,
dateline, the article's focus), one real sentence or short article for each step."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from tests.events_made import assault

import newsevents
from newsevents.geo import Gazetteer, find_places, locate_events
from newsevents.geo.dateline import dateline_place
from newsevents.geo.fallback import article_focus, governing_preposition
from newsevents.model import Actor, ActorMention, Event, Evidence
from newsevents.nlp.parsed import ParsedArticle

pytestmark = pytest.mark.model


def _locate(  # type: ignore[no-untyped-def]
    parse, gaz: Gazetteer, text: str, trigger: str, actors: Sequence[str] = (), title: str | None = None
) -> Event:
    """The assault at `trigger` placed by the whole chain; `actors` are words the actor stage
    would have found (a country that speaks or backs), `title` the headline opening the text."""
    kw = {"title": title, "title_span": Evidence.of(text, 0, len(title))} if title else {}
    article, doc = parse(text, **kw)
    mentions = []
    for word in actors:
        start = text.index(word)
        span = doc.char_span(start, start + len(word))
        actor = Actor(word, word, "RUS", "RUS", None, Evidence.of(text, start, start + len(word)))
        mentions.append(ActorMention(actor, span.start, span.end, span.root.i))
    places = find_places(doc, article, gaz)
    parsed = ParsedArticle.of(doc, article)
    events = [assault(text, trigger)]
    return locate_events(parsed, events, places, gaz.cues, actors=mentions, gazetteer=gaz)[0]


def _where(event: Event) -> tuple[str | None, str | None, str | None]:
    """(place name, source, the words that placed it)."""
    loc = event.location
    if loc is None:
        return None, event.location_source, None
    return loc.name, event.location_source, loc.evidence.text if loc.evidence is not None else None


def test_the_clause_place_comes_first(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Government troops shelled a market in Idlib on Monday. Officials in Damascus said so."
    assert _where(_locate(parse, gaz, text, "shelled")) == ("Idlib", "clause", "Idlib")


def test_a_place_elsewhere_in_the_sentence(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "erupted" is in a clause of its own; the town the sentence names is where it erupted
    text = (
        "At least 14 people were killed in the town of Malakal when fighting erupted between "
        "government forces and the rebels."
    )
    assert _where(_locate(parse, gaz, text, "erupted")) == ("Malakal", "sentence", "Malakal")


def test_a_locative_place_beats_a_nearer_modifier(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # tuned on the training sentences: "the Geneva talks" is nearer, "north of Aleppo" says where
    text = (
        "The envoy halted the Geneva peace talks after the regime, backed by air strikes, "
        "advanced against opposition forces north of Aleppo."
    )
    name, source, _ = _where(_locate(parse, gaz, text, "backed"))
    assert (name, source) == ("Aleppo", "sentence")


def test_the_paragraph_before_the_sentence(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Heavy fighting raged in Aleppo on Monday. Regime forces encircled the eastern districts."
    assert _where(_locate(parse, gaz, text, "encircled")) == ("Aleppo", "paragraph", "Aleppo")


def test_the_paragraph_only_place_named_later(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen stormed a hotel overnight. The hotel stands in the centre of Mogadishu."
    assert _where(_locate(parse, gaz, text, "stormed")) == ("Mogadishu", "paragraph", "Mogadishu")


def test_another_paragraph_does_not_place_it(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Officials met in Geneva on Monday.\n\nGunmen stormed a hotel overnight."
    assert _where(_locate(parse, gaz, text, "stormed")) == (None, None, None)


def test_the_dateline(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police use tear gas on protesters\n\n"
        "KHARTOUM (Reuters) - Protests against bread prices went on for a third day.\n\n"
        "Police fired tear gas at the crowd near the palace."
    )
    title = "Police use tear gas on protesters"
    assert _where(_locate(parse, gaz, text, "fired", title=title)) == ("Khartoum", "dateline", "KHARTOUM")


def test_the_article_focus_names_no_mention(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aleppo was shelled again on Monday.\n\n"
        "Residents of Aleppo have fled for weeks, and aid groups in Aleppo ran out of food.\n\n"
        "Regime forces encircled the eastern districts."
    )
    assert _where(_locate(parse, gaz, text, "encircled")) == ("Aleppo", "article", None)


def test_a_country_named_once_in_passing_is_no_focus(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Officials from Turkey met on Monday.\n\nGunmen stormed a hotel overnight."
    assert _where(_locate(parse, gaz, text, "stormed")) == (None, None, None)


def test_a_country_that_speaks_is_not_the_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Russia said that gunmen stormed a hotel overnight."
    assert _where(_locate(parse, gaz, text, "stormed", actors=["Russia"])) == (None, None, None)
    # without the actor stage's word for it, the name would place the event
    assert _where(_locate(parse, gaz, text, "stormed"))[:2] == ("Russia", "sentence")


def test_a_building_news_names_as_a_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "at the Pentagon" says where the talks were (Arlington), not the country the paragraph named
    text = (
        "Taliban fighters attacked a base in Afghanistan. The minister held talks at the Pentagon on "
        "Monday with his French counterpart."
    )
    assert _where(_locate(parse, gaz, text, "talks"))[:2] == ("Pentagon", "clause")


def test_where_people_are_based_is_not_the_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a train in Sibi. Officials said those behind the attack are based in Afghanistan."
    assert _where(_locate(parse, gaz, text, "attack are"))[:2] == ("Sibi", "paragraph")
    # the same name under a plain "in" is where the act was
    text = "Gunmen attacked a train in Sibi. Officials said those behind the attack fled in Afghanistan."
    assert _where(_locate(parse, gaz, text, "attack fled"))[0] == "Afghanistan"


def test_a_destination_is_not_the_place(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Thousands of people started to flee from their homes to Turkey."
    assert _where(_locate(parse, gaz, text, "flee")) == (None, None, None)


def test_focus_prefers_a_dominant_city_then_a_country(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    def focus(text: str) -> str | None:
        article, doc = parse(text)
        place = article_focus(ParsedArticle.of(doc, article), find_places(doc, article, gaz))
        return place.name if place is not None else None

    one_city = "Rebels in Aleppo fought on. Rebels in Homs fought on. Aid reached Aleppo, in Syria."
    assert focus(one_city) == "Aleppo"
    # two cities named equally: the country holding both, though itself named once
    two_cities = (
        "Fighting in Aleppo went on. Fighting in Homs went on. Shells fell in Aleppo and in Homs, in Syria."
    )
    assert focus(two_cities) == "Syria"
    assert focus("Officials met in Geneva and in Turkey.") is None
    # a capital named twice for its government in a story told across the country
    across = (
        "Attacks in Mali killed 21 soldiers. Fighting in Mali has spread since 2012, and jihadists in "
        "Mali now hold much of Mali. Officials in Bamako said troops in Mali would respond. A minister "
        "in Bamako spoke."
    )
    assert focus(across) == "Mali"


def test_a_dateline_is_the_article_place_of_its_name(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    title = "Strike hits south Beirut"
    text = (
        f"{title}\n\n"
        "BEIRUT, Lebanon (AP) -- An air strike hit a building on Tuesday.\n\n"
        "Residents of Beirut said the blast shook the southern suburbs."
    )
    article, doc = parse(text, title=title, title_span=Evidence.of(text, 0, len(title)))
    places = find_places(doc, article, gaz)
    found = dateline_place(ParsedArticle.of(doc, article), places, gaz)
    assert found is not None
    place, words = found
    assert words.text == "BEIRUT" and place.country == "LBN"
    assert any(place is p for p in places)  # the article's own Beirut, with its mentions
    plain, plain_doc = parse("An air strike hit Beirut on Tuesday.")
    assert dateline_place(ParsedArticle.of(plain_doc, plain), find_places(plain_doc, plain, gaz), gaz) is None


def test_an_unplaced_event_says_why(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # every event has a place or a reason; the reason tells an article with no place apart from
    # one whose only places are actors and one whose places are elsewhere than the event
    cases = [
        ("Gunmen stormed a hotel overnight, witnesses said.", (), "no_place_in_article"),
        ("Russia said that gunmen stormed a hotel overnight.", ["Russia"], "only_actor_places"),
        ("Officials met in Geneva on Monday.\n\nGunmen stormed a hotel overnight.", (), "no_focus_place"),
    ]
    for text, actors, reason in cases:
        event = _locate(parse, gaz, text, "stormed", actors=actors)
        assert (event.location, event.location_reason) == (None, reason), text
    placed = _locate(parse, gaz, "Gunmen stormed a hotel in Mogadishu overnight.", "stormed")
    assert placed.location is not None and placed.location_reason is None


def test_a_statement_with_no_place_near_it(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Officials met in Geneva on Monday.\n\nThe minister accused the rebels of lying."
    article, doc = parse(text)
    parsed = ParsedArticle.of(doc, article)
    i = text.index("accused")
    accusation = Event(None, None, "112", "11", "ACCUSE", 3, -2.0, Evidence.of(text, 0, len(text)),
                       Evidence.of(text, i, i + len("accused")))  # fmt: skip
    located = locate_events(parsed, [accusation], find_places(doc, article, gaz), gaz.cues, actors=[])
    assert (located[0].location, located[0].location_reason) == (None, "statement_no_place")


def test_a_story_on_one_line_is_read_a_few_sentences_back(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # a wire story printed as one line: a name many sentences back does not place the event
    far = "Officials met in Geneva on Monday. " + "Delegates spoke at length. " * 7
    text = far + "Gunmen stormed a hotel overnight."
    assert _where(_locate(parse, gaz, text, "stormed")) == (None, None, None)
    near = "Officials met in Geneva on Monday. " + "Delegates spoke at length. " * 2
    text = near + "Gunmen stormed a hotel overnight."
    assert _where(_locate(parse, gaz, text, "stormed")) == ("Geneva", "paragraph", "Geneva")


def _appeal(parse, gaz: Gazetteer, text: str, trigger: str) -> Event:  # type: ignore[no-untyped-def]
    """A verbal act (an appeal, quad class 1) at `trigger`, placed by the whole chain."""
    article, doc = parse(text)
    i = text.index(trigger)
    appeal = Event(None, None, "020", "02", "REQUEST", 1, 3.0, Evidence.of(text, 0, len(text)),
                   Evidence.of(text, i, i + len(trigger)))  # fmt: skip
    parsed, places = ParsedArticle.of(doc, article), find_places(doc, article, gaz)
    return locate_events(parsed, [appeal], places, gaz.cues, actors=[], gazetteer=gaz)[0]


def test_what_is_talked_of_is_not_where_it_was_said(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the war is in Yemen; the appeal was made at the talks in Geneva
    text = "Envoys met in Geneva on Monday. The minister urged both sides to end the Yemen war."
    assert _where(_appeal(parse, gaz, text, "urged"))[:2] == ("Geneva", "paragraph")
    # a topic preposition: the ministers spoke of Syria, in Rome
    text = "Ministers gathered in Rome on Monday. Beyond Syria, they appealed for calm in the region."
    assert _where(_appeal(parse, gaz, text, "appealed"))[:2] == ("Rome", "paragraph")
    # an act of force is placed by the war it belongs to: the rule is for words, not force
    text = "Envoys met in Geneva on Monday. Troops crossed the lines to end the Yemen war."
    assert _where(_locate(parse, gaz, text, "crossed"))[0] == "Yemen"



def test_a_place_named_with_its_feature_noun_is_no_topic(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Envoys met in Geneva on Monday. The governor of Durango state appealed for calm."
    assert _where(_appeal(parse, gaz, text, "appealed"))[0] == "Durango"


@pytest.mark.parametrize(
    ("text", "cameo", "state"),
    [
        # the paragraph's last name is where the deported came from; the act is Thailand's
        (
            "Hundreds of Uyghurs fled Xinjiang in 2014 and were held in detention centres. "
            "Thailand deported 40 of them to China on Thursday.",
            "174",
            "Thailand",
        ),
        # the sanction is aimed at a man in Tirana and decided in Washington
        (
            "Thousands of protesters rallied in Tirana on Monday. "
            "The United States imposed sanctions on the former prime minister on Tuesday.",
            "163",
            "United States",
        ),
    ],
)
def test_a_state_deports_and_sanctions_at_home(text: str, cameo: str, state: str) -> None:
    event = next(e for e in newsevents.extract(text).events if e.cameo.startswith(cameo))
    assert event.location is not None and event.location.precision == "country"
    assert (event.location.name, event.location_source) == (state, "sentence")
    assert event.location.evidence is not None and event.location.evidence.text in state


def test_a_visit_is_placed_where_the_trip_goes() -> None:
    # the paragraph's last name is where the minister was; the meetings are in Canada
    text = (
        "The foreign minister spoke to reporters in Riyadh on Monday. "
        "He is scheduled to travel to Canada on Wednesday for meetings with G7 foreign ministers."
    )
    events = [e for e in newsevents.extract(text).events if e.cameo.startswith("04")]
    assert events, [(e.cameo, e.trigger.text) for e in newsevents.extract(text).events]
    for event in events:
        assert event.location is not None
        assert (event.location.name, event.location_source) == ("Canada", "sentence")


def test_a_visit_is_placed_where_its_verb_goes() -> None:
    # the country the visit verb takes as its object is where the visit went, not the story's focus
    text = (
        "Taiwan held military drills on Monday. Taiwan's defence ministry said the drills went well. "
        "Russia's President Vladimir Putin recently visited China after he began a fifth term."
    )
    events = [e for e in newsevents.extract(text).events if e.cameo.startswith("04")]
    assert events, [(e.cameo, e.trigger.text) for e in newsevents.extract(text).events]
    assert events[0].location is not None
    assert (events[0].location.name, events[0].location_source) == ("China", "sentence")


def test_of_reaches_the_preposition_above_only_through_land(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    _, doc = parse("He spoke in support of Ukraine in the face of Russia's attacks near the city of Kilis.")
    word = {t.text: t for t in doc}
    assert governing_preposition(word["Ukraine"], gaz.cues) == "of"
    assert governing_preposition(word["Russia"], gaz.cues) == "of"
    assert governing_preposition(word["Kilis"], gaz.cues) == "near"


def test_a_name_in_quoted_words_is_not_where_they_were_said(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = 'Envoys met in Geneva on Monday, seeking "a lasting peace in Yemen." The minister urged calm.'
    assert _where(_appeal(parse, gaz, text, "urged"))[:2] == ("Geneva", "paragraph")
    # an act of force is still placed by the name: the rule is for words
    text = 'Envoys met in Geneva on Monday, seeking "a lasting peace in Yemen." Troops crossed the lines.'
    assert _where(_locate(parse, gaz, text, "crossed"))[0] == "Yemen"


def test_the_paragraph_place_in_the_parties_own_country(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # the nearest name is where the rebels escape to; the troops act at home, in the C.A.R.
    text = (
        "Rebels attacked villages near Bocaranga on Monday. The rebels regularly escape to villages "
        "in Cameroon. Central African troops arrested 20 rebels."
    )
    arrest = next(e for e in newsevents.extract(text).events if e.cameo == "173")
    assert (arrest.location and arrest.location.name, arrest.location_source) == ("Bocaranga", "paragraph")
    # a statement is not placed by its speakers' country: officials speak abroad
    text = text.replace("troops arrested 20 rebels", "officials condemned the rebels")
    condemned = next(e for e in newsevents.extract(text).events if e.cameo.startswith("11"))
    assert condemned.location is not None and condemned.location.name == "Cameroon"
