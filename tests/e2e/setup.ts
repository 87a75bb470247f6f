/**
 * Vitest globalSetup for the e2e project: serves the built site (dist/) with `vite preview` on a free
 * port and hands its URL to the tests as `inject('baseURL')`. `npm test` builds first; run
 * `npm run build` yourself before `npm run test:e2e`.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

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

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  for (const file of ['dist/index.html', 'dist/data/duties.sqlite']) {
    if (!existsSync(resolve(root, file))) throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests`);
  }
  const port = await freePort();
  server = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  project.provide('baseURL', `http://127.0.0.1:${port}/`);
  return async () => {
    await server?.close();
  };
}
