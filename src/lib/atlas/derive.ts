import type { Database, SqlJsStatic } from 'sql.js';
import type {
  DepartmentKindSourceRow,
  DepartmentRow,
  DutyGroupCandidateRow,
  DutyGroupLinkRow,
  ItemDepartmentRow,
  ItemRow,
  StatedCountRow,
  StepRow,
  TownshipRow,
} from '../db/schema';
import { insertRows } from '../db/bulk-insert';
import { LIST_CODE, ROLE_CODE } from './codes';
import { buildPlaceTree, type PlaceTree } from './place-tree';
import { FIXED_PARTS, SUMMARY_FILE, partFile, type FixedPart } from './parts';
import { openPart, writePart } from './write-part';
export { deriveTextFiles, planTextFiles } from './text-files';
export { DUTY_GROUP_PARTS } from './parts';
import { AUDIT_SQL, FACTS_SQL, HEATMAP_SQL, NETWORK_SQL, REVIEW_SQL, ROLLUPS_SQL, SUMMARY_SQL, VARIANCE_SQL } from './schema';
import { auditRows } from '../audit/find-findings';

/**
 * The complete database's tables → the parts the site serves (parts.ts).
 *
 * Pure with respect to its inputs: rows in, files as bytes out. The build passes the rows it has just
 * written; anything holding only a database file reads them with `readContractTables`. Aggregation is
 * done here in TypeScript, not in SQL: at a region's quarter-million items and three-quarters of a
 * million steps, GROUP BY in sql.js's wasm takes seconds per cube, a Map a fraction of that.
 */

export interface ContractTables {
  townships: TownshipRow[];
  items: ItemRow[];
  departments: DepartmentRow[];
  itemDepartments: ItemDepartmentRow[];
  steps: StepRow[];
  /** The review queue of duty grouping; a database written before it has none. */
  dutyGroupCandidates?: DutyGroupCandidateRow[];
  /** The 说明's stated totals (the audit compares them with the items). */
  statedCounts?: StatedCountRow[];
  /** Every join of duty grouping (the audit's weak matches); a database written before them has none. */
  dutyGroupLinks?: DutyGroupLinkRow[];
  /** Whether each department's kind came from the alias file; absent (undefined) where the database does not say. */
  departmentKindSources?: DepartmentKindSourceRow[];
}

export interface AtlasFile {
  /** Relative to the site's data/ folder, e.g. 'atlas/summary.sqlite.gz'. */
  path: string;
  /** 'summary', a fixed part (parts.ts `FIXED_PARTS`), 'text' or 'search'. */
  part: string;
  bytes: Uint8Array;
}

export interface DeriveOptions {
  /** Files derived elsewhere (the search index) to list in the summary's `files` table. */
  extraFiles?: AtlasFile[];
  /**
   * How every file's bytes are packed for serving (the build gzips them; see unpack.ts), applied
   * before the summary lists their sizes. The default keeps them as they are.
   */
  pack?: (bytes: Uint8Array) => Uint8Array;
  /** meta rows to add (built_from, …). */
  meta?: Record<string, string>;
  /**
   * The fixed parts to derive (all by default); the summary is always derived. A review decision
   * derives only those naming duty groups (parts.ts `DUTY_GROUP_PARTS`) and keeps the rest.
   */
  parts?: readonly FixedPart[];
  /** Files derived before and kept as they are: the summary lists them with their sizes. */
  keptFiles?: readonly ListedFile[];
}

/** A file as the summary's `files` table lists it. */
export interface ListedFile {
  path: string;
  part: string;
  bytes: number;
}

/** Reads the tables `deriveAtlas` needs from a complete database. */
export function readContractTables(db: Database): ContractTables {
  return {
    townships: rowsOf<TownshipRow>(db, 'SELECT * FROM townships ORDER BY rowid'),
    items: rowsOf<ItemRow>(db, 'SELECT * FROM items ORDER BY id'),
    departments: rowsOf<DepartmentRow>(db, 'SELECT * FROM departments ORDER BY id'),
    itemDepartments: rowsOf<ItemDepartmentRow>(db, 'SELECT * FROM item_departments ORDER BY item_id, department_id, role'),
    steps: rowsOf<StepRow>(db, 'SELECT * FROM steps ORDER BY item_id, party, ord'),
    statedCounts: rowsOf<StatedCountRow>(db, 'SELECT township_id, list, measure, category, count FROM stated_counts ORDER BY rowid'),
    // Optional in the contract (src/lib/db/schema.ts SCHEMA_REVIEW_SQL, SCHEMA_AUDIT_SQL): read where they exist.
    dutyGroupCandidates: hasTable(db, 'duty_group_candidates')
      ? rowsOf<DutyGroupCandidateRow>(db, 'SELECT * FROM duty_group_candidates ORDER BY item_id, rank')
      : [],
    dutyGroupLinks: hasTable(db, 'duty_group_links')
      ? rowsOf<DutyGroupLinkRow>(db, 'SELECT item_id, partner_item, pass, score FROM duty_group_links ORDER BY rowid')
      : [],
    departmentKindSources: hasTable(db, 'department_kind_sources')
      ? rowsOf<DepartmentKindSourceRow>(db, 'SELECT department_id, source FROM department_kind_sources ORDER BY department_id')
      : undefined,
  };
}

