"""Actor constructions that used to give false actors on real news: one hand-written sentence each."""

from __future__ import annotations

import pytest

from newsevents.actors import find_mentions

pytestmark = pytest.mark.model


def codes(actor_dictionary, parse, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    art, doc = parse(text)
    return {m.actor.text: m.actor.code for m in find_mentions(doc, art, actor_dictionary)}


def test_demonym_before_an_abbreviated_office_is_one_actor(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = codes(actor_dictionary, parse, "Dutch FM urges Polish and Czech counterparts to act")
    assert got["Dutch FM"] == "NLDGOV"


def test_coordinated_demonyms_share_the_head(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = codes(actor_dictionary, parse, "Senior Greek and Cypriot officials met on Friday.")
    assert got["Greek"] == "GRCGOV"
    assert got["Cypriot officials"] == "CYPGOV"


def test_pro_x_is_not_x(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = codes(actor_dictionary, parse, "Police dispersed a pro-Moscow march in Tallinn.")
    assert not any(c.startswith("RUS") for c in got.values())


def test_x_led_coalition_is_x(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = codes(actor_dictionary, parse, "The Saudi-led coalition bombed the port.")
    assert got["Saudi-led coalition"] == "SAUMIL"


def test_ceasefire_regime_is_no_government(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = codes(actor_dictionary, parse, "The envoys discussed the ceasefire regime in Libya.")
    assert not any(c.endswith("GOV") and c != "GOV" and "regime" in t for t, c in got.items())


def test_sector_word_opening_an_institution_name(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = codes(actor_dictionary, parse, "Bandits raided the Government Girls College in Jangebe.")
    assert "Government" not in " ".join(got)


def test_dateline_capital_is_no_government(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = codes(actor_dictionary, parse, "KABUL, A roadside bomb killed two soldiers on Monday.")
    assert "KABUL" not in got


def test_foreign_governments_are_not_the_home_country(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    text = "Bolivia's army was deployed. Bolivian police arrested him. Foreign governments protested."
    got = codes(actor_dictionary, parse, text)
    assert got["governments"] == "GOV"


def test_adjective_military_alone_is_no_actor(  # type: ignore[no-untyped-def]
    actor_dictionary, parse,
) -> None:
    got = codes(actor_dictionary, parse, "The rebels received military equipment.")
    assert "military" not in got


def test_armed_men_gangs_and_kin(actor_dictionary, parse) -> None:  # type: ignore[no-untyped-def]
    got = codes(actor_dictionary, parse, "Armed men and a criminal gang seized a farmer and his wife.")
    assert got["Armed men"] == "UAF"
    assert got["criminal gang"] == "CRM"
    assert got["wife"].endswith("CVL")
