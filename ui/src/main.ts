import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

// `npm run dev:mock`: the UI in a plain browser, answered by the test fixtures instead of Rust
// (`?empty` starts with an empty library). The condition is false in every other mode, so the
// build leaves this code out.
if (import.meta.env.MODE === 'mock') {
  const { fakeBackend } = await import('./test/backend');
  const { samplePublishing } = await import('./test/publishing');
  fakeBackend(new URLSearchParams(location.search).has('empty') ? { articles: [] } : samplePublishing());
}

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Marks for the start-up benchmark (performance.getEntriesByType('mark')): when the script ran,
// and when the shell (with the first page of the list, src/lib/boot.ts) was in the document.
performance.mark('newsdesk:script');
const app = mount(App, { target });
performance.mark('newsdesk:mounted');

export default app;
