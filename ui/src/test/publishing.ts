// The publishing part of the fake Rust shell: portals, the outbox, publications, conflicts.
// `settle` plays the app's background outbox: it changes a job and sends the "outbox" event.
import { emit } from '@tauri-apps/api/event';
import type {
  Article,
  ArticleContent,
  ConflictChoice,
  NewPortal,
  OutboxEvent,
  OutboxJob,
  OutboxSummary,
  Portal,
  PortalCheck,
  Publication,
  PublishConflict,
  PullReport,
  ReadinessProblem,
} from '../lib/ipc/bindings';
import type { Fakes } from './backend';

export type PublishingOptions = {
  portals?: Portal[];
  jobs?: OutboxJob[];
  publications?: Publication[];
  /** The three-way view of each job in conflict, by job id. */
  conflicts?: Record<number, PublishConflict>;
};

/** The commands this part of the fake answers. */
export type PublishingCommand =
  | 'list_portals'
  | 'add_portal'
  | 'remove_portal'
  | 'test_portal'
  | 'pull_portal'
  | 'publish_article'
  | 'withdraw_article'
  | 'outbox_jobs'
  | 'outbox_summary'
  | 'publish_conflict'
  | 'resolve_conflict'
  | 'retry_job'
  | 'cancel_job'
  | 'publications';

const stamp = '2026-11-30T08:00:00Z';

export function portal(fields: Partial<Portal> & Pick<Portal, 'name'>): Portal {
  return { kind: 'wordpress', url: 'https://portal.example', user: 'redaktion', timeout_secs: 30, created_at: stamp, pulled_at: null, ...fields };
}

export function job(fields: Partial<OutboxJob> & Pick<OutboxJob, 'id'>): OutboxJob {
  return {
    article_id: 1,
    title: 'Zweites Digitalisierungskabinett',
    portal: 'Landesportal',
    action: 'publish',
    state: 'queued',
    attempts: 0,
    scheduled_for: null,
    next_attempt_at: null,
    error: null,
    error_kind: null,
    remote_id: null,
    remote_url: null,
    created_at: stamp,
    updated_at: stamp,
    embargo: null,
    ...fields,
  };
}

/** A portal for each kind, some jobs in every state, one conflict: for `npm run dev:mock` and tests. */
export function samplePublishing(): Required<PublishingOptions> {
  return {
    portals: [
      portal({ name: 'Landesportal', url: 'https://landesportal.example', pulled_at: '2026-11-29T16:00:00Z' }),
      portal({ name: 'Ghost-Blog', kind: 'ghost', url: 'https://blog.example', user: '' }),
    ],
    jobs: [
      job({ id: 1, state: 'done', attempts: 1, remote_id: '812', remote_url: 'https://landesportal.example/2018/kabinett' }),
      job({ id: 2, article_id: 6, title: 'Digitalstrategie neu ausgerichtet', state: 'retrying', attempts: 2, next_attempt_at: '2026-11-30T14:32:00Z', error: 'could not connect to landesportal.example' }),
      job({ id: 3, article_id: 3, title: 'One-Stop-Shop für Sozialleistungen', portal: 'Ghost-Blog', state: 'failed', attempts: 1, error: 'the portal refused the credentials (401)' }),
      job({ id: 4, article_id: 1, action: 'update', state: 'conflict', attempts: 1, remote_id: '812', error: 'the post was changed on the portal' }),
      job({ id: 5, article_id: 5, title: 'E-Government-Gesetz wird novelliert', state: 'queued' }),
    ],
    publications: [
      { article_id: 1, portal: 'Landesportal', remote_id: '812', remote_url: 'https://landesportal.example/2018/kabinett', revision: 2, published_at: '2018-12-14T10:20:00Z', state: 'published' },
    ],
    conflicts: {
      4: {
        job_id: 4,
        article_id: 1,
        portal: 'Landesportal',
        remote_exists: true,
        recorded_modified: '2018-12-14T10:20:00Z',
        remote_modified: '2018-12-15T07:45:00Z',
        fields: [
          { field: 'title', base: 'Zweites Digitalisierungskabinett', local: 'Zweites Digitalisierungskabinett tagt', remote: 'Digitalisierungskabinett: zweite Sitzung' },
          { field: 'content', base: 'Absatz eins.\n\nAbsatz zwei.', local: 'Absatz eins.\n\nAbsatz zwei, ergänzt.', remote: 'Absatz eins.\n\n    Eingerückt vom Portal.' },
        ],
      },
    },
  };
}

function summaryOf(jobs: OutboxJob[]): OutboxSummary {
  const count = (states: OutboxJob['state'][]) => jobs.filter((j) => states.includes(j.state)).length;
  return { pending: count(['queued', 'sending', 'retrying']), waiting_for_network: count(['retrying']), failed: count(['failed']), conflicts: count(['conflict']) };
}

type Library = {
  articles: () => Article[];
  /** The blocking readiness problems of an article's content, as the core checks them. */
  blocking: (content: ArticleContent) => ReadinessProblem[];
};

