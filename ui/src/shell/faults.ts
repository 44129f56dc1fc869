// Failures nobody asked for: a panic in the core (event `fault`, already logged with its
// backtrace) is said in the editor's language with what to do; an error in the window's own
// script goes into the log for support.
import { onFault } from '../lib/ipc/events';
import { logWindowError } from '../lib/ipc/commands';
import { showError } from '../lib/errors.svelte';
import { t } from '../lib/i18n/i18n.svelte';

/** Follows faults until the returned function is called. */
export function followFaults(): () => void {
  const toLog = (message: string) => void logWindowError(message.slice(0, 2000)).catch(() => undefined);
  const onError = (event: ErrorEvent) => toLog(`${event.message} (${event.filename}:${event.lineno})`);
  const onRejection = (event: PromiseRejectionEvent) => toLog(`unhandled: ${String(event.reason?.message ?? event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const stop = onFault((fault) =>
    showError({ code: 'internal', message: t('fault.message', { thread: fault.thread, log: fault.log }) }),
  );
  return () => {
    stop();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
