// The portal the publish menu offers first: the one the editor published to last.

const LAST_PORTAL = 'newsdesk.publish.portal';

/** The portal the editor published to last (remembered across sessions). */
export function lastPortal(): string | null {
  try {
    return globalThis.localStorage?.getItem(LAST_PORTAL) ?? null;
  } catch {
    return null;
  }
}

export function rememberPortal(name: string): void {
  try {
    globalThis.localStorage?.setItem(LAST_PORTAL, name);
  } catch {
    // not remembered; the menu then offers the first portal
  }
}
