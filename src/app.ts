/**
 * The app, mounted: a chunk of its own that src/main.ts imports once the data and the first view
 * have started loading (boot.ts), so the worker starts before this code — Svelte, the shell, what
 * the views share — has been fetched, compiled and run. index.html preloads it beside the entry.
 */
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
target.textContent = '';
export default mount(App, { target });
