import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import { mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, unfoldFields } from '../test/app';
import { dialogSave } from '../test/backend';
import { generatedImages, hashFor } from '../test/fixtures';
import { libraryPictureName } from '../lib/pictures';

afterEach(() => {
  window.location.hash = '';
});

const cells = () => [...document.querySelectorAll<HTMLElement>('.image-library [role="option"]')];
const cell = (file: string) => cells().find((c) => c.querySelector('.file')?.textContent === file)!;
const files = () => cells().map((c) => c.querySelector('.file')?.textContent);
const inspector = () => screen.getByRole('complementary', { name: 'Inspektor' });

async function openLibrary(options: Parameters<typeof renderApp>[1] = {}) {
  const app = renderApp('#/images', options);
  await waitFor(() => expect(cells().length).toBeGreaterThan(0));
  return app;
}

describe('image library: the grid', () => {
  it('shows each picture with thumbnail, file name, credit line and what needs attention', async () => {
    const { backend } = await openLibrary();
    expect(files()).toEqual(['wald.png', 'kabinett-2.jpg', 'landtag-archiv.jpg', 'cdo-portrait.jpg', 'ozg-symbol.jpg', 'kabinett.jpg']);
    const kabinett = cell('kabinett.jpg');
    expect(kabinett.querySelector('img')).toHaveAttribute('src', 'ndimage://localhost/1/thumb');
    expect(kabinett.querySelector('img')).toHaveAttribute('loading', 'lazy');
    expect(within(kabinett).getByText('Thüringer Staatskanzlei')).toBeInTheDocument();
    expect(within(kabinett).queryByText('Keine Bildquelle')).toBeNull();
    expect(within(cell('ozg-symbol.jpg')).getByText('Keine Bildquelle')).toHaveClass('no-credit');
    expect(within(cell('landtag-archiv.jpg')).getByText('abgelaufen')).toHaveClass('expired');
    expect(within(cell('cdo-portrait.jpg')).getByText('läuft ab')).toHaveClass('expiring');
    expect(backend.callsOf('list_images')[0]?.args.filter).toEqual({ limit: 240, offset: 0 });
    expect(screen.getByText('6 Bilder')).toBeInTheDocument();
  });

  it('is reached from the navigation', async () => {
    const { user } = renderApp('#/articles');
    await user.click(screen.getByRole('link', { name: 'Bilder' }));
    await waitFor(() => expect(cells()).toHaveLength(6));
    expect(window.location.hash).toBe('#/images');
  });

  it('sends the chosen filter to the core', async () => {
    const { backend, user } = await openLibrary();
    const lastFilter = () => backend.callsOf('list_images').at(-1)?.args.filter;

    await user.click(screen.getByRole('button', { name: 'Ohne Bildquelle' }));
    await waitFor(() => expect(files()).toEqual(['ozg-symbol.jpg']));
    expect(lastFilter()).toEqual({ missing_credit: true, limit: 240, offset: 0 });

    await user.click(screen.getByRole('button', { name: 'Lizenz läuft ab (30 Tage)' }));
    await waitFor(() => expect(files()).toEqual(['cdo-portrait.jpg']));
    expect(lastFilter()).toEqual({ expiring_within: 30, limit: 240, offset: 0 });

    await user.click(screen.getByRole('button', { name: 'Lizenz abgelaufen' }));
    await waitFor(() => expect(files()).toEqual(['landtag-archiv.jpg']));
    expect(lastFilter()).toEqual({ expired: true, limit: 240, offset: 0 });

    await user.click(screen.getByRole('button', { name: 'Alle' }));
    const tag = screen.getByRole('combobox', { name: 'Stichwort' });
    expect(document.querySelector('#image-tags option[value="Thüringen"]')).not.toBeNull(); // completion from tag_names
    await user.type(tag, 'Thüringen{Enter}');
    await fireEvent.change(tag);
    await waitFor(() => expect(files()).toEqual(['cdo-portrait.jpg', 'kabinett.jpg']));
    expect(lastFilter()).toEqual({ tag: 'Thüringen', limit: 240, offset: 0 });

    await user.clear(tag);
    await fireEvent.change(tag);
    await user.type(screen.getByRole('searchbox', { name: 'Bilder durchsuchen' }), 'kabinett');
    await waitFor(() => expect(files()).toEqual(['kabinett-2.jpg', 'kabinett.jpg']));
    expect(lastFilter()).toEqual({ text: 'kabinett', limit: 240, offset: 0 });
  });

  it('stays fluid with 20,000 pictures: pages as it scrolls, only visible rows in the document', async () => {
    const { backend } = await openLibrary({ images: generatedImages(20_000) });
    expect(backend.callsOf('list_images').map((c) => c.args.filter)).toEqual([{ limit: 240, offset: 0 }]);
    expect(cells().length).toBeGreaterThan(0);
    expect(cells().length).toBeLessThan(100);
    expect(cells()[0]).toHaveTextContent('Bild-20000.jpg');

    // Scroll to the end of the first page: the next one is asked for, the document stays small.
    const scroller = screen.getByRole('listbox', { name: 'Bilder der Bibliothek' });
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 40 * 212 });
    await fireEvent.scroll(scroller);
    await waitFor(() => expect(backend.callsOf('list_images').at(-1)?.args.filter).toEqual({ limit: 240, offset: 240 }));
    await waitFor(() => expect(screen.getByText('480 Bilder, weitere beim Blättern')).toBeInTheDocument());
    expect(cells().length).toBeLessThan(100);
    expect(cells()[0]!.querySelector('.file')?.textContent).not.toBe('Bild-20000.jpg'); // the first rows left the document
  });
});

