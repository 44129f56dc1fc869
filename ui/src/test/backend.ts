// A fake Rust shell for component tests: answers the IPC commands from fixture data through
// Tauri's own mockIPC, and records every call with its arguments.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type {
  Article,
  ArticleContent,
  ArticleFilter,
  ArticleStats,
  ArticleSummary,
  ImportReport,
  ReadinessProblem,
  SearchHit,
  UserError,
} from '../lib/ipc/bindings';
import { articles as sampleArticles, kabinettHistory, libraryInfoFor, summary } from './fixtures';

export type Call = { cmd: string; args: Record<string, unknown> };
type Options = {
  articles?: Article[];
  /** Commands that reject, with what they reject with. */
  fail?: Record<string, UserError | string>;
};

export function fakeBackend(options: Options = {}) {
  let library = [...(options.articles ?? sampleArticles)];
  const calls: Call[] = [];
  /** Commands whose answers wait for `release`, with the waiting answers in call order. */
  const held = new Map<string, (() => void)[]>();

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const waiting = held.get(cmd);
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
  });

  function answer(cmd: string, args: Record<string, unknown>): unknown {
    const failure = options.fail?.[cmd];
    if (failure !== undefined) throw failure;
    switch (cmd) {
      case 'library_info':
        return libraryInfoFor(library);
      case 'list_articles':
        return list(library, args.filter as ArticleFilter);
      case 'get_article': {
        const found = library.find((a) => a.id === args.id);
        if (!found) throw { code: 'not_found', message: `Artikel ${String(args.id)} gibt es nicht.` };
        return found;
      }
      case 'render_markdown':
        return renderForTest(String(args.markdown));
      case 'article_history':
        return args.id === 1 ? kabinettHistory : [];
      case 'search_articles':
        return search(library, String(args.query), Number(args.limit));
      case 'load_demo_articles': {
        library = [...sampleArticles];
        const report: ImportReport = {
          imported: library.map((a) => ({ id: a.id, file: `${a.id}.md`, title: a.title })),
          failed: [],
          skipped: [],
        };
        return report;
      }
      case 'create_article': {
        const id = Math.max(0, ...library.map((a) => a.id)) + 1;
        const created: Article = { ...(args.content as ArticleContent), id, status: 'draft', related: [], revision: 1, created_at: '2026-11-29T10:00:00Z', updated_at: '2026-11-29T10:00:00Z', trashed_at: null };
        library = [...library, created];
        return created;
      }
      case 'save_article': {
        const found = library.find((a) => a.id === args.id);
        if (!found) throw { code: 'not_found', message: `Artikel ${String(args.id)} gibt es nicht.` };
        const expected = args.expectedRevision as number | null;
        if (expected !== null && expected !== found.revision) {
          throw { code: 'conflict', message: `Artikel ${found.id} wurde inzwischen anderswo gespeichert.` };
        }
        const saved: Article = { ...found, ...(args.content as ArticleContent), revision: found.revision + 1 };
        library = library.map((a) => (a.id === found.id ? saved : a));
        return saved;
      }
      case 'check_content':
        return checkForTest(args.content as ArticleContent);
      case 'content_stats':
        return statsForTest(args.content as ArticleContent);
      case 'tag_names':
        return [...new Set(library.flatMap((a) => a.tags))];
      case 'related_articles':
        return [];
      case 'paste_html':
        return String(args.html).replace(/<[^>]*>/g, '');
      case 'plugin:opener|open_url':
        return null;
      default:
        throw { code: 'internal', message: `unknown command ${cmd}` };
    }
  }

  return {
    calls,
    callsOf: (cmd: string) => calls.filter((call) => call.cmd === cmd),
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
  const needle = query.toLowerCase();
  return library
    .flatMap((a) => {
      const text = `${a.title} ${a.teaser} ${a.body}`;
      const at = text.toLowerCase().indexOf(needle);
      if (at < 0) return [];
      const start = Math.max(0, at - 30);
      const snippet = `${text.slice(start, at)}[${text.slice(at, at + needle.length)}]${text.slice(at + needle.length, at + needle.length + 40)}`;
      const { id, kicker, title, status, date } = a;
      return [{ id, kicker, title, status, date, snippet, score: 1 / (1 + at) }];
    })
    .slice(0, limit);
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
