"""Every stored table and column, declared once: name, SQL type, whether it may be null, and what it holds.

The store's DDL (`schema.ddl`), the column lists the row builders and exports follow, the
Parquet schema of the Dask path and the REST API's response models are all generated from
these declarations, so a column added here appears everywhere at once and nowhere else needs
editing. Offsets (`*_start`/`*_end`) are character offsets into `articles.text` (Python string
indices, end exclusive); dates are ISO strings (YYYY-MM-DD), so they sort and compare as text.
"""

from __future__ import annotations

from newsevents.store.columns import Column, Table, _c

# What the browsing pages sort an undated cluster or article by: after every date, in any
# collation (digits sort after the dash and before letters everywhere), so one index on
# COALESCE(date, UNDATED) serves the "dated first, oldest first, undated last" order.
UNDATED = "9999-99-99"
# What the summary tables key an undated event or cluster by: before every date, and never NULL,
# since it is part of a primary key.
NO_DAY = ""

_ART = "articles (id) ON DELETE CASCADE"
_T, _I, _F, _B, _J = "TEXT", "INTEGER", "DOUBLE PRECISION", "BOOLEAN", "JSON"


def _child_key(position: str) -> tuple[Column, ...]:
    return (_c("article_id", _T, "the article it was extracted from", True, _ART),
            _c("idx", _I, f"position in {position}", True))  # fmt: skip


COUNTRY_SOURCE = (
    "where the country came from: text (its own words), place (where its event, sentence or "
    "paragraph happened) or article (the article's focus country)"
)


def _actor(prefix: str, what: str) -> tuple[Column, ...]:
    return (
        _c(f"{prefix}_text", _T, f"the {what} as written"),
        _c(f"{prefix}_name", _T, "its canonical name"),
        _c(f"{prefix}_code", _T, "CAMEO-style country + sector code (SYRGOV, IGOUNO)"),
        _c(f"{prefix}_country", _T, "ISO 3166 alpha-3, null for international actors"),
        _c(f"{prefix}_country_source", _T, COUNTRY_SOURCE),
        _c(f"{prefix}_sector", _T, "CAMEO role code (GOV, MIL, REB, OPP, ...)"),
        _c(f"{prefix}_start", _I, f"where the {what} is named"),
        _c(f"{prefix}_end", _I, "end of that mention"),
    )


def _place(what: str) -> tuple[Column, ...]:
    return (
        _c("location_name", _T, f"where the {what} happened"),
        _c("location_lat", _F, "latitude in degrees"),
        _c("location_lon", _F, "longitude in degrees"),
        _c("location_country", _T, "ISO 3166 alpha-3"),
        _c("location_precision", _T, "district, city, admin1 or country (country = fallback)"),
    )


def _span(prefix: str, what: str, required: bool = True, text: bool = True) -> tuple[Column, ...]:
    cols = (_c(f"{prefix}_start", _I, what, required), _c(f"{prefix}_end", _I, "end of that span", required))
    return cols + ((_c(f"{prefix}_text", _T, "the words of that span", required),) if text else ())


SCHEMA_VERSION_TABLE = Table(
    "schema_version", "The schema version; the store refuses a newer one and migrates an older one.",
    (_c("version", _I, "schema version number", True),), ("version",),
)  # fmt: skip

STORE_STATE = Table(
    "store_state", "Facts about the store as a whole, one row each; `dirty` is '1' while stored "
    "articles wait for clustering (a store migrated from an older schema, whose lookup keys are "
    "not filled yet) until a recluster commits; each write then clusters its article itself.",
    (_c("name", _T, "what the row says (dirty)", True), _c("value", _T, "its value, as text", True)),
    ("name",),
)  # fmt: skip

