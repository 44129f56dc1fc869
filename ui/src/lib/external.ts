// Links from an article open in the user's browser (Tauri's opener plugin), never in the app
// window. Only web, mail and phone links: anything else (javascript:, file:, relative paths)
// stays text — the capability's scope refuses them too.
import { openUrl } from '@tauri-apps/plugin-opener';

const EXTERNAL = /^(https?:\/\/|mailto:|tel:)/i;

export function isExternal(url: string | null | undefined): url is string {
  return !!url && EXTERNAL.test(url.trim());
}

/** Opens `url` in the browser; false when it is not a link that may leave the app. */
export async function openExternal(url: string | null | undefined): Promise<boolean> {
  if (!isExternal(url)) return false;
  await openUrl(url.trim());
  return true;
}
