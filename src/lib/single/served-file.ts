import { unpack } from '../atlas/unpack';
import { pageFiles } from './page-files';
import type * as served from '../host/served-file';

/** A data file the page carries (single-file build), inflated: the complete database, as a server would hand it over. */
export const fetchServedFile: typeof served.fetchServedFile = async (path) => {
  const bytes = pageFiles().get(path);
  if (!bytes) throw new Error(`${path}: not among the files this single page carries`);
  return unpack(bytes);
};
