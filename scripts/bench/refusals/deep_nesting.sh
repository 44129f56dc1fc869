#!/usr/bin/env bash
# Issue 19, 2: deep nesting. Time and peak memory of each command on an article nested 100,000
# deep (raw HTML <div>s, Markdown quotes), and of `portal pull` of a post nested 10,000 and
# 100,000 deep from a small WordPress look-alike on 127.0.0.1. Before the bound: 40 s per
# export, 167 s per pull, and a stack overflow in the HTML-to-Markdown conversion.
# Usage: scripts/bench/refusals/deep_nesting.sh path/to/newsdesk
# Needs dbus and gnome-keyring (make deps): runs its own session bus and keyring.
set -euo pipefail
BIN=${1:?usage: $0 path/to/newsdesk}
. "$(dirname "$0")/lib.sh"
in_own_session_bus "$0" "$@"
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
unlock_keyring "$work"
db=$work/lib.sqlite

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
deep = "<div>" * 100_000 + "Ganz innen" + "</div>" * 100_000
quotes = ">" * 100_000 + " Zitat"
open(f"{work}/deep.md", "w").write(f"---\ntitle: Tief\n---\n{deep}\n\n{quotes}\n")
PY
measure "import (100,000 <div>, 100,000 >)"   "$BIN" --db "$db" article import "$work/deep.md"
measure "article show"                         "$BIN" --db "$db" article show 1 --json
measure "article check"                        "$BIN" --db "$db" article check 1 --json
measure "article stats"                        "$BIN" --db "$db" article stats 1 --json
for format in html pdf ninjs bundle md; do
  measure "export $format"                     "$BIN" --db "$db" export 1 --format "$format" -o "$work/export.$format"
done

python3 - "$work/port" <<'PY' &
import http.server, json, socketserver, sys
def post(n):
    kinds = ["div", "blockquote", "span"]
    html = "".join(f"<{kinds[i % 3]}>" for i in range(n)) + "<p>Ganz innen.</p>" + \
           "".join(f"</{kinds[i % 3]}>" for i in reversed(range(n)))
    return json.dumps([{"id": n, "modified_gmt": "2026-01-02T03:04:05", "status": "publish",
        "slug": f"tief-{n}", "title": {"raw": f"Tief {n}"}, "excerpt": {"raw": "Kurz."},
        "content": {"raw": html}, "tags": [], "categories": [],
        "date_gmt": "2026-01-02T03:04:05"}]).encode()
bodies = {}
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *a): pass
    def do_GET(self):
        case, _, rest = self.path.lstrip("/").partition("/")
        data = b"[]"
        if rest.startswith("wp-json/wp/v2/posts") and case.startswith("deep"):
            n = int(case[4:])
            data = bodies.setdefault(n, post(n))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-WP-TotalPages", "1")
        self.end_headers()
        self.wfile.write(data)
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
srv = Server(("127.0.0.1", 0), Handler)
open(sys.argv[1], "w").write(str(srv.server_address[1]))
srv.serve_forever()
PY
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
base=http://127.0.0.1:$(cat "$work/port")
for n in 10000 100000; do
  echo token | "$BIN" --db "$db" portal add "deep$n" --kind wordpress --url "$base/deep$n" --user ba >/dev/null
  measure "pull a post nested $n deep"        "$BIN" --db "$db" portal pull "deep$n"
  "$BIN" --db "$db" article list --json | python3 -c \
    'import json,sys; a=[x for x in json.load(sys.stdin) if x["title"]=="Tief '"$n"'"]; print("  pulled:", len(a), "article(s) titled Tief '"$n"'")'
done
