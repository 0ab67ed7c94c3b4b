"""``newsnorm glossary ...``: validation and conversion of glossary files."""

from __future__ import annotations

import typer

from normalizer.errors import GlossaryError
from normalizer.glossary import load_glossaries


def run_check(paths: list[str]) -> int:
    """Print every problem as ``file:line: reason``; 0 if none, 1 otherwise."""
    try:
        glossary = load_glossaries(paths)
    except GlossaryError as exc:
        for problem in exc.problems:
            typer.echo(problem.location_message(), err=True)
        typer.echo(f"{len(exc.problems)} problem(s) found", err=True)
        return 1
    variants = sum(len(e.variants) for e in glossary.entries)
    typer.echo(f"ok: {len(glossary)} entries, {variants} variants, digest {glossary.digest}")
    return 0
