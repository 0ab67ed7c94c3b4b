"""Consistency checks for the held-out real-text evaluation set (run: python3 bench/realtext-heldout/check.py).

eval_docs.jsonl: one JSON object per line with id, lang, text, mentions
  (start/end are Python str offsets, surface == text[start:end], entity is an id in entities.csv,
  "short": true marks a surname-only / acronym mention), and optionally "distractors":
  look-alike names of OTHER people/things that a canonicalizer must leave untouched.
entities.csv: id,canonical,variant,lang,type  (one row per spelling; variant == canonical row present).

"""
import csv, json, re, sys, collections
from pathlib import Path

HERE = Path(__file__).resolve().parent
ok = True
def fail(*a):
    global ok; ok = False; print("FAIL", *a)

ents = collections.defaultdict(set); canon = {}
with open(HERE / "entities.csv", encoding="utf-8", newline="") as f:
    r = csv.reader(f); header = next(r)
    if header != ["id", "canonical", "variant", "lang", "type"]: fail("entities header", header)
    for eid, can, var, lang, typ in r:
        if canon.setdefault(eid, can) != can: fail("two canonicals for", eid)
        if lang not in ("", "en", "fr"): fail("lang", eid, lang)
        if typ not in ("person", "org", "place", "event"): fail("type", eid, typ)
        ents[eid].add(var)
for eid, can in canon.items():
    if can not in ents[eid]: fail("no variant==canonical row for", eid)

norm = lambda s: re.sub(r"\s+", " ", s)
docs = [json.loads(l) for l in open(HERE / "eval_docs.jsonl", encoding="utf-8")]
ids = collections.Counter(d["id"] for d in docs)
for i, n in ids.items():
    if n > 1: fail("duplicate id", i)
for d in docs:
    t = d["text"]
    if d["lang"] not in ("en", "fr"): fail(d["id"], "lang")
    spans = []
    for m in d["mentions"]:
        if t[m["start"]:m["end"]] != m["surface"]: fail(d["id"], "offset", m)
        if m["entity"] not in ents: fail(d["id"], "unknown entity", m["entity"])
        elif norm(m["surface"]) not in ents[m["entity"]]: fail(d["id"], "surface not in glossary", m["surface"])
        spans.append((m["start"], m["end"]))
    for x in d.get("distractors", []):
        if t[x["start"]:x["end"]] != x["surface"]: fail(d["id"], "distractor offset", x)
        spans.append((x["start"], x["end"]))
    spans.sort()
    for (a, b), (c, _) in zip(spans, spans[1:]):
        if c < b: fail(d["id"], "overlapping spans", (a, b), c)

pairs = []

nm = sum(len(d["mentions"]) for d in docs)
print(f"docs={len(docs)} (fr={sum(d['lang']=='fr' for d in docs)}) mentions={nm} "
      f"short={sum(1 for d in docs for m in d['mentions'] if m.get('short'))} "
      f"distractors={sum(len(d.get('distractors', [])) for d in docs)} "
      f"entities={len(canon)} entity_rows={sum(len(v) for v in ents.values())}")
print("OK" if ok else "FAILED"); sys.exit(0 if ok else 1)
