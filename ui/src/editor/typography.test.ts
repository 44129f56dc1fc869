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
