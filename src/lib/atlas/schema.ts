/**
 * DDL of the parts the site serves (see parts.ts). Derived from the complete database by
 * derive.ts; read in the browser by the engine. Integer codes everywhere a value repeats per item
 * (places, categories, department kinds, and list and role as in codes.ts), and only the indexes
 * the queries use, so a region's quarter-million items stay a few megabytes.
 *
 * Table names are unique across parts: the engine attaches the network, heatmap and facts parts
 * beside the summary, and queries name tables without a schema prefix.
 */

/** The first-paint part: dimensions, the item cube, and the (empty) tables county text is copied into. */
export const SUMMARY_SQL = /* sql */ `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Every other file derived for this build, so the engine knows what exists and what it costs.
CREATE TABLE files (path TEXT PRIMARY KEY, part TEXT NOT NULL, bytes INTEGER NOT NULL);

-- Prefectures, counties and townships as one tree. key is what the URL carries: the official code
-- where the place is known, else the township's id or a key built from the names.
CREATE TABLE places (
  id        INTEGER PRIMARY KEY,
  key       TEXT NOT NULL UNIQUE,
  level     TEXT NOT NULL CHECK (level IN ('prefecture','county','township')),
  parent    INTEGER REFERENCES places,
  name      TEXT NOT NULL,
  code      TEXT,
  townships INTEGER NOT NULL,          -- townships under it (1 for a township)
  ord       INTEGER NOT NULL           -- display order: by code, else by name
);
CREATE INDEX places_by_parent ON places (parent, ord);

CREATE TABLE townships (
  place           INTEGER PRIMARY KEY REFERENCES places,
  id              TEXT NOT NULL UNIQUE,  -- the complete database's townships.id
  county          INTEGER NOT NULL REFERENCES places,
  prefecture      INTEGER NOT NULL REFERENCES places,
  name            TEXT NOT NULL,
  county_name     TEXT NOT NULL,
  prefecture_name TEXT NOT NULL,
  published       TEXT,
  source_file     TEXT NOT NULL,
  items           INTEGER NOT NULL
);
CREATE INDEX townships_by_county ON townships (county);

CREATE TABLE categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, items INTEGER NOT NULL);
CREATE TABLE kinds (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, items INTEGER NOT NULL);
CREATE TABLE departments (
  id    INTEGER PRIMARY KEY,             -- the complete database's departments.id
  name  TEXT NOT NULL UNIQUE,
  kind  INTEGER NOT NULL REFERENCES kinds,
  level TEXT NOT NULL
);
CREATE INDEX departments_by_kind ON departments (kind);

-- One name per duty group: its most common wording (ties: the first item's).
CREATE TABLE duty_groups (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  category  INTEGER NOT NULL REFERENCES categories,
  items     INTEGER NOT NULL,
  townships INTEGER NOT NULL
);

-- Items per township, list and category with the steps they name: sums over it are exact.
CREATE TABLE cube_items (
  township         INTEGER NOT NULL,
  county           INTEGER NOT NULL,
  prefecture       INTEGER NOT NULL,
  list             INTEGER NOT NULL,
  category         INTEGER NOT NULL,
  items            INTEGER NOT NULL,
  township_steps   INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,
  PRIMARY KEY (township, list, category)
) WITHOUT ROWID;

-- The same summed per county: what a view aggregating counties or prefectures reads (a tenth of the rows).
CREATE TABLE cube_items_county (
  county           INTEGER NOT NULL,
  prefecture       INTEGER NOT NULL,
  list             INTEGER NOT NULL,
  category         INTEGER NOT NULL,
  items            INTEGER NOT NULL,
  township_steps   INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,
  PRIMARY KEY (county, list, category)
) WITHOUT ROWID;

-- Per township with items: its items per list and the township steps of its 配合 items. The overview's
-- per-township figures without a category or department-kind filter: summed from cube_items with a
-- CASE per list, a region's 56,000 rows took longer than any other query before the first chart.
CREATE TABLE township_lists (
  township       INTEGER PRIMARY KEY,
  basic          INTEGER NOT NULL,
  coop           INTEGER NOT NULL,
  reclaimed      INTEGER NOT NULL,
  township_steps INTEGER NOT NULL
);

-- Distinct departments (kinds, and as written) named by the items of each place, 0 for every place:
-- the 涉及部门 figure of the first paint, read without the network part when no filter but a scope applies.
CREATE TABLE place_departments (
  place            INTEGER PRIMARY KEY,
  department_kinds INTEGER NOT NULL,
  departments      INTEGER NOT NULL
);

-- Filled from text parts as counties are shown; text_loaded says which are in.
CREATE TABLE text_loaded (county INTEGER PRIMARY KEY);
CREATE TABLE item_text (
  item        INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE TABLE step_text (
  item       INTEGER NOT NULL,
  party      TEXT NOT NULL CHECK (party IN ('department','township')),
  department INTEGER,
  ord        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  heading    TEXT
);
CREATE INDEX step_text_by_item ON step_text (item, party, ord);
`;

