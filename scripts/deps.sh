#!/usr/bin/env bash
# Installs what building, running and testing Newsdesk needs, and only what is missing:
#   apt packages (Tauri/WebKitGTK, Xvfb, WebKitWebDriver, Node.js), tauri-driver, cargo-deny
#   (cargo); with --notices also cargo-about (regenerating THIRD-PARTY-NOTICES).
# Idempotent and quiet when everything is there. Needs root (or sudo) only to install.
# The npm packages of ui/ are the Makefile's business (`npm ci` when the lockfile changed).
set -euo pipefail

# What the Tauri app, its build and its tests under Xvfb need on Debian 12 (see ../shared/TAURI.md).
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential pkg-config curl file libssl-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth dbus-x11 at-spi2-core webkit2gtk-driver
  # The window tests answer the native GTK file dialogs through the X server.
  xdotool
  python3
  # The image tests compare every credit Newsdesk reads and writes with exiftool's reading.
  libimage-exiftool-perl
  # The export tests read the PDF print version back with pdftotext.
  poppler-utils
  # Portal secrets live in the system's keyring: the publishing tests run a real Secret
  # Service (GNOME Keyring) on a private D-Bus session bus; curl reads the portal back;
  # secret-tool writes the keyring entries older releases left (their migration is tested).
  gnome-keyring dbus curl libsecret-tools
  # The Debian package (make package, make test-package): its metainfo and desktop entry are
  # validated, the installed window is found by its title; the spelling dictionaries it
  # depends on.
  appstream desktop-file-utils x11-utils hunspell-de-de hunspell-en-us hyphen-de
  # The desk's tests start a real PostgreSQL of their own (scripts/portals/postgres.sh).
  postgresql
)
RUST_MIN=1.92   # rust-version of the workspace (Tauri 2.12 and its plugins need 1.90+)
NODE_MIN=20.19  # Vite 7 (ui/) refuses older Node.js

say() { printf 'deps: %s\n' "$*"; }
die() { printf 'deps: %s\n' "$*" >&2; exit 1; }
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"; fi
}

# --- apt ------------------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
# Node.js may come from Debian (nodejs + npm) or from NodeSource (nodejs carries npm).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- toolchains -----------------------------------------------------------------------------
command -v cargo >/dev/null || die "Rust is missing: install it with rustup (https://rustup.rs); \
Debian's rustc is too old for this workspace (needs >= $RUST_MIN)."
rust=$(rustc --version | awk '{print $2}')
version_at_least "$rust" "$RUST_MIN" || die "rustc $rust is too old; the workspace needs >= $RUST_MIN (rustup update)."
node=$(node --version | sed 's/^v//')
version_at_least "$node" "$NODE_MIN" || die "Node.js $node is too old for the UI build (Vite needs >= $NODE_MIN); \
Debian 12 ships 18 — install Node.js 20 or 22 (e.g. from NodeSource) and run make again."

# --- tauri-driver (WebDriver bridge for the end-to-end test) --------------------------------
cargo_bin=${CARGO_HOME:-$HOME/.cargo}/bin
if ! command -v tauri-driver >/dev/null && [ ! -x "$cargo_bin/tauri-driver" ]; then
  say "installing tauri-driver (cargo install, ~30 s)"
  cargo install tauri-driver --version '^2' --locked --quiet
fi

# --- cargo-deny (make lint: licenses, duplicate versions, sources; deny.toml) ---------------
# Without default features: no advisory-database fetching (GitHub is not reachable here).
if ! command -v cargo-deny >/dev/null && [ ! -x "$cargo_bin/cargo-deny" ]; then
  say "installing cargo-deny (cargo install, ~3 min on 2 cores)"
  cargo install cargo-deny --version '^0.20' --locked --no-default-features --quiet
fi

# --- cargo-about (THIRD-PARTY-NOTICES: scripts/package/notices.py generate) -----------------
# Only regenerating the notices needs it (`scripts/deps.sh --notices`, which `notices.py
# generate` runs); building, testing and packaging use the committed file, so `make test` on a
# clean machine does not spend ~3 min building it. The `cli` feature is the binary; it reads
# the crates' license files offline (--frozen).
if [[ " $* " == *" --notices "* ]] && ! command -v cargo-about >/dev/null && [ ! -x "$cargo_bin/cargo-about" ]; then
  say "installing cargo-about (cargo install, ~3 min on 2 cores)"
  cargo install cargo-about --version '^0.9' --locked --features cli --quiet
fi
