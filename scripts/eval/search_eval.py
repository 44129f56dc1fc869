#!/usr/bin/env python3
"""MAP@10 of Newsdesk's search beside plain SQLite FTS5 bm25, on the same articles and queries.

    search_eval.py ARTICLES_DIR [--json] [--per-query]

ARTICLES_DIR is what to_articles.py wrote: NAME.md articles and qrels.json, {keyword: [NAME.md
carrying it]}. Every keyword is one query; the articles carrying it are the relevant ones.

(a) Newsdesk: imports the articles into a new library in a temporary folder with
    `$NEWSDESK_BIN --db LIB article import ARTICLES_DIR --json` (ids mapped back to files from
    the import report, or by title from `article list --json`), then runs
    `$NEWSDESK_BIN --db LIB search --limit 10 --json -- KEYWORD` for every keyword.
    NEWSDESK_BIN defaults to ${CARGO_TARGET_DIR:-/var/tmp/newsdesk-target}/release/newsdesk.
(b) FTS5: the same articles in an in-memory SQLite table
    fts5(title, body, tokenize='unicode61 remove_diacritics 2'), the keyword's words ANDed,
    ORDER BY bm25 LIMIT 10.

AP@10 of a query = (sum of precision@i over the ranks i <= 10 that hold a relevant article)
/ min(relevant articles, 10); MAP@10 is its mean over the queries. Prints both, and their ratio.

Also the *word ceiling*: the MAP@10 of a system that puts first every relevant article whose
text holds each of the query's words (case-folded, as a substring) and finds no other. Publisher
keywords are often not in the text at all (site-wide or SEO keywords). A search that needs every
word of the query as written (FTS5 here) cannot score above the ceiling however it ranks; only
stems, compound parts and articles holding some of the words reach beyond it ("Währungen" in
"Währungspaare"), and only as far as the text supports them.
"""

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

CUTOFF = 10


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR", "/var/tmp/newsdesk-target")
    return os.environ.get("NEWSDESK_BIN", str(Path(target) / "release" / "newsdesk"))


