#!/usr/bin/env bash
# The layering rule (DEVELOPMENT.md, "Layout"): the core crates under crates/ never depend on
# Tauri or the webview, so they build and test without a display. Checks every crate's full
# dependency tree.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for manifest in crates/*/Cargo.toml; do
  name=$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -n1)
  tree=$(cargo tree -p "$name" -e normal,build --prefix none) || { echo "layering: cargo tree -p $name failed" >&2; exit 1; }
  found=$(grep -E '^(tauri|tauri-[a-z-]+|wry|webkit2gtk|webkit2gtk-sys|gtk) ' <<<"$tree" | sort -u || true)
  if [ -n "$found" ]; then
    echo "layering: $name depends on the webview stack: $(echo "$found" | tr '\n' ' ')" >&2
    status=1
  fi
done
# Crates depend downward only; these edges would turn that around or pull in what a crate
# was split to avoid (ARCHITECTURE.md, the code map).
forbidden=(
  "newsdesk-publish newsdesk-export"   # publishing needs the anatomy, not Typst
  "newsdesk-publish typst"
  "newsdesk-store newsdesk-analysis"   # the store reaches the analysis through newsdesk-search
  "newsdesk-search rusqlite"           # the search engine knows nothing of SQL
  "newsdesk-search newsdesk-store"
  "newsdesk-model newsdesk-store"
)
for rule in "${forbidden[@]}"; do
  read -r from to <<<"$rule"
  case $to in
    newsdesk-*) tree=$(cargo tree -p "$from" -e normal --prefix none --depth 1) ;;
    *) tree=$(cargo tree -p "$from" -e normal --prefix none) ;;
  esac
  if grep -qE "^$to " <<<"$tree"; then
    echo "layering: $from must not depend on $to" >&2
    status=1
  fi
done
[ $status = 0 ] && echo "layering: the core crates (crates/*) are free of Tauri and WebKit and depend downward"
exit $status
