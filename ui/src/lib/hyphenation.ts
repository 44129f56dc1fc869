// WebKitGTK loads a language's hyphenation patterns the first time a text in that language is
// laid out with `hyphens: auto` — for German (/usr/share/hyphen/hyph_de_DE.dic, 1 MB) that
// takes 1.7 s on the web process's main thread, which the first opened article would wait for
// (measured: tests/benches/open_article.rs, BENCHMARKS.md). This lays out one hidden German
// word with `hyphens: auto` while the window is idle after start-up, so that the patterns are
// loaded before an editor asks for them.

/** After the list is painted, how long the window is left alone before the warm-up. */
export const WARM_UP_AFTER_MS = 1500;

/** Lays out one hyphenated word in `language` (a class of app.css gives it its style). */
export function warmHyphenation(language = 'de'): void {
  const word = document.createElement('div');
  word.className = 'hyphenation-warm-up';
  word.lang = language;
  word.setAttribute('aria-hidden', 'true');
  word.textContent = 'Silbentrennungswörterbuch';
  document.body.appendChild(word);
  void word.offsetHeight; // the layout that loads the patterns
  word.remove();
}

/** Warms German hyphenation WARM_UP_AFTER_MS after now, when the window is idle. */
export function warmHyphenationWhenIdle(): void {
  setTimeout(() => {
    const idle = (window as { requestIdleCallback?: (run: () => void) => void }).requestIdleCallback;
    if (idle) idle(() => warmHyphenation());
    else warmHyphenation();
  }, WARM_UP_AFTER_MS);
}
