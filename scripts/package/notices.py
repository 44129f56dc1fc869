#!/usr/bin/env python3
"""THIRD-PARTY-NOTICES: the licenses of everything Newsdesk ships that others wrote.

    scripts/package/notices.py generate   # writes THIRD-PARTY-NOTICES (cargo-about, ~5 min)
    scripts/package/notices.py check      # fails when the file no longer matches the tree (~2 s)

Which packages:
- Rust: the crates compiled into the two shipped binaries, newsdesk-app and newsdesk, for
  Linux x86_64 — the normal dependencies of both as cargo builds them, from `cargo tree`
  (neither build scripts', proc macros' nor tests' dependencies: they run while compiling
  and are not in the binaries). Their license texts come from cargo-about
  (packaging/about.toml), offline: the crates' own license files, or SPDX's standard text.
- npm: the UI's production dependencies and theirs, plus svelte and its dependencies (a
  devDependency, but the compiler writes its runtime into ui/dist; some of its dependencies
  serve only the compiler — listing them is harmless), from ui/package-lock.json, with the
  license files each package ships in ui/node_modules.

`check` compares the two lists at the top of the file (name, version, license) with the tree;
the texts below them change only when the lists do. The About dialog shows this file
(src-tauri/src/commands/about.rs embeds it); src-tauri's unit tests run `check`.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
NOTICES = ROOT / "THIRD-PARTY-NOTICES"
SHIPPED = ("newsdesk-app", "newsdesk-cli")
TARGET = "x86_64-unknown-linux-gnu"
FEATURES = "newsdesk-app/custom-protocol"
# svelte is a devDependency whose runtime the compiler puts into the bundle.
BUNDLED_DEV = ("svelte",)
RULE = "-" * 79
BAR = "=" * 79
RUST_HEAD = "Rust crates in newsdesk-app and newsdesk"
NPM_HEAD = "npm packages in the window's code"


def fail(message):
    print(f"notices: {message}", file=sys.stderr)
    sys.exit(1)


def cargo():
    return os.environ.get("CARGO", "cargo")


# --- which packages -------------------------------------------------------------------------

def rust_crates():
    """{(name, version): license} of the crates compiled into the shipped binaries, as cargo
    resolves their build (`cargo tree`: the features of exactly this build, normal edges only,
    no proc-macro: what runs in the compiler is not in the binary)."""
    try:
        out = subprocess.run(
            [cargo(), "tree", "--locked", "--offline", "-e", "normal,no-proc-macro", "--target", TARGET,
             "--features", FEATURES, "--prefix", "none", "--format", "{p}|{l}"]
            + [arg for package in SHIPPED for arg in ("-p", package)],
            cwd=ROOT, check=True, capture_output=True, text=True).stdout
    except subprocess.CalledProcessError as error:
        fail(f"cargo tree failed: {error.stderr.strip()}")
    crates = {}
    for line in out.splitlines():
        line = line.removesuffix(" (*)")
        package, _, license = line.partition("|")
        parts = package.split(" ")
        # Our own crates ("newsdesk-api v0.1.0 (/path)") are Newsdesk, not third parties.
        if len(parts) != 2 or not parts[1].startswith("v"):
            continue
        crates[(parts[0], parts[1][1:])] = license or "see its files"
    if not crates:
        fail("cargo tree listed no crate")
    return crates


def npm_packages():
    """{(name, version): (license, folder)} of the npm packages in the window's code."""
    lock = json.loads((ROOT / "ui/package-lock.json").read_text(encoding="utf-8"))
    packages = lock["packages"]

    def resolve(base, name):
        # Node's lookup: node_modules of the package, then of each folder above it.
        while True:
            key = (base + "/" if base else "") + "node_modules/" + name
            if key in packages:
                return key
            if not base:
                return None
            cut = base.rfind("/node_modules/")
            base = "" if cut < 0 else base[:cut]

    wanted = list(packages[""].get("dependencies", {})) + list(BUNDLED_DEV)
    seen, queue = set(), [resolve("", name) for name in wanted]
    while queue:
        key = queue.pop()
        if key is None:
            fail("ui/package-lock.json lacks a production dependency: run npm install in ui/")
        if key in seen:
            continue
        seen.add(key)
        entry = packages[key]
        optional = entry.get("optionalDependencies", {})
        for name in list(entry.get("dependencies", {})) + list(optional):
            found = resolve(key, name)
            # An optional dependency for another platform is not installed, nor shipped.
            if found is not None or name not in optional:
                queue.append(found)
    result = {}
    for key in seen:
        name = key[key.rfind("node_modules/") + len("node_modules/"):]
        entry = packages[key]
        result[(name, entry["version"])] = (entry.get("license", "see its files"), key)
    return result


# --- the file -------------------------------------------------------------------------------

def index(head, items):
    lines = [f"{head} ({len(items)}):", ""]
    lines += [f"  {name} {version}  ({license})" for (name, version), license in sorted(items.items())]
    return lines + [""]


