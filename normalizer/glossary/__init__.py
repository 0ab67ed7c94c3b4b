"""Glossaries: load native YAML and CSV/TSV interchange files into one checked ``Glossary``.

Contract: ``load_glossaries`` reads every file, collects every problem of every file (file:line
and reason) and raises one ``GlossaryError`` carrying them all; otherwise it returns one merged
``Glossary`` whose conflicts across files were checked too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from normalizer.errors import GlossaryError
from normalizer.glossary.model import EVENT_TYPES, Entry, Glossary, Variant, form_key
from normalizer.glossary.table_format import format_table, parse_table, parse_table_full
from normalizer.glossary.yaml_format import parse_yaml

__all__ = ["EVENT_TYPES", "Entry", "Glossary", "Variant", "form_key", "format_table",
           "load_glossary", "load_glossaries", "parse_table", "parse_table_full", "parse_yaml"]

YAML_SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t", ".tab": "\t"}


def read_glossary_text(path: str) -> str:
    """The file's text, or a ``GlossaryError`` naming the file and the line it fails at."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise GlossaryError("glossary file not found; check the -g path", path=path) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read glossary: {exc.strerror}", path=path) from None
    if b"\x00" in data:
        raise GlossaryError("binary file, not a glossary (expected UTF-8 YAML, CSV or TSV)",
                            path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError("unreadable encoding: not UTF-8; save the file as UTF-8",
                            path=path, line=line) from None


def load_glossary(path: str) -> Glossary:
    """One glossary file (format by suffix: .yaml/.yml, .csv, .tsv)."""
    text = read_glossary_text(path)
    suffix = Path(path).suffix.lower()
    if suffix in YAML_SUFFIXES:
        entries, keep = parse_yaml(text, path)
        return Glossary.build(entries, [path], keep)
    if suffix in TABLE_SUFFIXES or suffix == ".txt":
        entries, keep = parse_table_full(text, path, TABLE_SUFFIXES.get(suffix))
        return Glossary.build(entries, [path], keep)
    raise GlossaryError("unknown glossary format; use .yaml, .csv or .tsv", path=path)


def load_glossaries(paths: Iterable[str]) -> Glossary:
    """Several glossary files merged; all problems of all files in one ``GlossaryError``."""
    loaded: list[Glossary] = []
    problems: list[GlossaryError] = []
    for path in paths:
        try:
            loaded.append(load_glossary(path))
        except GlossaryError as exc:
            problems.extend(exc.problems)
    if problems:
        first = problems[0]
        raise GlossaryError(first.message, path=first.path, line=first.line, problems=problems)
    return Glossary.merge(loaded)