def read_article(path):
    """(title, body) of one of to_articles.py's files: front matter between '---' lines."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ValueError("front matter is not closed") from None
    title = ""
    for line in lines[1:end]:
        if line.startswith("title:"):
            value = line[len("title:"):].strip()
            title = json.loads(value) if value.startswith('"') else value
    return title, "\n".join(lines[end + 1:])


def fold(text):
    return unicodedata.normalize("NFKC", text).casefold()


def word_ceiling(articles, qrels):
    """MAP@10 when exactly the relevant articles holding every word of the query rank first."""
    texts = {name: fold(title + "\n" + body) for name, (title, body) in articles.items()}
    total = 0.0
    for query, relevant in qrels.items():
        words = re.findall(r"\w+", fold(query))
        holding = [name for name in relevant if words and all(w in texts[name] for w in words)]
        total += min(len(holding), CUTOFF) / min(len(relevant), CUTOFF)
    return total / len(qrels)


def average_precision(ranked, relevant):
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked[:CUTOFF], start=1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), CUTOFF) if relevant else 0.0


# --- (a) Newsdesk ------------------------------------------------------------------------------

def run(binary, db, *args, check=True):
    """stdout of one newsdesk command; exits with its message when it fails (if CHECK)."""
    result = subprocess.run([binary, "--db", str(db), *args], capture_output=True, text=True)
    if result.returncode != 0 and (check or not result.stdout.strip()):
        sys.exit(f"search_eval.py: newsdesk {' '.join(args[:2])} failed: {result.stderr.strip()}")
    return result.stdout


def newsdesk_ids(binary, db, articles_dir, titles):
    """{article id: file name} of the imported articles."""
    # The import fails as a whole when one file is refused, but reports the others as stored.
    report = json.loads(run(binary, db, "article", "import", "--json", str(articles_dir), check=False))
    ids = {}
    for item in report.get("imported", []):
        name = Path(item.get("file", "")).name
        if name in titles:
            ids[item["id"]] = name
    for failure in report.get("failed", []):
        print(f"warning: not imported: {failure.get('file')}: {failure.get('message')}", file=sys.stderr)
    if len(ids) < len(report.get("imported", [])):
        # The report named the files differently: map back by title, which to_articles.py keeps unique.
        by_title = {title: name for name, title in titles.items()}
        listed = json.loads(run(binary, db, "article", "list", "--json", "--limit", "1000000"))
        ids = {a["id"]: by_title[a["title"]] for a in listed if a.get("title") in by_title}
    return ids


def newsdesk_rankings(binary, articles_dir, titles, queries):
    with tempfile.TemporaryDirectory(prefix="nd-search-eval-") as tmp:
        db = Path(tmp) / "library.sqlite"
        ids = newsdesk_ids(binary, db, articles_dir, titles)
        print(f"newsdesk: {len(ids)} articles imported", file=sys.stderr)
        rankings = {}
        for query in queries:
            hits = json.loads(run(binary, db, "search", "--limit", str(CUTOFF), "--json", "--", query))
            rankings[query] = [ids.get(hit["id"], f"id {hit['id']}") for hit in hits]
        return rankings


# --- (b) FTS5 bm25 ---------------------------------------------------------------------------

def fts5_query(keyword):
    """The keyword's words ANDed, each quoted so FTS5 reads no operators in it."""
    words = [w for w in keyword.split() if re.search(r"\w", w)]
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def fts5_rankings(articles, queries):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(name UNINDEXED, title, body, "
               "tokenize='unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO docs (name, title, body) VALUES (?, ?, ?)",
                   [(name, title, body) for name, (title, body) in articles.items()])
    rankings = {}
    for query in queries:
        match = fts5_query(query)
        if not match:
            rankings[query] = []
            continue
        rows = db.execute("SELECT name FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                          (match, CUTOFF)).fetchall()
        rankings[query] = [name for (name,) in rows]
    return rankings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles_dir", type=Path, help="NAME.md articles and qrels.json (to_articles.py)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--per-query", action="store_true", help="also give AP@10 of every query")
    parser.add_argument("--bm25-only", action="store_true", help="skip Newsdesk (no binary needed)")
    args = parser.parse_args()

    try:
        qrels = json.loads((args.articles_dir / "qrels.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        sys.exit(f"search_eval.py: cannot read {args.articles_dir / 'qrels.json'}: {err}")
    articles = {}
    for path in sorted(args.articles_dir.glob("*.md")):
        try:
            articles[path.name] = read_article(path)
        except (OSError, UnicodeDecodeError, ValueError) as err:
            print(f"skip {path.name}: {err}", file=sys.stderr)
    qrels = {q: set(files) & set(articles) for q, files in qrels.items()}
    qrels = {q: files for q, files in qrels.items() if files}
    if not qrels:
        sys.exit("search_eval.py: no query has a relevant article")
    queries = sorted(qrels)

    systems = {"bm25": fts5_rankings(articles, queries)}
    if not args.bm25_only:
        binary = default_binary()
        if not os.access(binary, os.X_OK):
            sys.exit(f"search_eval.py: no newsdesk binary at {binary}; set NEWSDESK_BIN, build it "
                     "(cargo build --release --bin newsdesk) or pass --bm25-only")
        titles = {name: title for name, (title, _body) in articles.items()}
        systems["newsdesk"] = newsdesk_rankings(binary, args.articles_dir, titles, queries)

    ap = {system: {q: average_precision(ranked[q], qrels[q]) for q in queries}
          for system, ranked in systems.items()}
    result = {"documents": len(articles), "queries": len(queries),
              "word_ceiling_map10": round(word_ceiling(articles, qrels), 4)}
    for system in ("newsdesk", "bm25"):
        if system in ap:
            result[f"{system}_map10"] = round(sum(ap[system].values()) / len(queries), 4)
    if "newsdesk_map10" in result:
        bm25 = result["bm25_map10"]
        result["ratio"] = round(result["newsdesk_map10"] / bm25, 3) if bm25 else None
    if args.per_query:
        result["per_query"] = {
            q: {"relevant": len(qrels[q]), **{f"{s}_ap10": round(ap[s][q], 4) for s in ap}}
            for q in queries
        }

    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"{result['documents']} articles, {result['queries']} queries")
    if "newsdesk_map10" in result:
        print(f"MAP@10 newsdesk   {result['newsdesk_map10']:.4f}")
    print(f"MAP@10 FTS5 bm25  {result['bm25_map10']:.4f}")
    ceiling, bm25 = result["word_ceiling_map10"], result["bm25_map10"]
    over_bm25 = f"; ceiling / bm25 {ceiling / bm25:.3f}" if bm25 else ""
    print(f"word ceiling      {ceiling:.4f}  (every word as written, ranked perfectly{over_bm25})")
    if result.get("ratio") is not None:
        print(f"ratio newsdesk / bm25  {result['ratio']:.3f}")
    if args.per_query:
        for q, row in result["per_query"].items():
            scores = "  ".join(f"{k} {v:.3f}" for k, v in row.items() if k != "relevant")
            print(f"  {q!r} ({row['relevant']} relevant): {scores}")


if __name__ == "__main__":
    main()
