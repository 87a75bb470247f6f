/**
 * npm run build:site -- --townships N [--seed S] --out DIR
 *
 * Builds a site serving N synthetic townships in DIR/site (see scripts/lib/synthetic-site.ts);
 * serve it with `npx vite preview --outDir DIR/site`. Needs `npm run build` first (it copies dist/).
 */
import { resolve } from 'node:path';
import { buildSyntheticSite } from './lib/synthetic-site';

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const townships = Number(value('--townships'));
const seed = Number(value('--seed') ?? 1);
const out = value('--out');
if (!Number.isInteger(townships) || townships < 1 || !out) {
  console.error('usage: npm run build:site -- --townships N [--seed S] --out DIR');
  process.exit(1);
}
const started = performance.now();
const { site, build } = await buildSyntheticSite(resolve(out), townships, seed);
console.log(
  `${site}: ${build.data.townships.length} townships, ${build.data.items.length} items in ${((performance.now() - started) / 1000).toFixed(1)} s` +
    ` — serve it with npx vite preview --outDir ${site}`,
);
