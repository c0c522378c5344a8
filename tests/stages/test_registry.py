"""Stages by name: add, replace and remove them through the registry; bad pipelines fail when built."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from newsevents import pipeline
from newsevents.errors import ResourceError
from newsevents.ingest import article_from_text
from newsevents.settings import Settings, load_settings
from newsevents.stages import BuildContext, Found, Section
from newsevents.stages.registry import BUILTIN, factory_for

TEXT = (
    "Rebels attack army base\n\n"
    "Rebels attacked an army base in Aleppo on Monday, killing 12 soldiers. "
    'Russia did not bomb the city, the ministry said. "We will respond," the army said.'
)


class Negations:
    """A user's stage: keeps only the negated events ("Russia did not bomb")."""

    name = "only_negated"
    needs: tuple[str, ...] = ("events",)
    sets: tuple[str, ...] = ("events.negated_only",)

    @classmethod
    def from_settings(cls, section: Section, context: BuildContext) -> Negations:
        return cls()

    def __call__(self, parsed, found: Found) -> Found:  # type: ignore[no-untyped-def]
        return found.with_(events=tuple(e for e in found.events or () if e.negated))


class NoQuotes:
    name = "quotes"
    needs: tuple[str, ...] = ("actors",)
    sets: tuple[str, ...] = ("quotes",)

    def __call__(self, parsed, found: Found) -> Found:  # type: ignore[no-untyped-def]
        return found.with_(quotes=())


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings().with_overrides(workers=1)


@pytest.fixture(scope="module")
def default(settings: Settings):  # type: ignore[no-untyped-def]
    return pipeline.build(settings)


def _with_stages(base: pipeline.Pipeline, settings: Settings, factories=None) -> pipeline.Pipeline:  # type: ignore[no-untyped-def]
    return replace(base, stages=pipeline.build_stages(settings, factories))


@pytest.mark.model
def test_the_default_pipeline_is_the_builtin_table_in_order(default: pipeline.Pipeline) -> None:
    assert default.names == tuple(BUILTIN)


@pytest.mark.model
def test_a_stage_added_by_name_runs_after_the_others(default, settings) -> None:  # type: ignore[no-untyped-def]
    article = article_from_text(TEXT, published="2016-02-15")
    before = default.extract(article)
    assert any(not e.negated for e in before.events) and any(e.negated for e in before.events)
    added = settings.with_overrides(pipeline=(*settings.pipeline, "only_negated"))
    after = _with_stages(default, added, {"only_negated": Negations.from_settings}).extract(article)
    assert after.events and all(e.negated for e in after.events)
    assert after.quantities == before.quantities


@pytest.mark.model
def test_a_builtin_is_replaced_by_name(default, settings) -> None:  # type: ignore[no-untyped-def]
    article = article_from_text(TEXT, published="2016-02-15")
    assert default.extract(article).quotes
    replaced = _with_stages(default, settings, {"quotes": lambda section, context: NoQuotes()})
    assert replaced.extract(article).quotes == ()
    assert replaced.extract(article).events == default.extract(article).events


@pytest.mark.model
def test_a_stage_removed_from_the_settings_does_not_run(default, settings) -> None:  # type: ignore[no-untyped-def]
    article = article_from_text(TEXT, published="2016-02-15")
    without = settings.with_overrides(pipeline=tuple(n for n in settings.pipeline if n != "quantities"
                                                     and n != "quantity_places" and n != "quantity_dates"))
    out = _with_stages(default, without).extract(article)
    assert out.quantities == () and default.extract(article).quantities
    assert out.events == default.extract(article).events


def test_a_stage_named_by_module_path_in_the_settings_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "my_stages.py").write_text(textwrap.dedent('''
        from newsevents.stages import Found

        class Tagger:
            name = "tagger"
            needs = ("events",)
            sets = ("events.tagged",)

            def __init__(self, threshold):
                self.threshold = threshold

            @classmethod
            def from_settings(cls, section, context):
                return cls(section["threshold"])

            def __call__(self, parsed, found):
                return found.with_(events=tuple(e for e in found.events if e.confidence >= self.threshold))
    '''))
    config = tmp_path / "settings.yml"
    config.write_text(
        "pipeline: [actors, speakers, events, 'my_stages:Tagger']\n"
        "stages:\n  'my_stages:Tagger': {threshold: 0.9}\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    settings = load_settings(config)
    stages = pipeline.build_stages(settings)
    assert [s.name for s in stages] == ["actors", "speakers", "events", "tagger"]
    assert stages[3].threshold == 0.9  # built from its own section
    # the shipped sections are still there, merged key by key under the user's
    assert settings.section("actors") == {"dictionaries": []}


def test_a_stage_from_an_installed_plugin(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "plugin_mod.py").write_text(
        "from newsevents.stages import Found\n"
        "class Plugged:\n"
        "    name = 'plugged'\n    needs = ()\n    sets = ('plugged',)\n"
        "    @classmethod\n    def from_settings(cls, section, context):\n        return cls()\n"
        "    def __call__(self, parsed, found):\n        return found\n"
    )
    info = tmp_path / "newsevents_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsevents-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newsevents.stages]\nplugged = plugin_mod:Plugged\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    stage = factory_for("plugged")({}, BuildContext(Settings()))
    assert stage.name == "plugged"


def test_a_stage_missing_what_it_needs_fails_at_build_naming_both() -> None:
    settings = load_settings().with_overrides(pipeline=("events", "actors"))
    with pytest.raises(ResourceError) as err:
        pipeline.build_stages(settings)
    assert err.value.code == "E203"
    assert "stage 'events' needs ['actors', 'speakers']" in str(err.value)


def test_an_unknown_stage_name_fails_at_build() -> None:
    with pytest.raises(ResourceError, match=r"no stage named 'actorz'"):
        pipeline.build_stages(load_settings().with_overrides(pipeline=("actorz",)))


def test_an_unknown_key_in_a_stage_section_fails_at_build() -> None:
    settings = load_settings().with_stage("events", dictionary=["typo.yml"])
    with pytest.raises(ResourceError, match=r"stage 'events': unknown setting\(s\) \['dictionary'\]"):
        pipeline.build_stages(settings)


def test_a_user_dictionary_from_the_stage_section_is_read(tmp_path: Path) -> None:
    bad = tmp_path / "verbs.yml"
    bad.write_text("- {verb: smite, cameo: '9999'}\n")
    settings = load_settings().with_stage("events", dictionaries=[str(bad)])
    with pytest.raises(ResourceError, match=r"verbs.yml:1"):
        pipeline.build_stages(settings)


def test_stages_sharing_a_resource_load_it_once() -> None:
    context = BuildContext(load_settings())
    calls: list[int] = []
    first = context.shared("thing", lambda: calls.append(1) or object())
    assert context.shared("thing", lambda: calls.append(1) or object()) is first
    assert calls == [1]
