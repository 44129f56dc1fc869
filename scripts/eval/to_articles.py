#!/usr/bin/env python3
"""Turn a keyphrase set into Newsdesk articles (Markdown with front matter) plus search qrels.

    to_articles.py DIR OUTDIR

For every DIR/docsutf8/NAME.txt writes OUTDIR/NAME.md in the app's interchange format:

    ---
    title: "…"          the text's first line when it is a heading, else its first sentence
    section: "…"        only when the publisher named one (DIR/meta.json), else left out
    ---
    the rest of the text, one paragraph a block

No tags: the article must not carry the answers. Titles are made unique (" (2)", …), so an
article can be found again by its title.

Also writes OUTDIR/qrels.json, {keyword: [NAME.md, …]}: every gold keyword of DIR/keys that
at least 2 documents carry (--min-docs N) (compared ignoring case and spacing; the most common spelling is the
query), for search_eval.py: the keyword is the query, the articles carrying it the relevant ones.
"""

import argparse
import collections
import json
import re
import sys
from pathlib import Path

MIN_DOCS_PER_KEYWORD = 2
TITLE_CHARS = 80
MAX_HEADING_CHARS = 150


def cut(text, limit):
    """TEXT cut at a word boundary to about LIMIT characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    short = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return (short or text[:limit]) + "…"


def split_title(text):
    """(title, body paragraphs) of a document's text."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    # A heading: a short first line standing alone (a blank line after it) or marked with '#'.
    first = lines[0] if lines else ""
    standing_alone = len(lines) == 1 or lines[1] == ""
    if first and (first.startswith("#") or (standing_alone and len(first) <= MAX_HEADING_CHARS)):
        title = first.lstrip("#").strip()
        paragraphs = [line for line in lines[1:] if line]
        if title:
            return title, paragraphs
    paragraphs = [line for line in lines if line]
    if not paragraphs:
        return "", []
    sentence = re.split(r"(?<=[.!?])\s+", paragraphs[0], maxsplit=1)[0]
    return cut(sentence, TITLE_CHARS), paragraphs


def yaml_text(value):
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def article_markdown(title, section, paragraphs):
    front = ["---", f"title: {yaml_text(title)}"]
    if section:
        front.append(f"section: {yaml_text(section)}")
    front.append("---")
    return "\n".join(front) + "\n" + "\n\n".join(paragraphs) + "\n"


def read_keys(path):
    try:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError) as err:
        print(f"warning: {path.name}: {err}", file=sys.stderr)
        return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path, help="the set: DIR/docsutf8/NAME.txt, DIR/keys/NAME.key")
    parser.add_argument("outdir", type=Path, help="where NAME.md and qrels.json go")
    parser.add_argument("--min-docs", type=int, default=MIN_DOCS_PER_KEYWORD,
                        help="keep keywords that at least this many documents carry (default 2; "
                             "1 adds known-item queries)")
    args = parser.parse_args()
    if args.min_docs < 1:
        sys.exit("to_articles.py: --min-docs must be at least 1")

    docs_dir = args.dir / "docsutf8"
    if not docs_dir.is_dir():
        sys.exit(f"to_articles.py: {docs_dir} is not a folder")
    meta = {}
    if (args.dir / "meta.json").is_file():
        try:
            meta = json.loads((args.dir / "meta.json").read_text(encoding="utf-8"))
        except ValueError as err:
            print(f"warning: meta.json ignored: {err}", file=sys.stderr)
    args.outdir.mkdir(parents=True, exist_ok=True)

    titles_used = collections.Counter()
    carriers = collections.defaultdict(list)  # normalised keyword -> [file]
    spellings = collections.defaultdict(collections.Counter)
    written = 0
    for path in sorted(docs_dir.glob("*.txt")):
        name = path.stem
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            print(f"skip {path.name}: {err}", file=sys.stderr)
            continue
        title, paragraphs = split_title(text)
        if not title:
            print(f"skip {path.name}: no text", file=sys.stderr)
            continue
        titles_used[title.casefold()] += 1
        if titles_used[title.casefold()] > 1:
            title = f"{title} ({titles_used[title.casefold()]})"
        section = (meta.get(name) or {}).get("section", "")
        file_name = f"{name}.md"
        (args.outdir / file_name).write_text(article_markdown(title, section, paragraphs), encoding="utf-8")
        written += 1

        seen = set()
        for keyword in read_keys(args.dir / "keys" / f"{name}.key"):
            key = " ".join(keyword.casefold().split())
            if key in seen:
                continue
            seen.add(key)
            carriers[key].append(file_name)
            spellings[key][keyword] += 1

    qrels = {
        spellings[key].most_common(1)[0][0]: sorted(files)
        for key, files in sorted(carriers.items())
        if len(files) >= args.min_docs
    }
    (args.outdir / "qrels.json").write_text(json.dumps(qrels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{written} articles, {len(qrels)} keywords carried by >= {args.min_docs} of them -> {args.outdir}")


if __name__ == "__main__":
    main()
