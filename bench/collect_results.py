"""Assemble bench/RESULTS.md from the per-topic result files in bench/results/.

Each benchmark script writes its own figures (with its command and machine) to
bench/results/<topic>.md; this keeps one readable page without hand copying.
Usage: .venv/bin/python bench/collect_results.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["canonicalize", "canonicalize-quality", "detect", "translate", "pipeline", "workbench"]


def main() -> None:
    files = {p.stem: p for p in (HERE / "results").glob("*.md")}
    names = [n for n in ORDER if n in files] + sorted(set(files) - set(ORDER))
    parts = ["# Benchmark results\n",
             "Collected from `bench/results/*.md` by `bench/collect_results.py`; each section "
             "names the command that produced it and the machine it ran on.\n"]
    for name in names:
        body = files[name].read_text(encoding="utf-8").strip()
        demoted = "\n".join("#" + line if line.startswith("#") else line
                            for line in body.splitlines())
        parts.append(demoted + "\n")
    (HERE / "RESULTS.md").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
