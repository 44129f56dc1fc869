// Rebuilds assets/analysis/de-words.txt and de-surnames.txt from the npm package
// @zxcvbn-ts/language-de (MIT, (c) 2012-2016 Dan Wheeler and Dropbox, Inc., zxcvbn-ts authors).
//
//   npm pack @zxcvbn-ts/language-de@3.0.2 && tar xzf zxcvbn-ts-language-de-3.0.2.tgz
//   node crates/analysis/tools/make-word-lists.mjs package/src assets/analysis
//
// de-words.txt: the package's two frequency-ranked lists (German Wikipedia words and words of
// spoken German), merged by rank (a word in both keeps its better rank), letters only, one word
// per line, most frequent first. The analysis crate turns a line number into a frequency.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [src, out] = process.argv.slice(2);
const load = (name) => JSON.parse(readFileSync(join(src, name), "utf8"));
const letters = /^[a-zäöüß]{2,}$/;

const best = new Map();
for (const list of [load("wikipedia.json"), load("commonWords.json")]) {
  list.forEach((word, rank) => {
    if (!letters.test(word)) return;
    const had = best.get(word);
    if (had === undefined || rank < had) best.set(word, rank);
  });
}
const words = [...best.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);

const header = (what) =>
  [
    `# ${what}`,
    "# Source: npm package @zxcvbn-ts/language-de 3.0.2 (MIT License,",
    "# Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; https://github.com/zxcvbn-ts/zxcvbn).",
    "# Regenerate with crates/analysis/tools/make-word-lists.mjs. Lines starting with # are comments.",
  ].join("\n") + "\n";

writeFileSync(
  join(out, "de-words.txt"),
  header("German words by frequency, most frequent first (one per line; frequency ~ 1/rank).") + words.join("\n") + "\n",
);
const surnames = load("lastnames.json").filter((w) => letters.test(w));
writeFileSync(
  join(out, "de-surnames.txt"),
  header("Common German surnames; the compound splitter never splits these (Hartmann, Zimmermann).") +
    surnames.join("\n") + "\n",
);
console.log(`${words.length} words, ${surnames.length} surnames`);
