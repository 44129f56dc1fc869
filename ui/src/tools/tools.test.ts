import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';

afterEach(() => {
  window.location.hash = '';
});

const section = (name: string) => screen.getByRole('heading', { name, level: 2 }).closest('section') as HTMLElement;

describe('the tools view', () => {
  it('imports Markdown chosen in the dialog and shows what came in, what was refused and why, and what was left out', async () => {
    const paths = ['/home/ba/Artikel/landtag-tagt.md', '/home/ba/Artikel/broken.md', '/home/ba/Artikel/notiz.txt'];
    const { user, backend } = renderApp('#/tools', { dialog: { open: paths } });
    await user.click(await screen.findByRole('link', { name: 'Werkzeuge' }));
    const importer = section('Artikel importieren');
    await user.click(within(importer).getByRole('button', { name: 'Dateien wählen …' }));
    const report = await within(importer).findByRole('status', { name: 'Importbericht' });
    expect(report).toHaveTextContent('1 Artikel importiert · 1 abgelehnt · 1 ausgelassen');
    expect(within(report).getByRole('link', { name: 'landtag tagt' })).toHaveAttribute('href', '#/articles/1006');
    expect(report).toHaveTextContent('/home/ba/Artikel/broken.md, Zeile 1: the front matter is not closed');
    expect(report).toHaveTextContent('/home/ba/Artikel/notiz.txt: not a Markdown file');
    expect(backend.callsOf('import_articles')[0]!.args.paths, 'the chosen paths go to the core as they are').toEqual(paths);
  });

  it('offers to cancel an import while it runs, and tells the core', async () => {
    const { user, backend } = renderApp('#/tools', { dialog: { open: ['/home/ba/Artikel/a.md'] } });
    backend.hold('import_articles');
    const importer = section('Artikel importieren');
    await user.click(within(importer).getByRole('button', { name: 'Dateien wählen …' }));
    await user.click(await within(importer).findByRole('button', { name: 'Abbrechen' }));
    expect(backend.callsOf('cancel_import'), 'the core stops before its next batch').toHaveLength(1);
    backend.release('import_articles');
    expect(await within(importer).findByRole('status', { name: 'Importbericht' })).toHaveTextContent('1 Artikel importiert');
  });

  it('backs up now, lists the backup, and restores it only after asking, saying where the safety copy is', async () => {
    const { user, backend } = renderApp('#/tools');
    const backups = section('Sicherungen');
    expect(within(backups).getByText('Noch keine Sicherung im Sicherungsordner.')).toBeInTheDocument();
    await user.click(within(backups).getByRole('button', { name: 'Jetzt sichern' }));
    expect(await within(backups).findByText(/^Gesichert: .*newsdesk-20261201-120000\.sqlite\./)).toBeInTheDocument();
    const restore = within(backups).getByRole('button', { name: /Sicherung vom .* wiederherstellen/ });
    await user.click(restore);
    const question = within(backups).getByRole('alertdialog');
    expect(question).toHaveTextContent('Die Sicherung wird zuerst geprüft');
    expect(backend.callsOf('restore_backup'), 'nothing is replaced before the editor says so').toHaveLength(0);
    await user.click(within(question).getByRole('button', { name: 'Wiederherstellen' }));
    expect(await within(backups).findByText(/Sicherheitskopie in .*before-restore/)).toBeInTheDocument();
    expect(backend.callsOf('restore_backup')[0]!.args.path).toMatch(/newsdesk-20261201-120000\.sqlite$/);
  });

  it('checks the library and lists what the check found', async () => {
    const { user } = renderApp('#/tools', { checkProblems: ['article 4: its revision 3 cannot be read'] });
    await user.click(within(section('Sicherungen')).getByRole('button', { name: 'Bibliothek prüfen' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Die Prüfung fand 1 Problem:');
    expect(alert).toHaveTextContent('article 4: its revision 3 cannot be read');
  });

  it('shows the credit report of a period and saves it as CSV where the editor chose', async () => {
    const { user, backend } = renderApp('#/tools', { dialog: { save: '/home/ba/bildnachweise.csv' } });
    const credits = section('Bildnachweise');
    const from = within(credits).getByLabelText('Von');
    const to = within(credits).getByLabelText('Bis');
    await user.clear(from);
    await user.type(from, '2018-12-01');
    await user.clear(to);
    await user.type(to, '2018-12-31');
    await user.click(within(credits).getByRole('button', { name: 'Anzeigen' }));
    await waitFor(() => expect(backend.callsOf('credit_report').at(-1)?.args).toEqual({ from: '2018-12-01', to: '2018-12-31' }));
    const count = await within(credits).findByText(/Bildverwendung/);
    expect(count).toHaveTextContent('vom 01.12.2018 bis 31.12.2018');
    await user.click(within(credits).getByRole('button', { name: 'Als CSV speichern …' }));
    expect(await within(credits).findByText(/gespeichert in \/home\/ba\/bildnachweise\.csv/)).toBeInTheDocument();
    expect(backend.callsOf('save_credit_report')[0]!.args).toEqual({ from: '2018-12-01', to: '2018-12-31', path: '/home/ba/bildnachweise.csv' });
  });

  it('says which export templates are the newsroom’s own and copies the built-in ones out', async () => {
    const { user } = renderApp('#/tools');
    const templates = section('Exportvorlagen');
    const html = await within(templates).findByText('article.html');
    expect(html.closest('li')).toHaveTextContent('eingebaute Vorlage');
    await user.click(within(templates).getByRole('button', { name: 'Eingebaute Vorlagen zum Bearbeiten kopieren' }));
    expect(await within(templates).findByText('3 Vorlagen kopiert.')).toBeInTheDocument();
    await waitFor(() => expect(within(templates).getByText('article.html').closest('li')).toHaveTextContent('eigene Vorlage in Gebrauch'));
  });

  it('shows the log and tests the error report', async () => {
    const { user, backend } = renderApp('#/tools');
    const diagnose = section('Diagnose');
    const log = await within(diagnose).findByRole('textbox', { name: 'Die letzten Zeilen des Protokolls' });
    expect(log).toHaveValue('INFO Newsdesk starts version=0.1.0');
    expect(diagnose).toHaveTextContent('/home/ba/.local/state/newsdesk/logs/newsdesk.log');
    await user.click(within(diagnose).getByRole('button', { name: 'Fehlerbericht testen' }));
    await waitFor(() => expect((log as HTMLTextAreaElement).value).toContain('panic thread=fault-test'));
    expect(backend.callsOf('test_fault')).toHaveLength(1);
  });
});
