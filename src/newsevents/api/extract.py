"""POST /api/extract: text in over HTTP, the extraction JSON out, stored on request.

The body is read as `newsevents extract` reads a JSON line, with the CLI's limits: at most
`max_file_bytes` bytes (E504, 413, counted as the body arrives, so a huge body is never held),
at most `max_article_chars` characters of text (E502, 413). A field the CLI would drop with a
warning is refused here (400), since the client can resend: a date that is not one or out of
range (E114), an address that is not http(s) (E115); so are text not in English (E106) and a
title with no body (E110). Every refusal is one JSON line, `{"detail": "[E...] ..."}`.

Storing writes to the server's store only when it was started with `serve --allow-writes`;
otherwise `store: true` is refused (E503, 403), as the server opens its store read-only. The
model loads on the first request, once, and requests are extracted one at a time (the parse
holds a few hundred megabytes; several at once would only queue on the same CPUs).
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from newsevents import ingest
from newsevents.api import models
from newsevents.errors import Problem, message
from newsevents.model import Article, Extraction
from newsevents.pipeline import Pipeline, build, default_pipeline
from newsevents.pipeline.batches import extract_batch, log_trace
from newsevents.settings import Settings, load_settings
from newsevents.store import open_store

# The body is read by hand (to stop at the size limit), so its schema is declared here.
BODY = {"required": True,
        "content": {"application/json": {"schema": models.ExtractRequest.model_json_schema()}}}  # fmt: skip
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": models.Problem, "description": "An article the readers refuse (E106, E110, E114, E115)"},
    403: {"model": models.Problem, "description": "Storing asked of a server that does not store (E503)"},
    413: {"model": models.Problem, "description": "A body or text over the limits (E504, E502)"},
    422: {"model": models.Problem, "description": "A body that is not the request's JSON shape"},
    500: {"model": models.Problem, "description": "A failure inside extraction, to report (E501)"},
}
_CLI_TAIL = "; the article is read without it"  # the CLI keeps going; here nothing is extracted


def extract_routes(app: FastAPI, db: str, allow_writes: bool, settings: Settings | None = None) -> None:
    """Add POST /api/extract to `app`, over the store `db` (written only with `allow_writes`)."""
    chosen = settings if settings is not None else load_settings()
    extractor = _Extractor(chosen)

    @app.post(
        "/api/extract",
        response_model=models.Extraction,
        responses=ERRORS,
        tags=["extract"],
        openapi_extra={"requestBody": BODY},
    )
    async def extract_article(request: Request) -> Any:
        """Extract events, figures, quotes and places from one article; `store: true` keeps it."""
        body = await _body(request, chosen.max_file_bytes)
        if body.store and not allow_writes:
            raise HTTPException(403, message("E503"))
        article = await run_in_threadpool(_article, body, chosen)  # the language check reads it all
        extraction = await run_in_threadpool(extractor, article)
        if body.store:
            await run_in_threadpool(_store, db, extraction)
        return JSONResponse(extraction.to_dict(include_text=chosen.include_text))


async def _body(request: Request, limit: int) -> models.ExtractRequest:
    """The request's body, read no further than `limit` bytes, as the request model."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, message("E504", detail=f"{int(declared):,} bytes", limit=limit))
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise HTTPException(413, message("E504", detail=f"over {limit:,} bytes", limit=limit))
    try:
        return models.ExtractRequest.model_validate_json(bytes(data))
    except ValidationError as exc:
        raise HTTPException(422, f"bad request body: {_first_error(exc)}") from None


def _first_error(exc: ValidationError) -> str:
    """The first thing wrong with the body, in one line naming the field."""
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "body"
    return " ".join(f"{where}: {first.get('msg', 'invalid')}".split())


def _article(body: models.ExtractRequest, settings: Settings) -> Article:
    """The Article the CLI would read from the same JSON line, or the refusal of the first problem."""
    given = body.model_dump(exclude={"store"}, exclude_none=True)
    found = list(ingest.from_records([given], settings))
    problems = [item for item in found if isinstance(item, Problem)]
    if problems:
        raise HTTPException(400, _refusal(problems[0]))
    article = next(item for item in found if isinstance(item, Article))
    if len(article.text) > settings.max_article_chars:
        detail = f"{len(article.text):,} characters; the limit is {settings.max_article_chars:,}"
        raise HTTPException(413, message("E502", detail=detail))
    return article


def _refusal(problem: Problem) -> str:
    """A reader's problem as this route's one line: what the CLI reads without, it refuses."""
    text = problem.text.removesuffix(_CLI_TAIL)
    return text + ("; nothing was extracted" if not problem.fatal else "")


class _Extractor:
    """The pipeline, built on the first request and shared by every later one, one at a time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._built: Pipeline | None = None

    def __call__(self, article: Article) -> Extraction:
        with self._lock:
            if self._built is None:  # the shipped settings: the process's one default pipeline
                self._built = default_pipeline() if self.settings == load_settings() else build(self.settings)
            result = next(iter(extract_batch([article], self._built)))
        if isinstance(result, Problem):  # E501: a failure inside a stage, logged with its traceback
            log_trace(result)
            raise HTTPException(500, result.text)
        return result


def _store(db: str, extraction: Extraction) -> None:
    """Write the article (idempotent: an article already stored is left as it is), which joins
    it to its groups and clusters; a store written by an older newsevents is reclustered once."""
    with open_store(db, "write") as store:
        store.write(extraction)
        if store.behind():
            store.recluster()
