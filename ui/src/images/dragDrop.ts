// Files and folders dropped onto the window (Tauri's drag-and-drop events). Outside the app
// window (a plain browser, tests) there is no webview to listen to: nothing happens.
import { getCurrentWebview } from '@tauri-apps/api/webview';

export type DropHandlers = {
  /** Something is dragged over the window (true) or left it (false). */
  onhover: (hovering: boolean) => void;
  ondrop: (paths: string[]) => void;
};

function inWebview(): boolean {
  const internals = (globalThis as { __TAURI_INTERNALS__?: { metadata?: { currentWebview?: unknown } } })
    .__TAURI_INTERNALS__;
  return typeof window !== 'undefined' && internals?.metadata?.currentWebview !== undefined;
}

/** Listens for drops until the returned function is called (it may be called before the
 * listener is in place: it is then removed as soon as it is). */
export function listenForDrops(handlers: DropHandlers): () => void {
  if (!inWebview()) return () => {};
  let stopped = false;
  let unlisten: (() => void) | null = null;
  getCurrentWebview()
    .onDragDropEvent((event) => {
      const payload = event.payload;
      if (payload.type === 'enter' || payload.type === 'over') handlers.onhover(true);
      else if (payload.type === 'leave') handlers.onhover(false);
      else {
        handlers.onhover(false);
        if (payload.paths.length > 0) handlers.ondrop(payload.paths);
      }
    })
    .then(
      (stop) => {
        if (stopped) void stop();
        else unlisten = () => void stop();
      },
      () => {
        // no drag-and-drop in this window; the import buttons remain
      },
    );
  return () => {
    stopped = true;
    unlisten?.();
  };
}
