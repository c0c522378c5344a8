"""A schemathesis run against the app's own OpenAPI schema, in process: no request is a 500.

Every operation gets cases inside the schema (positive) and outside it (negative), so valid
and invalid dates, boxes, codes, huge numbers and odd text all reach the app; responses must
also match the documented status codes and response models.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from newsevents.api import create_app

EXAMPLES = 12  # per operation and mode: about 15 s for the eleven operations
# POST /api/extract runs the model on what it is sent: a few bodies in each mode are enough to
# reach its refusals (size, language, dates, addresses, storing) without taking minutes.
FEW = {"POST /api/extract": 4}


@pytest.fixture(scope="module")
def api_schema(db: Path) -> schemathesis.BaseSchema:
    # schemathesis sends Host: testserver, a name the app answers only when told to
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(str(db), hosts=["testserver"]))


def test_schema_lists_every_route(api_schema: schemathesis.BaseSchema) -> None:
    labels = {result.ok().label for result in api_schema.get_all_operations()}
    assert labels == {
        "GET /api/events", "GET /api/events/{article_id}/{idx}", "GET /api/clusters/{cluster_id}",
        "GET /api/timeline", "GET /api/stats", "GET /api/articles", "GET /api/articles/{article_id}",
        "GET /api/quotes", "GET /api/quantities", "GET /api/export", "POST /api/extract",
    }  # fmt: skip


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_is_a_server_error(
    api_schema: schemathesis.BaseSchema, mode: GenerationMode
) -> None:
    seen: dict[str, set[int]] = {}
    for result in api_schema.get_all_operations():
        operation = result.ok()
        raw = operation.definition.raw
        if mode is GenerationMode.NEGATIVE and not raw.get("parameters") and not raw.get("requestBody"):
            continue  # nothing to get wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=FEW.get(operation.label, EXAMPLES),
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            response = case.call()
            seen.setdefault(case.operation.label, set()).add(response.status_code)
            where = f"{case.method} {case.formatted_path} {case.query} {str(case.body)[:200]}"
            assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
            if mode is GenerationMode.POSITIVE and response.status_code == 200:
                case.validate_response(response)

        run()
    assert len(seen) == 11  # every route takes parameters or a body, so each gets negative cases too
    if mode is GenerationMode.NEGATIVE:  # bad input was refused, not ignored
        assert any(code >= 400 for codes in seen.values() for code in codes)
