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

/** The `translations` of a rejection, when it has a well-formed map of them. */
function translationsOf(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * Turns whatever an IPC call rejected with into a `UserError`. The Rust shell's own errors
 * pass through with their English sentence and its translations (the window shows the one of
 * its language: `errorText` in lib/i18n/core.ts); anything else (a string, an Error, an
 * unknown code) becomes `internal`, keeping its text.
 */
export function toUserError(reason: unknown): UserError {
  if (isUserError(reason)) {
    const translations = translationsOf(reason.translations);
    return translations ? { code: reason.code, message: reason.message, translations } : { code: reason.code, message: reason.message };
  }
  if (typeof reason === 'object' && reason !== null) {
    const { message } = reason as Record<string, unknown>;
    if (typeof message === 'string' && !(reason instanceof Error)) {
      return { code: 'internal', message };
    }
  }
  return { code: 'internal', message: String(reason) };
}
