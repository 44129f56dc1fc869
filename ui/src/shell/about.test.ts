import { screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';

afterEach(() => {
  window.location.hash = '';
});

describe('the About dialog', () => {
  it('opens from the status bar with the version, the license and the notices, and closes with Escape', async () => {
    const { user, backend } = renderApp();
    const bar = screen.getByRole('contentinfo', { name: 'Statusleiste' });
    await user.click(within(bar).getByRole('button', { name: 'Über Newsdesk' }));
    const dialog = await screen.findByRole('region', { name: 'Über Newsdesk' });
    expect(await within(dialog).findByText('Version 0.1.0')).toBeInTheDocument();
    const notices = within(dialog).getByRole<HTMLTextAreaElement>('textbox', { name: 'Hinweise zu Drittanbieter-Software' });
    expect(notices.value).toContain('  serde 1.0.228  (MIT OR Apache-2.0)');
    expect(notices).toHaveAttribute('readonly');
    expect(within(dialog).getByText(/^MIT License/)).toBeInTheDocument();
    expect(backend.callsOf('about')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Über Newsdesk' })).not.toBeInTheDocument();
  });

  it('speaks English in an English window', async () => {
    // The library's language is the window's (a setLocale alone is undone when it answers).
    const { user } = renderApp('#/articles', { settings: { language: 'en' } });
    await user.click(await screen.findByRole('button', { name: 'About Newsdesk' }));
    const dialog = await screen.findByRole('region', { name: 'About Newsdesk' });
    expect(await within(dialog).findByText('Third-party notices')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'About Newsdesk' })).not.toBeInTheDocument();
  });
});
