"""Whether the gazetteer knows a name is looked up once per process, not once per article."""

from __future__ import annotations

import pytest

from newsevents.geo import Gazetteer
from newsevents.geo.known import KnownNames


def test_a_name_met_in_one_article_is_not_looked_up_again(
    gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = KnownNames(gaz)
    assert first["Aleppo"] and not first["Zzyzxqv"]
    assert gaz.known_names["Aleppo"] is True and gaz.known_names["Zzyzxqv"] is False

    def refuse(text: str) -> list[object]:
        raise AssertionError(f"looked up again: {text}")

    monkeypatch.setattr(gaz, "lookup", refuse)
    later = KnownNames(gaz)  # the next article's
    assert later["Aleppo"] and not later["Zzyzxqv"]


def test_the_memo_is_emptied_past_its_bound(gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsevents.geo.known.MEMO_LIMIT", 1)
    monkeypatch.setattr(gaz, "known_names", {"Somewhere": True, "Elsewhere": False})
    assert KnownNames(gaz)["Aleppo"]
    assert gaz.known_names == {"Aleppo": True}
