import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEvent } from './bindings';
import { onFault, onOutbox } from './events';

afterEach(() => clearMocks());

const event: OutboxEvent = {
  job: {
    id: 1, article_id: 1, title: 'T', portal: 'P', action: 'publish', state: 'done', attempts: 1, scheduled_for: null,
    next_attempt_at: null, error: null, error_kind: null, remote_id: '9', remote_url: null, created_at: '', updated_at: '', embargo: null,
  },
  summary: { pending: 0, waiting_for_network: 0, failed: 0, conflicts: 0 },
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('onOutbox', () => {
  it('hears the outbox event until it is stopped', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const heard: OutboxEvent[] = [];
    const stop = onOutbox((e) => heard.push(e));
    await settle();
    await emit('outbox', event);
    expect(heard).toEqual([event]);
    stop();
    await settle();
    await emit('outbox', event);
    expect(heard).toHaveLength(1);
  });

  it('never calls a listener stopped before it was in place', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const heard: OutboxEvent[] = [];
    onOutbox((e) => heard.push(e))();
    await settle();
    await emit('outbox', event);
    expect(heard).toEqual([]);
  });
});

describe('onFault', () => {
  it('hears a panic the core reports', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const heard: unknown[] = [];
    const stop = onFault((f) => heard.push(f));
    await settle();
    const fault = { thread: 'outbox', message: 'boom', log: '/tmp/newsdesk.log' };
    await emit('fault', fault);
    expect(heard).toEqual([fault]);
    stop();
  });
});