ARTICLES = Table(
    "articles", "One row per article, written once (idempotent by id) with all its children.",
    (
        _c("id", _T, "stable id: hash of the normalised text", True),
        _c("title", _T, "headline"),
        _c("url", _T, "where it was published"),
        _c("source", _T, 'outlet or credit line ("TRTWorld and agencies")'),
        _c("published", _T, "publication date, YYYY-MM-DD"),
        _c("published_source", _T, "where the publication date came from: metadata, dateline, url or text"),
        _c("language", _T, "language code"),
        _c("origin", _T, "file path (and line for JSONL) it was read from"),
        _c("text", _T, "the full text every offset points into", True),
        _c("title_start", _I, "where the headline sits in `text`, if it does"),
        _c("title_end", _I, "end of the headline"),
        _c("furniture", _J, "JSON list of {start, end, text}: spans never coded", True),
        _c("stored_at", _T, "UTC time of the write, ISO 8601", True),
        _c("given_id", _T, "the id the input gave (a JSON Lines `id`), kept as metadata; never the key"),
    ),
    ("id",),
    (("articles_published", "published"),
     ("articles_page", f"COALESCE(published, '{UNDATED}'), id"),  # the order of event pages
     ("articles_newest", f"COALESCE(published, '{NO_DAY}') DESC, id")),  # the article list's order
)  # fmt: skip

EVENTS = Table(
    "events", "One row per coded event: who did what to whom, where and when, with the words behind it.",
    (
        *_child_key("Extraction.events"),
        *_actor("source", "source actor"),
        *_actor("target", "target actor"),
        _c("cameo", _T, 'full CAMEO code ("190", "1122")', True),
        _c("cameo_root", _T, 'its two-digit root ("19")', True),
        _c("plover", _T, "PLOVER event type (ASSAULT, ACCUSE, ...)"),
        _c("plover_mode", _T, "PLOVER mode where it applies (air, ...)"),
        _c("quad_class", _I,
           "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict", True),
        _c("goldstein", _F, "Goldstein score, -10 to +10", True),
        _c("date", _T, "when it happened, YYYY-MM-DD (start of the range)"),
        _c("date_precision", _T, "day, week, month or year"),
        _c("date_source", _T,
           "where the date came from: text, speaker, published (a default), inferred or received"),
        *_place("event"),
        *_span("location", "the toponym that placed the event, if one did", False, False),
        _c("location_source", _T,
           "where the place came from: clause, sentence, paragraph, dateline or article"),
        _c("location_reason", _T,
           "why it has no place: no_place_in_article, statement_no_place, only_actor_places or "
           "no_focus_place (null when placed)"),
        _c("negated", _B, '"will not stop fighting"', True),
        _c("modality", _T, "asserted, hypothetical or reported", True),
        _c("attributed_to", _T, "name of whoever claims it, for reported events"),
        _c("attributed_to_code", _T, "that claimant's actor code"),
        _c("confidence", _F, "0 to 1", True),
        *_span("trigger", "the verb or noun that was coded"),
        *_span("evidence", "the sentence or clause that states the event"),
    ),
    ("article_id", "idx"),
    (*((f"events_{c}", c) for c in
       ("source_country", "target_country", "source_code", "target_code", "cameo_root", "date")),
     ("events_place", "location_lat, location_lon"),  # a box: a range of latitudes, then longitudes
     ("events_root_date", "cameo_root, date")),  # one root over some days: an export's range
)  # fmt: skip

ACTORS = Table(
    "actors", "One row per actor mention recognised in the text, resolved or not to an event.",
    (
        *_child_key("Extraction.actors"),
        _c("text", _T, "as written", True),
        _c("name", _T, "canonical name", True),
        _c("code", _T, "country + sector code", True),
        _c("country", _T, "ISO 3166 alpha-3"),
        _c("country_source", _T, COUNTRY_SOURCE),
        _c("sector", _T, "CAMEO role code"),
        _c("kind", _T, "how it was recognised: name, demonym, noun, pronoun, coref", True),
        *_span("evidence", "where the mention is", False, False),
    ),
    ("article_id", "idx"), (("actors_code", "code"), ("actors_country", "country")),
)  # fmt: skip

QUANTITIES = Table(
    "quantities", "One row per casualty or displacement figure.",
    (
        *_child_key("Extraction.quantities"),
        _c("kind", _T, "killed, injured, displaced, refugees, arrested, homes_destroyed, ...", True),
        _c("value", _I, "the figure, null for a range without a point value"),
        _c("low", _I, 'lower bound: the low end of a range, the N of "at least N" or "more than N"'),
        _c("high", _I, 'upper bound: the high end of a range, the N of "up to", "nearly" or "fewer than N"'),
        _c("qualifier", _T, "exact, more_than, less_than, about, range", True),
        _c("status", _T, "reported, cumulative (running total) or projected", True),
        _c("unit", _T, "people, families, households, homes", True),
        _c("date", _T, "the date the figure refers to"),
        *_place("figure"),
        _c("event_idx", _I, "events.idx of the event whose clause states it; null for a running total"),
        *_span("evidence", "the words that state the figure"),
    ),
    ("article_id", "idx"), (("quantities_kind", "kind"),),
)  # fmt: skip

