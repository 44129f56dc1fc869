#!/usr/bin/env python3
"""Prints the `skip` entries of deny.toml's [bans]: every crate cargo-deny finds in two or more
versions, all but the newest, each with the crates that bring each version (from Cargo.lock).

A new duplicate fails `make lint` (cargo deny check bans). Before adding its entry here, see
whether one of our own crates brings a version nobody else needs (then align it instead).
Usage: scripts/deny-duplicates.py > /tmp/skips.txt, then paste into deny.toml.
"""
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
report = subprocess.run(
    ["cargo", "deny", "--format", "json", "check", "bans"],
    capture_output=True, text=True, cwd=root,
).stderr
duplicated = set()
for line in report.splitlines():
    try:
        fields = json.loads(line).get("fields", {})
    except json.JSONDecodeError:
        continue
    if fields.get("code") == "duplicate":
        found = re.search(r"crate '([^']+)'", fields.get("message", ""))
        if found:
            duplicated.add(found.group(1))

versions = collections.defaultdict(list)
users = collections.defaultdict(set)
lock = (root / "Cargo.lock").read_text()
for block in lock.split("[[package]]")[1:]:
    name = re.search(r'name = "([^"]+)"', block).group(1)
    version = re.search(r'version = "([^"]+)"', block).group(1)
    versions[name].append(version)
    for dep in re.findall(r'^ "([^"]+)"', block, re.M):
        parts = dep.split(" ")
        users[(parts[0], parts[1] if len(parts) > 1 else None)].add(name)


def order(version):
    return [int(x) if x.isdigit() else 0 for x in re.split(r"[.+-]", version)]


for name in sorted(duplicated):
    have = sorted(versions[name], key=order)
    who = "; ".join(
        f"{v}: {', '.join(sorted(users.get((name, v)) or users.get((name, None)) or [])[:3])}"
        for v in have
    )
    for version in have[:-1]:
        print(f'    {{ crate = "{name}@{version}", reason = "{who}" }},')
sys.exit(0)
