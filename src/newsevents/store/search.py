"""Text search (`q`) through an index, with the answers of a plain scan.

`q` has one meaning on every store: a case-insensitive literal substring, `%` and `_` included,
exactly `LOWER(column) LIKE LOWER('%q%') ESCAPE '\\'` (`browse.like_pattern`). Scanning every row
with that costs seconds at a million events, so each dialect keeps an index of the searched text
(`tables.TEXT_INDEXES`) and narrows the rows through it first:

- "fts5" (SQLite): an FTS5 table per indexed table with the trigram tokenizer, external content
  (the text is not stored twice), kept in step by triggers in the writing transaction, so a
  delete by hand (children cascade) or an update leaves no stale entry. A quoted phrase of 3 or
  more characters finds the rows whose case-folded text holds it; the folding is Unicode's,
  wider than SQLite's ASCII-only LOWER, so the phrase finds a superset and the same LIKE as the
  scan then keeps exactly the scan's rows. Under 3 characters a trigram index knows nothing,
  and the plain scan runs.
- "pg_trgm" (PostgreSQL): GIN trigram indexes on the very expressions the LIKE reads
  (`LOWER(column)`), which PostgreSQL uses for LIKE itself and rechecks, so the answer is the
  LIKE's by construction. Without the extension (a role that may not create it) the same SQL
  runs as a scan.
- "scan": the LIKE alone, over every row.

Events (evidence, or the article's title), articles (title or text), quotes and figures
(evidence) are searched this way: every `q` of the API.

A search over two tables (an event's evidence or its article's title) is written as the union
of the keys each index finds, so either index serves its half; an OR across a join would make
both engines read every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsevents.store.tables import BY_NAME

Search = Literal["scan", "fts5", "pg_trgm"]
TRIGRAM = 3  # the shortest text a trigram index can look up

Sql = tuple[str, list[object]]


@dataclass(frozen=True)
class TextIndex:
    """Text that `q` searches as a case-insensitive substring, indexed so a search reads only
    the rows that hold it: an FTS5 trigram table named `name` on SQLite, GIN trigram indexes
    named `<name>_<column>` on PostgreSQL (this module renders both). Not a stored table:
    no row, export or count shows it."""

    name: str
    table: str
    columns: tuple[str, ...]


# What `q` reads: an event's evidence (and its article's title), an article's title and text,
# the sentence that holds a quote or states a figure.
TEXT_INDEXES: dict[str, TextIndex] = {
    "events": TextIndex("events_search", "events", ("evidence_text",)),
    "articles": TextIndex("articles_search", "articles", ("title", "text")),
    "quotes": TextIndex("quotes_search", "quotes", ("evidence_text",)),
    "quantities": TextIndex("quantities_search", "quantities", ("evidence_text",)),
}


def indexed(search: Search, text: str) -> bool:
    """True when `text` is looked up in an index rather than scanned for."""
    return search != "scan" and len(text) >= TRIGRAM


def text_of(table: str, column: str, alias: str | None = None) -> str:
    """The searched expression of a column: a nullable one reads as '' when null. The query and
    PostgreSQL's index are written from this one function, since an expression index serves only
    the very expression it holds."""
    name = f"{alias}.{column}" if alias else column
    return name if BY_NAME[table].column(column).required else f"COALESCE({name}, '')"


def like(expr: str, ph: str) -> str:
    """The scan's test, the meaning of `q` on every store: `expr` holds the pattern, any case."""
    return f"LOWER({expr}) LIKE LOWER({ph}) ESCAPE '\\'"


