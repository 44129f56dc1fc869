// Events the Rust core sends the window. Outside the app window (a plain browser tab) there is
// nothing to listen to: the listeners are never called.
import { listen } from '@tauri-apps/api/event';
import type { OutboxEvent, Preparation } from './bindings';

function inShell(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** What the core sends with the event `fault`: a panic, already logged with its backtrace. */
export type Fault = { thread: string; message: string; log: string };

/**
 * Calls `handler` with each `name` event's payload until the returned function is called. It
 * may be called before the listener is in place: the listener is then removed as soon as it is.
 */
function onEvent<T>(name: string, handler: (payload: T) => void): () => void {
  if (!inShell()) return () => {};
  let stopped = false;
  let unlisten: (() => void) | null = null;
  listen<T>(name, (event) => {
    if (!stopped) handler(event.payload);
  }).then(
    (stop) => {
      // The window may be going away: a failed unlisten has nothing left to stop.
      const quietly = () => void Promise.resolve().then(stop).catch(() => {});
      if (stopped) quietly();
      else unlisten = quietly;
    },
    () => {
      // no events in this window: the views still load when opened
    },
  );
  return () => {
    stopped = true;
    unlisten?.();
  };
}

/** Each job the app's outbox settled (event `outbox`). */
export function onOutbox(handler: (event: OutboxEvent) => void): () => void {
  return onEvent('outbox', handler);
}

/** Each panic in the core (event `fault`). */
export function onFault(handler: (fault: Fault) => void): () => void {
  return onEvent('fault', handler);
}

/** How far the background work after opening the library has come (event `preparation`). */
export function onPreparation(handler: (state: Preparation) => void): () => void {
  return onEvent('preparation', handler);
}
