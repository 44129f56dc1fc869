#!/usr/bin/env bash
# Time and peak memory of every refusal and bounded path of issue 19 (BENCHMARKS.md,
# "Hostile input: time and memory"), one script per area under refusals/.
# Usage: scripts/bench/refusals.sh [path/to/newsdesk]   (default: the release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-${CARGO_TARGET_DIR:-/var/tmp/newsdesk-target}/release/newsdesk}
[ -x "$BIN" ] || { echo "no newsdesk at $BIN: cargo build --release --bin newsdesk" >&2; exit 1; }
for script in scripts/bench/refusals/*.sh; do
  [ "$(basename "$script")" = lib.sh ] && continue
  echo "## $(basename "$script" .sh)"
  "$script" "$BIN"
  echo
done
