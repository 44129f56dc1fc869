import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';

const damaged = { code: 'storage' as const, message: 'Newsdesk cannot open the library /home/ba/.local/share/newsdesk/library.sqlite: file is not a database' };
const backup = { path: '/home/ba/.local/share/newsdesk/backups/newsdesk-20261206-120000.sqlite', made_at: '2026-12-06T12:00:00Z', bytes: 2_400_000 };

describe('a library that does not open', () => {
  it('shows why and restores a backup from beside it, after asking, then goes on to the library', async () => {
    const { user, backend } = renderApp('', { unopened: damaged, backups: [backup] });
    expect(await screen.findByRole('heading', { name: 'Die Bibliothek lässt sich nicht öffnen', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/file is not a database/), 'the reason is said, not hidden behind a generic failure').toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Sicherung vom .* wiederherstellen/ }));
    expect(backend.callsOf('restore_unopened'), 'nothing is replaced before the editor says so').toHaveLength(0);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Wiederherstellen' }));
    expect(await screen.findByText(/Die Datei, die sich nicht öffnen ließ, liegt unter .*damaged/)).toBeInTheDocument();
    expect(backend.callsOf('restore_unopened')[0]!.args.path).toBe(backup.path);
    await user.click(screen.getByRole('button', { name: 'Weiter zur Bibliothek' }));
    expect(await screen.findByRole('link', { name: 'Werkzeuge' }), 'the window goes on with the library').toBeInTheDocument();
  });

  it('restores from a file chosen in the dialog when no backup lies beside the library, and says a refusal', async () => {
    const { user } = renderApp('', { unopened: damaged, dialog: { open: '/home/ba/notizen.txt' } });
    expect(await screen.findByText(/liegt keine Sicherung/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Aus Datei wiederherstellen …' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Wiederherstellen' }));
    expect(await screen.findByText(/Nicht wiederhergestellt: .*notizen\.txt is not a Newsdesk library/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 }), 'the recovery page stays until a restore succeeds').toHaveTextContent('nicht öffnen');
  });

  it('asks nothing of the kind when the library opened', async () => {
    const { backend } = renderApp('');
    expect(await screen.findByRole('link', { name: 'Werkzeuge' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Die Bibliothek lässt sich nicht öffnen' })).toBeNull();
    expect(backend.callsOf('restore_unopened')).toHaveLength(0);
  });
});
