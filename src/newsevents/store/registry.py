"""Store backends by URL scheme: `open_store(url)` looks the scheme up here, built-ins included.

The SQLite and PostgreSQL stores register the way a user's backend would, so a new backend
needs no change anywhere else:

    from newsevents.store import SQLiteStore, register_backend

    class AuditedStore(SQLiteStore): ...
    register_backend("audited", lambda url: AuditedStore(url.split(":///", 1)[1]))
    open_store("audited:///events.db")        # also: newsevents extract ... --db audited:///events.db

An opener takes the whole URL and returns a `Store`; `exists` (optional) tells commands that
only read a store whether there is one to read, so they can refuse to create an empty one.
`open_as` (optional) opens with an access mode (`core.Access`: "create", "write", "read",
"browse"), so reading commands get a read-only store that is never created or altered; a
backend without it is opened with `open` whatever the access.
An installed package offers a backend to the command line, where no code of the user's runs
first, by declaring its opener (or a `Backend`) under the entry-point group `newsevents.stores`
with the scheme as its name (`audited = "mypackage.store:open_audited"`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.errors import StoreError

if TYPE_CHECKING:
    from newsevents.store import Store
    from newsevents.store.core import Access

Opener = Callable[[str], "Store"]
AccessOpener = Callable[[str, "Access"], "Store"]


@dataclass(frozen=True)
class Backend:
    """How to open a store of one URL scheme, and whether one exists at a URL."""

    scheme: str
    open: Opener
    exists: Callable[[str], bool] | None = None
    open_as: AccessOpener | None = None


_BACKENDS: dict[str, Backend] = {}
_LOADED: set[str] = set()  # non-empty once the built-ins are registered
DEFAULT_SCHEME = "sqlite"  # what a plain path (no scheme) opens


def register_backend(
    scheme: str,
    opener: Opener,
    exists: Callable[[str], bool] | None = None,
    open_as: AccessOpener | None = None,
) -> None:
    """Make `open_store("SCHEME://...")` call `opener(url)` (or `open_as(url, access)` when given);
    replaces an earlier registration."""
    key = scheme.lower()
    if not key or "://" in key or "/" in key:
        raise ValueError(f"{scheme!r} is not a URL scheme")
    _BACKENDS[key] = Backend(key, opener, exists, open_as)


def unregister_backend(scheme: str) -> None:
    """Forget a scheme (a test's, say); unknown schemes are ignored."""
    _BACKENDS.pop(scheme.lower(), None)


def backends() -> dict[str, Backend]:
    """The registered backends by scheme (a copy)."""
    _builtins()
    return dict(_BACKENDS)


def _scheme_and_url(url: str | Path) -> tuple[str, str]:
    """(scheme, URL): a plain path becomes `sqlite:///path`, so it goes through the registry too."""
    if isinstance(url, Path):
        return DEFAULT_SCHEME, f"sqlite:///{url}"
    text = str(url).strip()
    if not text:
        raise StoreError("E301", detail="'': no path or URL given")
    if "://" not in text:
        return DEFAULT_SCHEME, f"sqlite:///{text}"
    return text.split("://", 1)[0].lower(), text


ENTRY_POINT_GROUP = "newsevents.stores"


def _lookup(scheme: str) -> Backend:
    _builtins()
    if scheme in _BACKENDS:
        return _BACKENDS[scheme]
    for point in entry_points(group=ENTRY_POINT_GROUP, name=scheme):
        found = point.load()
        return found if isinstance(found, Backend) else Backend(scheme, found)
    raise StoreError("E301", detail=f"{scheme}://...: unknown kind of store (use a file path or sqlite:///)")


def open_store(url: str | Path, access: Access = "create") -> Store:
    """Open (creating if needed) the store named by `url`, through its scheme's backend.

    `access` (see `core.Access`): "create" (the default) creates or migrates the schema;
    "write" needs an existing store; "read" opens it read-only after checking it, never creating
    or changing anything; "browse" is "read" without the check.

    A plain path or `sqlite:///path` opens an SQLite file, created with its schema on first
    use (`sqlite:///data/x.db` is relative, `sqlite:////abs/x.db` absolute, as in SQLAlchemy).
    `postgresql://user:pass@host:port/db` (also `postgres://`, `postgresql+psycopg://`, and
    libpq query options such as `?sslmode=require`) opens the PostgreSQL store, creating its
    tables in an empty database. Any other scheme is looked up among registered backends.
    """
    scheme, text = _scheme_and_url(url)
    backend = _lookup(scheme)
    if backend.open_as is not None:
        return backend.open_as(text, access)
    if access != "create" and backend.exists is not None and not backend.exists(text):
        raise StoreError("E301", detail=f"{text}: no such store (`newsevents extract` makes one)")
    return backend.open(text)


def store_exists(url: str | Path) -> bool:
    """Whether there is a store at `url` to read (True when its backend cannot tell)."""
    scheme, text = _scheme_and_url(url)
    backend = _lookup(scheme)
    return backend.exists(text) if backend.exists is not None else True


def _builtins() -> None:
    """Register the built-in backends on first use (not at import: no import-time side effects
    beyond this module's own table)."""
    if _LOADED:
        return
    _LOADED.add("builtins")
    from newsevents.store.sqlite import open_sqlite, sqlite_exists

    register_backend("sqlite", open_sqlite, sqlite_exists, open_sqlite)
    for scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        register_backend(scheme, _open_postgres, open_as=_open_postgres)


def _open_postgres(url: str, access: Access = "create") -> Any:
    # Imported on use, so SQLite users never load the PostgreSQL driver (nor need it installed).
    from newsevents.extras import require

    require("postgres", f"the store {url.split('://', 1)[0]}://...")
    from newsevents.store.postgres import open_postgres

    return open_postgres(url, access)
