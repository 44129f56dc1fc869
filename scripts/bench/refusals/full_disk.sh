#!/usr/bin/env bash
# Issue 19, 4, 5 and 8a: a full disk, a backup that does not fit, a restore of a backup that
# lacks pictures, the leftover of a killed picture import. Time and peak memory of each
# refusal (or read that must still work) on a real tmpfs — needs root to mount it.
# Usage: sudo scripts/bench/refusals/full_disk.sh path/to/newsdesk
set -euo pipefail
BIN=${1:?usage: $0 path/to/newsdesk}
. "$(dirname "$0")/lib.sh"
BIN=$(realpath "$BIN")
work=$(mktemp -d)
disk=$work/disk
mkdir -p "$disk"
trap '{ umount "$disk" || umount -l "$disk" || true; } 2>/dev/null; rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")/../../.." && pwd)
samples=$here/assets/demo-articles


# 26 pictures of 800×600 px of noise (PPM first, then PNG below: some 1.4 MB each).
python3 - "$work/ppm" <<'PY'
import os, random, sys
out = sys.argv[1]; os.makedirs(out)
random.seed(19)
for n in range(1, 27):
    w, h = 800, 600
    data = bytes(random.getrandbits(8) for _ in range(w * h * 3))
    with open(f"{out}/foto-{n:02}.ppm", "wb") as f:
        f.write(b"P6 %d %d 255\n" % (w, h) + data)
PY

mount -t tmpfs -o size=8m tmpfs "$disk"
db=$disk/lib.sqlite
"$BIN" --db "$db" article import "$samples" >/dev/null
head -c 8388608 /dev/zero >"$disk/ballast" 2>/dev/null || true
measure "full disk: article list (read-only open)"      "$BIN" --db "$db" article list
measure "full disk: search"                             "$BIN" --db "$db" search Digitalisierung
measure "full disk: db check"                           "$BIN" --db "$db" db check
measure "full disk: article new"                        "$BIN" --db "$db" article new --title Voll
measure "full disk: db backup"                          "$BIN" --db "$db" db backup "$disk/b.sqlite"
umount "$disk"

# A backup of 26 pictures onto a disk with room for the library and a third of them.
lib=$work/lib/lib.sqlite
"$BIN" --db "$lib" article import "$samples" >/dev/null
mkdir -p "$work/fotos"
python3 - "$work/ppm" "$work/fotos" <<'PY'
# PPM is not imported: wrap each in a PNG (stored, no compression: as large as the pixels).
import os, struct, sys, zlib
src, dst = sys.argv[1:]
for name in sorted(os.listdir(src)):
    if not name.endswith(".ppm"): continue
    raw = open(os.path.join(src, name), "rb").read()
    header, pixels = raw.split(b"\n", 1)
    _, w, h, _ = header.split()
    w, h = int(w), int(h)
    rows = b"".join(b"\0" + pixels[y*w*3:(y+1)*w*3] for y in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b"")
    open(os.path.join(dst, name[:-4] + ".png"), "wb").write(png)
PY
"$BIN" --db "$lib" image import "$work/fotos" >/dev/null 2>&1
lib_kib=$(( $(stat -c %s "$lib") / 1024 ))
media_kib=$(du -sk "${lib%.sqlite}.media" | cut -f1)
mount -t tmpfs -o size=$(( lib_kib + media_kib / 3 ))k tmpfs "$disk"
measure "backup: 26 pictures, room for a third"         "$BIN" --db "$lib" db backup "$disk/b.sqlite"
echo "  left on the disk: $(find "$disk" -mindepth 1 | wc -l) entries"
umount "$disk"

# A backup lacking 25 of its 26 pictures, restored into a new library.
"$BIN" --db "$lib" db backup "$work/whole.sqlite" >/dev/null
find "$work/whole.media/originals" -type f | sort | tail -n +2 | xargs rm -f
"$BIN" --db "$work/new/lib.sqlite" article new --title Platzhalter >/dev/null
measure "restore: backup lacking 25 of 26 pictures"     "$BIN" --db "$work/new/lib.sqlite" db restore "$work/whole.sqlite"

# The leftover of a killed picture import, removed by db check.
printf 'half a picture' >"${lib%.sqlite}.media/originals/.newsdesk-Bench1.part"
measure "db check removing a leftover"                  "$BIN" --db "$lib" db check --json
