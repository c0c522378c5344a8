"""Known names proven places by the words around them (geo/toponyms.py, `_hint_and_cue`): names
the small model tags a person or an organisation, which need a cue to be taken."""

from __future__ import annotations

import pytest

from newsevents.geo import Gazetteer, find_places

pytestmark = pytest.mark.model


def _names(parse, gaz: Gazetteer, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    article, doc = parse(text)
    return {m.text: p.country for p in find_places(doc, article, gaz) for m in p.mentions}


def test_a_land_noun_after_the_name(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Minutes ago, the Free Syrian Army stormed the defenses in the northern Hama countryside."
    assert _names(parse, gaz, text).get("Hama") == "SYR"


def test_a_feature_noun_right_before_the_name(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "And a policeman was killed in the capital Grozny when his vehicle hit a roadside bomb."
    assert _names(parse, gaz, text).get("Grozny") == "RUS"


def test_a_locative_before_adjectives(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Around 500 demonstrators marched Wednesday in central Santiago bearing signs."
    assert _names(parse, gaz, text).get("Santiago") == "CHL"


def test_a_listed_name_the_tagger_read_as_a_date(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # The small model tags both towns DATE ("in 2016"); a month after "in" stays a date.
    text = "He lives in Owerri. US forces were based in Manbij near the Turkish border in March."
    names = _names(parse, gaz, text)
    assert (names.get("Owerri"), names.get("Manbij")) == ("NGA", "SYR")
    assert "March" not in names


def test_the_runs_of_names_are_found_once_per_doc_and_cues(parse, gaz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from newsevents.geo.names import name_spans

    _, doc = parse("Shelling hit the Aleppo countryside and Hama, the Free Syrian Army said on Monday.")
    runs = name_spans(doc, gaz.cues)
    assert "Aleppo" in [s.text for s in runs] and "Hama" in [s.text for s in runs]
    assert name_spans(doc, gaz.cues) is runs  # the toponyms and the unlisted places share one list
    other = replace(gaz.cues, name_particles=frozenset())
    again = name_spans(doc, other)
    assert again is not runs and [s.text for s in again] == [s.text for s in runs]
