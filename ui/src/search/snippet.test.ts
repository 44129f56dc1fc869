import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Snippet from './Snippet.svelte';
import { splitSnippet } from './snippet';

describe('splitSnippet', () => {
  it('splits marked matches from the text around them', () => {
    expect(splitSnippet('… beim zweiten [Digitalisierungskabinett] in [Thüringen] stand …')).toEqual([
      { text: '… beim zweiten ', match: false },
      { text: 'Digitalisierungskabinett', match: true },
      { text: ' in ', match: false },
      { text: 'Thüringen', match: true },
      { text: ' stand …', match: false },
    ]);
  });

  it('keeps unpaired brackets as text and drops empty pairs', () => {
    expect(splitSnippet('a [b')).toEqual([{ text: 'a [b', match: false }]);
    expect(splitSnippet('a] b')).toEqual([{ text: 'a] b', match: false }]);
    expect(splitSnippet('x [] y')).toEqual([{ text: 'x  y', match: false }]);
    expect(splitSnippet('[[Wort]]')).toEqual([
      { text: '[', match: false },
      { text: 'Wort', match: true },
      { text: ']', match: false },
    ]);
    expect(splitSnippet('')).toEqual([]);
  });
});

describe('Snippet', () => {
  it('renders matches as <mark> and hostile text as text', () => {
    const hostile = '<img src=x onerror="alert(1)"> und [<b>Thüringen</b>] <script>alert(2)</script>';
    const { container } = render(Snippet, { text: hostile });
    expect(container.querySelector('img, b, script')).toBeNull();
    const marks = container.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]?.textContent).toBe('<b>Thüringen</b>');
    expect(container.textContent).toBe(
      '<img src=x onerror="alert(1)"> und <b>Thüringen</b> <script>alert(2)</script>',
    );
  });
});
