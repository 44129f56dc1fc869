#!/usr/bin/env bash
# Issue 19, 6: portal answers. Time and peak memory of `portal pull` / `portal test` against a
# small server on 127.0.0.1 answering what no real portal gives on request: a 63 MiB answer
# (its bulk in a field no adapter reads, or 5 million tags), an answer of 65 MiB (announced or
# not), a WordPress tag list that never ends, a redirect to another address.
# Usage: scripts/bench/refusals/portals.sh path/to/newsdesk
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

python3 - "$work/port" <<'PY' &
import http.server, socketserver, sys, threading, json
MIB = 1024 * 1024
cache = {}
def padded(head, size):
    pad = b'0,' * ((size - len(head) - 16) // 2)
    return head + b',"padding":[' + pad + b'0]}'
def body(name):
    if name not in cache:
        if name == "vocab-padded":
            cache[name] = padded(b'{"tags":["Landtag","Kreistag"],"sections":["Politik"]', 63 * MIB)
        elif name == "vocab-tags":
            parts, size, n = [], 0, 0
            while size < 63 * MIB:
                t = b'"Tag %d",' % n; parts.append(t); size += len(t); n += 1
            cache[name] = b'{"sections":["Politik"],"tags":[' + b''.join(parts) + b'"Ende"]}'
        elif name == "wp-page":
            head = (b'[{"id":7,"modified_gmt":"2026-01-02T03:04:05","status":"publish","slug":"gross",'
                    b'"title":{"raw":"Th\\u00fcringen: Gro\\u00dfe Antwort"},"excerpt":{"raw":"Kurz."},'
                    b'"content":{"raw":"<p>Text.</p>"},"tags":[],"categories":[],'
                    b'"date_gmt":"2026-01-02T03:04:05"')
            cache[name] = padded(head, 63 * MIB) + b']'
        elif name == "huge":
            cache[name] = b' ' * (65 * MIB)
        elif name == "tags-page":
            cache[name] = json.dumps([{"name": f"Endlos {n}"} for n in range(100)]).encode()
    return cache[name]
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *a): pass
    def send(self, data, headers=(), status=200, length=True):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if length: self.send_header("Content-Length", str(len(data)))
        for k, v in headers: self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what a refusal does
    def do_GET(self):
        case, _, rest = self.path.lstrip("/").partition("/")
        rest = "/" + rest
        if case == "moved":
            return self.send(b"", [("Location", "http://127.0.0.2:9" + self.path)], status=307)
        if rest.startswith("/items"):
            return self.send(b'{"items":[],"next":null}')
        if rest.startswith("/vocabulary"):
            name = {"padded": "vocab-padded", "tags": "vocab-tags"}.get(case, "huge")
            return self.send(body(name), length=case != "unannounced")
        if rest.startswith("/wp-json/wp/v2/posts") and case == "wppage":
            return self.send(body("wp-page"), [("X-WP-TotalPages", "1")])
        if rest.startswith("/wp-json/wp/v2/tags") and case == "endless":
            return self.send(body("tags-page"), [("X-WP-TotalPages", "1000000")])
        if rest.startswith("/wp-json"):
            return self.send(b"[]", [("X-WP-TotalPages", "1")])
        self.send(b'{"name":"Bench","ninjs":"2.1"}')
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
srv = Server(("127.0.0.1", 0), Handler)
open(sys.argv[1], "w").write(str(srv.server_address[1]))
srv.serve_forever()
PY
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
base=http://127.0.0.1:$(cat "$work/port")

add() { # name kind url
  echo token | "$BIN" --db "$db" portal add "$1" --kind "$2" --url "$3" --user ba >/dev/null
}
add padded ninjs "$base/padded"
add tags ninjs "$base/tags"
add wppage wordpress "$base/wppage"
add announced ninjs "$base/announced"
add unannounced ninjs "$base/unannounced"
add endless wordpress "$base/endless"
add moved wordpress "$base/moved"

measure "pull: 63 MiB vocabulary, bulk unread"   "$BIN" --db "$db" portal pull padded
measure "pull: 63 MiB vocabulary of 5.3 M tags"  "$BIN" --db "$db" portal pull tags
measure "pull: 63 MiB WordPress page of posts"   "$BIN" --db "$db" portal pull wppage
measure "pull: 65 MiB answer, length announced"  "$BIN" --db "$db" portal pull announced
measure "pull: 65 MiB answer, length not said"   "$BIN" --db "$db" portal pull unannounced
measure "pull: WordPress tags that never end"    "$BIN" --db "$db" portal pull endless
measure "test: redirect to another address"      "$BIN" --db "$db" portal test moved
