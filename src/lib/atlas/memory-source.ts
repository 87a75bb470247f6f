import { AtlasLoadError, type AtlasSource } from './engine';

/** A source holding files in memory, in front of another for every other path (`base`, if any). */
interface MemorySource extends AtlasSource {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly base: AtlasSource | null;
}

function sourceOf(files: ReadonlyMap<string, Uint8Array>, base: AtlasSource | null): MemorySource {
  return {
    files,
    base,
    async fetch(path, onProgress) {
      const bytes = files.get(path);
      if (bytes) return bytes;
      if (base) return base.fetch(path, onProgress);
      throw new AtlasLoadError(path, 'not among the parts derived from this database');
    },
    // Served files behind regrouped ones are compared with the summary as before (see AtlasEngine's fetch).
    ...(base?.refetch && { refetch: base.refetch.bind(base) }),
  };
}

/**
 * The parts of a database derived in the page (a file the reader opened) rather than served: the
 * engine reads them as it reads served ones, part by part, as queries need them.
 */
export function memorySource(files: ReadonlyMap<string, Uint8Array>): AtlasSource {
  return sourceOf(files, null);
}

/**
 * `source` with `files` in place of the files at their paths (a review decision's regrouped parts).
 * Files in memory are replaced, not stacked, so a hundred decisions keep one copy of each part.
 */
export function withFiles(source: AtlasSource, files: ReadonlyMap<string, Uint8Array>): AtlasSource {
  const held = source as Partial<MemorySource>;
  if (held.files && held.base !== undefined) return sourceOf(new Map([...held.files, ...files]), held.base);
  return sourceOf(files, source);
}