QUOTES = Table(
    "quotes", "One row per quote, direct or reported.",
    (
        *_child_key("Extraction.quotes"),
        _c("speaker_text", _T, "the speaker as written (may be a pronoun)"),
        _c("speaker_name", _T, "resolved speaker, null when unknown"),
        _c("speaker_code", _T, "the speaker's actor code"),
        _c("speaker_country", _T, "ISO 3166 alpha-3"),
        _c("speaker_country_source", _T, COUNTRY_SOURCE),
        _c("speaker_sector", _T, "CAMEO role code"),
        _c("text", _T, "the quoted words", True),
        _c("direct", _B, "true inside quotation marks, false for indirect speech", True),
        _c("cue", _T, 'the cue verb ("said", "told", "according to")'),
        *_span("evidence", "the sentence that holds the quote"),
    ),
    ("article_id", "idx"), (("quotes_speaker_code", "speaker_code"),),
)  # fmt: skip

LOCATIONS = Table(
    "locations", "One row per resolved place, with every mention of it in the article.",
    (
        *_child_key("Extraction.locations"),
        _c("name", _T, "place name", True),
        _c("lat", _F, "latitude in degrees"),
        _c("lon", _F, "longitude in degrees"),
        _c("country", _T, "ISO 3166 alpha-3"),
        _c("feature", _T, "country, admin1, city, district or other", True),
        _c("admin1", _T, "first-level region name"),
        _c("geonameid", _I, "GeoNames id"),
        _c("kind", _T, "name, demonym (\"Syrian\") or organisation (\"EU\"); null before schema 12"),
        _c("mentions", _J, "JSON list of {start, end, text}, one per mention", True),
        _c("mention_count", _I, "length of `mentions`", True),
        *_span("evidence", "the first mention", False, False),
    ),
    ("article_id", "idx"), (("locations_country", "country"),),
)  # fmt: skip

ARTICLE_GROUPS = Table(
    "article_groups", "One row per article that has a near-duplicate (syndicated copy, updated version).",
    (
        _c("article_id", _T, "the article", True, _ART),
        _c("group_id", _T, "id of the group's first-published article", True),
        _c("similarity", _F, "highest word-shingle containment with another member, 0 to 1", True),
    ),
    ("article_id",), (("article_groups_group", "group_id"),), derived=True,
)  # fmt: skip

EVENT_CLUSTERS = Table(
    "event_clusters", "One row per event cluster: one real-world event, however many reports describe it.",
    (
        _c("cluster_id", _T, "hash of the earliest report's (article_id, idx)", True),
        _c("cameo_root", _T, "the members' CAMEO root", True),
        _c("plover", _T, "the members' most common PLOVER type"),
        _c("quad_class", _I, "the members' quad class"),
        _c("source_code", _T, "the most specific source code among the members"),
        _c("target_code", _T, "the most specific target code among the members"),
        _c("country", _T, "ISO3 where it happened (place, else target/source country)"),
        _c("location_name", _T, "the most precise place among the members"),
        _c("lat", _F, "its latitude"),
        _c("lon", _F, "its longitude"),
        _c("date_first", _T, "earliest member date (event date, else published)"),
        _c("date_last", _T, "latest member date"),
        _c("n_events", _I, "member events", True),
        _c("n_articles", _I, "distinct articles", True),
        _c("n_sources", _I, "distinct outlets", True),
        _c("n_independent", _I, "articles, each near-duplicate group counted once", True),
        _c("first_article_id", _T, "the earliest report", True),
        _c("first_published", _T, "its publication date"),
    ),
    ("cluster_id",),
    (("event_clusters_date", "date_first"),
     ("event_clusters_page", f"COALESCE(date_first, '{UNDATED}'), cluster_id")),  # the order of cluster pages
    derived=True,
)  # fmt: skip

