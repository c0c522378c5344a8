"""The names of the stages: the built-ins, a caller's own, installed plugins and `module:attribute` paths.

A name in the settings' `pipeline` list is looked up, in this order:

1. the `factories` a caller passes to `pipeline.build` (a notebook or a test adding a stage);
2. the built-in stages below (the same way a user's stage is found: by a factory path);
3. a factory an installed package declares under the entry-point group `newsevents.stages`;
4. a `package.module:attribute` path written in the settings.

A factory is called as `factory(section, context)`; a class with a `from_settings` classmethod
stands for that method. Nothing registers itself at import time, and nothing here is mutable:
the built-ins are a table, the rest comes from the caller, the installed packages or the text
of the settings.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from importlib.metadata import entry_points

from newsevents.errors import ResourceError
from newsevents.stages import Factory

ENTRY_POINT_GROUP = "newsevents.stages"

# The built-in stages, in their default order (settings.yml's `pipeline` lists the same names).
BUILTIN: Mapping[str, str] = {
    "actors": "newsevents.actors.stage:ActorStage",
    "speakers": "newsevents.speech.stage:SpeakerStage",
    "events": "newsevents.events.stage:EventStage",
    "places": "newsevents.geo.stage:PlaceStage",
    "event_places": "newsevents.geo.stage:EventPlaceStage",
    "quotes": "newsevents.quotes.stage:QuoteStage",
    "actor_countries": "newsevents.geo.stage:ActorCountryStage",
    "event_dates": "newsevents.when.stage:EventDateStage",
    "quantities": "newsevents.quantities.stage:QuantityStage",
    "quantity_places": "newsevents.geo.stage:QuantityPlaceStage",
    "quantity_dates": "newsevents.when.stage:QuantityDateStage",
}


def factory_for(name: str, factories: Mapping[str, Factory] | None = None) -> Factory:
    """The factory for stage `name`; raises ResourceError (E203) naming it when there is none."""
    if factories and name in factories:
        return factories[name]
    if name in BUILTIN:
        return _import(BUILTIN[name], name)
    for point in entry_points(group=ENTRY_POINT_GROUP, name=name):
        return _as_factory(point.load(), name)
    if ":" in name:
        return _import(name, name)
    known = sorted({*BUILTIN, *(factories or {})})
    detail = f"no stage named '{name}'; known: {known} (or a 'module:attribute' path)"
    raise ResourceError("E203", detail=detail)


def _import(path: str, name: str) -> Factory:
    module_name, _, attribute = path.partition(":")
    try:
        target: object = importlib.import_module(module_name)
        for part in attribute.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError) as exc:
        raise ResourceError("E203", detail=f"stage '{name}': cannot import {path} ({exc})") from exc
    return _as_factory(target, name)


def _as_factory(target: object, name: str) -> Factory:
    build = getattr(target, "from_settings", target)
    if not callable(build):
        raise ResourceError("E203", detail=f"stage '{name}': {target!r} is not a stage factory")
    return build  # type: ignore[return-value]
