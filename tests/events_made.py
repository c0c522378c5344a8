"""An event built by hand for the stages that read events (dates, places): an assault whose
trigger is the first occurrence of a word and whose evidence is the whole text."""

from __future__ import annotations

from newsevents.model import Event, Evidence


def assault(text: str, trigger: str) -> Event:
    i = text.index(trigger)
    return Event(
        None,
        None,
        "190",
        "19",
        "ASSAULT",
        4,
        -10.0,
        Evidence.of(text, 0, len(text)),
        Evidence.of(text, i, i + len(trigger)),
    )
