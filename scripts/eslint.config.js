// ESLint flat config. It lives in scripts/ because the repository's top level is kept to a fixed set of
// entries; `npm run lint` passes it with `--config`. Every pattern below is relative to the repository
// root (basePath), whatever the working directory and however ESLint resolves `--config`.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every DOM call that parses a string as HTML: text goes in as textContent, a chart as built nodes. */
const HTML_SINK = 'parses its string as HTML: set textContent, or build the nodes (data must never become markup)';
const MARKUP_SINKS = [
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: `innerHTML/outerHTML/srcdoc ${HTML_SINK}`,
  },
  {
    selector: 'CallExpression > MemberExpression.callee[property.name=/^(insertAdjacentHTML|setHTMLUnsafe|createContextualFragment)$/]',
    message: `this ${HTML_SINK}`,
  },
  {
    selector: "CallExpression > MemberExpression.callee[object.name='document'][property.name=/^write(ln)?$/]",
    message: `document.write ${HTML_SINK}`,
  },
];

export default defineConfig(
  {
    name: 'duty-atlas/ignores',
    basePath: repoRoot,
    // Built output (also the e2e tests' and the benchmark's synthetic sites), the generated data and the raw lists: nothing here is hand-written.
    // `.scratch/` (ignored by git too) holds a developer's throwaway measuring scripts.
    ignores: ['dist/', 'dist-single/', 'public/data/', 'data/', '.e2e-scale/', '.e2e-hostile/', '.e2e-single/', '.bench/', '.scratch/'],
  },
  {
    basePath: repoRoot,
    extends: [js.configs.recommended, ts.configs.recommended, svelte.configs.recommended],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // Data from the published lists must never become markup (tests/unit/security checks the same, and
      // tests/e2e/hostile-list.e2e.test.ts walks every view with a list full of it): no {@html} in a
      // template, and no way in TypeScript to hand the browser a string to parse as HTML.
      'svelte/no-at-html-tags': 'error',
      'no-restricted-syntax': ['error', ...MARKUP_SINKS],
      // `const { [key]: _, ...rest } = obj` is how a key is dropped; the named-and-unused `_` is the point.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Charts are pure functions returning SVG (src/lib/charts); a view mounts it into an empty bound element.
      'svelte/no-dom-manipulating': 'off',
      // The Maps it flags are scratch values inside $derived computations, never state that outlives them.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    basePath: repoRoot,
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] },
    },
  },
);
