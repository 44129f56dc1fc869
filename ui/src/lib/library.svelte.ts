import type { LibraryInfo, Status } from './ipc/bindings';
import { libraryInfo } from './ipc/commands';
import { showError } from './errors.svelte';
import { bootInfo } from './boot';
import { markFirstAnswer } from './startupMarks';

let info = $state<LibraryInfo | null>(bootInfo()); // the counts read at start, until the first answer
let version = $state(0);

/** What library_info last said; null until the first answer. */
export function library(): LibraryInfo | null {
  return info;
}

/** Grows whenever the library's content changed; lists re-read when it does. */
export function libraryVersion(): number {
  return version;
}

export function countFor(status: Status | null): number | null {
  if (!info) return null;
  if (status === null) return info.articles;
  return info.by_status.find((entry) => entry.status === status)?.count ?? 0;
}

/** Re-reads the library info. With `changed`, lists and pages showing articles reload too. */
export async function refreshLibrary(changed = false): Promise<void> {
  try {
    info = await libraryInfo();
    markFirstAnswer();
    if (changed) version += 1;
  } catch (reason) {
    showError(reason);
  }
}

/** "/home/ba/.local/share/newsdesk/library.sqlite" → "…/newsdesk/library.sqlite". */
export function shortenPath(path: string, keep = 2): string {
  const home = /^(\/home\/[^/]+|\/Users\/[^/]+|[A-Za-z]:\\Users\\[^\\]+)(?=[/\\])/;
  const withHome = path.replace(home, '~');
  const separator = withHome.includes('\\') && !withHome.includes('/') ? '\\' : '/';
  const parts = withHome.split(separator).filter(Boolean);
  if (parts.length <= keep + 1) return withHome;
  return `…${separator}${parts.slice(-keep).join(separator)}`;
}
