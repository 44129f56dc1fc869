import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/app';
import { samplePublishing } from '../test/publishing';

afterEach(() => {
  window.location.hash = '';
});

function form() {
  return screen.getByRole('form', { name: 'Portal hinzufügen' });
}

describe('the portals', () => {
  it('adds a WordPress portal: the password goes to the core and is gone from the form', async () => {
    const { user, backend } = renderApp('#/portals');
    expect(await screen.findByText('Noch kein Portal eingerichtet.')).toBeInTheDocument();
    const add = within(form()).getByRole('button', { name: 'Portal hinzufügen' });
    await user.type(within(form()).getByLabelText('Name'), 'Landesportal');
    await user.type(within(form()).getByLabelText('Adresse'), 'https://landesportal.example');
    await user.type(within(form()).getByLabelText('Anwendungspasswort'), 'abcd efgh ijkl');
    // WordPress needs the user the application password belongs to.
    expect(add).toBeDisabled();
    await user.type(within(form()).getByLabelText('Benutzer (WordPress)'), 'redaktion');
    await user.clear(within(form()).getByLabelText('Zeitlimit (Sekunden)'));
    await user.type(within(form()).getByLabelText('Zeitlimit (Sekunden)'), '20');
    expect(within(form()).getByText(/Geht in den Schlüsselbund des Systems/)).toBeInTheDocument();
    backend.hold('add_portal');
    await user.click(add);

    // Gone from the form as soon as it is handed over, before the core has answered.
    await waitFor(() => expect(backend.waiting('add_portal')).toBe(1));
    expect(within(form()).getByLabelText('Anwendungspasswort')).toHaveValue('');
    expect(within(form()).getByRole('button', { name: 'Wird hinzugefügt …' })).toBeDisabled();
    backend.release('add_portal');
    await waitFor(() => expect(backend.callsOf('add_portal')).toHaveLength(1));
    expect(backend.callsOf('add_portal')[0]!.args).toEqual({
      portal: { name: 'Landesportal', kind: 'wordpress', url: 'https://landesportal.example', user: 'redaktion', timeout_secs: 20 },
      secret: 'abcd efgh ijkl',
    });
    expect(within(form()).getByLabelText('Anwendungspasswort')).toHaveValue('');
    expect(await within(form()).findByText(/Portal „Landesportal“ hinzugefügt/)).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Eingerichtete Portale' });
    expect(within(list).getByText('Landesportal')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('abcd efgh ijkl');
  });

  it('empties the secret after a refusal too, and names the secret by the kind of portal', async () => {
    const { user, backend } = renderApp('#/portals', {
      fail: { add_portal: { code: 'invalid_input', message: 'the Admin API key must look like id:secret' } },
    });
    await screen.findByText('Noch kein Portal eingerichtet.');
    await user.selectOptions(within(form()).getByLabelText('Art'), 'ghost');
    expect(within(form()).queryByLabelText('Benutzer (WordPress)')).toBeNull();
    await user.type(within(form()).getByLabelText('Name'), 'Blog');
    await user.type(within(form()).getByLabelText('Adresse'), 'https://blog.example');
    await user.type(within(form()).getByLabelText('Admin-API-Schlüssel'), 'falsch');
    await user.click(within(form()).getByRole('button', { name: 'Portal hinzufügen' }));

    await waitFor(() => expect(backend.callsOf('add_portal')).toHaveLength(1));
    expect(backend.callsOf('add_portal')[0]!.args).toMatchObject({ portal: { kind: 'ghost', user: '' }, secret: 'falsch' });
    expect(await within(form()).findByText(/^Nicht hinzugefügt – Nicht angenommen: the Admin API key/)).toBeInTheDocument();
    expect(within(form()).getByLabelText('Admin-API-Schlüssel')).toHaveValue('');
    // The rest stays for a second try.
    expect(within(form()).getByLabelText('Name')).toHaveValue('Blog');

    await user.selectOptions(within(form()).getByLabelText('Art'), 'ninjs');
    expect(within(form()).getByLabelText('Token')).toHaveAttribute('type', 'password');
  });

  it('checks the connection, pulls from the portal and says what came', async () => {
    const { user, backend } = renderApp('#/portals', { portals: samplePublishing().portals });
    const row = (await screen.findByText('Landesportal')).closest('li')!;
    expect(within(row).getByText('WordPress')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Verbindung prüfen' }));
    expect(await within(row).findByText('Verbunden mit „Landesportal (Testseite)“ unter https://landesportal.example als redaktion.')).toBeInTheDocument();
    expect(backend.callsOf('test_portal').map((c) => c.args)).toEqual([{ name: 'Landesportal' }]);

    await user.click(within(row).getByRole('button', { name: 'Vom Portal holen' }));
    expect(
      await within(row).findByText('Geholt: 3 Bereiche · 1 neues Stichwort · 2 Artikel neu in der Bibliothek · 7 schon bekannt'),
    ).toBeInTheDocument();
  });

  it('says in words why the connection failed', async () => {
    const { user } = renderApp('#/portals', {
      portals: samplePublishing().portals,
      fail: { test_portal: { code: 'unreachable', message: 'could not connect to landesportal.example' } },
    });
    const row = (await screen.findByText('Landesportal')).closest('li')!;
    await user.click(within(row).getByRole('button', { name: 'Verbindung prüfen' }));
    expect(
      await within(row).findByText('Keine Verbindung – Portal nicht erreichbar: could not connect to landesportal.example'),
    ).toBeInTheDocument();
  });

  it('removes a portal only after the inline confirmation', async () => {
    const { user, backend } = renderApp('#/portals', { portals: samplePublishing().portals });
    const row = (await screen.findByText('Ghost-Blog')).closest('li')!;
    await user.click(within(row).getByRole('button', { name: 'Entfernen' }));
    expect(within(row).getByText(/Portal „Ghost-Blog“ entfernen\?/)).toBeInTheDocument();
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Ja, entfernen' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(within(row).queryByRole('button', { name: 'Ja, entfernen' })).toBeNull();
    expect(backend.callsOf('remove_portal')).toHaveLength(0);

    await user.click(within(row).getByRole('button', { name: 'Entfernen' }));
    await user.click(within(row).getByRole('button', { name: 'Ja, entfernen' }));
    await waitFor(() => expect(screen.queryByText('Ghost-Blog')).toBeNull());
    expect(backend.callsOf('remove_portal').map((c) => c.args)).toEqual([{ name: 'Ghost-Blog' }]);
  });
});
