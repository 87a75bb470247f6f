// First: the stored colour theme is on <html> before anything renders (lib/theme/theme-choice.ts).
import './lib/theme/boot';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import './lib/print/print.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
target.textContent = '';
export default mount(App, { target });
