"""``newsnorm glossary ...``: lint, conversion and variant suggestions for glossary files."""

from __future__ import annotations

import sys

import typer

from normalizer.errors import UsageError


def run_check(paths: list[str]) -> int:
    """Print every finding as ``file:line: severity: reason [code]``; 1 if any is an error."""
    from normalizer.glossary import load_glossaries
    from normalizer.glossary.lint import ERROR, lint_paths

    findings = lint_paths(paths)
    for finding in findings:
        typer.echo(finding.location_message(), err=True)
    errors = sum(f.severity == ERROR for f in findings)
    warnings = len(findings) - errors
    if errors:
        typer.echo(f"{len(findings)} problem(s) found: {errors} error(s), {warnings} "
                   "warning(s)", err=True)
        return 1
    glossary = load_glossaries(paths)
    variants = sum(len(e.variants) for e in glossary.entries)
    typer.echo(f"ok: {len(glossary)} entries, {variants} variants, digest {glossary.digest}"
               + (f" ({warnings} warning(s))" if warnings else ""))
    return 0


def run_convert(paths: list[str], output: str | None, src_fmt: str, dst_fmt: str | None,
                lang: str | None, default_fmt: str) -> int:
    """Read glossaries in any format and write them as one file in ``dst_fmt``."""
    from normalizer.glossary.convert import format_from_path, format_glossary, read_glossary
    from normalizer.glossary.model import Glossary
    from normalizer.writer import atomic_write_text

    if not paths:
        raise UsageError("give at least one glossary file")
    glossary = Glossary.merge(read_glossary(p, src_fmt, lang) for p in paths)
    fmt = dst_fmt or format_from_path(output, default_fmt)
    text = format_glossary(glossary, fmt, lang)
    if output is None or output == "-":
        sys.stdout.write(text)
    else:
        if any(output == p for p in paths):
            raise UsageError("output is the same as an input; choose another -o")
        atomic_write_text(output, text)
        typer.echo(f"wrote {len(glossary)} entries to {output} ({fmt})", err=True)
    return 0
