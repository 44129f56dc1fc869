// Column widths and collapsed state of the three-column window, kept across sessions.
const STORAGE_KEY = 'newsdesk.layout';

export type Side = 'nav' | 'inspector';
type Column = { width: number; collapsed: boolean };
type Layout = Record<Side, Column>;

export const limits = { min: 160, max: 520 } as const;
const defaults: Layout = {
  nav: { width: 240, collapsed: false },
  inspector: { width: 300, collapsed: false },
};

function clamp(width: number): number {
  return Math.round(Math.min(limits.max, Math.max(limits.min, width)));
}

function load(): Layout {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (typeof saved !== 'object' || saved === null) return structuredClone(defaults);
    const read = (side: Side): Column => {
      const column = (saved as Record<string, Partial<Column> | undefined>)[side];
      const width = typeof column?.width === 'number' ? clamp(column.width) : defaults[side].width;
      return { width, collapsed: column?.collapsed === true };
    };
    return { nav: read('nav'), inspector: read('inspector') };
  } catch {
    return structuredClone(defaults);
  }
}

const layout = $state<Layout>(load());

/** Re-reads the saved layout (defaults when none is saved). */
export function restoreLayout(): void {
  Object.assign(layout, load());
}

function save(): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // the layout simply is not remembered
  }
}

export function column(side: Side): Readonly<Column> {
  return layout[side];
}

export function setWidth(side: Side, width: number): void {
  layout[side].width = clamp(width);
  save();
}

export function toggleColumn(side: Side): void {
  layout[side].collapsed = !layout[side].collapsed;
  save();
}
