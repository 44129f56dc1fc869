import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';
import { samplePublishing } from '../test/publishing';
import { fromLocalInput, toLocalInput, toRfc3339 } from './schedule';

afterEach(() => {
  window.location.hash = '';
});

const title = 'Zweites Digitalisierungskabinett';

async function openMenu(app: ReturnType<typeof renderApp>) {
  await app.user.click(screen.getByRole('button', { name: /^Veröffentlichen/ }));
  return screen.getByRole('menu', { name: 'Veröffentlichen' });
}

/** The publish menu's own status beside it (not the status bar's). */
function publishStatus(): HTMLElement {
  return document.querySelector<HTMLElement>('.publish-status')!;
}

describe('the Publish menu', () => {
  it('saves pending edits first, then queues the article and follows its job to the post', async () => {
    const app = renderApp('#/articles/1', { ...samplePublishing(), jobs: [] });
    const { user, backend } = app;
    const field = await screen.findByDisplayValue(title);
    await user.type(field, '!');
    const menu = await openMenu(app);
    const portals = within(menu).getAllByRole('menuitemradio');
    expect(portals.map((p) => p.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['● Landesportal veröffentlicht', '○ Ghost-Blog']);
    expect(portals[0]).toHaveAttribute('aria-checked', 'true');
    await user.click(within(menu).getByRole('menuitem', { name: 'Jetzt veröffentlichen' }));

    await waitFor(() => expect(backend.callsOf('publish_article')).toHaveLength(1));
    const order = backend.calls.map((c) => c.cmd).filter((cmd) => cmd === 'save_article' || cmd === 'publish_article');
    expect(order).toEqual(['save_article', 'publish_article']);
    expect(backend.callsOf('save_article')[0]!.args).toMatchObject({ id: 1, content: { title: `${title}!` } });
    expect(backend.callsOf('publish_article')[0]!.args).toEqual({ id: 1, portal: 'Landesportal', schedule: null });
    expect(localStorage.getItem('newsdesk.publish.portal')).toBe('Landesportal');

    await waitFor(() => expect(publishStatus()).toHaveTextContent('Landesportal: Wartet'));
    const queued = backend.jobs()[0]!;
    await backend.settle(queued.id, { state: 'sending' });
    await waitFor(() => expect(publishStatus()).toHaveTextContent('Wird gesendet'));
    await backend.settle(queued.id, { state: 'done', remote_url: 'https://landesportal.example/2018/kabinett-tagt' });
    await waitFor(() => expect(publishStatus()).toHaveTextContent('Veröffentlicht'));
    await user.click(within(publishStatus()).getByRole('button', { name: /Beitrag ansehen/ }));
    await waitFor(() =>
      expect(backend.callsOf('plugin:opener|open_url').map((c) => c.args.url)).toEqual(['https://landesportal.example/2018/kabinett-tagt']),
    );
  });

  it('lists what is missing, in the window\'s words, when the core says the article is not ready', async () => {
    const app = renderApp('#/articles/2', samplePublishing());
    await screen.findByDisplayValue('Zentralisierung als Hemmnis oder Chance?');
    const menu = await openMenu(app);
    await app.user.click(within(menu).getByRole('menuitem', { name: 'Jetzt veröffentlichen' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Noch nicht bereit für Landesportal:');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Text fehlt.', 'Bild 1: Bildquelle fehlt.']);
    // Not an error of the window: the banner stays away.
    expect(document.querySelector('[data-error-code]')).toBeNull();
    await app.user.click(within(alert).getByRole('button', { name: 'Hinweis schließen' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends nothing while the article could not be saved', async () => {
    const app = renderApp('#/articles/1', {
      ...samplePublishing(),
      fail: { save_article: { code: 'conflict', message: 'Artikel 1 wurde inzwischen anderswo gespeichert.' } },
    });
    await app.user.type(await screen.findByDisplayValue(title), '!');
    const menu = await openMenu(app);
    await app.user.click(within(menu).getByRole('menuitem', { name: 'Jetzt veröffentlichen' }));
    await waitFor(() => expect(publishStatus()).toHaveTextContent(/^Nicht gesendet: Der Artikel ist nicht gespeichert\./));
    expect(app.backend.callsOf('publish_article')).toHaveLength(0);
  });

  it('plans a publication with the local offset, and never for a time that has passed', async () => {
    const app = renderApp('#/articles/1', samplePublishing());
    await screen.findByDisplayValue(title);
    const menu = await openMenu(app);
    await app.user.click(within(menu).getByRole('menuitem', { name: 'Planen …' }));
    const form = screen.getByRole('form', { name: 'Veröffentlichung auf Landesportal planen' });
    const input = within(form).getByLabelText('Zeitpunkt der Veröffentlichung');
    await waitFor(() => expect(input).toHaveFocus());
    expect(fromLocalInput((input as HTMLInputElement).value)!.getTime()).toBeGreaterThan(Date.now());

    const past = toLocalInput(new Date(Date.now() - 60 * 60 * 1000));
    await fireEvent.input(input, { target: { value: past } });
    await app.user.click(within(form).getByRole('button', { name: 'Planen' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Dieser Zeitpunkt ist schon vorbei.');
    expect(app.backend.callsOf('publish_article')).toHaveLength(0);

    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(9, 30, 0, 0);
    await fireEvent.input(input, { target: { value: toLocalInput(tomorrow) } });
    await app.user.click(within(form).getByRole('button', { name: 'Planen' }));
    await waitFor(() => expect(app.backend.callsOf('publish_article')).toHaveLength(1));
    const schedule = app.backend.callsOf('publish_article')[0]!.args.schedule as string;
    expect(schedule).toBe(toRfc3339(tomorrow));
    expect(schedule).toMatch(/^\d{4}-\d{2}-\d{2}T09:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(schedule).getTime()).toBe(tomorrow.getTime());
    expect(screen.queryByRole('form', { name: /planen$/ })).toBeNull();
  });

  it('offers to withdraw only where the article is published, and remembers the portal', async () => {
    const app = renderApp('#/articles/1', samplePublishing());
    await screen.findByDisplayValue(title);
    let menu = await openMenu(app);
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Zurückziehen' })).toBeInTheDocument());
    await app.user.click(within(menu).getByRole('menuitemradio', { name: /Ghost-Blog/ }));
    expect(within(menu).queryByRole('menuitem', { name: 'Zurückziehen' })).toBeNull();
    expect(localStorage.getItem('newsdesk.publish.portal')).toBe('Ghost-Blog');
    await app.user.click(within(menu).getByRole('menuitemradio', { name: /Landesportal/ }));
    await app.user.click(within(menu).getByRole('menuitem', { name: 'Zurückziehen' }));
    await waitFor(() => expect(app.backend.callsOf('withdraw_article').map((c) => c.args)).toEqual([{ id: 1, portal: 'Landesportal' }]));
    await waitFor(() => expect(publishStatus()).toHaveTextContent('Landesportal: Wartet'));
    menu = await openMenu(app);
    expect(within(menu).getByRole('menuitemradio', { name: /Landesportal/ })).toHaveAttribute('aria-checked', 'true');
  });

  it('leads to the portal settings when there is no portal yet', async () => {
    const app = renderApp('#/articles/1');
    await screen.findByDisplayValue(title);
    const menu = await openMenu(app);
    expect(await within(menu).findByText('Noch kein Portal eingerichtet.')).toBeInTheDocument();
    await app.user.click(within(menu).getByRole('menuitem', { name: 'Portal einrichten …' }));
    await waitFor(() => expect(window.location.hash).toBe('#/portals'));
  });

  it('is reached by keyboard: arrows move, Escape closes and returns to the button', async () => {
    const app = renderApp('#/articles/1', samplePublishing());
    await screen.findByDisplayValue(title);
    const toggle = screen.getByRole('button', { name: /^Veröffentlichen/ });
    await openMenu(app);
    await waitFor(() => expect(screen.getByRole('menuitemradio', { name: /Landesportal/ })).toHaveFocus());
    await app.user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitemradio', { name: /Ghost-Blog/ })).toHaveFocus();
    await app.user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Jetzt veröffentlichen' })).toHaveFocus();
    await app.user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(toggle).toHaveFocus();

    // "Planen …" by keyboard; Escape leaves the time field, not the article.
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('menuitemradio', { name: /Landesportal/ })).toHaveFocus());
    await app.user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    const input = await screen.findByLabelText('Zeitpunkt der Veröffentlichung');
    await waitFor(() => expect(input).toHaveFocus());
    await app.user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Zeitpunkt der Veröffentlichung')).toBeNull();
    expect(toggle).toHaveFocus();
    expect(window.location.hash).toBe('#/articles/1');
  });
});
