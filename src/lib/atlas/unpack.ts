/**
 * The build gzips every part (a region's parts shrink from ≈260 MB to ≈110 MB; SQLite pages of
 * integers and repeated Chinese text compress well). Servers rarely compress .sqlite or .bin on
 * their own, so the engine does not rely on Content-Encoding: it inflates what starts with gzip's
 * magic bytes and passes anything else through (a server that did decode it, a test's raw part).
 * DecompressionStream is in every browser the dashboard supports and in Node 20.
 */
export async function unpack(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzipped(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Whether bytes start with gzip's magic bytes (as the build writes every part). */
export const isGzipped = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