/**
 * 部门网络: who leads or receives how many duties where. duties counts distinct items; township_steps
 * are the township's steps in them, department_steps the steps the department (or the kind's
 * departments) carries in them: those its cell names it for, and those naming no department.
 */
export const NETWORK_SQL = /* sql */ `
CREATE TABLE cube_kinds (
  township       INTEGER NOT NULL,
  county         INTEGER NOT NULL,
  prefecture     INTEGER NOT NULL,
  role           INTEGER NOT NULL,
  category       INTEGER NOT NULL,
  kind           INTEGER NOT NULL,
  duties         INTEGER NOT NULL,
  township_steps INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,
  PRIMARY KEY (township, role, category, kind)
) WITHOUT ROWID;

CREATE TABLE cube_departments (
  township       INTEGER NOT NULL,
  county         INTEGER NOT NULL,
  prefecture     INTEGER NOT NULL,
  role           INTEGER NOT NULL,
  category       INTEGER NOT NULL,
  department     INTEGER NOT NULL,
  duties         INTEGER NOT NULL,
  township_steps INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,
  PRIMARY KEY (township, role, category, department)
) WITHOUT ROWID;

-- Summed over categories, for the network's queries when no category filter applies (the usual
-- case): a region's GROUP BY over the cubes above sorts 10^4–10^5 rows in wasm, 100–200 ms. Keyed
-- by (role, kind, township), the townships a kind reaches are a streamed count(*) per kind.
CREATE TABLE net_kinds_township (
  role           INTEGER NOT NULL,
  kind           INTEGER NOT NULL,
  township       INTEGER NOT NULL,
  county         INTEGER NOT NULL,
  prefecture     INTEGER NOT NULL,
  duties         INTEGER NOT NULL,
  township_steps INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,
  PRIMARY KEY (role, kind, township)
) WITHOUT ROWID;

CREATE TABLE net_departments_county (
  role           INTEGER NOT NULL,
  department     INTEGER NOT NULL,
  county         INTEGER NOT NULL,
  prefecture     INTEGER NOT NULL,
  duties         INTEGER NOT NULL,
  township_steps INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,
  PRIMARY KEY (role, department, county)
) WITHOUT ROWID;

-- A kind's duty groups per county, for the kind's panel past a county without a township or category
-- filter: of the items a kind leads (配合) or received (收回), the townships listing each group, the
-- township steps in them and the first item. Summing counties gives a region's or a prefecture's:
-- the same answer the facts give (a department-kind's DISTINCT items joined to fact_items, grouped),
-- which at a region's size read tens of thousands of facts and took 100 ms or more.
CREATE TABLE net_kind_groups_county (
  kind           INTEGER NOT NULL,
  role           INTEGER NOT NULL,
  duty_group     INTEGER NOT NULL,
  county         INTEGER NOT NULL,
  prefecture     INTEGER NOT NULL,
  townships      INTEGER NOT NULL,
  township_steps INTEGER NOT NULL,
  item           INTEGER NOT NULL,
  PRIMARY KEY (kind, role, duty_group, county)
) WITHOUT ROWID;
`;

/**
 * The department cubes summed per county, and the departments named per kind and place: what a
 * department-kind filter, the receiving kinds, the 涉及部门 figure and 部门网络's edges under a
 * category filter read above a county, with no township filter. Apart from the network part because they are a fifth of its bytes (0.5 of 2.9 MB
 * gzipped at 1,100 townships): a kind filter at a region's or a prefecture's level waits for them
 * alone. 事项类别's first kind filter at 1,100 townships took 144-153 ms waiting for the whole
 * network part, 61-88 ms for these (A/B, one machine); on a slow intranet it is seconds.
 */