const hasTable = (db: Database, name: string) =>
  db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0;

/**
 * Every part but the county text parts and the search index, which `deriveTextFiles` and
 * deriveSearchFiles (search-files.ts) write: they read the text, need nothing else, and the build
 * runs them beside this on the other core. Pass their files as `extraFiles` so the summary lists them.
 */
export function deriveAtlas(SQL: SqlJsStatic, tables: ContractTables, options: DeriveOptions = {}): AtlasFile[] {
  const steps = deriveAtlasInSteps(SQL, tables, options);
  const files = [...steps.parts, ...(options.extraFiles ?? [])];
  return [steps.summary(files.map(listed)), ...files];
}

/** A file as the summary lists it: its path, part and packed size. */
export const listed = (file: AtlasFile): ListedFile => ({ path: file.path, part: file.part, bytes: file.bytes.length });

/**
 * deriveAtlas in two steps, for the build, which writes the county text parts on both threads: the
 * fixed parts and most of the summary now, the rest of the summary once every file it lists is known (`files`: the fixed parts, then
 * `extraFiles` as deriveAtlas orders them; `options.keptFiles` follow). The same bytes as deriveAtlas.
 */
export function deriveAtlasInSteps(
  SQL: SqlJsStatic,
  tables: ContractTables,
  options: Omit<DeriveOptions, 'extraFiles'> = {},
): { parts: AtlasFile[]; summary: (files: readonly ListedFile[]) => AtlasFile } {
  const model = new AtlasModel(tables);
  const pack = options.pack ?? ((bytes: Uint8Array) => bytes);
  const fills: Record<FixedPart, [ddl: string, fill: (db: Database) => void]> = {
    network: [NETWORK_SQL, (db) => model.fillNetwork(db)],
    rollups: [ROLLUPS_SQL, (db) => model.fillRollups(db)],
    heatmap: [HEATMAP_SQL, (db) => model.fillHeatmap(db)],
    facts: [FACTS_SQL, (db) => model.fillFacts(db)],
    review: [REVIEW_SQL, (db) => model.fillReview(db)],
    variance: [VARIANCE_SQL, (db) => model.fillVariance(db)],
    audit: [AUDIT_SQL, (db) => model.fillAudit(db)],
  };
  const parts = (options.parts ?? FIXED_PARTS).map((part) => ({ path: partFile(part), part, bytes: pack(writePart(SQL, ...fills[part])) }));
  const finishSummary = openPart(SQL, SUMMARY_SQL, (db) => model.fillSummary(db));
  const summary = (files: readonly ListedFile[]): AtlasFile => {
    const bytes = finishSummary((db) => {
      insertRows(db, 'files', ['path', 'part', 'bytes'], [...files, ...(options.keptFiles ?? [])]);
      const meta = { schema_version: '1', townships: String(tables.townships.length), items: String(tables.items.length), ...options.meta };
      insertRows(
        db,
        'meta',
        ['key', 'value'],
        Object.entries(meta).map(([key, value]) => ({ key, value })),
      );
    });
    return { path: SUMMARY_FILE, part: 'summary', bytes: pack(bytes) };
  };
  return { parts, summary };
}

interface Fact {
  id: number;
  township: number;
  county: number;
  prefecture: number;
  list: number;
  seq: number;
  category: number;
  duty_group: number;
  township_steps: number;
  department_steps: number;
}

/** An item naming a department kind in a role (lead 0, receiver 1). */
interface KindLink {
  fact: Fact;
  role: number;
  kind: number;
}

/** A row of the network cubes: a township's duties in a role and category for one kind or department. */
type CubeRow<Key> = { township: number; county: number; prefecture: number; category: number; role: number } & Key & CubeSums;

// A type, not an interface: sumBy's measures are a Record, which only a type alias satisfies.
type CubeSums = {
  duties: number;
  township_steps: number;
  department_steps: number;
};

