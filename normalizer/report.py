"""A self-contained HTML page to review what newsnorm did, document by document.

Contract: ``load_records(paths)`` reads ``records.jsonl`` lines (one object per document), the
JSONL documents ``newsnorm canonicalize`` writes (``text``, ``original_text``, ``changes``) or
its ``--changes`` JSONL (one change per line, grouped into documents by ``id``); malformed lines
raise ``InputError`` with file:line, and every missing field is tolerated. The page shows the
output ``text`` with each change highlighted at ``out_start``/``out_end`` and each name carried
through translation (a record's ``protected`` list, see ``normalizer.records``) highlighted in
another style with its source surface on hover; a translated document's ``source_text`` (else
its ``original``) is shown beside the translation with the protected source spans marked.
Offsets that do not point at the text they claim (``text[out_start:out_end] != canonical``)
are not highlighted but the entry is still listed and counted. ``render_report``
returns one HTML string with no external resource (inline CSS and JavaScript, a Content
Security Policy that forbids any network access). All data is embedded as JSON inside a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` escaped, and the page
builds the DOM with ``textContent`` only, so no record can inject markup. Cards are rendered
lazily (40 at a time, more on scroll), so 5,000 documents open quickly.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from normalizer.errors import InputError

TEXT_FIELDS = ("text", "output", "normalized", "output_text")
ORIGINAL_FIELDS = ("original", "original_text", "source_text", "input_text")
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def load_records(paths: Iterable[str]) -> list[dict[str, Any]]:
    """Records from JSONL files; ``--changes`` lines are grouped into one record per document."""
    records: list[dict[str, Any]] = []
    change_docs: dict[tuple[str, str], dict[str, Any]] = {}
    for path in paths:
        try:
            handle = open(path, encoding="utf-8")  # noqa: SIM115 (closed below)
        except OSError as exc:
            raise InputError(f"cannot read records: {exc.strerror}", path=path) from None
        with handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not a JSON line ({exc.msg}); records.jsonl has one JSON "
                                     "object per line", path=path, line=number) from None
                if not isinstance(obj, dict):
                    raise InputError("expected a JSON object", path=path, line=number)
                if "changes" not in obj and "entry_id" in obj and "canonical" in obj:
                    key = (str(obj.get("source", path)).rsplit(":", 1)[0], str(obj.get("id")))
                    doc = change_docs.get(key)
                    if doc is None:
                        doc = change_docs[key] = {"id": obj.get("id"), "source": obj.get(
                            "source"), "changes": []}
                        records.append(doc)
                    doc["changes"].append(obj)
                else:
                    records.append(obj)
    return records


def _first(record: dict[str, Any], names: Iterable[str]) -> Any:
    for name in names:
        value = record.get(name)
        if isinstance(value, str):
            return value
    return None


def _apply_changes(original: str, changes: list[dict[str, Any]]) -> str | None:
    """The output text rebuilt from the input and its changes (None if they do not fit)."""
    pieces, cursor = [], 0
    for c in sorted(changes, key=lambda c: c.get("start", -1)):
        start, end = c.get("start"), c.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or start < cursor or \
                original[start:end] != c.get("original"):
            return None
        pieces += [original[cursor:start], str(c.get("canonical", ""))]
        cursor = end
    return "".join(pieces) + original[cursor:]


def _fits(text: str | None, start: Any, end: Any, expected: str) -> bool:
    return (text is not None and isinstance(start, int) and isinstance(end, int)
            and 0 <= start <= end and text[start:end] == expected)


def _compact_change(c: dict[str, Any], text: str | None, source: str | None = None
                    ) -> list[Any]:
    """``[out_start, out_end, original, canonical, entry_id, rule, start, end]``; output offsets
    are ``None`` unless they fit ``text``; input offsets are checked against ``source`` when
    given (protected names: offsets into the source text)."""
    out_start, out_end = c.get("out_start"), c.get("out_end")
    canonical = str(c.get("canonical", ""))
    original = str(c.get("original", ""))
    placed = _fits(text, out_start, out_end, canonical)
    start, end = c.get("start"), c.get("end")
    if source is not None and not _fits(source, start, end, original):
        start = end = None
    return [out_start if placed else None, out_end if placed else None, original, canonical,
            str(c.get("entry_id", "?")), str(c.get("rule", "?")), start, end]


def prepare(records: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """The JSON the page renders: compact documents plus totals per entity and per rule."""
    docs = []
    per_entity: Counter[str] = Counter()
    protected_per_entity: Counter[str] = Counter()
    docs_per_entity: Counter[str] = Counter()
    per_rule: Counter[str] = Counter()
    canonical_of: dict[str, str] = {}
    for n, r in enumerate(records):
        raw_changes = [c for c in r.get("changes") or [] if isinstance(c, dict)]
        raw_protected = [c for c in r.get("protected") or [] if isinstance(c, dict)]
        translation = r.get("translation") if isinstance(r.get("translation"), dict) else {}
        translated = bool(r.get("translated") or translation.get("translated"))
        text = _first(r, TEXT_FIELDS)
        original = _first(r, ORIGINAL_FIELDS)
        if text is None and original is not None and not translated:
            text = _apply_changes(original, raw_changes)
        source_text = r.get("source_text") if isinstance(r.get("source_text"), str) else None
        if source_text is None and translated:
            source_text = original
        changes = [_compact_change(c, text) for c in raw_changes]
        protected = [_compact_change(c, text, source_text or "") for c in raw_protected]
        for c in changes:
            per_entity[c[4]] += 1
            per_rule[c[5]] += 1
            canonical_of.setdefault(c[4], c[3])
        for c in protected:
            protected_per_entity[c[4]] += 1
            per_rule[c[5]] += 1
            canonical_of.setdefault(c[4], c[3])
        for entity in {c[4] for c in changes + protected}:
            docs_per_entity[entity] += 1
        warnings = r.get("warnings") if isinstance(r.get("warnings"), list) else []
        beside = source_text if translated else original  # shown next to the output
        docs.append({
            "id": str(r.get("id", f"#{n + 1}")), "source": r.get("source"),
            "language": r.get("language") or r.get("lang"), "confidence": r.get("confidence"),
            "translated": translated, "engine": r.get("engine") or translation.get("engine"),
            "model": r.get("model") or translation.get("model"), "text": text,
            "original": beside if beside != text else None,
            "changes": changes, "protected": protected,
            "warnings": [str(w) for w in warnings], "error": r.get("error")})
    order = sorted(set(per_entity) | set(protected_per_entity),
                   key=lambda e: (-per_entity[e], -protected_per_entity[e], e))
    entities = [{"id": e, "canonical": canonical_of.get(e, ""), "changes": per_entity[e],
                 "protected": protected_per_entity[e], "docs": docs_per_entity[e]}
                for e in order]
    rules = [{"rule": rule, "changes": n} for rule, n in per_rule.most_common()]
    return {"title": title, "docs": docs, "entities": entities, "rules": rules,
            "total_changes": sum(per_entity.values()),
            "total_protected": sum(protected_per_entity.values())}


def render_report(records: list[dict[str, Any]], title: str = "newsnorm report") -> str:
    """The whole HTML page."""
    template = resources.files("normalizer").joinpath("templates/report.html").read_text(
        encoding="utf-8")
    data = json.dumps(prepare(records, title), ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES:  # str.replace: far faster than translate on MBs
        data = data.replace(raw, escaped)
    head, tail = template.split("__DATA__", 1)
    return head.replace("__TITLE__", html.escape(title)) + data + tail


def entity_totals(records: list[dict[str, Any]]) -> dict[str, int]:
    """Changes per entity id (what the page's totals table shows)."""
    totals: dict[str, int] = defaultdict(int)
    for entity in prepare(records, "")["entities"]:
        if entity["changes"]:
            totals[entity["id"]] = entity["changes"]
    return dict(totals)


def default_title(paths: list[str]) -> str:
    return "newsnorm report: " + ", ".join(Path(p).name for p in paths)
