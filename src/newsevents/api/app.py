"""The REST API and the dashboard it serves: routes translate HTTP to store queries, nothing more.

`create_app(db)` builds the app over one store (an SQLite path or URL, as `open_store` takes).
Each thread that runs routes keeps its own store open (SQLite connections never cross
threads), and answers are kept only until the store changes, so a store written meanwhile is
read fresh (`cache.py`). Requests whose Host header is not one the app serves get 400
(`hosts.py`). A bad parameter is answered with a 4xx
that says what was wrong: 422 when it does not fit its declared type, 400 when the store's
checks refuse it (`[E302] bad filter: ...`), 404 for ids that name nothing.
"""

import logging
from collections.abc import Callable, Hashable, Iterable
from contextlib import AbstractContextManager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from newsevents import __version__
from newsevents.api import models
from newsevents.api.cache import ResponseCache, Stores, Totals, few_threads
from newsevents.api.export import export_routes
from newsevents.api.extract import extract_routes
from newsevents.api.headers import DashboardHeaders
from newsevents.api.hosts import HostCheck, allowed_hosts
from newsevents.errors import NewsEventsError, StoreError
from newsevents.events.codes import PLOVER_TYPES, load_code_table
from newsevents.store import EventFilter, EventQuery, ItemQuery, Store, View, open_store
from newsevents.store.browse import MONTHLY_AFTER, WEEKLY_AFTER, YEARLY_AFTER, Bin, check_bbox

log = logging.getLogger(__name__)

Opener = Callable[[], AbstractContextManager[Store]]

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000
MAX_IDX = 2**31 - 1
ARTICLE_KEYS = ("title", "url", "source", "published")
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": models.Problem, "description": "A parameter the store refuses"},
    404: {"model": models.Problem, "description": "No such item"},
}


def web_root() -> Path:
    """The dashboard's static files (index.html, app.js, style.css, vendor/ from the install)."""
    return Path(str(resources.files("newsevents.web").joinpath("static")))


def create_app(
    db: str | Path, served_on: str | None = None, hosts: Iterable[str] = (), allow_writes: bool = False
) -> FastAPI:
    """The API and dashboard over the store at `db` (opened once here to fail early if it is bad).

    Requests are answered when their Host header names a loopback address, `served_on` (the
    address listened on, unless that is every interface) or one of `hosts` ("*" allows any).
    POST /api/extract stores what it extracts only with `allow_writes` (`extract.py`).
    """
    open_store(db, "read").close()  # a bad store is one E301 line here, not a 500 per route
    names = {code: entry.name for code, entry in load_code_table().codes.items()}
    app = FastAPI(
        title="newsevents",
        version=__version__,
        description="Events coded from news articles (CAMEO and PLOVER), with the evidence behind each.",
        docs_url=None,  # served by _api_docs from the installed Swagger UI, not a CDN
        redoc_url=None,
        lifespan=few_threads,
    )

    stores = Stores(db)
    app.state.db = str(db)
    app.state.stores = stores
    _error_handlers(app)
    _event_routes(app, stores, names)
    _cluster_routes(app, stores.opened, names)
    _article_routes(app, stores.opened, names)
    _item_routes(app, stores.opened)
    export_routes(app, stores.opened, lambda: open_store(db, "browse"), QueryDep, ERRORS)  # checked above
    extract_routes(app, str(db), allow_writes)
    app.add_middleware(ResponseCache, version=stores.version)  # innermost: keeps what routes answer
    _dashboard(app)
    _api_docs(app)
    app.add_middleware(HostCheck, allowed=allowed_hosts(served_on, hosts))  # outermost
    return app


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        status = 400 if exc.code == "E302" else 503
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.exception_handler(NewsEventsError)
    async def other_error(request: Request, exc: NewsEventsError) -> JSONResponse:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return JSONResponse({"detail": str(exc)}, status_code=503)


IncludeUnasserted = Annotated[
    bool,
    Query(
        description="Also count negated, hypothetical and reported events; by default only asserted "
        'events are counted, as "Russia hasn\'t targeted civilian areas" is no assault to count'
    ),
]


