import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../lib/i18n/i18n.svelte';
import { job } from '../test/publishing';
import { fromLocalInput, suggestedTime, toLocalInput, toRfc3339 } from './schedule';
import { cancellable, stateText, summaryParts, toneOf } from './words';

afterEach(() => setLocale('de'));

describe('planned times', () => {
  it('reads the datetime-local value as local time and writes RFC 3339 with the local offset', () => {
    const at = fromLocalInput('2026-12-01T14:30')!;
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual([2026, 11, 1, 14, 30]);
    const text = toRfc3339(at);
    expect(text).toMatch(/^2026-12-01T14:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(text).getTime()).toBe(at.getTime());
    expect(toLocalInput(at)).toBe('2026-12-01T14:30');
  });

  it('refuses what is no time', () => {
    for (const value of ['', '2026-12-01', '14:30', 'morgen', '2026-13-01T10:00', '2026-02-30T10:00', '2026-12-01T24:10']) expect(fromLocalInput(value), value).toBeNull();
  });

  it('suggests the next quarter hour at least an hour ahead', () => {
    const now = new Date(2026, 11, 1, 9, 7, 42);
    expect(toLocalInput(suggestedTime(now))).toBe('2026-12-01T10:15');
    expect(toLocalInput(suggestedTime(new Date(2026, 11, 1, 23, 50)))).toBe('2026-12-02T01:00');
  });
});

describe('a job in words', () => {
  it('names each state, and a job dropped by the core is not "sent"', () => {
    expect(stateText(job({ id: 1, state: 'queued' }))).toBe('Wartet');
    expect(stateText(job({ id: 1, state: 'sending' }))).toBe('Wird gesendet');
    expect(stateText(job({ id: 1, state: 'retrying' }))).toBe('Erneuter Versuch gleich — Portal nicht erreichbar');
    expect(stateText(job({ id: 1, state: 'done' }))).toBe('Gesendet');
    expect(stateText(job({ id: 1, state: 'cancelled', error: 'replaced by a newer request' }))).toBe('Nicht gesendet');
    expect(toneOf(job({ id: 1, state: 'cancelled', error: 'cancelled by the editor' }))).toBe('dropped');
    expect(stateText(job({ id: 1, state: 'failed' }))).toBe('Fehlgeschlagen');
    expect(stateText(job({ id: 1, state: 'conflict' }))).toBe('Konflikt');
  });

  it('says in the editor what happened to the article', () => {
    expect(stateText(job({ id: 1, state: 'done' }), 'editor')).toBe('Veröffentlicht');
    expect(stateText(job({ id: 1, state: 'done', action: 'withdraw' }), 'editor')).toBe('Zurückgezogen');
    expect(stateText(job({ id: 1, state: 'done', action: 'schedule', scheduled_for: '2026-12-01T13:30:00Z' }), 'editor')).toMatch(/^Geplant für 01\.12\.2026, \d{2}:30$/);
    setLocale('en');
    expect(stateText(job({ id: 1, state: 'done' }), 'editor')).toBe('Published');
  });

  it('lets only jobs that wait or failed be dropped', () => {
    const states = ['queued', 'sending', 'retrying', 'done', 'failed', 'conflict'] as const;
    expect(states.filter((state) => cancellable({ state }))).toEqual(['queued', 'retrying', 'failed']);
  });
});

describe('the outbox summary in words', () => {
  const quiet = { pending: 0, waiting_for_network: 0, failed: 0, conflicts: 0 };
  it('is silent when nothing waits', () => {
    expect(summaryParts(null)).toEqual([]);
    expect(summaryParts(quiet)).toEqual([]);
  });

  it('counts what waits, what waits for the network, conflicts and failures', () => {
    expect(summaryParts({ ...quiet, pending: 2 })).toEqual(['Postausgang: 2']);
    expect(summaryParts({ ...quiet, pending: 2, waiting_for_network: 2 })).toEqual(['Offline – 2 warten']);
    expect(summaryParts({ ...quiet, conflicts: 1 })).toEqual(['1 Konflikt']);
    expect(summaryParts({ pending: 1, waiting_for_network: 0, failed: 2, conflicts: 3 })).toEqual(['Postausgang: 1', '3 Konflikte', '2 fehlgeschlagen']);
  });
});
