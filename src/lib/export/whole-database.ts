/**
 * Whether bytes fetched as a complete database are one, whole: a server may answer with its error or
 * login page (HTML, status 200), or the transfer may stop early, and 导出数据库 must not hand the
 * reader such a file under a database's name. Pure; reads only the SQLite header.
 */

export type WholeDatabaseProblem = { kind: 'not-sqlite' } | { kind: 'truncated'; expected: number; received: number };

const MAGIC = 'SQLite format 3\0';

export function wholeDatabaseProblem(bytes: Uint8Array): WholeDatabaseProblem | null {
  if (bytes.length < 100 || String.fromCharCode(...bytes.subarray(0, 16)) !== MAGIC) return { kind: 'not-sqlite' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pageSize = view.getUint16(16) === 1 ? 65536 : view.getUint16(16);
  const pages = view.getUint32(28);
  // The header's page count holds only when the version it was written at is the file's (SQLite file format, §1.3.8).
  const countValid = pages > 0 && view.getUint32(92) === view.getUint32(24);
  if (countValid && pageSize * pages > bytes.length) return { kind: 'truncated', expected: pageSize * pages, received: bytes.length };
  return null;
}
