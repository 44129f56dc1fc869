import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';

afterEach(() => {
  window.location.hash = '';
});

function titles(container: HTMLElement) {
  return [...container.querySelectorAll('.article-list .article-title')].map((el) => el.textContent);
}

describe('article list', () => {
  it('lists the library with kicker, title, date and status', async () => {
    const { container } = renderApp();
    await screen.findByText('Zweites Digitalisierungskabinett', { selector: '.article-list .article-title' });
    expect(titles(container)).toHaveLength(6);
    const row = container.querySelector<HTMLElement>('[data-article-id="1"]')!;
    expect(within(row).getByText('Thüringen')).toHaveClass('kicker');
    expect(within(row).getByText('13.12.2018')).toBeInTheDocument();
    expect(within(row).getByText('Veröffentlicht')).toBeInTheDocument();
  });

  it('shows the counts per status from library_info in the navigation', async () => {
    renderApp();
    const nav = screen.getByRole('navigation', { name: 'Navigation' });
    const drafts = within(nav).getByText('Entwürfe').closest('a')!;
    await waitFor(() => expect(drafts).toHaveTextContent(/^Entwürfe 2$/));
    expect(within(nav).getByText('Alle Artikel').closest('a')).toHaveTextContent(/^Alle Artikel 6$/);
    expect(within(nav).getByText('Geplant').closest('a')).toHaveTextContent(/^Geplant 1$/);
  });

  it('filters by status from the navigation and by section from the select', async () => {
    const { container, backend, user } = renderApp();
    await screen.findByText('Mädchen für alles');
    await user.click(screen.getByText('Entwürfe'));
    await waitFor(() => expect(titles(container)).toEqual(['One-Stop-Shop für Sozialleistungen', 'Mädchen für alles']));
    expect(window.location.hash).toBe('#/articles?status=draft');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Entwürfe');

    await user.click(screen.getByText('Veröffentlicht', { selector: 'nav a span' }));
    await user.selectOptions(screen.getByLabelText('Bereich'), 'Kommunen');
    await waitFor(() => expect(titles(container)).toEqual(['Digitalstrategie neu ausgerichtet']));
    expect(backend.callsOf('list_articles').at(-1)?.args.filter).toMatchObject({ status: 'published', section: 'Kommunen' });
  });

  it('moves with j/k, describes the row in the inspector and opens it with Enter', async () => {
    const { user } = renderApp();
    await screen.findByText('Mädchen für alles');
    await user.keyboard('jjk');
    const inspector = screen.getByRole('complementary', { name: 'Inspektor' });
    expect(within(inspector).getByText('Zweites Digitalisierungskabinett')).toBeInTheDocument();
    expect(document.activeElement?.closest('[data-article-id]')).toHaveAttribute('data-article-id', '1');
    await user.keyboard('j{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/articles/2'));
    await screen.findByRole('heading', { name: 'Zentralisierung als Hemmnis oder Chance?' });
  });
});

describe('article view', () => {
  it('shows the article in the portal’s anatomy with the rendered body', async () => {
    const { container, backend } = renderApp('#/articles/1');
    const view = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.article-view');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(within(view).getByText('Thüringen')).toHaveClass('kicker');
    expect(within(view).getByRole('heading', { level: 1 })).toHaveTextContent('Zweites Digitalisierungskabinett');
    expect(view.querySelector('.byline')).toHaveTextContent('13.12.2018 | Autor: ba');
    expect(view.querySelector('.teaser')).toHaveTextContent(/^Beim zweiten Digitalisierungskabinett/);
    expect(within(view).getByText('Bildquelle: Thüringer Staatskanzlei')).toBeInTheDocument();
    expect(view.querySelector('.body blockquote')).toHaveTextContent('Vom Verwaltungsmitarbeiter');
    expect(within(view).getByText(/Strategie für E-Government und IT des Freistaats/)).toBeInTheDocument();
    expect(view.querySelector('.tags')).toHaveTextContent(
      'Stichwörter: Politik, Thüringen, Digitalisierungskabinett, Digitalisierung, Hartmut Schubert',
    );
    expect(backend.callsOf('render_markdown')[0]?.args.markdown).toContain('Die Thüringer Landesregierung');
  });

  it('fills the inspector with status, revision, history and tags', async () => {
    renderApp('#/articles/1');
    const inspector = screen.getByRole('complementary', { name: 'Inspektor' });
    await within(inspector).findByText('Revision 2');
    expect(within(inspector).getByText('Meldung')).toBeInTheDocument();
    expect(within(inspector).getByText('Veröffentlicht')).toBeInTheDocument();
    expect(within(inspector).getByText('312 Wörter · save')).toBeInTheDocument();
    expect(within(inspector).getByText('Hartmut Schubert')).toHaveClass('chip');
    expect(within(inspector).getByText('Alle Bilder haben eine Bildquelle.')).toBeInTheDocument();
  });

  it('warns when an image has no credit', async () => {
    renderApp('#/articles/2');
    const inspector = screen.getByRole('complementary', { name: 'Inspektor' });
    expect(await within(inspector).findByText('Bild 1 hat keine Bildquelle.')).toBeInTheDocument();
  });

  it('goes back to the list it came from with Escape and with the Back button', async () => {
    const { user } = renderApp('#/articles?status=draft');
    await user.click(await screen.findByText('Mädchen für alles'));
    await screen.findByRole('heading', { level: 1, name: 'Mädchen für alles' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(window.location.hash).toBe('#/articles?status=draft'));
    await user.click(await screen.findByText('Mädchen für alles'));
    await user.click(await screen.findByRole('button', { name: /Zurück/ }));
    await waitFor(() => expect(window.location.hash).toBe('#/articles?status=draft'));
  });

  it('shows the message of a missing article in the error banner', async () => {
    renderApp('#/articles/99');
    expect(await screen.findByRole('alert')).toHaveTextContent('Artikel 99 gibt es nicht.');
  });
});

describe('empty library', () => {
  it('offers the demo articles and lists them after loading', async () => {
    const { user, backend } = renderApp('#/articles', { articles: [] });
    await user.click(await screen.findByRole('button', { name: 'Demo-Artikel laden' }));
    await screen.findByText('Zweites Digitalisierungskabinett', { selector: '.article-list .article-title' });
    expect(backend.callsOf('load_demo_articles')).toHaveLength(1);
    expect(screen.getByRole('contentinfo', { name: 'Statusleiste' })).toHaveTextContent('6 Artikel');
  });
});
