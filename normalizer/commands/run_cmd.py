"""``newsnorm run``: the batch pipeline over files, folders, globs or stdin.

Contract: builds a ``PipelineConfig`` and ``RunOptions`` from the command line, runs
``normalizer.batch.run_batch`` and returns the exit code: 0 when every document succeeded, 1
when some failed (each reported with file:line on stderr, in records.jsonl and the summary);
usage errors raise ``UsageError`` (exit 2) before OUT is touched.
"""

from __future__ import annotations

import os

from normalizer.errors import UsageError


def parse_langs(raw: str | None) -> tuple[str, ...] | None:
    """``"fr,en"`` -> ``("fr", "en")``; None or empty -> None (all languages)."""
    if not raw:
        return None
    langs = tuple(part.strip().lower() for part in raw.split(",") if part.strip())
    bad = [code for code in langs if not code.isalpha() or len(code) not in (2, 3)]
    if bad:
        raise UsageError(f"--langs takes ISO 639-1 codes separated by commas, not {bad[0]!r}")
    return langs or None


def run(paths: list[str], glossaries: list[str] | None, output: str | None, target: str,
        engine: str, langs: str | None, lang: str | None, fmt: str, text_field: str,
        id_field: str | None, workers: int | None, resume: bool, furniture: str | None,
        clean: bool, detect: bool, translate: bool, canonicalize: bool,
        records: str | None, batch_size: int, quiet: bool, progress: bool | None,
        known_aliases: bool = False) -> int:
    from normalizer.batch import RunOptions, run_batch
    from normalizer.pipeline import ENGINES, PipelineConfig
    from normalizer.summary import print_summary

    if engine not in ENGINES:
        raise UsageError(f"unknown --engine {engine!r}; use one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise UsageError("--workers must be at least 1")
    if batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if records and output:
        raise UsageError("--records is for stdout runs; with -o the records are "
                         "OUT/records.jsonl")
    if canonicalize and not glossaries:
        canonicalize = False  # nothing to canonicalize against: the stage is skipped
    config = PipelineConfig(glossaries=tuple(glossaries or ()), target=target.lower(),
                            engine=engine, langs=parse_langs(langs),
                            lang=lang.lower() if lang else None, clean=clean, detect=detect,
                            translate=translate, canonicalize=canonicalize,
                            furniture=furniture, batch_size=batch_size,
                            known_aliases=known_aliases)
    options = RunOptions(inputs=tuple(paths), output=output, fmt=fmt, text_field=text_field,
                         id_field=id_field, workers=workers or os.cpu_count() or 1,
                         resume=resume, records=records, progress=progress)
    stats = run_batch(config, options)
    if not quiet:
        print_summary(stats, output)
    return 1 if stats.failed else 0