describe('image library: selection by mouse and keyboard', () => {
  const selectedFiles = () => cells().filter((c) => c.getAttribute('aria-selected') === 'true').map((c) => c.querySelector('.file')?.textContent);

  it('clicks, Ctrl+click, Shift+click, arrows, Ctrl+A and Escape', async () => {
    const { user } = await openLibrary();
    await user.click(cell('kabinett-2.jpg'));
    expect(selectedFiles()).toEqual(['kabinett-2.jpg']);
    await user.keyboard('{Control>}');
    await user.click(cell('cdo-portrait.jpg'));
    await user.keyboard('{/Control}');
    expect(selectedFiles()).toEqual(['kabinett-2.jpg', 'cdo-portrait.jpg']);
    await user.keyboard('{Shift>}');
    await user.click(cell('kabinett.jpg'));
    await user.keyboard('{/Shift}');
    expect(selectedFiles()).toEqual(['cdo-portrait.jpg', 'ozg-symbol.jpg', 'kabinett.jpg']);
    expect(within(inspector()).getByText('3 Bilder ausgewählt')).toBeInTheDocument();

    await user.keyboard('{ArrowLeft}');
    expect(selectedFiles()).toEqual(['ozg-symbol.jpg']);
    expect(document.activeElement).toBe(cell('ozg-symbol.jpg'));
    await user.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}');
    expect(selectedFiles()).toEqual(['landtag-archiv.jpg', 'cdo-portrait.jpg', 'ozg-symbol.jpg']);
    await user.keyboard('{Control>}a{/Control}');
    expect(selectedFiles()).toHaveLength(6);
    await user.keyboard('{Escape}');
    expect(selectedFiles()).toEqual([]);
    expect(within(inspector()).getByText('Kein Bild ausgewählt.')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/images');
  });
});

