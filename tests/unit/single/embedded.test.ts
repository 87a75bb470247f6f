import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { AtlasEngine } from '../../../src/lib/atlas/engine';
import { memorySource } from '../../../src/lib/atlas/memory-source';
import { FIXED_PARTS, partFile } from '../../../src/lib/atlas/parts';
import { unpack } from '../../../src/lib/atlas/unpack';
import { needing, sql } from '../../../src/lib/db/sql';
import { dataFingerprint, decodeBase64, readsFile, WASM_FILE, type EmbeddedMessage } from '../../../src/lib/single/embedded-format';
import { filesToEmbed, type EmbeddedFile } from '../../../scripts/lib/single-file';
import { fileSource } from '../../../scripts/lib/file-source';
import { pageTags } from './page-tags';
import { realDb } from '../queries/real-db';

/**
 * The single file's data: what the build embeds is what a reader of the page decodes, byte for byte
 * once inflated, and the engine opened over it answers as it does over the served folder.
 */
const DATA = resolve(import.meta.dirname, '../../../public/data');

describe('the single file’s embedded data', () => {
  let files: EmbeddedFile[];
  /** Each file as the page's readers get it: the tag's base64, decoded. */
  let read: Map<string, Uint8Array>;

  beforeAll(async () => {
    await realDb(); // builds public/data if it is not there yet
    files = filesToEmbed(DATA);
    read = new Map(pageTags(files).map((tag) => [tag.path, decodeBase64(tag.base64)]));
  });

  it('carries every served file and the wasm, gzipped, inflating to the served bytes', async () => {
    expect([...read.keys()].sort()).toEqual(files.map((f) => f.path).sort());
    expect(read.has('duties.sqlite')).toBe(true);
    expect(read.has(WASM_FILE)).toBe(true);
    for (const file of files) {
      const bytes = read.get(file.path)!;
      expect([bytes[0], bytes[1]], file.path).toEqual([0x1f, 0x8b]);
      if (file.path === WASM_FILE) {
        const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
        expect(Buffer.from(await unpack(bytes)).equals(readFileSync(wasm))).toBe(true);
        continue;
      }
      const served = new Uint8Array(readFileSync(resolve(DATA, file.path)));
      expect(Buffer.from(await unpack(bytes)).equals(Buffer.from(await unpack(served))), file.path).toBe(true);
      // Level 9: never larger than the build's level-1 gzip.
      if (file.path !== 'duties.sqlite') expect(bytes.length, file.path).toBeLessThanOrEqual(served.length);
    }
  });

  it('opens in the engine as the served folder does', async () => {
    const SQL = await initSqlJs();
    const embedded = await AtlasEngine.open(SQL, memorySource(read));
    const served = await AtlasEngine.open(SQL, fileSource(DATA));
    try {
      expect(embedded.info.files).toEqual(served.info.files);
      for (const part of FIXED_PARTS) expect(read.has(partFile(part))).toBe(true);
      const counts = needing(sql`SELECT count(*) AS n, sum(f.township_steps) AS steps FROM fact_items f`, 'facts');
      await expect(embedded.query(counts)).resolves.toEqual(await served.query(counts));
    } finally {
      embedded.close();
      served.close();
    }
  });

  it('hands each worker only the files it reads', () => {
    const paths = [...read.keys()];
    const db = paths.filter((p) => readsFile('db', p));
    const imports = paths.filter((p) => readsFile('import', p));
    expect(db).toContain(WASM_FILE);
    expect(db.filter((p) => p.startsWith('atlas/'))).toEqual(paths.filter((p) => p.startsWith('atlas/') && !p.endsWith('places.json.gz')));
    expect(db).not.toContain('duties.sqlite');
    expect(imports.sort()).toEqual([WASM_FILE, 'atlas/places.json.gz'].sort());
  });

  it('decodes base64 of every byte value', () => {
    const bytes = Uint8Array.from({ length: 1024 }, (_, i) => (i * 37) % 256);
    expect(Buffer.from(decodeBase64(Buffer.from(bytes).toString('base64'))).equals(Buffer.from(bytes))).toBe(true);
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
});

describe('a worker of the single file', () => {
  it('takes the page’s first message before the worker’s own handler, which never sees it', async () => {
    const scope = new EventTarget();
    Object.assign(globalThis, { self: scope });
    try {
      const { workerFile } = await import('../../../src/lib/single/worker-files');
      const { fetchData } = await import('../../../src/lib/single/fetch-data');
      // Added after the module is evaluated, as a worker's body sets self.onmessage after its imports.
      const seen: unknown[] = [];
      scope.addEventListener('message', (e) => seen.push((e as MessageEvent).data));
      const bytes = new Uint8Array([0x1f, 0x8b, 0, 255]);
      const message: EmbeddedMessage = {
        type: 'duty-atlas:embedded-files',
        files: [['atlas/summary.sqlite.gz', Buffer.from(bytes).toString('base64')]],
      };
      scope.dispatchEvent(new MessageEvent('message', { data: message }));
      scope.dispatchEvent(new MessageEvent('message', { data: { type: 'open' } }));
      await expect(workerFile('atlas/summary.sqlite.gz')).resolves.toEqual(bytes);
      await expect(workerFile('atlas/facts.sqlite.gz')).rejects.toThrow('atlas/facts.sqlite.gz');
      // Answered as a server answers: the bytes, or 404.
      const found = await fetchData('atlas/summary.sqlite.gz', 'file:///stick/data/');
      expect(new Uint8Array(await found.arrayBuffer())).toEqual(bytes);
      await expect(fetchData('atlas/facts.sqlite.gz', 'file:///stick/data/')).resolves.toMatchObject({ ok: false, status: 404 });
      expect(seen).toEqual([{ type: 'open' }]);
    } finally {
      Reflect.deleteProperty(globalThis, 'self');
    }
  });
});

describe('the store a single file keeps a reader’s database in', () => {
  it('is named by the data it carries: the same data, the same name; other data, another', () => {
    const summary = Buffer.from(Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)).toString('base64');
    const changed = summary.slice(0, 100) + (summary[100] === 'A' ? 'B' : 'A') + summary.slice(101);
    expect(dataFingerprint(summary)).toBe(dataFingerprint(`${summary}`));
    expect(dataFingerprint(changed)).not.toBe(dataFingerprint(summary));
    expect(dataFingerprint(summary.slice(0, -4))).not.toBe(dataFingerprint(summary));
  });
});
