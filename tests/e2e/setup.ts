/**
 * Vitest globalSetup for the e2e project: serves the built site (dist/, the five bundled townships)
 * with `vite preview` on a free port as `inject('baseURL')`, and a site of 200 synthetic townships
 * (scripts/lib/synthetic-site.ts, built into .e2e-scale/ unless it is newer than dist/) as
 * `inject('scaleURL')`, and the single file of dist/'s data (scripts/build-single.ts) as
 * `inject('singleFile')`. `npm test` builds dist/ first; run `npm run build` yourself before
 * `npm run test:e2e`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveSite, type ServedSite } from '../../scripts/lib/serve-site';
import { buildSyntheticSite, isCurrent } from '../../scripts/lib/synthetic-site';
import { SINGLE_FILE_NAME } from '../../scripts/lib/single-file';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    scaleURL: string;
    /** The single file (`npm run build:single`) of dist/'s data: an absolute path. */
    singleFile: string;
  }
}

/** Townships of the scale site: past what a chart shows one by one (30), across several prefectures. */
export const SCALE_TOWNSHIPS = 200;

const root = resolve(import.meta.dirname, '../..');

const servers: ServedSite[] = [];

async function serve(outDir: string): Promise<string> {
  const site = await serveSite(outDir);
  servers.push(site);
  return site.url;
}

/**
 * The single file of dist/'s data in .e2e-single/, built (≈15–25 s on a busy 2-core machine) unless
 * it is newer than dist/: in a child process, as `npm run build:single` runs it.
 */
function buildSingleFile(): string {
  const file = resolve(root, '.e2e-single', SINGLE_FILE_NAME);
  if (existsSync(file) && statSync(file).mtimeMs >= statSync(resolve(root, 'dist/index.html')).mtimeMs) return file;
  execFileSync(resolve(root, 'node_modules/.bin/tsx'), ['scripts/build-single.ts', '--data', 'dist/data', '--out', file], {
    cwd: root,
    // Quiet unless it fails: execFileSync's error then carries what it wrote.
    stdio: 'pipe',
  });
  return file;
}

export default async function setup(project: TestProject) {
  for (const file of ['dist/index.html', 'dist/data/duties.sqlite', 'dist/data/atlas/summary.sqlite.gz']) {
    if (!existsSync(resolve(root, file))) throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests`);
  }
  const scale = resolve(root, '.e2e-scale');
  if (!isCurrent(scale)) await buildSyntheticSite(scale, SCALE_TOWNSHIPS);
  project.provide('singleFile', buildSingleFile());
  project.provide('baseURL', await serve(resolve(root, 'dist')));
  project.provide('scaleURL', await serve(resolve(scale, 'site')));
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
