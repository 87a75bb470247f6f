import { SUMMARY_FILE } from '../atlas/parts';
import { dataFingerprint } from './embedded-format';
import { pageFiles } from './page-files';
import type * as served from '../host/store-name';

/**
 * One store per data a single file carries: Chromium keeps one browser store for every page opened
 * from file://, so without this a database opened in one file would show in every other file on the
 * laptop. Named by the data (its summary), not by where the file lies, so a file moved or copied on
 * the stick keeps what the reader added.
 */
export const storeName: typeof served.storeName = () => `duty-atlas:${dataFingerprint(pageFiles().get(SUMMARY_FILE) ?? '')}`;
