#!/usr/bin/env python3
"""Fails when the modules of a Rust crate of this workspace import each other in a circle.

How it works, per crate (every folder with a Cargo.toml and src/lib.rs or src/main.rs):

1. Every .rs file under src/ is a module, named by its path (`src/images/list.rs` is
   `crate::images::list`, `src/images/mod.rs` is `crate::images`, lib.rs/main.rs the root).
2. Each file's paths into its own crate are read: `use` statements (braces expanded) and
   paths written in code (`crate::disk::folder_of(..)`), starting with `crate::`, `super::`,
   `self::` or the name of a child module. Comments and string literals are left out, and so
   is an inline `mod tests { .. }` at the end of a file: a unit test may use anything of its
   crate without making a circle of the code it tests.
3. A path names the deepest module it walks through; an item that module only re-exports
   (`pub use x::Item`) is followed to the module that defines it, so `use crate::Store`
   points at `store.rs`, not at lib.rs.
4. Edge: file → module it names (not itself, not a re-export of the file's own descendants:
   a facade is no dependency). A strongly connected set of more than one module is a circle;
   each is printed with the paths that make it, and the script exits 1.

Usage: scripts/check-module-cycles.py [repository root]  (default: the current folder)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip_code(text: str) -> str:
    """The text without comments, string and char literals (replaced by spaces/empty)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and re.match(r'r#*"', text[i:]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            hashes = re.match(r'r(#*)"', text[i:]).group(1)
            end = text.find('"' + hashes, i + 2 + len(hashes))
            i = n if end < 0 else end + 1 + len(hashes)
            out.append('""')
        elif c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "'" and re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'", text[i:]):
            m = re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'", text[i:])
            i += len(m.group(0))
        else:
            out.append(c)
            i += 1
    return "".join(out)


def without_tests(code: str) -> str:
    """The code before an inline `mod tests {` (unit tests sit at the end of a file)."""
    m = re.search(r"(#\[cfg\(test\)\]\s*)?\bmod\s+tests\s*\{", code)
    return code if m is None else code[: m.start()]


def expand_use(tree: str) -> list[tuple[str, str]]:
    """`a::{b, c::{d as e}}` → [("a::b", "b"), ("a::c::d", "e")] (path, name bound)."""
    tree = re.sub(r"\s+", "", tree)
    results: list[tuple[str, str]] = []

    def split_top(s: str) -> list[str]:
        parts, depth, cur = [], 0, ""
        for ch in s:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur:
            parts.append(cur)
        return parts

    def walk(prefix: str, s: str) -> None:
        if "{" in s and s.endswith("}"):
            head, body = s.split("{", 1)
            for part in split_top(body[:-1]):
                walk(prefix + head, part)
            return
        path = prefix + s
        alias = None
        if "as" in path and re.search(r"as" + IDENT + "$", path) and "::" in path:
            m = re.match(r"(.*?)as(" + IDENT + ")$", path)
            # only when the `as` really separated two words (no :: after it)
            if m and not m.group(1).endswith("::"):
                path, alias = m.group(1), m.group(2)
        last = path.rsplit("::", 1)[-1]
        results.append((path, alias or last))

    walk("", tree)
    return results


class Crate:
    def __init__(self, root: Path):
        self.root = root
        self.src = root / "src"
        self.files: dict[tuple[str, ...], Path] = {}
        for path in sorted(self.src.rglob("*.rs")):
            rel = path.relative_to(self.src).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "mod":
                parts = parts[:-1]
            if parts in (["lib"], ["main"]):
                parts = []
            elif len(parts) == 1 and parts[0] in ("lib", "main"):
                parts = []
            self.files[tuple(parts)] = path
        self.code = {m: without_tests(strip_code(p.read_text(encoding="utf-8"))) for m, p in self.files.items()}
        # Re-exports: module -> name -> (absolute path segments)
        self.reexports: dict[tuple[str, ...], dict[str, list[str]]] = {}
        self.uses: dict[tuple[str, ...], list[tuple[list[str], bool, str]]] = {}
        for module, code in self.code.items():
            self.uses[module] = []
            self.reexports[module] = {}
            for m in re.finditer(r"\b(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", code):
                public = m.group(1) is not None
                for path, name in expand_use(m.group(2)):
                    absolute = self.absolute(module, path.split("::"), code, m.start())
                    if absolute is None:
                        continue
                    if name == "self":
                        name = absolute[-1]
                        absolute = absolute
                    self.uses[module].append((absolute, public, m.group(0)))
                    if public:
                        self.reexports[module][name] = absolute
            # Paths in code (outside use statements).
            without_uses = re.sub(r"\b(pub(?:\([^)]*\))?\s+)?use\s+[^;]+;", " ", code)
            for m in re.finditer(r"(?<![A-Za-z0-9_:])((?:crate|super|self)(?:::" + IDENT + ")+)", without_uses):
                absolute = self.absolute(module, m.group(1).split("::"), without_uses, m.start())
                if absolute is not None:
                    self.uses[module].append((absolute, False, m.group(1)))

    def absolute(self, module, segments, code, at):
        """Absolute path segments (from the crate root) of a path written in `module`."""
        if not segments or segments[0] == "":
            return None
        first = segments[0]
        base: list[str]
        rest = segments
        if first == "crate":
            base, rest = [], segments[1:]
        elif first in ("super", "self"):
            base = list(module)
            while rest and rest[0] in ("super", "self"):
                if rest[0] == "super" and base:
                    base = base[:-1]
                rest = rest[1:]
        elif tuple(list(module) + [first]) in self.files:
            base = list(module)
        else:
            return None  # another crate, std, or a local name
        return base + list(rest)

    def resolve(self, segments: list[str], seen=None) -> tuple[str, ...]:
        """The module a path names, following re-exports to where the item is defined."""
        seen = seen or set()
        module: tuple[str, ...] = ()
        i = 0
        while i < len(segments) and tuple(list(module) + [segments[i]]) in self.files:
            module = tuple(list(module) + [segments[i]])
            i += 1
        if i < len(segments):
            name = segments[i]
            target = self.reexports.get(module, {}).get(name)
            key = (module, name)
            if target is not None and key not in seen:
                seen.add(key)
                return self.resolve(target, seen)
        return module

    def edges(self) -> dict[tuple[str, ...], dict[tuple[str, ...], str]]:
        graph: dict[tuple[str, ...], dict[tuple[str, ...], str]] = {m: {} for m in self.files}
        for module, uses in self.uses.items():
            for segments, public, text in uses:
                target = self.resolve(segments)
                if target == module:
                    continue
                # A facade re-exporting its own descendants depends on nothing.
                if public and target[: len(module)] == module:
                    continue
                graph[module].setdefault(target, text.strip())
        return graph


def cycles(graph):
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def name(module):
    return "crate" if not module else "crate::" + "::".join(module)


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    crates = []
    for manifest in sorted(root.glob("**/Cargo.toml")):
        if any(part in ("target", "node_modules") or part.startswith(".") for part in manifest.parts):
            continue
        folder = manifest.parent
        if (folder / "src" / "lib.rs").is_file() or (folder / "src" / "main.rs").is_file():
            crates.append(folder)
    failed = False
    for folder in crates:
        crate = Crate(folder)
        graph = crate.edges()
        for component in cycles(graph):
            failed = True
            print(f"{folder}: modules import each other in a circle:")
            members = set(component)
            for module in component:
                for target, text in sorted(graph[module].items()):
                    if target in members:
                        print(f"  {name(module)} -> {name(target)}   ({text})")
    if failed:
        print("A circle between modules means a third module is missing: move what both need into a module of its own (ARCHITECTURE.md, Layering).")
        return 1
    print(f"check-module-cycles: no module circles in {len(crates)} crates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