const cubePlace = (f: Fact) => ({ township: f.township, county: f.county, prefecture: f.prefecture, category: f.category });
const cubeSums = (r: CubeSums): CubeSums => ({ duties: r.duties, township_steps: r.township_steps, department_steps: r.department_steps });

/** The derived rows, computed once from the contract tables and written into whichever part needs them. */
class AtlasModel {
  readonly places: PlaceTree;
  readonly facts: Fact[];
  readonly factOf: Map<number, Fact>;
  readonly categoryId: Map<string, number>;
  readonly kindId: Map<string, number>;
  /** department id → kind id */
  readonly kindOfDepartment: Map<number, number>;
  /** Department-side steps per item: those naming no department (a cell not split: every department of the item does them) and those per department. */
  private readonly departmentStepsOf = new Map<number, { unattributed: number; byDepartment: Map<number, number> }>();
  /** Rows both network and rollups read, computed once, on first use (a review decision derives no rollups). */
  private readonly memo: {
    kindLinks?: KindLink[];
    kindRows?: CubeRow<{ kind: number }>[];
    departmentRows?: CubeRow<{ department: number }>[];
  } = {};

  constructor(private readonly tables: ContractTables) {
    this.places = buildPlaceTree(tables.townships);
    this.categoryId = rankIds(countBy(tables.items, (i) => i.category));

    const departmentKind = new Map(tables.departments.map((d) => [d.id, d.kind]));
    const itemsOfKind = new Map<string, Set<number>>();
    for (const d of tables.departments) itemsOfKind.set(d.kind, itemsOfKind.get(d.kind) ?? new Set());
    for (const x of tables.itemDepartments) itemsOfKind.get(departmentKind.get(x.department_id)!)!.add(x.item_id);
    this.kindId = rankIds(new Map([...itemsOfKind].map(([kind, items]) => [kind, items.size])));
    this.kindOfDepartment = new Map(tables.departments.map((d) => [d.id, this.kindId.get(d.kind)!]));

    const stepsOf = new Map<number, { township: number; department: number }>();
    for (const s of tables.steps) {
      const counts = stepsOf.get(s.item_id) ?? { township: 0, department: 0 };
      counts[s.party]++;
      stepsOf.set(s.item_id, counts);
      if (s.party !== 'department') continue;
      const own = entry(this.departmentStepsOf, s.item_id, () => ({ unattributed: 0, byDepartment: new Map<number, number>() }));
      if (s.department_id === null) own.unattributed++;
      else own.byDepartment.set(s.department_id, (own.byDepartment.get(s.department_id) ?? 0) + 1);
    }
    this.facts = tables.items.map((i) => {
      const place = this.places.ofTownship.get(i.township_id);
      if (!place) throw new Error(`atlas: item ${i.id} names township ${i.township_id}, which is not in townships`);
      const steps = stepsOf.get(i.id);
      return {
        id: i.id,
        township: place.township,
        county: place.county,
        prefecture: place.prefecture,
        list: LIST_CODE[i.list],
        seq: i.seq,
        category: this.categoryId.get(i.category)!,
        duty_group: i.duty_group,
        township_steps: steps?.township ?? 0,
        department_steps: steps?.department ?? 0,
      };
    });
    this.factOf = new Map(this.facts.map((f) => [f.id, f]));
  }

  /**
   * The steps a department (or, with `kind`, every department of that kind) carries in an item: the
   * steps its cell names it for, and the steps naming no department. What an edge of 部门网络 sets
   * against the township's steps — the item's whole department column would give a jointly led duty's
   * other departments' steps to each of them.
   */
  ownDepartmentSteps(item: number, department: number | null, kind?: number): number {
    const own = this.departmentStepsOf.get(item);
    if (!own) return 0;
    let steps = own.unattributed;
    for (const [d, n] of own.byDepartment)
      if (d === department || (kind !== undefined && this.kindOfDepartment.get(d) === kind)) steps += n;
    return steps;
  }