def phrase(text: str) -> str:
    """`text` as one FTS5 phrase: every character literal, double quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def _found(search: Search, index: TextIndex, alias: str, columns: tuple[str, ...], text: str, ph: str
           ) -> tuple[str, list[object]]:  # fmt: skip
    """A condition on `alias` (a row of `index.table`) that keeps at least every row whose
    `columns` hold `text`: the FTS5 lookup, or nothing where the LIKE uses its own index."""
    if search != "fts5":
        return "", []
    wanted = phrase(text)
    if columns != index.columns:  # a column filter: {title} : "..."
        wanted = "{" + " ".join(columns) + "} : " + wanted
    return f"{alias}.rowid IN (SELECT rowid FROM {index.name} WHERE {index.name} MATCH {ph})", [wanted]


def event_match(search: Search, ph: str, text: str, pattern: str) -> Sql:
    """An event `e` (joined to its article `a`) whose evidence or article title holds `text`
    (`pattern` is its LIKE pattern)."""
    evidence, title = text_of("events", "evidence_text", "e"), text_of("articles", "title", "a")
    if not indexed(search, text):
        return f"({like(evidence, ph)} OR {like(title, ph)})", [pattern, pattern]
    events, articles = TEXT_INDEXES["events"], TEXT_INDEXES["articles"]
    ev, ev_params = _found(search, events, "x", ("evidence_text",), text, ph)
    ti, ti_params = _found(search, articles, "y", ("title",), text, ph)
    by_evidence = " AND ".join(filter(None, (ev, like(text_of("events", "evidence_text", "x"), ph))))
    by_title = " AND ".join(filter(None, (ti, like(text_of("articles", "title", "y"), ph))))
    # SQLite looks events up by rowid, the key its planner always drives a loop from.
    outer, keys = (
        ("e.rowid", "x.rowid") if search == "fts5" else ("(e.article_id, e.idx)", "x.article_id, x.idx")
    )
    sql = (
        f"{outer} IN (SELECT {keys} FROM events x WHERE {by_evidence}"
        f" UNION SELECT {keys} FROM articles y JOIN events x ON x.article_id = y.id WHERE {by_title})"
    )
    return sql, [*ev_params, pattern, *ti_params, pattern]


def article_match(search: Search, ph: str, text: str, pattern: str) -> Sql:
    """An article `a` whose title or text holds `text` (`pattern` is its LIKE pattern)."""
    title, body = text_of("articles", "title", "a"), text_of("articles", "text", "a")
    scan = f"({like(title, ph)} OR {like(body, ph)})"
    if not indexed(search, text):
        return scan, [pattern, pattern]
    found, params = _found(search, TEXT_INDEXES["articles"], "a", ("title", "text"), text, ph)
    return " AND ".join(filter(None, (found, scan))), [*params, pattern, pattern]


def item_match(search: Search, ph: str, table: str, text: str, pattern: str) -> Sql:
    """A quote or figure `t` (of `table`) whose evidence holds `text` (`pattern` is its LIKE
    pattern)."""
    scan = like(text_of(table, "evidence_text", "t"), ph)
    if not indexed(search, text):
        return scan, [pattern]
    found, params = _found(search, TEXT_INDEXES[table], "t", ("evidence_text",), text, ph)
    return " AND ".join(filter(None, (found, scan))), [*params, pattern]


# -- the indexes, per dialect -------------------------------------------------------------------


def fts5_ddl(index: TextIndex) -> list[str]:
    """The FTS5 table over `index` and the triggers that keep it in step with its table."""
    cols = ", ".join(index.columns)
    new = ", ".join(f"new.{c}" for c in index.columns)
    old = ", ".join(f"old.{c}" for c in index.columns)
    add = f"INSERT INTO {index.name} (rowid, {cols}) VALUES (new.rowid, {new});"
    drop = f"INSERT INTO {index.name} ({index.name}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {index.name} USING fts5({cols}, content='{index.table}',"
        " content_rowid='rowid', tokenize='trigram')",
        f"CREATE TRIGGER IF NOT EXISTS {index.name}_insert AFTER INSERT ON {index.table} BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS {index.name}_delete AFTER DELETE ON {index.table} BEGIN {drop} END",
        f"CREATE TRIGGER IF NOT EXISTS {index.name}_update AFTER UPDATE OF {cols} ON {index.table}"
        f" BEGIN {drop} {add} END",
    ]


def fts5_fill(index: TextIndex) -> list[str]:
    """Fill the FTS5 table from its table's rows (a store that had none), then merge what the
    rebuild wrote into one segment: left to automatic merging, that backlog would be merged a
    little at every later write, doubling the cost of writing an article for a long while."""
    return [
        f"INSERT INTO {index.name} ({index.name}) VALUES ('{command}')" for command in ("rebuild", "optimize")
    ]


def trigram_ddl(index: TextIndex, opclass: str) -> list[str]:
    """One GIN trigram index per column of `index`, on the expression the LIKE reads."""
    out = []
    for column in index.columns:
        expr = text_of(index.table, column)
        out.append(
            f"CREATE INDEX IF NOT EXISTS {index.name}_{column} ON {index.table}"
            f" USING gin (LOWER({expr}) {opclass})"
        )
    return out
