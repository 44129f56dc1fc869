import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/svelte';
import { renderApp } from '../test/app';
import { fakeBackend } from '../test/backend';
import { articles, generatedArticles } from '../test/fixtures';
import ArticleAnatomy from './ArticleAnatomy.svelte';

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
    await waitFor(() => expect(titles(container)).toEqual(['Mädchen für alles', 'One-Stop-Shop für Sozialleistungen']));
    expect(window.location.hash).toBe('#/articles?status=draft');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Entwürfe');

    await user.click(screen.getByText('Veröffentlicht', { selector: 'nav a span' }));
    await user.selectOptions(screen.getByLabelText('Bereich'), 'Kommunen');
    await waitFor(() => expect(titles(container)).toEqual(['Digitalstrategie neu ausgerichtet']));
    expect(backend.callsOf('list_articles').at(-1)?.args.filter).toMatchObject({ status: 'published', section: 'Kommunen' });
  });

  it('lists the newest first, like the Rust store', async () => {
    const { container } = renderApp();
    await screen.findByText('Mädchen für alles');
    expect(titles(container)).toEqual([
      'Digitalstrategie neu ausgerichtet',
      'E-Government-Gesetz wird novelliert',
      'Mädchen für alles',
      'One-Stop-Shop für Sozialleistungen',
      'Zentralisierung als Hemmnis oder Chance?',
      'Zweites Digitalisierungskabinett',
    ]);
  });

  it('moves with j/k, describes the row in the inspector and opens it with Enter', async () => {
    const { user } = renderApp();
    await screen.findByText('Mädchen für alles');
    await user.keyboard('{End}kjjk');
    const inspector = screen.getByRole('complementary', { name: 'Inspektor' });
    expect(within(inspector).getByText('Zentralisierung als Hemmnis oder Chance?')).toBeInTheDocument();
    expect(document.activeElement?.closest('[data-article-id]')).toHaveAttribute('data-article-id', '2');
    await user.keyboard('j{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/articles/1'));
    await screen.findByRole('heading', { name: 'Zweites Digitalisierungskabinett' });
  });
});