describe('image library: the metadata panel', () => {
  it('edits several pictures at once and sends only the edited field', async () => {
    const { backend, user } = await openLibrary();
    await user.click(cell('kabinett.jpg'));
    await user.keyboard('{Control>}');
    await user.click(cell('cdo-portrait.jpg'));
    await user.keyboard('{/Control}');
    const panel = inspector();
    const credit = within(panel).getByRole('combobox', { name: /Bildquelle \(Credit\)/ });
    expect(credit).toHaveValue('');
    expect(credit).toHaveAttribute('placeholder', 'verschiedene Werte');
    expect(within(panel).getByRole('textbox', { name: /Ort/ })).toHaveAttribute('placeholder', 'verschiedene Werte');
    expect(within(panel).getByText('Bildquelle: verschiedene Werte')).toBeInTheDocument();

    await user.type(credit, 'Thüringer Staatskanzlei / Anna Muster');
    // The preview is the core's line (the library's format), asked for after the typing.
    expect(await within(panel).findByText('Bildquelle: Thüringer Staatskanzlei / Anna Muster')).toBeInTheDocument();
    expect(backend.callsOf('credit_lines').at(-1)?.args.fields).toEqual([
      expect.objectContaining({ credit: 'Thüringer Staatskanzlei / Anna Muster' }),
      expect.objectContaining({ credit: 'Thüringer Staatskanzlei / Anna Muster' }),
    ]);
    expect(within(panel).getByText('Vorschau: noch nicht gespeichert.')).toBeInTheDocument();
    expect(within(panel).getByRole('status')).toHaveTextContent('Ungespeicherte Änderungen');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(backend.callsOf('patch_images')).toHaveLength(1));
    expect(backend.callsOf('patch_images')[0]!.args).toEqual({ ids: [1, 3], patch: { credit: 'Thüringer Staatskanzlei / Anna Muster' } });
    await waitFor(() => expect(within(cell('cdo-portrait.jpg')).getByText('Thüringer Staatskanzlei / Anna Muster')).toBeInTheDocument());
    expect(within(panel).getByRole('status')).toHaveTextContent('Gespeichert');
    expect(credit).toHaveValue('Thüringer Staatskanzlei / Anna Muster');
    expect(credit).not.toHaveAttribute('placeholder', 'verschiedene Werte');
  });

  it('clears a field emptied on purpose, sets license and expiry, and saves with the button', async () => {
    const { backend, user } = await openLibrary();
    await user.click(cell('kabinett.jpg'));
    const panel = inspector();
    expect(within(panel).getByText('Bildquelle: Thüringer Staatskanzlei')).toBeInTheDocument();
    expect(within(panel).getByRole('combobox', { name: /Lizenz/ })).toHaveDisplayValue('Pressefoto/Handout');
    await user.clear(within(panel).getByRole('textbox', { name: /Ort/ }));
    await user.selectOptions(within(panel).getByRole('combobox', { name: /Lizenz/ }), 'Agentur');
    await fireEvent.input(panel.querySelector('input[name="image-expires"]')!, { target: { value: '2030-12-31' } });
    await user.click(within(panel).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(backend.callsOf('patch_images')).toHaveLength(1));
    expect(backend.callsOf('patch_images')[0]!.args.patch).toEqual({ license: 'agency', expires: '2030-12-31', city: '' });
  });

  it('saves edits left unsaved to their pictures when the selection moves on', async () => {
    const { backend, user } = await openLibrary();
    await user.click(cell('ozg-symbol.jpg'));
    await user.type(within(inspector()).getByRole('combobox', { name: /Bildquelle \(Credit\)/ }), 'Pixabay');
    await user.click(cell('wald.png'));
    await waitFor(() => expect(backend.callsOf('patch_images')).toHaveLength(1));
    expect(backend.callsOf('patch_images')[0]!.args).toEqual({ ids: [2], patch: { credit: 'Pixabay' } });
    expect(within(inspector()).getByRole('combobox', { name: /Bildquelle \(Credit\)/ })).toHaveValue('Eigenes Foto');
    await waitFor(() => expect(within(cell('ozg-symbol.jpg')).getByText('Pixabay')).toBeInTheDocument());
  });

  it('shows what the file said, collapsed, and exports the picture with its credits', async () => {
    const { backend, user } = await openLibrary();
    await user.click(cell('kabinett.jpg'));
    const panel = inspector();
    expect(within(panel).getByRole('img')).toHaveAttribute('src', 'ndimage://localhost/1/preview');
    expect(within(panel).getByText('1600 × 1067 px · JPEG · 2,3 MB')).toBeInTheDocument();
    expect(backend.callsOf('image_file_metadata')).toHaveLength(0);
    await user.click(within(panel).getByText('Angaben aus der Datei', { selector: 'summary' }));
    await within(panel).findByText('TSK');
    expect(backend.callsOf('image_file_metadata')[0]!.args).toEqual({ id: 1 });
    await user.click(within(panel).getByRole('button', { name: 'Bildquelle (Credit) aus der Datei übernehmen' }));
    expect(within(panel).getByRole('combobox', { name: /Bildquelle \(Credit\)/ })).toHaveValue('TSK');

    await user.click(within(panel).getByRole('button', { name: 'Exportieren …' }));
    await waitFor(() => expect(backend.callsOf('export_image')).toHaveLength(1));
    expect(backend.callsOf('export_image')[0]!.args).toEqual({ id: 1, path: dialogSave });
    expect(backend.callsOf('plugin:dialog|save')[0]!.args.options).toMatchObject({ defaultPath: 'kabinett.jpg' });
    expect(await within(panel).findByText(`Exportiert nach ${dialogSave}`)).toBeInTheDocument();
  });
});

