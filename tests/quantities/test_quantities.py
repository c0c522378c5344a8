"""Casualty and displacement figures: one hand-written sentence per cue, qualifier and status."""

from __future__ import annotations

import pytest

from newsevents.model import Actor, Event, Evidence
from newsevents.quantities import find_quantities

CASES = [
    # text, kind, value, qualifier, status, evidence
    ("Gunmen killed 12 people in the market.", "killed", 12, "exact", "reported", "12 people"),
    (
        "At least 12 people were killed in the blast.",
        "killed",
        12,
        "more_than",
        "reported",
        "At least 12 people",
    ),
    (
        "More than 40 civilians died in the shelling.",
        "killed",
        40,
        "more_than",
        "reported",
        "More than 40 civilians",
    ),
    ("Over 300 soldiers were wounded.", "injured", 300, "more_than", "reported", "Over 300 soldiers"),
    (
        "Nearly 400 protesters were detained.",
        "arrested",
        400,
        "less_than",
        "reported",
        "Nearly 400 protesters",
    ),
    ("Almost 90 people were injured.", "injured", 90, "less_than", "reported", "Almost 90 people"),
    ("Fewer than 20 villagers fled.", "displaced", 20, "less_than", "reported", "Fewer than 20 villagers"),
    ("Some 35,000 refugees have arrived.", "refugees", 35000, "about", "reported", "Some 35,000 refugees"),
    (
        "Around 2,000 residents were evacuated.",
        "evacuated",
        2000,
        "about",
        "reported",
        "Around 2,000 residents",
    ),
    (
        "An estimated 1.5 million people were displaced.",
        "displaced",
        1500000,
        "about",
        "reported",
        "An estimated 1.5 million people",
    ),
    ("Roughly 250k people fled.", "displaced", 250000, "about", "reported", "Roughly 250k people"),
    (
        "More than 3 million Syrians have fled since the start of the war.",
        "displaced",
        3000000,
        "more_than",
        "cumulative",
        "More than 3 million Syrians",
    ),
    (
        "Some 35,000 refugees have arrived since last week.",
        "refugees",
        35000,
        "about",
        "reported",
        "Some 35,000 refugees",
    ),
    ("Police arrested 40 protesters.", "arrested", 40, "exact", "reported", "40 protesters"),
    ("Fighters abducted 25 villagers.", "kidnapped", 25, "exact", "reported", "25 villagers"),
    ("The bomb left 12 dead.", "killed", 12, "exact", "reported", "12 dead"),
    ("The floods left 5,000 families homeless.", "homeless", 5000, "exact", "reported", "5,000 families"),
    ("Twenty-three people died.", "killed", 23, "exact", "reported", "Twenty-three people"),
    ("He said 12 people went missing.", "missing", 12, "exact", "reported", "12 people"),
    ("The death toll rose to 45 on Monday.", "killed", 45, "exact", "reported", "45"),
    (
        "About 19,000 people were registered as displaced.",
        "displaced",
        19000,
        "about",
        "reported",
        "About 19,000 people",
    ),
    (
        "The floods caused 34,000 displacements.",
        "displaced",
        34000,
        "exact",
        "reported",
        "34,000 displacements",
    ),
    ("The clashes caused 30 deaths.", "killed", 30, "exact", "reported", "30 deaths"),
    (
        "The storm affected 1.2 million people.",
        "affected",
        1200000,
        "exact",
        "reported",
        "1.2 million people",
    ),
    ("12 killed in market blast", "killed", 12, "exact", "reported", "12"),
    # status
    (
        "The war has killed more than 250,000 people.",
        "killed",
        250000,
        "more_than",
        "cumulative",
        "more than 250,000 people",
    ),
    (
        "About 1.5 million people have been displaced since 2011.",
        "displaced",
        1500000,
        "about",
        "cumulative",
        "About 1.5 million people",
    ),
    ("So far 3,000 people have been arrested.", "arrested", 3000, "exact", "cumulative", "3,000 people"),
    ("In total, 600 civilians were killed.", "killed", 600, "exact", "cumulative", "600 civilians"),
    (
        "The offensive could trigger around 600,000 more refugees to flee.",
        "refugees",
        600000,
        "about",
        "projected",
        "around 600,000 more refugees",
    ),
    ("Up to 50 people may have been killed.", "killed", 50, "less_than", "projected", "Up to 50 people"),
    ("The fighting might displace 10,000 people.", "displaced", 10000, "exact", "projected", "10,000 people"),
    ("Officials expect 8,000 people to flee.", "displaced", 8000, "exact", "projected", "8,000 people"),
    # an attempt or an aim is no deed
    ("Gunmen tried to kill the mayor on Monday.", "killed", 1, "exact", "projected", "the mayor"),
    (
        "The rebels reported the failure of an operation aimed at murdering Judge Fernando Torres.",
        "killed",
        1,
        "exact",
        "projected",
        "Judge Fernando Torres",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "value", "qualifier", "status", "evidence"), CASES)
