/** A piece of a search snippet: plain text, or a match the search engine marked. */
export type SnippetPart = { text: string; match: boolean };

/**
 * Splits a snippet whose matches are wrapped in `[` … `]` into parts, to be rendered as text
 * nodes and <mark> elements. The snippet is plain article text: nothing in it is ever markup.
 * A bracket without a partner stays as it is; an empty pair is dropped.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  const pair = /\[([^[\]]*)\]/g;
  let from = 0;
  for (let found = pair.exec(snippet); found; found = pair.exec(snippet)) {
    push(snippet.slice(from, found.index), false);
    push(found[1] ?? '', true);
    from = found.index + found[0].length;
  }
  push(snippet.slice(from), false);
  return parts;
}
