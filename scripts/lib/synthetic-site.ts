/**
 * A built site serving synthetic lists: N townships synthesised (scripts/synth.ts), built into the
 * complete database and its atlas (scripts/build-db.ts), beside a copy of dist/ (the app, built once
 * by `vite build`: it embeds no data, so any data folder can go under it). The e2e tests serve one
 * at 200 townships, the benchmark at 100 and 1,100, the README's screenshots come from them.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { synthesize, writeLists } from '../synth';
import { buildDatabase, type BuildResult } from '../build-db';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

export interface SyntheticSite {
  /** The folder to serve (index.html, assets/, data/). */
  site: string;
  build: BuildResult;
}

/** Builds `<dir>/site` for `townships` synthetic lists (seeded), replacing what was there. */
export async function buildSyntheticSite(dir: string, townships: number, seed = 1): Promise<SyntheticSite> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run \`npm run build\` first`);
  const lists = join(dir, 'lists');
  const site = join(dir, 'site');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(lists, { recursive: true });
  writeLists(synthesize({ townships, seed }), lists);
  const build = await buildDatabase(lists, join(site, 'data/duties.sqlite'));
  copyApp(site);
  return { site, build };
}

/** Copies the app (dist/ but its data) into `site`, replacing the app that was there; the site's data stays. */
export function copyApp(site: string): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run \`npm run build\` first`);
  mkdirSync(site, { recursive: true });
  for (const entry of readdirSync(site)) if (entry !== 'data') rmSync(join(site, entry), { recursive: true, force: true });
  for (const entry of readdirSync(DIST)) {
    if (entry === 'data') continue; // the bundled five townships' data stays behind
    cpSync(join(DIST, entry), join(site, entry), { recursive: true });
  }
}

/** Whether `<dir>/site` exists and is newer than the app in dist/ (so it need not be rebuilt). */
export function isCurrent(dir: string): boolean {
  const index = join(dir, 'site/index.html');
  const summary = join(dir, 'site/data/atlas/summary.sqlite.gz');
  return existsSync(index) && existsSync(summary) && statSync(index).mtimeMs >= statSync(join(DIST, 'index.html')).mtimeMs;
}
