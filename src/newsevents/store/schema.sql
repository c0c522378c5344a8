-- The newsevents store: one article and everything extracted from it.
--
-- Portable SQL: the same file creates the SQLite store and is meant to create the PostgreSQL
-- one (TEXT, INTEGER, DOUBLE PRECISION, BOOLEAN; no engine-specific types or pragmas; the
-- SQLite store sets its pragmas in code). Statements are separated by semicolons at line ends;
-- no semicolon appears inside a statement.
--
-- Offsets: every `*_start`/`*_end` pair is a character offset (Python string index, end
-- exclusive) into `articles.text`, so `substr(text, start + 1, end - start)` in SQL, or
-- `text[start:end]` in Python, returns the `*_text` beside it. Dates are ISO strings
-- (YYYY-MM-DD), so they sort and compare as text. JSON columns are TEXT holding JSON.
-- Child tables are keyed by (article_id, idx): `idx` is the item's position in its list in
-- the Extraction (events[idx], quantities[idx], ...), so quantities.event_idx points at
-- events.idx of the same article.

-- The schema version, one row; the store refuses a file written by a newer version and
-- migrates an older one.
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL PRIMARY KEY
);

-- One row per article, written once (idempotent by id) in the same transaction as its children.
CREATE TABLE IF NOT EXISTS articles (
    id          TEXT NOT NULL PRIMARY KEY,  -- stable id: hash of the normalised text
    title       TEXT,
    url         TEXT,
    source      TEXT,                       -- outlet or credit line ("TRTWorld and agencies")
    published   TEXT,                       -- publication date, YYYY-MM-DD
    language    TEXT,
    origin      TEXT,                       -- file path (and line for JSONL) it was read from
    text        TEXT NOT NULL,              -- the full text every offset points into
    title_start INTEGER,                    -- where the headline sits in `text`, if it does
    title_end   INTEGER,
    furniture   TEXT NOT NULL,              -- JSON list of {start, end, text}: spans never coded
    stored_at   TEXT NOT NULL               -- UTC time of the write, ISO 8601
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);

