"""A demonym on the feature noun names the country of the place ("the Palestinian city of Jenin"),
as a comma qualifier does, and a demonym elsewhere in the sentence does not
(geo/qualifiers.nation_of, read by geo/resolve._narrow and _town)."""

from __future__ import annotations

import pytest

import newsevents

pytestmark = pytest.mark.model


def _countries(text: str) -> dict[str, str | None]:
    found = newsevents.extract(text).locations
    return {m.text: p.country for p in found if p.kind != "demonym" for m in p.mentions}


def test_a_demonym_on_the_feature_noun_names_the_country() -> None:
    # without it, Jenin is a Polish village and Tal Afar goes unplaced
    assert _countries("Israeli forces raided the Palestinian city of Jenin on Monday.")["Jenin"] == "PSE"
    assert _countries("Gunmen attacked the Iraqi border town of Tal Afar on Monday.")["Tal Afar"] == "IRQ"


def test_a_demonym_elsewhere_is_no_qualifier() -> None:
    assert _countries("Syrian refugees in the city of Gaziantep protested on Monday.")["Gaziantep"] == "TUR"


def test_a_region_on_the_feature_noun_names_no_nation() -> None:
    # "New Mexico" is a state, not "Mexico" with a capitalised word before it
    text = "Police arrested a man in the New Mexico town of Hatch."
    assert _countries(text)["Hatch"] == "USA"
