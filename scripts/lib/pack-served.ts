import { gzipSync } from 'node:zlib';

/**
 * Every served file is gzipped (src/lib/atlas/unpack.ts inflates it) at zlib's default level 6. At
 * 1,100 townships, against level 1: county names 22% fewer bytes, steps 15%, the parts 10–13%, the
 * search index 8%, for about 4 s more CPU over the build's two threads. The files are written once and
 * fetched while a reader waits; inflating them takes no longer.
 */
export const packServed = (bytes: Uint8Array): Uint8Array => gzipSync(bytes, { level: 6 });
