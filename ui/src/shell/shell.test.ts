import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { renderApp } from '../test/app';

afterEach(() => {
  window.location.hash = '';
});

describe('the window', () => {
  it('shows the library path and count in the status bar', async () => {
    renderApp();
    const bar = screen.getByRole('contentinfo', { name: 'Statusleiste' });
    await within(bar).findByText('6 Artikel');
    const path = within(bar).getByText('Bibliothek: …/newsdesk/library.sqlite');
    expect(path).toHaveAttribute('title', '/home/ba/.local/share/newsdesk/library.sqlite');
  });

  it('says in the status bar when the library is open for reading only, and why', async () => {
    const message =
      'disk full: the disk holding /home/ba has no space left: the library is open for reading only';
    renderApp('#/articles', { readOnly: { code: 'disk_full', message } });
    const bar = screen.getByRole('contentinfo', { name: 'Statusleiste' });
    const state = await within(bar).findByText('Nur lesen: Datenträger voll');
    expect(state).toHaveAttribute('title', message);
    expect(state).toHaveAttribute('data-read-only', 'disk_full');
  });

  it('switches the language and keeps it in the library', async () => {
    const { user, backend } = renderApp();
    await screen.findByText('Mädchen für alles');
    await user.selectOptions(screen.getByLabelText('Sprache'), 'en');
    expect(await screen.findByRole('link', { name: /Drafts/ })).toBeInTheDocument();
    expect(screen.getByText('13/12/2018')).toBeInTheDocument();
    expect(screen.getAllByText('Published').length).toBeGreaterThan(0);
    expect(localStorage.getItem('newsdesk.locale'), 'the first frame of the next start').toBe('en');
    await waitFor(() =>
      expect(backend.callsOf('set_setting').at(-1)?.args, 'the library keeps the choice').toEqual({
        key: 'language',
        value: 'en',
      }),
    );
  });

  it('starts in the language the library keeps, whatever the webview remembered', async () => {
    renderApp('#/articles', { settings: { language: 'en' } });
    expect(await screen.findByRole('link', { name: /Drafts/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the image library, the outbox and the portals from the navigation', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('link', { name: 'Bilder' }));
    expect(await screen.findByRole('region', { name: 'Bildbibliothek' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Postausgang' }));
    expect(await screen.findByText(/^Der Postausgang ist leer\./)).toBeInTheDocument();
    expect(window.location.hash).toBe('#/outbox');
    await user.click(screen.getByRole('link', { name: 'Portale' }));
    expect(await screen.findByText('Noch kein Portal eingerichtet.')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/portals');
  });

  it('shows errors from Rust in a banner that can be dismissed', async () => {
    const { user } = renderApp('#/articles', {
      fail: { list_articles: { code: 'storage', message: 'Die Bibliothek ist gesperrt.' } },
    });
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Die Bibliothek ist gesperrt.');
    expect(banner).toHaveAttribute('data-error-code', 'storage');
    expect(banner).toHaveTextContent(/^Speicherfehler:/); // the kind of failure, in German
    expect(screen.queryByText('Keine Artikel für diesen Filter.')).toBeNull();
    await user.click(within(banner).getByRole('button', { name: 'Meldung schließen' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows a core error in the window’s language: its German in German, its English in English', async () => {
    renderApp('#/articles', {
      fail: {
        list_articles: {
          code: 'storage',
          message: 'the library /home/ba/library.sqlite stayed busy',
          translations: { de: 'Die Bibliothek /home/ba/library.sqlite blieb belegt' },
        },
      },
    });
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Speicherfehler: Die Bibliothek /home/ba/library.sqlite blieb belegt');
    expect(banner).not.toHaveTextContent('stayed busy');
    setLocale('en');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('the library /home/ba/library.sqlite stayed busy'));
    expect(screen.getByRole('alert')).not.toHaveTextContent('blieb belegt');
    setLocale('de');
  });

  it('collapses and restores the side columns by keyboard', async () => {
    const { user } = renderApp();
    await screen.findByText('Mädchen für alles');
    await user.keyboard('{Control>}b{/Control}');
    expect(screen.queryByRole('navigation', { name: 'Navigation' })).toBeNull();
    await user.keyboard('{Control>}{Alt>}b{/Alt}{/Control}');
    expect(screen.queryByRole('complementary', { name: 'Inspektor' })).toBeNull();
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByRole('searchbox')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: /Inspektor ein- oder ausblenden/ }));
    expect(screen.getByRole('complementary', { name: 'Inspektor' })).toBeInTheDocument();
  });

  it('resizes a column from its handle with the arrow keys', async () => {
    renderApp();
    const handle = screen.getByRole('separator', { name: 'Breite der Navigation' });
    const before = Number(handle.getAttribute('aria-valuenow'));
    handle.focus();
    const { user } = { user: (await import('@testing-library/user-event')).userEvent.setup() };
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(Number(handle.getAttribute('aria-valuenow'))).toBe(before + 32);
    expect(JSON.parse(localStorage.getItem('newsdesk.layout')!).nav.width).toBe(before + 32);
  });
});