describe('image library: credit presets', () => {
  it('applies a preset to the whole selection in one click', async () => {
    const { backend, user } = await openLibrary();
    await user.click(cell('ozg-symbol.jpg'));
    await user.keyboard('{Control>}');
    await user.click(cell('wald.png'));
    await user.keyboard('{/Control}');
    await user.click(within(inspector()).getByRole('button', { name: /^Bildquelle „dpa“ für die Auswahl setzen/ }));
    await waitFor(() => expect(backend.callsOf('patch_images')).toHaveLength(1));
    expect(backend.callsOf('patch_images')[0]!.args).toEqual({ ids: [2, 6], patch: { credit: 'dpa', source: 'dpa', license: 'agency' } });
    await waitFor(() => expect(within(cell('ozg-symbol.jpg')).queryByText('Keine Bildquelle')).toBeNull());
    expect(within(inspector()).getByText('Bildquelle: dpa')).toBeInTheDocument();
  });

  it('offers the built-in, own and most used credits; own presets can be added and removed', async () => {
    const { backend, user } = await openLibrary();
    await user.click(cell('ozg-symbol.jpg'));
    const presets = within(inspector()).getByRole('group', { name: 'Vorlagen' });
    expect(within(presets).getByRole('button', { name: /„Thüringer Staatskanzlei“/ })).toBeInTheDocument();
    expect(within(presets).getByRole('button', { name: /„Eigenes Foto“/ })).toHaveTextContent('Eigenes Foto');
    expect(await within(presets).findByRole('button', { name: /„Landtag Thüringen“/ })).toBeInTheDocument(); // from credit_values

    await user.click(within(presets).getByRole('button', { name: '+ Vorlage' }));
    const form = within(presets).getByRole('form', { name: 'Neue Vorlage' });
    await user.type(within(form).getByRole('combobox', { name: 'Bildquelle (Credit)' }), 'Pixabay');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Lizenz' }), 'CC0 (gemeinfrei)');
    await user.click(within(form).getByRole('button', { name: 'Vorlage speichern' }));
    await waitFor(() => expect(JSON.parse(backend.setting('credit_presets'))).toEqual([{ credit: 'Pixabay', license: 'cc0' }]));

    await user.click(within(presets).getByRole('button', { name: /„Pixabay“ für die Auswahl/ }));
    await waitFor(() => expect(backend.callsOf('patch_images').at(-1)?.args.patch).toEqual({ credit: 'Pixabay', license: 'cc0' }));
    await user.click(within(presets).getByRole('button', { name: 'Vorlage „Pixabay“ entfernen' }));
    await waitFor(() => expect(JSON.parse(backend.setting('credit_presets'))).toEqual([]));
  });
});

