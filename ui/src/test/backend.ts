// A fake Rust shell for component tests: answers the IPC commands from fixture data through
// Tauri's own mockIPC, and records every call with its arguments.
import type { Channel } from '@tauri-apps/api/core';
import { clearMocks, mockConvertFileSrc, mockIPC } from '@tauri-apps/api/mocks';
import type {
  Article,
  Backup,
  Preparation,
  ArticleContent,
  ArticleFilter,
  ArticleStats,
  ArticleSummary,
  DuplicateGroup,
  Image,
  ImageFilter,
  ImageImportProgress,
  ImageImportReport,
  ImageMetadata,
  ImagePatch,
  ImportReport,
  ReadinessProblem,
  SearchHit,
  Setting,
  UserError,
} from '../lib/ipc/bindings';
import { settingDefaults, type SettingKey } from '../lib/ipc/bindings';
import type { CommandAnswer, CommandArgs, CommandName } from '../lib/ipc/commands.generated';
import {
  articles as sampleArticles,
  creditLineOf,
  creditUses,
  overviewOf,
  importMarkdown,
  hashFor,
  image as makeImage,
  kabinettHistory,
  libraryInfoFor,
  sampleFileMetadata,
  sampleImages,
  summary,
} from './fixtures';
import { fakePublishing, type PublishingOptions } from './publishing';

/** A fake answer for each command in `C` (default: all of them), typed by the generated command map. */
export type Fakes<C extends CommandName = CommandName> = { [K in C]: (args: CommandArgs<K>) => CommandAnswer<K> };

/** A command no test needs answered: it rejects, as an unknown command would. */
function unanswered<C extends CommandName>(cmd: C): Fakes<C>[C] {
  return () => {
    throw { code: 'internal', message: `the fake backend does not answer ${cmd}` } satisfies UserError;
  };
}

export type Call = { cmd: string; args: Record<string, unknown> };
type Options = PublishingOptions & {
  articles?: Article[];
  /** Commands that reject, with what they reject with. */
  fail?: Record<string, UserError | string>;
  /** Why the library is open for reading only (a full disk), as library_info says it. */
  readOnly?: UserError;
  /** The image library (default: the six sample pictures). */
  images?: Image[];
  /** What each picture's file said at import, by id. */
  fileMetadata?: Record<number, ImageMetadata>;
  /** Look-alike groups by picture id (default: kabinett.jpg and kabinett-2.jpg). */
  duplicates?: number[][];
  /** How far the background work after opening has come (default: ready). */
  preparation?: Preparation;
  /** What `db check` finds (default: nothing). */
  checkProblems?: string[];
  /** The backups in the backup folder, newest first. */
  backups?: Backup[];
  /** The library's settings by key (default: every setting at its default). */
  settings?: Record<string, string>;
  /** Folders the import reads, with their files (default: one folder of two pictures). */
  folders?: Record<string, string[]>;
  /** What the native dialogs answer (default: the fixture paths below; null: cancelled). */
  dialog?: { open?: string[] | string | null; folder?: string[] | string | null; save?: string | null };
  /** The desk's export folder (NEWSDESK_EXPORT_DIR), when set. */
  exportFolder?: string;
  /** Why the library did not open at start (every library command then rejects with it). */
  unopened?: UserError;
};

