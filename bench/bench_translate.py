"""Translation throughput: our Argos path vs ``argostranslate.translate``, Apertium, cache.

Run (from the repo root):
    .venv/bin/python bench/bench_translate.py [--docs 35] [--length 32] [--beam 4]
        [--bench-model /work/bench-models/translate-fr_en-bench.argosmodel]
        [--argos-python /work/venv-argos-build/bin/python]

- argos: a transformer-base model with random weights (built by
  ``scripts/build_tiny_argos.py --bench-model``) that never emits </s>, so every output is
  exactly ``--length`` tokens in both paths. Ours: ``Translator(engine="argos")`` over all
  documents at once (one CTranslate2 call). Baseline: ``argostranslate.translate`` per
  document in the venv that has argostranslate (its sentence splitter replaced by ours, since
  its MiniSBD splitter would download a model; CTranslate2 given the same max decoding length).
  Both warm (model loaded before timing), same threads (CTranslate2 defaults), same beam.
- apertium: fr -> en through es, with and without name protection, persistent pipeline.
- cache: the same batch translated again with a fresh Translator and the same cache.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_FR = ROOT / "seeds" / "004_d6afaeafbc426307.txt"
ENTITY_DATA = ROOT / "bench" / "data" / "translate_entities_fr.txt"


def corpus(n_docs: int) -> list[str]:
    """``n_docs`` French documents (distinct, so a first run has no cache hit)."""
    import re

    body = "\n".join(x for x in ENTITY_DATA.read_text("utf-8").splitlines()
                     if not x.startswith("#"))
    base = [re.sub(r"\[\[([^|\]]+)\|[^\]]+\]\]", r"\1", b).strip() + "\n"
            for b in body.split("\n===\n")]
    base.append(SEED_FR.read_text("utf-8").strip() + "\n")
    docs = []
    for i in range(n_docs):
        text = base[i % len(base)]
        docs.append(text.replace(".\n", f" (dépêche {i + 1}).\n", 1))
    return docs


def _sentences_module():
    spec = importlib.util.spec_from_file_location(
        "nn_sentences", ROOT / "normalizer" / "translate" / "sentences.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["nn_sentences"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def baseline(args: argparse.Namespace) -> None:
    """Runs inside the argostranslate venv: time translate() per document."""
    os.environ["ARGOS_PACKAGES_DIR"] = args.packages
    os.environ["ARGOS_BEAM_SIZE"] = str(args.beam)
    import argostranslate.translate as at
    import ctranslate2

    sentences = _sentences_module()
    length = args.length

    class Splitter:
        def __init__(self, pkg):
            pass

        def split_sentences(self, text):
            return [text[s:e] for s, e in sentences.split_sentences(text)]

    class Fixed:  # same output length as our path
        def __init__(self, *a, **k):
            self._t = ctranslate2.Translator(*a, **k)

        def translate_batch(self, *a, **k):
            k["max_decoding_length"] = length
            return self._t.translate_batch(*a, **k)

    at.MiniSBDSentencizer = Splitter
    shim = type(sys)("ctranslate2_shim")
    shim.Translator = Fixed
    at.ctranslate2 = shim
    docs = json.loads(Path(args.baseline).read_text("utf-8"))
    t0 = time.perf_counter()
    import_s = t0 - args.t_start
    at.translate("Bonjour.", "fr", "en")  # load the model
    t1 = time.perf_counter()
    outs = [at.translate(d, "fr", "en") for d in docs]
    t2 = time.perf_counter()
    print(json.dumps({"import_s": import_s, "load_s": t1 - t0, "translate_s": t2 - t1,
                      "outputs": outs}))


def bench_argos(args: argparse.Namespace, docs: list[str], report: list[str]) -> None:
    from normalizer.translate import Translator
    from normalizer.translate.packages import install_archive
    from normalizer.translate.sentences import split_layout

    model = Path(args.bench_model)
    if not model.exists():
        report.append(f"argos: skipped ({model} not found; build it with "
                      "scripts/build_tiny_argos.py --bench-model)")
        return
    n_sent = sum(len(split_layout(d).segments) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        pkgs = Path(tmp) / "packages"
        install_archive(model, pkgs)
        opts = {"max_decoding_length": args.length}
        with Translator(engine="argos", cache=False, beam_size=args.beam,
                        packages_dir=str(pkgs), engine_options=opts) as tr:
            tr.translate("Bonjour.", "fr")  # load the model
            t0 = time.perf_counter()
            ours = [r.text for r in tr.translate_many([(d, "fr") for d in docs])]
            ours_s = time.perf_counter() - t0
        with Translator(engine="argos", cache=False, beam_size=args.beam,
                        packages_dir=str(pkgs), engine_options=opts) as tr:
            tr.translate("Bonjour.", "fr")
            t0 = time.perf_counter()
            for d in docs:
                tr.translate(d, "fr")
            per_doc_s = time.perf_counter() - t0
        line = (f"argos ours, all {len(docs)} documents in one batch: {n_sent / ours_s:.1f} "
                f"sentences/s ({ours_s:.2f} s); ours one document per call: "
                f"{n_sent / per_doc_s:.1f} sentences/s ({per_doc_s:.2f} s)")
        report.append(line)
        print(line, flush=True)
        py = Path(args.argos_python)
        if not py.exists():
            report.append(f"argostranslate baseline: skipped ({py} not found)")
            return
        docs_file = Path(tmp) / "docs.json"
        docs_file.write_text(json.dumps(docs, ensure_ascii=False), "utf-8")
        cmd = [str(py), __file__, "--baseline", str(docs_file), "--packages", str(pkgs),
               "--length", str(args.length), "--beam", str(args.beam),
               "--t-start", str(time.perf_counter())]
        proc = subprocess.run(cmd, capture_output=True, text=True, env={
            **os.environ, "HOME": tmp, "XDG_DATA_HOME": f"{tmp}/d", "XDG_CONFIG_HOME":
            f"{tmp}/c", "XDG_CACHE_HOME": f"{tmp}/k"})
        if proc.returncode != 0:
            report.append("argostranslate baseline failed: " + proc.stderr.strip()[-400:])
            return
        base = json.loads(proc.stdout.strip().splitlines()[-1])
        same = sum(_norm(a) == _norm(b) for a, b in zip(ours, base["outputs"], strict=True))
        line = (f"argostranslate.translate per document: {n_sent / base['translate_s']:.1f} "
                f"sentences/s ({base['translate_s']:.2f} s; model load {base['load_s']:.2f} s)"
                f" -> ours is {base['translate_s'] / ours_s:.1f}x faster; identical outputs "
                f"{same}/{len(docs)} documents")
        report.append(line)
        print(line, flush=True)


def _norm(text: str) -> str:
    # argostranslate turns "_" into " " when decoding and joins paragraphs differently.
    return " ".join(text.replace("_", " ").split())


def bench_apertium(docs: list[str], report: list[str]) -> None:
    from normalizer.glossary import load_glossaries
    from normalizer.translate import Translator
    from normalizer.translate.apertium import ApertiumEngine
    from normalizer.translate.cache import TranslationCache
    from normalizer.translate.sentences import split_layout

    if not ApertiumEngine.installed():
        report.append("apertium: skipped (not installed)")
        return
    glossary = load_glossaries([str(ROOT / "glossaries" / "mideast-diplomacy.yaml")])
    n_sent = sum(len(split_layout(d).segments) for d in docs)
    chars = sum(len(d) for d in docs)
    for label, gloss in (("apertium fr->es->en", None),
                         ("apertium fr->es->en + protection", glossary)):
        with Translator(engine="apertium", glossary=gloss, cache=False) as tr:
            tr.translate("Bonjour.", "fr")  # start the pipeline
            t0 = time.perf_counter()
            tr.translate_many([(d, "fr") for d in docs])
            took = time.perf_counter() - t0
        line = (f"{label}: {n_sent / took:.1f} sentences/s, {chars / took / 1000:.1f} KB/s "
                f"({n_sent} sentences, {took:.2f} s, warm)")
        report.append(line)
        print(line, flush=True)
    t0 = time.perf_counter()
    for d in docs:  # what a naive integration does: one `apertium` chain per document
        subprocess.run("apertium -u fr-es | apertium -u spa-eng", shell=True, input=d,
                       capture_output=True, text=True, check=True)
    took = time.perf_counter() - t0
    line = (f"apertium CLI, one `apertium -u fr-es | apertium -u spa-eng` per document: "
            f"{n_sent / took:.1f} sentences/s ({took:.2f} s)")
    report.append(line)
    print(line, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        cache = TranslationCache(Path(tmp) / "c.sqlite3")
        times = []
        for _ in range(2):
            t0 = time.perf_counter()
            with Translator(engine="apertium", glossary=glossary, cache=cache) as tr:
                tr.translate_many([(d, "fr") for d in docs])
            times.append(time.perf_counter() - t0)
        cache.close()
    line = (f"cache, apertium + protection, fresh Translator each run (pipeline start-up "
            f"included): first run {times[0]:.2f} s, cached re-run {times[1]:.3f} s -> "
            f"{times[0] / times[1]:.0f}x faster")
    report.append(line)
    print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=35)
    ap.add_argument("--length", type=int, default=32)
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--bench-model",
                    default="/work/bench-models/translate-fr_en-bench.argosmodel")
    ap.add_argument("--argos-python", default="/work/venv-argos-build/bin/python")
    ap.add_argument("--skip-argos", action="store_true")
    ap.add_argument("--baseline", help=argparse.SUPPRESS)
    ap.add_argument("--packages", help=argparse.SUPPRESS)
    ap.add_argument("--t-start", type=float, default=0.0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.baseline:
        baseline(args)
        return
    docs = corpus(args.docs)
    report = [f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}; {len(docs)} documents"]
    if not args.skip_argos:
        bench_argos(args, docs, report)
    bench_apertium(docs, report)
    print("\n".join(report))


if __name__ == "__main__":
    main()
