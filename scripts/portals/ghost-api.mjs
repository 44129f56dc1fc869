#!/usr/bin/env node
// Small Ghost Admin API client for scripts/portals/ghost.sh (Node 18+, no dependencies).
//
//   node ghost-api.mjs provision        owner + Admin API key for a fresh or known Ghost; reads
//                                       GHOST_URL, GHOST_KEYS_FILE, GHOST_OWNER_EMAIL,
//                                       GHOST_OWNER_PASSWORD, GHOST_INTEGRATION_NAME; prints
//                                       {"admin_key","content_key"} (kept in GHOST_KEYS_FILE)
//   node ghost-api.mjs jwt ADMIN_KEY    print a fresh Admin API token (5 minutes)
//   node ghost-api.mjs check URL ADMIN_KEY CONTENT_KEY IMAGE
//                                       exercise posts/images/tags/conflicts, print what Ghost
//                                       answered (the facts in README.md come from this)
//
// Only ever talks to the URL it is given (127.0.0.1 in the harness).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const log = (...a) => process.stderr.write(`ghost-api: ${a.join(' ')}\n`);
const fail = (msg) => { process.stderr.write(`ghost-api: error: ${msg}\n`); process.exit(1); };

// Admin API token: HS256 JWT, header kid = key id, aud "/admin/", 5 minutes, signed with the
// hex-DECODED secret; sent as `Authorization: Ghost <token>`.
export function adminToken(adminKey, now = Math.floor(Date.now() / 1000)) {
    const [id, secret] = String(adminKey).split(':');
    if (!id || !/^[0-9a-f]+$/i.test(secret || '')) throw new Error('admin key must be "id:hexsecret"');
    const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = b64({alg: 'HS256', typ: 'JWT', kid: id});
    const body = b64({iat: now, exp: now + 300, aud: '/admin/'});
    const sig = crypto.createHmac('sha256', Buffer.from(secret, 'hex')).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${sig}`;
}

async function call(method, url, {json, body, headers = {}} = {}) {
    const h = {Accept: 'application/json', ...headers};
    if (json !== undefined) { h['Content-Type'] = 'application/json'; body = JSON.stringify(json); }
    const t0 = performance.now();
    const res = await fetch(url, {method, headers: h, body, redirect: 'manual'});
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = text; }
    return {status: res.status, data, headers: res.headers, ms: Math.round(performance.now() - t0)};
}

// --- provision --------------------------------------------------------------------------------

async function provision() {
    const env = process.env;
    const url = (env.GHOST_URL || '').replace(/\/$/, '');
    const keysFile = env.GHOST_KEYS_FILE;
    const email = env.GHOST_OWNER_EMAIL;
    const password = env.GHOST_OWNER_PASSWORD;
    const name = env.GHOST_INTEGRATION_NAME || 'newsdesk-tests';
    if (!url || !keysFile || !email || !password) fail('GHOST_URL, GHOST_KEYS_FILE, GHOST_OWNER_EMAIL, GHOST_OWNER_PASSWORD needed');
    const admin = `${url}/ghost/api/admin`;
    // Ghost's CSRF check for cookie sessions wants an Origin (or Referer) of the site itself.
    const origin = {Origin: url};

    // 1. Owner: only on a fresh database (GET setup/ says {"setup":[{"status":false}]}).
    let r = await call('GET', `${admin}/authentication/setup/`);
    if (r.status !== 200) fail(`GET authentication/setup/ answered ${r.status}: ${JSON.stringify(r.data)}`);
    if (!r.data.setup[0].status) {
        r = await call('POST', `${admin}/authentication/setup/`, {
            headers: origin,
            json: {setup: [{name: 'Newsdesk Owner', email, password, blogTitle: 'Newsdesk test site'}]}
        });
        if (r.status !== 201) fail(`POST authentication/setup/ answered ${r.status}: ${JSON.stringify(r.data)}`);
        log(`owner ${email} created (${r.ms} ms)`);
    }

    // 2. A key from an earlier start that still works is kept.
    if (fs.existsSync(keysFile)) {
        try {
            const k = JSON.parse(fs.readFileSync(keysFile, 'utf8'));
            const a = await call('GET', `${admin}/posts/?limit=1&fields=id`, {headers: {Authorization: `Ghost ${adminToken(k.admin_key)}`}});
            const c = await call('GET', `${url}/ghost/api/content/settings/?key=${encodeURIComponent(k.content_key)}`);
            if (a.status === 200 && c.status === 200) {
                log('reusing the Admin API key of an earlier start');
                console.log(JSON.stringify({admin_key: k.admin_key, content_key: k.content_key}));
                return;
            }
            log(`stored keys no longer work (admin ${a.status}, content ${c.status}): making new ones`);
        } catch (e) {
            log(`stored keys unreadable (${e.message}): making new ones`);
        }
    }

    let stale = null;
    try { stale = JSON.parse(fs.readFileSync(keysFile, 'utf8')).integration_id; } catch { /* none */ }

    // 3. Session cookie for the owner.
    r = await call('POST', `${admin}/session/`, {headers: origin, json: {username: email, password}});
    if (r.status !== 201) fail(`POST session/ answered ${r.status}: ${JSON.stringify(r.data)}`);
    const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    if (!cookie) fail('POST session/ set no cookie');

    // 4. Custom integration: comes with an Admin API key and a Content API key.
    r = await call('POST', `${admin}/integrations/?include=api_keys`, {
        headers: {...origin, Cookie: cookie},
        json: {integrations: [{name}]}
    });
    if (r.status !== 201) fail(`POST integrations/ answered ${r.status}: ${JSON.stringify(r.data)}`);
    const integration = r.data.integrations[0];
    const adminKey = integration.api_keys.find((k) => k.type === 'admin');
    const contentKey = integration.api_keys.find((k) => k.type === 'content');
    if (!adminKey || !contentKey) fail(`integration without keys: ${JSON.stringify(integration)}`);
    // The integrations API already gives the admin key's secret as "id:hexsecret".
    const keys = {
        admin_key: adminKey.secret.includes(':') ? adminKey.secret : `${adminKey.id}:${adminKey.secret}`,
        content_key: contentKey.secret,
        integration_id: integration.id
    };
    const tmp = `${keysFile}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(keys, null, 2) + '\n', {mode: 0o600});
    fs.renameSync(tmp, keysFile);
    log(`integration "${name}" created with an Admin API key (${r.ms} ms)`);

    // The integration whose keys stopped working goes (it would otherwise pile up).
    if (stale && stale !== integration.id) {
        const d = await call('DELETE', `${admin}/integrations/${stale}/`, {headers: {...origin, Cookie: cookie}});
        log(`old integration ${stale} deleted (${d.status})`);
    }

    // The session is not needed any more.
    await call('DELETE', `${admin}/session/`, {headers: {...origin, Cookie: cookie}});
    console.log(JSON.stringify({admin_key: keys.admin_key, content_key: keys.content_key}));
}

