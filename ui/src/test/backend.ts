// A fake Rust shell for component tests: answers the IPC commands from fixture data through
// Tauri's own mockIPC, and records every call with its arguments.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { Article, ArticleFilter, ImportReport, SearchHit, UserError } from '../lib/ipc/bindings';
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

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const failure = options.fail?.[cmd];
    if (failure !== undefined) throw failure;
    switch (cmd) {
      case 'library_info':
        return libraryInfoFor(library);
      case 'list_articles': {
        const filter = args.filter as ArticleFilter;
        return library
          .filter((a) => !filter.status || a.status === filter.status)
          .filter((a) => !filter.section || a.section === filter.section)
          .map(summary);
      }
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
        };
        return report;
      }
      default:
        throw { code: 'internal', message: `unknown command ${cmd}` };
    }
  });

  return {
    calls,
    callsOf: (cmd: string) => calls.filter((call) => call.cmd === cmd),
    stop: clearMocks,
  };
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