def read_index(text, head):
    """The (name, version, license) lines under `head` in a notices file."""
    match = re.search(rf"^{re.escape(head)} \(\d+\):\n\n((?:  .*\n)*)", text, re.M)
    if not match:
        return None
    entries = {}
    for line in match.group(1).splitlines():
        found = re.fullmatch(r"  (\S+) (\S+)  \((.*)\)", line)
        if found:
            entries[(found.group(1), found.group(2))] = found.group(3)
    return entries


def rust_texts(crates):
    """The license texts of `crates`, from cargo-about, grouped by text."""
    about = ROOT / "packaging/about.toml"
    # cargo-about is installed on demand: only regenerating the notices needs it.
    subprocess.run([str(ROOT / "scripts/deps.sh"), "--notices"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "about.json"
        # The whole workspace (a superset), then only the shipped crates: cargo-about has no
        # way to name two root packages.
        run = subprocess.run(
            [cargo(), "about", "generate", "--frozen", "--fail", "--workspace", "--all-features",
             "-c", str(about), "--format", "json", "-o", str(out)],
            cwd=ROOT, capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"cargo about failed (install it: scripts/deps.sh --notices):\n{run.stderr.strip()}")
        data = json.loads(out.read_text(encoding="utf-8"))
    covered, groups = set(), {}
    for lic in data["licenses"]:
        users = sorted({(u["crate"]["name"], u["crate"]["version"]) for u in lic["used_by"]} & set(crates))
        if not users:
            continue
        covered.update(users)
        key = (lic["id"], lic["text"].replace("\r\n", "\n").strip())
        groups.setdefault(key, (lic["name"], set()))[1].update(users)
    missing = sorted(set(crates) - covered)
    if missing:
        fail("cargo-about found no license text for: " + ", ".join(f"{n} {v}" for n, v in missing))
    lines = []
    for (spdx, text), (name, users) in sorted(groups.items(), key=lambda g: (g[0][0], sorted(g[1][1]), g[0][1])):
        lines += [RULE, f"{name} ({spdx}), used by:"]
        lines += [f"  {n} {v}" for n, v in sorted(users)]
        lines += [RULE, "", text, ""]
    return lines


LICENSE_FILE = re.compile(r"^(licen[cs]e|copying|notice)([.-].*)?$", re.I)


def npm_texts(packages):
    lines = []
    for (name, version), (license, key) in sorted(packages.items()):
        lines += [RULE, f"{name} {version} ({license})", RULE, ""]
        folder = ROOT / "ui" / key
        if not folder.is_dir():
            fail(f"{folder} is missing: run npm ci in ui/")
        files = sorted(f for f in os.listdir(folder) if LICENSE_FILE.match(f) and (folder / f).is_file())
        if not files:
            lines += [f"The package ships no license file; its package.json names the license {license}.", ""]
        for file in files:
            text = (folder / file).read_text(encoding="utf-8", errors="replace")
            lines += [text.replace("\r\n", "\n").rstrip(), ""]
    return lines


def generate():
    crates = rust_crates()
    npm = npm_packages()
    lines = [
        "THIRD-PARTY NOTICES",
        "",
        "Newsdesk (MIT, see LICENSE) is built with the open-source packages below: first the",
        "list, each with its version and license, then every license text as the packages",
        "ship it. Made by scripts/package/notices.py from Cargo.lock and ui/package-lock.json.",
        "",
    ]
    lines += index(RUST_HEAD, crates)
    lines += index(NPM_HEAD, {k: v[0] for k, v in npm.items()})
    lines += [BAR, "Rust crates: license texts", BAR, ""]
    lines += rust_texts(crates)
    lines += [BAR, "npm packages: license texts", BAR, ""]
    lines += npm_texts(npm)
    NOTICES.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"notices: wrote {NOTICES} ({len(crates)} crates, {len(npm)} npm packages)")


def check():
    if not NOTICES.is_file():
        fail(f"{NOTICES} is missing: run scripts/package/notices.py generate")
    text = NOTICES.read_text(encoding="utf-8")
    problems = []
    for head, now in ((RUST_HEAD, rust_crates()),
                      (NPM_HEAD, {k: v[0] for k, v in npm_packages().items()})):
        listed = read_index(text, head)
        if listed is None:
            problems.append(f"no list '{head}' in the file")
            continue
        for key in sorted(set(now) | set(listed)):
            if key not in listed:
                problems.append(f"new: {key[0]} {key[1]} ({now[key]})")
            elif key not in now:
                problems.append(f"gone: {key[0]} {key[1]}")
            elif now[key] != listed[key]:
                problems.append(f"license changed: {key[0]} {key[1]}: {listed[key]} -> {now[key]}")
    if problems:
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        fail("THIRD-PARTY-NOTICES is out of date with the dependency tree; run "
             "scripts/package/notices.py generate (installs cargo-about when missing)\n  "
             + "\n  ".join(shown))
    print("notices: THIRD-PARTY-NOTICES matches the dependency tree")


if __name__ == "__main__":
    if sys.argv[1:] == ["generate"]:
        generate()
    elif sys.argv[1:] == ["check"]:
        check()
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
