"""Convert glossaries between the native YAML, CSV/TSV interchange and DeepL TSV formats.

Contract: ``read_glossary(path, fmt, lang)`` loads and checks one file in any format
(``auto`` = by suffix; a ``.tsv``/``.txt`` file whose first line is not an interchange header is
read as DeepL); ``format_glossary(glossary, fmt, lang)`` renders it. YAML <-> CSV <-> TSV is
lossless (same digest; comments and notes aside). DeepL carries canonical and spellings only.
"""

from __future__ import annotations

from pathlib import Path

from normalizer.errors import GlossaryError, UsageError
from normalizer.glossary import read_glossary_text
from normalizer.glossary.deepl import format_deepl, parse_deepl
from normalizer.glossary.model import Entry, Glossary
from normalizer.glossary.table_format import KNOWN, format_table, parse_table_full
from normalizer.glossary.yaml_format import parse_yaml
from normalizer.glossary.yaml_writer import format_yaml

FORMATS = ("yaml", "csv", "tsv", "deepl")
_SUFFIX = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
           ".txt": "tsv"}


def format_from_path(path: str | None, default: str) -> str:
    """The format a file name implies (``default`` for stdout or an unknown suffix)."""
    if path is None or path == "-":
        return default
    return _SUFFIX.get(Path(path).suffix.lower(), default)


def _looks_like_interchange(text: str) -> bool:
    first = text.splitlines()[0] if text.strip() else ""
    cells = [c.strip().lower() for c in first.replace("\t", ",").split(",")]
    return "canonical" in cells and all(c in KNOWN for c in cells if c)


def parse_file(path: str, fmt: str = "auto",
               lang: str | None = None) -> tuple[list[Entry], list[str]]:
    """Entries and glossary-wide look-alikes of one file, parsed but not cross-checked."""
    if fmt not in ("auto", *FORMATS):
        raise UsageError(f"unknown glossary format {fmt!r}; use {', '.join(FORMATS)}")
    text = read_glossary_text(path)
    if fmt == "auto":
        fmt = format_from_path(path, "")
        if fmt == "tsv" and not _looks_like_interchange(text):
            fmt = "deepl"
        if not fmt:
            raise GlossaryError("unknown glossary format; use .yaml, .csv or .tsv "
                                "(or give the format)", path=path)
    if fmt == "yaml":
        return parse_yaml(text, path)
    if fmt == "deepl":
        return parse_deepl(text, path, lang), []
    return parse_table_full(text, path, "\t" if fmt == "tsv" else ",")


def read_glossary(path: str, fmt: str = "auto", lang: str | None = None) -> Glossary:
    """One glossary file in ``fmt`` (``auto``, yaml, csv, tsv or deepl), checked."""
    entries, keep = parse_file(path, fmt, lang)
    return Glossary.build(entries, [path], keep)


def format_glossary(glossary: Glossary, fmt: str, lang: str | None = None) -> str:
    """The glossary as text in ``fmt`` (yaml, csv, tsv or deepl)."""
    entries = list(glossary.entries)
    if fmt == "yaml":
        return format_yaml(entries, glossary.global_keep)
    if fmt in ("csv", "tsv"):
        return format_table(entries, "," if fmt == "csv" else "\t", glossary.global_keep)
    if fmt == "deepl":
        return format_deepl(entries, lang)
    raise UsageError(f"unknown glossary format {fmt!r}; use {', '.join(FORMATS)}")
