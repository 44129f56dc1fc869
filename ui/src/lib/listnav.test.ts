import { describe, expect, it } from 'vitest';
import { isEditable, ListNav, nextIndex } from './listnav.svelte';

describe('nextIndex', () => {
  it('moves with j/k and the arrow keys, stopping at the ends', () => {
    expect(nextIndex(-1, 'j', 3)).toBe(0);
    expect(nextIndex(0, 'j', 3)).toBe(1);
    expect(nextIndex(2, 'ArrowDown', 3)).toBe(2);
    expect(nextIndex(1, 'k', 3)).toBe(0);
    expect(nextIndex(0, 'ArrowUp', 3)).toBe(0);
    expect(nextIndex(-1, 'End', 3)).toBe(2);
    expect(nextIndex(2, 'Home', 3)).toBe(0);
  });

  it('does nothing for other keys or an empty list', () => {
    expect(nextIndex(0, 'x', 3)).toBeNull();
    expect(nextIndex(-1, 'j', 0)).toBeNull();
  });
});

describe('isEditable', () => {
  it('knows where typing happens', () => {
    expect(isEditable(document.createElement('input'))).toBe(true);
    expect(isEditable(document.createElement('textarea'))).toBe(true);
    expect(isEditable(document.createElement('select'))).toBe(true);
    expect(isEditable(document.createElement('a'))).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});

describe('ListNav', () => {
  it('says when a key moved the selection onto the last row', () => {
    let ends = 0;
    const nav = new ListNav({ container: () => undefined, count: () => 3, open: () => {}, atEnd: () => ends++ });
    const press = (key: string) => nav.onkeydown(new KeyboardEvent('keydown', { key, cancelable: true }));
    press('j');
    press('j');
    expect(ends).toBe(0);
    press('j');
    expect([nav.selected, ends]).toEqual([2, 1]);
    press('j'); // still on the last row: a failed page can be asked for again
    press('k');
    press('x');
    expect(ends).toBe(2);
    press('End');
    expect(ends).toBe(3);
  });
});
