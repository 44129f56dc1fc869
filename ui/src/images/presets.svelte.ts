// Credit presets: one click sets credit (and, where the preset says, source and license) on
// the whole selection. Built-in presets for the newsroom's usual sources; the editor's own
// presets are kept in localStorage.
import type { LicenseKind } from '../lib/ipc/bindings';
import type { TextKey } from '../lib/i18n/messages';
import { isLicenseKind } from './metadata';

export const PRESETS_KEY = 'newsdesk.images.creditPresets';

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

function read(): CreditPreset[] {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(PRESETS_KEY) ?? '[]') as unknown;
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

let own = $state<CreditPreset[]>(read());

function write(): void {
  try {
    globalThis.localStorage?.setItem(PRESETS_KEY, JSON.stringify(own));
  } catch {
    // the preset works for this session
  }
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de');

/** The editor's own presets, in the order they were added. */
export function ownPresets(): readonly CreditPreset[] {
  return own;
}

/** Adds a preset; one with the same credit is replaced. */
export function addPreset(preset: CreditPreset): void {
  const credit = preset.credit.trim();
  if (!credit) return;
  const clean: CreditPreset = { credit };
  if (preset.source?.trim()) clean.source = preset.source.trim();
  if (preset.license) clean.license = preset.license;
  own = [...own.filter((p) => !same(p.credit, credit)), clean];
  write();
}

export function removePreset(credit: string): void {
  own = own.filter((p) => !same(p.credit, credit));
  write();
}

/** The most used credits that no preset offers yet, at most `count`. */
export function suggestedPresets(used: readonly string[], count = 4): CreditPreset[] {
  const offered = [...builtInPresets, ...own].map((p) => p.credit);
  return used
    .filter((credit) => credit.trim() && !offered.some((o) => same(o, credit)))
    .slice(0, count)
    .map((credit) => ({ credit }));
}

/** Re-reads the saved presets (tests, start-up). */
export function reloadCreditPresets(): void {
  own = read();
}
