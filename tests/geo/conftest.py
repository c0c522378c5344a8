"""The gazetteer, loaded once for the geo tests."""

from __future__ import annotations

import pytest

from newsevents.geo import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()
