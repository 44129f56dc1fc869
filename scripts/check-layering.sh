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
[ $status = 0 ] && echo "layering: the core crates (crates/*) are free of Tauri and WebKit"
exit $status
