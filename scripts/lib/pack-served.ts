import { gzipSync } from 'node:zlib';

/**
 * Every served file is gzipped (src/lib/atlas/unpack.ts inflates it): level 1, because at a region's
 * 260 MB the default level costs three times the CPU for a few per cent less.
 */
export const packServed = (bytes: Uint8Array): Uint8Array => gzipSync(bytes, { level: 1 });
