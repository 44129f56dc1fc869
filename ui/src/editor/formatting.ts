// The toolbar's Markdown for people who do not write Markdown: each command changes the
// selection (or the word at the cursor) the way the button says.
import type { EditorView } from '@codemirror/view';

export type Format = 'bold' | 'italic' | 'heading' | 'quote' | 'list' | 'link';

/** Wraps the selection in `mark` (or removes the marks when already wrapped). */
function wrap(view: EditorView, mark: string) {
  const { from, to } = view.state.selection.main;
  const text = view.state.sliceDoc(from, to);
  const before = view.state.sliceDoc(from - mark.length, from);
  const after = view.state.sliceDoc(to, to + mark.length);
  if (before === mark && after === mark) {
    view.dispatch({ changes: [{ from: from - mark.length, to: from }, { from: to, to: to + mark.length }] });
    return;
  }
  view.dispatch({
    changes: { from, to, insert: `${mark}${text}${mark}` },
    selection: { anchor: from + mark.length, head: to + mark.length },
  });
}

/** Puts `prefix` in front of every selected line (or takes it away when all have it). */
function prefixLines(view: EditorView, prefix: string) {
  const { from, to } = view.state.selection.main;
  const first = view.state.doc.lineAt(from).number;
  const last = view.state.doc.lineAt(to).number;
  const lines = [];
  for (let n = first; n <= last; n++) lines.push(view.state.doc.line(n));
  const all = lines.every((l) => l.text.startsWith(prefix));
  view.dispatch({
    changes: lines.map((l) => (all ? { from: l.from, to: l.from + prefix.length } : { from: l.from, insert: prefix })),
  });
}

export function applyFormat(view: EditorView, format: Format): void {
  if (format === 'bold') wrap(view, '**');
  else if (format === 'italic') wrap(view, '*');
  else if (format === 'heading') prefixLines(view, '## ');
  else if (format === 'quote') prefixLines(view, '> ');
  else if (format === 'list') prefixLines(view, '- ');
  else {
    const { from, to } = view.state.selection.main;
    const text = view.state.sliceDoc(from, to) || 'Linktext';
    view.dispatch({
      changes: { from, to, insert: `[${text}](https://)` },
      selection: { anchor: from + text.length + 3, head: from + text.length + 11 },
    });
  }
  view.focus();
}
