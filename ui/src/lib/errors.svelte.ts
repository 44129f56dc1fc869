import type { UserError } from './ipc/bindings';
import { toUserError } from './ipc/commands';

let current = $state<UserError | null>(null);

/** The error the banner shows, or null. */
export function currentError(): UserError | null {
  return current;
}

/** Shows an error in the non-modal banner; the newest one replaces the previous. */
export function showError(reason: unknown): void {
  current = toUserError(reason);
}

export function dismissError(): void {
  current = null;
}