  fillSummary(db: Database): void {
    const { places } = this.places;
    insertRows(db, 'places', ['id', 'key', 'level', 'parent', 'name', 'code', 'townships', 'ord'], places);
    const itemsOfTownship = countBy(this.tables.items, (i) => i.township_id);
    insertRows(
      db,
      'townships',
      ['place', 'id', 'county', 'prefecture', 'name', 'county_name', 'prefecture_name', 'published', 'source_file', 'items'],
      this.tables.townships.map((t) => {
        const ids = this.places.ofTownship.get(t.id)!;
        return {
          place: ids.township,
          id: t.id,
          county: ids.county,
          prefecture: ids.prefecture,
          name: t.name,
          county_name: t.county,
          prefecture_name: t.prefecture,
          published: t.published,
          source_file: t.source_file,
          items: itemsOfTownship.get(t.id) ?? 0,
        };
      }),
    );
    const categoryItems = countBy(this.tables.items, (i) => i.category);
    insertRows(
      db,
      'categories',
      ['id', 'name', 'items'],
      [...this.categoryId].map(([name, id]) => ({ id, name, items: categoryItems.get(name)! })),
    );
    const kindItems = new Map<number, Set<number>>();
    for (const x of this.tables.itemDepartments) {
      const kind = this.kindOfDepartment.get(x.department_id)!;
      kindItems.set(kind, (kindItems.get(kind) ?? new Set()).add(x.item_id));
    }
    insertRows(
      db,
      'kinds',
      ['id', 'name', 'items'],
      [...this.kindId].map(([name, id]) => ({ id, name, items: kindItems.get(id)?.size ?? 0 })),
    );
    insertRows(
      db,
      'departments',
      ['id', 'name', 'kind', 'level'],
      this.tables.departments.map((d) => ({ id: d.id, name: d.name, kind: this.kindOfDepartment.get(d.id)!, level: d.level })),
    );
    insertRows(db, 'duty_groups', ['id', 'name', 'category', 'items', 'townships'], this.dutyGroups());
    insertRows(db, 'place_departments', ['place', 'department_kinds', 'departments'], this.placeDepartments());
    const measures = (f: Fact) => ({ items: 1, township_steps: f.township_steps, department_steps: f.department_steps });
    insertRows(
      db,
      'cube_items',
      ['township', 'county', 'prefecture', 'list', 'category', 'items', 'township_steps', 'department_steps'],
      sumBy(
        this.facts,
        (f) => `${f.township}|${f.list}|${f.category}`,
        (f) => ({ township: f.township, county: f.county, prefecture: f.prefecture, list: f.list, category: f.category }),
        measures,
      ),
    );
    const townshipLists = new Map<number, { township: number; basic: number; coop: number; reclaimed: number; township_steps: number }>();
    for (const f of this.facts) {
      const row = entry(townshipLists, f.township, () => ({ township: f.township, basic: 0, coop: 0, reclaimed: 0, township_steps: 0 }));
      if (f.list === LIST_CODE.basic) row.basic++;
      else if (f.list === LIST_CODE.coop) {
        row.coop++;
        row.township_steps += f.township_steps;
      } else if (f.list === LIST_CODE.reclaimed) row.reclaimed++;
    }
    insertRows(db, 'township_lists', ['township', 'basic', 'coop', 'reclaimed', 'township_steps'], [...townshipLists.values()]);
    insertRows(
      db,
      'cube_items_county',
      ['county', 'prefecture', 'list', 'category', 'items', 'township_steps', 'department_steps'],
      sumBy(
        this.facts,
        (f) => `${f.county}|${f.list}|${f.category}`,
        (f) => ({ county: f.county, prefecture: f.prefecture, list: f.list, category: f.category }),
        measures,
      ),
    );
  }

  /** Distinct department kinds and departments per place (township, county, prefecture; 0 for all). */
  private placeDepartments() {
    const seen = new Map<number, { kinds: Set<number>; departments: Set<number> }>();
    for (const x of this.tables.itemDepartments) {
      const fact = this.factOf.get(x.item_id)!;
      const kind = this.kindOfDepartment.get(x.department_id)!;
      for (const place of [0, fact.township, fact.county, fact.prefecture]) {
        let sets = seen.get(place);
        if (!sets) seen.set(place, (sets = { kinds: new Set(), departments: new Set() }));
        sets.kinds.add(kind);
        sets.departments.add(x.department_id);
      }
    }
    return [...seen].map(([place, sets]) => ({ place, department_kinds: sets.kinds.size, departments: sets.departments.size }));
  }

  /**
   * Per department kind and place (township, county, prefecture; 0 for all): the distinct kinds and
   * departments named by the place's items that name the kind (placeDepartments under a kind filter).
   */
  private kindPlaceDepartments() {
    const departmentsOf = new Map<number, Set<number>>();
    for (const x of this.tables.itemDepartments) entry(departmentsOf, x.item_id, () => new Set<number>()).add(x.department_id);
    const seen = new Map<string, { kind: number; place: number; kinds: Set<number>; departments: Set<number> }>();
    for (const [item, departments] of departmentsOf) {
      const fact = this.factOf.get(item)!;
      const kinds = new Set([...departments].map((d) => this.kindOfDepartment.get(d)!));
      for (const kind of kinds)
        for (const place of [0, fact.township, fact.county, fact.prefecture]) {
          const sets = entry(seen, `${kind}|${place}`, () => ({ kind, place, kinds: new Set<number>(), departments: new Set<number>() }));
          for (const k of kinds) sets.kinds.add(k);
          for (const d of departments) sets.departments.add(d);
        }
    }
    return [...seen.values()].map((s) => ({
      kind: s.kind,
      place: s.place,
      department_kinds: s.kinds.size,
      departments: s.departments.size,
    }));
  }