/** The open dialog's answer: two new pictures, one the library has, a broken file, a text. */
export const dialogFiles = [
  '/home/ba/Bilder/landtag.jpg',
  '/home/ba/Bilder/kabinett.jpg',
  '/home/ba/Bilder/kaputt.jpg',
  '/home/ba/Bilder/notizen.txt',
];
export const dialogFolder = '/home/ba/Bilder/Termine';
export const dialogSave = '/home/ba/Export/kabinett.jpg';
/** The fake's check of a setting: unknown keys and a few rules the window's tests rely on. */
function checkSetting(key: string, value: string): string {
  const refuse = (why: string) => {
    throw { code: 'invalid_input', message: `${key}: ${why}` } satisfies UserError;
  };
  if (!Object.hasOwn(settingDefaults, key)) refuse('there is no such setting');
  const v = value.trim();
  const choices: Record<string, string[]> = {
    language: ['de', 'en'],
    theme: ['system', 'light', 'dark'],
    backup_schedule: ['off', 'daily', 'weekly'],
    log_level: ['error', 'warn', 'info', 'debug'],
  };
  if (choices[key] && !choices[key].includes(v)) refuse(`"${v}" is not one of ${choices[key].join(', ')}`);
  const ranges: Record<string, [number, number]> = {
    editor_font_size: [10, 32],
    zoom: [50, 200],
    teaser_max_chars: [80, 2000],
    backup_keep: [1, 365],
  };
  const range = ranges[key];
  if (range && !(/^\d+$/.test(v) && Number(v) >= range[0] && Number(v) <= range[1])) {
    refuse(`"${v}" is not a whole number from ${range[0]} to ${range[1]}`);
  }
  if (key === 'spelling_languages' && !/^(de|en)(,(de|en))?$/.test(v)) refuse(`"${v}" is not one of de, en`);
  return v;
}

/** Commands answered at the call (the import reports progress while its answer may wait). */
const answeredAtCall = new Set(['import_images', 'export_selection']);