def event_query(
    country: Annotated[
        str | None, Query(max_length=20, description="ISO 3166 alpha-3 of either actor, e.g. SYR")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=40, description="Actor code prefix of either actor, e.g. SYRGOV")
    ] = None,
    cameo_root: Annotated[str | None, Query(max_length=10, description="CAMEO root 01-20, e.g. 19")] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER event type, e.g. ASSAULT")] = None,
    since: Annotated[date | None, Query(description="Events on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="Events on or before this day (YYYY-MM-DD)")] = None,
    bbox: Annotated[
        str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat in degrees")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the evidence or the title")] = None,
    include_unasserted: IncludeUnasserted = False,
) -> EventQuery:
    """The event filters shared by /api/events, /api/timeline and /api/export."""
    return EventQuery(
        filters=EventFilter(
            country=country,
            actor=actor,
            cameo_root=cameo_root,
            date_from=since.isoformat() if since else None,
            date_to=until.isoformat() if until else None,
            asserted=None if include_unasserted else True,
        ),
        plover=plover,
        bbox=parse_bbox(bbox) if bbox is not None else None,
        q=q,
    )


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """ "min_lon,min_lat,max_lon,max_lat" as four checked numbers; E302 otherwise."""
    parts = text.split(",")
    try:
        if len(parts) != 4:
            raise ValueError
        box = tuple(float(p) for p in parts)
    except ValueError:
        raise StoreError(
            "E302", detail=f"bbox {text!r} is not four numbers min_lon,min_lat,max_lon,max_lat"
        ) from None
    return check_bbox(box)  # type: ignore[arg-type]


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")]
BinParam = Annotated[
    Bin,
    Query(
        alias="bin",
        description="day, week (ISO, from Monday), month or year; auto: by week past "
        f"{WEEKLY_AFTER} days of data, by month past {MONTHLY_AFTER}, by year past {YEARLY_AFTER}",
    ),
]
After = Annotated[
    str | None,
    Query(max_length=1000, description="The `next` of the page before: the page after it, read from there"),
]
ViewParam = Annotated[View, Query(description="clusters (one per real-world event) or mentions")]
ArticleId = Annotated[str, PathParam(max_length=200)]
QueryDep = Annotated[EventQuery, Depends(event_query)]
Text = Annotated[str | None, Query(max_length=200, description="Text to search for")]
OfArticle = Annotated[str | None, Query(max_length=200, description="Only items of this article")]