  /** A group's name is its most common wording, its category the most common category (ties: first item). */
  private dutyGroups() {
    const byGroup = new Map<number, ItemRow[]>();
    for (const item of this.tables.items) push(byGroup, item.duty_group, item);
    return [...byGroup].map(([id, items]) => ({
      id,
      name: mostCommon(items.map((i) => i.name)),
      category: this.categoryId.get(mostCommon(items.map((i) => i.category)))!,
      items: items.length,
      townships: new Set(items.map((i) => i.township_id)).size,
    }));
  }

  /** Each (item, kind, role) once: a duty led by two departments of one kind counts once for the kind. */
  private get kindLinks(): KindLink[] {
    return (this.memo.kindLinks ??= (() => {
      const links = new Map<string, KindLink>();
      for (const x of this.tables.itemDepartments) {
        const kind = this.kindOfDepartment.get(x.department_id)!;
        const role = ROLE_CODE[x.role];
        links.set(`${x.item_id}|${kind}|${role}`, { fact: this.factOf.get(x.item_id)!, role, kind });
      }
      return [...links.values()];
    })());
  }

  /** cube_kinds' rows: the network part holds them, the rollups part sums them per county. */
  private get kindRows(): CubeRow<{ kind: number }>[] {
    return (this.memo.kindRows ??= sumBy(
      this.kindLinks,
      (l) => `${l.fact.township}|${l.role}|${l.fact.category}|${l.kind}`,
      (l) => ({ ...cubePlace(l.fact), role: l.role, kind: l.kind }),
      (l) => ({ duties: 1, township_steps: l.fact.township_steps, department_steps: this.ownDepartmentSteps(l.fact.id, null, l.kind) }),
    ));
  }

  /** cube_departments' rows, likewise. */
  private get departmentRows(): CubeRow<{ department: number }>[] {
    return (this.memo.departmentRows ??= sumBy(
      this.tables.itemDepartments,
      (x) => `${this.factOf.get(x.item_id)!.township}|${x.role}|${this.factOf.get(x.item_id)!.category}|${x.department_id}`,
      (x) => ({ ...cubePlace(this.factOf.get(x.item_id)!), role: ROLE_CODE[x.role], department: x.department_id }),
      (x) => ({
        duties: 1,
        township_steps: this.factOf.get(x.item_id)!.township_steps,
        department_steps: this.ownDepartmentSteps(x.item_id, x.department_id),
      }),
    ));
  }

  fillNetwork(db: Database): void {
    const kindRows = this.kindRows;
    insertRows(
      db,
      'cube_kinds',
      ['township', 'county', 'prefecture', 'role', 'category', 'kind', 'duties', 'township_steps', 'department_steps'],
      kindRows,
    );
    insertRows(
      db,
      'cube_departments',
      ['township', 'county', 'prefecture', 'role', 'category', 'department', 'duties', 'township_steps', 'department_steps'],
      this.departmentRows,
    );
    // The same summed over categories (what the network reads without a category filter).
    insertRows(
      db,
      'net_kinds_township',
      ['role', 'kind', 'township', 'county', 'prefecture', 'duties', 'township_steps', 'department_steps'],
      sumBy(
        kindRows,
        (r) => `${r.role}|${r.kind}|${r.township}`,
        (r) => ({ role: r.role, kind: r.kind, township: r.township, county: r.county, prefecture: r.prefecture }),
        cubeSums,
      ),
    );
    // A kind's duty groups per county (the kind's panel past a county): items of the list the role
    // stands for (配合 for lead, 收回 for receiver), each counted once per kind and role.
    const groups = new Map<
      string,
      {
        kind: number;
        role: number;
        duty_group: number;
        county: number;
        prefecture: number;
        townships: Set<number>;
        township_steps: number;
        item: number;
      }
    >();
    for (const { fact, role, kind } of this.kindLinks) {
      if (fact.list !== role + 1) continue;
      const group = entry(groups, `${kind}|${role}|${fact.duty_group}|${fact.county}`, () => ({
        kind,
        role,
        duty_group: fact.duty_group,
        county: fact.county,
        prefecture: fact.prefecture,
        townships: new Set<number>(),
        township_steps: 0,
        item: fact.id,
      }));
      group.townships.add(fact.township);
      group.township_steps += fact.township_steps;
      group.item = Math.min(group.item, fact.id);
    }
    insertRows(
      db,
      'net_kind_groups_county',
      ['kind', 'role', 'duty_group', 'county', 'prefecture', 'townships', 'township_steps', 'item'],
      [...groups.values()].map((g) => ({ ...g, townships: g.townships.size })),
    );
    insertRows(
      db,
      'net_departments_county',
      ['role', 'department', 'county', 'prefecture', 'duties', 'township_steps', 'department_steps'],
      sumBy(
        this.departmentRows,
        (r) => `${r.role}|${r.department}|${r.county}`,
        (r) => ({ role: r.role, department: r.department, county: r.county, prefecture: r.prefecture }),
        cubeSums,
      ),
    );
  }

