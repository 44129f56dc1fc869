#!/usr/bin/env bash
# Builds the Debian package of Newsdesk with Tauri's bundler (`make package`):
#
#   1. the release build of the app and the CLI, in one cargo run ($CARGO_TARGET_DIR/release/)
#   2. what goes beside them, staged in $CARGO_TARGET_DIR/package/stage/: the CLI's man pages
#      and completions (`newsdesk generate-docs`), the hicolor icons (16 … 512 px, made from
#      assets/icons/icon.png by the pinned Tauri CLI's `icon` command, plus
#      packaging/icons/newsdesk-app.svg), LICENSE and THIRD-PARTY-NOTICES, and the bundler's
#      configuration for this build (merged over tauri.conf.json)
#   3. checks: the AppStream metainfo (appstreamcli), the desktop entry (desktop-file-validate),
#      the metainfo's newest release is the package's version
#   4. `tauri bundle --bundles deb` from ui/node_modules (@tauri-apps/cli, pinned in
#      ui/package.json), in a network namespace of its own when this machine allows one, so a
#      bundler that wanted to download something would fail here instead of fetching it.
#
# Only the .deb: an AppImage is not made, because Tauri's AppImage bundler downloads
# linuxdeploy, its GTK plugin and the AppImage runtime at build time.
#
# Prints the package's path last. Run from anywhere; needs `make deps` and `make ui` done.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET=${CARGO_TARGET_DIR:-/var/tmp/newsdesk-target}
STAGE=$TARGET/package/stage
TAURI=$ROOT/ui/node_modules/.bin/tauri
cd "$ROOT"

say() { printf 'package: %s\n' "$*"; }
die() { printf 'package: %s\n' "$*" >&2; exit 1; }
step() { say "$1 ($(( SECONDS - started )) s)"; }
started=$SECONDS

[ -x "$TAURI" ] || die "the Tauri CLI is missing in ui/node_modules: run make deps"
[ -f ui/dist/index.html ] || die "the UI is not built (ui/dist): run make ui"
version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' tauri.conf.json)

# --- 1. release build ------------------------------------------------------------------------
step "release build of newsdesk-app and newsdesk (cargo, $TARGET/release)"
CARGO_TARGET_DIR=$TARGET cargo build --release --locked \
  -p newsdesk-app -p newsdesk-cli --features newsdesk-app/custom-protocol
built_version=$("$TARGET/release/newsdesk" --version | awk '{print $2}')
[ "$built_version" = "$version" ] || \
  die "the CLI says version $built_version, tauri.conf.json $version: one version for both (Cargo.toml's workspace version)"

