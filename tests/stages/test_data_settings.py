"""Every user-extensible data file is reachable from the settings, and a stage refuses a key it
does not know."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ResourceError
from newsevents.events.stage import EventStage
from newsevents.geo.stage import EventPlaceStage, PlaceStage
from newsevents.quantities.stage import QuantityStage
from newsevents.quotes.stage import QuoteStage
from newsevents.settings import Settings, load_settings
from newsevents.speech.stage import SpeakerStage
from newsevents.stages import BuildContext
from newsevents.when.stage import EventDateStage, QuantityDateStage


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _build(factory, settings: Settings, stage: str):  # type: ignore[no-untyped-def]
    return factory.from_settings(settings.section(stage), BuildContext(settings))


def test_every_events_file_setting_reaches_the_codebook(tmp_path: Path) -> None:
    files = {
        "codes": _write(tmp_path, "codes.yml", '"1999": {name: "Test code", quad: 4, goldstein: -5}\n'),
        "plover": _write(tmp_path, "plover.tsv", "cameo\tplover\tmode\n1999\tASSAULT\tfirearms\n"),
        "cues": _write(tmp_path, "cues.yml", "speech_verbs: [mutter]\n"),
        "victims": _write(tmp_path, "victims.yml", "- {phrase: landslide, kind: cause}\n"),
        "dictionaries": _write(tmp_path, "verbs.yml", '- {verb: zap, cameo: "1999"}\n'),
    }
    book = _build(EventStage, load_settings().with_stage("events", **files), "events").codebook
    assert book.codes.plover("1999") == ("ASSAULT", "firearms")
    assert "mutter" in book.cues.speech_verbs and "say" in book.cues.speech_verbs
    assert ("landslide",) in {p.words for p in book.victims.of_kind("cause")}
    assert book.triggers.lookup("verb", ["zap"])[0].cameo == "1999"


def test_places_files_reach_the_gazetteer_and_the_cues(tmp_path: Path) -> None:
    files = {
        "cues": _write(tmp_path, "cues.yml", "locative: [amid]\n"),
        "demonyms": _write(tmp_path, "demonyms.yml", "Atlantean: GR\n"),
        "regions": _write(tmp_path, "regions.yml", "- {name: Atlantis, country: GR, lat: 36, lon: 25, "
                                                   "feature: other}\n"),
        "aliases": _write(tmp_path, "aliases.yml", "- {alias: Lost City, country: GR}\n"),
    }
    settings = load_settings().with_stage("places", **files)
    context = BuildContext(settings)
    places = PlaceStage.from_settings(settings.section("places"), context)
    event_places = EventPlaceStage.from_settings(settings.section("event_places"), context)
    gaz = places.gazetteer
    assert gaz.is_demonym("Atlantean") and gaz.lookup("Atlantis") and gaz.lookup("Lost City")
    assert "amid" in event_places.cues.locative and event_places.cues is gaz.cues


def test_union_files_add_and_remove_unions(tmp_path: Path) -> None:
    unions = _write(tmp_path, "unions.yml", "- {name: ASEAN, place: Asia}\n- {name: EU, remove: true}\n")
    settings = load_settings().with_stage("places", unions=[unions])
    places = PlaceStage.from_settings(settings.section("places"), BuildContext(settings))
    assert places.unions is not None
    assert ("ASEAN",) in places.unions.points and ("EU",) not in places.unions.points
    assert ("European", "Union") in places.unions.points  # the shipped entries stay
    bad = _write(tmp_path, "bad.yml", "- {name: Atlantic League, place: Atlantis Nowhere}\n")
    settings = load_settings().with_stage("places", unions=[bad])
    with pytest.raises(ResourceError, match=rf"{bad}:1 -> place:"):
        PlaceStage.from_settings(settings.section("places"), BuildContext(settings))


def test_lexicon_settings_reach_quantities_and_quotes(tmp_path: Path) -> None:
    lexicon = _write(tmp_path, "q.yml", "verbs:\n  lynch: killed object\n")
    settings = load_settings().with_stage("quantities", lexicons=[lexicon])
    quantities = _build(QuantityStage, settings, "quantities")
    assert quantities.lexicon.verbs["lynch"] == ("killed", "object")
    speech = _write(tmp_path, "s.yml", "verbs:\n  boast: speech\n")
    settings = load_settings().with_stage("speakers", lexicons=[speech])
    context = BuildContext(settings)
    speakers = SpeakerStage.from_settings(settings.section("speakers"), context)
    quotes = QuoteStage.from_settings(settings.section("quotes"), context)
    assert "boast" in speakers.lexicon.verbs and quotes.lexicon is speakers.lexicon


def test_date_words_reach_both_date_stages(tmp_path: Path) -> None:
    words = _write(tmp_path, "when.yml", "months:\n  juin: 6\nbounds: [pending]\n")
    settings = load_settings().with_stage("event_dates", words=[words])
    context = BuildContext(settings)
    events = EventDateStage.from_settings(settings.section("event_dates"), context)
    figures = QuantityDateStage.from_settings(settings.section("quantity_dates"), context)
    assert events.words is figures.words
    assert events.words.months["juin"] == 6 and "pending" in events.words.bounds


def test_a_bad_user_file_fails_the_build_naming_file_line_and_field(tmp_path: Path) -> None:
    bad = _write(tmp_path, "victims.yml", "- {phrase: landslide, kind: accident}\n")
    with pytest.raises(ResourceError, match=rf"{bad}:1 -> kind:"):
        _build(EventStage, load_settings().with_stage("events", victims=[bad]), "events")


def test_unknown_stage_and_ingest_keys_are_refused() -> None:
    with pytest.raises(ResourceError, match="E203"):
        _build(EventStage, load_settings().with_stage("events", verbs=["x.yml"]), "events")
    with pytest.raises(ResourceError, match=r"ingest: unknown key\(s\) \['outlet'\]"):
        Settings().with_overrides(ingest={"outlet": ["x.yml"]})


def test_ingest_section_is_typed() -> None:
    settings = load_settings().with_overrides(ingest={"outlets": "mine.yml"})
    assert settings.ingest.outlets == ("mine.yml",) and settings.ingest.furniture == ()
    assert hash(settings) != hash(load_settings())
