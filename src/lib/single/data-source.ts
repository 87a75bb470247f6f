import { AtlasLoadError, type AtlasSource } from '../atlas/engine';
import { workerFile } from './worker-files';
import type * as served from '../host/data-source';

/**
 * The data files the page carries (single-file build), as the engine and the import read served
 * ones; the data folder's URL means nothing here.
 */
export const dataSource: typeof served.dataSource = (): AtlasSource => ({
  async fetch(path) {
    try {
      return await workerFile(path);
    } catch (error) {
      throw new AtlasLoadError(path, error instanceof Error ? error.message : String(error));
    }
  },
});