describe('article list paging', () => {
  // 450 articles: "Artikel 450" is the newest; odd ids are in "Politik", even ids in "Kommunen".
  const large = generatedArticles(450);
  const more = 'Weitere Artikel laden';
  const numbers = (container: HTMLElement) => titles(container).map((title) => Number(title?.replace('Artikel ', '')));
  const range = (from: number, to: number, step = 1) =>
    Array.from({ length: Math.floor((from - to) / step) + 1 }, (_, i) => from - i * step);

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function firstPage(options: { articles?: typeof large } = {}) {
    const app = renderApp('#/articles', { articles: large, ...options });
    await screen.findByText('Artikel 450', { selector: '.article-list .article-title' });
    return app;
  }

  it('shows the newest 200 of 450 articles and a button for more, with the counts from library_info', async () => {
    const { container, backend } = await firstPage();
    expect(numbers(container)).toEqual(range(450, 251));
    expect(backend.callsOf('list_articles').map((call) => call.args.filter)).toEqual([
      expect.objectContaining({ status: null, section: null, limit: 200, offset: 0 }),
    ]);
    expect(screen.getByRole('button', { name: more })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigation' });
    await waitFor(() => expect(within(nav).getByText('Alle Artikel').closest('a')).toHaveTextContent(/^Alle Artikel 450$/));
  });

  it('appends the next 200 with the button, and the last 50 without a button after them', async () => {
    const { container, backend, user } = await firstPage();
    await user.click(screen.getByRole('button', { name: more }));
    await waitFor(() => expect(titles(container)).toHaveLength(400));
    expect(numbers(container)).toEqual(range(450, 51));
    expect(backend.callsOf('list_articles').at(-1)?.args.filter).toMatchObject({ limit: 200, offset: 200 });

    await user.click(screen.getByRole('button', { name: more }));
    await waitFor(() => expect(titles(container)).toHaveLength(450));
    expect(numbers(container)).toEqual(range(450, 1));
    expect(backend.callsOf('list_articles').at(-1)?.args.filter).toMatchObject({ limit: 200, offset: 400 });
    expect(screen.queryByRole('button', { name: more })).not.toBeInTheDocument();
    expect(backend.callsOf('list_articles')).toHaveLength(3);
  });

  it('loads the next page when the keyboard reaches the last loaded row', async () => {
    const { container, backend, user } = await firstPage();
    await user.keyboard('{End}');
    expect(document.activeElement?.closest('[data-article-id]')).toHaveAttribute('data-article-id', '251');
    await waitFor(() => expect(titles(container)).toHaveLength(400));
    expect(backend.callsOf('list_articles').at(-1)?.args.filter).toMatchObject({ limit: 200, offset: 200 });
    await user.keyboard('j');
    expect(document.activeElement?.closest('[data-article-id]')).toHaveAttribute('data-article-id', '250');
    await user.keyboard('k{ArrowDown}');
    expect(backend.callsOf('list_articles')).toHaveLength(2); // not at the end: nothing more asked
  });

  it('loads the next page when the end of the list scrolls near', async () => {
    const observers: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit; target?: Element; connected: boolean }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        #entry: (typeof observers)[number];
        constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
          this.#entry = { callback, options, connected: true };
          observers.push(this.#entry);
        }
        observe(target: Element) {
          this.#entry.target = target;
        }
        disconnect() {
          this.#entry.connected = false;
        }
      },
    );
    const watching = () => {
      const live = observers.filter((o) => o.connected);
      expect(live).toHaveLength(1); // one sentinel, watched by one observer at a time
      return live[0]!;
    };
    const report = (isIntersecting: boolean) => {
      const observer = watching();
      observer.callback([{ isIntersecting, target: observer.target } as IntersectionObserverEntry], {} as IntersectionObserver);
    };
    const { container, backend } = await firstPage();
    const first = watching();
    expect(first.target).toContainElement(screen.getByRole('button', { name: more }));
    expect(first.options?.rootMargin).toMatch(/^0px 0px \d+px 0px$/);

    report(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(backend.callsOf('list_articles')).toHaveLength(1);

    report(true);
    await waitFor(() => expect(titles(container)).toHaveLength(400));
    expect(first.connected).toBe(false); // observed afresh after each page
    expect(watching()).not.toBe(first);
    report(true);
    await waitFor(() => expect(titles(container)).toHaveLength(450));
    expect(backend.callsOf('list_articles').map((call) => (call.args.filter as { offset: number }).offset)).toEqual([0, 200, 400]);
    expect(observers.filter((o) => o.connected)).toHaveLength(0); // no more pages: nothing watches
  });

  it('starts again at the first page when the filter changes', async () => {
    const { container, backend, user } = await firstPage();
    await user.click(screen.getByRole('button', { name: more }));
    await waitFor(() => expect(titles(container)).toHaveLength(400));

    await user.selectOptions(screen.getByLabelText('Bereich'), 'Kommunen');
    await waitFor(() => expect(numbers(container)).toEqual(range(450, 52, 2)));
    expect(backend.callsOf('list_articles').at(-1)?.args.filter).toMatchObject({ section: 'Kommunen', limit: 200, offset: 0 });
    expect(screen.getByRole('button', { name: more })).toBeInTheDocument(); // 225 in "Kommunen"
  });

  it('drops a page that was still loading when the filter changed', async () => {
    const { container, backend, user } = renderApp('#/articles?section=Kommunen', { articles: large });
    await waitFor(() => expect(numbers(container)).toEqual(range(450, 52, 2)));
    backend.hold('list_articles');
    await user.click(screen.getByRole('button', { name: more })); // the last 25 of "Kommunen" …
    await user.selectOptions(screen.getByLabelText('Bereich'), 'Alle Bereiche'); // … then page 1 of all
    await waitFor(() => expect(backend.waiting('list_articles')).toBe(2));

    backend.release('list_articles', 1);
    await waitFor(() => expect(numbers(container)).toEqual(range(450, 251)));
    backend.release('list_articles', 0); // the old page answers last: it must not be appended
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(numbers(container)).toEqual(range(450, 251));
    expect(screen.getByRole('button', { name: more })).toBeInTheDocument();
  });
});

