import { render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ArticleAnatomy from '../articles/ArticleAnatomy.svelte';
import anatomySource from '../articles/ArticleAnatomy.svelte?raw';
import { articleLanguage } from '../lib/articleLanguage';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { renderApp } from '../test/app';
import { fakeBackend } from '../test/backend';
import { articles, kabinett } from '../test/fixtures';
import { editorKeyFor } from './keys';
import { fieldsOpen, previewShown, restoreRoom } from './room.svelte';

afterEach(() => {
  window.location.hash = '';
});

const room = () => JSON.parse(localStorage.getItem('newsdesk.editor.room') ?? '{}') as Record<string, unknown>;
const preview = () => document.querySelector<HTMLElement>('.article-view');
const body = () => screen.getByTestId('body-editor');

async function openKabinett(hash = '#/articles/1', options: Parameters<typeof renderApp>[1] = {}) {
  const app = renderApp(hash, options);
  await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
  return app;
}

describe('room to write: the fields', () => {
  it('fold into a header of kicker and title, with a line of what the rest holds', async () => {
    await openKabinett();
    expect(screen.getByDisplayValue('Thüringen')).toHaveAttribute('name', 'kicker');
    const fold = screen.getByRole('button', { name: 'Weitere Felder' });
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(fold).toHaveAttribute('aria-controls', 'article-fields-more');
    expect(document.querySelector('textarea[name="teaser"]')).toBeNull();
    expect(document.querySelector('input[name="author"]')).toBeNull();
    expect(screen.getByTestId('fields-summary')).toHaveTextContent(
      'Politik · ba · 13.12.2018 · 5 Stichwörter · 1 Bild · 2 Links',
    );
    // Folded, the body follows the header directly: format bar, then the text.
    const writing = screen.getByRole('region', { name: 'Artikel bearbeiten' });
    expect(writing.lastElementChild).toBe(body());
  });

  it('unfold by the button and fold by Alt+M, and the window remembers the choice', async () => {
    const { user } = await openKabinett();
    const fold = screen.getByRole('button', { name: 'Weitere Felder' });
    await user.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById('article-fields-more')).toContainElement(
      screen.getByDisplayValue(/^Beim zweiten Digitalisierungskabinett/),
    );
    expect(screen.getByDisplayValue('ba')).toHaveAttribute('name', 'author');
    expect(screen.queryByTestId('fields-summary')).toBeNull();
    expect(room().fieldsOpen).toBe(true);
    restoreRoom(); // as the next start reads it
    expect(fieldsOpen()).toBe(true);

    await user.keyboard('{Alt>}m{/Alt}');
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(document.querySelector('textarea[name="teaser"]')).toBeNull();
    expect(room().fieldsOpen).toBe(false);
  });
});

