import { readsFile, takeEmbedded, type EmbeddedMessage, type EmbeddedReader } from './embedded-format';

/**
 * The page's side of the single file's data: the files embedded in the HTML, read once, and handed
 * to each worker as it starts.
 */

let files: Map<string, string> | null = null;

/** The embedded files by path, in base64; read synchronously, so a worker is handed them before anything else. */
export function pageFiles(): Map<string, string> {
  return (files ??= takeEmbedded(document));
}

/**
 * Posts `worker` the files `reader` reads, as its first message (worker-files.ts takes it before the
 * worker's own handler sees any), and returns it. Strings are copied whole, with no decoding here; a
 * retry or a database the reader opens starts another worker that needs them too.
 */
export function handFiles(worker: Worker, reader: EmbeddedReader): Worker {
  const message: EmbeddedMessage = {
    type: 'duty-atlas:embedded-files',
    files: [...pageFiles()].filter(([path]) => readsFile(reader, path)),
  };
  worker.postMessage(message);
  return worker;
}
