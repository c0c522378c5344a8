from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.geo import Gazetteer, load_gazetteer
from newsevents.geo.gazetteer import normalize


def _best(gaz: Gazetteer, name: str, feature: str) -> tuple[str, str | None]:
    entries = [c.entry for c in gaz.lookup(name) if c.entry.feature == feature]
    top = max(entries, key=lambda e: e.population)
    return top.name, top.country


def test_alias_tables_give_news_spellings(gaz: Gazetteer) -> None:
    assert _best(gaz, "Kiev", "city") == ("Kyiv", "UKR")
    assert _best(gaz, "Ivory Coast", "country")[1] == "CIV"
    assert _best(gaz, "Britain", "country")[1] == "GBR"
    # Syrian places news names without GeoNames' article or spelling
    assert _best(gaz, "Qamishli", "city") == ("Al Qāmishlī", "SYR")
    assert _best(gaz, "Ghouta", "district") == ("Eastern Ghouta", "SYR")
    assert _best(gaz, "Afrin", "district") == ("Afrin", "SYR")


def test_dotted_and_three_letter_country_abbreviations_are_places(gaz: Gazetteer) -> None:
    for name, country in (("C.A.R.", "CAF"), ("D.R.C.", "COD"), ("PRC", "CHN"), ("KSA", "SAU")):
        assert _best(gaz, name, "country")[1] == country
    assert gaz.lookup("ksa") == [] and gaz.lookup("prc") == []


def test_acronym_alias_matches_only_in_capitals(gaz: Gazetteer) -> None:
    assert [c.entry.country for c in gaz.lookup("US")] == ["USA"]
    assert gaz.lookup("us") == []


def test_countries_have_centroids_and_alpha3(gaz: Gazetteer) -> None:
    syria = gaz.countries["SYR"]
    assert syria.feature == "country"
    assert 33 < syria.lat < 37 and 36 < syria.lon < 41  # type: ignore[operator]
    assert len(gaz.countries) > 240


def test_continents_are_geonames_entries_at_geonames_points(gaz: Gazetteer) -> None:
    # one entry each (the shipped regions file no longer lists them), at GeoNames' point
    europe = [c.entry for c in gaz.lookup("Europe")]
    assert len(europe) == 1 and europe[0].country is None and europe[0].feature == "other"
    assert (round(europe[0].lat or 0, 1), round(europe[0].lon or 0, 1)) == (48.7, 9.1)
    assert {c.entry.name for c in gaz.lookup("South America")} == {"South America"}


def test_cities_carry_population_and_admin1(gaz: Gazetteer) -> None:
    aleppo = next(c.entry for c in gaz.lookup("Aleppo") if c.entry.feature == "city")
    assert aleppo.country == "SYR" and aleppo.population > 1_000_000 and aleppo.admin1 == "Aleppo"
    assert aleppo.lat == pytest.approx(36.20, abs=0.05) and aleppo.lon == pytest.approx(37.16, abs=0.05)


def test_region_names_lose_administrative_affixes(gaz: Gazetteer) -> None:
    assert _best(gaz, "Basra", "admin1")[1] == "IRQ"
    assert _best(gaz, "Basra Governorate", "admin1")[1] == "IRQ"


def test_demonyms_are_known(gaz: Gazetteer) -> None:
    assert gaz.is_demonym("Syrian") and gaz.is_demonym("Turks") and gaz.is_demonym("Somali")
    assert not gaz.is_demonym("Aleppo")


def test_normalize_ignores_accents_case_hyphens_and_article() -> None:
    assert normalize("Genève") == normalize("geneve")
    assert normalize("Deir ez-Zor") == normalize("deir ez zor")
    assert normalize("the Gaza Strip") == "gaza strip"


def test_user_alias_file_is_added(tmp_path: Path, gaz: Gazetteer) -> None:
    extra = tmp_path / "aliases.yml"
    extra.write_text("# mine\n- {alias: Halab City, city: Aleppo, country: SY}\n", encoding="utf-8")
    mine = load_gazetteer(aliases=[extra])
    assert [c.entry.name for c in mine.lookup("Halab City")] == ["Aleppo"]
    assert gaz.lookup("Halab City") == []  # a gazetteer loaded without the file does not have it


def test_bad_user_file_names_file_line_and_field(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yml"
    extra.write_text("# header\n- {alias: Nowhere, country: XX}\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load_gazetteer(aliases=[extra])
    assert err.value.code == "E202"
    assert f"{extra}:2 -> country" in str(err.value)
