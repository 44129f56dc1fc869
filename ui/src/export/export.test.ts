import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';
import { dialogFolder, dialogSave } from '../test/backend';

describe('the Export menu', () => {
  it('exports the open article as PDF to the file chosen in the save dialog', async () => {
    const { user, backend } = renderApp('#/articles/1');
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await user.click(screen.getByRole('button', { name: /^Exportieren/ }));
    const menu = screen.getByRole('menu', { name: 'Exportieren' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent?.trim())).toEqual([
      'HTML-Seite',
      'PDF (Druckversion)',
      'Markdown',
      'IPTC ninjs (JSON)',
      'Paket (ZIP)',
    ]);
    await user.click(within(menu).getByRole('menuitem', { name: 'PDF (Druckversion)' }));
    await waitFor(() => expect(backend.callsOf('export_article')).toHaveLength(1));
    const save = backend.callsOf('plugin:dialog|save')[0]!.args.options as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(save.defaultPath).toBe('2018-12-13-export.pdf');
    expect(save.filters[0]!.extensions).toEqual(['pdf']);
    // The dialog asked about replacing, so the core may replace.
    expect(backend.callsOf('export_article')[0]!.args).toMatchObject({ id: 1, format: 'pdf', path: dialogSave, replace: true });
    expect(await screen.findByText(`Gespeichert: ${dialogSave.split('/').pop()}`)).toBeInTheDocument();
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { user, backend } = renderApp('#/articles/1', { dialog: { save: null } });
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await user.click(screen.getByRole('button', { name: /^Exportieren/ }));
    await user.click(screen.getByRole('menuitem', { name: 'HTML-Seite' }));
    await waitFor(() => expect(backend.callsOf('plugin:dialog|save')).toHaveLength(1));
    expect(backend.callsOf('export_article')).toHaveLength(0);
  });

  it("saves into the desk's export folder without a dialog and never replaces there", async () => {
    const { user, backend } = renderApp('#/articles/1', { exportFolder: '/srv/export' });
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await user.click(screen.getByRole('button', { name: /^Exportieren/ }));
    await user.click(screen.getByRole('menuitem', { name: 'HTML-Seite' }));
    await waitFor(() => expect(backend.callsOf('export_article')).toHaveLength(1));
    expect(backend.callsOf('plugin:dialog|save')).toHaveLength(0);
    expect(backend.callsOf('export_article')[0]!.args).toMatchObject({ path: '/srv/export/2018-12-13-export.html', replace: false });
  });

  it('is reached by keyboard: arrows move, Escape closes', async () => {
    const { user } = renderApp('#/articles/1');
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await user.click(screen.getByRole('button', { name: /^Exportieren/ }));
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'HTML-Seite' })).toHaveFocus());
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'PDF (Druckversion)' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('exports the list as filtered into a chosen folder and reports how many', async () => {
    const { user, backend } = renderApp('#/articles');
    await user.click(await screen.findByRole('button', { name: /^Liste exportieren/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Paket (ZIP)' }));
    await waitFor(() => expect(backend.callsOf('export_selection')).toHaveLength(1));
    expect(backend.callsOf('export_selection')[0]!.args).toMatchObject({ format: 'bundle', folder: dialogFolder });
    expect(await screen.findByText(/Artikel exportiert\./)).toBeInTheDocument();
  });

  it('offers to cancel a list export while it runs, and tells the core', async () => {
    const { user, backend } = renderApp('#/articles');
    backend.hold('export_selection');
    await user.click(await screen.findByRole('button', { name: /^Liste exportieren/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Paket (ZIP)' }));
    await user.click(await screen.findByRole('button', { name: 'Abbrechen' }));
    expect(backend.callsOf('cancel_export'), 'the core stops before its next article').toHaveLength(1);
    backend.release('export_selection');
    expect(await screen.findByText(/Artikel exportiert\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Abbrechen' }), 'no cancel once it is done').toBeNull();
  });
});
