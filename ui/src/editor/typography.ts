// German typography as one types: "…" becomes „…“ and a spaced hyphen becomes a dash.
import { EditorView } from '@codemirror/view';

/** „ after a space, a line start or an opening bracket; “ otherwise. */
export function quoteFor(before: string): string {
  return before === '' || /[\s([{„‚–—-]/.test(before) ? '„' : '“';
}

/** " - " typed as "space hyphen space" becomes " – " (Halbgeviertstrich). */
export function dashFor(twoBefore: string): boolean {
  return twoBefore === ' -';
}

export const germanTypography = EditorView.inputHandler.of((view, from, to, text) => {
  if (text === '"') {
    const before = view.state.sliceDoc(Math.max(0, from - 1), from);
    view.dispatch({ changes: { from, to, insert: quoteFor(before) }, selection: { anchor: from + 1 }, userEvent: 'input.type' });
    return true;
  }
  if (text === ' ' && from >= 2 && dashFor(view.state.sliceDoc(from - 2, from))) {
    view.dispatch({ changes: { from: from - 1, to, insert: '– ' }, selection: { anchor: from + 1 }, userEvent: 'input.type' });
    return true;
  }
  return false;
});
