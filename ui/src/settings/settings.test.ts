import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';
import { nextZoom, resolvedTheme } from '../lib/preferences';
import { shortcutFor } from '../shell/shortcuts';
import { homeRoute } from '../lib/router/route';

afterEach(() => {
  window.location.hash = '';
  delete document.documentElement.dataset.theme;
});

const key = (init: Partial<KeyboardEvent>) =>
  ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, target: document.body, ...init }) as KeyboardEvent;

describe('the settings view', () => {
  it('is reached from the navigation and from Ctrl+, and shows every group', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('link', { name: 'Einstellungen' }));
    expect(window.location.hash).toBe('#/settings');
    expect(await screen.findByRole('heading', { name: 'Einstellungen', level: 1 })).toBeInTheDocument();
    for (const group of ['Darstellung', 'Schreiben', 'Bilder', 'Suche', 'Sicherungen', 'Diagnose']) {
      expect(screen.getByRole('heading', { name: group, level: 2 }), group).toBeInTheDocument();
    }
    expect(shortcutFor(key({ key: ',', ctrlKey: true }), homeRoute)).toBe('settings');
  });

  it('applies the dark theme at once and keeps it in the library', async () => {
    const { user, backend } = renderApp('#/settings');
    await user.selectOptions(await screen.findByLabelText('Farben'), 'dark');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(backend.setting('theme'), 'the library holds the choice').toBe('dark');
    await user.selectOptions(screen.getByLabelText('Farben'), 'light');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect(resolvedTheme('system', true), 'system follows the desktop').toBe('dark');
    expect(resolvedTheme('system', false)).toBe('light');
  });

  it('starts with the theme and font size the library keeps', async () => {
    renderApp('#/articles', { settings: { theme: 'dark', editor_font_size: '20' } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(document.documentElement.style.getPropertyValue('--editor-font-size')).toBe('20px');
  });

  it('shows the reason when the core refuses a value, and keeps the stored one', async () => {
    const { user, backend } = renderApp('#/settings');
    const size = await screen.findByLabelText('Schriftgröße im Text');
    await user.clear(size);
    await user.type(size, '99');
    await user.tab();
    const row = size.closest('[data-setting]') as HTMLElement;
    expect(await within(row).findByRole('alert')).toHaveTextContent('not a whole number from 10 to 32');
    expect(backend.setting('editor_font_size'), 'the refused value is not stored').toBe('16');
  });

  it('previews the credit-line format with the core while typing, and says why a format is refused', async () => {
    const { user, backend } = renderApp('#/settings');
    const format = await screen.findByLabelText('Format der Bildquelle');
    await waitFor(() => expect(backend.callsOf('credit_format_preview').length).toBeGreaterThan(0));
    await user.clear(format);
    await user.type(format, 'Foto: {{creator|credit}');
    await waitFor(() =>
      expect(backend.callsOf('credit_format_preview').at(-1)?.args.format, 'the core makes the preview').toBe('Foto: {creator|credit}'),
    );
    const table = await screen.findByRole('table', { name: 'So sähen die Bildzeilen aus:' });
    expect(within(table).getByText('Foto: Anna Muster')).toBeInTheDocument();
    await user.type(format, ' {{oops');
    expect(await screen.findByText(/brace that is not closed/)).toBeInTheDocument();
    expect(backend.setting('credit_format'), 'nothing is stored while typing').toBe('{credit|creator|source}');
  });

  it('starts new articles with the default author and section', async () => {
    const { user, backend } = renderApp('#/settings', { settings: { default_author: 'Anna Muster', default_section: 'Politik' } });
    await screen.findByLabelText('Autor neuer Artikel');
    await waitFor(() => expect(screen.getByLabelText('Autor neuer Artikel')).toHaveValue('Anna Muster'));
    await user.click(screen.getByRole('button', { name: /Neuer Artikel/ }));
    await waitFor(() => expect(backend.callsOf('create_article')).toHaveLength(1));
    expect(backend.callsOf('create_article')[0]!.args.content).toMatchObject({ author: 'Anna Muster', section: 'Politik' });
  });
});

describe('zoom', () => {
  it('steps through the usual sizes with Ctrl +, Ctrl − and Ctrl 0, in fields too', () => {
    const field = document.createElement('input');
    expect(shortcutFor(key({ key: '+', ctrlKey: true, target: field }), homeRoute)).toBe('zoom-in');
    expect(shortcutFor(key({ key: '=', ctrlKey: true }), homeRoute)).toBe('zoom-in');
    expect(shortcutFor(key({ key: '-', ctrlKey: true }), homeRoute)).toBe('zoom-out');
    expect(shortcutFor(key({ key: '0', ctrlKey: true }), homeRoute)).toBe('zoom-reset');
    expect(nextZoom('100', 1)).toBe(110);
    expect(nextZoom('100', -1)).toBe(90);
    expect(nextZoom('200', 1), 'no further than 200 %').toBe(200);
    expect(nextZoom('50', -1), 'no smaller than 50 %').toBe(50);
    expect(nextZoom('133', 0)).toBe(100);
  });

  it('keeps the zoom a key chose in the library', async () => {
    const { user, backend } = renderApp();
    await screen.findByText('Mädchen für alles');
    await user.keyboard('{Control>}+{/Control}');
    await waitFor(() => expect(backend.setting('zoom')).toBe('110'));
    await user.keyboard('{Control>}0{/Control}');
    await waitFor(() => expect(backend.setting('zoom')).toBe('100'));
  });
});

describe('lists the webview once kept', () => {
  it('moves saved searches and credit presets into the library on the first start, once', async () => {
    localStorage.setItem('newsdesk.savedSearches', JSON.stringify(['Landtag']));
    localStorage.setItem('newsdesk.images.creditPresets', JSON.stringify([{ credit: 'Pixabay', license: 'cc0' }]));
    // renderApp clears the storage first; put the old lists back the way a previous version left them.
    const saved = { searches: localStorage.getItem('newsdesk.savedSearches')!, presets: localStorage.getItem('newsdesk.images.creditPresets')! };
    const { backend } = renderApp('#/articles', { settings: { saved_searches: '["Kabinett"]' } }, () => {
      localStorage.setItem('newsdesk.savedSearches', saved.searches);
      localStorage.setItem('newsdesk.images.creditPresets', saved.presets);
    });
    await waitFor(() => expect(JSON.parse(backend.setting('saved_searches'))).toEqual(['Kabinett', 'Landtag']));
    await waitFor(() => expect(JSON.parse(backend.setting('credit_presets'))).toEqual([{ credit: 'Pixabay', license: 'cc0' }]));
    expect(localStorage.getItem('newsdesk.savedSearches'), 'moved, not copied').toBeNull();
    expect(localStorage.getItem('newsdesk.images.creditPresets')).toBeNull();
    expect(await screen.findByRole('link', { name: 'Landtag' }), 'the navigation shows the moved search').toBeInTheDocument();
  });
});
