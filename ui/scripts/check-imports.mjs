#!/usr/bin/env node
// The UI's import rule (ui/README.md, "Imports"): shell → features → lib, never back.
//
//   lib       imports only lib (and packages);
//   a feature imports lib, itself, and of the features it is allowed to use (FEATURES below)
//             only the files that feature offers (ENTRIES);
//   shell     imports lib and any file of any feature;
//   nothing   imports src/test/ except tests and main.ts (the `npm run dev:mock` start).
//
// And every command wrapper (lib/ipc/commands.generated.ts) is called by the app, not only by
// tests: a command nothing calls is removed, not granted and kept.
//
// Tests (*.test.ts and src/test/) may import anything. Run: `npm run lint:imports` (part of
// `make lint`); it lists every import that breaks the rule and fails.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each feature and the features it may import from. The graph has no cycle. */
const FEATURES = {
  articles: ['export'],
  editor: ['articles', 'export', 'images', 'publish', 'tags'],
  export: [],
  images: ['tags'],
  overview: [],
  publish: [],
  search: [],
  settings: ['images', 'search'],
  tags: [],
  tools: ['images'],
};

/** What a feature offers the features that use it (the shell may import any of its files). */
const ENTRIES = {
  articles: ['ArticleAnatomy.svelte'],
  export: ['ExportMenu.svelte'],
  images: ['ImagePicker.svelte', 'presets.svelte', 'dragDrop'],
  publish: ['PublishMenu.svelte'],
  search: ['saved.svelte'],
  tags: ['TagSuggestions.svelte', 'suggestions.svelte'],
};

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** The files to check under `dir`: .ts and .svelte. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** The relative imports of `text` with their lines: `from '…'`, `import('…')`, `import '…'`. */
function importsOf(text) {
  const found = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\1/g;
  for (const match of text.matchAll(pattern)) {
    const line = text.slice(0, match.index).split('\n').length;
    found.push({ specifier: match[2], line });
  }
  return found;
}

/** Where a file under src/ belongs: its top folder (`lib`, `shell`, a feature) or `root`. */
function placeOf(path) {
  const parts = relative(src, path).split(sep);
  return parts.length > 1 ? parts[0] : 'root';
}

const isTest = (path) => /\.test\.ts$/.test(path) || placeOf(path) === 'test';
const moduleName = (path) => relative(src, path).split(sep).slice(1).join('/').replace(/\.(ts|js)$/, '');

/** Why importing `target` from `file` breaks the rule, or null when it may. */
function problem(file, target) {
  const from = placeOf(file);
  const to = placeOf(target);
  if (relative(src, target).startsWith('..')) return 'reaches out of src/';
  if (isTest(file) || from === to) return null;
  if (to === 'test') return from === 'root' ? null : 'only tests (and main.ts) use the fake backend';
  if (to === 'lib' || from === 'root') return null;
  if (from === 'lib') return 'lib imports no feature and no shell';
  if (to === 'shell' || to === 'root') return 'no feature imports the shell';
  if (from === 'shell') return null;
  const allowed = FEATURES[from];
  if (!allowed) return `${from}/ is not a known feature (add it to FEATURES in ui/scripts/check-imports.mjs)`;
  if (!allowed.includes(to)) return `${from} may not use ${to} (it may use: ${allowed.join(', ') || 'no feature'})`;
  if (!(ENTRIES[to] ?? []).includes(moduleName(target))) {
    return `${moduleName(target)} is inside ${to}; ${to} offers ${(ENTRIES[to] ?? []).join(', ') || 'nothing'}`;
  }
  return null;
}

const broken = [];
for (const file of sources(src)) {
  for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'))) {
    const why = problem(file, resolve(dirname(file), specifier));
    if (why) broken.push(`src/${relative(src, file)}:${line}: imports '${specifier}': ${why}`);
  }
}
const generated = join(src, 'lib', 'ipc', 'commands.generated.ts');
const wrappers = [...readFileSync(generated, 'utf8').matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
const appCode = sources(src)
  .filter((file) => !isTest(file) && !file.startsWith(join(src, 'lib', 'ipc') + sep))
  .map((file) => readFileSync(file, 'utf8').replace(/\bimport\s[^;]*?\bfrom\s*['"][^'"]+['"]/g, ''))
  .join('\n');
for (const name of wrappers) {
  if (!new RegExp(`\\b${name}\\b`).test(appCode)) {
    broken.push(`src/lib/ipc/commands.generated.ts: ${name} is called by no part of the app (remove its command)`);
  }
}
if (broken.length > 0) {
  console.error(`${broken.join('\n')}\n\n${broken.length} problem(s) with the UI's imports (ui/README.md, "Imports").`);
  process.exit(1);
}
console.log('imports follow shell → features → lib; every command is called');
