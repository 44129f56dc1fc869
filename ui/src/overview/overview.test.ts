import { screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';
import { articles, image, sampleImages } from '../test/fixtures';
import { sourcesByMonth, weeksByStatus } from './figures';
import type { Overview } from '../lib/ipc/bindings';

afterEach(() => {
  window.location.hash = '';
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('the overview', () => {
  it('draws this quarter’s articles by status, the tags in use, and names the licenses ending soon', async () => {
    const recent = articles.map((a, i) => ({ ...a, date: daysAgo(i * 3) }));
    const pictures = [...sampleImages(), image({ id: 99, file: 'landtag-archiv.jpg', credit: 'dpa', expires: daysAgo(-10), license: 'agency' })];
    const { user } = renderApp('#/articles', { articles: recent, images: pictures });
    await user.click(await screen.findByRole('link', { name: 'Überblick' }));
    expect(window.location.hash).toBe('#/overview');
    const weeks = await screen.findByRole('img', { name: 'Artikel pro Woche nach Status' });
    expect(weeks.querySelector('canvas'), 'a chart, drawn on a canvas').not.toBeNull();
    const table = screen.getByRole('table', { name: 'Artikel pro Woche nach Status' });
    const drafts = within(table).getByRole('columnheader', { name: 'Entwürfe' });
    expect(drafts, 'the figures are there for screen readers too').toBeInTheDocument();
    const tags = screen.getByRole('table', { name: 'Häufigste Stichwörter (90 Tage)' });
    expect(within(tags).getByRole('rowheader', { name: 'Thüringen' })).toBeInTheDocument();
    const licenses = screen.getByRole('heading', { name: 'Lizenzen, die bald enden (30 Tage)' }).closest('section') as HTMLElement;
    expect(licenses).toHaveTextContent('landtag-archiv.jpg');
    expect(licenses).toHaveTextContent('dpa');
  });

  it('is the start view when the settings say so, also without the core’s start snapshot', async () => {
    renderApp('', { settings: { start_view: 'overview' } });
    expect(await screen.findByRole('heading', { name: 'Überblick', level: 1 })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/overview');
  });

  it('says so when the last weeks have nothing to show', async () => {
    renderApp('#/overview', { articles: articles.map((a) => ({ ...a, date: '2018-12-13' })), images: [] });
    expect(await screen.findByText('In den letzten zwölf Wochen ist kein Artikel datiert.')).toBeInTheDocument();
    expect(screen.getByText('Keine Lizenz endet in den nächsten 30 Tagen.')).toBeInTheDocument();
  });
});

describe('the overview’s figures', () => {
  const base: Overview = { articles: 0, week_starts: [], weeks: [], tags: [], sources: [], expiring: [], expiring_more: 0, outbox: { pending: 0, waiting_for_network: 0, failed: 0, conflicts: 0 } };

  it('fills weeks without articles with zero and leaves out statuses never seen', () => {
    const week_starts = ['2026-11-23', '2026-11-30', '2026-12-07'];
    const table = weeksByStatus({ ...base, week_starts, weeks: [{ week: '2026-11-30', status: 'published', count: 4 }] });
    expect(table.categories, 'the core’s weeks are the axis').toEqual(week_starts);
    expect(table.series).toEqual([{ key: 'published', values: [0, 4, 0] }]);
  });

  it('draws the six most used sources on their own and sums the rest', () => {
    const sources = Array.from({ length: 8 }, (_, i) => ({ month: '2026-11', source: `Quelle ${i}`, uses: 10 - i }));
    const table = sourcesByMonth({ ...base, sources: [...sources, { month: '2026-12', source: '', uses: 1 }] }, 'Andere', 'ohne Angabe');
    expect(table.categories).toEqual(['2026-11', '2026-12']);
    expect(table.series.map((s) => s.key)).toEqual(['Quelle 0', 'Quelle 1', 'Quelle 2', 'Quelle 3', 'Quelle 4', 'Quelle 5', 'Andere']);
    expect(table.series.find((s) => s.key === 'Andere')?.values, 'Quelle 6 and 7, and the picture without a source').toEqual([4 + 3, 1]);
  });
});
