// Exports from the window: one article to the file the editor picks in the native save
// dialog (or straight into the desk's export folder), or the list as filtered into a folder
// with progress. The Rust core writes the files; this only asks where.
import { open, save } from '@tauri-apps/plugin-dialog';
import type { ArticleFilter, ExportProgress, ExportReport } from '../lib/ipc/bindings';
import { cancelExport, exportArticle, exportSelection, exportTarget } from '../lib/ipc/commands';

/** An export format's name: what `newsdesk export --format` takes. */
export type ExportFormatName = 'html' | 'pdf' | 'md' | 'ninjs' | 'bundle';

export const exportFormats: ExportFormatName[] = ['html', 'pdf', 'md', 'ninjs', 'bundle'];

/** The extension of each format's files, for the save dialog's filter. */
const extensions: Record<ExportFormatName, string> = {
  html: 'html',
  pdf: 'pdf',
  md: 'md',
  ninjs: 'json',
  bundle: 'zip',
};

/** What the last export did, for the status line beside the menu. */
export const exportState = $state<{ busy: boolean; saved: string | null; progress: ExportProgress | null; report: ExportReport | null }>({
  busy: false,
  saved: null,
  progress: null,
  report: null,
});

function join(folder: string, name: string): string {
  return folder.endsWith('/') || folder.endsWith('\\') ? folder + name : `${folder}/${name}`;
}

/**
 * Exports article `id` as `format`; returns the file written, or null when the editor
 * cancelled the dialog. `filterName` names the format in the dialog.
 */
export async function exportOne(id: number, format: ExportFormatName, filterName: string): Promise<string | null> {
  const target = await exportTarget(id, format);
  let path: string | null;
  let replace: boolean;
  if (target.folder) {
    path = join(target.folder, target.name);
    replace = false; // no dialog asked: never replace a file unasked
  } else {
    path = await save({ defaultPath: target.name, filters: [{ name: filterName, extensions: [extensions[format]] }] });
    replace = true; // the native dialog asked before a file is replaced
  }
  if (!path) return null;
  exportState.busy = true;
  exportState.saved = null;
  exportState.report = null;
  try {
    const file = await exportArticle(id, format, path, replace);
    exportState.saved = file.path;
    return file.path;
  } finally {
    exportState.busy = false;
  }
}

/** Exports every article `filter` selects into a folder the editor picks; null when cancelled. */
export async function exportMany(filter: ArticleFilter, format: ExportFormatName): Promise<ExportReport | null> {
  const chosen = await open({ directory: true, multiple: false });
  const folder = Array.isArray(chosen) ? chosen[0] : chosen;
  if (!folder) return null;
  exportState.busy = true;
  exportState.saved = null;
  exportState.report = null;
  exportState.progress = null;
  try {
    const report = await exportSelection(filter, format, folder, (progress) => {
      exportState.progress = progress;
    });
    exportState.report = report;
    return report;
  } finally {
    exportState.busy = false;
    exportState.progress = null;
  }
}

/** Stops the running batch export before its next article (each file written is whole). */
export function cancelExportRun(): void {
  cancelExport().catch(() => undefined);
}

/** Forgets the last export (tests start clean). */
export function resetExport(): void {
  exportState.busy = false;
  exportState.saved = null;
  exportState.progress = null;
  exportState.report = null;
}
