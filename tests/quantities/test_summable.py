"""Figures an analyst can sum: running totals, the one event a figure belongs to, bounds and kinds.

The sentences are real ones from the shared corpus (news sites and VOA) and the seed article, so
each cue is tested as reporters write it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents
from newsevents.model import Actor, Event, Evidence
from newsevents.quantities import find_quantities

pytestmark = pytest.mark.model

RUNNING_TOTALS = [
    # (sentence from the corpus, kind, value, status)
    ("The United Nations says at least 4,700 civilians have been killed since Russia invaded on "
     "February 24.", "killed", 4700, "cumulative"),
    ("It would end a 53-year-old civil war that has killed more than 260,000 people.",
     "killed", 260000, "cumulative"),
    ("Since 2009, hundreds of people have been killed in suicide attacks and car bombs on hotels.",
     "killed", None, "cumulative"),
    ("In the last 15 months, 1,250 terrorists from various groups have been killed in Pakistan, "
     "Chaudhry said.", "killed", 1250, "cumulative"),
    ("The campaign has reduced most of the territory to rubble and has killed well over 20,000 "
     "people.", "killed", 20000, "cumulative"),
    ("At least 5,000 people have died in the conflict.", "killed", 5000, "cumulative"),
    ("Airstrikes and ground fighting in Yemen have killed more than 130,000 people and spawned the "
     "world's worst humanitarian crisis.", "killed", 130000, "cumulative"),
    ("The death toll has risen to 45.", "killed", 45, "cumulative"),
    ("So far this year 300 people have been killed in the region.", "killed", 300, "cumulative"),
    # a month's tally adds up many events
    ("Officials said 57 people were killed during the month of March.", "killed", 57, "cumulative"),
    # plain reports of one event, and phrases that only look like running totals
    ("At least 23 people, many of them civilians, have been killed in air strikes on a rebel-held "
     "city in north-western Syria, activists say.", "killed", 23, "reported"),
    ("Four Palestinians have been killed during a raid by Israeli forces in Jenin.",
     "killed", 4, "reported"),
    ("Almost 2.2 million people remain displaced in all 22 governorates across Yemen.",
     "displaced", 2200000, "reported"),
    ("On 2 January alone, some 4,000 people were displaced from eastern Mosul city in one of the "
     "largest movements of people in a single day since the beginning of the crisis.",
     "displaced", 4000, "reported"),
    ("Between March and the end of June, flooding displaced 56,000 people, the largest displacement "
     "brought on by natural hazards in Africa so far in 2016.", "displaced", 56000, "reported"),
    ("About 900 people have been displaced since April (UN agency report, May 2017).",
     "displaced", 900, "reported"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "value", "status"), RUNNING_TOTALS)
def test_running_totals_are_cumulative(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, text: str, kind: str, value: int | None, status: str
) -> None:
    article, doc = parse(text)
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.kind, q.value, q.status) for q in found] == [(kind, value, status)]


BOUNDS = [
    # (sentence, low, high, qualifier)
    ("At least 12 people were killed in the blast.", 12, None, "more_than"),
    ("More than 40 civilians died in the shelling.", 40, None, "more_than"),
    ("Up to 18,000 people displaced from the valley may return.", None, 18000, "less_than"),
    ("As many as 250,000 people could be displaced by the offensive.", None, 250000, "less_than"),
    ("Nearly 44,000 people were displaced by the floods.", None, 44000, "less_than"),
    ("Almost 300 people were evacuated on Monday.", None, 300, "less_than"),
    ("About 600 people were displaced when avalanches destroyed their houses.", None, None, "about"),
    ("Between 90 and 230 people were killed on 17 January.", 90, 230, "range"),
    ("The floods displaced 20 to 30 families.", 20, 30, "range"),
    ("Gunmen killed 12 people in the market.", None, None, "exact"),
]


@pytest.mark.parametrize(("text", "low", "high", "qualifier"), BOUNDS)
def test_bounds_follow_the_qualifier(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, text: str, low: int | None, high: int | None, qualifier: str
) -> None:
    article, doc = parse(text)
    [q] = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


KINDS = [
    ("Militants destroyed 300 houses and damaged 40 buildings in the village.",
     [("homes_destroyed", 300, "homes"), ("homes_destroyed", 40, "homes")]),
    ("More than 3,000 houses were destroyed, forcing the evacuation of a further 45,000 people.",
     [("homes_destroyed", 3000, "homes"), ("evacuated", 45000, "people")]),
    ("Gunmen kidnapped 20 students and police arrested 12 suspects; 3 people are missing.",
     [("kidnapped", 20, "people"), ("arrested", 12, "people"), ("missing", 3, "people")]),
    ("More than 67,000 people remained displaced in Davao as of 2 March.", [("displaced", 67000, "people")]),
    ("Nine houses on the atoll were flooded, forcing about 35 people to evacuate.",
     [("evacuated", 35, "people")]),
    ("Over 2,000 people were forced to evacuate their homes in Baracoa.", [("evacuated", 2000, "people")]),
    ("Rainstorms forced the relocation of more than 54,000 residents.", [("evacuated", 54000, "people")]),
    ("More than 405,000 South Sudanese have fled to Uganda.", [("displaced", 405000, "people")]),
    ("Some 35,000 Syrian refugees have arrived at the border.", [("refugees", 35000, "people")]),
    ("More than 2,300 people took shelter in 119 evacuation centres after heavy rain.",
     [("displaced", 2300, "people")]),
    ("Floods hit the town. 29,739 people lost their homes.", [("homeless", 29739, "people")]),
    ("Some 50 people were forced to leave their homes due to a strong fire.", [("displaced", 50, "people")]),
    ("The army lost 30 soldiers in the ambush.", [("killed", 30, "people")]),
    ("A fire at Smith Creek forced 2,500 people out of their homes.", [("displaced", 2500, "people")]),
    ("As of 11 January, 870 families remained in 20 evacuation centres.", [("displaced", 870, "families")]),
    ("The 12 students stayed in a hotel.", []),
    ("At least 3 385 people had been evacuated as a preventative measure.", [("evacuated", 3385, "people")]),
    ("In 2016 300 people died in the floods.", [("killed", 300, "people")]),
    # people named by trade or side, and killings told as nouns
    ("Two soldiers and one guerrilla died in the ambush on Sunday.",
     [("killed", 2, "people"), ("killed", 1, "people")]),
    ("The raid left 8 rebels and 3 farmers dead.", [("killed", 8, "people"), ("killed", 3, "people")]),
    ("Rights groups condemned the murder of four teachers in the province.", [("killed", 4, "people")]),
    ("Witnesses described the massacre of 30 villagers by the militia.", [("killed", 30, "people")]),
    ("About 900 people were staying with relatives after the flood.", [("displaced", 900, "people")]),
    ("Some 400 families were sheltering in a school near the river.", [("displaced", 400, "families")]),
    # phrasings the parse hangs elsewhere: a participle on the people, a group holding them, an
    # object read as an adverbial, a range before the people's own modifiers
    ("Officials counted about 700 people staying with relatives in the town.",
     [("displaced", 700, "people")]),
    ("Some 1,200 people registered as displaced with the local council.", [("displaced", 1200, "people")]),
    ("About 3,000 people, having fled the shelling, reached the camp on foot.",
     [("displaced", 3000, "people")]),
    ("A convoy of 250 families fled the city overnight.", [("displaced", 250, "families")]),
    ("Aid workers met groups of more than 20 people at the border.", []),
    ("The cyclone displaced around 15,000 people across four districts.", [("displaced", 15000, "people")]),
    ("Between 500 and 800 newly displaced people reached the town.", [("displaced", 500, "people")]),
    ("More than 90 people were accommodated in evacuation centres.", [("displaced", 90, "people")]),
    ("Floods have displaced 1.2 lakh people in the state.", [("displaced", 120000, "people")]),
    ("At least 40 migrants drowned when their boat sank.", [("migrants", 40, "people")]),
    ("Eight fishermen drowned off the coast.", [("killed", 8, "people")]),
    # what befalls people outweighs what their noun says they are
    ("Gunmen killed 14 refugees near the camp.", [("killed", 14, "people")]),
    ("Four hostages were killed during the rescue.", [("killed", 4, "people")]),
    ("Police detained 60 migrants at the border.", [("arrested", 60, "people")]),
    ("Rebels released 7 hostages on Friday.", [("kidnapped", 7, "people")]),
    # verbs with a particle or an object of their own
    ("Gunmen gunned down six villagers at a checkpoint.", [("killed", 6, "people")]),
    ("Eleven tourists were taken hostage in the hotel.", [("kidnapped", 11, "people")]),
    ("At least 15 people lost their lives in the landslide.", [("killed", 15, "people")]),
    ("Three firefighters sustained injuries while fighting the blaze.", [("injured", 3, "people")]),
    ("Some 4,000 families were affected and evacuated after the storm.", [("evacuated", 4000, "families")]),
    ("About 700 people were forced into emergency shelters.", [("evacuated", 700, "people")]),
    ("Hundreds of families moved away from the front line this week.", [("displaced", None, "families")]),
    ("The firm moved away from coal in 2019.", []),
    ("About 3,000 people moved to schools and emergency shelters overnight.",
     [("displaced", 3000, "people")]),
    ("5,000 Displaced by Floods in Northern Province", [("displaced", 5000, "people")]),
    # homes are never people killed, and people are never homes destroyed
    ("The storm killed 12 houses of cards.", []),
    ("Soldiers destroyed 12 fighters.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), KINDS)
def test_kinds_and_units(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, text: str, expected: list[tuple[str, int, str]]
) -> None:
    article, doc = parse(text)
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.kind, q.value, q.unit) for q in found] == expected


def _event(text: str, trigger: str, sentence: str) -> Event:
    start = text.index(sentence)
    at = text.index(trigger, start)
    actor = Actor("Gunmen", "gunmen", "UAF")
    return Event(
        actor, None, "190", "19", None, 4, -10.0,
        Evidence.of(text, start, start + len(sentence)), Evidence.of(text, at, at + len(trigger)),
    )  # fmt: skip


def test_a_figure_joins_only_the_event_of_its_clause(quantity_lexicon, parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The war has killed more than 130,000 people since 2011. "
        "On Tuesday a car bomb exploded in Homs, killing 12 people, and rebels said 30 fighters "
        "had been wounded in clashes elsewhere."
    )
    second = text[text.index("On Tuesday") :]
    article, doc = parse(text)
    events = [_event(text, "exploded", second)]
    found = find_quantities(doc, article, events, lexicon=quantity_lexicon)
    got = [(q.value, q.status, q.event_index) for q in found]
    # the war's toll joins no event; "killing 12" is the blast's; the wounded of other clashes,
    # told in the same sentence, are not
    assert got == [(130000, "cumulative", None), (12, "reported", 0), (30, "reported", None)]


def test_a_running_total_joins_no_event_even_when_its_verb_is_a_trigger(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse
) -> None:
    text = "Officials met. The conflict has killed at least 5,000 people."
    article, doc = parse(text)
    events = [_event(text, "killed", "The conflict has killed at least 5,000 people.")]
    [q] = find_quantities(doc, article, events, lexicon=quantity_lexicon)
    assert (q.status, q.event_index, q.low) == ("cumulative", None, 5000)


def test_seed_war_toll_is_cumulative_and_no_events(seed_path: Path) -> None:
    seed = newsevents.extract(seed_path.read_text(encoding="utf-8"))
    assert seed.events, "the seed's events are coded, so a wrong link could be made"
    [toll] = [q for q in seed.quantities if q.evidence.text == "more than 250,000 people"]
    assert (toll.kind, toll.status, toll.event_index) == ("killed", "cumulative", None)
    assert (toll.low, toll.high, toll.qualifier) == (250000, None, "more_than")
    linked = [q for q in seed.quantities if q.event_index is not None]
    assert all(q.status != "cumulative" for q in linked)


def test_a_clause_joined_by_and_tells_the_outcome_only_of_its_own_event(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse
) -> None:
    first = "Russian troops attacked civilians in Kharkiv on Monday, and at least 12 people were killed."
    second = "Police detained 12 students on Monday, and the rebels killed 3 soldiers."
    text = f"{first} {second}"
    article, doc = parse(text)
    events = [_event(text, "attacked", first), _event(text, "detained", second)]
    found = find_quantities(doc, article, events, lexicon=quantity_lexicon)
    # the killed of the attack are its outcome; the rebels' killing is not the detention's
    assert [(q.kind, q.value, q.event_index) for q in found] == [
        ("killed", 12, 0), ("arrested", 12, 1), ("killed", 3, None),
    ]  # fmt: skip


COUNTED_ONCE = [
    # the same people restated in another unit, or a part of a counted group, are no second figure
    ("About 600 families (roughly 3,000 people) fled the fighting.", [("displaced", 600, "families")]),
    ("Some 1,500 households, or 7,000 people, were evacuated from the coast.",
     [("evacuated", 1500, "households")]),
    ("Around 250 people, including 40 children and 12 elderly residents, were evacuated on Friday.",
     [("evacuated", 250, "people")]),
    ("The raid killed six soldiers and four civilians, including two teachers.",
     [("killed", 6, "people"), ("killed", 4, "people")]),
    # a part with no counted whole is the only count; another kind in apposition is its own figure
    ("Gunmen wounded several people, including three police officers.", [("injured", 3, "people")]),
    ("The blast killed 5 people, 20 others were wounded.",
     [("killed", 5, "people"), ("injured", 20, "people")]),
    # nobody, a rank and a rate are no count of people
    ("No one was hurt when the bridge collapsed.", []),
    ("It was one of the largest evacuations the region has seen.", []),
    ("Fighting in the north kills 15 people a day, the agency said.", []),
    ("Police arrested 40 people a week ago.", [("arrested", 40, "people")]),
    ("About 500 people were evacuated, of which 120 were moved to shelters.", [("evacuated", 500, "people")]),
    ("Thirty people, six of whom were police officers, were wounded.", [("injured", 30, "people")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), COUNTED_ONCE)
def test_people_are_counted_once(  # type: ignore[no-untyped-def]
    quantity_lexicon, parse, text: str, expected: list[tuple[str, int, str]]
) -> None:
    article, doc = parse(text)
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.kind, q.value, q.unit) for q in found] == expected


def test_a_period_after_a_gapped_clause_is_both_clauses(quantity_lexicon, parse) -> None:  # type: ignore[no-untyped-def]
    """ "and 140 wounded" shares the first clause's auxiliary, and so its period; a joined clause
    with an auxiliary of its own tells another toll."""
    article, doc = parse(
        "The army said 80 rebels were killed and 140 wounded during the month of March. Two "
        "soldiers were killed in an ambush on Monday and 300 others have died over the past year."
    )
    found = find_quantities(doc, article, lexicon=quantity_lexicon)
    assert [(q.value, q.status) for q in found] == [
        (80, "cumulative"), (140, "cumulative"), (2, "reported"), (300, "cumulative")
    ]  # fmt: skip
