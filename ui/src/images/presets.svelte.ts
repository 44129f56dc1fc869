// Credit presets: one click sets credit (and, where the preset says, source and license) on
// the whole selection. Built-in presets for the newsroom's usual sources; the photo desk's own
// presets are the library's setting `credit_presets` (so a backup and every window of the
// library have them). Before settings lived in the library they were in the webview's storage
// under LEGACY_PRESETS_KEY; lib/migrate.ts moves them once.
import type { LicenseKind } from '../lib/ipc/bindings';
import type { TextKey } from '../lib/i18n/messages';
import { changeSetting, setting } from '../lib/settings.svelte';
import { isLicenseKind } from './metadata';

export const LEGACY_PRESETS_KEY = 'newsdesk.images.creditPresets';

export type CreditPreset = {
  credit: string;
  source?: string;
  license?: LicenseKind;
  /** A name in the UI's language, where the credit itself is not the name. */
  label?: TextKey;
};

export const builtInPresets: readonly CreditPreset[] = [
  { credit: 'Thüringer Staatskanzlei', license: 'handout' },
  { credit: 'dpa', source: 'dpa', license: 'agency' },
  { credit: 'Eigenes Foto', license: 'own', label: 'images.preset.own' },
];

/** The presets in a stored list; entries that are not presets are left out. */
export function parsePresets(json: string): CreditPreset[] {
  try {
    const saved = JSON.parse(json) as unknown;
    if (!Array.isArray(saved)) return [];
    return saved.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { credit, source, license } = entry as Record<string, unknown>;
      if (typeof credit !== 'string' || credit.trim() === '') return [];
      const preset: CreditPreset = { credit: credit.trim() };
      if (typeof source === 'string' && source.trim()) preset.source = source.trim();
      if (isLicenseKind(license)) preset.license = license;
      return [preset];
    });
  } catch {
    return [];
  }
}

function own(): CreditPreset[] {
  return parsePresets(setting('credit_presets'));
}

function write(presets: CreditPreset[]): Promise<string> {
  return changeSetting('credit_presets', JSON.stringify(presets));
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de');

/** The editor's own presets, in the order they were added. */
export function ownPresets(): readonly CreditPreset[] {
  return own();
}

/** Adds a preset; one with the same credit is replaced. Rejects when the library refuses. */
export async function addPreset(preset: CreditPreset): Promise<void> {
  const credit = preset.credit.trim();
  if (!credit) return;
  const clean: CreditPreset = { credit };
  if (preset.source?.trim()) clean.source = preset.source.trim();
  if (preset.license) clean.license = preset.license;
  await write([...own().filter((p) => !same(p.credit, credit)), clean]);
}

export async function removePreset(credit: string): Promise<void> {
  await write(own().filter((p) => !same(p.credit, credit)));
}

/** The most used credits that no preset offers yet, at most `count`. */
export function suggestedPresets(used: readonly string[], count = 4): CreditPreset[] {
  const offered = [...builtInPresets, ...own()].map((p) => p.credit);
  return used
    .filter((credit) => credit.trim() && !offered.some((o) => same(o, credit)))
    .slice(0, count)
    .map((credit) => ({ credit }));
}
