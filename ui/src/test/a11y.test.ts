// axe-core over each main view of the window, rendered against the fake backend, and over the
// states a view opens into (menus, dialogs, forms, focus mode): any violation of impact
// "serious" or "critical" fails. Moderate and minor findings are not gated here.
//
// jsdom lays nothing out and computes no colours, so axe's `color-contrast` rule cannot work
// here: it is switched off, and the theme's colours are checked by contrast.test.ts instead
// (the text, muted, accent and status pairs of app.css in light and dark).
//
// jsdom also lacks two things axe calls: document.elementsFromPoint (is a modal open?) and a
// canvas (is this glyph an icon-font ligature?). Without them rules such as
// landmark-one-main or label-content-name-mismatch end in an error that axe files under
// "incomplete", where it would pass silently. Stand-ins answer "nothing stacked here" and "no
// ligature" while this file runs, and a rule that still errs fails the test.
import { screen, waitFor, within } from '@testing-library/svelte';
import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderApp, unfoldFields } from './app';
import { articles } from './fixtures';
import { samplePublishing } from './publishing';

// The document is jsdom's, not index.html: it gets the title index.html gives the window, so
// that axe's document-title rule looks at the rest.
beforeAll(() => {
  document.title = 'Newsdesk';
});

// The stand-ins for what jsdom lacks (see above), removed again: test files share one jsdom.
const canvasContext = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  Object.assign(document, { elementFromPoint: () => null, elementsFromPoint: () => [] });
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    // Every glyph as wide as the next and drawn with ink: plain text, not a ligature.
    return {
      canvas: this,
      font: '',
      measureText: (text: string) => ({ width: 10 * text.length }),
      fillText: () => undefined,
      clearRect: () => undefined,
      getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(Math.ceil(w) * Math.ceil(h) * 4).fill(255) }),
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
});
afterAll(() => {
  Reflect.deleteProperty(document, 'elementFromPoint');
  Reflect.deleteProperty(document, 'elementsFromPoint');
  HTMLCanvasElement.prototype.getContext = canvasContext;
});

afterEach(() => {
  window.location.hash = '';
});

type Failure = { error?: { message?: string } };

/** The serious and critical violations in the whole document, one readable line per node, and
 * every rule that could not run (an error is not a pass). */
