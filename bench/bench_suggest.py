"""Measure `newsnorm glossary suggest` on real news (bench/realtext) with a minimal glossary.

Minimal glossary: per entity of entities.csv, its canonical plus at most one alternative (the
first other any-language spelling listed, else the first other one). Documents are split by a
fixed rule: even-numbered lines tune (dev), odd-numbered lines are kept aside (test); the
figures that count are on the kept-aside half.

Gold (per half): each (entity, spelling) of a gold mention that occurs at least twice, whose
spelling is not listed in the minimal glossary up to folding, and is not a contiguous part of a
listed person spelling (a short form the canonicalizer derives by itself, e.g. "Haniyeh").
- recall = share of gold spellings that appear among the suggestions for the right entity;
- precision@50 = share of the top 50 suggestions (or all, if fewer) that are true variants:
  the spelling is listed for that entity in entities.csv, or is a gold mention of it.

Run: .venv/bin/python bench/bench_suggest.py [--out bench/results/workbench.md]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import platform
import sys
import time
from pathlib import Path

from normalizer.glossary import Entry, Glossary, Variant, form_key
from normalizer.suggest import suggest
from normalizer.textfold import tokenize

HERE = Path(__file__).resolve().parent
REAL = HERE / "realtext"


def load_entities() -> tuple[dict[str, dict], dict[str, set[str]]]:
    rows: dict[str, dict] = {}
    spellings: dict[str, set[str]] = collections.defaultdict(set)
    with open(REAL / "entities.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            slot = rows.setdefault(row["id"], {"canonical": row["canonical"], "type": row["type"],
                                               "others": []})
            spellings[row["id"]].add(form_key(row["variant"]))
            if row["variant"] != row["canonical"]:
                slot["others"].append((row["variant"], row["lang"]))
    return rows, spellings


def minimal_glossary(rows: dict[str, dict]) -> Glossary:
    entries = []
    for eid, row in rows.items():
        others = row["others"]
        canonical_parts = [t.folded for t in tokenize(row["canonical"])]
        # an alternative that is not just a part of the canonical (a derived short form)
        full = [o for o in others if len(tokenize(o[0])) >= min(2, len(canonical_parts))]
        pick = ([o for o in full if not o[1]] or full or [None])[0]
        variants = (Variant(pick[0], frozenset({pick[1]}) if pick[1] else None),) if pick else ()
        entries.append(Entry(id=eid, canonical=row["canonical"], type=row["type"],
                             variants=variants))
    return Glossary.build(entries)


def derived_parts(glossary: Glossary, eid: str) -> set[str]:
    entry = glossary.by_id()[eid]
    out = set()
    for text in [entry.canonical, *(v.text for v in entry.variants)]:
        folded = [t.folded for t in tokenize(text)]
        for i in range(1, len(folded)):
            for j in range(i + 1, len(folded) + 1):
                out.add(" ".join(folded[i:j]))
    return out


def gold_for(docs: list[dict], glossary: Glossary) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    by_id = glossary.by_id()
    for doc in docs:
        for m in doc["mentions"]:
            entry = by_id[m["entity"]]
            key = form_key(m["surface"])
            listed = {form_key(entry.canonical)} | {form_key(v.text) for v in entry.variants}
            if key in listed or key in derived_parts(glossary, m["entity"]):
                continue
            counts[(m["entity"], key)] += 1
    return counts


def evaluate(docs: list[dict], glossary: Glossary, spellings: dict[str, set[str]]) -> dict:
    started = time.perf_counter()
    found = suggest(((d["text"], d["lang"]) for d in docs), glossary)
    seconds = time.perf_counter() - started
    gold = gold_for(docs, glossary)
    targets = {k for k, n in gold.items() if n >= 2}
    got = {(s.entry_id, form_key(s.variant)) for s in found}
    hit = targets & got
    once = set(gold)
    top = found[:50]
    true = [s for s in top if form_key(s.variant) in spellings[s.entry_id]
            or (s.entry_id, form_key(s.variant)) in gold]
    return {"docs": len(docs), "targets": len(targets), "recalled": len(hit),
            "recall": len(hit) / len(targets) if targets else 1.0,
            "once": len(once), "once_hit": len(once & got),
            "suggestions": len(found), "top": len(top), "true_in_top": len(true),
            "precision": len(true) / len(top) if top else 1.0, "seconds": seconds,
            "missed": sorted(targets - got),
            "false": [(s.canonical, s.variant, s.score) for s in top if s not in true],
            "listing": found}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=None, help="Write the markdown summary here.")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not (REAL / "eval_docs.jsonl").exists():
        print("bench/realtext/eval_docs.jsonl is missing", file=sys.stderr)
        return 2
    rows, spellings = load_entities()
    glossary = minimal_glossary(rows)
    with open(REAL / "eval_docs.jsonl", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    halves = {"dev (even lines)": docs[0::2], "kept aside (odd lines)": docs[1::2],
              "all": docs}
    lines = ["## glossary suggest on real news (bench/bench_suggest.py)", "",
             f"Machine: {platform.machine()}, Python {platform.python_version()}; "
             f"minimal glossary: {len(glossary)} entries, "
             f"{sum(len(e.variants) for e in glossary.entries)} alternatives.", "",
             "| documents | n | gold spellings (>=2 occurrences) | recall | suggestions | "
             "true variants in top 50 | precision@50 | "
             "recall over all unlisted spellings (>=1) | time |",
             "|---|---|---|---|---|---|---|---|---|"]
    results = {}
    for name, part in halves.items():
        r = evaluate(part, glossary, spellings)
        results[name] = r
        lines.append(f"| {name} | {r['docs']} | {r['targets']} | {r['recalled']}/{r['targets']}"
                     f" = {r['recall']:.0%} | {r['suggestions']} | {r['true_in_top']}/{r['top']}"
                     f" | {r['precision']:.0%} | {r['once_hit']}/{r['once']} = "
                     f"{r['once_hit'] / max(1, r['once']):.0%} | {r['seconds']:.2f} s |")
    lines += ["", "Bars: recall >= 70%, precision@50 >= 60% on the kept-aside half."]
    kept = results["kept aside (odd lines)"]
    lines += ["", f"Missed on the kept-aside half: {kept['missed'] or 'none'}",
              f"False suggestions in its top 50: {kept['false'] or 'none'}"]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.verbose:
        for s in results["all"]["listing"]:
            print(s.entry_id, "|", s.variant, s.count, s.score, "|", s.example[:100])
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    ok = kept["recall"] >= 0.7 and kept["precision"] >= 0.6
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
