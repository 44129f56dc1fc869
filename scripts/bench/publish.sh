#!/usr/bin/env bash
# Publishing timings against a real WordPress on 127.0.0.1 (scripts/portals/wordpress.sh):
# N articles, each with its own credited camera-sized photo, published one by one with
# `newsdesk publish` (upload + post), then each updated (unchanged photo: not sent again),
# then N queued while "offline" (a dead port) and the outbox drained once the portal is back.
#   scripts/bench/publish.sh [N]      (release CLI: cargo build --release --bin newsdesk)
# Prints p50/p95 in ms. Needs gnome-keyring and dbus (make deps), runs its own session bus.
set -euo pipefail
N=${1:-20}
here=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-/var/tmp/newsdesk-target}
ND=${NEWSDESK_BIN:-$target/release/newsdesk}
[ -x "$ND" ] || { echo "build the CLI first: cargo build --release --bin newsdesk" >&2; exit 1; }
if [ -z "${NEWSDESK_BENCH_INNER:-}" ]; then
  exec env NEWSDESK_BENCH_INNER=1 dbus-run-session -- "$0" "$@"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export HOME=$work/home; mkdir -p "$HOME"
printf 'bench' | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
wp_dir=$target/portal-tests/wordpress-bench
J=$("$here/scripts/portals/wordpress.sh" start "$wp_dir" 2>/dev/null)
url=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["url"])' "$J")
pw=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["app_password"])' "$J")
db=$work/lib.sqlite
echo "$pw" | "$ND" --db "$db" portal add wp --kind wordpress --url "$url" --user admin >/dev/null
# A camera-sized photo (4000x3000 JPEG), made once per run: a smooth picture with grain,
# drawn as PNG here and made a JPEG by newsdesk itself.
python3 - "$work/photo.png" <<'PY'
import sys, zlib, struct, random
w, h = 4000, 3000
random.seed(7)
def row(y):
    out = bytearray(b'\x00')
    for x in range(0, w):
        g = random.getrandbits(4)
        out += bytes(((x * 255 // w + g) & 255, (y * 255 // h + g) & 255, ((x + y) * 127 // w + g) & 255))
    return bytes(out)
raw = b''.join(row(y) for y in range(h))
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(raw, 1)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
"$ND" image thumbnail "$work/photo.png" --size 4000 --out "$work/jpeg" >/dev/null
photo=$(ls "$work"/jpeg/*.jpg | head -1)
echo "photo: $(du -h "$photo" | cut -f1)"
ms() { date +%s%3N; }
stats() { python3 -c 'import sys,statistics as s;v=sorted(map(int,sys.argv[2:]));print(f"{sys.argv[1]}: n={len(v)} p50={s.median(v):.0f} ms p95={v[max(0,int(len(v)*0.95)-1)]} ms")' "$@"; }
ids=()
for i in $(seq 1 "$N"); do
  img=$("$ND" --db "$db" image import "$photo" --json | python3 -c 'import json,sys;d=json.load(sys.stdin)[0];print(d["id"],d["hash"])')
  set -- $img
  "$ND" --db "$db" image set "$1" --credit "Thüringer Staatskanzlei" --copyright "Bench $i $RANDOM" >/dev/null
  cat > "$work/a$i.md" <<MD
---
kicker: Thüringen
title: "Bench $i $(date +%s%N)"
section: Politik
teaser: Ein Teaser für die Messung.
tags: [Politik, Thüringen]
images:
  - file: sha256:$2
    caption: Ein Bild.
    credit: Thüringer Staatskanzlei
    alt: Ein Bild.
---
Ein Text für die Messung.
MD
  ids+=("$("$ND" --db "$db" article import "$work/a$i.md" --json | python3 -c 'import json,sys;print(json.load(sys.stdin)["imported"][0]["id"])')")
done
first=(); again=()
for id in "${ids[@]}"; do t=$(ms); "$ND" --db "$db" publish "$id" --portal wp >/dev/null; first+=($(( $(ms) - t ))); done
for id in "${ids[@]}"; do t=$(ms); "$ND" --db "$db" publish "$id" --portal wp >/dev/null; again+=($(( $(ms) - t ))); done
stats "first publish (picture upload + post)" "${first[@]}"
stats "publish again (update, picture not sent)" "${again[@]}"
# Offline: the portal's server stopped, every article queued (each attempt fails at once:
# connection refused), the server started again, the outbox drained.
"$here/scripts/portals/wordpress.sh" stop "$wp_dir" >/dev/null 2>&1
for id in "${ids[@]}"; do "$ND" --db "$db" publish "$id" --portal wp >/dev/null; done
"$here/scripts/portals/wordpress.sh" start "$wp_dir" >/dev/null 2>&1
t=$(ms); "$ND" --db "$db" outbox run --until-empty >/dev/null; drained=$(( $(ms) - t ))
echo "outbox drained after the portal came back: $N jobs in $drained ms ($(( drained / N )) ms each, the first retry's wait included)"
"$here/scripts/portals/wordpress.sh" stop "$wp_dir" >/dev/null 2>&1 || true
