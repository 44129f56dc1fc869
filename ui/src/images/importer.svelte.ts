// Importing pictures: the paths come from the file dialog or a drop; the core reports after
// each file through a Channel; the summary stays until it is closed.
import { open } from '@tauri-apps/plugin-dialog';
import type { Image, ImageImportProgress, ImageImportReport, ImportedImage } from '../lib/ipc/bindings';
import { cancelImageImport, importImages } from '../lib/ipc/commands';
import { showError } from '../lib/errors.svelte';
import { t } from '../lib/i18n/i18n.svelte';

/** The picture files the import takes (the dialog's filter). */
export const pictureExtensions = ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff'];

type ImportState = {
  running: boolean;
  /** The core's last report while running (done of total, current file). */
  progress: ImageImportProgress | null;
  /** What the last import did, until closed. */
  report: ImageImportReport | null;
};

const state = $state<ImportState>({ running: false, progress: null, report: null });

export function importState(): Readonly<ImportState> {
  return state;
}

/** Imports `paths`; resolves with the report, or null when nothing ran (busy, failed). */
export async function runImport(paths: readonly string[]): Promise<ImageImportReport | null> {
  if (paths.length === 0 || state.running) return null;
  state.running = true;
  state.report = null;
  state.progress = { done: 0, total: 0, file: '' };
  try {
    const report = await importImages([...paths], (progress) => {
      state.progress = progress;
    });
    state.report = report;
    return report;
  } catch (reason) {
    showError(reason);
    return null;
  } finally {
    state.running = false;
    state.progress = null;
  }
}

/** Stops the running import: the pictures being read are stored whole, no other is begun. */
export function cancelRunningImport(): void {
  cancelImageImport().catch(showError);
}

/** Asks the native dialog for picture files or folders; [] when cancelled. */
export async function choosePaths(kind: 'files' | 'folder'): Promise<string[]> {
  const chosen =
    kind === 'files'
      ? await open({ multiple: true, filters: [{ name: t('images.import.filterName'), extensions: pictureExtensions }] })
      : await open({ multiple: true, directory: true });
  if (chosen === null) return [];
  return Array.isArray(chosen) ? chosen : [chosen];
}

/** The picture as the library lists it (the report adds where it came from). */
export function asImage(imported: ImportedImage): Image {
  const { path: _path, new: _new, ...image } = imported;
  return image;
}

export function dismissReport(): void {
  state.report = null;
}

/** Forgets the last summary (tests, a new window); a running import finishes by itself. */
export function resetImport(): void {
  state.report = null;
}
