#!/usr/bin/env bash
# make test-package: the .deb that `make package` built, as an editor's machine gets it.
#
#   1. apt-get install ./Newsdesk_<version>_amd64.deb (its Depends come from Debian)
#   2. every file the package should carry is where it belongs (dpkg -L)
#   3. newsdesk --version; the man page opens; bash loads the completion
#   4. the app, started by the Exec line of its desktop entry under a fresh X server and session
#      bus, with a new HOME: its window "Newsdesk" is mapped, the library answers the first page
#      (the app's own start-up marks), the library is made in ~/.local/share/newsdesk and the CLI
#      reads the same library; no folder of the old name (de.newsdesk.app) appears
#   5. apt-get remove --purge: none of the package's files is left; the user's library stays
#
# Needs root (or sudo) and the package; removes an installed Newsdesk package first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${CARGO_TARGET_DIR:-/var/tmp/newsdesk-target}
WINDOW_TIMEOUT=${NEWSDESK_PACKAGE_WINDOW_TIMEOUT:-90}

say() { printf 'test-package: %s\n' "$*"; }
die() { printf 'test-package: FAILED: %s\n' "$*" >&2; exit 1; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "needs root to run: $*"; fi
}

version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$ROOT/tauri.conf.json")
deb=$TARGET/release/bundle/deb/Newsdesk_${version}_amd64.deb
[ -f "$deb" ] || die "no package at $deb: run make package first"
pkg=$(dpkg-deb -f "$deb" Package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- 1. install ------------------------------------------------------------------------------
if dpkg -s "$pkg" >/dev/null 2>&1; then
  say "removing the $pkg package installed before"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$pkg" >/dev/null
fi
say "installing $deb"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt-install.log" 2>&1 \
  || { cat "$work/apt-install.log" >&2; die "apt-get install failed"; }
dpkg -L "$pkg" | sort > "$work/files"
say "installed: $(dpkg-query -W -f='${Package} ${Version}, Depends: ${Depends}' "$pkg")"

# --- 2. what the package carries ------------------------------------------------------------
expected=(
  /usr/bin/newsdesk-app
  /usr/bin/newsdesk
  /usr/share/applications/Newsdesk.desktop
  /usr/share/metainfo/de.newsdesk.app.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/newsdesk-app.svg
  /usr/share/man/man1/newsdesk.1.gz
  /usr/share/man/man1/newsdesk-article-import.1.gz
  /usr/share/bash-completion/completions/newsdesk
  /usr/share/zsh/vendor-completions/_newsdesk
  /usr/share/fish/vendor_completions.d/newsdesk.fish
  /usr/share/doc/newsdesk/copyright
  /usr/share/doc/newsdesk/THIRD-PARTY-NOTICES.gz
)
for size in 16 32 48 64 128 256 512; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/newsdesk-app.png")
done
for file in "${expected[@]}"; do
  grep -qxF "$file" "$work/files" || die "the package does not list $file"
  [ -f "$file" ] || die "$file is listed but not installed"
done
for dep in libwebkit2gtk-4.1-0 libgtk-3-0 gnome-keyring hunspell-de-de hunspell-en-us hyphen-de; do
  grep -q "\b$dep\b" <<<"$(dpkg-query -W -f='${Depends}' "$pkg")" || die "Depends lacks $dep"
done
# (zgrep and here-strings, not `… | grep -q`: under pipefail a reader that stops early fails.)
zgrep -q '^Rust crates in newsdesk-app and newsdesk' /usr/share/doc/newsdesk/THIRD-PARTY-NOTICES.gz \
  || die "THIRD-PARTY-NOTICES.gz is not the notices"
say "all ${#expected[@]} expected files are installed ($(wc -l < "$work/files") paths in the package)"

# --- 3. the CLI, its man page and completions -------------------------------------------------
[ "$(command -v newsdesk)" = /usr/bin/newsdesk ] || die "newsdesk on PATH is $(command -v newsdesk), not the package's"
said=$(newsdesk --version)
[ "$said" = "newsdesk $version" ] || die "newsdesk --version says '$said', expected 'newsdesk $version'"
if command -v man >/dev/null; then
  [ "$(man -w newsdesk)" = /usr/share/man/man1/newsdesk.1.gz ] || die "man finds no newsdesk page"
  page=$(MANWIDTH=80 man newsdesk 2>/dev/null)
  grep -Eq 'newsdesk +- +Newsdesk +from +the +command +line' <<<"$page" \
    || die "man newsdesk does not show the CLI's page"
else
  zgrep -q '^\.TH newsdesk 1' /usr/share/man/man1/newsdesk.1.gz || die "newsdesk.1.gz is not a man page"
fi
bash -c 'source /usr/share/bash-completion/completions/newsdesk && complete -p newsdesk' >/dev/null \
  || die "bash does not load the completion"
say "$said; man newsdesk; bash, zsh and fish completions"

# --- 4. the app from its desktop entry ----------------------------------------------------
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/Newsdesk.desktop | head -n1)
[ -n "$exec_line" ] || die "the desktop entry has no Exec line"
# Field codes (%U, %f, …) take files from a launcher; none are given here.
command_line=$(printf '%s' "$exec_line" | sed 's/ *%[fFuUdDnNickvm]//g')
home=$work/home
mkdir -p "$home"
say "starting '$command_line' (the desktop entry's Exec) with HOME=$home under Xvfb"
# A clean environment as a desktop session gives it: no NEWSDESK_DB, no XDG_* from this shell.
cat > "$work/session.sh" <<'SESSION'
#!/usr/bin/env bash
# Runs inside dbus-run-session and xvfb-run: starts the app, waits for its window and for the
# library's first page, stops it.
set -uo pipefail
work=$1; timeout=$2; shift 2
NEWSDESK_TRACE_STARTUP=1 "$@" >"$work/app.out" 2>"$work/app.err" &
pid=$!
echo "$pid" > "$work/app.pid"
found=
for _ in $(seq $((timeout * 4))); do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the app ended before its window appeared" >&2; break; fi
  windows=$(xwininfo -root -tree 2>/dev/null)
  if grep -q '"Newsdesk"' <<<"$windows" && grep -q 'list_articles answered' "$work/app.err"; then
    found=yes; break
  fi
  sleep 0.25