describe('image library: keywords', () => {
  it('adds a keyword to the selection and removes one per chip', async () => {
    const { backend, user } = await openLibrary();
    await user.click(cell('kabinett.jpg'));
    await user.keyboard('{Control>}');
    await user.click(cell('cdo-portrait.jpg'));
    await user.keyboard('{/Control}');
    const panel = inspector();
    expect(within(panel).getByText('Thüringen')).toBeInTheDocument();
    expect(within(panel).getByText('Digitalisierung').closest('li')).toHaveClass('partial');

    await user.type(within(panel).getByRole('combobox', { name: 'Stichwort hinzufügen' }), 'Landtag{Enter}');
    await waitFor(() => expect(backend.callsOf('tag_images')).toHaveLength(1));
    expect(backend.callsOf('tag_images')[0]!.args).toEqual({ ids: [1, 3], add: ['Landtag'], remove: [] });
    await within(panel).findByRole('button', { name: 'Stichwort Landtag entfernen' });

    await user.click(within(panel).getByRole('button', { name: 'Stichwort Thüringen entfernen' }));
    await waitFor(() => expect(backend.callsOf('tag_images')).toHaveLength(2));
    expect(backend.callsOf('tag_images')[1]!.args).toEqual({ ids: [1, 3], add: [], remove: ['Thüringen'] });
    await waitFor(() => expect(within(panel).queryByText('Thüringen')).toBeNull());
  });
});

