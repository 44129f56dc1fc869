#!/usr/bin/env bash
# Issue 19, 3: templates read and run within limits. Time and peak memory of exports whose
# newsroom template loops, grows, or includes a file outside the templates folder, beside the
# built-in templates' exports. Two peaks per case: the newsdesk process itself and the second
# process the templates run in (sampled from /proc; /usr/bin/time would fold both together).
# Usage: scripts/bench/refusals/templates.sh path/to/newsdesk
set -euo pipefail
BIN=${1:?usage: $0 path/to/newsdesk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/lib.sqlite
cat >"$work/rss.py" <<'PY'
import os, subprocess, sys, time
def hwm(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
def children(pid):
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            found += [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
    except OSError:
        pass
    return found
label, argv = sys.argv[1], sys.argv[2:]
start = time.monotonic()
p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
own = child = 0
while p.poll() is None:
    own = max(own, hwm(p.pid))
    for c in children(p.pid):
        child = max(child, hwm(c))
    time.sleep(0.005)
took = time.monotonic() - start
err = p.stderr.read().decode(errors="replace").strip().replace("\n", " ")
outcome = "ok" if p.returncode == 0 else "refused: " + err[:170]
print(f"{label:<44} {took:6.2f} s  newsdesk {own:>8} KiB  templates {child:>8} KiB  {outcome}")
PY
measure() { python3 "$work/rss.py" "$@"; }
"$BIN" --db "$db" article import "$(dirname "$0")/../../../assets/demo-articles" >/dev/null
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
para = "Die Landesregierung beschloss am Dienstag die Strategie zur Verwaltungsdigitalisierung. " * 12
body = "\n\n".join([para] * (1024 * 1024 // len(para)))
open(f"{work}/mib.md", "w").write(f"---\ntitle: Ein Megabyte\n---\n{body}\n")
PY
"$BIN" --db "$db" article import "$work/mib.md" >/dev/null
seed=$("$BIN" --db "$db" article list --json | python3 -c \
  'import json,sys; print(next(a["id"] for a in json.load(sys.stdin) if a["title"] == "Zweites Digitalisierungskabinett"))')
big=$("$BIN" --db "$db" article list --json | python3 -c \
  'import json,sys; print(next(a["id"] for a in json.load(sys.stdin) if a["title"] == "Ein Megabyte"))')
tpl=$work/templates
mkdir -p "$tpl"
export NEWSDESK_TEMPLATES=$tpl
out() { echo "$work/out.$1"; }

measure "html, built-in template"                 "$BIN" --db "$db" export "$seed" --force -o "$(out html)"
measure "pdf, built-in template"                  "$BIN" --db "$db" export "$seed" --force -o "$(out pdf)"
measure "pdf, built-in, 1 MiB article"            "$BIN" --db "$db" export "$big" --force -o "$(out pdf)"

printf '#let article(..args, body) = {\n  for i in range(100000) { for j in range(100000) { } }\n  body\n}\n' >"$tpl/article.typ"
NEWSDESK_TEMPLATE_SECONDS=${LOOP_SECONDS:-10} \
measure "pdf, template loops (budget ${LOOP_SECONDS:-10} s)" "$BIN" --db "$db" export "$seed" --force -o "$(out pdf)"
measure "pdf, template loops (default budget)"    "$BIN" --db "$db" export "$seed" --force -o "$(out pdf)"
printf '#let article(..args, body) = {\n  let a = range(200000000)\n  body\n}\n' >"$tpl/article.typ"
measure "pdf, template grows an array"            "$BIN" --db "$db" export "$seed" --force -o "$(out pdf)"
printf '#let article(..args, body) = {\n  let s = "x"\n  for i in range(40) { s = s + s }\n  body\n}\n' >"$tpl/article.typ"
measure "pdf, template doubles a string"          "$BIN" --db "$db" export "$seed" --force -o "$(out pdf)"
rm "$tpl/article.typ"

printf '{%% for i in range(100000) %%}{%% for j in range(100000) %%}{%% endfor %%}{%% endfor %%}' >"$tpl/article.html"
measure "html, template loops"                    "$BIN" --db "$db" export "$seed" --force -o "$(out html)"
printf '{%% set ns = namespace(s="x" * 100000000) %%}{%% for i in range(8) %%}{%% set ns.s = ns.s ~ ns.s %%}{%% endfor %%}{{ ns.s|length }}' >"$tpl/article.html"
measure "html, template doubles a string"         "$BIN" --db "$db" export "$seed" --force -o "$(out html)"
printf '{%% include "/etc/passwd" %%}' >"$tpl/article.html"
measure "html, template includes /etc/passwd"     "$BIN" --db "$db" export "$seed" --force -o "$(out html)"
printf '{%% include "../../../etc/passwd" %%}' >"$tpl/article.html"
measure "html, template includes ../../../etc/passwd" "$BIN" --db "$db" export "$seed" --force -o "$(out html)"
ln -s /etc/passwd "$tpl/link.html"
printf '{%% include "link.html" %%}' >"$tpl/article.html"
measure "html, template includes a link out"      "$BIN" --db "$db" export "$seed" --force -o "$(out html)"
measure "bundle, template includes a link out"    "$BIN" --db "$db" export "$seed" --force -o "$(out zip)"