export function fakeBackend(options: Options = {}) {
  let library = [...(options.articles ?? sampleArticles)];
  let images = [...(options.images ?? sampleImages())];
  const fileMetadata = options.fileMetadata ?? sampleFileMetadata();
  const calls: Call[] = [];
  const rejectedTags: string[] = [];
  const savedFiles: Record<string, unknown[]> = {};
  const customTemplates = new Set<string>();
  const backupList: Backup[] = [...(options.backups ?? [])];
  let unopened = options.unopened;
  const logLines: string[] = ['INFO Newsdesk starts version=0.1.0'];
  const settingValues: Record<string, string> = { ...settingDefaults, ...options.settings };
  const settingOf = (key: string): Setting => ({
    key,
    value: settingValues[key] ?? '',
    default: settingDefaults[key as SettingKey] ?? '',
    about: '',
  });
  /** Commands whose answers wait for `release`, with the waiting answers in call order. */
  const held = new Map<string, (() => void)[]>();
  const publishing = fakePublishing(options, {
    articles: () => library,
    blocking: (content) => checkForTest(content).filter((p) => p.blocking),
  });

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const waiting = held.get(cmd);
    if (answeredAtCall.has(cmd)) {
      let result: unknown;
      let failure: unknown;
      let failed = false;
      try {
        result = answer(cmd, args);
      } catch (reason) {
        failed = true;
        failure = reason;
      }
      if (!waiting) {
        if (failed) throw failure;
        return result;
      }
      return new Promise((resolve, reject) => waiting.push(() => (failed ? reject(failure) : resolve(result))));
    }
    if (!waiting) return answer(cmd, args);
    return new Promise((resolve, reject) => {
      waiting.push(() => {
        try {
          resolve(answer(cmd, args));
        } catch (reason) {
          reject(reason);
        }
      });
    });
  }, { shouldMockEvents: true });
  // imageUrl builds `ndimage://localhost/…` as on Linux.
  mockConvertFileSrc('linux');

  /** Every command of the app, answered as the core would; `npm run check` fails when one is missing or misnamed. */
  const fakes: Fakes = {
    ...publishing.fakes,
    library_info: () => {
      if (unopened) throw unopened;
      return { ...libraryInfoFor(library), read_only: options.readOnly };
    },
    preparation: () => options.preparation ?? { task: 'ready', done: 0, total: 0 },
    library_problem: () => (unopened ? { path: '/home/ba/.local/share/newsdesk/library.sqlite', problem: unopened, backups: [...backupList] } : null),
    restore_unopened: ({ path }) => {
      if (!unopened) throw { code: 'invalid_input', message: 'the library is open: restore a backup from the tools instead' };
      if (!path.endsWith('.sqlite')) throw { code: 'invalid_input', message: `${path} is not a Newsdesk library` };
      unopened = undefined;
      return '/home/ba/.local/share/newsdesk/library.damaged-20261207-120000.sqlite';
    },
    about: () => ({
      version: '0.1.0',
      license: 'MIT License\n\nCopyright (c) 2026 The Newsdesk authors',
      notices: 'THIRD-PARTY NOTICES\n\nRust crates in newsdesk-app and newsdesk (1):\n\n  serde 1.0.228  (MIT OR Apache-2.0)\n',
    }),
    list_articles: ({ filter }) => list(library, filter),
    get_article: ({ id }) => findArticle(id),
    open_article: ({ id }) => {
      const article = findArticle(id);
      return { article, preview: renderForTest(article.body) };
    },
    render_markdown: ({ markdown }) => renderForTest(markdown),
    article_history: ({ id }) => (id === 1 ? kabinettHistory : []),
    search_articles: ({ query, limit }) => search(library, query, limit),
    load_demo_articles: () => {
      library = [...sampleArticles];
      const report: ImportReport = {
        imported: library.map((a) => ({ id: a.id, file: `${a.id}.md`, title: a.title })),
        failed: [],
        skipped: [],
        cancelled: false,
      };
      return report;
    },
    create_article: ({ content }) => {
      const id = Math.max(0, ...library.map((a) => a.id)) + 1;
      const created: Article = { ...content, id, status: 'draft', related: [], revision: 1, created_at: '2026-11-29T10:00:00Z', updated_at: '2026-11-29T10:00:00Z', trashed_at: null };
      library = [...library, created];
      return created;
    },
    save_article: ({ id, content, expectedRevision }) => {
      const found = findArticle(id);
      if (expectedRevision !== null && expectedRevision !== found.revision) {
        throw { code: 'conflict', message: `Artikel ${found.id} wurde inzwischen anderswo gespeichert.` };
      }
      const saved: Article = { ...found, ...content, revision: found.revision + 1 };
      library = library.map((a) => (a.id === found.id ? saved : a));
      return saved;
    },
    duplicate_article: unanswered('duplicate_article'),
    correct_article: ({ id, note }) => {
      const found = findArticle(id);
      if (!note.trim()) throw { code: 'invalid_input', message: 'a correction needs its notice: say what was corrected' };
      const corrected: Article = { ...found, corrections: [{ at: '2026-12-07T12:00:00Z', note: note.trim() }, ...found.corrections], revision: found.revision + 1 };
      library = library.map((a) => (a.id === id ? corrected : a));
      return corrected;
    },
    embargo_of: ({ id }) => {
      const found = findArticle(id);
      const own = found.embargo && new Date(found.embargo).getTime() > Date.now() ? { until: found.embargo, picture: null } : null;
      const byPicture = images
        .filter((i) => i.embargo && new Date(i.embargo).getTime() > Date.now() && found.images.some((ref) => ref.file === `sha256:${i.hash}`))
        .map((i) => ({ until: i.embargo!, picture: { id: i.id, file: i.file } }))
        .sort((a, b) => b.until.localeCompare(a.until))[0] ?? null;
      if (own && byPicture) return new Date(byPicture.until) > new Date(own.until) ? byPicture : own;
      return own ?? byPicture;
    },
    set_status: unanswered('set_status'),
    trash_article: unanswered('trash_article'),
    untrash_article: unanswered('untrash_article'),
    empty_trash: unanswered('empty_trash'),
    set_related: unanswered('set_related'),
    diff_revisions: unanswered('diff_revisions'),
    restore_revision: unanswered('restore_revision'),
    check_content: ({ content }) => checkForTest(content),
    content_stats: ({ content }) => statsForTest(content),
    tag_names: () => [...new Set([...library.flatMap((a) => a.tags), ...images.flatMap((i) => i.keywords)])],
    related_articles: () => [],
    suggest_tags: ({ content }) => {
      // Stand-in suggestions: the kicker and section unless tagged or rejected already.
      const taken = new Set([...content.tags, ...rejectedTags].map((t) => t.toLowerCase()));
      return [content.kicker, content.section, 'Verwaltung']
        .filter((tag) => tag && !taken.has(tag.toLowerCase()))
        .map((tag, i) => ({
          tag,
          score: 1 - i / 10,
          reason: 'in kicker',
          source: 'text',
          reasons: [{ kind: 'in-kicker' }, { kind: 'mentions', count: 3 }],
        }));
    },
    suggest_image_tags: () => [],
    decide_tags: ({ tags, verdict }) => {
      if (verdict === 'rejected') rejectedTags.push(...tags);
    },
    paste_html: ({ html }) => html.replace(/<[^>]*>/g, ''),
    list_images: ({ filter }) => listImages(images, filter),
    image_file_metadata: ({ id }) => {
      findImage(id);
      return fileMetadata[id] ?? { ...emptyMetadata };
    },
    patch_images: ({ ids, patch }) => {
      ids.forEach(findImage);
      const updated = ids.map((id) => patchImage(findImage(id), patch));
      images = images.map((i) => updated.find((u) => u.id === i.id) ?? i);
      return updated;
    },
    set_image_embargo: ({ id, until }) => {
      const updated = { ...findImage(id), embargo: until };
      images = images.map((i) => (i.id === id ? updated : i));
      return updated;
    },
    tag_images: ({ ids, add, remove }) => {
      const updated = ids.map((id) => tagImage(findImage(id), add, remove));
      images = images.map((i) => updated.find((u) => u.id === i.id) ?? i);
      return updated;
    },
    image_duplicates: () =>
      (options.duplicates ?? [[1, 5]]).map((ids): DuplicateGroup => {
        const group = ids.map(findImage);
        return { images: group, credits_differ: new Set(group.map((i) => i.credit_line)).size > 1 };
      }),
    credit_values: () => creditValues(images),
    credit_lines: ({ fields }) => fields.map(creditLineOf),
    credit_report: ({ from, to }) => {
      if (from > to) throw { code: 'invalid_input', message: `the report's period ends (${to}) before it starts (${from})` };
      return creditUses(library, images, from, to);
    },
    save_credit_report: ({ from, to, path }) => {
      savedFiles[path] = creditUses(library, images, from, to);
      return savedFiles[path]!.length;
    },
    templates_info: () => ({
      folder: '/home/ba/.local/share/newsdesk/templates',
      files: ['article.html', 'article.css', 'article.typ'].map((name) => ({ name, custom: customTemplates.has(name) })),
    }),
    copy_templates_out: () => {
      const written = ['article.html', 'article.css', 'article.typ'].filter((name) => !customTemplates.has(name));
      for (const name of written) customTemplates.add(name);
      return written.map((name) => `/home/ba/.local/share/newsdesk/templates/${name}`);
    },
    import_articles: ({ paths, progress }) => {
      const report = importMarkdown(paths, library.length);
      library = [...library, ...report.articles];
      report.report.imported.forEach((article, index) => send(progress, index, article));
      return report.report;
    },
    overview: () => overviewOf(library, images, publishing.fakes.outbox_summary()),
    cancel_import: () => undefined,
    cancel_image_import: () => undefined,
    cancel_export: () => undefined,
    check_library: () => [...(options.checkProblems ?? [])],
    backups: () => [...backupList],
    backup_now: () => {
      const made = { path: `/home/ba/.local/share/newsdesk/backups/newsdesk-2026120${backupList.length + 1}-120000.sqlite`, made_at: `2026-12-0${backupList.length + 1}T12:00:00Z`, bytes: 2_400_000 };
      backupList.unshift(made);
      return { made, removed: [] };
    },
    restore_backup: ({ path }) => {
      if (!backupList.some((b) => b.path === path) && !path.endsWith('.sqlite')) {
        throw { code: 'invalid_input', message: `${path} is not a Newsdesk library` };
      }
      return '/home/ba/.local/share/newsdesk/library.before-restore-20261207-120000.sqlite';
    },
    recent_log: ({ lines }) => ({ path: '/home/ba/.local/state/newsdesk/logs/newsdesk.log', lines: logLines.slice(-lines) }),
    log_window_error: ({ message }) => {
      logLines.push(`ERROR newsdesk::window: error in the window message=${message}`);
    },
    test_fault: () => {
      logLines.push('ERROR panic thread=fault-test message=a test of the error report');
    },

    settings: () => Object.keys(settingValues).map(settingOf),
    set_setting: ({ key, value }) => {
      settingValues[key] = checkSetting(key, value);
      return settingOf(key);
    },
    credit_format_preview: ({ format }) => {
      if (!/^[^{}]*(\{[a-z|]+\}[^{}]*)*$/.test(format)) {
        throw { code: 'invalid_input', message: `the format ${format} has a brace that is not closed` };
      }
      return images.slice(0, 5).map((image) => {
        const fields = { credit: image.credit, creator: image.creator, source: image.source, copyright: image.copyright };
        // The fake's own reading of the format: each {a|b} is the first of its fields present.
        const line = format.replace(/\{([a-z|]+)\}/g, (_, names: string) =>
          names.split('|').map((name) => (fields[name as keyof typeof fields] ?? '').trim()).find((v) => v !== '') ?? '',
        );
        return { file: image.file, fields, line };
      });
    },
    import_images: ({ paths, progress }) => {
      const { report, added } = importImages(images, paths, options.folders ?? defaultFolders, (message, index) => send(progress, index, message));
      images = [...images, ...added];
      return report;
    },
    export_image: ({ id }) => {
      findImage(id);
    },
    export_target: ({ id, format }) => {
      const article = library.find((a) => a.id === id);
      if (!article) throw { code: 'not_found', message: `article ${id} does not exist in this library` };
      const ext = ({ html: 'html', pdf: 'pdf', md: 'md', ninjs: 'json', bundle: 'zip' } as Record<string, string>)[format];
      return { name: `${article.date ?? 'artikel'}-export.${ext}`, folder: options.exportFolder ?? null };
    },
    export_article: ({ id, path }) => {
      const article = library.find((a) => a.id === id);
      if (!article) throw { code: 'not_found', message: `article ${id} does not exist in this library` };
      return { id: article.id, title: article.title, path, bytes: 2048 };
    },
    export_selection: ({ filter, format, folder, progress }) => {
      const chosen = library.filter((a) => !a.trashed_at && (!filter.status || a.status === filter.status));
      chosen.forEach((a, index) => send(progress, index, { done: index + 1, total: chosen.length, title: a.title }));
      return {
        format,
        written: chosen.map((a) => ({ id: a.id, title: a.title, path: `${folder}/${a.id}.zip`, bytes: 4096 })),
        failed: [],
        cancelled: false,
      };
    },
  };

  /** The plugins' commands the UI uses: the native dialogs and the browser for links. */
  function pluginAnswer(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'plugin:opener|open_url':
        return null;
      case 'plugin:dialog|open': {
        const asked = (args.options ?? {}) as { directory?: boolean };
        if (asked.directory) return options.dialog?.folder === undefined ? [dialogFolder] : options.dialog.folder;
        return options.dialog?.open === undefined ? dialogFiles : options.dialog.open;
      }
      case 'plugin:dialog|save':
        return options.dialog?.save === undefined ? dialogSave : options.dialog.save;
      default:
        throw { code: 'internal', message: `unknown command ${cmd}` };
    }
  }

  function answer(cmd: string, args: Record<string, unknown>): unknown {
    const failure = options.fail?.[cmd];
    if (failure !== undefined) throw failure;
    if (!Object.hasOwn(fakes, cmd)) return pluginAnswer(cmd, args);
    // mockIPC hands over what the typed wrapper sent: the arguments of this very command.
    return (fakes[cmd as CommandName] as (args: unknown) => unknown)(args);
  }

  function findArticle(id: number): Article {
    const found = library.find((a) => a.id === id);
    if (!found) throw { code: 'not_found', message: `Artikel ${id} gibt es nicht.` };
    return found;
  }

  function findImage(id: number): Image {
    const found = images.find((i) => i.id === id);
    if (!found) throw { code: 'not_found', message: `Bild ${id} gibt es nicht.` };
    return found;
  }

  return {
    calls,
    /** The image library as it is now. */
    images: () => images,
    /** The outbox's jobs as they are now. */
    jobs: publishing.jobs,
    /** Plays the app's outbox settling a job: changes it and sends the "outbox" event. */
    settle: publishing.settle,
    callsOf: (cmd: string) => calls.filter((call) => call.cmd === cmd),
    /** What a save dialog's path received (the credit report's uses). */
    savedFile: (path: string) => savedFiles[path],
    /** The value a setting holds in the fake library. */
    setting: (key: string) => settingValues[key] ?? '',
    /** From now on, answers to `cmd` wait until `release` lets them through. */
    hold: (cmd: string) => void held.set(cmd, held.get(cmd) ?? []),
    /** How many answers to `cmd` are waiting. */
    waiting: (cmd: string) => held.get(cmd)?.length ?? 0,
    /** Lets the `index`-th waiting answer to `cmd` through (0: the oldest call). */
    release: (cmd: string, index = 0) => {
      const [go] = held.get(cmd)?.splice(index, 1) ?? [];
      if (!go) throw new Error(`no answer to ${cmd} is waiting at ${index}`);
      go();
    },
    stop: clearMocks,
  };
}

