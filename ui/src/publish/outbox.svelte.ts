// How the outbox stands, for the status bar and the navigation: read at start, then taken from
// every "outbox" event the core sends, and re-read after the editor changed a job.
import type { OutboxSummary } from '../lib/ipc/bindings';
import { outboxSummary } from '../lib/ipc/commands';
import { onOutbox } from '../lib/ipc/events';

let summary = $state<OutboxSummary | null>(null);
let request = 0;

/** The last known summary; null until the first answer (or when the core could not say). */
export function outboxState(): OutboxSummary | null {
  return summary;
}

/** Re-reads the summary (after a publish, a retry, a cancel, a settled conflict). Quiet: the
 * status bar shows nothing rather than an error when the core cannot say. */
export async function refreshOutbox(): Promise<void> {
  const mine = ++request;
  try {
    const next = await outboxSummary();
    if (mine === request) summary = next;
  } catch {
    // the next event or action tries again
  }
}

/** Reads the summary and follows the "outbox" event until the returned function is called. */
export function followOutbox(): () => void {
  void refreshOutbox();
  return onOutbox((event) => {
    request += 1; // an answer still on its way is older than this event
    summary = event.summary;
  });
}

/** Forgets the summary (tests start clean). */
export function resetOutbox(): void {
  request += 1;
  summary = null;
}
