"""The schema's versions, in one place: create it in an empty database, bring an older one up to
date, and refuse a newer or a foreign one, the same way for every dialect.

A new database gets the whole current schema at once (rendered from `tables.py`); the steps
below are only for databases written by an older newsevents. They are kept as the SQL that was
current when they were written (a step never changes once released), and are portable, so every
dialect runs the same ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from newsevents.errors import StoreError
from newsevents.store import incremental, tallies
from newsevents.store.schema import ddl
from newsevents.store.tables import BOOKKEEPING, COLUMNS, SUMMARY_COLUMNS, TABLES

if TYPE_CHECKING:
    from newsevents.store.core import SQLStore

log = logging.getLogger(__name__)

SCHEMA_VERSION = 13

# Statements that take a database from version N-1 to N, keyed by N.
MIGRATIONS: Mapping[int, tuple[str, ...]] = MappingProxyType({
    # 2: near-duplicate groups and event clusters, filled by recluster().
    2: (
        "CREATE TABLE IF NOT EXISTS article_groups (article_id TEXT NOT NULL PRIMARY KEY"
        " REFERENCES articles (id) ON DELETE CASCADE, group_id TEXT NOT NULL,"
        " similarity DOUBLE PRECISION NOT NULL)",
        "CREATE INDEX IF NOT EXISTS article_groups_group ON article_groups (group_id)",
        "CREATE TABLE IF NOT EXISTS event_clusters (cluster_id TEXT NOT NULL PRIMARY KEY,"
        " cameo_root TEXT NOT NULL, plover TEXT, quad_class INTEGER, source_code TEXT,"
        " target_code TEXT, country TEXT, location_name TEXT, lat DOUBLE PRECISION,"
        " lon DOUBLE PRECISION, date_first TEXT, date_last TEXT, n_events INTEGER NOT NULL,"
        " n_articles INTEGER NOT NULL, n_sources INTEGER NOT NULL, n_independent INTEGER NOT NULL,"
        " first_article_id TEXT NOT NULL, first_published TEXT)",
        "CREATE INDEX IF NOT EXISTS event_clusters_date ON event_clusters (date_first)",
        "CREATE TABLE IF NOT EXISTS event_cluster_members (article_id TEXT NOT NULL,"
        " idx INTEGER NOT NULL, cluster_id TEXT NOT NULL, PRIMARY KEY (article_id, idx),"
        " FOREIGN KEY (article_id, idx) REFERENCES events (article_id, idx) ON DELETE CASCADE)",
        "CREATE INDEX IF NOT EXISTS event_cluster_members_cluster ON event_cluster_members (cluster_id)",
    ),
    # 3: the id the input gave, kept beside the content-hash key; the store-level flag that says
    # articles wait for clustering (set here: whether an older store is clustered is unknown, and
    # one extra recluster costs nothing wrong); 64-bit integers where INTEGER is 32 bits.
    3: (
        "CREATE TABLE IF NOT EXISTS store_state (name TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT INTO store_state (name, value) VALUES ('dirty', '1')"
        " ON CONFLICT (name) DO UPDATE SET value = '1'",
    ),
    # 6: what incremental clustering looks new articles up by (shingle counts, MinHash band keys,
    # event blocks); empty until filled, so the store is marked behind and the next extract's
    # recluster fills them.
    6: (
        "CREATE TABLE IF NOT EXISTS article_sketches (article_id TEXT NOT NULL PRIMARY KEY"
        " REFERENCES articles (id) ON DELETE CASCADE, shingles INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS article_band_keys (band INTEGER NOT NULL, band_key INTEGER NOT NULL,"
        " article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
        " PRIMARY KEY (band, band_key, article_id))",
        "CREATE TABLE IF NOT EXISTS event_keys (article_id TEXT NOT NULL, idx INTEGER NOT NULL,"
        " cameo_root TEXT NOT NULL, country TEXT NOT NULL, day INTEGER NOT NULL,"
        " PRIMARY KEY (article_id, idx),"
        " FOREIGN KEY (article_id, idx) REFERENCES events (article_id, idx) ON DELETE CASCADE)",
        "CREATE INDEX IF NOT EXISTS event_keys_block ON event_keys (cameo_root, country, day)",
        "UPDATE store_state SET value = '1' WHERE name = 'dirty'",
    ),
    # 9: the summary tables (counts per day, root, country and level of events and clusters, and
    # the stats' tallies), created and filled from the rows in one pass each: INSERT ... SELECT
    # ... GROUP BY, run by the database (a minute or two at a million events). The fill is the
    # one a recluster runs (`tallies.fill_statements`), so both count alike.
    9: (
        "CREATE TABLE IF NOT EXISTS event_tallies (level INTEGER NOT NULL, country TEXT NOT NULL,"
        " cameo_root TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL,"
        " PRIMARY KEY (level, country, cameo_root, day))",
        "CREATE INDEX IF NOT EXISTS event_tallies_day ON event_tallies (level, country, day)",
        "CREATE TABLE IF NOT EXISTS cluster_tallies (level INTEGER NOT NULL, country TEXT NOT NULL,"
        " cameo_root TEXT NOT NULL, day TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL,"
        " n INTEGER NOT NULL, PRIMARY KEY (level, country, cameo_root, day, first_day, last_day))",
        "CREATE INDEX IF NOT EXISTS cluster_tallies_day ON cluster_tallies (level, country, day)",
        "CREATE TABLE IF NOT EXISTS facet_tallies (level INTEGER NOT NULL, facet TEXT NOT NULL,"
        " value TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (level, facet, value))",
        "DELETE FROM event_tallies",
        "DELETE FROM cluster_tallies",
        "DELETE FROM facet_tallies",
        *tallies.fill_statements(("event_tallies", "cluster_tallies", "facet_tallies")),
    ),
    # 11: events and clusters counted per PLOVER type (in the root's place), filled from the rows
    # with one INSERT ... SELECT ... GROUP BY each, so a timeline or total filtered by a type
    # reads its tallies.
    11: (
        "CREATE TABLE IF NOT EXISTS plover_tallies (level INTEGER NOT NULL, country TEXT NOT NULL,"
        " plover TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL,"
        " PRIMARY KEY (level, country, plover, day))",
        "CREATE TABLE IF NOT EXISTS cluster_plover_tallies (level INTEGER NOT NULL, country TEXT NOT NULL,"
        " plover TEXT NOT NULL, day TEXT NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL,"
        " n INTEGER NOT NULL, PRIMARY KEY (level, country, plover, day, first_day, last_day))",
        "DELETE FROM plover_tallies",
        "DELETE FROM cluster_plover_tallies",
        *tallies.fill_statements(("plover_tallies", "cluster_plover_tallies")),
    ),
})  # fmt: skip

# Columns a step adds, as (table, column, type): added only where missing, since SQLite has no
# ADD COLUMN IF NOT EXISTS and a store may already hold one (a step half done by hand).
ADDED_COLUMNS: Mapping[int, tuple[tuple[str, str, str], ...]] = MappingProxyType({
    3: (("articles", "given_id", "TEXT"),),
    # 4: where each event's date and place came from (null for events stored before).
    4: (("events", "date_source", "TEXT"), ("events", "location_source", "TEXT")),
    # 5: where each article's publication date came from (null for articles stored before).
    5: (("articles", "published_source", "TEXT"),),
    # 7: where each actor's country came from (null for actors stored before).
    7: (("events", "source_country_source", "TEXT"), ("events", "target_country_source", "TEXT"),
        ("actors", "country_source", "TEXT"), ("quotes", "speaker_country_source", "TEXT")),
    # 8: why an event has no place (null for events stored before, and for every placed one).
    8: (("events", "location_reason", "TEXT"),),
    # 12: how the text names each place, name or demonym (null for places stored before).
    12: (("locations", "kind", "TEXT"),),
    # 13: each article's shingle hashes, which a new article is compared with (filled below).
    13: (("article_sketches", "hashes", "TEXT"),),
})  # fmt: skip

# Steps that differ by engine, as the name of a dialect method run with the step's cursor.
# 10: the indexes text search reads (FTS5 trigram tables on SQLite, pg_trgm GIN indexes on
# PostgreSQL), built from the rows already stored; an engine that cannot have them keeps scanning.
DIALECT_STEPS: Mapping[int, str] = MappingProxyType({3: "widen_integers", 6: "widen_keys", 10: "add_search"})

# Steps that compute what SQL cannot, run with the step's cursor after its statements.
# 13: the shingle hashes of the articles already stored, from their texts (a few minutes at a
# million events; a full recluster, the other way to fill them, takes far longer).
FILLS: Mapping[int, Callable[[SQLStore, Any], None]] = MappingProxyType({13: incremental.fill_hashes})

OUR_TABLES = frozenset({*COLUMNS, *BOOKKEEPING, *SUMMARY_COLUMNS})


def prepare(store: SQLStore) -> None:
    """Create, migrate or refuse, under the dialect's schema lock (so concurrent openers of a
    fresh database create it once)."""
    with store.schema_lock():
        tables = store.table_names()
        if store.is_fresh(tables):
            if store.access != "create":
                raise StoreError("E301", detail=f"{store.label}: not a newsevents store (it holds no tables)")
            if _create(store):
                return
            tables = store.table_names()  # another process created it first: check it as found
        if "schema_version" not in tables:
            raise StoreError("E301", detail=f"{store.label}: {store.not_a_store}")
        (version,) = store.fetch_one("SELECT MAX(version) FROM schema_version")
        version = version or 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                "E301",
                detail=f"{store.label}: written by a newer newsevents (schema version {version}, "
                f"this one knows {SCHEMA_VERSION}); upgrade newsevents",
            )
        if version < SCHEMA_VERSION and store.read_only:
            raise StoreError(
                "E301",
                detail=f"{store.label}: written by an older newsevents (schema version {version}); reading "
                "never changes a store: run `newsevents dedup --db ...` once to upgrade it",
            )
        if version < SCHEMA_VERSION:
            _migrate(store, version)
        if not store.read_only:
            add_indexes(store)


def add_indexes(store: SQLStore) -> None:
    """Create the indexes `tables.py` declares that the database lacks, when opened to write.

    Indexes change no row and no reader's answer, only how fast it comes, so they are kept apart
    from the numbered steps: a store of any version gets the ones declared now, once, and a
    read-only open of an older store still works, only slower. The names are checked first,
    because on PostgreSQL even CREATE INDEX IF NOT EXISTS waits for the table's writers.
    """
    have = store.index_names()
    missing = [(t.name, name, cols) for t in TABLES for name, cols in t.indexes if name not in have]
    if not missing:
        return
    with store.transaction() as cur:
        for table, name, cols in missing:
            cur.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")
    log.info("added %d indexes to %s", len(missing), store.label)


def _create(store: SQLStore) -> bool:
    """Make the schema in a fresh database; False when another opener made it first.

    SQLite has no schema lock: two processes may both find the file fresh, and the second one's
    write transaction starts only when the first has committed, so it looks again inside it.
    """
    with store.transaction() as cur:
        if not store.is_fresh(store.table_names()):
            return False
        for stmt in ddl(store.type_map):
            cur.execute(stmt)
        store.add_search(cur)
        cur.execute(f"INSERT INTO schema_version (version) VALUES ({store.placeholder})", (SCHEMA_VERSION,))
        cur.execute("INSERT INTO store_state (name, value) VALUES ('dirty', '0')")
    log.debug("created schema version %d in %s", SCHEMA_VERSION, store.label)
    return True


def _migrate(store: SQLStore, version: int) -> None:
    """Bring an older database up to SCHEMA_VERSION in one transaction, step by step."""
    with store.transaction() as cur:
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for table, column, sql_type in ADDED_COLUMNS.get(step, ()):
                if column not in store.column_names(table):
                    cur.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}")
            for stmt in MIGRATIONS.get(step, ()):
                cur.execute(stmt)
            if step in DIALECT_STEPS:
                getattr(store, DIALECT_STEPS[step])(cur)
            if step in FILLS:
                FILLS[step](store, cur)
            cur.execute(f"INSERT INTO schema_version (version) VALUES ({store.placeholder})", (step,))
    log.info("migrated %s from schema version %d to %d", store.label, version, SCHEMA_VERSION)