/** Like the Rust store: filtered, newest first (by date, undated last, then by last change), and
 * `limit` rows after skipping `offset`. */
function list(library: Article[], filter: ArticleFilter): ArticleSummary[] {
  const offset = filter.offset ?? 0;
  return library
    .filter((a) => !filter.status || a.status === filter.status)
    .filter((a) => !filter.section || a.section.toLowerCase() === filter.section.toLowerCase())
    .sort(
      (a, b) =>
        Number(a.date === null) - Number(b.date === null) ||
        (b.date ?? '').localeCompare(a.date ?? '') ||
        b.updated_at.localeCompare(a.updated_at) ||
        b.id - a.id,
    )
    .slice(offset, filter.limit === undefined ? undefined : offset + filter.limit)
    .map(summary);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Stands in for the Rust renderer: paragraphs and quotes, escaped. */
function renderForTest(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== '')
    .map((block) =>
      block.startsWith('> ')
        ? `<blockquote><p>${escape(block.slice(2))}</p></blockquote>`
        : `<p>${escape(block)}</p>`,
    )
    .join('\n');
}

function search(library: Article[], query: string, limit: number): SearchHit[] {
  const hit = (a: Article, needle: string, partial: boolean): SearchHit[] => {
    const text = `${a.title} ${a.teaser} ${a.body}`;
    const at = text.toLowerCase().indexOf(needle);
    if (at < 0) return [];
    const start = Math.max(0, at - 30);
    const snippet = `${text.slice(start, at)}[${text.slice(at, at + needle.length)}]${text.slice(at + needle.length, at + needle.length + 40)}`;
    const { id, kicker, title, status, date } = a;
    return [{ id, kicker, title, status, date, snippet, score: 1 / (1 + at), partial }];
  };
  // Like the core: the articles holding the whole query, then those holding one of its words.
  const full = library.flatMap((a) => hit(a, query.toLowerCase(), false));
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const some = words.length < 2 ? [] : library
    .filter((a) => !full.some((h) => h.id === a.id))
    .flatMap((a) => words.flatMap((w) => hit(a, w, true)).slice(0, 1));
  return [...full, ...some].slice(0, limit);
}

