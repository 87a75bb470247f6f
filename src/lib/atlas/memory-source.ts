import { AtlasLoadError, type AtlasSource } from './engine';

/**
 * The parts of a database derived in the page (a file the reader opened) rather than served: the
 * engine reads them as it reads served ones, part by part, as queries need them.
 */
export function memorySource(files: ReadonlyMap<string, Uint8Array>): AtlasSource {
  return {
    async fetch(path) {
      const bytes = files.get(path);
      if (!bytes) throw new AtlasLoadError(path, 'not among the parts derived from this database');
      return bytes;
    },
  };
}
