// Keyboard movement in a grid of pictures laid out in rows of `columns`.

/**
 * The cell to move to after `key`, or null when the key does not move (or the grid is empty).
 * ←/→ one cell, ↑/↓ one row, PageUp/PageDown `pageRows` rows, Home/End the first/last cell.
 */
export function nextCell(current: number, key: string, count: number, columns: number, pageRows = 1): number | null {
  if (count === 0) return null;
  const clamp = (index: number) => Math.max(0, Math.min(count - 1, index));
  const from = current < 0 || current >= count ? -1 : current;
  const step = (delta: number) => (from < 0 ? 0 : clamp(from + delta));
  switch (key) {
    case 'ArrowRight':
      return step(1);
    case 'ArrowLeft':
      return step(-1);
    case 'ArrowDown':
      return step(columns);
    case 'ArrowUp':
      return step(-columns);
    case 'PageDown':
      return step(columns * Math.max(1, pageRows));
    case 'PageUp':
      return step(-columns * Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