/** Stands in for the core's readiness check: required fields and picture credits. */
function checkForTest(content: ArticleContent): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  for (const field of ['kicker', 'title', 'teaser', 'section', 'body'] as const) {
    if (content[field].trim() === '') problems.push({ field, problem: `${field} is missing`, code: 'missing', detail: '', blocking: true });
  }
  content.images.forEach((image, index) => {
    const name = image.file || String(index + 1);
    if (image.credit.trim() === '') problems.push({ field: `images[${index + 1}].credit`, problem: 'no credit', code: 'no_credit', detail: name, blocking: true });
  });
  return problems;
}

function statsForTest(content: ArticleContent): ArticleStats {
  const words = `${content.teaser} ${content.body}`.split(/\s+/).filter(Boolean).length;
  return {
    words,
    characters: `${content.teaser}${content.body}`.length,
    reading_minutes: Math.ceil(words / 200),
    long_sentences: [],
    readability: 50,
    title_characters: content.title.length,
    teaser_characters: content.teaser.length,
    teaser_limit: 300,
  };
}

// The image library.

const emptyMetadata: ImageMetadata = {
  creator: null,
  credit: null,
  copyright: null,
  source: null,
  caption: null,
  headline: null,
  keywords: [],
  date_created: null,
  city: null,
  country: null,
  usage_terms: null,
  web_statement: null,
  licensor_url: null,
  alt_text: null,
};