  fillRollups(db: Database): void {
    insertRows(
      db,
      'cube_kinds_county',
      ['county', 'prefecture', 'role', 'category', 'kind', 'duties', 'township_steps', 'department_steps'],
      sumBy(
        this.kindRows,
        (r) => `${r.county}|${r.role}|${r.category}|${r.kind}`,
        (r) => ({ county: r.county, prefecture: r.prefecture, role: r.role, category: r.category, kind: r.kind }),
        cubeSums,
      ),
    );
    insertRows(
      db,
      'cube_departments_county',
      ['county', 'prefecture', 'role', 'category', 'department', 'duties', 'township_steps', 'department_steps'],
      sumBy(
        this.departmentRows,
        (r) => `${r.county}|${r.role}|${r.category}|${r.department}`,
        (r) => ({ county: r.county, prefecture: r.prefecture, role: r.role, category: r.category, department: r.department }),
        cubeSums,
      ),
    );
    insertRows(db, 'net_kind_place_departments', ['kind', 'place', 'department_kinds', 'departments'], this.kindPlaceDepartments());
  }

  fillHeatmap(db: Database): void {
    const reclaimedItems = this.tables.items.filter((i) => i.list === 'reclaimed');
    const reclaimedGroups = new Set(reclaimedItems.map((i) => i.duty_group));

    // One cell per township and group: reclaimed (2) wins over coop (1) over basic (0), then the lower 序号.
    const cells = new Map<string, { fact: Fact; items: number }>();
    for (const f of this.facts) {
      if (!reclaimedGroups.has(f.duty_group)) continue;
      const key = `${f.township}|${f.duty_group}`;
      const cell = cells.get(key);
      if (!cell) cells.set(key, { fact: f, items: 1 });
      else {
        cell.items++;
        if (f.list > cell.fact.list || (f.list === cell.fact.list && f.seq < cell.fact.seq)) cell.fact = f;
      }
    }
    const cellRows = [...cells.values()].map(({ fact: f, items }) => ({
      township: f.township,
      duty_group: f.duty_group,
      county: f.county,
      prefecture: f.prefecture,
      status: f.list,
      item: f.id,
      items,
    }));
    insertRows(db, 'heat_cells', ['township', 'duty_group', 'county', 'prefecture', 'status', 'item', 'items'], cellRows);
    insertRows(
      db,
      'heat_counties',
      ['county', 'duty_group', 'prefecture', 'reclaimed', 'coop', 'basic'],
      sumBy(
        cellRows,
        (c) => `${c.county}|${c.duty_group}`,
        (c) => ({ county: c.county, duty_group: c.duty_group, prefecture: c.prefecture }),
        (c) => ({ reclaimed: c.status === 2 ? 1 : 0, coop: c.status === 1 ? 1 : 0, basic: c.status === 0 ? 1 : 0 }),
      ),
    );

    const receiverKinds = new Map<number, Set<number>>();
    for (const x of this.tables.itemDepartments) {
      if (x.role !== 'receiver') continue;
      receiverKinds.set(x.item_id, (receiverKinds.get(x.item_id) ?? new Set()).add(this.kindOfDepartment.get(x.department_id)!));
    }
    // A group qualifies under the category and department-kind filters through one of its reclaimed items.
    const reasons = new Map<string, { duty_group: number; category: number; kind: number | null }>();
    for (const item of reclaimedItems) {
      const category = this.categoryId.get(item.category)!;
      const kinds = [...(receiverKinds.get(item.id) ?? [])];
      for (const kind of kinds.length ? kinds : [null])
        reasons.set(`${item.duty_group}|${category}|${kind}`, { duty_group: item.duty_group, category, kind });
    }
    insertRows(db, 'heat_reasons', ['duty_group', 'category', 'kind'], [...reasons.values()]);

    const kindName = new Map([...this.kindId].map(([name, id]) => [id, name]));
    const byGroup = new Map<number, ItemRow[]>();
    for (const item of reclaimedItems) push(byGroup, item.duty_group, item);
    insertRows(
      db,
      'heat_groups',
      ['duty_group', 'name', 'category', 'receivers', 'reclaimed_in'],
      [...byGroup].map(([group, items]) => ({
        duty_group: group,
        name: mostCommon(items.map((i) => i.name)),
        // A category tie is broken in Chinese collation order, as a reader scanning the list would.
        category: this.categoryId.get(
          mostCommon(
            items.map((i) => i.category),
            zhOrder,
          ),
        )!,
        receivers: [...new Set(items.flatMap((i) => [...(receiverKinds.get(i.id) ?? [])].map((k) => kindName.get(k)!)))].sort().join('、'),
        reclaimed_in: new Set(items.map((i) => i.township_id)).size,
      })),
    );
  }

