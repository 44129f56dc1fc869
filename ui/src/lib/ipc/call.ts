// The only caller of invoke(). The generated wrappers (commands.generated.ts) call every
// command through `call`, so every rejection reaches the UI as a `UserError` ({ code, message }).
import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { UserError } from './bindings';
import type { CommandAnswer, CommandArgs, CommandName } from './commands.generated';
import { t } from '../i18n/i18n.svelte';
import { toUserError } from './errors';

/** True inside the Tauri window (or under mockIPC); false in a plain browser tab. */
function inShell(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** Invokes `command` with `args`; rejects with a `UserError` whatever went wrong. */
export async function call<C extends CommandName>(command: C, args: CommandArgs<C>): Promise<CommandAnswer<C>> {
  if (!inShell()) throw { code: 'internal', message: t('error.noShell') } satisfies UserError;
  try {
    return await invoke<CommandAnswer<C>>(command, args as InvokeArgs);
  } catch (reason) {
    throw toUserError(reason);
  }
}

/** A Channel that hands each message the Rust side sends to `onMessage`. */
export function channel<T>(onMessage: (message: T) => void): Channel<T> {
  const made = new Channel<T>();
  made.onmessage = onMessage;
  return made;
}