const defaultFolders: Record<string, string[]> = {
  [dialogFolder]: [`${dialogFolder}/termin-1.jpg`, `${dialogFolder}/termin-2.tif`],
};

function localDay(offset = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + offset)).toISOString().slice(0, 10);
}

const fold = (text: string | null) => (text ?? '').toLocaleLowerCase('de');

/** Like the Rust store: filters, newest import first, then `limit` after `offset`. */
function listImages(images: Image[], filter: ImageFilter): Image[] {
  const today = localDay();
  const offset = filter.offset ?? 0;
  const words = (filter.text ?? '').split(/\s+/).filter(Boolean).map(fold);
  return images
    .filter((i) => !filter.missing_credit || (!i.credit && !i.creator && !i.source && !i.copyright))
    .filter((i) => filter.expiring_within === undefined || (i.expires !== null && i.expires >= today && i.expires <= localDay(filter.expiring_within)))
    .filter((i) => !filter.expired || (i.expires !== null && i.expires < today))
    .filter((i) => !filter.tag?.trim() || i.keywords.some((k) => fold(k) === fold(filter.tag!.trim())))
    .filter((i) => {
      const haystack = fold([i.caption, i.headline, i.credit, i.creator, i.source, i.file].join(' '));
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => b.imported_at.localeCompare(a.imported_at) || b.id - a.id)
    .slice(offset, filter.limit === undefined ? undefined : offset + filter.limit);
}

function patchImage(image: Image, patch: ImagePatch): Image {
  const next: Image = { ...image, updated_at: new Date().toISOString() };
  for (const [field, value] of Object.entries(patch) as [keyof ImagePatch, string | undefined][]) {
    if (value === undefined) continue;
    const text = value.trim();
    (next as Record<string, unknown>)[field] = text === '' ? null : text;
  }
  return { ...next, credit_line: creditLineOf(next) };
}

function tagImage(image: Image, add: string[], remove: string[]): Image {
  const gone = new Set(remove.map(fold));
  const keywords = image.keywords.filter((k) => !gone.has(fold(k)));
  for (const keyword of add) {
    if (keyword.trim() && !keywords.some((k) => fold(k) === fold(keyword.trim()))) keywords.push(keyword.trim());
  }
  return { ...image, keywords, updated_at: new Date().toISOString() };
}

function creditValues(images: Image[]): string[] {
  const counts = new Map<string, number>();
  for (const i of images) if (i.credit) counts.set(i.credit, (counts.get(i.credit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([credit]) => credit);
}

/** Sends `message` through a Channel the UI passed as an argument (mockIPC hands it over as is). */
function send<T>(channel: Channel<T>, index: number, message: T): void {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__;
  internals.runCallback(channel.id, { index, message });
}

const pictureFile = /\.(jpe?g|png|webp|tiff?)$/i;

/** Stands in for the Rust import: folders expand, other files are skipped, a file named
 * "kaputt…" fails, a file name the library has is "already there", the rest are new. */
function importImages(
  images: Image[],
  paths: string[],
  folders: Record<string, string[]>,
  progress: (p: ImageImportProgress, index: number) => void,
): { report: ImageImportReport; added: Image[] } {
  const files = paths.flatMap((path) => folders[path] ?? [path]);
  const report: ImageImportReport = { imported: [], failed: [], skipped: [], cancelled: false };
  const added: Image[] = [];
  let nextId = Math.max(0, ...images.map((i) => i.id)) + 1;
  files.forEach((path, index) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    if (!pictureFile.test(file)) {
      report.skipped.push({ file: path, reason: 'not a picture file (jpg, png, webp, tif)' });
    } else if (file.startsWith('kaputt')) {
      report.failed.push({ file: path, line: null, message: `${path}: the JPEG data ends early; the file is damaged` });
    } else {
      const known = [...images, ...added].find((i) => i.file === file);
      if (known) report.imported.push({ ...known, path, new: false });
      else {
        const id = nextId++;
        const created = makeImage({ id, file, hash: hashFor(id), imported_at: new Date(Date.now() + index).toISOString() });
        added.push(created);
        report.imported.push({ ...created, path, new: true });
      }
    }
    progress({ done: index + 1, total: files.length, file }, index);
  });
  return { report, added };
}
