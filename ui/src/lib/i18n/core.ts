import type { UserError } from '../ipc/bindings';
import { locale } from './i18n.svelte';

/**
 * A sentence of the Rust core in the UI's language: the core sends its English sentence
 * (what the CLI prints) with the other languages beside it (`translations`, by language);
 * the window shows the one of its locale, else the English. Reading it inside a component
 * makes it follow a change of language.
 */
export function coreText(message: string, translations?: Partial<Record<string, string>> | null): string {
  return translations?.[locale()] ?? message;
}

/** An error's sentence in the UI's language. */
export function errorText(error: Pick<UserError, 'message' | 'translations'>): string {
  return coreText(error.message, error.translations);
}
