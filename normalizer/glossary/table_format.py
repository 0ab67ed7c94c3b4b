"""The CSV/TSV interchange format users export from spreadsheets.

Contract: header ``canonical,variant,lang,type`` (optional ``id`` and ``note`` columns; any
other column is an error); one row per spelling; ``lang`` empty = any language, or ISO 639-1
codes joined by ``;``; ``type`` optional. Rows with the same canonical (and id) form one entry.
Every problem is reported with file:line.
"""

from __future__ import annotations

import csv
import io

from normalizer.errors import GlossaryError
from normalizer.glossary.model import ENTRY_TYPES, Entry, Variant, parse_langs, slug

REQUIRED = ("canonical", "variant")
KNOWN = ("canonical", "variant", "lang", "type", "id", "note")


def parse_table(text: str, source: str, delimiter: str | None = None) -> list[Entry]:
    """Entries from CSV/TSV text; the delimiter is sniffed from the header when not given."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise GlossaryError("empty glossary; the first line must be the header "
                            "canonical,variant,lang,type", path=source, line=1)
    if delimiter is None:
        delimiter = "\t" if "\t" in lines[0] else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    problems: list[GlossaryError] = []
    unknown = [h for h in header if h not in KNOWN]
    if unknown:
        problems.append(GlossaryError(
            f"unknown column(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(KNOWN)}",
            path=source, line=1))
    missing = [h for h in REQUIRED if h not in header]
    if missing:
        problems.append(GlossaryError(f"missing column(s) {', '.join(missing)}; the header "
                                      "must be canonical,variant,lang,type", path=source, line=1))
    if problems:
        raise GlossaryError(problems[0].message, path=source, line=1, problems=problems)
    grouped: dict[tuple[str, str], dict] = {}
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(GlossaryError(f"{len(row)} cells but the header has {len(header)}; "
                                          "quote cells that contain the delimiter",
                                          path=source, line=number))
            continue
        cells = dict(zip(header, (c.strip() for c in row), strict=False))
        canonical = cells.get("canonical", "")
        variant = cells.get("variant", "")
        if not canonical:
            problems.append(GlossaryError("empty canonical", path=source, line=number))
            continue
        kind = cells.get("type", "").lower() or None
        if kind is not None and kind not in ENTRY_TYPES:
            problems.append(GlossaryError(f"type {kind!r} is not one of {', '.join(ENTRY_TYPES)}",
                                          path=source, line=number))
            continue
        try:
            langs = parse_langs(cells.get("lang", ""), source, number)
        except GlossaryError as exc:
            problems.append(exc)
            continue
        entry_id = cells.get("id") or slug(canonical)
        slot = grouped.setdefault((entry_id, canonical), {"type": kind, "line": number,
                                                          "variants": []})
        if kind and slot["type"] and kind != slot["type"]:
            problems.append(GlossaryError(f"type {kind!r} contradicts {slot['type']!r} given "
                                          f"for {canonical!r} on line {slot['line']}",
                                          path=source, line=number))
        slot["type"] = slot["type"] or kind
        if variant and (variant != canonical or langs is not None):
            slot["variants"].append(Variant(variant, langs, False, source, number))
    if problems:
        raise GlossaryError(problems[0].message, path=problems[0].path, line=problems[0].line,
                            problems=problems)
    return [Entry(id=entry_id, canonical=canonical, type=slot["type"],
                  variants=_dedupe(slot["variants"]), source=source, line=slot["line"])
            for (entry_id, canonical), slot in grouped.items()]


def _dedupe(variants: list[Variant]) -> tuple[Variant, ...]:
    seen: set[tuple[str, frozenset[str] | None]] = set()
    out = []
    for v in variants:
        if (v.text, v.langs) not in seen:
            seen.add((v.text, v.langs))
            out.append(v)
    return tuple(out)


def format_table(entries: list[Entry], delimiter: str = ",") -> str:
    """Entries as interchange rows (one per spelling, canonical row first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["canonical", "variant", "lang", "type"])
    for entry in entries:
        writer.writerow([entry.canonical, entry.canonical, "", entry.type or ""])
        for v in entry.variants:
            writer.writerow([entry.canonical, v.text, ";".join(sorted(v.langs or [])),
                             entry.type or ""])
    return buffer.getvalue()