export const ROLLUPS_SQL = /* sql */ `
-- The network cubes summed per county, for views aggregating counties or prefectures.
CREATE TABLE cube_kinds_county (
  county         INTEGER NOT NULL,
  prefecture     INTEGER NOT NULL,
  role           INTEGER NOT NULL,
  category       INTEGER NOT NULL,
  kind           INTEGER NOT NULL,
  duties         INTEGER NOT NULL,
  township_steps INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,
  PRIMARY KEY (county, role, category, kind)
) WITHOUT ROWID;

CREATE TABLE cube_departments_county (
  county         INTEGER NOT NULL,
  prefecture     INTEGER NOT NULL,
  role           INTEGER NOT NULL,
  category       INTEGER NOT NULL,
  department     INTEGER NOT NULL,
  duties         INTEGER NOT NULL,
  township_steps INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,
  PRIMARY KEY (county, role, category, department)
) WITHOUT ROWID;

-- Distinct department kinds and departments (as written) named by the items that name a kind, per
-- place (township, county, prefecture; 0 for all): the 涉及部门 figure under a department-kind filter
-- and no other filter but the scope, which the facts answered in 25 ms at a region's size.
CREATE TABLE net_kind_place_departments (
  kind             INTEGER NOT NULL,
  place            INTEGER NOT NULL,
  department_kinds INTEGER NOT NULL,
  departments      INTEGER NOT NULL,
  PRIMARY KEY (kind, place)
) WITHOUT ROWID;
`;

/** 收回事项热力图: how each township holds a duty that at least one township had reclaimed. */
export const HEATMAP_SQL = /* sql */ `
CREATE TABLE heat_groups (
  duty_group   INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,            -- the most common wording among its reclaimed items
  category     INTEGER NOT NULL,         -- the most common category among its reclaimed items
  receivers    TEXT NOT NULL,            -- receiving department kinds, '、'-joined, sorted
  reclaimed_in INTEGER NOT NULL          -- townships that reclaimed it
);
-- A group qualifies under the category and department-kind filters through one of its reclaimed
-- items: one row per (reclaimed item's category, one of its receiving kinds or NULL).
CREATE TABLE heat_reasons (
  duty_group INTEGER NOT NULL,
  category   INTEGER NOT NULL,
  kind       INTEGER
);
CREATE INDEX heat_reasons_by_group ON heat_reasons (duty_group);
-- One cell per township and group it lists: reclaimed wins over coop over basic (status is a list code).
CREATE TABLE heat_cells (
  township   INTEGER NOT NULL,
  duty_group INTEGER NOT NULL,
  county     INTEGER NOT NULL,
  prefecture INTEGER NOT NULL,
  status     INTEGER NOT NULL,
  item       INTEGER NOT NULL,           -- the item a click opens
  items      INTEGER NOT NULL,           -- items the township lists in the group (a duty may be listed twice)
  PRIMARY KEY (township, duty_group)
) WITHOUT ROWID;
-- The same per county: how many of its townships hold the duty in each way.
CREATE TABLE heat_counties (
  county     INTEGER NOT NULL,
  duty_group INTEGER NOT NULL,
  prefecture INTEGER NOT NULL,
  reclaimed  INTEGER NOT NULL,
  coop       INTEGER NOT NULL,
  basic      INTEGER NOT NULL,
  PRIMARY KEY (county, duty_group)
) WITHOUT ROWID;
`;

/**
 * Every item without its text. Township place ids follow the display order (prefecture, county,
 * township), so (township, list, seq) is the order the explorer lists items in.
 */
export const FACTS_SQL = /* sql */ `
CREATE TABLE fact_items (
  id               INTEGER PRIMARY KEY,  -- the complete database's items.id
  township         INTEGER NOT NULL,
  county           INTEGER NOT NULL,
  prefecture       INTEGER NOT NULL,
  list             INTEGER NOT NULL,
  seq              INTEGER NOT NULL,
  category         INTEGER NOT NULL,
  duty_group       INTEGER NOT NULL,
  township_steps   INTEGER NOT NULL,
  department_steps INTEGER NOT NULL
);
CREATE INDEX fact_items_in_order ON fact_items (township, list, seq);
CREATE INDEX fact_items_by_group ON fact_items (duty_group);

CREATE TABLE fact_departments (
  item       INTEGER NOT NULL,
  department INTEGER NOT NULL,
  kind       INTEGER NOT NULL,
  role       INTEGER NOT NULL,
  department_steps INTEGER NOT NULL,     -- steps the department carries in the item (named for it, or naming no department)
  PRIMARY KEY (item, department, role)
) WITHOUT ROWID;
CREATE INDEX fact_departments_by_kind ON fact_departments (kind);
CREATE INDEX fact_departments_by_department ON fact_departments (department);
`;

