// The label under a picture, as the portal prints it: "Bildquelle: Thüringer Staatskanzlei".
// The one place the UI builds it. The credit line inside it (which of credit, creator, source,
// in the library's format) is the Rust core's `Image.credit_line`; only images/metadata.ts
// (`creditPreview`, while credit fields are edited) and the test fixtures stand in for it.
import { t } from './i18n/i18n.svelte';

/** "Bildquelle: {credit}" in the UI's language. */
export function creditLabel(credit: string): string {
  return t('credit.label', { credit });
}
