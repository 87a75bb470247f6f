/**
 * Puts a build's output in place: the complete database and the atlas folder beside it, so that
 * whatever happens on the way (a write that fails, a full disk, the process killed) the output path
 * holds either the last good output, byte for byte, or the new one, never a mix or a half file.
 *
 * Everything is written under temporary names carrying the build's pid, checked as it reached the
 * disk, then swapped in by renames (atomic on one file system): the atlas folder first, then the
 * database. A failure between the two renames is rolled back here; a kill between them leaves the
 * evidence (the old atlas under `atlas.<pid>.old`, the new database still under its temporary name),
 * and `recoverInterrupted`, which every build runs first, finishes the rollback. A build whose
 * process is still alive is never touched, so two builds into one folder do not break each other.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { verifyDatabase } from '../../src/lib/db/write-database';
import { ATLAS_DIR } from '../../src/lib/atlas/parts';
import type { AtlasFile } from '../../src/lib/atlas/derive';
import { BuildError } from './read-source';

/** What a write's error code means for the person running the build. */
const DISK_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'the disk reported an input/output error',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * Runs a write; a disk's refusal becomes a BuildError naming the file the reader knows (the output,
 * not its temporary name) and the reason, instead of Node's "ENOSPC: …, write" without a path.
 */
function writing<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && code in DISK_ERRORS) throw new BuildError(`${path}: cannot write it: ${DISK_ERRORS[code]} (${code})`, { cause: error });
    throw error;
  }
}

/** The temporary names of one build (by pid) beside `outFile`. */
export function temporaryPaths(outFile: string, pid: number = process.pid) {
  const atlasDir = join(dirname(outFile), ATLAS_DIR);
  return {
    database: `${outFile}.${pid}.tmp`,
    atlas: `${atlasDir}.${pid}.tmp`,
    previousAtlas: `${atlasDir}.${pid}.old`,
  };
}

/** Writes the database to its temporary path and checks what reached the disk. Returns that path. */
export function stageDatabase(SQL: SqlJsStatic, outFile: string, bytes: Uint8Array): string {
  const { database } = temporaryPaths(outFile);
  writing(outFile, () => {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(database, bytes);
  });
  // Re-read what reached the disk before it replaces the last good database.
  const reread = verifyDatabase(SQL, readFileSync(database));
  if (reread.length) throw new BuildError(`${database}: the file on disk fails its checks:\n${reread.join('\n')}`);
  return database;
}

/**
 * Writes the atlas to a temporary folder, checks each file as it reached the disk, then renames it
 * and the staged database over the previous ones. Any failure leaves the previous output as it was
 * and no temporary file behind.
 */
export function publish(outFile: string, stagedDatabase: string, atlas: AtlasFile[]): void {
  const atlasDir = join(dirname(outFile), ATLAS_DIR);
  const paths = temporaryPaths(outFile);
  let swapped = false;
  try {
    for (const file of atlas) {
      const inside = file.path.slice(ATLAS_DIR.length + 1);
      const path = join(paths.atlas, inside);
      writing(join(atlasDir, inside), () => {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.bytes);
      });
      if (Buffer.compare(readFileSync(path), file.bytes) !== 0)
        throw new BuildError(`${path}: what reached the disk differs from what was written`);
    }
    if (existsSync(atlasDir)) writing(atlasDir, () => renameSync(atlasDir, paths.previousAtlas));
    try {
      writing(atlasDir, () => renameSync(paths.atlas, atlasDir));
    } catch (error) {
      if (existsSync(paths.previousAtlas)) renameSync(paths.previousAtlas, atlasDir);
      throw error;
    }
    swapped = true;
    writing(outFile, () => renameSync(stagedDatabase, outFile));
    swapped = false;
  } finally {
    // The new atlas without its database: put the previous one back, as a killed build's next run would.
    if (swapped) rollBack(atlasDir, paths);
    rmSync(paths.atlas, { recursive: true, force: true });
    rmSync(paths.previousAtlas, { recursive: true, force: true });
    rmSync(stagedDatabase, { force: true });
  }
}

function rollBack(atlasDir: string, paths: ReturnType<typeof temporaryPaths>): void {
  renameSync(atlasDir, paths.atlas);
  if (existsSync(paths.previousAtlas)) renameSync(paths.previousAtlas, atlasDir);
}

const isAlive = (pid: number) => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Finishes what a killed build left beside `outFile`: where it had swapped in its atlas but not its
 * database, the previous atlas goes back; where it had swapped neither, the previous atlas is
 * restored if it was moved aside; then its temporary files go. Returns what it found, for the log.
 */
export function recoverInterrupted(outFile: string): string[] {
  const dir = dirname(outFile);
  if (!existsSync(dir)) return [];
  const atlasDir = join(dir, ATLAS_DIR);
  const pattern = new RegExp(`^(?:${escape(basename(outFile))}|${escape(ATLAS_DIR)})\\.(\\d+)\\.(?:tmp|old)$`);
  const pids = new Set<number>();
  for (const name of readdirSync(dir)) {
    const m = pattern.exec(name);
    if (m && !isAlive(Number(m[1]))) pids.add(Number(m[1]));
  }
  const found: string[] = [];
  for (const pid of pids) {
    const paths = temporaryPaths(outFile, pid);
    if (existsSync(paths.previousAtlas)) {
      if (!existsSync(atlasDir)) {
        renameSync(paths.previousAtlas, atlasDir);
        found.push(`build ${pid} was stopped with the atlas moved aside: restored it`);
      } else if (existsSync(paths.database)) {
        rmSync(atlasDir, { recursive: true, force: true });
        renameSync(paths.previousAtlas, atlasDir);
        found.push(`build ${pid} was stopped between its atlas and its database: restored the previous atlas`);
      } else found.push(`build ${pid} was stopped after it finished: removed the previous atlas it kept`);
    } else found.push(`build ${pid} was stopped before it published: removed its temporary files`);
    rmSync(paths.atlas, { recursive: true, force: true });
    rmSync(paths.previousAtlas, { recursive: true, force: true });
    rmSync(paths.database, { force: true });
  }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