/**
 * One county's item names; copied into the summary's item_text when shown. Its townships name their
 * duties alike (at 1,100 townships a large county's 8,600 items hold 1,900 distinct names): each name
 * is stored once in item_words, as step_words does for steps below.
 */
export const TEXT_NAMES_SQL = /* sql */ `
CREATE TABLE item_words (
  id   INTEGER PRIMARY KEY,
  text TEXT NOT NULL
);
CREATE TABLE item_text (
  item        INTEGER PRIMARY KEY,
  word        INTEGER NOT NULL,  -- item_words: the item's name
  source_line INTEGER NOT NULL
);
`;

/**
 * A names file's rows as the summary's item_text holds them, read where the engine attaches the file
 * (as county_text): `INSERT INTO main.item_text` this `WHERE x.item IN (...)`.
 */
export const COUNTY_NAME_ROWS = /* sql */ `
  SELECT x.item, w.text AS name, x.source_line
  FROM county_text.item_text x
  JOIN county_text.item_words w ON w.id = x.word`;

/**
 * The same county's steps; copied into the summary's step_text when read (all, or some items'). A
 * county's townships word their steps alike (at 1,100 townships a large county's 24,000 steps hold
 * 4,000 distinct texts), and gzip's 32 KB window sees few of the repeats in a 3.4 MB file: each
 * text (and sub-heading) is stored once in step_words, and a step names it. That took the largest
 * county's file from 1.4 MB to 0.4 MB gzipped, and a search waits for it.
 */
export const TEXT_STEPS_SQL = /* sql */ `
CREATE TABLE step_words (
  id   INTEGER PRIMARY KEY,
  text TEXT NOT NULL
);
CREATE TABLE step_text (
  item       INTEGER NOT NULL,
  party      TEXT NOT NULL,
  department INTEGER,
  ord        INTEGER NOT NULL,
  word       INTEGER NOT NULL,  -- step_words: the step's text
  heading    INTEGER            -- step_words: the cell's sub-heading, if any
);
-- A screen of search results copies its rows' steps alone (a steps need): found through this in
-- under a millisecond, where reading a region's county (25,000 steps) for them took 9-14 ms.
CREATE INDEX step_text_by_item ON step_text (item);
`;

/**
 * A steps file's rows as the summary's step_text holds them, text spelt out, read where the engine
 * attaches the file (as county_text): `INSERT INTO main.step_text` this `WHERE s.item IN (...)`.
 */
export const COUNTY_STEP_ROWS = /* sql */ `
  SELECT s.item, s.party, s.department, s.ord, w.text, h.text AS heading
  FROM county_text.step_text s
  JOIN county_text.step_words w ON w.id = s.word
  LEFT JOIN county_text.step_words h ON h.id = s.heading`;

/**
 * 匹配审核: the review queue of duty grouping (the complete database's duty_group_candidates), with
 * each queued item's name, so the queue reads without any county's text part.
 */
export const REVIEW_SQL = /* sql */ `
CREATE TABLE review_items (
  item INTEGER PRIMARY KEY,              -- the complete database's items.id
  name TEXT NOT NULL,
  best REAL NOT NULL                     -- the score of its best candidate: the queue's order
);
CREATE TABLE review_candidates (
  item       INTEGER NOT NULL,
  rank       INTEGER NOT NULL,           -- 1 = the best candidate
  duty_group INTEGER NOT NULL,           -- the candidate group (duty_groups.id)
  score      REAL NOT NULL,
  wording    REAL NOT NULL,
  evidence   TEXT NOT NULL,              -- JSON of ContextEvidence (src/lib/model/duty-context.ts)
  PRIMARY KEY (item, rank)
) WITHOUT ROWID;
`;

