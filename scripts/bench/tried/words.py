#!/usr/bin/env python3
# Issue 19, tried afterwards: ten kinds of 40,000-fold words in body, title, teaser and caption,
# each imported, printed, exported as HTML, suggested for, counted and searched; prints the times.
# Usage: scripts/bench/tried/words.py path/to/newsdesk WORKDIR   (BENCHMARKS.md)
import os, sys, subprocess, time
BIN=sys.argv[1]; work=sys.argv[2]; os.makedirs(work, exist_ok=True)
units=["Verwaltungsdigitalisierung","a","ä","a\u0308","ab-","Wort\u00ad","x7","9","日本","amt"]
for u in units:
  w=u*40000
  for field in ["body","title","teaser","caption"]:
    fm={"title":"Kabinett berät Strategie","teaser":"Das Kabinett.","caption":"Die Staatskanzlei"}
    body="Die Landesregierung beschloss die Strategie.\n\n"
    import json
    if field=="body": body+=f"Vor dem Wort {w} nach dem Wort."
    elif field=="title": fm["title"]=f"Kabinett Vor dem Wort {w} nach dem Wort."
    elif field=="teaser": fm["teaser"]=f"Das Kabinett Vor dem Wort {w} nach dem Wort."
    else: fm["caption"]=f"Vor dem Wort {w} nach dem Wort."
    text=f"---\ntitle: {json.dumps(fm['title'])}\nteaser: {json.dumps(fm['teaser'])}\nimages:\n  - file: bild.jpg\n    caption: {json.dumps(fm['caption'])}\n    credit: Staatskanzlei\n    alt: Bild\n---\n{body}\n"
    open(f"{work}/w.md","w").write(text)
    db=f"{work}/l.sqlite"
    for e in ("","-wal","-shm"):
      try: os.remove(db+e)
      except FileNotFoundError: pass
    row=[f"{u!r:30} {field:8}"]
    for args in (["article","import",f"{work}/w.md"],["article","export","1","--format","pdf","-o",f"{work}/o.pdf","--force"],["article","export","1","--format","html","-o",f"{work}/o.html","--force"],["tags","suggest","1"],["article","stats","1"],["search","Landesregierung"]):
      t=time.time(); p=subprocess.run([BIN,"--db",db]+args,capture_output=True,timeout=600); row.append(f"{args[1][:6]} {time.time()-t:.2f}{'' if p.returncode==0 else ' FAIL:'+p.stderr.decode()[:80]}")
    print("  ".join(row)); sys.stdout.flush()
