#!/usr/bin/env python3
# Issue 19, tried afterwards: 21 hostile bodies of the same classes (tables, emphasis, link
# references, footnotes, scripts, HTML, code, lists, entities, newlines), each imported and
# run through every export, search, suggestion, stats and related; prints time and peak memory.
# Usage: scripts/bench/tried/bodies.py path/to/newsdesk WORKDIR [case ...]   (BENCHMARKS.md)
import os, sys, subprocess, time, resource
BIN = sys.argv[1]; work = sys.argv[2]
os.makedirs(work, exist_ok=True)
cases = {
 "table-10k-cols": "|" + "a|"*10000 + "\n|" + "-|"*10000 + "\n|" + "b|"*10000 + "\n",
 "table-20k-rows": "|a|b|\n|-|-|\n" + "|x|y|\n"*20000,
 "emph-alternating": "*a **b "*50000,
 "link-refs": "[a][b] "*50000 + "\n\n[b]: https://example.org\n",
 "footnotes": "".join(f"Text[^{i}] " for i in range(20000)) + "\n\n" + "".join(f"[^{i}]: Note {i}\n\n" for i in range(20000)),
 "thai-1mb": "ภาษาไทย" * 50000,
 "cjk-1mb": "中文新闻报道" * 60000,
 "emoji-zwj": "👩‍👩‍👧‍👦" * 50000,
 "html-attrs": "<div " + " ".join(f'a{i}="x"' for i in range(50000)) + ">x</div>",
 "html-comment-open": "<!--" + "x"*1000000,
 "html-table-nest": "<table><tr><td>"*20000 + "Kern",
 "code-fence-long": "```\n" + ("x"*200 + "\n")*20000 + "```\n",
 "heading-many": "".join(f"# H{i}\n\n" for i in range(30000)),
 "list-100k-items": "- item\n"*100000,
 "backticks": "`"*100000 + "x",
 "math-dollars": "$"*100000 + "x",
 "lt-gt": "<"*100000 + ">"*100000,
 "entities": "&amp;"*200000,
 "urls": "https://example.org/" + "a/"*100000,
 "newlines": "\n"*3000000 + "Ende",
 "spaces-words": ("Wort " * 400000),
}
def run(args, timeout=300):
    t = time.time()
    try:
        p = subprocess.run(["/usr/bin/time", "-f", "%M", BIN, "--db", f"{work}/lib.sqlite"] + args,
                           capture_output=True, timeout=timeout)
        kib = p.stderr.decode(errors="replace").strip().splitlines()[-1]
        return f"{time.time()-t:6.2f}s {int(kib)//1024:5d}MiB rc={p.returncode}" + ("" if p.returncode == 0 else " " + p.stderr.decode(errors='replace').strip().splitlines()[0][:120])
    except subprocess.TimeoutExpired:
        return f"TIMEOUT >{timeout}s"
only = sys.argv[3:]
for name, body in cases.items():
    if only and name not in only: continue
    f = f"{work}/{name}.md"
    open(f, "w").write(f"---\ntitle: {name}\nteaser: Kurz.\n---\nDer Anfang.\n\n{body}\n\nDas Ende.\n")
    out = subprocess.run([BIN, "--db", f"{work}/lib.sqlite", "article", "import", f, "--json"], capture_output=True)
    import json
    try:
        aid = str(json.loads(out.stdout)["imported"][0]["id"])
    except Exception:
        print(name, "import:", out.stderr.decode()[:200]); continue
    res = [f"import ok"]
    for fmt in ["html", "pdf", "ninjs", "bundle", "md"]:
        r = run(["article", "export", aid, "--format", fmt, "-o", f"{work}/{name}.{fmt}", "--force"])
        res.append(f"{fmt}: {r}")
    res.append("search: " + run(["search", "Anfang"]))
    res.append("suggest: " + run(["tags", "suggest", aid]))
    res.append("stats: " + run(["article", "stats", aid]))
    res.append("related: " + run(["article", "related", aid]))
    print(f"## {name} ({len(body.encode())} bytes)")
    for r in res: print("   ", r)
    sys.stdout.flush()
