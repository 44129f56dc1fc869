import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/svelte';

// The test machine may be busy compiling Rust: give async UI updates room before failing
// (the first editor of a run loads CodeMirror's chunk: over 3 s on two busy cores).
configure({ asyncUtilTimeout: 8000 });

// jsdom lays nothing out; CodeMirror measures text ranges. Empty rectangles stand in.
const noRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
const noRect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect;
if (typeof Range !== 'undefined') {
  Range.prototype.getClientRects = noRects;
  Range.prototype.getBoundingClientRect = noRect;
}
