"""Actor-code normalisation and PLOVER version mapping."""

from __future__ import annotations

import pytest
from benchmarks.evaluation.codes import ActorKey, cameo_root, load_tables


@pytest.mark.parametrize(
    ("code", "sector", "expected"),
    [
        ("USAGOV", None, ActorKey("USA", "GOV")),
        ("IRQGOVMIL", None, ActorKey("IRQ", "GOV")),  # first role segment is the primary sector
        ("SYROPPHRI", None, ActorKey("SYR", "OPP")),
        ("PSEGZA", None, ActorKey("PSE", None)),  # a region segment is not a sector
        ("IMGMUSISI", None, ActorKey("IMG", "REB")),
        ("IGOUNO", None, ActorKey("IGO", "IGO")),  # an organisation code is not a sector
        ("IGOUNOMIL", None, ActorKey("IGO", "MIL")),
        ("IGO", None, ActorKey("IGO", "IGO")),
        ("---LEG", None, ActorKey("-", "LEG")),
        ("---", None, ActorKey()),
        ("", None, ActorKey()),
        (None, None, ActorKey()),
        ('"THE MINISTRY OF MAGIC"', None, ActorKey()),
        ("JAP", None, ActorKey("JPN", None)),  # legacy country code
        ("PSE", "CVLalb", ActorKey("PSE", "CVL")),  # PLOVER records give the sector apart
        ("ISR", "***", ActorKey("ISR", None)),
        ("SRB", "CIV", ActorKey("SRB", "CVL")),  # sector alias
        ("syrmil", None, ActorKey("SYR", "MIL")),
    ],
)
def test_actor_codes_normalise_to_country_and_primary_sector(code, sector, expected) -> None:
    assert load_tables().actor(code, sector) == expected


def test_actor_key_prints_like_a_code() -> None:
    assert str(ActorKey("SYR", "MIL")) == "SYR MIL"
    assert str(ActorKey("SYR")) == "SYR"
    assert str(ActorKey()) == "---"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("FIGHT", "ASSAULT"),
        ("ASSAULT", "ASSAULT"),
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("consult", "CONSULT"),
        (None, None),
        ("NOT-A-TYPE", None),
    ],
)
def test_plover_names_of_both_versions_map_to_2021(name, expected) -> None:
    assert load_tables().plover_type(name) == expected


def test_cameo_root() -> None:
    assert cameo_root("0231") == "02"
    assert cameo_root("190") == "19"
    assert cameo_root(None) is None
    assert cameo_root("X") is None


def test_our_country_less_agent_is_not_read_as_a_country() -> None:
    """Our "REB" with no country is PETRARCH's "---REB", on the sentence sets as on the stories."""
    from benchmarks.evaluation.events import our_actor

    tables = load_tables()
    assert our_actor({"code": "REB", "country": None, "sector": "REB"}, tables) == ActorKey("-", "REB")
    assert our_actor({"code": "SYRREB", "country": "SYR", "sector": "REB"}, tables) == ActorKey("SYR", "REB")
    assert our_actor({"code": "IGOUNO", "country": None, "sector": "IGO"}, tables) == ActorKey("IGO", "IGO")
