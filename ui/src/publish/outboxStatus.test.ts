import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';
import { job, samplePublishing } from '../test/publishing';

afterEach(() => {
  window.location.hash = '';
});

function navOutbox() {
  const nav = screen.getByRole('navigation', { name: 'Navigation' });
  return within(nav).getByRole('link', { name: /^Postausgang/ });
}

function statusBar() {
  return screen.getByRole('contentinfo', { name: 'Statusleiste' });
}

describe('the outbox in the status bar and the navigation', () => {
  it('says nothing while the outbox is empty', async () => {
    const { backend } = renderApp();
    await within(statusBar()).findByText('6 Artikel');
    await waitFor(() => expect(backend.callsOf('outbox_summary')).toHaveLength(1));
    expect(within(statusBar()).queryByText(/Postausgang|Offline|Konflikt/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Postausgang' })).toBeInTheDocument();
  });

  it('follows the outbox event: waiting, offline, sent, and a conflict leads to the outbox', async () => {
    const { user, backend } = renderApp('#/articles', {
      portals: samplePublishing().portals,
      jobs: [job({ id: 1, state: 'queued' }), job({ id: 2, article_id: 6, state: 'queued' })],
    });
    expect(await within(statusBar()).findByText('Postausgang: 2')).toBeInTheDocument();
    expect(navOutbox()).toHaveTextContent(/Postausgang\s*2/);

    await backend.settle(1, { state: 'retrying', next_attempt_at: new Date(Date.now() + 60_000).toISOString(), error: 'offline' });
    expect(await within(statusBar()).findByText('Offline – 1 wartet')).toBeInTheDocument();

    await backend.settle(1, { state: 'done' });
    expect(await within(statusBar()).findByText('Postausgang: 1')).toBeInTheDocument();

    await backend.settle(2, { state: 'conflict', error: 'changed on the portal' });
    const link = await within(statusBar()).findByRole('link', { name: '1 Konflikt' });
    expect(navOutbox()).toHaveTextContent('Konflikte oder Fehler im Postausgang');
    await user.click(link);
    await waitFor(() => expect(window.location.hash).toBe('#/outbox'));
    expect(await screen.findByRole('list', { name: 'Aufträge im Postausgang' })).toBeInTheDocument();

    await backend.settle(2, { state: 'done', error: null });
    await waitFor(() => expect(within(statusBar()).queryByRole('link', { name: /Konflikt/ })).toBeNull());
  });
});
