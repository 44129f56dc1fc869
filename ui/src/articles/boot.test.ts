import { screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { resetBoot } from '../lib/boot';
import type { BootSnapshot } from '../lib/ipc/bindings';
import { renderApp } from '../test/app';
import { articles as sampleArticles } from '../test/fixtures';

function snapshot(): BootSnapshot {
  const rows = sampleArticles.map(({ body: _b, images: _i, links: _l, related: _r, revision: _v, extra: _e, ...summary }) => summary);
  return {
    info: { path: '/tmp/library.sqlite', schema_version: 10, articles: rows.length, trashed: 0, by_status: [], sections: ['Politik'] },
    articles: rows,
    page_size: 200,
    start_view: 'library',
  };
}

describe('the start of the window', () => {
  afterEach(() => {
    delete window.__NEWSDESK_BOOT__;
    resetBoot();
  });

  it('shows the first page the core read before the window opened, before any answer', async () => {
    window.__NEWSDESK_BOOT__ = snapshot();
    resetBoot();
    const app = renderApp('#/articles');
    // In the document as the first render left it: IPC answers come later (a promise away).
    expect(screen.getAllByRole('link', { name: /Zweites Digitalisierungskabinett/ }).length).toBeGreaterThan(0);
    expect(app.backend.callsOf('list_articles')).toHaveLength(1);
    // The fresh answer replaces the rows; the list stays.
    expect(await screen.findAllByRole('link', { name: /Zweites Digitalisierungskabinett/ })).not.toHaveLength(0);
  });

  it('uses the snapshot once: a filtered list asks the core', async () => {
    window.__NEWSDESK_BOOT__ = snapshot();
    resetBoot();
    renderApp('#/articles?status=ready');
    expect(screen.queryByRole('link', { name: /Zweites Digitalisierungskabinett/ })).toBeNull();
  });

  it('starts on the overview before the first frame when the settings say so, and keeps a view asked for', async () => {
    window.__NEWSDESK_BOOT__ = { ...snapshot(), start_view: 'overview' };
    resetBoot();
    renderApp('');
    expect(window.location.hash, 'chosen before the first render, not after the list flashed').toBe('#/overview');
    expect(await screen.findByRole('heading', { name: 'Überblick', level: 1 })).toBeInTheDocument();
    resetBoot();
    renderApp('#/images');
    expect(window.location.hash, 'a view named in the address wins over the start view').toBe('#/images');
  });
});
