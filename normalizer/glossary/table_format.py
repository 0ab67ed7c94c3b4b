"""The CSV/TSV interchange format users export from spreadsheets.

Contract: header ``canonical,variant,lang,type`` plus optional ``id``, ``note``, ``role`` and
``generate`` columns, and the ignored review columns ``count``, ``score``, ``example`` that
``glossary suggest`` writes (so its output loads as a glossary, and its rows appended as they
are to a ``canonical,variant,lang,type`` file load too; any other column is an error); one row
per spelling; ``lang`` empty = any language, or ISO 639-1 codes joined by ``;``; ``type``
optional. Rows with the same canonical (and id) form one entry. ``role`` says what the row's
``variant`` cell is: empty or ``variant`` (a spelling), ``after_full`` (a spelling trusted only
after a full mention), ``short`` (how a later short mention is written), ``keep`` (a look-alike
never changed; with an empty canonical it is a glossary-wide look-alike). ``generate``
``false`` on any row of an entry turns off unlisted romanizations for it. So every field of the
native YAML format round-trips through this format except comments and notes. Every problem is
reported with file:line.
"""

from __future__ import annotations

import csv
import io

from normalizer.errors import GlossaryError
from normalizer.glossary.model import Entry, Variant, entry_type, parse_langs, slug, unknown_type

REQUIRED = ("canonical", "variant")
KNOWN = ("canonical", "variant", "lang", "type", "id", "note", "role", "generate",
         "count", "score", "example")  # the last three: review columns of `glossary suggest`
ROLES = ("variant", "after_full", "short", "keep")
FALSE = ("false", "no", "0", "n")


def parse_table(text: str, source: str, delimiter: str | None = None) -> list[Entry]:
    """Entries from CSV/TSV text; the delimiter is sniffed from the header when not given."""
    return parse_table_full(text, source, delimiter)[0]


def parse_table_full(text: str, source: str,
                     delimiter: str | None = None) -> tuple[list[Entry], list[str]]:
    """Entries and glossary-wide look-alikes (``role=keep`` rows with no canonical)."""
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
    global_keep: list[str] = []
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header) and _suggest_row(header, row):
            row = row[:len(header)]  # a row appended as is from `glossary suggest`
        if len(row) > len(header):
            problems.append(GlossaryError(f"{len(row)} cells but the header has {len(header)}; "
                                          "quote cells that contain the delimiter",
                                          path=source, line=number))
            continue
        cells = dict(zip(header, (c.strip() for c in row), strict=False))
        canonical = cells.get("canonical", "")
        variant = cells.get("variant", "")
        role = cells.get("role", "").lower() or "variant"
        if role not in ROLES:
            problems.append(GlossaryError(f"role {role!r} is not one of {', '.join(ROLES)}",
                                          path=source, line=number))
            continue
        if not canonical:
            if role == "keep" and variant:
                global_keep.append(variant)
            else:
                problems.append(GlossaryError("empty canonical", path=source, line=number))
            continue
        written = cells.get("type", "").strip()
        kind = entry_type(written) if written else None
        if written and kind is None:
            problems.append(GlossaryError(unknown_type(written),
                                          path=source, line=number))
            continue
        try:
            langs = parse_langs(cells.get("lang", ""), source, number)
        except GlossaryError as exc:
            problems.append(exc)
            continue
        entry_id = cells.get("id") or slug(canonical)
        slot = grouped.setdefault((entry_id, canonical), {
            "type": kind, "line": number, "variants": [], "short": None, "keep": [],
            "generate": True})
        if kind and slot["type"] and kind != slot["type"]:
            problems.append(GlossaryError(f"type {kind!r} contradicts {slot['type']!r} given "
                                          f"for {canonical!r} on line {slot['line']}",
                                          path=source, line=number))
        slot["type"] = slot["type"] or kind
        if cells.get("generate", "").lower() in FALSE:
            slot["generate"] = False
        if not variant:
            continue
        if role == "short":
            slot["short"] = variant
        elif role == "keep":
            slot["keep"].append(variant)
        elif variant != canonical or langs is not None or role == "after_full":
            slot["variants"].append(Variant(variant, langs, role == "after_full", source,
                                            number))
    if problems:
        raise GlossaryError(problems[0].message, path=problems[0].path, line=problems[0].line,
                            problems=problems)
    entries = [Entry(id=entry_id, canonical=canonical, type=slot["type"],
                     variants=_dedupe(slot["variants"]), short=slot["short"],
                     keep=tuple(dict.fromkeys(slot["keep"])), generate=slot["generate"],
                     source=source, line=slot["line"])
               for (entry_id, canonical), slot in grouped.items()]
    return entries, list(dict.fromkeys(global_keep))


def _suggest_row(header: list[str], row: list[str]) -> bool:
    """``canonical,variant,lang,type,count,score,example`` under a four-column header."""
    if header != ["canonical", "variant", "lang", "type"] or len(row) != 7:
        return False
    try:
        int(row[4])
        float(row[5])
    except ValueError:
        return False
    return True


def _dedupe(variants: list[Variant]) -> tuple[Variant, ...]:
    seen: set[tuple[str, frozenset[str] | None, bool]] = set()
    out = []
    for v in variants:
        if (v.text, v.langs, v.after_full) not in seen:
            seen.add((v.text, v.langs, v.after_full))
            out.append(v)
    return tuple(out)


def format_table(entries: list[Entry], delimiter: str = ",",
                 global_keep: list[str] | tuple[str, ...] = ()) -> str:
    """Entries as interchange rows (one per spelling, canonical row first).

    The optional columns ``id``, ``role`` and ``generate`` are written only when some entry
    needs them, so a plain glossary stays ``canonical,variant,lang,type``.
    """
    with_id = any(e.id != slug(e.canonical) for e in entries)
    with_role = bool(global_keep) or any(e.short or e.keep or any(v.after_full
                                                                   for v in e.variants)
                                         for e in entries)
    with_generate = any(not e.generate for e in entries)
    header = ["canonical", "variant", "lang", "type"]
    header += ["id"] * with_id + ["role"] * with_role + ["generate"] * with_generate
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)

    def row(entry: Entry | None, text: str, langs: frozenset[str] | None, role: str,
            first: bool = False) -> None:
        cells = [entry.canonical if entry else "", text, ";".join(sorted(langs or [])),
                 (entry.type or "") if entry else ""]
        if with_id:
            cells.append(entry.id if entry else "")
        if with_role:
            cells.append("" if role == "variant" else role)
        if with_generate:
            cells.append("false" if entry and first and not entry.generate else "")
        writer.writerow(cells)

    for entry in entries:
        row(entry, entry.canonical, None, "variant", first=True)
        for v in entry.variants:
            row(entry, v.text, v.langs, "after_full" if v.after_full else "variant")
        if entry.short:
            row(entry, entry.short, None, "short")
        for keep in entry.keep:
            row(entry, keep, None, "keep")
    for keep in global_keep:
        row(None, keep, None, "keep")
    return buffer.getvalue()
