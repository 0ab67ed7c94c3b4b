"""Precision and recall of the canonicalizer on the real-text evaluation set.

Usage: .venv/bin/python bench/eval_canonicalize.py [--docs bench/realtext/eval_docs.jsonl]
       [--entities bench/realtext/entities.csv] [--show-errors] [--known-aliases]

Two glossaries are derived from entities.csv: *full* (every spelling) and *minimal* (the
canonical plus at most one alternative spelling per entity, the first one listed). A predicted
change is correct when its span is a gold mention of the same entity (and, for a full-name
mention, its output is the canonical, with a capital first letter at the start of a sentence).
Recall counts the gold mentions that need a change: a
full-name mention not spelled canonically, or a short mention whose spelling is not part of the
canonical ("Hussain" for Fuad Hussein); at the start of a sentence a capital first letter is
part of the canonical spelling ("Al-Hayya spoke." for al-Hayya). Distractors and all other text
must stay untouched.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalizer.canon.layout import starts_sentence  # noqa: E402
from normalizer.canonicalize import Canonicalizer  # noqa: E402
from normalizer.glossary import Glossary, parse_table  # noqa: E402


def glossaries(entities_csv: Path) -> tuple[Glossary, Glossary, dict[str, str]]:
    text = entities_csv.read_text(encoding="utf-8")
    full = Glossary.build(parse_table(text, str(entities_csv)))
    rows = list(csv.DictReader(io.StringIO(text)))
    kept: dict[str, int] = Counter()
    minimal_rows = []
    for row in rows:
        if row["variant"] == row["canonical"]:
            minimal_rows.append(row)
        elif kept[row["id"]] < 1:
            kept[row["id"]] += 1
            minimal_rows.append(row)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    writer.writerows(minimal_rows)
    minimal = Glossary.build(parse_table(buffer.getvalue(), "minimal.csv"))
    return full, minimal, {e.id: e.canonical for e in full.entries}


def evaluate(glossary: Glossary, docs: list[dict], canon: dict[str, str],
             show: bool, known_aliases: bool = False) -> dict[str, float]:
    c = Canonicalizer(glossary, known_aliases=known_aliases)
    tp = fp = needed = found = 0
    by_rule: Counter[str] = Counter()
    for doc in docs:
        _, changes = c.canonicalize(doc["text"], doc["lang"])
        gold = {(m["start"], m["end"]): m for m in doc["mentions"]}
        for ch in changes:
            m = gold.get((ch.start, ch.end))
            target = canon[m["entity"]] if m is not None else ""
            # at the start of a sentence the canonical's first letter is a capital ("Al-Hayya
            # spoke." for al-Hayya), as recall below counts it
            ok = m is not None and m["entity"] == ch.entry_id and (
                m.get("short") or ch.canonical == target or (
                    starts_sentence(doc["text"], ch.start)
                    and ch.canonical == target[:1].upper() + target[1:]))
            tp += ok
            fp += not ok
            by_rule[(ch.rule, ok)] += 1
            if not ok and show:
                print(f"  FP {doc['id']}: {ch.original!r} -> {ch.canonical!r} ({ch.rule}) "
                      f"gold={m and m['entity']}")
        changed = {(ch.start, ch.end): ch for ch in changes}
        for m in doc["mentions"]:
            target = canon[m["entity"]]
            spellings = {m["surface"]}
            if starts_sentence(doc["text"], m["start"]):  # "Al-Hayya spoke." is right
                spellings.add(m["surface"][:1].lower() + m["surface"][1:])
            if m.get("short"):
                if any(spelling in target for spelling in spellings):
                    continue
            elif target in spellings:
                continue
            needed += 1
            ch = changed.get((m["start"], m["end"]))
            hit = ch is not None and ch.entry_id == m["entity"]
            found += hit
            if not hit and show:
                print(f"  FN {doc['id']}: {m['surface']!r} ({m['entity']}"
                      f"{', short' if m.get('short') else ''})")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = found / needed if needed else 1.0
    return {"changes": tp + fp, "correct": tp, "precision": precision, "needed": needed,
            "recall": recall, "rules": dict(by_rule)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", default=str(ROOT / "bench/realtext/eval_docs.jsonl"))
    parser.add_argument("--entities", default=str(ROOT / "bench/realtext/entities.csv"))
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--out", help="also write the table as Markdown to this file")
    parser.add_argument("--known-aliases", action="store_true",
                        help="with the shipped known aliases (the tool's default is without)")
    args = parser.parse_args()
    docs = [json.loads(line) for line in Path(args.docs).read_text(encoding="utf-8")
            .splitlines() if line.strip()]
    full, minimal, canon = glossaries(Path(args.entities))
    lines = [f"{len(docs)} documents ({sum(d['lang'] == 'fr' for d in docs)} French), "
             f"{sum(len(d['mentions']) for d in docs)} gold mentions, {len(full)} entities",
             "", "| glossary | spellings | changes made | precision | changes needed | recall |",
             "|---|---|---|---|---|---|"]
    print(lines[0])
    for name, g in (("full", full), ("minimal", minimal)):
        if args.show_errors:
            print(f"-- {name}")
        r = evaluate(g, docs, canon, args.show_errors, args.known_aliases)
        spellings = sum(len(e.variants) + 1 for e in g.entries)
        lines.append(f"| {name} | {spellings} | {r['changes']} | {r['precision']:.3f} | "
                     f"{r['needed']} | {r['recall']:.3f} |")
        print(lines[-1])
    if args.out:
        header = ["# Canonicalization quality on real-text spellings", "",
                  "Command: `.venv/bin/python bench/eval_canonicalize.py --out "
                  "bench/results/canonicalize-quality.md`", "",
                  "Data: `bench/realtext/` (documents written around spellings counted on real "
                  "English and French coverage; see its README). *full* = every spelling in "
                  "entities.csv; *minimal* = canonical plus at most one alternative per entity.",
                  ""]
        Path(args.out).write_text("\n".join(header + lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
