import type { AtlasSource } from '../atlas/engine';
import { httpSource } from '../db/http-source';

/**
 * The files under the site's `data/` folder (the atlas parts, the place table, the complete
 * database), fetched relative to the folder's absolute URL.
 */
export const dataSource = (dataUrl: string): AtlasSource => httpSource(dataUrl);
