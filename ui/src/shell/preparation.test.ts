import { screen, within } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';
import { preparationWords } from './preparation';

afterEach(() => {
  window.location.hash = '';
});

function bar() {
  return screen.getByRole('contentinfo', { name: 'Statusleiste' });
}

describe('the background work after opening, in the status bar', () => {
  it('shows the rebuild of the search index with its progress as the core reports it, then nothing', async () => {
    renderApp('#/articles', { preparation: { task: 'search_index', done: 0, total: 100000 } });
    const first = await within(bar()).findByText('Suchindex wird aufgebaut … 0 %');
    const status = first.closest('[data-preparation]');
    expect(status).toHaveAttribute('role', 'status');
    await emit('preparation', { task: 'search_index', done: 45000, total: 100000 });
    expect(await within(bar()).findByText('Suchindex wird aufgebaut … 45 %')).toBeInTheDocument();
    await emit('preparation', { task: 'tag_model', done: 30000, total: 100000 });
    expect(await within(bar()).findByText('Schlagwortvorschläge lernen das Archiv … 30 %')).toBeInTheDocument();
    expect(status).toHaveAttribute('data-preparation', 'tag_model');
    await emit('preparation', { task: 'ready', done: 0, total: 0 });
    await expect.poll(() => bar().querySelector('[data-preparation]')).toBeNull();
  });

  it('says nothing when the library is ready from the start', async () => {
    const { backend } = renderApp('#/articles');
    await expect.poll(() => backend.callsOf('preparation').length).toBe(1);
    expect(within(bar()).queryByText(/Suchindex|Schlagwortvorschläge/)).not.toBeInTheDocument();
  });

  it('words a step as a whole percentage, never over 100', () => {
    expect(preparationWords({ task: 'tag_model', done: 1, total: 3 })).toBe('Schlagwortvorschläge lernen das Archiv … 33 %');
    expect(preparationWords({ task: 'search_index', done: 7, total: 0 })).toBe('Suchindex wird aufgebaut … 0 %');
    expect(preparationWords({ task: 'search_index', done: 12, total: 10 })).toBe('Suchindex wird aufgebaut … 100 %');
    expect(preparationWords({ task: 'ready', done: 0, total: 0 })).toBeNull();
  });
});
