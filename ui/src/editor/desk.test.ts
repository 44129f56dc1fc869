import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderApp, unfoldFields } from '../test/app';
import { article, articles, hashFor, image } from '../test/fixtures';
import { AUTOSAVE_MS } from './draft.svelte';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('what the desk must get right, in the editor', () => {
  it('sets an embargo that is saved with the article and shown when the fields are folded', async () => {
    const { user, backend } = renderApp('#/articles/1');
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await unfoldFields(user);
    const field = screen.getByLabelText('Sperrfrist');
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T10:00`;
    field.setAttribute('value', local);
    (field as HTMLInputElement).value = local;
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(backend.callsOf('save_article')).toHaveLength(1), { timeout: AUTOSAVE_MS + 2000 });
    const saved = backend.callsOf('save_article')[0]!.args.content as { embargo: string };
    expect(new Date(saved.embargo).getHours(), 'the local time the editor chose, kept as an instant').toBe(10);
    expect(await screen.findByText(/Sperrfrist bis .*Vorher verlässt nichts davon die Redaktion/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Weitere Felder|Felder/ }));
    expect(screen.getByTestId('fields-summary')).toHaveTextContent(/^Sperrfrist bis /);
  });

  it('adds a correction through the core and lists it first', async () => {
    const corrected = article({ ...articles[0]!, corrections: [{ at: '2026-12-01T09:00:00Z', note: 'Ältere Korrektur.' }] });
    const { user, backend } = renderApp('#/articles/1', { articles: [corrected, ...articles.slice(1)] });
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await unfoldFields(user);
    await user.type(screen.getByLabelText('Was korrigiert wurde, wie Leser es lesen'), 'Kerst ist Staatssekretärin.');
    await user.click(screen.getByRole('button', { name: 'Korrektur hinzufügen' }));
    await waitFor(() => expect(backend.callsOf('correct_article')).toHaveLength(1));
    expect(backend.callsOf('correct_article')[0]!.args).toEqual({ id: 1, note: 'Kerst ist Staatssekretärin.' });
    const list = await screen.findByRole('list', { name: 'Korrekturen' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items[0], 'the newest first').toContain('Kerst ist Staatssekretärin.');
    expect(items[1]).toContain('Ältere Korrektur.');
  });

  it('says when a picture of the article holds it longer, naming the picture', async () => {
    const held = article({ ...articles[0]!, images: [{ file: `sha256:${hashFor(1)}`, caption: 'Kabinett', credit: 'Thüringer Staatskanzlei', alt: 'Pult' }] });
    const pictures = [image({ id: 1, file: 'kabinett.jpg', credit: 'Thüringer Staatskanzlei', embargo: inDays(3) })];
    const { user } = renderApp('#/articles/1', { articles: [held, ...articles.slice(1)], images: pictures });
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await unfoldFields(user);
    expect(await screen.findByText(/Sperrfrist bis .* durch das Bild kabinett\.jpg/)).toBeInTheDocument();
  });

  it('keeps the address and the meta description with the article, saying at once when an address would be changed', async () => {
    const { user, backend } = renderApp('#/articles/1');
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await unfoldFields(user);
    await user.type(screen.getByLabelText('Adresse (Slug)'), 'Kabinett Zwei');
    expect(screen.getByText(/Nur Kleinbuchstaben, Ziffern/), 'an address the portal would change is said at once').toBeInTheDocument();
    await user.clear(screen.getByLabelText('Adresse (Slug)'));
    await user.type(screen.getByLabelText('Adresse (Slug)'), 'zweites-kabinett');
    expect(screen.queryByText(/Nur Kleinbuchstaben, Ziffern/)).toBeNull();
    await user.type(screen.getByLabelText('Meta-Beschreibung'), 'Das Kabinett berät.');
    await waitFor(() => expect(backend.callsOf('save_article').length).toBeGreaterThan(0), { timeout: AUTOSAVE_MS + 2000 });
    await waitFor(() => {
      const last = backend.callsOf('save_article').at(-1)!.args.content as { slug: string; description: string };
      expect(last.slug).toBe('zweites-kabinett');
      expect(last.description).toBe('Das Kabinett berät.');
    }, { timeout: AUTOSAVE_MS + 2000 });
  });
});

describe('an embargo in the list and on a picture', () => {
  it('marks an embargoed article in the list', async () => {
    const embargoed = article({ ...articles[1]!, embargo: inDays(1) });
    renderApp('#/articles', { articles: [articles[0]!, embargoed, ...articles.slice(2)] });
    const row = (await screen.findByText(embargoed.title)).closest('li') as HTMLElement;
    expect(within(row).getByText('Sperrfrist')).toBeInTheDocument();
    const other = screen.getByText(articles[0]!.title).closest('li') as HTMLElement;
    expect(within(other).queryByText('Sperrfrist')).toBeNull();
  });

  it('sets and lifts a picture’s embargo in the inspector', async () => {
    const { user, backend } = renderApp('#/images');
    await waitFor(() => expect(document.querySelectorAll('.image-library [role="option"]').length).toBeGreaterThan(0));
    const kabinett = [...document.querySelectorAll<HTMLElement>('.image-library [role="option"]')].find((c) => c.querySelector('.file')?.textContent === 'kabinett.jpg')!;
    await user.click(kabinett);
    const field = await screen.findByLabelText('Sperrfrist');
    const soon = new Date(Date.now() + 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    (field as HTMLInputElement).value = `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T08:30`;
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(backend.callsOf('set_image_embargo')).toHaveLength(1));
    expect(await screen.findByText(/Kein Artikel mit diesem Bild verlässt vorher die Redaktion/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sperrfrist aufheben' }));
    await waitFor(() => expect(backend.callsOf('set_image_embargo')[1]!.args.until).toBeNull());
  });
});