export function fakePublishing(options: PublishingOptions, library: Library) {
  let portals = [...(options.portals ?? [])];
  let jobs = [...(options.jobs ?? [])];
  let places = [...(options.publications ?? [])];
  const conflicts = { ...(options.conflicts ?? {}) };

  const now = () => new Date().toISOString();

  function findPortal(name: unknown): Portal {
    const found = portals.find((p) => p.name === name);
    if (!found) throw { code: 'not_found', message: `there is no portal '${String(name)}'` };
    return found;
  }

  function findJob(id: unknown): OutboxJob {
    const found = jobs.find((j) => j.id === id);
    if (!found) throw { code: 'not_found', message: `outbox job ${String(id)} does not exist` };
    return found;
  }

  function put(next: OutboxJob): OutboxJob {
    jobs = jobs.some((j) => j.id === next.id) ? jobs.map((j) => (j.id === next.id ? next : j)) : [...jobs, next];
    return next;
  }

  function enqueue(id: number, name: string, action: OutboxJob['action'], schedule: string | null): OutboxJob {
    const article = library.articles().find((a) => a.id === id);
    if (!article) throw { code: 'not_found', message: `article ${id} does not exist in this library` };
    findPortal(name);
    const at = now();
    const next = Math.max(0, ...jobs.map((j) => j.id)) + 1;
    return put({ ...job({ id: next }), article_id: id, title: article.title, portal: name, action, scheduled_for: schedule, next_attempt_at: at, created_at: at, updated_at: at });
  }

  const fakes = {
    list_portals: () => portals,
    add_portal: ({ portal: asked, secret }) => {
      if (!secret.trim()) throw { code: 'invalid_input', message: 'the portal needs its secret' };
      if (portals.some((p) => p.name === asked.name)) throw { code: 'invalid_input', message: `a portal named '${asked.name}' exists already` };
      const added = portal({ ...asked, timeout_secs: asked.timeout_secs ?? 30, created_at: now() });
      portals = [...portals, added];
      return added;
    },
    remove_portal: ({ name }) => {
      findPortal(name);
      portals = portals.filter((p) => p.name !== name);
    },
    test_portal: ({ name }) => {
      const found = findPortal(name);
      return { portal: found.name, site: `${found.name} (Testseite)`, user: found.user, address: new URL(found.url).origin } satisfies PortalCheck;
    },
    pull_portal: ({ name }) => {
      const found = findPortal(name);
      portals = portals.map((p) => (p.name === found.name ? { ...p, pulled_at: now() } : p));
      return { portal: found.name, new_tags: ['Landtag'], sections: ['Politik', 'Kommunen', 'Wirtschaft'], added: [41, 42], known: 7, notes: [] } satisfies PullReport;
    },
    publish_article: ({ id, portal: name, schedule }) => {
      const article = library.articles().find((a) => a.id === id);
      const problems = article ? library.blocking(article) : [];
      if (problems.length > 0) {
        throw { code: 'invalid_input', message: [`article ${id} is not ready yet:`, ...problems.map((p) => `${p.field}: ${p.problem}`)].join('\n') };
      }
      const published = places.some((p) => p.article_id === id && p.portal === name && p.remote_id);
      return enqueue(id, name, schedule ? 'schedule' : published ? 'update' : 'publish', schedule);
    },
    withdraw_article: ({ id, portal: name }) => enqueue(id, name, 'withdraw', null),
    outbox_jobs: ({ pendingOnly }) =>
      [...jobs].filter((j) => !pendingOnly || ['queued', 'sending', 'retrying'].includes(j.state)).sort((a, b) => b.id - a.id),
    outbox_summary: () => summaryOf(jobs),
    publish_conflict: ({ job: id }) => {
      findJob(id);
      const found = conflicts[id];
      if (!found) throw { code: 'invalid_input', message: `outbox job ${id} is not in conflict` };
      return found;
    },
    resolve_conflict: ({ job: id, choice }) => {
      const found = findJob(id);
      delete conflicts[found.id];
      if (choice === 'keep_mine') return put({ ...found, state: 'queued', error: null, next_attempt_at: now() });
      if (choice === 'take_theirs') return put({ ...found, state: 'cancelled', error: "the portal's version was taken into the library", error_kind: 'cancelled' });
      return put({ ...found, state: 'cancelled', error: 'cancelled by the editor', error_kind: 'cancelled' });
    },
    retry_job: ({ job: id }) => put({ ...findJob(id), state: 'queued', error: null, next_attempt_at: now() }),
    cancel_job: ({ job: id }) => put({ ...findJob(id), state: 'cancelled', error: 'cancelled by the editor', error_kind: 'cancelled', next_attempt_at: null }),
    publications: ({ id }) => places.filter((p) => p.article_id === id),
  } satisfies Fakes<PublishingCommand>;

  return {
    fakes,
    jobs: () => jobs,
    /** Plays the outbox settling job `id`: changes it, then sends the "outbox" event. */
    async settle(id: number, patch: Partial<OutboxJob>): Promise<OutboxJob> {
      const next = put({ ...findJob(id), ...patch, updated_at: now() });
      if (next.state === 'done' && !next.error && next.action !== 'withdraw') {
        places = [
          ...places.filter((p) => !(p.article_id === next.article_id && p.portal === next.portal)),
          { article_id: next.article_id, portal: next.portal, remote_id: next.remote_id, remote_url: next.remote_url, revision: 1, published_at: now(), state: next.action === 'schedule' ? 'scheduled' : 'published' },
        ];
      }
      await emit('outbox', { job: next, summary: summaryOf(jobs) } satisfies OutboxEvent);
      return next;
    },
  };
}