EVENT_CLUSTER_MEMBERS = Table(
    "event_cluster_members", "Which cluster each event belongs to.",
    (_c("article_id", _T, "the event's article", True), _c("idx", _I, "the event's idx", True),
     _c("cluster_id", _T, "its cluster", True)),
    ("article_id", "idx"), (("event_cluster_members_cluster", "cluster_id"),),
    foreign_key="(article_id, idx) REFERENCES events (article_id, idx) ON DELETE CASCADE", derived=True,
)  # fmt: skip

# What a new article needs to join groups and clusters without a pass over the store: each
# article's shingle count and MinHash band keys (candidates are articles sharing keys), and each
# event's block (candidates are events of one root and country within a day).
ARTICLE_SKETCHES = Table(
    "article_sketches", "One row per stored article: the size of its word-shingle set, which turns "
    "shared band keys into an estimate of containment, and the set itself, which a new article is "
    "compared with exactly.",
    (_c("article_id", _T, "the article", True, _ART), _c("shingles", _I, "distinct word 3-shingles", True),
     _c("hashes", _T, "the shingles' 32-bit hashes, sorted, little-endian, in base64")),
    ("article_id",), derived=True,
)  # fmt: skip

ARTICLE_BAND_KEYS = Table(
    "article_band_keys", "An article's MinHash signature, one row per band: articles that share two "
    "keys or more are compared as possible copies.",
    (_c("band", _I, "the MinHash permutation, 0 to 63", True), _c("band_key", _I, "its minimum", True),
     _c("article_id", _T, "the article", True, _ART)),
    ("band", "band_key", "article_id"), derived=True,
)  # fmt: skip

EVENT_KEYS = Table(
    "event_keys", "One row per event that can join a cluster of other reports (it has a country and "
    "a day): the block it is looked up by.",
    (_c("article_id", _T, "the event's article", True), _c("idx", _I, "the event's idx", True),
     _c("cameo_root", _T, "its CAMEO root", True),
     _c("country", _T, "where it happened (place, else target/source country)", True),
     _c("day", _I, "its date, else the article's, as a proleptic Gregorian ordinal", True)),
    ("article_id", "idx"), (("event_keys_block", "cameo_root, country, day"),),
    foreign_key="(article_id, idx) REFERENCES events (article_id, idx) ON DELETE CASCADE", derived=True,
)  # fmt: skip

# Counts kept beside the rows, so that totals, timelines and stats read a few summary rows
# instead of every matching event (`tallies.py`). `level` 0 counts every event, 1 only the
# asserted ones (what the API counts by default); `country` is '*' for all events, else one
# actor's country (an event counts once under each distinct country of its two actors).
_LEVEL = _c("level", _I, "0: every event; 1: asserted events only (not negated, modality asserted)", True)
_COUNTRY = _c("country", _T, "'*' (every event), or an ISO3 country of the source or the target actor", True)
_DAY = "COALESCE(date, the article's published), '' when neither"


def _cluster_counts(dimension: Column, members: str) -> tuple[Column, ...]:
    """The columns of a clusters' tally by `dimension` (a CAMEO root, a PLOVER type): a cluster is
    counted on its first day, with the span of `members` that the tally's filters can reach."""
    return (_LEVEL, _COUNTRY, dimension, _c("day", _T, "the cluster's date_first, '' when undated", True),
            _c("first_day", _T, f"earliest day of {members} ({_DAY}), '' when none has one", True),
            _c("last_day", _T, f"latest day of {members}, '' when none has one", True),
            _c("n", _I, "clusters", True))  # fmt: skip

def _counts_index(table: str, key: tuple[str, ...]) -> tuple[str, str]:
    """An index of a tally's key and its count: a total or a timeline then reads the index alone.
    The key's own index leads to each row's count in the table, one page read a row, and a
    whole-store timeline reads some ten thousand rows scattered over the table."""
    return f"{table}_counts", f"{', '.join(key)}, n"


_EVENT_KEY = ("level", "country", "cameo_root", "day")
_CLUSTER_KEY = ("level", "country", "cameo_root", "day", "first_day", "last_day")
_PLOVER_KEY = ("level", "country", "plover", "day")
_CLUSTER_PLOVER_KEY = ("level", "country", "plover", "day", "first_day", "last_day")

