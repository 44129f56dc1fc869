// Credits used before in the library, most used first: completion in credit fields and the
// "most used" presets.
import { creditValues } from '../lib/ipc/commands';

let values = $state<string[]>([]);

export function usedCredits(): string[] {
  return values;
}

/** Re-reads the credits (after a save or an import); keeps the old list when that fails. */
export async function refreshCredits(): Promise<void> {
  try {
    values = await creditValues();
  } catch {
    // completion is a convenience: without it the fields still work
  }
}
