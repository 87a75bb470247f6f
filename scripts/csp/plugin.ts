/**
 * Vite plugins that write each build's Content-Security-Policy (policy.ts) into its page at build
 * time, so the served folder and the single file each carry the policy they need and nothing else.
 */
import type { Plugin } from 'vite';
import { formatPolicy, inlineHash, inlineScripts, inlineStyles, servedDirectives, singleFileDirectives, withPolicy } from './policy.ts';

/** Hashes of Plot's style elements; Plot and jsdom load only when a page is built (vitest reads this config too). */
async function plotStyleHashes(): Promise<string[]> {
  const { plotStyleTexts } = await import('./plot-styles.ts');
  return Promise.all(plotStyleTexts().map(inlineHash));
}

const unique = (hashes: string[]) => [...new Set(hashes)];

/** The served build's policy (vite.config.ts). The single-file build (mode `single`) writes its own below. */
export function servedContentSecurityPolicy(): Plugin {
  return {
    name: 'duty-atlas:csp-served',
    apply: (_config, env) => env.command === 'build' && env.mode !== 'single',
    transformIndexHtml: {
      order: 'post',
      handler: async (html) => withPolicy(html, formatPolicy(servedDirectives(await plotStyleHashes()))),
    },
  };
}

/**
 * The single file's policy, hashing the scripts and the stylesheet vite-plugin-singlefile inlined:
 * list it after `viteSingleFile()`, whose page it reads once everything is in it.
 */
export function singleFileContentSecurityPolicy(): Plugin {
  return {
    name: 'duty-atlas:csp-single-file',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const pages = Object.values(bundle).filter((file) => file.type === 'asset' && /\.html?$/.test(file.fileName));
        if (pages.length === 0) this.error('no page in the bundle to give a Content-Security-Policy');
        const plot = await plotStyleHashes();
        for (const page of pages) {
          if (page.type !== 'asset') continue;
          const html = typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
          const scripts = unique(await Promise.all(inlineScripts(html).map(inlineHash)));
          const styles = unique([...plot, ...(await Promise.all(inlineStyles(html).map(inlineHash)))]);
          page.source = withPolicy(html, formatPolicy(singleFileDirectives({ scripts, styles })));
        }
      },
    },
  };
}
