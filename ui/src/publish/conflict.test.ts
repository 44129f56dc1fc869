import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConflictChoice } from '../lib/ipc/bindings';
import { renderApp } from '../test/app';
import { samplePublishing } from '../test/publishing';

afterEach(() => {
  window.location.hash = '';
});

async function openConflict() {
  const app = renderApp('#/outbox', samplePublishing());
  await app.user.click(await screen.findByRole('button', { name: 'Konflikt bei „Zweites Digitalisierungskabinett“ ansehen' }));
  const view = await screen.findByRole('region', { name: 'Konflikt: „Zweites Digitalisierungskabinett“ auf Landesportal' });
  await within(view).findByRole('region', { name: 'Titel' });
  return { ...app, view };
}

describe('a conflict', () => {
  it('shows each changed field in its three versions, whitespace kept', async () => {
    const { view, backend } = await openConflict();
    expect(backend.callsOf('publish_conflict').map((c) => c.args)).toEqual([{ job: 4 }]);
    expect(within(view).getByText(/wurde auf Landesportal geändert/)).toBeInTheDocument();

    const title = within(view).getByRole('region', { name: 'Titel' });
    const columns = [...title.querySelectorAll<HTMLElement>('[data-version]')];
    expect(columns.map((c) => c.querySelector('h3')?.firstChild?.textContent?.trim())).toEqual([
      'Zuletzt veröffentlicht',
      'In Newsdesk',
      'Auf dem Portal',
    ]);
    expect(columns.map((c) => c.querySelector('pre')?.textContent)).toEqual([
      'Zweites Digitalisierungskabinett',
      'Zweites Digitalisierungskabinett tagt',
      'Digitalisierungskabinett: zweite Sitzung',
    ]);

    // The text as given: paragraphs and the portal's indentation survive.
    const body = within(view).getByRole('region', { name: 'Text' });
    const remote = body.querySelector<HTMLElement>('[data-version="remote"] pre');
    expect(remote?.textContent).toBe('Absatz eins.\n\n    Eingerückt vom Portal.');
    expect(within(view).queryByRole('note')).toBeNull();
  });

  for (const [label, choice] of [
    ['Meine Fassung senden', 'keep_mine'],
    ['Portal-Fassung übernehmen', 'take_theirs'],
    ['Auftrag verwerfen', 'cancel'],
  ] as [string, ConflictChoice][]) {
    it(`settles with “${label}”`, async () => {
      const { user, view, backend } = await openConflict();
      await user.click(within(view).getByRole('button', { name: label }));
      await waitFor(() => expect(backend.callsOf('resolve_conflict').map((c) => c.args)).toEqual([{ job: 4, choice }]));
      // Settled: the row is no longer in conflict and the view closes.
      await waitFor(() => expect(screen.queryByRole('region', { name: /^Konflikt:/ })).toBeNull());
      const row = document.querySelector<HTMLElement>('[data-job-id="4"]')!;
      expect(row.dataset.state).toBe(choice === 'keep_mine' ? 'queued' : 'cancelled');
    });
  }

  it('says when the post was deleted on the portal, and opens from a link to the job', async () => {
    const publishing = samplePublishing();
    publishing.conflicts[4] = { ...publishing.conflicts[4]!, remote_exists: false, fields: [] };
    renderApp('#/outbox?job=4', publishing);
    const view = await screen.findByRole('region', { name: /^Konflikt:/ });
    expect(await within(view).findByRole('note')).toHaveTextContent('Der Beitrag wurde auf dem Portal gelöscht.');
    expect(within(view).getByRole('button', { name: 'Portal-Fassung übernehmen' })).toBeDisabled();
    expect(within(view).getByRole('button', { name: 'Meine Fassung senden' })).toBeEnabled();
  });
});