describe('room to write: the preview', () => {
  it('stands beside the body and is shown or hidden by its button and Alt+P, remembered', async () => {
    const { user } = await openKabinett();
    const toggle = screen.getByRole('button', { name: 'Vorschau' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(preview()).not.toBeNull();
    expect(document.querySelector('.panes')).toHaveClass('with-preview');

    await user.click(toggle);
    expect(preview()).toBeNull();
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(document.querySelector('.panes')).not.toHaveClass('with-preview');
    expect(room().preview).toBe(false);
    restoreRoom();
    expect(previewShown()).toBe(false);

    await user.keyboard('{Alt>}p{/Alt}');
    expect(preview()).not.toBeNull();
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });

  it('carries the article’s language on its root and hyphenates headline and body', async () => {
    await openKabinett();
    const root = preview()!;
    expect(root).toHaveAttribute('lang', 'de');
    expect(root).toHaveClass('hyphenated');
    expect(within(root).getByRole('heading', { level: 1 }).closest('[lang]')).toBe(root);
    // The body's spell-check speaks the same language.
    expect(body().querySelector('.cm-content')).toHaveAttribute('lang', 'de');
  });

  it('takes the language from the article’s front matter before the window’s', async () => {
    const english = { ...kabinett, extra: { lang: 'en-GB' } };
    const { user } = await openKabinett('#/articles/1', { articles: [english] });
    expect(preview()).toHaveAttribute('lang', 'en-GB');
    await waitFor(() => expect(body().querySelector('.cm-content')).toHaveAttribute('lang', 'en-GB'));
    // The window's language does not override the article's own.
    await user.selectOptions(screen.getByLabelText('Sprache'), 'en');
    expect(preview()).toHaveAttribute('lang', 'en-GB');
  });

  it('follows the window’s language when the article names none', async () => {
    const { user } = await openKabinett();
    await user.selectOptions(screen.getByLabelText('Sprache'), 'en');
    await waitFor(() => expect(preview()).toHaveAttribute('lang', 'en'));
    expect(body().querySelector('.cm-content')).toHaveAttribute('lang', 'en');
  });
});

describe('room to write: focus mode', () => {
  const chrome = () => ({
    nav: screen.queryByRole('navigation', { name: 'Navigation' }),
    inspector: screen.queryByRole('complementary', { name: 'Inspektor' }),
    statusbar: screen.queryByRole('contentinfo', { name: 'Statusleiste' }),
    title: document.querySelector('input[name="title"]'),
    formatting: screen.queryByRole('toolbar', { name: 'Formatierung' }),
    back: screen.queryByRole('button', { name: /Zurück/ }),
    preview: preview(),
  });

  it('hides everything but the text, and Esc in the text brings it all back', async () => {
    const { user } = await openKabinett();
    for (const [part, element] of Object.entries(chrome())) expect(element, part).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Fokusmodus' }));
    for (const [part, element] of Object.entries(chrome())) expect(element, `${part} in focus mode`).toBeNull();
    expect(body()).toHaveTextContent('Die Thüringer Landesregierung');
    expect(body()).toContainElement(document.activeElement as HTMLElement); // the text has the keyboard
    expect(screen.getByRole('button', { name: 'Fokusmodus verlassen' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    for (const [part, element] of Object.entries(chrome())) expect(element, `${part} after Esc`).not.toBeNull();
    expect(window.location.hash, 'Esc leaves focus mode, not the article').toBe('#/articles/1');
    expect(screen.queryByRole('button', { name: 'Fokusmodus verlassen' })).toBeNull();
  });

  it('enters and leaves by Alt+F and by its buttons; Esc on the button stays in the article', async () => {
    const { user } = await openKabinett();
    await user.keyboard('{Alt>}f{/Alt}');
    expect(chrome().nav).toBeNull();
    await user.keyboard('{Alt>}f{/Alt}');
    expect(chrome().nav).not.toBeNull();

    await user.keyboard('{Alt>}f{/Alt}');
    const leave = screen.getByRole('button', { name: 'Fokusmodus verlassen' });
    leave.focus();
    await user.keyboard('{Escape}');
    expect(chrome().nav).not.toBeNull();
    expect(window.location.hash).toBe('#/articles/1');

    await user.keyboard('{Alt>}f{/Alt}');
    await user.click(screen.getByRole('button', { name: 'Fokusmodus verlassen' }));
    expect(chrome().statusbar).not.toBeNull();
    // The keyboard lands where focus mode comes back from, not on the page's body.
    expect(screen.getByRole('button', { name: 'Fokusmodus' })).toHaveFocus();
  });

  it('ends when the article is left, so the next page has its columns', async () => {
    const { user } = await openKabinett();
    await user.keyboard('{Alt>}f{/Alt}');
    expect(chrome().nav).toBeNull();
    window.location.hash = '#/articles';
    expect(await screen.findByRole('navigation', { name: 'Navigation' })).toBeInTheDocument();
    expect(screen.getByRole('contentinfo', { name: 'Statusleiste' })).toBeInTheDocument();
  });

  it('is listed with the other keys in the help overlay', async () => {
    const { user } = renderApp('#/articles');
    await screen.findByText('Mädchen für alles');
    await user.keyboard('?');
    const help = screen.getByRole('region', { name: 'Tastenkürzel' });
    for (const [key, text] of [
      ['Alt+P', 'Vorschau ein/aus'],
      ['Alt+M', 'Weitere Felder auf- und zuklappen'],
      ['Alt+F', 'Fokusmodus: nur der Text'],
      ['Esc · Alt+F', 'Fokusmodus verlassen'],
    ] as const) {
      const term = within(help).getByText(text).previousElementSibling;
      expect(term, text).toHaveTextContent(key);
    }
  });
});

describe('room to write: keys and language', () => {
  const key = (init: Partial<KeyboardEvent>) =>
    editorKeyFor({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init });

  it('maps the editor’s keys, by letter or by key position', () => {
    expect(key({ key: 's', ctrlKey: true })).toBe('save');
    expect(key({ key: 'S', metaKey: true })).toBe('save');
    expect(key({ key: 'p', altKey: true })).toBe('preview');
    expect(key({ key: 'm', altKey: true })).toBe('fields');
    expect(key({ key: 'f', altKey: true })).toBe('focus');
    expect(key({ key: 'ƒ', code: 'KeyF', altKey: true }), 'a layout that types another letter with Alt').toBe('focus');
    expect(key({ key: 'f' }), 'a plain f is typing').toBeNull();
    expect(key({ key: 'f', altKey: true, ctrlKey: true })).toBeNull();
    expect(key({ key: 'f', altKey: true, shiftKey: true })).toBeNull();
    expect(key({ key: 'n', altKey: true }), 'Alt+N is the window’s').toBeNull();
  });

  it('reads an article’s language from its front matter, else the window’s', () => {
    setLocale('de');
    expect(articleLanguage({ extra: {} })).toBe('de');
    expect(articleLanguage({ extra: { lang: 'en' } })).toBe('en');
    expect(articleLanguage({ extra: { language: ' de-CH ' } })).toBe('de-CH');
    expect(articleLanguage({ extra: { lang: 'not a language' } })).toBe('de');
    expect(articleLanguage({ extra: { lang: 42 } })).toBe('de');
    setLocale('en');
    expect(articleLanguage({ extra: {} })).toBe('en');
    setLocale('de');
  });

  it('hyphenates headline, teaser and body automatically, with WebKit’s prefix too', () => {
    fakeBackend();
    // jsdom does not load a component's scoped styles: put its rules in unscoped and let jsdom
    // cascade them onto the rendered elements.
    const css = /<style>([\s\S]*)<\/style>/.exec(anatomySource)![1]!.replace(/:global\(([^)]*)\)/g, '$1');
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = css;
    try {
      const { container } = render(ArticleAnatomy, { props: { article: articles[0]!, id: 1, html: '<p>Text</p>' } });
      for (const part of ['.headline', '.teaser', '.body']) {
        expect(getComputedStyle(container.querySelector(part)!).hyphens, part).toBe('auto');
      }
      expect(getComputedStyle(container.querySelector('.byline')!).hyphens, 'the byline is not hyphenated').toBe('');
      // jsdom drops the prefixed property: read it from the rule itself.
      const rule = /\.hyphenated \.headline,[^{]*\{([^}]*)\}/.exec(css)?.[1] ?? '';
      expect(rule).toMatch(/-webkit-hyphens:\s*auto;/);
      expect(rule).toMatch(/(^|\s)hyphens:\s*auto;/);
    } finally {
      style.remove();
    }
  });
});