-- One row per coded event: who did what to whom, where and when, with the words behind it.
CREATE TABLE IF NOT EXISTS events (
    article_id         TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx                INTEGER NOT NULL,  -- position in Extraction.events
    source_text        TEXT,              -- the source actor as written
    source_name        TEXT,              -- its canonical name
    source_code        TEXT,              -- CAMEO-style country + sector code ("SYRGOV", "IGOUNO")
    source_country     TEXT,              -- ISO 3166 alpha-3, null for international actors
    source_sector      TEXT,              -- CAMEO role code (GOV, MIL, REB, OPP, ...)
    source_start       INTEGER,           -- where the source actor is named
    source_end         INTEGER,
    target_text        TEXT,
    target_name        TEXT,
    target_code        TEXT,
    target_country     TEXT,
    target_sector      TEXT,
    target_start       INTEGER,
    target_end         INTEGER,
    cameo              TEXT NOT NULL,     -- full CAMEO code ("190", "1122")
    cameo_root         TEXT NOT NULL,     -- its two-digit root ("19")
    plover             TEXT,              -- PLOVER event type (ASSAULT, ACCUSE, ...)
    plover_mode        TEXT,              -- PLOVER mode where it applies (air, ...)
    quad_class         INTEGER NOT NULL,  -- 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
    goldstein          DOUBLE PRECISION NOT NULL,  -- Goldstein score, -10 to +10
    date               TEXT,              -- when it happened, YYYY-MM-DD (start of the range)
    date_precision     TEXT,              -- day, week, month or year
    location_name      TEXT,
    location_lat       DOUBLE PRECISION,
    location_lon       DOUBLE PRECISION,
    location_country   TEXT,
    location_precision TEXT,              -- district, city, admin1 or country (country = fallback)
    location_start     INTEGER,           -- the toponym that placed the event, if one did
    location_end       INTEGER,
    negated            BOOLEAN NOT NULL,  -- "will not stop fighting"
    modality           TEXT NOT NULL,     -- asserted, hypothetical or reported
    attributed_to      TEXT,              -- name of whoever claims it, for reported events
    attributed_to_code TEXT,
    confidence         DOUBLE PRECISION NOT NULL,  -- 0 to 1
    trigger_start      INTEGER NOT NULL,  -- the verb or noun that was coded
    trigger_end        INTEGER NOT NULL,
    trigger_text       TEXT NOT NULL,
    evidence_start     INTEGER NOT NULL,  -- the sentence or clause that states the event
    evidence_end       INTEGER NOT NULL,
    evidence_text      TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS events_source_country ON events (source_country);
CREATE INDEX IF NOT EXISTS events_target_country ON events (target_country);
CREATE INDEX IF NOT EXISTS events_source_code ON events (source_code);
CREATE INDEX IF NOT EXISTS events_target_code ON events (target_code);
CREATE INDEX IF NOT EXISTS events_cameo_root ON events (cameo_root);
CREATE INDEX IF NOT EXISTS events_date ON events (date);

-- One row per actor mention recognised in the text (names, demonyms, sector nouns, pronouns),
-- resolved or not to an event; the offsets are the mention's.
CREATE TABLE IF NOT EXISTS actors (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,  -- position in Extraction.actors
    text           TEXT NOT NULL,     -- as written
    name           TEXT NOT NULL,     -- canonical name
    code           TEXT NOT NULL,     -- country + sector code
    country        TEXT,
    sector         TEXT,
    kind           TEXT NOT NULL,     -- how it was recognised: name, demonym, noun, pronoun, coref
    evidence_start INTEGER,
    evidence_end   INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS actors_code ON actors (code);
CREATE INDEX IF NOT EXISTS actors_country ON actors (country);

-- One row per casualty or displacement figure.
CREATE TABLE IF NOT EXISTS quantities (
    article_id         TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx                INTEGER NOT NULL,  -- position in Extraction.quantities
    kind               TEXT NOT NULL,     -- killed, injured, displaced, refugees, arrested, ...
    value              INTEGER,           -- the figure, null for a range without a point value
    low                INTEGER,           -- bounds, for ranges and "more than"/"fewer than"
    high               INTEGER,
    qualifier          TEXT NOT NULL,     -- exact, more_than, less_than, about, range
    status             TEXT NOT NULL,     -- reported, cumulative (running total) or projected
    unit               TEXT NOT NULL,     -- people, families, households, ...
    date               TEXT,              -- the date the figure refers to
    location_name      TEXT,
    location_lat       DOUBLE PRECISION,
    location_lon       DOUBLE PRECISION,
    location_country   TEXT,
    location_precision TEXT,
    event_idx          INTEGER,           -- events.idx of the same article, when linked
    evidence_start     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    evidence_text      TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS quantities_kind ON quantities (kind);

-- One row per quote, direct or reported.
CREATE TABLE IF NOT EXISTS quotes (
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,  -- position in Extraction.quotes
    speaker_text    TEXT,              -- the speaker as written (may be a pronoun)
    speaker_name    TEXT,              -- resolved speaker, null when unknown
    speaker_code    TEXT,
    speaker_country TEXT,
    speaker_sector  TEXT,
    text            TEXT NOT NULL,     -- the quoted words
    direct          BOOLEAN NOT NULL,  -- true inside quotation marks, false for indirect speech
    cue             TEXT,              -- the cue verb ("said", "told", "according to")
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS quotes_speaker_code ON quotes (speaker_code);

-- One row per resolved place, with every mention of it in the article.
CREATE TABLE IF NOT EXISTS locations (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,  -- position in Extraction.locations
    name           TEXT NOT NULL,
    lat            DOUBLE PRECISION,
    lon            DOUBLE PRECISION,
    country        TEXT,              -- ISO 3166 alpha-3
    feature        TEXT NOT NULL,     -- country, admin1, city, district or other
    admin1         TEXT,              -- first-level region name
    geonameid      INTEGER,
    mentions       TEXT NOT NULL,     -- JSON list of {start, end, text}, one per mention
    mention_count  INTEGER NOT NULL,  -- length of `mentions`
    evidence_start INTEGER,           -- the first mention
    evidence_end   INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX IF NOT EXISTS locations_country ON locations (country);

-- Derived tables: recomputed as a whole by `recluster()` from the tables above (never written
-- by `write`), so they can be dropped and rebuilt at any time. An event or article stored
-- after the last `recluster()` is in none of them until the next one.

-- One row per article that has a near-duplicate (syndicated copy, updated version) in the
-- store; articles with no copy have no row.
CREATE TABLE IF NOT EXISTS article_groups (
    article_id TEXT NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    group_id   TEXT NOT NULL,              -- id of the group's first-published article
    similarity DOUBLE PRECISION NOT NULL   -- highest word-shingle containment with another member, 0 to 1
);
CREATE INDEX IF NOT EXISTS article_groups_group ON article_groups (group_id);

-- One row per event cluster: one real-world event, however many reports describe it. Every
-- event belongs to exactly one cluster (often alone), so counting clusters counts events once.
CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id       TEXT NOT NULL PRIMARY KEY,  -- hash of the earliest report's (article_id, idx)
    cameo_root       TEXT NOT NULL,
    plover           TEXT,              -- the members' most common PLOVER type
    quad_class       INTEGER,
    source_code      TEXT,              -- the most specific source code among the members
    target_code      TEXT,
    country          TEXT,              -- ISO3 where it happened (place, else target/source country)
    location_name    TEXT,              -- the most precise place among the members
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    date_first       TEXT,              -- earliest and latest member date (event date, else published)
    date_last        TEXT,
    n_events         INTEGER NOT NULL,  -- member events
    n_articles       INTEGER NOT NULL,  -- distinct articles
    n_sources        INTEGER NOT NULL,  -- distinct outlets
    n_independent    INTEGER NOT NULL,  -- articles, each near-duplicate group counted once
    first_article_id TEXT NOT NULL,     -- the earliest report
    first_published  TEXT
);
CREATE INDEX IF NOT EXISTS event_clusters_date ON event_clusters (date_first);

-- Which cluster each event belongs to.
CREATE TABLE IF NOT EXISTS event_cluster_members (
    article_id TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    cluster_id TEXT NOT NULL,
    PRIMARY KEY (article_id, idx),
    FOREIGN KEY (article_id, idx) REFERENCES events (article_id, idx) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_cluster_members_cluster ON event_cluster_members (cluster_id);
