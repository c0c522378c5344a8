"""The timeline route: counts per day, ISO week, month or year under the event filters, against the
real SQLite store of conftest.py (two strikes on 2016-02-12, Kyiv on 03-06, one more on 03-07)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from newsevents.api import models


def test_timeline_counts_per_day_under_the_same_filters(client: TestClient) -> None:
    assert client.get("/api/timeline").json() == [
        {"date": "2016-02-12", "count": 2, "bin": "day"},
        {"date": "2016-03-06", "count": 1, "bin": "day"},
        {"date": "2016-03-07", "count": 1, "bin": "day"},
    ]
    assert client.get("/api/timeline", params={"country": "UKR"}).json() == [
        {"date": "2016-03-06", "count": 1, "bin": "day"}
    ]
    assert client.get("/api/timeline", params={"view": "mentions", "q": "jets"}).json() == [
        {"date": "2016-02-12", "count": 1, "bin": "day"}
    ]


def test_timeline_bins_by_iso_week_or_month(client: TestClient) -> None:
    # 2016-02-12 is a Friday: its ISO week starts on Monday 2016-02-08; 03-06 is a Sunday, 03-07 a Monday
    assert client.get("/api/timeline", params={"bin": "week", "view": "mentions"}).json() == [
        {"date": "2016-02-08", "count": 2, "bin": "week"},
        {"date": "2016-02-29", "count": 1, "bin": "week"},
        {"date": "2016-03-07", "count": 1, "bin": "week"},
    ]
    assert client.get("/api/timeline", params={"bin": "month"}).json() == [
        {"date": "2016-02-01", "count": 2, "bin": "month"},
        {"date": "2016-03-01", "count": 2, "bin": "month"},
    ]
    assert client.get("/api/timeline", params={"bin": "year"}).json() == [
        {"date": "2016-01-01", "count": 4, "bin": "year"},
    ]
    # 25 days of data: auto keeps days
    assert {d["bin"] for d in client.get("/api/timeline", params={"bin": "auto"}).json()} == {"day"}
    assert client.get("/api/timeline", params={"bin": "decade"}).status_code == 422


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [("2016-01-01", "2016-04-29", "day"), ("2016-01-01", "2016-04-30", "week"),
     ("2014-01-01", "2015-12-31", "week"), ("2014-01-01", "2016-01-01", "month"),
     ("2006-01-01", "2020-12-27", "month"), ("2006-01-01", "2020-12-28", "year")],
)  # fmt: skip
def test_auto_bins_by_week_past_120_days_by_month_past_two_years_by_year_past_fifteen(
    first: str, last: str, expected: str
) -> None:
    from newsevents.store.browse import binned

    used, bins = binned([(first, 1), (last, 2), ("not a day", 5)], "auto")
    assert used == expected and sum(n for _, n in bins) == 3


def test_timeline_answers_are_the_bytes_its_model_gives(client: TestClient) -> None:
    """The timeline is encoded without validating each row (`models.day_counts`): the bytes are the
    ones FastAPI writes for `list[DayCount]`, and the schema still names that model."""
    adapter = TypeAdapter(list[models.DayCount])
    for params in ({}, {"bin": "week", "view": "mentions"}, {"country": "UKR", "bin": "month"}):
        answer = client.get("/api/timeline", params=params)
        assert answer.headers["content-type"] == "application/json" and answer.json(), params
        assert answer.content == adapter.dump_json(adapter.validate_json(answer.content)), params
    schema = client.get("/openapi.json").json()["paths"]["/api/timeline"]["get"]["responses"]["200"]
    assert schema["content"]["application/json"]["schema"]["items"]["$ref"].endswith("/DayCount")
