#!/usr/bin/env bash
# Issue 19, 1: one long word. Time and peak memory of each command on a library holding an
# article whose body is one 832 KB compound ("Verwaltungsdigitalisierung" x 32,000), and one
# of 16 MiB (the largest article the library stores: ordinary text and long words).
# Usage: scripts/bench/refusals/long_words.sh path/to/newsdesk
set -euo pipefail
BIN=${1:?usage: $0 path/to/newsdesk}
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/lib.sqlite
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
word = "Verwaltungsdigitalisierung" * 32000
open(f"{work}/word.md", "w").write(f"---\ntitle: Riesenwort\n---\nDer Anfang.\n\n{word}\n\nDas Ende.\n")
para = "Die Landesregierung beschloss am Dienstag die Strategie zur Verwaltungsdigitalisierung. "
body = []
size = 0
i = 0
while size < 15 * 1024 * 1024:
    chunk = para * 20 + "\n\n" + ("Grundstuecksverkehr" * (i % 50 + 1)) + "\n\n"
    body.append(chunk); size += len(chunk.encode()); i += 1
open(f"{work}/huge.md", "w").write("---\ntitle: Sechzehn Megabyte\n---\n" + "".join(body))
PY
measure "import the 832 KB word"          "$BIN" --db "$db" article import "$work/word.md"
measure "import a 15 MiB article"         "$BIN" --db "$db" article import "$work/huge.md"
measure "article list"                    "$BIN" --db "$db" article list
measure "search (a word of both)"         "$BIN" --db "$db" search Anfang
measure "search the long word itself"     "$BIN" --db "$db" search Verwaltungsdigitalisierung
measure "article stats (15 MiB)"          "$BIN" --db "$db" article stats 2 --json
measure "tags suggest (15 MiB)"           "$BIN" --db "$db" tags suggest 2 --json
measure "article related (15 MiB)"        "$BIN" --db "$db" article related 2 --json
measure "db check"                        "$BIN" --db "$db" db check
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("INSERT INTO search_pending (article_id) SELECT id FROM articles"); c.commit()
PY
measure "article list with both queued"   "$BIN" --db "$db" article list
measure "search applying the queue"       "$BIN" --db "$db" search Ende