/**
 * 口径差异: how the townships of each county hold each duty group. Townships lie in one county, so
 * sums over counties of these distinct-township counts are exact for any scope; a township filter
 * reads the facts instead (src/lib/queries/variance.ts).
 */
export const VARIANCE_SQL = /* sql */ `
CREATE TABLE var_spread (
  duty_group     INTEGER NOT NULL,
  county         INTEGER NOT NULL,
  prefecture     INTEGER NOT NULL,
  townships      INTEGER NOT NULL,       -- townships listing it
  lead_named     INTEGER NOT NULL,       -- townships whose coop items of it name a lead department
  receiver_named INTEGER NOT NULL,       -- townships whose reclaimed items of it name a receiving department
  PRIMARY KEY (duty_group, county)
) WITHOUT ROWID;
CREATE TABLE var_holdings (
  duty_group INTEGER NOT NULL,
  county     INTEGER NOT NULL,
  prefecture INTEGER NOT NULL,
  list       INTEGER NOT NULL,
  category   INTEGER NOT NULL,
  townships  INTEGER NOT NULL,
  -- Keyed in the order the view sums them (per group, list and category, over counties): the sum
  -- streams instead of sorting the rows (a region's list filter: 14-21 ms before, 9-16 in Node).
  PRIMARY KEY (duty_group, list, category, county)
) WITHOUT ROWID;
CREATE TABLE var_kinds (
  duty_group INTEGER NOT NULL,
  county     INTEGER NOT NULL,
  prefecture INTEGER NOT NULL,
  role       INTEGER NOT NULL,           -- 0 lead (of coop items), 1 receiver (of reclaimed items)
  kind       INTEGER NOT NULL,
  townships  INTEGER NOT NULL,
  -- In the order the view sums them, as var_holdings (18-28 ms before, 9-15 in Node).
  PRIMARY KEY (duty_group, role, kind, county)
) WITHOUT ROWID;
`;

/**
 * 数据核对 (src/lib/audit/find-findings.ts): stated against parsed counts per township and list, and
 * every finding with the item it opens, its file's line and its wording — so the view needs neither
 * the facts nor the text parts. The weak matches' townships filter them by scope.
 */
export const AUDIT_SQL = /* sql */ `
CREATE TABLE audit_counts (
  township          INTEGER NOT NULL,
  county            INTEGER NOT NULL,
  prefecture        INTEGER NOT NULL,
  list              INTEGER NOT NULL,
  parsed            INTEGER NOT NULL,    -- items in the database
  stated            INTEGER,             -- the 说明's total for the list; NULL where it states none
  categories_stated INTEGER NOT NULL,    -- categories the 说明 gives a count for
  categories_off    INTEGER NOT NULL,    -- categories whose count differs (stated or listed)
  PRIMARY KEY (township, list)
) WITHOUT ROWID;
CREATE TABLE audit_findings (
  id               INTEGER PRIMARY KEY,  -- display order: kind, place, list, 序号
  kind             INTEGER NOT NULL,     -- src/lib/audit/kinds.ts AUDIT_KINDS
  township         INTEGER NOT NULL,
  county           INTEGER NOT NULL,
  prefecture       INTEGER NOT NULL,
  item             INTEGER NOT NULL,     -- the item it opens
  list             INTEGER NOT NULL,
  seq              INTEGER NOT NULL,
  source_line      INTEGER NOT NULL,
  name             TEXT NOT NULL,
  subject          TEXT,                 -- kind-guessed: the department
  detail           TEXT,                 -- kind-guessed: the kind guessed
  number           INTEGER,              -- seq-gap: the 序号 before; kind-guessed: items naming it; weak-match: the group's townships
  duty_group       INTEGER,
  pass             TEXT,
  score            REAL,
  partner          INTEGER,              -- weak-match: the item joined through; seq-duplicate: the item with the same 序号
  partner_township INTEGER,
  partner_line     INTEGER,
  partner_name     TEXT
);
CREATE INDEX audit_findings_by_kind ON audit_findings (kind, township);
CREATE TABLE audit_group_townships (
  duty_group INTEGER NOT NULL,
  township   INTEGER NOT NULL,
  county     INTEGER NOT NULL,
  prefecture INTEGER NOT NULL,
  PRIMARY KEY (duty_group, township)
) WITHOUT ROWID;
`;
