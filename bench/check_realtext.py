"""Consistency check of a real-text evaluation set (bench/realtext, bench/realtext-heldout).

Usage: .venv/bin/python bench/check_realtext.py bench/realtext [bench/realtext-heldout ...]

Checks: entities.csv header and one canonical per id with its own row; every mention's offsets
spell its surface and name a known entity whose spellings include it (a short mention that is
part of the canonical, "Aoun" for Michel Aoun, needs no row: two people may share it);
spans never overlap; ids are unique. Exits 1 and prints each problem when the set is inconsistent.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HEADER = ["id", "canonical", "variant", "lang", "type"]


def problems_in(folder: Path) -> list[str]:
    found: list[str] = []
    spellings: dict[str, set[str]] = defaultdict(set)
    canonical: dict[str, str] = {}
    with (folder / "entities.csv").open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        if next(rows) != HEADER:
            found.append("entities.csv: header is not " + ",".join(HEADER))
        for entity, canon, variant, _lang, _type in rows:
            if canonical.setdefault(entity, canon) != canon:
                found.append(f"entities.csv: two canonicals for {entity}")
            spellings[entity].add(variant)
    found += [f"entities.csv: no row variant == canonical for {e}"
              for e, c in canonical.items() if c not in spellings[e]]
    docs = [json.loads(line) for line in
            (folder / "eval_docs.jsonl").read_text(encoding="utf-8").splitlines() if line]
    found += [f"duplicate id {i}" for i, n in Counter(d["id"] for d in docs).items() if n > 1]
    for doc in docs:
        text, spans = doc["text"], []
        for m in doc["mentions"] + doc.get("distractors", []):
            if text[m["start"]:m["end"]] != m["surface"]:
                found.append(f"{doc['id']}: offsets do not spell {m['surface']!r}")
            spans.append((m["start"], m["end"]))
        for m in doc["mentions"]:
            surface = re.sub(r"\s+", " ", m["surface"])
            if m["entity"] not in spellings:
                found.append(f"{doc['id']}: unknown entity {m['entity']}")
            elif surface not in spellings[m["entity"]] and not (
                    m.get("short") and surface in canonical[m["entity"]]):  # needs no listing
                found.append(f"{doc['id']}: {surface!r} is not a spelling of {m['entity']}")
        spans.sort()
        found += [f"{doc['id']}: overlapping spans at {b}"
                  for (_, a), (b, _) in zip(spans, spans[1:], strict=False) if b < a]
    return found


def main() -> None:
    bad = False
    for folder in map(Path, sys.argv[1:] or ["bench/realtext"]):
        problems = problems_in(folder)
        for problem in problems:
            print(f"{folder}: {problem}")
        print(f"{folder}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
        bad |= bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