def _named(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    if "cameo" in row:
        row["cameo_name"] = names.get(row["cameo"])
    if "cameo_root" in row and "cluster_id" in row and "members" in row:
        row["cameo_root_name"] = names.get(f"{row['cameo_root']}0")
    return row


def _version_of(stores: Stores) -> Any:
    """A dependency giving the store's state as the response cache sees it: an async dependency
    runs on the event loop's thread, as the cache does, so every request compares the same
    store's version (each worker thread's store has a version of its own)."""

    async def store_version() -> Hashable | None:
        return stores.version()

    return Annotated[Hashable | None, Depends(store_version)]


def _event_routes(app: FastAPI, stores: Stores, names: dict[str, str]) -> None:
    opened, totals, Version = stores.opened, Totals(), _version_of(stores)

    @app.get("/api/events", response_model=models.EventPage, responses=ERRORS, tags=["events"])
    def list_events(
        query: QueryDep,
        view: ViewParam = "clusters",
        limit: Limit = 100,
        offset: Offset = 0,
        after: After = None,
        version: Version = None,
    ) -> dict[str, Any]:
        """Events matching the filters, a page at a time, as clusters (default) or mentions.

        Page by `after`: each page's `next` is the cursor of the page after it (null on the last),
        and costs the same however deep it is; `offset` counts rows from the start (or from
        `after`). Each cluster says whether it is `asserted` (has an asserted report); each mention
        carries its own `modality` and `negated`."""
        with opened() as store:
            key = (version, view, query) if version is not None else None
            known = totals.get(key) if key is not None else None
            page = store.event_page(query, view, limit, offset, after, known)
            if key is not None:
                totals.put(key, page.total)
            items = page.items
            if view == "clusters":
                _mark_asserted(store, query, items)
        items = [_named(i, names) for i in items]
        return {"total": page.total, "total_exact": page.exact, "limit": limit, "offset": offset,
                "view": view, "items": items, "next": page.next}  # fmt: skip

    @app.get(
        "/api/events/{article_id}/{idx}", response_model=models.EventDetail, responses=ERRORS, tags=["events"]
    )
    def get_event(article_id: ArticleId, idx: Annotated[int, PathParam(ge=0, le=MAX_IDX)]) -> dict[str, Any]:
        """One event with its evidence, its article, and the cluster it belongs to."""
        with opened() as store:
            row = store.event(article_id, idx)
            if row is None:
                raise HTTPException(404, f"no event {idx} in article {article_id!r}")
            cluster = store.cluster_of(row)
        article = {"id": row["article_id"], **{k: row.get(k) for k in ARTICLE_KEYS}}
        return {
            "event": _named(row, names),
            "article": article,
            "cluster": _named(cluster, names) if cluster else None,
        }


def _mark_asserted(store: Store, query: EventQuery, clusters: list[dict[str, Any]]) -> None:
    """Set `asserted` on each cluster: all are when the query kept asserted events only."""
    ids = [c["cluster_id"] for c in clusters]
    kept = None if query.filters.asserted else store.asserted_clusters(query, ids)
    for cluster in clusters:
        cluster["asserted"] = kept is None or cluster["cluster_id"] in kept


def _cluster_routes(app: FastAPI, opened: Opener, names: dict[str, str]) -> None:
    @app.get("/api/clusters/{cluster_id}", response_model=models.Cluster, responses=ERRORS, tags=["events"])
    def get_cluster(cluster_id: Annotated[str, PathParam(max_length=300)]) -> dict[str, Any]:
        """One event cluster with every report of it."""
        with opened() as store:
            found = store.cluster(cluster_id)
        if found is None:
            raise HTTPException(404, f"no cluster {cluster_id!r}")
        return _named(found, names)

    @app.get("/api/timeline", response_model=list[models.DayCount], responses=ERRORS, tags=["events"])
    def timeline(
        query: QueryDep, view: ViewParam = "clusters", unit: BinParam = "day"
    ) -> Response:
        """Matching clusters (or mentions) per day, ISO week or month, oldest first; undated ones are
        left out. Each row's `date` is the first day of its bin and `bin` the bin used."""
        with opened() as store:
            used, days = store.binned_timeline(query, view, unit)
        return models.day_counts(used, days)

    @app.get("/api/stats", response_model=models.Stats, tags=["store"])
    def stats(include_unasserted: IncludeUnasserted = False) -> dict[str, Any]:
        """What the store holds, and the codes the dashboard's filters offer. `counts` are rows per
        table; the tallies, `clusters`, `counted` and the date span follow `include_unasserted`."""
        with opened() as store:
            out = store.stats(asserted=not include_unasserted)
        out["cameo_root_names"] = {f"{r:02d}": names.get(f"{r:02d}0", "") for r in range(1, 21)}
        out["plover_types"] = sorted(PLOVER_TYPES)
        return out


def _article_routes(app: FastAPI, opened: Opener, names: dict[str, str]) -> None:
    @app.get("/api/articles", response_model=models.ArticlePage, responses=ERRORS, tags=["articles"])
    def list_articles(q: Text = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        """Articles, newest first, with how many events each gave; `q` searches title and text."""
        with opened() as store:
            total, items = store.article_page(q, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get(
        "/api/articles/{article_id}", response_model=models.ArticleDetail, responses=ERRORS, tags=["articles"]
    )
    def get_article(article_id: ArticleId) -> dict[str, Any]:
        """The article's text and every item extracted from it, with offsets into that text."""
        with opened() as store:
            found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        art = found["article"]
        for ev in found["events"]:
            ev.update({k: art.get(k) for k in ARTICLE_KEYS})
            _named(ev, names)
        return found


def _item_routes(app: FastAPI, opened: Opener) -> None:
    @app.get("/api/quotes", response_model=models.QuotePage, responses=ERRORS, tags=["articles"])
    def list_quotes(
        article_id: OfArticle = None,
        speaker: Annotated[str | None, Query(max_length=40, description="Speaker code prefix")] = None,
        q: Text = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Quotes, direct and reported, with their speakers."""
        query = ItemQuery(article_id=article_id, speaker=speaker, q=q)
        with opened() as store:
            total, items = store.item_page("quotes", query, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/quantities", response_model=models.QuantityPage, responses=ERRORS, tags=["articles"])
    def list_quantities(
        article_id: OfArticle = None,
        kind: Annotated[str | None, Query(max_length=40, description="e.g. killed")] = None,
        q: Text = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Casualty and displacement figures."""
        query = ItemQuery(article_id=article_id, kind=kind, q=q)
        with opened() as store:
            total, items = store.item_page("quantities", query, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}


def _api_docs(app: FastAPI) -> None:
    vendor = web_root() / "vendor"

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """Swagger UI from the files `make install` copied in, so the page works offline."""
        if not (vendor / "swagger-ui-bundle.js").is_file():
            return HTMLResponse(SWAGGER_MISSING, status_code=503)
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui-dist.favicon-32x32.png",
        )


SWAGGER_MISSING = (
    "<!doctype html><title>API docs</title><p>Swagger UI is not installed here: run <code>make install</code>"
    ' (it copies swagger-ui-dist into the dashboard). The schema itself is at <a href="/openapi.json">'
    "/openapi.json</a>.</p>"
)


def _dashboard(app: FastAPI) -> None:
    root = web_root()

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(root / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=root), name="static")
    app.add_middleware(DashboardHeaders)  # outside the response cache: kept answers get them too