done
xwininfo -name Newsdesk > "$work/window" 2>&1
xprop -name Newsdesk WM_CLASS > "$work/wm_class" 2>&1
readlink "/proc/$pid/exe" > "$work/exe" 2>/dev/null
kill "$pid" 2>/dev/null
for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
kill -9 "$pid" 2>/dev/null
[ -n "$found" ]
SESSION
started=$SECONDS
env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" USER="${USER:-root}" LANG=C.UTF-8 \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
  bash "$work/session.sh" "$work" "$WINDOW_TIMEOUT" $command_line >"$work/session.log" 2>&1 \
  || { cat "$work/session.log" "$work/app.err" >&2; die "the window 'Newsdesk' with the library did not appear within ${WINDOW_TIMEOUT} s"; }
[ "$(cat "$work/exe")" = /usr/bin/newsdesk-app ] || die "the process was $(cat "$work/exe"), not /usr/bin/newsdesk-app"
geometry=$(awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}' "$work/window")
# The desktop matches the window to its menu entry (icon, name) by StartupWMClass.
wm_class=$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/Newsdesk.desktop)
grep -qi "\"$wm_class\"" "$work/wm_class" \
  || die "the window's WM_CLASS ($(cat "$work/wm_class")) is not the entry's StartupWMClass $wm_class"
say "window 'Newsdesk' ($geometry, $(sed 's/^WM_CLASS(STRING) = //' "$work/wm_class")) with the library's first page after $(( SECONDS - started )) s"
library=$home/.local/share/newsdesk/library.sqlite
[ -f "$library" ] || die "the app made no library at $library"
articles=$(env -i PATH=/usr/bin:/bin HOME="$home" newsdesk article list --json \
  | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$articles" -ge 1 ] || die "the CLI finds no article in the app's library"
stray=$(find "$home" -name 'de.newsdesk.app*' -print)
[ -z "$stray" ] || die "a folder of the old name appeared: $stray"
say "the app and the CLI share $library ($articles articles); folders made under HOME:"
(cd "$home" && find . -mindepth 2 -maxdepth 4 -type d -not -path './.local/share/newsdesk/webview/*/*' | sort | sed 's/^/    /')

# --- 5. remove --------------------------------------------------------------------------------
say "apt-get remove --purge $pkg"
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$pkg" >/dev/null
dpkg -s "$pkg" >/dev/null 2>&1 && die "$pkg is still installed"
left=()
while read -r path; do
  # Folders the system shares (/usr/share/man/man1, …) stay; the package's own files must not.
  if [ -e "$path" ] && [ ! -d "$path" ]; then left+=("$path"); fi
  case "$path" in
    /usr/share/doc/newsdesk) [ -e "$path" ] && left+=("$path") ;;
  esac
done < "$work/files"
[ ${#left[@]} -eq 0 ] || die "left behind after the purge: ${left[*]}"
[ -f "$library" ] || die "the purge took the user's library"
say "removed: none of its $(grep -c . "$work/files") paths' files is left; the user's library stays"
say "all green"
