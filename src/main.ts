// First: the stored colour theme is on <html> before anything renders (lib/theme/theme-choice.ts).
import './lib/theme/boot';
// Then the data and the first view's code start loading, while the rest of the app evaluates (boot.ts).
import './boot';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import './lib/print/print.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
target.textContent = '';
export default mount(App, { target });
