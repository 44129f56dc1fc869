// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dashFor, quoteFor } from './typography';

describe('German typography', () => {
  it('opens quotes low and closes them high', () => {
    expect(quoteFor('')).toBe('„');
    expect(quoteFor(' ')).toBe('„');
    expect(quoteFor('(')).toBe('„');
    expect(quoteFor('t')).toBe('“');
    expect(quoteFor('.')).toBe('“');
  });

  it('makes a dash of a spaced hyphen only', () => {
    expect(dashFor(' -')).toBe(true);
    expect(dashFor('E-')).toBe(false);
  });
});

import { findSentences } from './longSentences';

describe('long sentences in the source', () => {
  it('are found by their opening words up to their full stop, markup and all', () => {
    const doc = 'Kurz. Der **sehr** lange Satz mit vielen Wörtern geht weiter. Danach.';
    const found = findSentences(doc, ['Der sehr lange Satz mit vielen Wörtern geht weiter.']);
    expect(found.map(([from, to]) => doc.slice(from, to))).toEqual(['Der **sehr** lange Satz mit vielen Wörtern geht weiter.']);
  });
});
