/// <reference lib="webworker" />
import { decodeBase64, isEmbeddedMessage } from './embedded-format';

/**
 * A worker's side of the single file's data: the files the page hands it in its first message
 * (page-files.ts). The listener is added when this module is evaluated, which is before the worker's
 * own module body sets `self.onmessage` (imports evaluate first), so it hears that message first and
 * stops it there: the worker's handler never sees a message it does not know.
 */

declare const self: DedicatedWorkerGlobalScope;

const received = new Promise<Map<string, string>>((resolve) => {
  const take = (event: MessageEvent) => {
    if (!isEmbeddedMessage(event.data)) return;
    event.stopImmediatePropagation();
    self.removeEventListener('message', take);
    resolve(new Map(event.data.files));
  };
  self.addEventListener('message', take);
});

/**
 * The bytes of an embedded file, as embedded (gzipped), decoded now: each reader reads a file once
 * (the engine keeps what it loaded). Rejects naming the path when the page did not hand it over.
 */
export async function workerFile(path: string): Promise<Uint8Array> {
  const base64 = (await received).get(path);
  if (base64 === undefined) throw new Error(`${path}: not among the files this single page carries`);
  return decodeBase64(base64);
}
