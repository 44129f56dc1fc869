import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';

afterEach(() => {
  window.location.hash = '';
});

describe('search', () => {
  it('searches while typing, after a short pause, and marks the matches', async () => {
    const { user, backend, container } = renderApp();
    await screen.findByText('Mädchen für alles');
    await user.keyboard('/');
    const box = screen.getByRole('searchbox', { name: 'Artikel durchsuchen' });
    expect(box).toHaveFocus();
    await user.keyboard('Kommunen');
    await waitFor(() => expect(window.location.hash).toBe('#/search?q=Kommunen'));
    // One search for the whole word: the debounce swallowed the keystrokes in between.
    await waitFor(() => expect(backend.callsOf('search_articles')).toHaveLength(1));
    expect(backend.callsOf('search_articles')[0]?.args).toEqual({ query: 'Kommunen', limit: 50 });

    const results = await waitFor(() => container.querySelector<HTMLElement>('.search-results')!);
    const hit = await within(results).findByText('Mädchen für alles');
    const row = hit.closest<HTMLElement>('[data-article-id]')!;
    expect(row.querySelector('mark')).toHaveTextContent('Kommunen');
    expect(screen.getByRole('status')).toHaveTextContent('Treffer für „Kommunen“');
  });

  it('sets the hits with only some of the words apart from those with all of them', async () => {
    const { kabinett, ozg, nkr } = await import('../test/fixtures');
    const { container } = renderApp('#/search?q=Radweg%20Jena', {
      articles: [
        { ...kabinett, title: 'Radweg Jena fertig', teaser: '', body: 'Der Radweg Jena ist fertig.' },
        { ...ozg, title: 'Jena feiert', teaser: '', body: 'Jena feiert sein Stadtfest.' },
        { ...nkr, title: 'Wetter', teaser: '', body: 'Es regnet.' },
      ],
    });
    // (The list may still show an earlier search's hits for a moment.)
    const divider = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.search-results [role="separator"]');
      expect(found).toBeTruthy();
      return found!;
    });
    expect(divider).toHaveTextContent('Nur mit einem Teil der Suchwörter');
    // The full match, then the divider, then the article holding one of the words.
    const rows = [...divider.parentElement!.children].map((row) =>
      row.getAttribute('role') === 'separator' ? '—' : row.querySelector('.hit-title')?.textContent,
    );
    expect(rows).toEqual(['Radweg Jena fertig', '—', 'Jena feiert']);
  });

  it('opens a hit with the arrow key and Enter, and by click', async () => {
    const { user, container } = renderApp('#/search?q=Thüringen');
    await screen.findByText('Zweites Digitalisierungskabinett');
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.closest('[data-article-id]')).not.toBeNull();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/articles\/\d+$/));

    window.location.hash = '#/search?q=Kabinett';
    const results = await waitFor(() => {
      const list = container.querySelector<HTMLElement>('.search-results');
      expect(list).toHaveTextContent('Zweites Digitalisierungskabinett');
      return list!;
    });
    await user.click(within(results).getByText('Zweites Digitalisierungskabinett'));
    await waitFor(() => expect(window.location.hash).toBe('#/articles/1'));
  });

  it('shows a hostile snippet as text', async () => {
    const { container } = renderApp('#/search?q=onerror', {
      articles: [
        {
          ...(await import('../test/fixtures')).nkr,
          teaser: 'Vorsicht <img src=x onerror="window.pwned=1"> im Text',
        },
      ],
    });
    await screen.findByText('One-Stop-Shop für Sozialleistungen');
    const snippet = container.querySelector('.snippet')!;
    expect(snippet.querySelector('img')).toBeNull();
    expect(snippet.querySelector('mark')).toHaveTextContent('onerror');
    expect(snippet.textContent).toContain('<img src=x ');
  });

  it('says so when nothing is found, and Escape leaves the search', async () => {
    const { user } = renderApp('#/articles?status=ready');
    await screen.findByText('Zentralisierung als Hemmnis oder Chance?');
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('Quantencomputer');
    expect(await screen.findByText('Keine Treffer für „Quantencomputer“.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toBe('#/articles?status=ready'));
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });

  it('goes back from an opened hit to the search, and from the search to the list', async () => {
    const { user, container } = renderApp('#/articles?status=published');
    await screen.findByText('Digitalstrategie neu ausgerichtet');
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('Düsseldorf');
    const hit = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.search-results [data-article-id="6"] a');
      expect(found).not.toBeNull();
      return found!;
    });
    await user.click(hit);
    await screen.findByRole('heading', { level: 1, name: 'Digitalstrategie neu ausgerichtet' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toBe('#/search?q=D%C3%BCsseldorf'));
    expect(screen.getByRole('searchbox')).toHaveValue('Düsseldorf');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toBe('#/articles?status=published'));
  });

  it('keeps a search for later in the navigation', async () => {
    const { user } = renderApp('#/search?q=Thüringen');
    await user.click(await screen.findByRole('button', { name: /Suche merken/ }));
    const nav = screen.getByRole('navigation', { name: 'Navigation' });
    expect(await within(nav).findByRole('link', { name: 'Thüringen' })).toBeInTheDocument();
    await user.click(within(nav).getByRole('button', { name: 'Gespeicherte Suche „Thüringen“ entfernen' }));
    expect(within(nav).queryByRole('link', { name: 'Thüringen' })).toBeNull();
  });
});
