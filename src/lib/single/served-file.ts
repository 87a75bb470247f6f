import { unpack } from '../atlas/unpack';
import { decodeBase64 } from './embedded-format';
import { pageFiles } from './page-files';
import type * as served from '../host/served-file';

/**
 * A data file the page carries (single-file build), inflated, as a server would hand it over: the
 * build's first answers at the page's start, the complete database when asked for.
 */
export const fetchServedFile: typeof served.fetchServedFile = async (path) => {
  const base64 = pageFiles().get(path);
  if (base64 === undefined) throw new Error(`${path}: not among the files this single page carries`);
  return unpack(decodeBase64(base64));
};
