# Shared by the scripts of scripts/bench/refusals/ (sourced): measuring one command, and a
# session bus with a keyring of their own for the scripts that add portals.

# measure LABEL COMMAND...: the command's time and peak memory, then "ok" (with the notes it
# printed) or "refused:" with the start of what it said. Needs $work.
measure() {
  local label=$1; shift
  if /usr/bin/time -f "%e s %M KiB" -o "$work/time" timeout 600 "$@" >"$work/out" 2>"$work/err"; then
    printf '%-50s %s  ok %s\n' "$label" "$(tail -n1 "$work/time")" \
      "$(grep '^note:' "$work/out" | tr '\n' ' ' | head -c 160)"
  else
    printf '%-50s %s  refused: %s\n' "$label" "$(tail -n1 "$work/time")" \
      "$(tr '\n' ' ' <"$work/err" | head -c 160)"
  fi
}

# in_own_session_bus "$0" "$@": runs the calling script again inside dbus-run-session (once).
in_own_session_bus() {
  if [ -z "${NEWSDESK_BENCH_INNER:-}" ]; then
    exec env NEWSDESK_BENCH_INNER=1 dbus-run-session -- "$@"
  fi
}

# unlock_keyring FOLDER: a GNOME keyring of its own, unlocked, with HOME in FOLDER.
unlock_keyring() {
  export HOME=$1/home
  mkdir -p "$HOME"
  printf 'bench' | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
}