describe('image library: import', () => {
  it('imports from the file dialog with progress, then sums up with each failed file’s message', async () => {
    const { backend, user } = await openLibrary();
    backend.hold('import_images');
    await user.click(screen.getByRole('button', { name: 'Bilder importieren …' }));
    const progress = await screen.findByRole('status', { name: 'Import' });
    expect(progress).toHaveTextContent('4 von 4');
    expect(progress).toHaveTextContent('notizen.txt');
    expect(backend.callsOf('plugin:dialog|open')[0]!.args.options).toMatchObject({
      multiple: true,
      filters: [{ extensions: ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff'] }],
    });
    expect(backend.callsOf('import_images')[0]!.args.paths).toEqual([
      '/home/ba/Bilder/landtag.jpg',
      '/home/ba/Bilder/kabinett.jpg',
      '/home/ba/Bilder/kaputt.jpg',
      '/home/ba/Bilder/notizen.txt',
    ]);

    backend.release('import_images');
    const summary = await screen.findByRole('region', { name: 'Import abgeschlossen' });
    expect(summary).toHaveTextContent('1 Bild importiert');
    expect(summary).toHaveTextContent('1 Bild war schon in der Bibliothek');
    expect(summary).toHaveTextContent('1 Datei konnte nicht importiert werden:');
    expect(within(summary).getByText('/home/ba/Bilder/kaputt.jpg: the JPEG data ends early; the file is damaged')).toBeInTheDocument();
    expect(summary).toHaveTextContent('1 Datei übersprungen:');
    // The new picture is in the grid, and what was imported is selected for the panel.
    await waitFor(() => expect(files()[0]).toBe('landtag.jpg'));
    expect(within(inspector()).getByText('2 Bilder ausgewählt')).toBeInTheDocument();
    await user.click(within(summary).getByRole('button', { name: 'Zusammenfassung schließen' }));
    expect(screen.queryByRole('region', { name: 'Import abgeschlossen' })).toBeNull();
  });

  it('offers to cancel an import while it runs, and tells the core', async () => {
    const { backend, user } = await openLibrary();
    backend.hold('import_images');
    await user.click(screen.getByRole('button', { name: 'Bilder importieren …' }));
    await user.click(await screen.findByRole('button', { name: 'Abbrechen' }));
    expect(backend.callsOf('cancel_image_import'), 'the core begins no further file').toHaveLength(1);
    backend.release('import_images');
    expect(await screen.findByRole('region', { name: 'Import abgeschlossen' })).toBeInTheDocument();
  });

  it('imports a folder chosen in the dialog', async () => {
    const { backend, user } = await openLibrary();
    await user.click(screen.getByRole('button', { name: 'Ordner importieren …' }));
    await screen.findByRole('region', { name: 'Import abgeschlossen' });
    expect(backend.callsOf('plugin:dialog|open')[0]!.args.options).toMatchObject({ directory: true });
    expect(screen.getByRole('region', { name: 'Import abgeschlossen' })).toHaveTextContent('2 Bilder importiert');
  });

  it('imports files and folders dropped onto the window, and stops listening when the page goes', async () => {
    mockWindows('main'); // a webview to listen to, as in the app window
    try {
      const { backend, user } = await openLibrary();
      const drop = (type: string) => emit(`tauri://drag-${type}`, { paths: ['/home/ba/Bilder/Termine'], position: { x: 10, y: 10 } });
      await waitFor(async () => {
        await drop('enter'); // the listener is set up asynchronously
        expect(screen.getByText('Loslassen, um die Bilder zu importieren')).toBeInTheDocument();
      });
      await drop('drop');
      await screen.findByRole('region', { name: 'Import abgeschlossen' });
      expect(screen.queryByText('Loslassen, um die Bilder zu importieren')).toBeNull();
      expect(backend.callsOf('import_images').map((c) => c.args.paths)).toEqual([['/home/ba/Bilder/Termine']]);

      // Away from the library a drop does nothing: the page stopped listening.
      await user.click(screen.getByRole('link', { name: /Alle Artikel/ }));
      await screen.findByText('Mädchen für alles');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await drop('drop');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(backend.callsOf('import_images')).toHaveLength(1);
    } finally {
      delete (window as { __TAURI_INTERNALS__?: { metadata?: unknown } }).__TAURI_INTERNALS__?.metadata;
    }
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { backend, user } = await openLibrary({ dialog: { open: null } });
    await user.click(screen.getByRole('button', { name: 'Bilder importieren …' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(backend.callsOf('import_images')).toHaveLength(0);
  });
});

describe('image library: duplicates', () => {
  it('lists look-alikes side by side and marks a group whose credits differ', async () => {
    const { user, backend } = await openLibrary({ duplicates: [[1, 5], [3, 6]] });
    await user.click(screen.getByRole('button', { name: 'Dubletten' }));
    const view = await screen.findByRole('region', { name: /^Dubletten/ });
    await waitFor(() => expect(view.querySelectorAll('.group')).toHaveLength(2));
    const [first] = view.querySelectorAll<HTMLElement>('.group');
    expect(first).toHaveAttribute('data-credits-differ', 'true');
    expect(within(first!).getByText('Bildquellen unterscheiden sich')).toBeInTheDocument();
    expect(within(first!).getByText('Bildquelle: Thüringer Staatskanzlei')).toBeInTheDocument();
    expect(within(first!).getByText('Bildquelle: Staatskanzlei Thüringen')).toBeInTheDocument();

    // Select the group and give it one credit: the difference is gone.
    await user.click(within(first!).getByRole('button', { name: 'Alle dieser Gruppe auswählen' }));
    expect(within(inspector()).getByText('2 Bilder ausgewählt')).toBeInTheDocument();
    await user.click(within(inspector()).getByRole('button', { name: /^Bildquelle „Thüringer Staatskanzlei“/ }));
    await waitFor(() => expect(backend.callsOf('patch_images')[0]?.args.ids).toEqual([1, 5]));
    await waitFor(() => expect(view.querySelector('.group')).toHaveAttribute('data-credits-differ', 'false'));
  });
});

describe('articles: pictures from the library', () => {
  it('places a picture into the article, which then shows the picture itself', async () => {
    const { backend, user } = renderApp('#/articles/3');
    await screen.findByDisplayValue('One-Stop-Shop für Sozialleistungen');
    await unfoldFields(user);
    await user.click(screen.getByRole('button', { name: /Aus der Bildbibliothek einfügen/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Bild aus der Bibliothek einfügen' });
    const search = within(dialog).getByRole('searchbox', { name: 'Bilder durchsuchen' });
    expect(search).toHaveFocus();
    await user.type(search, 'Muster');
    await waitFor(() => expect(within(dialog).getAllByRole('option')).toHaveLength(1));
    expect(backend.callsOf('list_images').at(-1)?.args.filter).toEqual({ text: 'Muster', limit: 240, offset: 0 });
    await user.clear(search);
    await waitFor(() => expect(within(dialog).getAllByRole('option')).toHaveLength(6));

    await user.click(within(dialog).getByText('kabinett.jpg'));
    await user.click(within(dialog).getByText('ozg-symbol.jpg'));
    expect(within(dialog).getAllByRole('option', { selected: true })).toHaveLength(1); // one at a time
    expect(within(dialog).getByText(/Dieses Bild hat keine Bildquelle/)).toBeInTheDocument();
    await user.click(within(dialog).getByText('kabinett.jpg'));
    await user.click(within(dialog).getByRole('button', { name: 'Einfügen' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    const file = libraryPictureName(hashFor(1));
    expect(await screen.findByDisplayValue(file)).toBeInTheDocument();
    const record = document.querySelector<HTMLElement>('.record[data-image="1"]')!;
    expect(within(record).getByDisplayValue('Thüringer Staatskanzlei')).toHaveAttribute('name', 'credit');
    expect(within(record).getByDisplayValue('Zwei Personen am Rednerpult')).toHaveAttribute('name', 'alt');
    expect(within(record).getByDisplayValue(/Thüringen-CIO Hartmut Schubert/)).toBeInTheDocument();

    const picture = document.querySelector('.article-view .article-image img');
    expect(picture).toHaveAttribute('src', `ndimage://localhost/${file}/preview`);
    expect(picture).toHaveAttribute('alt', 'Zwei Personen am Rednerpult');
    expect(document.querySelector('.article-view .frame')).toBeNull();
    await waitFor(() => expect(backend.callsOf('save_article')).toHaveLength(1), { timeout: 3000 });
    expect((backend.callsOf('save_article')[0]!.args.content as { images: unknown[] }).images).toEqual([
      {
        file,
        caption: 'Thüringen-CIO Hartmut Schubert und Valentina Kerst informieren die Presse.',
        credit: 'Thüringer Staatskanzlei',
        alt: 'Zwei Personen am Rednerpult',
      },
    ]);
  });

  it('inserts with Enter and cancels with Escape without leaving the article', async () => {
    const { user } = renderApp('#/articles/3');
    await screen.findByDisplayValue('One-Stop-Shop für Sozialleistungen');
    await unfoldFields(user);
    await user.click(screen.getByRole('button', { name: /Aus der Bildbibliothek einfügen/ }));
    let dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getAllByRole('option')).toHaveLength(6));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(window.location.hash).toBe('#/articles/3');

    await user.click(screen.getByRole('button', { name: /Aus der Bildbibliothek einfügen/ }));
    dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getAllByRole('option')).toHaveLength(6));
    await user.keyboard('{ArrowDown}{ArrowRight}{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByDisplayValue(libraryPictureName(hashFor(5)))).toBeInTheDocument();
  });

  it('keeps the grey frame for a picture that is not from the library', async () => {
    renderApp('#/articles/1');
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await waitFor(() => expect(document.querySelector('.article-view .frame')).not.toBeNull());
    expect(document.querySelector('.article-view .article-image img')).toBeNull();
  });
});

describe('help', () => {
  it('lists the image library’s keys', async () => {
    const { user } = await openLibrary();
    await user.keyboard('?');
    const help = screen.getByRole('region', { name: 'Tastenkürzel' });
    expect(within(help).getByText('Alle geladenen Bilder auswählen')).toBeInTheDocument();
    expect(within(help).getByText('Strg+A')).toBeInTheDocument();
    expect(within(help).getByText('Klick · Strg+Klick · Umschalt+Klick')).toBeInTheDocument();
  });
});
