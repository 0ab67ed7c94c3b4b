"""How fast the HTML review report opens in headless Chromium with 5,000 documents.

Builds 5,000 realistic records (about 1.6 KB of English text each, a quarter translated from
French with the source kept, 4-8 canonicalized names each, with real offsets from the
canonicalizer), writes the page with ``render_report``, opens it in Debian's Chromium through
Playwright and measures: Python render time, page size, time from navigation to the first cards
rendered (``document.body.dataset.ready``), the in-page script time, and the time to apply an
entity filter. Bar: the page renders 5,000 documents in under 5 s.

Run: .venv/bin/python bench/bench_report.py [--docs 5000] [--out bench/results/workbench.md]
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalizer.canonicalize import Canonicalizer  # noqa: E402
from normalizer.glossary import load_glossaries  # noqa: E402
from normalizer.report import render_report  # noqa: E402
from tests.chromium import browser_page, open_report, skip_reason  # noqa: E402

NAMES = ["Hossein Amirabdollahian", "Ismail Haniya", "Fouad Hussain", "Qassem Soleimani",
         "Ebrahim Raissi", "Abu Mahdi al-Mohandes", "Ali Baqeri Kani", "Hissein Brahim Taha",
         "Organisation of Islamic Cooperation", "Benyamin Netanyahu"]
FILLER = ("The talks in the capital focused on regional security, trade and the humanitarian "
          "situation, officials said on condition of anonymity. ")


def make_records(n: int) -> list[dict]:
    rng = random.Random(7)
    canon = Canonicalizer(load_glossaries([str(ROOT / "glossaries" / "mideast-diplomacy.yaml")]))
    records = []
    for i in range(n):
        parts = []
        for _ in range(rng.randint(4, 8)):
            parts.append(f"{rng.choice(NAMES)} met reporters on day {rng.randint(1, 28)}. ")
            parts.append(FILLER * rng.randint(1, 3))
        original = "".join(parts)
        text, changes = canon.canonicalize(original, "en")
        translated = i % 4 == 0
        records.append({
            "id": f"doc-{i:05d}", "source": f"corpus/part{i // 500}.jsonl:{i % 500 + 1}",
            "language": "fr" if translated else "en", "confidence": 0.98,
            "translated": translated, "engine": "apertium" if translated else None,
            "model": "fr-en" if translated else None, "text": text,
            "original": ("Texte source en français. " * 40) if translated else original,
            "changes": [c.to_dict() for c in changes], "warnings": [], "error": None})
    return records


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--out", default=None, help="Append the markdown summary here.")
    args = parser.parse_args()
    reason = skip_reason()
    if reason:
        print(f"skipped: {reason}", file=sys.stderr)
        return 2
    records = make_records(args.docs)
    started = time.perf_counter()
    page_html = render_report(records, "bench")
    render_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(page_html, encoding="utf-8")
        runs = []
        for _ in range(3):
            with browser_page() as (page, problems):
                t0 = time.perf_counter()
                open_report(page, path)
                load_s = time.perf_counter() - t0
                script_ms = page.evaluate("window.__renderMs")
                nav_ms = page.evaluate("performance.now()")
                t1 = time.perf_counter()
                page.select_option("#f-entity", "ismail-haniyeh")
                page.wait_for_function("document.querySelectorAll('#docs article').length > 0")
                filter_s = time.perf_counter() - t1
                cards = page.locator("#docs article").count()
                runs.append((load_s, script_ms, nav_ms, filter_s, cards, list(problems)))
    best = min(runs)
    changes = sum(len(r["changes"]) for r in records)
    lines = [
        "## HTML review report in headless Chromium (bench/bench_report.py)", "",
        f"Machine: {platform.machine()}, 2 cores; Chromium via Playwright "
        f"(system /usr/bin/chromium); {args.docs} documents, {changes} changes, page "
        f"{len(page_html) / 1e6:.1f} MB.", "",
        "| step | time |", "|---|---|",
        f"| render_report (Python) | {render_s:.2f} s |",
        f"| navigation to first cards shown (best of 3; all: "
        f"{', '.join(f'{r[0]:.2f}' for r in runs)} s) | {best[0]:.2f} s |",
        f"| in-page script: JSON parse + totals + first 40 cards | {best[1]:.0f} ms |",
        f"| entity filter applied | {best[3] * 1000:.0f} ms |", "",
        f"Console errors / network requests: {best[5] or 'none'}. Bar: under 5 s.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)
    return 0 if best[0] < 5 and not best[5] else 1


if __name__ == "__main__":
    sys.exit(main())
