/** Chunks of a stream (a download, a file inflated as it is read) joined into one array of `total` bytes. */
export function concatBytes(chunks: readonly Uint8Array<ArrayBufferLike>[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
