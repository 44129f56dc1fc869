import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { mark, markListPainted } from './lib/startupMarks';
import { warmHyphenationWhenIdle } from './lib/hyphenation';

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

// For the start-up benchmark (lib/startupMarks.ts): the shell is mounted with the first page
// of the list already in it (lib/boot.ts).
mark('script');
const app = mount(App, { target });
mark('mounted');
markListPainted();
warmHyphenationWhenIdle();

export default app;
