// The theme's colours (the custom properties of app.css) against WCAG 2.1 AA, in light and in
// dark: text 4.5:1 (1.4.3), the focus ring and the selection mark 3:1 against what they sit on
// (1.4.11). jsdom computes no colours, so axe's color-contrast rule is off in a11y.test.ts;
// this is the check instead. It reads the theme from the style sheet itself: a rule that sets
// custom properties is the dark theme when its selector or media condition says "dark", else
// the light one (and the base the dark one overrides), so a theme switch by attribute
// (`[data-theme='dark']`) is read as well as `prefers-color-scheme`.
import { describe, expect, it } from 'vitest';
import css from '../app.css?raw';

type Theme = Map<string, string>;

function themes(): { light: Theme; dark: Theme } {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const light: Theme = new Map();
  const dark: Theme = new Map();
  const read = (rules: CSSRuleList, condition: string) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) read(rule.cssRules, `${condition} ${rule.conditionText}`);
      else if (rule instanceof CSSStyleRule) {
        const into = /dark/i.test(`${condition} ${rule.selectorText}`) ? dark : light;
        for (let i = 0; i < rule.style.length; i++) {
          const property = rule.style.item(i);
          if (property.startsWith('--')) into.set(property, rule.style.getPropertyValue(property).trim());
        }
      }
    }
  };
  try {
    read(style.sheet!.cssRules, '');
  } finally {
    style.remove();
  }
  return { light, dark: new Map([...light, ...dark]) };
}

/** A colour of the theme as [r, g, b] from 0 to 255: #rgb, #rrggbb or var(--other). */
function rgb(theme: Theme, name: string, seen: string[] = []): [number, number, number] {
  const value = theme.get(name);
  if (value === undefined) throw new Error(`app.css sets no ${name}`);
  const reference = /^var\((--[\w-]+)\)$/.exec(value);
  if (reference && !seen.includes(name)) return rgb(theme, reference[1]!, [...seen, name]);
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)?.[1];
  if (!hex) throw new Error(`${name}: ${value} — this test reads #rgb, #rrggbb and var(); teach it this one`);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const backgrounds = ['paper', 'chrome', 'field', 'hover', 'selected'];

/** [foreground, background] pairs that carry text, as the components use them. */
const textPairs: [string, string][] = [
  ...backgrounds.map((bg): [string, string] => ['ink', bg]), // body text, lists, fields
  ...backgrounds.map((bg): [string, string] => ['muted', bg]), // labels, bylines, status bar
  ['accent', 'paper'], ['accent', 'chrome'], ['accent', 'selected'], // links
  ['paper', 'accent'], // primary buttons, the pressed status switch
  ['kicker', 'paper'],
  ['ink', 'mark'], ['ink', 'chip'], // search hits, tag chips
  ['warning', 'paper'], ['warning', 'chrome'],
  ['error-fg', 'error-bg'],
  ['paper', 'status-withdrawn'], ['paper', 'warning'], // picture badges
  // Status badges and job states: on pages, in the inspector and status bar, in a selected row.
  ...['draft', 'ready', 'scheduled', 'published', 'updated', 'withdrawn'].flatMap((status) =>
    ['paper', 'chrome', 'selected'].map((bg): [string, string] => [`status-${status}`, bg]),
  ),
];

/** The focus ring (:focus-visible) and the selection mark are the accent on these. */
const indicatorPairs: [string, string][] = backgrounds.map((bg) => ['accent', bg]);

describe('the theme’s contrast (WCAG 2.1 AA)', () => {
  const { light, dark } = themes();

  it('has a light and a dark theme', () => {
    expect(light.get('--paper')).toBeTruthy();
    expect(dark.get('--paper'), 'app.css has no dark theme').toBeTruthy();
    expect(dark.get('--paper')).not.toBe(light.get('--paper'));
  });

  it('computes the ratio as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2); // #777 just fails
  });

  for (const [name, theme] of [['light', light], ['dark', dark]] as const) {
    it(`${name}: text is at least 4.5:1 on what it stands on`, () => {
      const failing = textPairs
        .map(([fg, bg]) => ({ pair: `--${fg} on --${bg}`, ratio: contrast(rgb(theme, `--${fg}`), rgb(theme, `--${bg}`)) }))
        .filter(({ ratio }) => ratio < 4.5)
        .map(({ pair, ratio }) => `${pair}: ${ratio.toFixed(2)}:1`);
      expect(failing).toEqual([]);
    });

    it(`${name}: the focus ring and selection mark are at least 3:1`, () => {
      const failing = indicatorPairs
        .map(([fg, bg]) => ({ pair: `--${fg} on --${bg}`, ratio: contrast(rgb(theme, `--${fg}`), rgb(theme, `--${bg}`)) }))
        .filter(({ ratio }) => ratio < 3)
        .map(({ pair, ratio }) => `${pair}: ${ratio.toFixed(2)}:1`);
      expect(failing).toEqual([]);
    });
  }

  // TODO (WCAG 1.4.11): the borders that outline text fields and buttons, --line and
  // --line-strong, are about 1.3–1.7:1 against --paper/--field in both themes, below the 3:1
  // for the boundary of a control. A darker field border is a design change of the theme the
  // settings work is reshaping; once made, add ['line-strong', 'field'] to indicatorPairs.
  it.todo('control borders (--line-strong on --field) are at least 3:1');
});
