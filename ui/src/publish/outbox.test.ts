import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { renderApp } from '../test/app';
import { job, samplePublishing } from '../test/publishing';

afterEach(() => {
  window.location.hash = '';
});

/** Today at 14:32 local time: the retry shows just the time. */
function todayAt(hours: number, minutes: number): string {
  const at = new Date();
  at.setHours(hours, minutes, 0, 0);
  return at.toISOString();
}

function rowOf(title: string, state: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Aufträge im Postausgang' });
  const row = within(list)
    .getAllByRole('listitem')
    .find((item) => item.dataset.state === state && within(item).queryByRole('link', { name: title }));
  if (!row) throw new Error(`no ${state} row for ${title}`);
  return row;
}

describe('the outbox', () => {
  it('gives a job’s reason in the window’s language when the core sent its German', async () => {
    const publishing = samplePublishing();
    publishing.jobs[2] = {
      ...publishing.jobs[2]!,
      error: 'the portal refused the credentials (401: invalid token)',
      error_translations: { de: 'Das Portal hat die Zugangsdaten abgelehnt (401: invalid token).' },
    };
    renderApp('#/outbox', publishing);
    await screen.findByRole('list', { name: 'Aufträge im Postausgang' });
    const failed = rowOf('One-Stop-Shop für Sozialleistungen', 'failed');
    expect(within(failed).getByText('Das Portal hat die Zugangsdaten abgelehnt (401: invalid token).')).toBeInTheDocument();
    expect(within(failed).queryByText(/refused the credentials/)).toBeNull();
    setLocale('en');
    await waitFor(() => expect(within(failed).getByText('the portal refused the credentials (401: invalid token)')).toBeInTheDocument());
    setLocale('de');
  });

  it('lists every job newest first, with article, portal, action and its state in words', async () => {
    const publishing = samplePublishing();
    publishing.jobs[1] = { ...publishing.jobs[1]!, next_attempt_at: todayAt(14, 32) };
    const { user, backend } = renderApp('#/outbox', publishing);
    const list = await screen.findByRole('list', { name: 'Aufträge im Postausgang' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.dataset.jobId)).toEqual(['5', '4', '3', '2', '1']);

    expect(within(rowOf('E-Government-Gesetz wird novelliert', 'queued')).getByText('Wartet')).toBeInTheDocument();
    const retrying = rowOf('Digitalstrategie neu ausgerichtet', 'retrying');
    expect(within(retrying).getByText('Erneuter Versuch um 14:32 — Portal nicht erreichbar')).toBeInTheDocument();
    expect(within(retrying).getByText('could not connect to landesportal.example')).toBeInTheDocument();
    const failed = rowOf('One-Stop-Shop für Sozialleistungen', 'failed');
    expect(within(failed).getByText('Fehlgeschlagen')).toBeInTheDocument();
    expect(within(failed).getByText('the portal refused the credentials (401)')).toBeInTheDocument();
    expect(within(failed).getByText('Ghost-Blog')).toBeInTheDocument();
    expect(within(failed).getByRole('button', { name: '„One-Stop-Shop für Sozialleistungen“ erneut senden' })).toBeInTheDocument();
    const conflict = rowOf('Zweites Digitalisierungskabinett', 'conflict');
    expect(within(conflict).getByText('Konflikt')).toBeInTheDocument();
    expect(within(conflict).getByText('Aktualisieren')).toBeInTheDocument();
    expect(within(conflict).getByRole('button', { name: /^Konflikt bei/ })).toHaveTextContent('Ansehen');

    // A sent job opens its post in the browser, never in the app window.
    const done = rowOf('Zweites Digitalisierungskabinett', 'done');
    expect(within(done).getByText('Gesendet')).toBeInTheDocument();
    expect(within(done).queryByRole('button', { name: /verwerfen/ })).toBeNull();
    await user.click(within(done).getByRole('button', { name: /Beitrag ansehen/ }));
    await waitFor(() =>
      expect(backend.callsOf('plugin:opener|open_url').map((c) => c.args.url)).toEqual(['https://landesportal.example/2018/kabinett']),
    );

    // Only jobs that wait or failed can be dropped.
    const cancellable = rows.filter((row) => within(row).queryByRole('button', { name: /^Auftrag .* verwerfen$/ }));
    expect(cancellable.map((row) => row.dataset.state)).toEqual(['queued', 'failed', 'retrying']);

    await user.click(within(list).getAllByRole('link', { name: 'Digitalstrategie neu ausgerichtet' })[0]!);
    await waitFor(() => expect(window.location.hash).toBe('#/articles/6'));
  });

  it('sends a failed job again and drops one that waits', async () => {
    const { user, backend } = renderApp('#/outbox', samplePublishing());
    await screen.findByRole('list', { name: 'Aufträge im Postausgang' });
    await user.click(screen.getByRole('button', { name: '„One-Stop-Shop für Sozialleistungen“ erneut senden' }));
    await waitFor(() => expect(backend.callsOf('retry_job').map((c) => c.args)).toEqual([{ job: 3 }]));
    expect(await within(rowOf('One-Stop-Shop für Sozialleistungen', 'queued')).findByText('Wartet')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Auftrag „E-Government-Gesetz wird novelliert“ verwerfen' }));
    await waitFor(() => expect(backend.callsOf('cancel_job').map((c) => c.args)).toEqual([{ job: 5 }]));
    const dropped = rowOf('E-Government-Gesetz wird novelliert', 'cancelled');
    expect(within(dropped).getByText('Nicht gesendet')).toBeInTheDocument();
    expect(within(dropped).getByText('cancelled by the editor')).toBeInTheDocument();
    // The status bar's count is asked again after each change.
    expect(backend.callsOf('outbox_summary').length).toBeGreaterThanOrEqual(3);
  });

  it('follows the outbox event: a waiting job becomes sent with its link', async () => {
    const { backend } = renderApp('#/outbox', { portals: samplePublishing().portals, jobs: [job({ id: 7, state: 'queued' })] });
    expect(await screen.findByText('Wartet')).toBeInTheDocument();
    await backend.settle(7, { state: 'done', remote_url: 'https://landesportal.example/p/7' });
    expect(await screen.findByText('Gesendet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Beitrag ansehen/ })).toHaveAttribute('title', 'https://landesportal.example/p/7');
    expect(screen.queryByText('Wartet')).toBeNull();
  });

  it('shows a job held by an embargo with its time', async () => {
    const publishing = samplePublishing();
    const until = new Date(Date.now() + 2 * 86_400_000).toISOString();
    publishing.jobs = [job({ id: 77, title: 'Haushalt unter Sperrfrist', embargo: until }), ...publishing.jobs];
    renderApp('#/outbox', publishing);
    const list = await screen.findByRole('list', { name: 'Aufträge im Postausgang' });
    const row = within(list).getAllByRole('listitem').find((item) => item.dataset.jobId === '77')!;
    expect(row).toHaveTextContent(/Sperrfrist bis /);
    const other = within(list).getAllByRole('listitem').find((item) => item.dataset.jobId !== '77')!;
    expect(other).not.toHaveTextContent(/Sperrfrist/);
  });

  it('says so when it is empty and leads to the portals', async () => {
    const { user } = renderApp('#/outbox');
    expect(await screen.findByText(/^Der Postausgang ist leer\./)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Portale verwalten' }));
    expect(window.location.hash).toBe('#/portals');
  });
});