def test_figure(  # type: ignore[no-untyped-def]
    one_figure, text, kind, value, qualifier, status, evidence,
):
    q = one_figure(text)
    assert (q.kind, q.value, q.qualifier, q.status, q.evidence.text) == (
        kind,
        value,
        qualifier,
        status,
        evidence,
    )


@pytest.mark.model
def test_units_and_coordination(quantity_lexicon, parse):  # type: ignore[no-untyped-def]
    article, doc = parse("Gunmen killed 12 soldiers and wounded 30 others, and 5,000 families fled.")
    got = [(q.kind, q.value, q.unit) for q in find_quantities(doc, article, lexicon=quantity_lexicon)]
    assert got == [("killed", 12, "people"), ("injured", 30, "people"), ("displaced", 5000, "families")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The five-year conflict shows no sign of ending.",
        "He announced a three-week pause to February 25 in the talks.",
        "It was the first attempt in two years to end the war.",
        "It is the biggest refugee flow since World War Two.",
        "He would put an end to this problem in less than a year.",
        "The plan will cost $5 million.",
        "Prices rose by 30 percent.",
        "12 militants attacked the base.",
        "Five people were in the car.",
        "The 12 ministers met in Geneva.",
        "A boy carries two children across the street.",
        "Homes were evacuated between 23 and 25 November because of fires.",
        "One in every five people is displaced.",
    ],
)
def test_not_a_figure(quantity_lexicon, parse, text):  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    assert find_quantities(doc, article, lexicon=quantity_lexicon) == []


@pytest.mark.model
def test_perpetrators_are_not_victims(quantity_lexicon, parse):  # type: ignore[no-untyped-def]
    article, doc = parse("Twelve gunmen killed 5 soldiers.")
    assert [(q.kind, q.value) for q in find_quantities(
        doc, article, lexicon=quantity_lexicon
    )] == [("killed", 5)]


@pytest.mark.model
def test_furniture_is_never_read(quantity_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "Caption: 12 people were killed.\n\nNothing happened today."
    article, doc = parse(text, furniture=(Evidence.of(text, 0, 31),))
    assert find_quantities(doc, article, lexicon=quantity_lexicon) == []


@pytest.mark.model
def test_headline_figure_kept_once(quantity_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "12 killed in blast\n\nAt least 12 people were killed in a blast on Monday."
    article, doc = parse(text, title_span=Evidence.of(text, 0, 18))
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.kind, q.value, q.evidence.start > 18) for q in found] == [("killed", 12, True)]


@pytest.mark.model
def test_links_the_event_in_the_same_sentence(quantity_lexicon, parse):  # type: ignore[no-untyped-def]
    text = "Talks resumed. Gunmen killed 12 people."
    article, doc = parse(text)
    actor = Actor("Gunmen", "gunmen", "UAF")
    other = Event(None, None, "040", "04", None, 1, 1.0, Evidence.of(text, 0, 14), Evidence.of(text, 6, 13))
    kill = Event(
        actor, None, "190", "19", None, 4, -10.0, Evidence.of(text, 15, 39), Evidence.of(text, 22, 28)
    )
    found = find_quantities(doc, article, [other, kill], lexicon=quantity_lexicon)
    assert [q.event_index for q in found] == [1]
    assert [q.event_index for q in find_quantities(doc, article, [other], lexicon=quantity_lexicon)] == [None]


@pytest.mark.model
def test_seed_article(quantity_lexicon, parse, seed_path):  # type: ignore[no-untyped-def]
    article, doc = parse(seed_path.read_text(encoding="utf-8"))
    got = {(q.kind, q.value, q.qualifier, q.status) for q in find_quantities(
        doc, article, lexicon=quantity_lexicon
    )}
    assert ("killed", 250000, "more_than", "cumulative") in got
    assert ("refugees", 35000, "about", "reported") in got
    assert ("refugees", 600000, "about", "projected") in got
    values = {v for (_, v, _, _) in got}
    assert values <= {250000, 35000, 600000, None}  # no years, durations or dates
