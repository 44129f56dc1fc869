import { isEditable } from '../lib/listnav.svelte';
import type { Route } from '../lib/router/route';

export type Shortcut =
  | 'focus-search'
  | 'back'
  | 'toggle-nav'
  | 'toggle-inspector'
  | 'new-article'
  | 'help'
  | 'settings'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset';

type Key = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>;

/**
 * The window-wide shortcut a key press means, or null:
 * `/` or Ctrl+K search, Escape leaves an article or a search, Ctrl+B navigation,
 * Ctrl+Alt+B inspector, Alt+N a new article, `?` the list of shortcuts, Ctrl+, the settings,
 * Ctrl + / Ctrl − / Ctrl 0 the zoom (in fields too, as in every desktop program). Plain keys
 * are left alone while the editor types in a field.
 */
export function shortcutFor(event: Key, route: Route): Shortcut | null {
  const command = event.ctrlKey || event.metaKey;
  const isB = event.key.toLowerCase() === 'b' || event.code === 'KeyB';
  if (command && !event.altKey && event.key.toLowerCase() === 'k') return 'focus-search';
  if (command && isB) return event.altKey ? 'toggle-inspector' : 'toggle-nav';
  if (command && !event.altKey) {
    if (event.key === '+' || event.key === '=' || event.code === 'NumpadAdd') return 'zoom-in';
    if (event.key === '-' || event.code === 'NumpadSubtract') return 'zoom-out';
    if (event.key === '0' || event.code === 'Numpad0') return 'zoom-reset';
    if (event.key === ',') return 'settings';
  }
  if (event.altKey && !command && (event.key.toLowerCase() === 'n' || event.code === 'KeyN')) return 'new-article';
  if (command || event.altKey || isEditable(event.target)) return null;
  if (event.key === '/') return 'focus-search';
  if (event.key === '?') return 'help';
  if (event.key === 'Escape' && (route.name === 'article' || route.name === 'search')) {
    return 'back';
  }
  return null;
}
