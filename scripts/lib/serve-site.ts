/**
 * Serves a built site folder as `npm start` does (vite preview, which gzips) on a free local port:
 * for the e2e tests, the benchmark and the screenshots.
 */
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { preview } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface ServedSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `outDir` at `base` (a path such as '/intranet/atlas/', for a site in a sub-folder of the
 * server; '/' by default): the built page's paths are relative, so any folder works.
 */
export async function serveSite(outDir: string, base = '/'): Promise<ServedSite> {
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    base,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}${base}`, close: () => server.close() };
}
