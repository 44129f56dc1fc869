// Long sentences marked in the Markdown source. The core finds them in the plain text; here
// each is found again in the source by its opening words and marked to its full stop.
import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export const setLongSentences = StateEffect.define<string[]>();

const mark = Decoration.mark({ class: 'cm-long-sentence', attributes: { title: 'Langer Satz' } });

/** Where each sentence stands in `doc`: from its first words to the next end of sentence. */
export function findSentences(doc: string, sentences: string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const sentence of sentences) {
    const words = sentence.split(/\s+/).filter(Boolean).slice(0, 4);
    if (words.join(' ').length < 8) continue;
    // Between the words the source may hold markup: **bold**, _italic_, [links](…).
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const opening = new RegExp(escaped.join('[\\s*_~`\\[\\]]+'));
    const match = opening.exec(doc);
    if (!match) continue;
    const from = match.index;
    const after = from + match[0].length;
    const end = doc.slice(after).search(/[.!?](\s|$)/);
    found.push([from, end < 0 ? doc.length : after + end + 1]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

export const longSentenceField = StateField.define<{ sentences: string[]; marks: DecorationSet }>({
  create: () => ({ sentences: [], marks: Decoration.none }),
  update(value, tr) {
    let sentences = value.sentences;
    for (const effect of tr.effects) if (effect.is(setLongSentences)) sentences = effect.value;
    if (sentences === value.sentences && !tr.docChanged) return value;
    const ranges: Range<Decoration>[] = findSentences(tr.state.doc.toString(), sentences).map(([from, to]) =>
      mark.range(from, to),
    );
    return { sentences, marks: Decoration.set(ranges, true) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.marks),
});
