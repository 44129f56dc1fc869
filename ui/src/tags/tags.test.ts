import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderApp, unfoldFields } from '../test/app';
import { SUGGEST_DELAY_MS } from './suggestions.svelte';

const wait = { timeout: SUGGEST_DELAY_MS + 2000 };

describe('tag suggestions beside the tag field', () => {
  it('shows suggestions for the draft and takes one with a click into the tags', async () => {
    const { user, backend } = renderApp('#/articles/1');
    await screen.findByDisplayValue('Zweites Digitalisierungskabinett');
    await unfoldFields(user);
    const group = await screen.findByRole('group', { name: 'Vorschläge' }, wait);
    // The seed is tagged Thüringen and Politik already: neither is offered again.
    expect(within(group).queryByRole('button', { name: /Thüringen übernehmen/ })).toBeNull();
    const take = within(group).getByRole('button', { name: /Stichwort Verwaltung übernehmen/ });
    expect(take).toHaveAttribute('title', expect.stringContaining('in der Dachzeile'));
    expect(backend.callsOf('suggest_tags')[0]!.args.id).toBe(1);
    await user.click(take);
    const tags = screen.getByText('Stichwörter').closest('.tags') as HTMLElement;
    expect(within(tags).getAllByRole('listitem').map((li) => li.textContent)).toContainEqual(
      expect.stringContaining('Verwaltung'),
    );
    expect(screen.queryByRole('button', { name: /Verwaltung übernehmen/ })).toBeNull();
    await waitFor(() => expect(backend.callsOf('decide_tags')).toHaveLength(1));
    expect(backend.callsOf('decide_tags')[0]!.args).toMatchObject({ articleId: 1, tags: ['Verwaltung'], verdict: 'accepted' });
  });

  it('hides a rejected suggestion and tells the core, by × or the Delete key', async () => {
    const { user, backend } = renderApp('#/articles/2');
    await unfoldFields(user);
    const group = await screen.findByRole('group', { name: 'Vorschläge' }, wait);
    const first = within(group).getAllByRole('button', { name: /übernehmen/ })[0]!;
    const tag = first.textContent!.replace('+', '').trim();
    first.focus();
    await user.keyboard('{Delete}');
    expect(within(screen.queryByRole('group', { name: 'Vorschläge' }) ?? document.body).queryByText(`+ ${tag}`)).toBeNull();
    await waitFor(() => expect(backend.callsOf('decide_tags')).toHaveLength(1));
    expect(backend.callsOf('decide_tags')[0]!.args).toMatchObject({ tags: [tag], verdict: 'rejected' });
  });
});
