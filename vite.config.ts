/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { servedContentSecurityPolicy } from './scripts/csp/plugin.ts';
import { firstPaintChunks } from './scripts/first-paint-chunks.ts';

const chunks = firstPaintChunks();

// Relative base so the built site works from any folder on an intranet server or a laptop. The page
// carries its Content-Security-Policy (scripts/csp/); the single file writes its own.
export default defineConfig({
  base: './',
  plugins: [svelte(), servedContentSecurityPolicy(), chunks.plugin],
  worker: { format: 'es' },
  build: {
    // One stylesheet, linked by index.html: split per chunk, each dynamic import (the app's, the first
    // view's) waited for its own stylesheet to be fetched after the entry had run.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              // What two or more views share — the chart frame, tooltips, export menu, query builders,
              // d3's scales and selection — in one chunk: left to automatic chunking it was two dozen
              // files of a few hundred bytes each, and the first view waited for them six at a time
              // (HTTP/1.1) beside the worker's wasm and data. The large libraries a view or an export
              // alone brings (Plot, d3-force, exceljs, pptxgenjs) stay in their own chunks, and what
              // the entry needs stays in it (scripts/first-paint-chunks.ts).
              name: 'views-shared',
              test: chunks.shared,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30000,
          hookTimeout: 120000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/setup.ts'],
          testTimeout: 60000,
          hookTimeout: 60000,
          // One Chromium per file is enough load for a laptop; files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
