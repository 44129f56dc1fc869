// A job, a portal, a conflict in the newsroom's words: what the outbox rows, the publish menu
// and the conflict view say. Nothing here matches the core's English messages; those are only
// shown as given (the reason a job failed).
import type { JobAction, OutboxJob, OutboxSummary, PortalKind } from '../lib/ipc/bindings';
import { dateTime, t, time, tn } from '../lib/i18n/i18n.svelte';
import { errorText } from '../lib/i18n/core';
import type { TextKey } from '../lib/i18n/messages';
import { toUserError } from '../lib/ipc/commands';

export const portalKinds: PortalKind[] = ['wordpress', 'ghost', 'ninjs'];

export function portalKindName(kind: PortalKind): string {
  return t(`portal.kind.${kind}`);
}

/** What the portal's secret is called: Anwendungspasswort, Admin-API-Schlüssel, Token. */
export function secretLabel(kind: PortalKind): string {
  return t(`portal.secret.${kind}`);
}

/** A moment as a time when it is today ("14:32"), else with its date. */
export function when(value: string | null | undefined): string {
  if (!value) return '';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return '';
  return at.toDateString() === new Date().toDateString() ? time(value) : dateTime(value);
}

export function actionName(job: Pick<OutboxJob, 'action' | 'scheduled_for'>): string {
  const names: Record<JobAction, TextKey> = {
    publish: 'outbox.action.publish',
    update: 'outbox.action.update',
    schedule: 'outbox.action.schedule',
    withdraw: 'outbox.action.withdraw',
  };
  return t(names[job.action], { when: dateTime(job.scheduled_for) });
}

/** How a job stands, for its colour; `dropped` is a job the editor cancelled or a newer
 * request replaced. */
export type Tone = 'waiting' | 'sending' | 'retrying' | 'done' | 'dropped' | 'failed' | 'conflict';

export function toneOf(job: Pick<OutboxJob, 'state'>): Tone {
  switch (job.state) {
    case 'queued':
      return 'waiting';
    case 'cancelled':
      return 'dropped';
    default:
      return job.state;
  }
}

/**
 * The state in words. In the outbox a sent job is "Gesendet"; in the editor it says what
 * happened to the article there (Veröffentlicht, Geplant für …, Zurückgezogen).
 */
export function stateText(job: OutboxJob, place: 'outbox' | 'editor' = 'outbox'): string {
  const tone = toneOf(job);
  switch (tone) {
    case 'waiting':
      return t('outbox.state.queued');
    case 'sending':
      return t('outbox.state.sending');
    case 'retrying': {
      // Offline, or the portal answered with its own trouble (5xx, too many requests).
      const why = job.error_kind === 'server' ? t('outbox.why.server') : t('outbox.why.network');
      return job.next_attempt_at
        ? t('outbox.state.retrying', { time: when(job.next_attempt_at), why })
        : t('outbox.state.retryingSoon', { why });
    }
    case 'done':
      if (place === 'outbox') return t('outbox.state.done');
      if (job.action === 'withdraw') return t('publish.state.withdrawn');
      if (job.action === 'schedule') return t('publish.state.scheduled', { when: dateTime(job.scheduled_for) });
      return t('publish.state.published');
    case 'dropped':
      return t('outbox.state.dropped');
    case 'failed':
      return t('outbox.state.failed');
    case 'conflict':
      return t('outbox.state.conflict');
  }
}

/** The field of a conflict in the editor's words (`excerpt` is the Vorspann, `content` the text). */
export function conflictFieldName(field: string): string {
  const names: Partial<Record<string, TextKey>> = {
    title: 'field.title',
    excerpt: 'field.teaser',
    content: 'field.body',
    tags: 'field.tags',
    section: 'field.section',
  };
  const key = names[field];
  return key ? t(key) : field;
}

/** A job waits (queued or retrying) or failed: the editor may still drop it. */
export function cancellable(job: Pick<OutboxJob, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'retrying' || job.state === 'failed';
}

/** The outbox in a few quiet words for the status bar; empty when nothing waits or needs the
 * editor: "Postausgang: 2", "Offline – 2 warten", "1 Konflikt", "1 fehlgeschlagen". */
export function summaryParts(summary: OutboxSummary | null): string[] {
  if (!summary) return [];
  const parts: string[] = [];
  if (summary.waiting_for_network > 0) parts.push(tn('statusbar.offline', summary.waiting_for_network));
  else if (summary.pending > 0) parts.push(t('statusbar.outbox', { count: summary.pending }));
  if (summary.conflicts > 0) parts.push(tn('statusbar.conflicts', summary.conflicts));
  if (summary.failed > 0) parts.push(tn('statusbar.failed', summary.failed));
  return parts;
}

/** A failure in words: its kind in the UI's language, then the core's message in it too. */
export function reasonText(reason: unknown): string {
  const error = toUserError(reason);
  return `${t(`error.code.${error.code}`)}: ${errorText(error)}`;
}