  /**
   * The queue as the grouping left it, for the items still here and candidate groups that still
   * exist (a database cut down by hand keeps queue rows for items it lost: the table has no key).
   */
  /** Distinct townships per duty group and county: listing it, per list and category, per lead or receiving kind. */
  fillVariance(db: Database): void {
    type Townships = { townships: Set<number> };
    type Place = { duty_group: number; county: number; prefecture: number };
    const spread = new Map<string, Place & Townships & { lead: Set<number>; receiver: Set<number> }>();
    const holdings = new Map<string, Place & Townships & { list: number; category: number }>();
    const kinds = new Map<string, Place & Townships & { role: number; kind: number }>();
    const departmentsOf = new Map<number, ItemDepartmentRow[]>();
    for (const x of this.tables.itemDepartments) push(departmentsOf, x.item_id, x);
    // A coop item's lead departments and a reclaimed item's receiving ones: what a township's list says of who does it.
    const roleOfList = new Map([
      [LIST_CODE.coop, 'lead'],
      [LIST_CODE.reclaimed, 'receiver'],
    ]);
    for (const f of this.facts) {
      const place = { duty_group: f.duty_group, county: f.county, prefecture: f.prefecture };
      const s = entry(spread, `${f.duty_group}|${f.county}`, () => ({
        ...place,
        townships: new Set(),
        lead: new Set(),
        receiver: new Set(),
      }));
      s.townships.add(f.township);
      entry(holdings, `${f.duty_group}|${f.county}|${f.list}|${f.category}`, () => ({
        ...place,
        list: f.list,
        category: f.category,
        townships: new Set(),
      })).townships.add(f.township);
      const role = roleOfList.get(f.list);
      for (const x of departmentsOf.get(f.id) ?? []) {
        if (x.role !== role) continue;
        (x.role === 'lead' ? s.lead : s.receiver).add(f.township);
        const kind = this.kindOfDepartment.get(x.department_id)!;
        const code = ROLE_CODE[x.role];
        entry(kinds, `${f.duty_group}|${f.county}|${code}|${kind}`, () => ({
          ...place,
          role: code,
          kind,
          townships: new Set(),
        })).townships.add(f.township);
      }
    }
    insertRows(
      db,
      'var_spread',
      ['duty_group', 'county', 'prefecture', 'townships', 'lead_named', 'receiver_named'],
      [...spread.values()].map((s) => ({ ...s, townships: s.townships.size, lead_named: s.lead.size, receiver_named: s.receiver.size })),
    );
    insertRows(
      db,
      'var_holdings',
      ['duty_group', 'county', 'prefecture', 'list', 'category', 'townships'],
      [...holdings.values()].map((h) => ({ ...h, townships: h.townships.size })),
    );
    insertRows(
      db,
      'var_kinds',
      ['duty_group', 'county', 'prefecture', 'role', 'kind', 'townships'],
      [...kinds.values()].map((k) => ({ ...k, townships: k.townships.size })),
    );
  }