EVENT_TALLIES = Table(
    "event_tallies", "Events counted per day, CAMEO root, actor country and level: the totals and "
    "timelines of the mentions view without reading the events.",
    (_LEVEL, _COUNTRY, _c("cameo_root", _T, "the CAMEO root", True),
     _c("day", _T, f"the event's day: {_DAY}", True), _c("n", _I, "events", True)),
    _EVENT_KEY, (("event_tallies_day", "level, country, day"), _counts_index("event_tallies", _EVENT_KEY)),
    summary=True,
)  # fmt: skip

CLUSTER_TALLIES = Table(
    "cluster_tallies", "Event clusters counted per first day, CAMEO root, actor country, level and the "
    "span of the members that have that country and level: the totals and timelines of the "
    "clusters view (a cluster is found when one of its members matches).",
    _cluster_counts(_c("cameo_root", _T, "the cluster's CAMEO root", True), "the counted members"),
    _CLUSTER_KEY,
    (("cluster_tallies_day", "level, country, day"), _counts_index("cluster_tallies", _CLUSTER_KEY)),
    summary=True,
)  # fmt: skip

CLUSTER_PLOVER_TALLIES = Table(
    "cluster_plover_tallies", "Event clusters counted as `cluster_tallies` counts them, with a PLOVER "
    "type of their members in the root's place (a cluster whose members have two types counts under "
    "each): the totals and timelines of the clusters view filtered by a type.",
    _cluster_counts(_c("plover", _T, "a PLOVER type of the cluster's counted members", True),
                    "the counted members of that type"),
    _CLUSTER_PLOVER_KEY, (_counts_index("cluster_plover_tallies", _CLUSTER_PLOVER_KEY),), summary=True,
)  # fmt: skip

PLOVER_TALLIES = Table(
    "plover_tallies", "Events counted per day, PLOVER type, actor country and level: the totals and "
    "timelines of the mentions view filtered by a PLOVER type (events without one are not counted).",
    (_LEVEL, _COUNTRY, _c("plover", _T, "the event's PLOVER type", True),
     _c("day", _T, f"the event's day: {_DAY}", True), _c("n", _I, "events", True)),
    _PLOVER_KEY, (_counts_index("plover_tallies", _PLOVER_KEY),), summary=True,
)  # fmt: skip

FACET_TALLIES = Table(
    "facet_tallies", "The store's overview, counted: rows per table (facet `rows`, level 0), and events "
    "per quad class, PLOVER type, CAMEO root and actor country (each actor's country once: an event "
    "between two Syrian actors counts twice under SYR, as the stats route always did).",
    (_LEVEL, _c("facet", _T, "rows, quad_class, plover, cameo_root or country", True),
     _c("value", _T, "the table, class, type, root or country counted", True),
     _c("n", _I, "the count", True)),
    ("level", "facet", "value"), summary=True,
)  # fmt: skip

# Creation order: a table comes after every table it refers to.
TABLES: tuple[Table, ...] = (
    SCHEMA_VERSION_TABLE, STORE_STATE, ARTICLES, EVENTS, ACTORS, QUANTITIES, QUOTES, LOCATIONS,
    ARTICLE_GROUPS, EVENT_CLUSTERS, EVENT_CLUSTER_MEMBERS, ARTICLE_SKETCHES, ARTICLE_BAND_KEYS, EVENT_KEYS,
    EVENT_TALLIES, CLUSTER_TALLIES, FACET_TALLIES, PLOVER_TALLIES, CLUSTER_PLOVER_TALLIES,
)  # fmt: skip
BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}


# What `write` stores from an Extraction, and what `recluster()` derives from it.
# The bookkeeping tables (schema_version, store_state) are neither: no export or count shows them.
BOOKKEEPING = frozenset({SCHEMA_VERSION_TABLE.name, STORE_STATE.name})
COLUMNS: dict[str, tuple[str, ...]] = {
    t.name: t.names for t in TABLES if not t.derived and not t.summary and t.name not in BOOKKEEPING
}
SUMMARY_COLUMNS: dict[str, tuple[str, ...]] = {t.name: t.names for t in TABLES if t.summary}
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {t.name: t.names for t in TABLES if t.derived}

# Columns whose stored value needs decoding on the way out: SQLite keeps booleans as 0/1 and
# every engine here keeps JSON as text.
BOOLEAN_COLUMNS = frozenset(c.name for t in TABLES for c in t.columns if c.type == _B)
JSON_COLUMNS = frozenset(c.name for t in TABLES for c in t.columns if c.type == _J)