# --- 2. stage ---------------------------------------------------------------------------------
step "staging man pages, completions, icons, notices"
rm -rf "$STAGE"
mkdir -p "$STAGE"/{icons,doc,man}
"$TARGET/release/newsdesk" generate-docs "$STAGE/generated"
for page in "$STAGE"/generated/man/*.1; do
  gzip -9nc "$page" > "$STAGE/man/$(basename "$page").gz"
done
"$TAURI" icon assets/icons/icon.png -o "$STAGE/icons" -p 16,32,48,64,128,256,512 >"$STAGE/icons.log" 2>&1 \
  || { cat "$STAGE/icons.log" >&2; die "tauri icon failed"; }
cp LICENSE "$STAGE/doc/copyright"
gzip -9nc THIRD-PARTY-NOTICES > "$STAGE/doc/THIRD-PARTY-NOTICES.gz"

# --- 3. checks --------------------------------------------------------------------------------
step "checking the metainfo and the desktop entry"
newest=$(python3 - packaging/de.newsdesk.app.metainfo.xml <<'PY'
import sys, xml.etree.ElementTree as ET
releases = ET.parse(sys.argv[1]).getroot().find("releases")
print(releases[0].get("version") if releases is not None and len(releases) else "")
PY
)
[ "$newest" = "$version" ] || \
  die "packaging/de.newsdesk.app.metainfo.xml's newest release is '$newest', the package is $version: add a <release> for it"
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --pedantic packaging/de.newsdesk.app.metainfo.xml >/dev/null \
    || { appstreamcli validate --no-net --pedantic packaging/de.newsdesk.app.metainfo.xml; die "the metainfo is not valid"; }
else
  say "appstreamcli not found (Debian's appstream): the metainfo is not validated"
fi

# --- 4. the bundler's configuration for this build, and the bundle ---------------------------
python3 - "$ROOT" "$STAGE" "$TARGET" > "$STAGE/tauri.package.json" <<'PY'
import json, os, sys
root, stage, target = sys.argv[1:4]
files = {
    "/usr/bin/newsdesk": f"{target}/release/newsdesk",
    "/usr/share/metainfo/de.newsdesk.app.metainfo.xml": f"{root}/packaging/de.newsdesk.app.metainfo.xml",
    "/usr/share/icons/hicolor/scalable/apps/newsdesk-app.svg": f"{root}/packaging/icons/newsdesk-app.svg",
    "/usr/share/doc/newsdesk/copyright": f"{stage}/doc/copyright",
    "/usr/share/doc/newsdesk/THIRD-PARTY-NOTICES.gz": f"{stage}/doc/THIRD-PARTY-NOTICES.gz",
    "/usr/share/bash-completion/completions/newsdesk": f"{stage}/generated/completions/newsdesk.bash",
    "/usr/share/zsh/vendor-completions/_newsdesk": f"{stage}/generated/completions/_newsdesk",
    "/usr/share/fish/vendor_completions.d/newsdesk.fish": f"{stage}/generated/completions/newsdesk.fish",
}
for page in sorted(os.listdir(f"{stage}/man")):
    files[f"/usr/share/man/man1/{page}"] = f"{stage}/man/{page}"
sizes = [16, 32, 48, 64, 128, 256, 512]
config = {
    "bundle": {
        "targets": ["deb"],
        "publisher": "Newsdesk",
        "license": "MIT",
        "icon": [f"{stage}/icons/{s}x{s}.png" for s in sizes],
        "linux": {
            "deb": {
                "section": "misc",
                "priority": "optional",
                # The bundler adds the window's runtime itself (libwebkit2gtk-4.1-0,
                # libgtk-3-0); beside it the keyring that holds the portals' secrets (Secret
                # Service), the spelling dictionaries WebKit checks with, and the German
                # hyphenation patterns (the preview breaks compounds at syllables).
                "depends": [
                    "gnome-keyring",
                    "hunspell-de-de",
                    "hunspell-en-us",
                    "hyphen-de",
                ],
                # Links from an article open in the browser through xdg-open.
                "recommends": ["xdg-utils"],
                "desktopTemplate": f"{root}/packaging/newsdesk.desktop.hbs",
                "files": files,
            }
        },
    }
}
json.dump(config, sys.stdout, indent=2)
PY

# The bundler looks for tauri.conf.json from the working folder; src-tauri/ is the app's.
export TAURI_APP_PATH=$ROOT/src-tauri TAURI_FRONTEND_PATH=$ROOT/ui
offline=()
if unshare --net true 2>/dev/null; then
  offline=(unshare --net --)
elif unshare --map-root-user --net true 2>/dev/null; then
  offline=(unshare --map-root-user --net --)
else
  say "no network namespace on this machine: the bundler runs with the network (it fetches nothing for a .deb)"
fi
step "bundling the .deb (tauri bundle${offline:+, without network})"
CARGO_TARGET_DIR=$TARGET "${offline[@]}" "$TAURI" bundle --bundles deb --no-sign \
  --no-binary-patching --config "$STAGE/tauri.package.json"

deb=$TARGET/release/bundle/deb/Newsdesk_${version}_amd64.deb
[ -f "$deb" ] || die "the bundler made no $deb"
if command -v desktop-file-validate >/dev/null; then
  desktop=$(mktemp -d); trap 'rm -rf "$desktop"' EXIT
  dpkg-deb -x "$deb" "$desktop"
  desktop-file-validate "$desktop/usr/share/applications/Newsdesk.desktop" \
    || die "the desktop entry is not valid"
fi
step "done"
echo "$deb"
