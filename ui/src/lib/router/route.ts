import type { Status } from '../ipc/bindings';
import { isStatus } from '../status';

/** The places of the window; the URL hash is their only source of truth. */
export type Route =
  | { name: 'articles'; status: Status | null; section: string | null }
  | { name: 'article'; id: number }
  | { name: 'search'; query: string }
  | { name: 'images' }
  /** The outbox; `job` opens that job (its conflict) when given. */
  | { name: 'outbox'; job: number | null }
  | { name: 'portals' }
  | { name: 'settings' }
  | { name: 'tools' }
  | { name: 'overview' };

export const homeRoute: Route = { name: 'articles', status: null, section: null };

/** Parses `#/articles?status=draft`, `#/articles/42`, `#/search?q=…`, `#/images`,
 * `#/outbox[?job=12]`, `#/portals`, `#/settings`, `#/tools`, `#/overview`.
 * Anything else (empty hash, unknown page, bad id) is the article list, so the window never
 * shows a blank page. Unknown query values are ignored rather than trusted. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q === -1 ? raw : raw.slice(0, q)).replace(/\/+$/, '');
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter(Boolean).map(safeDecode);

  switch (parts[0]) {
    case 'articles': {
      if (parts.length === 2) {
        const id = idOf(parts[1]!);
        return id === null ? homeRoute : { name: 'article', id };
      }
      if (parts.length > 2) return homeRoute;
      const status = params.get('status');
      const section = params.get('section');
      return {
        name: 'articles',
        status: isStatus(status) ? status : null,
        section: section ? section : null,
      };
    }
    case 'search':
      return parts.length === 1 ? { name: 'search', query: params.get('q') ?? '' } : homeRoute;
    case 'images':
    case 'portals':
    case 'settings':
    case 'tools':
    case 'overview':
      return parts.length === 1 ? { name: parts[0] } : homeRoute;
    case 'outbox':
      return parts.length === 1 ? { name: 'outbox', job: idOf(params.get('job') ?? '') } : homeRoute;
    default:
      return homeRoute;
  }
}

/** The hash for a route; `parseHash(formatRoute(r))` gives `r` back. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'articles': {
      const params = new URLSearchParams();
      if (route.status) params.set('status', route.status);
      if (route.section) params.set('section', route.section);
      const query = params.toString();
      return query ? `#/articles?${query}` : '#/articles';
    }
    case 'article':
      return `#/articles/${route.id}`;
    case 'search':
      return `#/search?${new URLSearchParams({ q: route.query }).toString()}`;
    case 'outbox':
      return route.job === null ? '#/outbox' : `#/outbox?job=${route.job}`;
    case 'images':
    case 'portals':
    case 'settings':
    case 'tools':
    case 'overview':
      return `#/${route.name}`;
  }
}

/** A positive whole number as the core's ids are, or null. */
function idOf(text: string): number | null {
  return /^[1-9]\d{0,14}$/.test(text) ? Number(text) : null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
