"""``newsnorm report``: records.jsonl in, one self-contained HTML review page out."""

from __future__ import annotations

import typer

from normalizer.errors import UsageError


def run_report(paths: list[str], output: str, title: str | None) -> int:
    from normalizer.report import default_title, load_records, render_report
    from normalizer.writer import atomic_write_text

    if not paths:
        raise UsageError("give at least one records.jsonl file")
    if output in paths:
        raise UsageError("-o is one of the inputs; choose another file")
    records = load_records(paths)
    atomic_write_text(output, render_report(records, title or default_title(paths)))
    changes = sum(len(r.get("changes") or []) for r in records)
    typer.echo(f"wrote {output}: {len(records)} documents, {changes} changes", err=True)
    return 0
