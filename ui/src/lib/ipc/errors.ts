import type { ErrorCode, UserError } from './bindings';

const codes: Record<ErrorCode, true> = {
  not_found: true,
  invalid_input: true,
  conflict: true,
  newer_library: true,
  unreachable: true,
  storage: true,
  disk_full: true,
  internal: true,
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(codes, value);
}

/** True for a `{ code, message }` as the Rust shell rejects with. */
export function isUserError(value: unknown): value is UserError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return isErrorCode(code) && typeof message === 'string';
}

/**
 * Turns whatever an IPC call rejected with into a `UserError`. The Rust shell's own errors
 * pass through unchanged (their German message is what the editor reads); anything else (a
 * string, an Error, an unknown code) becomes `internal`, keeping its text.
 */
export function toUserError(reason: unknown): UserError {
  if (isUserError(reason)) return { code: reason.code, message: reason.message };
  if (typeof reason === 'object' && reason !== null) {
    const { message } = reason as Record<string, unknown>;
    if (typeof message === 'string' && !(reason instanceof Error)) {
      return { code: 'internal', message };
    }
  }
  return { code: 'internal', message: String(reason) };
}
