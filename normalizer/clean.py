"""The clean stage: scraped-page text normalization before detection and translation.

Contract:
- ``Cleaner.clean(text)`` returns the cleaned text and a ``CleanReport`` of what it did; it is
  pure and deterministic (same text and options, same result), and idempotent: cleaning a
  cleaned text changes nothing.
- Each step can be switched off: Unicode NFC; whitespace (CRLF to LF, invisible characters
  U+200B/U+FEFF/U+00AD dropped, runs of spaces and tabs inside a line collapsed, trailing
  spaces dropped, at most one blank line in a row, one final newline if the text
  ended with one; leading indentation is
  kept for Markdown); page furniture (whole lines matching a pattern list, case-insensitive);
  a leading metadata header (`` date 2024-08-07 ``) moved out of the text into ``header``.
- Furniture patterns are data: ``normalizer/data/furniture.txt`` by default, or a file given by
  the user (one regular expression per line, ``#`` comments); a bad pattern is a ``UsageError``
  naming the file and line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from normalizer.document import Document
from normalizer.errors import UsageError

DEFAULT_FURNITURE = Path(__file__).with_name("data") / "furniture.txt"
INVISIBLE_RE = re.compile("[\u200b\ufeff\u00ad]")
INNER_SPACE_RE = re.compile(r"(?<=\S)[ \t\u00a0]{2,}|(?<=\S)\t")
BLANK_RUN_RE = re.compile(r"\n{3,}")
# " date 2024-08-07 Text ..." or "Published: 2024-08-07T10:00 ...": one or more key/date pairs.
HEADER_RE = re.compile(
    r"\A[ \t]*(?P<key>date|published|updated|modified|posted)[ \t]*:?[ \t]*"
    r"(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"(?:[ \t]+|[ \t]*\n|\Z)",
    re.IGNORECASE)


@dataclass
class CleanReport:
    """What cleaning did: furniture lines removed (with their 1-based line), header fields."""

    removed: list[tuple[int, str]] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)
    changed: bool = False

    def to_dict(self) -> dict:
        return {"removed": [{"line": n, "text": t} for n, t in self.removed],
                "header": dict(self.header), "changed": self.changed}


def load_furniture(path: str | Path | None = None) -> list[re.Pattern[str]]:
    """Compiled whole-line patterns from ``path`` (default: the packaged list)."""
    source = Path(path) if path is not None else DEFAULT_FURNITURE
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the furniture pattern file: {exc}",
                         path=str(source)) from None
    patterns = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            patterns.append(re.compile(line, re.IGNORECASE))
        except re.error as exc:
            raise UsageError(f"bad regular expression ({exc}); fix or remove the line",
                             path=str(source), line=number) from None
    return patterns


class Cleaner:
    """Text normalization for scraped news; every step can be switched off."""

    def __init__(self, *, nfc: bool = True, whitespace: bool = True, furniture: bool = True,
                 header: bool = True, furniture_file: str | Path | None = None,
                 patterns: list[str] | None = None):
        self.nfc = nfc
        self.whitespace = whitespace
        self.header = header
        if not furniture:
            self.patterns: list[re.Pattern[str]] = []
        elif patterns is not None:
            self.patterns = [re.compile(p, re.IGNORECASE) for p in patterns]
        else:
            self.patterns = load_furniture(furniture_file)

    def clean(self, text: str, markdown: bool = False) -> tuple[str, CleanReport]:
        """The cleaned text and what was done to it."""
        report = CleanReport()
        out = text
        if self.nfc:
            out = unicodedata.normalize("NFC", out)
        if self.whitespace:
            out = out.replace("\r\n", "\n").replace("\r", "\n")
            out = INVISIBLE_RE.sub("", out)
        if self.header:
            out = self._take_header(out, report)
        if self.patterns:
            out = self._drop_furniture(out, report)
        if self.whitespace:
            out = _tidy(out, markdown, final_newline=text.endswith(("\n", "\r")))
        report.changed = out != text
        return out, report

    def clean_document(self, doc: Document) -> Document:
        """Clean ``doc.text``; header fields go to ``metadata['header']``, the report to
        ``metadata['clean']``."""
        text, report = self.clean(doc.text, doc.metadata.get("format") == "markdown")
        doc.text = text
        if report.header:
            doc.metadata.setdefault("header", {}).update(report.header)
        doc.metadata["clean"] = report.to_dict()
        return doc

    def _take_header(self, text: str, report: CleanReport) -> str:
        while True:
            match = HEADER_RE.match(text)
            if match is None:
                return text
            report.header[match.group("key").lower()] = match.group("value")
            text = text[match.end():]

    def _drop_furniture(self, text: str, report: CleanReport) -> str:
        kept = []
        for number, line in enumerate(text.split("\n"), start=1):
            stripped = line.strip()
            if stripped and any(p.fullmatch(stripped) for p in self.patterns):
                report.removed.append((number, stripped))
                continue
            kept.append(line)
        return "\n".join(kept)


def _tidy(text: str, markdown: bool, final_newline: bool) -> str:
    lines = []
    for line in text.split("\n"):
        line = line.rstrip()
        if not markdown:
            indent = len(line) - len(line.lstrip(" \t"))
            line = line[:indent] + INNER_SPACE_RE.sub(" ", line[indent:])
        lines.append(line)
    tidy = BLANK_RUN_RE.sub("\n\n", "\n".join(lines)).strip("\n")
    return tidy + "\n" if tidy and final_newline else tidy