  /** 数据核对: stated against parsed counts, and the findings (src/lib/audit/find-findings.ts). */
  fillAudit(db: Database): void {
    const ord = new Map(this.places.places.map((p) => [p.id, p.ord]));
    const rows = auditRows(this.tables, this.places.ofTownship, (township) => ord.get(township)!);
    insertRows(
      db,
      'audit_counts',
      ['township', 'county', 'prefecture', 'list', 'parsed', 'stated', 'categories_stated', 'categories_off'],
      rows.counts,
    );
    insertRows(
      db,
      'audit_findings',
      [
        'id',
        'kind',
        'township',
        'county',
        'prefecture',
        'item',
        'list',
        'seq',
        'source_line',
        'name',
        'subject',
        'detail',
        'number',
        'duty_group',
        'pass',
        'score',
        'partner',
        'partner_township',
        'partner_line',
        'partner_name',
      ],
      rows.findings,
    );
    insertRows(db, 'audit_group_townships', ['duty_group', 'township', 'county', 'prefecture'], rows.groupTownships);
  }

  fillReview(db: Database): void {
    const items = new Map(this.tables.items.map((i) => [i.id, i]));
    const groups = new Set(this.tables.items.map((i) => i.duty_group));
    const candidates = (this.tables.dutyGroupCandidates ?? []).filter(
      (c) => items.has(c.item_id) && groups.has(c.candidate_group) && items.get(c.item_id)!.duty_group !== c.candidate_group,
    );
    const best = new Map<number, number>();
    for (const c of candidates) best.set(c.item_id, Math.max(best.get(c.item_id) ?? -Infinity, c.score));
    insertRows(
      db,
      'review_items',
      ['item', 'name', 'best'],
      [...best].map(([item, score]) => ({ item, name: items.get(item)!.name, best: score })),
    );
    insertRows(
      db,
      'review_candidates',
      ['item', 'rank', 'duty_group', 'score', 'wording', 'evidence'],
      candidates.map((c) => ({
        item: c.item_id,
        rank: c.rank,
        duty_group: c.candidate_group,
        score: c.score,
        wording: c.wording,
        evidence: c.evidence,
      })),
    );
  }

  fillFacts(db: Database): void {
    insertRows(
      db,
      'fact_items',
      ['id', 'township', 'county', 'prefecture', 'list', 'seq', 'category', 'duty_group', 'township_steps', 'department_steps'],
      this.facts,
    );
    insertRows(
      db,
      'fact_departments',
      ['item', 'department', 'kind', 'role', 'department_steps'],
      this.tables.itemDepartments.map((x) => ({
        item: x.item_id,
        department: x.department_id,
        kind: this.kindOfDepartment.get(x.department_id)!,
        role: ROLE_CODE[x.role],
        department_steps: this.ownDepartmentSteps(x.item_id, x.department_id),
      })),
    );
  }
}

/** A fresh database with `ddl`, filled by `fill` in one transaction, analysed and exported. */
/** The map's value at `key`, made and set first if absent. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

/** Ids 1..n by descending count, ties in code-point order of the name: the most common first. */
function rankIds(counts: Map<string, number>): Map<string, number> {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(ranked.map(([name], index) => [name, index + 1]));
}

/** Rows grouped by `key`, each with its `dims` and the sum of each of its `measures`. */
function sumBy<T, D extends object, M extends Record<string, number>>(
  rows: readonly T[],
  key: (row: T) => string,
  dims: (row: T) => D,
  measures: (row: T) => M,
): (D & M)[] {
  const groups = new Map<string, D & M>();
  for (const row of rows) {
    const k = key(row);
    const m = measures(row);
    const group = groups.get(k);
    if (!group) groups.set(k, { ...dims(row), ...m });
    else for (const name in m) (group as Record<string, number>)[name] += m[name];
  }
  return [...groups.values()];
}

const zh = new Intl.Collator('zh-CN');
const zhOrder = (a: string, b: string) => zh.compare(a, b);

/** The most frequent value; ties go to the first seen, or to the first in `tieOrder`. */
function mostCommon(values: string[], tieOrder?: (a: string, b: string) => number): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const entries = [...counts];
  // Array.prototype.sort is stable: without a tie order, the first seen wins a tie.
  entries.sort((a, b) => b[1] - a[1] || (tieOrder ? tieOrder(a[0], b[0]) : 0));
  return entries[0][0];
}

function rowsOf<Row>(db: Database, text: string): Row[] {
  const statement = db.prepare(text);
  try {
    // The column names once, not per row as getAsObject reads them: at a region's million rows
    // reading the names again was most of the read.
    const columns = statement.getColumnNames();
    const rows: Row[] = [];
    while (statement.step()) {
      const values = statement.get();
      const row: Record<string, unknown> = {};
      for (let c = 0; c < columns.length; c++) row[columns[c]] = values[c];
      rows.push(row as Row);
    }
    return rows;
  } finally {
    statement.free();
  }
}
