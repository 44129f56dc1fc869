// The fields of a picture the panel edits, what a selection has in common, and the patch that
// sends only what was edited.
import type { CreditFields, Image, ImagePatch, LicenseKind } from '../lib/ipc/bindings';

/** Every field the panel edits; each is a key of `ImagePatch` and of `Image`. */
export const editableFields = [
  'credit',
  'creator',
  'copyright',
  'source',
  'license',
  'expires',
  'usage_terms',
  'web_statement',
  'licensor_url',
  'headline',
  'caption',
  'alt_text',
  'date_created',
  'city',
  'country',
] as const satisfies readonly (keyof ImagePatch & keyof Image)[];

export type Field = (typeof editableFields)[number];

/** Edited fields with their new text; a field that is absent was not touched. */
export type Edits = Partial<Record<Field, string>>;

export const licenseKinds: readonly LicenseKind[] = [
  'own',
  'agency',
  'handout',
  'cc0',
  'cc-by',
  'cc-by-sa',
  'cc-by-nd',
  'cc-by-nc',
  'cc-by-nc-sa',
  'cc-by-nc-nd',
];

export function isLicenseKind(value: unknown): value is LicenseKind {
  return typeof value === 'string' && (licenseKinds as readonly string[]).includes(value);
}

/** A field's value as text ("" when the picture has none). */
export function valueOf(image: Image, field: Field): string {
  return image[field] ?? '';
}

/** What `images` say in `field`: the shared value, or `mixed` when they differ. */
export function common(images: readonly Image[], field: Field): { value: string; mixed: boolean } {
  const first = images[0];
  if (!first) return { value: '', mixed: false };
  const value = valueOf(first, field);
  const mixed = images.some((image) => valueOf(image, field) !== value);
  return { value: mixed ? '' : value, mixed };
}

/** The patch for `edits`: only edited fields, trimmed; an empty text clears the field. */
export function patchOf(edits: Edits): ImagePatch {
  const patch: ImagePatch = {};
  for (const field of editableFields) {
    const value = edits[field];
    if (value !== undefined) patch[field] = value.trim();
  }
  return patch;
}

/** True when some edit differs from what every selected picture already says. */
export function hasChanges(images: readonly Image[], edits: Edits): boolean {
  return editableFields.some((field) => {
    const value = edits[field];
    return value !== undefined && images.some((image) => valueOf(image, field) !== value.trim());
  });
}

const creditFields = ['credit', 'creator', 'source', 'copyright'] as const;

/**
 * The credit fields a picture will have with `edits` applied, for the core to make its line
 * from (`creditLines`: the library's format); `null` when no credit field is edited, so the
 * line the core made on saving (`image.credit_line`) stands.
 */
export function editedCredits(image: Image, edits: Edits): CreditFields | null {
  if (!creditFields.some((field) => edits[field] !== undefined)) return null;
  const take = (field: (typeof creditFields)[number]) => {
    const value = (edits[field] ?? image[field] ?? '').trim();
    return value === '' ? null : value;
  };
  return { credit: take('credit'), creator: take('creator'), source: take('source'), copyright: take('copyright') };
}

/** Keywords of a selection: each once (case-insensitive, first spelling), with how many have it. */
export function keywordCounts(images: readonly Image[]): { keyword: string; count: number }[] {
  const seen = new Map<string, { keyword: string; count: number }>();
  for (const image of images) {
    const mine = new Set<string>();
    for (const keyword of image.keywords) {
      const key = keyword.toLocaleLowerCase('de');
      if (mine.has(key)) continue;
      mine.add(key);
      const entry = seen.get(key);
      if (entry) entry.count += 1;
      else seen.set(key, { keyword, count: 1 });
    }
  }
  return [...seen.values()];
}

/** "2,4 MB", "830 KB": a file size for people. */
export function fileSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}