describe('article editor: the preview', () => {
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
    await waitFor(() => expect(view.querySelector('.body blockquote')).toHaveTextContent('Vom Verwaltungsmitarbeiter'));
    expect(within(view).getByText(/Strategie für E-Government und IT des Freistaats/)).toBeInTheDocument();
    expect(view.querySelector('.tags')).toHaveTextContent(
      'Stichwörter: Politik, Thüringen, Digitalisierungskabinett, Digitalisierung, Hartmut Schubert',
    );
    // One round trip opens the article with its preview: the body is not rendered again.
    expect(backend.callsOf('open_article').map((call) => call.args.id)).toEqual([1]);
    expect(backend.callsOf('render_markdown'), 'the preview came with the article').toHaveLength(0);
  });

  it('fills the inspector with status, revision, history and readiness', async () => {
    renderApp('#/articles/1');
    const inspector = screen.getByRole('complementary', { name: 'Inspektor' });
    await within(inspector).findByText('Revision 2');
    expect(within(inspector).getByText('Veröffentlicht')).toBeInTheDocument();
    expect(await within(inspector).findByText('312 Wörter · save')).toBeInTheDocument();
    expect(await within(inspector).findByText('Alles da: Der Artikel kann auf „Bereit“.')).toBeInTheDocument();
  });

  it('opens web links in the browser, never in the window, and leaves other links dead', async () => {
    const backend = fakeBackend();
    const html = '<p><a href="https://thueringen.de/x">Portal</a> <a href="javascript:alert(1)">böse</a> <a href="/intern">relativ</a></p>';
    const { container } = render(ArticleAnatomy, { props: { article: articles[0]!, id: 1, html } });
    for (const name of ['böse', 'relativ', 'Portal']) {
      const link = within(container).getByText(name);
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      link.dispatchEvent(click);
      expect(click.defaultPrevented, `${name}: the window must not navigate`).toBe(true);
    }
    await fireEvent.click(within(container).getByRole('button', { name: 'www.thueringen.de' }));
    await waitFor(() => expect(backend.callsOf('plugin:opener|open_url').map((c) => c.args.url)).toEqual([
      'https://thueringen.de/x',
      'http://www.thueringen.de',
    ]));
  });

  it('warns when an image has no credit', async () => {
    renderApp('#/articles/2');
    const inspector = screen.getByRole('complementary', { name: 'Inspektor' });
    expect(await within(inspector).findByText(/Bildquelle fehlt\./)).toBeInTheDocument();
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

describe('list filters and the trash', () => {
  it('asks the core for a type, a tag and a date range', async () => {
    const { backend, container } = renderApp('#/articles');
    await screen.findByText('Zweites Digitalisierungskabinett', { selector: '.article-list .article-title' });
    const input = (name: string) => container.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
    await fireEvent.change(input('filter-type'), { target: { value: 'Bericht' } });
    await fireEvent.change(input('filter-tag'), { target: { value: 'Thüringen' } });
    await fireEvent.change(input('filter-since'), { target: { value: '2024-01-01' } });
    await waitFor(() => {
      const last = backend.callsOf('list_articles').at(-1)!.args.filter as Record<string, unknown>;
      expect(last.type).toBe('Bericht');
      expect(last.tag).toBe('Thüringen');
      expect(last.since).toBe('2024-01-01');
    });
  });

  it('shows the trash, where a click brings an article back', async () => {
    const { user, backend, container } = renderApp('#/articles');
    await screen.findByText('Zweites Digitalisierungskabinett', { selector: '.article-list .article-title' });
    await user.click(container.querySelector<HTMLInputElement>('input[name=filter-trashed]')!);
    await waitFor(() => {
      const last = backend.callsOf('list_articles').at(-1)!.args.filter as Record<string, unknown>;
      expect(last.trashed).toBe(true);
    });
    expect(screen.getByText(/Gelöscht wird erst beim Leeren/)).toBeInTheDocument();
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
