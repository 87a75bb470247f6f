/**
 * Gathers what the caption names (caption.ts words it): the filters with the townships' names, and
 * the townships in scope with their publication dates, read from the summary part once per
 * database, when the first export asks (never on the first paint's path).
 */
import type { DbClient } from '../db/client';
import type { Filters } from '../state/filters';
import type { PlaceIndex, Selection } from '../state/selection';
import { sourceTownshipsSql, type SourceTownshipRow } from '../queries/export-source';
import { describeFilters, footerLine, sourceLine } from './caption';
import type { TableCaption } from './table';

/** The footer's wording, for a caption without the shell's state (export-context.ts's date-only caption). */
export { footerLine };

export interface CaptionState {
  client: DbClient;
  filters: Filters;
  selection: Selection;
  places: PlaceIndex;
  /** Townships whose lists the reader added in the page. */
  imported: ReadonlySet<string>;
}

const townshipsOf = new WeakMap<DbClient, Promise<Map<string, SourceTownshipRow>>>();

function sourceTownships(client: DbClient): Promise<Map<string, SourceTownshipRow>> {
  let rows = townshipsOf.get(client);
  if (!rows) {
    rows = client.query<SourceTownshipRow>(sourceTownshipsSql()).then((r) => new Map(r.map((t) => [t.id, t])));
    rows.catch(() => townshipsOf.delete(client));
    townshipsOf.set(client, rows);
  }
  return rows;
}

/**
 * The caption of an export made now. The source names every township in scope (the lists the view
 * draws from, whichever are picked: a chart may show them all and highlight the picked ones); the
 * filters line names the picks.
 */
export async function exportCaption(state: CaptionState, now = new Date()): Promise<TableCaption> {
  const townships = await sourceTownships(state.client);
  const inScope = state.places.townshipsUnder(state.selection.scope);
  const filters = describeFilters(state.filters, {
    scopePath: state.selection.path.map((p) => p.name),
    townshipsInScope: inScope.length,
    townshipName: (id) => townships.get(id)?.name ?? state.places.byKey.get(id)?.name ?? id,
    imported: (id) => state.imported.has(id),
  });
  const source = sourceLine(
    inScope.map((place) => {
      const t = townships.get(place.key);
      return { name: place.name, county: t?.county ?? '', published: t?.published ?? null, imported: state.imported.has(place.key) };
    }),
  );
  return { filters, source, footer: footerLine(now) };
}
