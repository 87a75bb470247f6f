/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { servedContentSecurityPolicy } from './scripts/csp/plugin.ts';

// Relative base so the built site works from any folder on an intranet server or a laptop. The page
// carries its Content-Security-Policy (scripts/csp/); the single file writes its own.
export default defineConfig({
  base: './',
  plugins: [svelte(), servedContentSecurityPolicy()],
  worker: { format: 'es' },
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
