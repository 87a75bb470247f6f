/**
 * How the served build cuts the page's code so that the data starts loading first (vite.config.ts).
 *
 * The entry (src/main.ts) holds only what starts the worker and the first view's code (src/boot.ts);
 * the app (src/app.ts: Svelte, the shell) is a chunk of its own, imported by the entry and
 * preloaded by index.html beside it. Modules two or more views share go into one chunk,
 * `views-shared` — but none the entry needs: the entry would then import it, and the worker would
 * wait for it as before.
 *
 * What starts the worker (src/start-data.ts) is an entry of its own besides, which index.html loads
 * as an async module script: it runs as soon as its few modules have arrived, not once the whole
 * entry has been fetched and compiled. The entry imports it too, so it runs once either way. The
 * single-file build (scripts/build-single.ts) has one input and no such script.
 */
import { resolve } from 'node:path';
import type { Plugin, PluginOption } from 'vite';

/** Modules views share that belong together: the app's own library, d3's small modules. */
const SHARED = /[\\/](src[\\/]lib|node_modules[\\/](d3-(array|color|format|interpolate|scale|selection|time|time-format)|internmap))[\\/]/;

export interface FirstPaintChunks {
  plugin: Plugin;
  /** The `views-shared` group's test: a module views share, not in the entry's static imports. */
  shared: (id: string) => boolean;
}

/** The module that starts the served data's worker (an entry of its own, above). */
const START_MODULE = 'src/start-data.ts';

/** Whether vite-plugin-singlefile is among `plugins`: one input, everything inlined. */
function isSingleFile(plugins: PluginOption[] | undefined): boolean {
  return (plugins ?? []).flat(Infinity as 1).some((p) => !!p && typeof p === 'object' && 'name' in p && p.name === 'vite:singlefile');
}

export function firstPaintChunks(): FirstPaintChunks {
  /** Every module the entry imports statically, read once the module graph is complete. */
  const entry = new Set<string>();
  const plugin: Plugin = {
    name: 'duty-atlas:first-paint-chunks',
    apply: 'build',
    config(config) {
      if (isSingleFile(config.plugins)) return;
      const root = config.root ?? '.';
      return {
        build: {
          rolldownOptions: {
            input: { index: resolve(root, 'index.html'), start: resolve(root, START_MODULE) },
          },
        },
      };
    },
    buildEnd() {
      entry.clear();
      const walk = (id: string) => {
        if (entry.has(id)) return;
        entry.add(id);
        for (const imported of this.getModuleInfo(id)?.importedIds ?? []) walk(imported);
      };
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) walk(id);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The app's chunk and what it imports, fetched beside the entry rather than after it has run.
        const app = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/app.ts'),
        );
        if (!app || app.type !== 'chunk') return html;
        const start = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.replace(/\\/g, '/').endsWith(`/${START_MODULE}`),
        );
        // Scripts only: the styles are one stylesheet index.html links already (cssCodeSplit: false
        // in vite.config.ts), so no import waits for a stylesheet of its own.
        const scripts: string[] = [];
        const add = (fileName: string) => {
          if (scripts.includes(fileName) || html.includes(`/${fileName}"`)) return;
          scripts.push(fileName);
          const chunk = ctx.bundle?.[fileName];
          if (chunk?.type === 'chunk') for (const imported of chunk.imports) add(imported);
        };
        add(app.fileName);
        if (start?.type === 'chunk') for (const imported of start.imports) add(imported);
        return {
          html,
          tags: [
            // Async: run once its own modules are here, whatever the order of the scripts.
            ...(start
              ? [
                  {
                    tag: 'script',
                    attrs: { type: 'module', async: true, crossorigin: true, src: `./${start.fileName}` },
                    injectTo: 'head' as const,
                  },
                ]
              : []),
            ...scripts.map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
              injectTo: 'head' as const,
            })),
          ],
        };
      },
    },
  };
  return { plugin, shared: (id) => SHARED.test(id) && !entry.has(id) };
}
