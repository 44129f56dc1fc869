import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderApp, unfoldFields } from '../test/app';
import { AUTOSAVE_MS } from './draft.svelte';

describe('the writing surface', () => {
  it('shows every field of the article for editing', async () => {
    const { user } = renderApp('#/articles/1');
    const title = await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    expect(title).toHaveAttribute('name', 'title');
    expect(screen.getByDisplayValue('Thüringen')).toHaveAttribute('name', 'kicker');
    await unfoldFields(user);
    expect(screen.getByDisplayValue('Thüringer Staatskanzlei')).toHaveAttribute('name', 'credit');
    expect(screen.getByText('Hartmut Schubert')).toBeInTheDocument();
    expect(screen.getByTestId('body-editor')).toHaveTextContent('Die Thüringer Landesregierung');
  });

  it('saves a change by itself shortly after typing stops, on the revision it was made on', async () => {
    const { user, backend } = renderApp('#/articles/1');
    const kicker = await screen.findByDisplayValue('Thüringen');
    await user.clear(kicker);
    await user.type(kicker, 'Erfurt');
    const status = screen.getByRole('contentinfo', { name: 'Statusleiste' });
    expect(within(status).getByRole('status')).toHaveTextContent(/Ungespeichert|Speichert/);
    await waitFor(() => expect(backend.callsOf('save_article')).toHaveLength(1), { timeout: AUTOSAVE_MS + 2000 });
    const save = backend.callsOf('save_article')[0]!;
    expect(save.args.expectedRevision).toBe(2);
    expect((save.args.content as { kicker: string }).kicker).toBe('Erfurt');
    await waitFor(() => expect(within(status).getByRole('status')).toHaveTextContent('Gespeichert'));
    // The preview follows the fields.
    expect(document.querySelector('.article-view .kicker')).toHaveTextContent('Erfurt');
  });

  it('offers reload or keep-mine when the article was saved elsewhere', async () => {
    const { user, backend } = renderApp('#/articles/1', {
      fail: { save_article: { code: 'conflict', message: 'Artikel 1 wurde inzwischen anderswo gespeichert.' } },
    });
    const title = await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await user.type(title, ' (neu)');
    const banner = await screen.findByText(/inzwischen anderswo gespeichert/, {}, { timeout: AUTOSAVE_MS + 2000 });
    expect(banner).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neu laden (deren Fassung)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Meine Fassung behalten' })).toBeInTheDocument();
    expect(backend.callsOf('save_article')).toHaveLength(1);
  });

  it('lists what is missing before the article is ready, live', async () => {
    const { user } = renderApp('#/articles/1');
    const inspector = screen.getByRole('complementary', { name: 'Inspektor' });
    await within(inspector).findByText('Alles da: Der Artikel kann auf „Bereit“.');
    await user.clear(await screen.findByDisplayValue('Thüringen'));
    expect(await within(inspector).findByText('Dachzeile fehlt.')).toBeInTheDocument();
  });

  it('makes a new article with Alt+N and opens it with its working title', async () => {
    const { user, backend } = renderApp('#/articles');
    await screen.findByText('Zweites Digitalisierungskabinett', { selector: '.article-list .article-title' });
    await user.keyboard('{Alt>}n{/Alt}');
    await waitFor(() => expect(backend.callsOf('create_article')).toHaveLength(1));
    expect(await screen.findByDisplayValue('Neuer Artikel')).toHaveAttribute('name', 'title');
    expect(window.location.hash).toMatch(/^#\/articles\/\d+$/);
  });
});