async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document, {
    rules: { 'color-contrast': { enabled: false } }, // jsdom computes no colours (see above)
  });
  const violations = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.html.slice(0, 140)}`),
    );
  const errors = results.incomplete.flatMap((rule) =>
    rule.nodes.flatMap((node) =>
      [...node.any, ...node.all, ...node.none]
        .map((check) => (check as Failure).error?.message)
        .filter((message): message is string => message !== undefined)
        .map((message) => `${rule.id} could not run: ${message}`),
    ),
  );
  return [...violations, ...new Set(errors)];
}

async function expectClean() {
  expect(await seriousViolations()).toEqual([]);
}

const imageCells = () => document.querySelectorAll<HTMLElement>('.image-library [role="option"]');

// axe over the whole window takes a second or more per run on a busy machine.
const slow = { timeout: 30_000 };

describe('accessibility (axe-core): the library', slow, () => {
  it('the article list', async () => {
    renderApp('#/articles');
    await screen.findByText('Mädchen für alles');
    await expectClean();
  });

  it('the empty library', async () => {
    renderApp('#/articles', { articles: [] });
    await screen.findByRole('button', { name: /Neuer Artikel/ });
    await waitFor(() => expect(document.querySelector('.empty-library, .empty')).not.toBeNull());
    await expectClean();
  });

  it('search results', async () => {
    renderApp('#/search?q=Thüringen');
    await waitFor(() => expect(document.querySelectorAll('.search-results li, .results li').length).toBeGreaterThan(0));
    await expectClean();
  });

  it('the help overlay and an error banner', async () => {
    const { user } = renderApp('#/articles', {
      fail: { list_articles: { code: 'storage', message: 'Die Bibliothek ist gesperrt.' } },
    });
    await screen.findByRole('alert');
    await user.keyboard('?');
    await screen.findByRole('region', { name: 'Tastenkürzel' });
    await expectClean();
  });
});

describe('accessibility (axe-core): the editor', slow, () => {
  async function openEditor() {
    const app = renderApp('#/articles/1', samplePublishing());
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await waitFor(() => expect(document.querySelector('.article-view .body p')).not.toBeNull());
    return app;
  }

  it('the writing surface with its fields folded', async () => {
    await openEditor();
    await expectClean();
  });

  it('with every field unfolded, and the picture picker open', async () => {
    const { user } = await openEditor();
    await unfoldFields(user);
    await expectClean();
    await user.click(screen.getByRole('button', { name: /Aus der Bildbibliothek einfügen/ }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getAllByRole('option').length).toBeGreaterThan(0));
    await expectClean();
  });

  it('in focus mode', async () => {
    const { user } = await openEditor();
    await user.keyboard('{Alt>}f{/Alt}');
    await screen.findByRole('button', { name: 'Fokusmodus verlassen' });
    await expectClean();
  });

  it('with the Publish and the Export menu open', async () => {
    const { user } = await openEditor();
    await user.click(screen.getByRole('button', { name: /^Veröffentlichen/ }));
    await screen.findByRole('menu', { name: 'Veröffentlichen' });
    await expectClean();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /^Exportieren/ }));
    await screen.findByRole('menu', { name: 'Exportieren' });
    await expectClean();
  });
});

describe('accessibility (axe-core): the image library', slow, () => {
  async function openImages(options: Parameters<typeof renderApp>[1] = {}) {
    const app = renderApp('#/images', options);
    await waitFor(() => expect(imageCells().length).toBeGreaterThan(0));
    return app;
  }

  it('the grid with nothing selected', async () => {
    await openImages();
    await expectClean();
  });

  it('with pictures selected and their metadata in the inspector', async () => {
    const { user } = await openImages();
    await user.click(imageCells()[0]!);
    await screen.findByRole('button', { name: 'Speichern' });
    await expectClean();
    await user.keyboard('{Control>}');
    await user.click(imageCells()[1]!);
    await user.keyboard('{/Control}');
    await screen.findByText('2 Bilder ausgewählt');
    await expectClean();
  });

  it('the duplicates', async () => {
    const { user } = await openImages({ duplicates: [[1, 5], [3, 6]] });
    await user.click(screen.getByRole('button', { name: 'Dubletten' }));
    const view = await screen.findByRole('region', { name: /^Dubletten/ });
    await waitFor(() => expect(view.querySelectorAll('.group')).toHaveLength(2));
    await expectClean();
  });
});

describe('accessibility (axe-core): publishing', slow, () => {
  it('the outbox with jobs in every state', async () => {
    renderApp('#/outbox', samplePublishing());
    await screen.findByRole('list', { name: 'Aufträge im Postausgang' });
    await expectClean();
  });

  it('the outbox with a conflict open', async () => {
    const { user } = renderApp('#/outbox', samplePublishing());
    await user.click(await screen.findByRole('button', { name: /^Konflikt bei/ }));
    const view = await screen.findByRole('region', { name: /^Konflikt:/ });
    await within(view).findByRole('region', { name: 'Titel' });
    await expectClean();
  });

  it('the portals, and the form to add one', async () => {
    renderApp('#/portals', samplePublishing());
    await screen.findByText('Landesportal');
    await screen.findByRole('form', { name: 'Portal hinzufügen' });
    await expectClean();
  });

  it('no portal yet', async () => {
    renderApp('#/portals');
    await screen.findByText('Noch kein Portal eingerichtet.');
    await expectClean();
  });

  it('the settings, with a refused value showing its reason', async () => {
    const { user } = renderApp('#/settings', { settings: { credit_presets: '[{"credit":"Pixabay","license":"cc0"}]', saved_searches: '["Landtag"]' } });
    const size = await screen.findByLabelText('Schriftgröße im Text');
    await screen.findByRole('table', { name: 'So sähen die Bildzeilen aus:' });
    await user.clear(size);
    await user.type(size, '99');
    await user.tab();
    await screen.findByText(/not a whole number/);
    await expectClean();
  });

  it('the overview with its charts', async () => {
    renderApp('#/overview', { articles: articles.map((a, i) => ({ ...a, date: new Date(Date.now() - i * 5 * 86_400_000).toISOString().slice(0, 10) })) });
    await screen.findByRole('img', { name: 'Artikel pro Woche nach Status' });
    await expectClean();
  });

  it('the tools, with an import report and a backup to restore', async () => {
    const { user } = renderApp('#/tools', {
      dialog: { open: ['/home/ba/a.md', '/home/ba/broken.md', '/home/ba/b.txt'] },
      backups: [{ path: '/home/ba/.local/share/newsdesk/backups/newsdesk-20261206-120000.sqlite', made_at: '2026-12-06T12:00:00Z', bytes: 2_400_000 }],
    });
    await user.click(await screen.findByRole('button', { name: 'Dateien wählen …' }));
    await screen.findByRole('status', { name: 'Importbericht' });
    await user.click(screen.getByRole('button', { name: /Sicherung vom .* wiederherstellen/ }));
    await screen.findByRole('alertdialog');
    await screen.findByRole('textbox', { name: 'Die letzten Zeilen des Protokolls' });
    await expectClean();
  });
});
