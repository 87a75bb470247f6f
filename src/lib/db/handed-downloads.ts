/// <reference lib="webworker" />
/**
 * Downloads the page starts for the database worker before the worker's own script has arrived.
 *
 * A worker can fetch nothing until its script has been fetched and evaluated, and its script is
 * requested only once the page's entry has run: the wasm (the largest file before the first chart)
 * and the summary waited behind both. The served host (src/lib/host/db-worker.ts) therefore starts
 * them on the page when it starts the worker — the wasm compiled as it streams in, the summary's body
 * handed over as a stream, so the worker still reports its progress — and the worker takes them
 * instead of fetching (src/lib/host/sql-js.ts, src/lib/host/fetch-data.ts).
 *
 * The worker learns what is coming from its first message, a port on which each download arrives
 * once it has started (or `null` where the page could not start it: the worker then fetches it
 * itself, so failures are reported as before). Workers the page hands nothing fetch as before.
 */

/** The worker's first message: what will arrive on `port`. */
interface Announcement {
  type: 'handed-downloads';
  port: MessagePort;
  /** Whether the compiled wasm module will arrive. */
  wasm: boolean;
  /** Absolute URLs of the responses that will arrive. */
  urls: string[];
}

type Delivery = { kind: 'wasm'; module: WebAssembly.Module | null } | { kind: 'response'; url: string; response: HandedResponse | null };

interface HandedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ReadableStream<Uint8Array> | null;
}

const isAnnouncement = (data: unknown): data is Announcement =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'handed-downloads';

// ---- The page's side -------------------------------------------------------------------------

/** The wasm compiled once per page: every database worker the page starts gets the same module. */
let compiled: Promise<WebAssembly.Module | null> | null = null;

/**
 * Starts the wasm's compile (once per page) and, with `urls`, their downloads, and hands them to
 * `worker`: must be called before anything else is posted to it.
 */
export function handDownloads(worker: Worker, wasmUrl: string, urls: readonly string[]): void {
  const { port1, port2 } = new MessageChannel();
  const announcement: Announcement = { type: 'handed-downloads', port: port2, wasm: true, urls: [...urls] };
  worker.postMessage(announcement, [port2]);
  // A failed compile is the worker's to report: it then loads the wasm itself and says what failed.
  // It is not kept, so a retry compiles again.
  const compiling = (compiled ??= WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => (compiled = null)));
  void compiling.then((module) => port1.postMessage({ kind: 'wasm', module } satisfies Delivery));
  for (const url of urls) {
    void fetch(url).then(
      (response) => {
        const handed: HandedResponse = {
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: response.body,
        };
        try {
          port1.postMessage({ kind: 'response', url, response: handed } satisfies Delivery, handed.body ? [handed.body] : []);
        } catch {
          // A browser that cannot transfer a stream: the worker fetches the file itself.
          void response.body?.cancel();
          port1.postMessage({ kind: 'response', url, response: null } satisfies Delivery);
        }
      },
      () => port1.postMessage({ kind: 'response', url, response: null } satisfies Delivery),
    );
  }
}

// ---- The worker's side -----------------------------------------------------------------------

let wasmDelivered: Promise<WebAssembly.Module | null> | null = null;
const responsesDelivered = new Map<string, Promise<Response | null>>();

// Listening from this module's evaluation, before the worker's own handler is set: the announcement
// is the first message, and the worker's handler never sees it.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const take = (event: MessageEvent) => {
    if (!isAnnouncement(event.data)) return;
    event.stopImmediatePropagation();
    self.removeEventListener('message', take);
    const { port, wasm, urls } = event.data;
    const waiting = new Map<string, (value: never) => void>();
    const expect = <T>(key: string) => new Promise<T>((resolve) => waiting.set(key, resolve as (value: never) => void));
    if (wasm) wasmDelivered = expect<WebAssembly.Module | null>('wasm');
    for (const url of urls) responsesDelivered.set(url, expect<Response | null>(url));
    port.onmessage = (message: MessageEvent<Delivery>) => {
      const d = message.data;
      const key = d.kind === 'wasm' ? 'wasm' : d.url;
      waiting.get(key)?.(delivered(d) as never);
      waiting.delete(key);
      if (waiting.size === 0) port.close();
    };
  };
  self.addEventListener('message', take);
}

/** What a delivery holds; a response this worker cannot rebuild is left to the network, as one not handed. */
function delivered(d: Delivery): WebAssembly.Module | Response | null {
  if (d.kind === 'wasm') return d.module;
  const r = d.response;
  try {
    return r && new Response(r.body, { status: r.status, statusText: r.statusText, headers: r.headers });
  } catch {
    return null;
  }
}

/** The wasm module the page compiled, or null where it handed none (or its compile failed). */
export const handedWasm = (): Promise<WebAssembly.Module | null> => wasmDelivered ?? Promise.resolve(null);

/**
 * The page's response for `url`, taken once (a later fetch of the same file goes to the network), or
 * null where the page handed none for it.
 */
export function takeHandedResponse(url: string): Promise<Response | null> | null {
  const delivered = responsesDelivered.get(url) ?? null;
  responsesDelivered.delete(url);
  return delivered;
}
