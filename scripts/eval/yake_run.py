#!/usr/bin/env python3
"""Run YAKE on a keyphrase set and write its ranked keyphrases, for `newsdesk tags eval` to score.

    yake_run.py DIR OUTDIR [-k 10] [--lang de|en]

Reads every DIR/docsutf8/NAME.txt and writes OUTDIR/NAME.txt (the top k keyphrases, one a
line, best first) and OUTDIR/timing.json {"documents", "seconds_total", "ms_per_document"},
timing YAKE's extraction alone (not reading or writing files).

YAKE runs with its standard settings (n=3, dedup_lim 0.9, seqm, window 1) and the set's
stop words: --lang, or the set's folder name when it starts with "de-" or "en-".
YAKE comes from PyPI into the venv /var/tmp/nd-eval-venv (ND_EVAL_VENV), which this script
creates when it is missing and then re-runs itself in. Scoring is not done here: the app's
`newsdesk tags eval DIR --predictions OUTDIR -k 5,10` scores every system with one matcher.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

VENV = Path(os.environ.get("ND_EVAL_VENV", "/var/tmp/nd-eval-venv"))
YAKE_REQUIREMENT = "yake==0.7.3"
# YAKE's standard settings (its README and paper): trigrams at most, SequenceMatcher dedup.
YAKE_SETTINGS = {"n": 3, "dedup_lim": 0.9, "dedup_func": "seqm", "window_size": 1}


def import_yake():
    """The yake module; installs it into the venv and re-runs this script there if need be."""
    try:
        import yake

        return yake
    except ImportError:
        pass
    venv_python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        sys.exit(f"yake_run.py: yake is not installed in {VENV}; try: {VENV}/bin/pip install {YAKE_REQUIREMENT}")
    if not venv_python.exists():
        print(f"yake_run.py: creating the venv {VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    has_yake = subprocess.run([str(venv_python), "-c", "import yake"], capture_output=True).returncode == 0
    if not has_yake:
        print(f"yake_run.py: installing {YAKE_REQUIREMENT} into {VENV}", file=sys.stderr)
        subprocess.run([str(venv_python), "-m", "pip", "install", "--quiet", YAKE_REQUIREMENT], check=True)
    os.execv(str(venv_python), [str(venv_python), os.path.abspath(__file__), *sys.argv[1:]])


def yake_version():
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("yake")
    except PackageNotFoundError:
        return "?"


def set_language(directory, given):
    if given:
        return given
    name = directory.resolve().name
    for lang in ("de", "en"):
        if name.startswith(lang + "-"):
            return lang
    sys.exit(f"yake_run.py: cannot tell the language of {directory}; give --lang de or --lang en")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path, help="the set: DIR/docsutf8/NAME.txt")
    parser.add_argument("outdir", type=Path, help="where NAME.txt and timing.json go")
    parser.add_argument("-k", type=int, default=10, help="keyphrases per document (default 10)")
    parser.add_argument("--lang", choices=("de", "en"), help="the set's language (default: from DIR's name)")
    args = parser.parse_args()

    docs_dir = args.dir / "docsutf8"
    if not docs_dir.is_dir():
        sys.exit(f"yake_run.py: {docs_dir} is not a folder")
    if args.k < 1:
        sys.exit("yake_run.py: -k must be at least 1")
    lang = set_language(args.dir, args.lang)
    yake = import_yake()

    extractor = yake.KeywordExtractor(lan=lang, top=args.k, **YAKE_SETTINGS)
    args.outdir.mkdir(parents=True, exist_ok=True)
    documents, seconds = 0, 0.0
    for path in sorted(docs_dir.glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            print(f"skip {path.name}: {err}", file=sys.stderr)
            continue
        start = time.perf_counter()
        keyphrases = extractor.extract_keywords(text)  # [(phrase, score)], lower score is better
        seconds += time.perf_counter() - start
        documents += 1
        lines = [phrase for phrase, _score in sorted(keyphrases, key=lambda pair: pair[1])]
        (args.outdir / path.name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    timing = {
        "documents": documents,
        "seconds_total": round(seconds, 4),
        "ms_per_document": round(1000 * seconds / documents, 2) if documents else 0.0,
    }
    (args.outdir / "timing.json").write_text(json.dumps(timing, indent=1) + "\n", encoding="utf-8")
    print(f"YAKE {yake_version()} ({lang}, k={args.k}): {documents} documents, "
          f"{timing['ms_per_document']} ms per document -> {args.outdir}")


if __name__ == "__main__":
    main()