// --- check ------------------------------------------------------------------------------------

async function check(url, adminKey, contentKey, image) {
    url = url.replace(/\/$/, '');
    const admin = `${url}/ghost/api/admin`;
    const auth = () => ({Authorization: `Ghost ${adminToken(adminKey)}`});
    const facts = [];
    const fact = (name, value) => { facts.push([name, value]); console.log(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`); };
    const expect = (r, status, what) => {
        if (r.status !== status) fail(`${what}: expected ${status}, got ${r.status}: ${JSON.stringify(r.data).slice(0, 2000)}`);
    };

    // Auth failures first.
    let r = await call('GET', `${admin}/posts/?limit=1`);
    fact('no auth: GET posts', {status: r.status, body: r.data});
    const [id, secret] = adminKey.split(':');
    const wrong = `${id}:${'0'.repeat(secret.length)}`;
    r = await call('GET', `${admin}/posts/?limit=1`, {headers: {Authorization: `Ghost ${adminToken(wrong)}`}});
    fact('wrong secret: GET posts', {status: r.status, body: r.data});
    r = await call('GET', `${admin}/posts/?limit=1`, {headers: {Authorization: `Ghost ${adminToken(adminKey, Math.floor(Date.now() / 1000) - 3600)}`}});
    fact('expired token: GET posts', {status: r.status, body: r.data});

    // Image upload (multipart, field "file"; "ref" is echoed back).
    const bytes = fs.readFileSync(image);
    const form = new FormData();
    form.append('file', new Blob([bytes], {type: 'image/jpeg'}), path.basename(image));
    form.append('purpose', 'image');
    form.append('ref', 'newsdesk-ref-1');
    r = await call('POST', `${admin}/images/upload/`, {headers: auth(), body: form});
    expect(r, 201, 'POST images/upload/');
    fact('POST images/upload/', {status: r.status, ms: r.ms, body: r.data});
    const imageUrl = r.data.images[0].url;
    const served = await fetch(imageUrl);
    const servedBytes = Buffer.from(await served.arrayBuffer());
    fact('GET uploaded image', {status: served.status, type: served.headers.get('content-type'),
        bytes: servedBytes.length, original_bytes: bytes.length, identical: servedBytes.equals(bytes)});
    const origUrl = imageUrl.replace(/(\.[a-z]+)$/i, '_o$1');
    const orig = await fetch(origUrl);
    const origBytes = Buffer.from(await orig.arrayBuffer());
    fact('GET <name>_o.<ext> (the kept original)', {url: origUrl, status: orig.status, identical: origBytes.equals(bytes)});
    const again = new FormData();
    again.append('file', new Blob([bytes], {type: 'image/jpeg'}), path.basename(image));
    r = await call('POST', `${admin}/images/upload/`, {headers: auth(), body: again});
    fact('POST images/upload/ same file name again', {status: r.status, url: r.data.images && r.data.images[0].url});
    // Wrong type.
    const bad = new FormData();
    bad.append('file', new Blob([Buffer.from('not an image')], {type: 'text/plain'}), 'x.txt');
    r = await call('POST', `${admin}/images/upload/`, {headers: auth(), body: bad});
    fact('POST images/upload/ with a text file', {status: r.status, body: r.data});

    // Create a post from HTML.
    const slug = `newsdesk-check-${Date.now()}`;
    const post = {
        title: 'Newsdesk check: Ümlauts & <tags>',
        slug,
        html: '<p>First paragraph with <strong>bold</strong> and <a href="http://127.0.0.1:9/x">a link</a>.</p>' +
              '<h2>Sub head</h2><p>Second paragraph.</p>' +
              `<figure><img src="${imageUrl}" alt="inline alt"><figcaption>Inline caption</figcaption></figure>` +
              (process.env.GHOST_CHECK_EXTERNAL_LINK ? `<p><a href="${process.env.GHOST_CHECK_EXTERNAL_LINK}">outside</a></p>` : ''),
        tags: ['Politics', {name: 'Local News'}, 'politics'],
        status: 'published',
        custom_excerpt: 'A short excerpt.',
        feature_image: imageUrl,
        feature_image_caption: 'Caption <b>bold</b> / Photo: Jane Doe',
        feature_image_alt: 'Alt text for the feature image'
    };
    r = await call('POST', `${admin}/posts/?source=html&formats=html,lexical`, {headers: auth(), json: {posts: [post]}});
    expect(r, 201, 'POST posts/?source=html');
    const created = r.data.posts[0];
    fact('POST posts/?source=html&formats=html,lexical', {http: r.status, ms: r.ms, location: r.headers.get('location'),
        keys: Object.keys(created).sort(), title_sent: post.title, title_back: created.title, slug_sent: slug, slug_back: created.slug,
        tag_object: created.tags[0],
        tags: created.tags.map((t) => ({id: t.id, name: t.name, slug: t.slug})),
        primary_tag: created.primary_tag && created.primary_tag.name,
        html: created.html, lexical: created.lexical ? created.lexical.slice(0, 300) + '…' : created.lexical,
        mobiledoc: created.mobiledoc, url: created.url, status: created.status,
        published_at: created.published_at, updated_at: created.updated_at,
        feature_image: created.feature_image, feature_image_caption: created.feature_image_caption,
        feature_image_alt: created.feature_image_alt, custom_excerpt: created.custom_excerpt,
        excerpt: created.excerpt, authors: created.authors.map((a) => a.email || a.name)});

    // Same slug again.
    r = await call('POST', `${admin}/posts/?source=html`, {headers: auth(), json: {posts: [{title: 'Second with the same slug', slug, html: '<p>x</p>'}]}});
    fact('POST a second post with the same slug', {status: r.status, slug_back: r.data.posts && r.data.posts[0].slug, status_back: r.data.posts && r.data.posts[0].status});
    const second = r.data.posts && r.data.posts[0];

    // Without source=html the html is ignored (lexical/mobiledoc expected).
    r = await call('POST', `${admin}/posts/`, {headers: auth(), json: {posts: [{title: 'No source param', html: '<p>dropped?</p>'}]}});
    fact('POST posts/ without ?source=html', {status: r.status, html: r.data.posts && r.data.posts[0].html, lexical_empty: r.data.posts && r.data.posts[0].lexical, status_default: r.data.posts && r.data.posts[0].status});
    r = await call('POST', `${admin}/posts/?source=html`, {headers: auth(), json: {posts: [{title: 'Grüße aus Köln: Straße & Co.', html: '<p>x</p>'}]}});
    fact('POST posts without slug (generated from the title)', {status: r.status, slug: r.data.posts && r.data.posts[0].slug});
    const fourth = r.data.posts && r.data.posts[0];
    const third = r.data.posts && r.data.posts[0];

    // Validation error shape.
    r = await call('POST', `${admin}/posts/?source=html`, {headers: auth(), json: {posts: [{html: '<p>no title</p>'}]}});
    fact('POST posts without title', {status: r.status, body: r.data});
    r = await call('POST', `${admin}/posts/?source=html`, {headers: auth(), json: {posts: [{title: 'x', status: 'bogus'}]}});
    fact('POST posts with status "bogus"', {status: r.status, body: r.data});

    // Update: must carry the current updated_at.
    const stale = created.updated_at;
    await new Promise((res) => setTimeout(res, 1100)); // updated_at has 1 s resolution
    r = await call('PUT', `${admin}/posts/${created.id}/?source=html`, {headers: auth(),
        json: {posts: [{title: 'Newsdesk check (edited)', html: '<p>Edited body.</p>', tags: ['Politics', 'Weather'], updated_at: stale}]}});
    expect(r, 200, 'PUT posts/{id}/');
    const updated = r.data.posts[0];
    fact('PUT posts/{id}/?source=html with current updated_at', {status: r.status, ms: r.ms, title: updated.title,
        html: updated.html, slug: updated.slug, updated_at_before: stale, updated_at_after: updated.updated_at,
        tags: updated.tags.map((t) => t.name), feature_image_kept: updated.feature_image === created.feature_image,
        custom_excerpt_kept: updated.custom_excerpt});
    r = await call('PUT', `${admin}/posts/${created.id}/?source=html`, {headers: auth(),
        json: {posts: [{title: 'Edit with a stale updated_at', updated_at: stale}]}});
    fact('PUT posts/{id}/ with stale updated_at', {status: r.status, headers: {'content-type': r.headers.get('content-type')}, body: r.data});
    // The guard only fires when a column of the post itself changes.
    r = await call('PUT', `${admin}/posts/${created.id}/`, {headers: auth(),
        json: {posts: [{title: updated.title, updated_at: stale}]}});
    fact('PUT posts/{id}/ with stale updated_at but an unchanged title', {status: r.status, updated_at: r.data.posts && r.data.posts[0].updated_at});
    r = await call('PUT', `${admin}/posts/${created.id}/`, {headers: auth(),
        json: {posts: [{tags: ['Politics', 'Weather', 'Sport'], updated_at: stale}]}});
    fact('PUT posts/{id}/ with stale updated_at changing only tags', {status: r.status, tags: r.data.posts && r.data.posts[0].tags.map((t) => t.name), body: r.status >= 400 ? r.data : undefined});
    r = await call('PUT', `${admin}/posts/${created.id}/?source=html`, {headers: auth(),
        json: {posts: [{title: 'Edit without updated_at'}]}});
    fact('PUT posts/{id}/ without updated_at', {status: r.status, body: r.data});
    // Does an update without html keep the body? Does one with only the title change the slug?
    r = await call('GET', `${admin}/posts/${created.id}/?formats=html,lexical`, {headers: auth()});
    r = await call('PUT', `${admin}/posts/${created.id}/`, {headers: auth(),
        json: {posts: [{title: 'Title only edit', updated_at: r.data.posts[0].updated_at}]}});
    fact('PUT posts/{id}/ with only title + updated_at', {status: r.status, html_kept: r.data.posts && r.data.posts[0].html, slug: r.data.posts && r.data.posts[0].slug, tags: r.data.posts && r.data.posts[0].tags.map((t) => t.name)});

    // Read back.
    r = await call('GET', `${admin}/posts/${created.id}/?formats=html,lexical&include=tags,authors`, {headers: auth()});
    expect(r, 200, 'GET posts/{id}/');
    fact('GET posts/{id}/?formats=html,lexical', {status: r.status, ms: r.ms, title: r.data.posts[0].title,
        html: r.data.posts[0].html, has_lexical: !!r.data.posts[0].lexical, tags: r.data.posts[0].tags.map((t) => t.name)});
    r = await call('GET', `${admin}/posts/${created.id}/`, {headers: auth()});
    fact('GET posts/{id}/ default formats', {has_html: 'html' in r.data.posts[0], has_lexical: 'lexical' in r.data.posts[0], has_mobiledoc: 'mobiledoc' in r.data.posts[0]});
    r = await call('GET', `${admin}/posts/slug/${slug}/`, {headers: auth()});
    fact('GET posts/slug/{slug}/', {status: r.status, id_matches: r.data.posts && r.data.posts[0].id === created.id});
    r = await call('GET', `${admin}/posts/slug/no-such-slug/`, {headers: auth()});
    fact('GET posts/slug/{unknown}/', {status: r.status, body: r.data});
    r = await call('GET', `${admin}/posts/?filter=${encodeURIComponent('tag:politics')}&limit=5&fields=id,slug`, {headers: auth()});
    fact('GET posts/?filter=tag:politics', {status: r.status, slugs: r.data.posts.map((p) => p.slug), meta: r.data.meta});
    r = await call('GET', `${admin}/tags/?limit=all`, {headers: auth()});
    fact('GET tags/', {status: r.status, tags: r.data.tags.map((t) => `${t.name} (${t.slug})`)});
    r = await call('GET', `${url}/ghost/api/content/posts/slug/${slug}/?key=${contentKey}`);
    fact('Content API GET posts/slug/{slug}/', {status: r.status, title: r.data.posts && r.data.posts[0].title});
    const page = await fetch(created.url);
    fact('GET the public post page', {status: page.status, type: page.headers.get('content-type')});

    // Delete.
    r = await call('DELETE', `${admin}/posts/${created.id}/`, {headers: auth()});
    fact('DELETE posts/{id}/', {status: r.status, body: r.data});
    r = await call('DELETE', `${admin}/posts/${created.id}/`, {headers: auth()});
    fact('DELETE posts/{id}/ again', {status: r.status, body: r.data});
    r = await call('GET', `${admin}/posts/${created.id}/`, {headers: auth()});
    fact('GET deleted post', {status: r.status});
    const img = await fetch(imageUrl);
    fact('uploaded image after deleting the post', {status: img.status});
    for (const p of [second, third, fourth]) if (p) await call('DELETE', `${admin}/posts/${p.id}/`, {headers: auth()});
    r = await call('GET', `${admin}/tags/?limit=all`, {headers: auth()});
    fact('tags after deleting the posts', r.data.tags.map((t) => t.name));
}

// --- main -------------------------------------------------------------------------------------

const [cmd, ...args] = process.argv.slice(2);
try {
    if (cmd === 'provision') await provision();
    else if (cmd === 'jwt' && args.length === 1) console.log(adminToken(args[0]));
    else if (cmd === 'check' && args.length === 4) await check(...args);
    else fail('usage: ghost-api.mjs provision | jwt ADMIN_KEY | check URL ADMIN_KEY CONTENT_KEY IMAGE');
} catch (e) {
    fail(e.stack || String(e));
}
