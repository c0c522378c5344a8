"""PETRARCH's validation actor list becomes one of our YAML actor dictionaries."""

from __future__ import annotations

from pathlib import Path

import yaml
from benchmarks.petrarch_actors import our_sectors, petrarch_actor_file

DICTIONARY = """# fictional actors
ARNOR [ARN]
+ARNORIAN
+NORTH_KINGDOM
GONDOR_ARMY [GONMIL]  # a military organisation
MINAS_TIRITH_COUNCIL [GONGOVLEG]
"""


def test_countries_and_organisations_with_their_first_known_sector(tmp_path: Path) -> None:
    source = tmp_path / "PETR.Validate.actors.txt"
    source.write_text(DICTIONARY, encoding="utf-8")
    data = yaml.safe_load(petrarch_actor_file(source, tmp_path).read_text(encoding="utf-8"))
    assert data["countries"] == [{"code": "ARN", "name": "Arnor", "aliases": ["Arnorian", "North Kingdom"]}]
    orgs = {o["code"]: (o["name"], o["sector"]) for o in data["organisations"]}
    assert orgs == {"GONMIL": ("Gondor Army", "MIL"), "GONGOVLEG": ("Minas Tirith Council", "GOV")}


def test_sectors_come_from_the_shipped_actor_dictionary() -> None:
    assert {"GOV", "MIL", "REB"} <= our_sectors()


def test_the_unittest_gold_set_is_coded_with_its_actors_added_to_ours(tmp_path: Path) -> None:
    from benchmarks.accuracy import _settings_for

    from newsevents.actors.stage import ActorStage
    from newsevents.settings import load_settings
    from newsevents.stages import BuildContext

    (tmp_path / "dictionaries").mkdir()
    (tmp_path / "dictionaries" / "PETR.Validate.actors.txt").write_text(DICTIONARY, encoding="utf-8")
    base = load_settings()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert _settings_for("petrarch2_gsr_validation", tmp_path, base, scratch) is base
    settings = _settings_for("petrarch2_unittest", tmp_path, base, scratch)
    stage = ActorStage.from_settings(settings.section("actors"), BuildContext(settings))
    assert "ARN" in stage.dictionary.countries  # the fictional country is known to the actors stage
    assert list(scratch.iterdir())  # the converted dictionary is written where the caller said
