/**
 * A real full disk (#11): where the machine lets the test mount a small tmpfs (as root, or as anyone
 * in a user namespace, through `unshare -rm`), the output folder is put on one holding a good build,
 * the disk is filled to leave a little room, and a new build is run as `npm run build:db` runs it.
 * Whatever is left free, the build must say which file it could not write and why, and leave the
 * previous output byte for byte, passing PRAGMA integrity_check, with no temporary file. With room
 * enough, the same build on the same disk publishes the new output.
 *
 * Where no tmpfs can be mounted the test says so and is skipped: faults.test.ts injects ENOSPC at
 * every write instead.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../../../scripts/build-db';

const ROOT = resolve(import.meta.dirname, '../../..');
const RAW = join(ROOT, 'data/raw');
const work = mkdtempSync(join(tmpdir(), 'duty-atlas-small-disk-'));

/** Whether this process may mount a tmpfs in a mount namespace of its own. */
function canMountTmpfs(): boolean {
  const probe = join(work, 'probe');
  mkdirSync(probe);
  const run = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs '${probe}'`], { encoding: 'utf8' });
  return run.status === 0;
}
const mountable = canMountTmpfs();
afterAll(() => rmSync(work, { recursive: true, force: true }));
if (!mountable) console.info('small-disk: no tmpfs can be mounted here; faults.test.ts injects ENOSPC instead');

/** Room left on the disk before each build, as a share of what the new output takes: none, a little, part, nearly all. */
const FREE = [0, 0.05, 0.4, 0.9];
/** The disk's size: the previous output, the new one beside it while it is published, and slack. */
const DISK_SIZE = '6m';

/** Every file under a folder, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  return files;
}

const script = `
set -u
for free in "$@"; do
  mount -t tmpfs -o size=${DISK_SIZE} tmpfs "$DISK"
  cp -r "$PREV/." "$DISK/"
  if [ "$free" != roomy ]; then
    avail=$(df -B1 --output=avail "$DISK" | tail -1)
    head -c $((avail - free)) /dev/zero > "$DISK/filler" 2>/dev/null
  fi
  node --import tsx scripts/build-db.ts --input "$INPUT" --out "$DISK/out/duties.sqlite" --quiet > "$AFTER/$free.log" 2>&1
  echo $? > "$AFTER/$free.status"
  mkdir -p "$AFTER/$free"
  cp -r "$DISK/out/." "$AFTER/$free/"
  umount "$DISK"
done
`;

describe.skipIf(!mountable)('a build on a disk that fills up', () => {
  const prev = join(work, 'prev');
  const fresh = join(work, 'fresh');
  const after = join(work, 'after');
  const disk = join(work, 'disk');
  const oneList = join(work, 'one-list');
  let previous: Map<string, Buffer>;
  /** The free bytes of each FREE share. */
  let freeBytes: number[];

  beforeAll(async () => {
    const lists = readdirSync(RAW).filter((f) => f.endsWith('.txt'));
    mkdirSync(oneList);
    copyFileSync(join(RAW, lists[0]), join(oneList, lists[0]));
    await buildDatabase(RAW, join(prev, 'out/duties.sqlite'));
    await buildDatabase(oneList, join(fresh, 'duties.sqlite'));
    previous = snapshot(join(prev, 'out'));
    const newOutput = [...snapshot(fresh).values()].reduce((n, b) => n + b.length, 0);
    freeBytes = FREE.map((share) => Math.floor(share * newOutput));
    mkdirSync(after);
    mkdirSync(disk);
    writeFileSync(join(work, 'fill.sh'), script);
    const run = spawnSync('unshare', ['-rm', 'bash', join(work, 'fill.sh'), ...freeBytes.map(String), 'roomy'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DISK: disk, PREV: prev, AFTER: after, INPUT: oneList },
    });
    expect(run.status, run.stderr).toBe(0);
  }, 300_000);

  it.each(FREE.map((share, i) => [share, i]))(
    'with %f of the new output free: says which file could not be written, keeps the previous output',
    async (_, i) => {
      const free = freeBytes[i];
      const log = readFileSync(join(after, `${free}.log`), 'utf8');
      expect(readFileSync(join(after, `${free}.status`), 'utf8').trim(), log).not.toBe('0');
      expect(log).toMatch(new RegExp(`${disk}/out/\\S+: cannot write it: the disk is full \\(ENOSPC\\)`));
      expect(log).toContain('The previous database, if any, is unchanged.');
      const now = snapshot(join(after, String(free)));
      expect([...now.keys()].sort()).toEqual([...previous.keys()].sort());
      for (const [path, bytes] of previous) expect(Buffer.compare(now.get(path)!, bytes), path).toBe(0);
      const SQL = await initSqlJs();
      const db = new SQL.Database(readFileSync(join(after, String(free), 'duties.sqlite')));
      expect(db.exec('PRAGMA integrity_check')[0].values.flat().join()).toBe('ok');
      db.close();
    },
  );

  it('with room enough, publishes the new output on the same disk', () => {
    const log = readFileSync(join(after, 'roomy.log'), 'utf8');
    expect(readFileSync(join(after, 'roomy.status'), 'utf8').trim(), log).toBe('0');
    const now = snapshot(join(after, 'roomy'));
    const expected = snapshot(fresh);
    expect([...now.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, bytes] of expected) expect(Buffer.compare(now.get(path)!, bytes), path).toBe(0);
  });
});
