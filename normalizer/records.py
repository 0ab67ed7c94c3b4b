"""The per-document record written to ``records.jsonl``: what was done, how, and what failed.

Contract: ``build_record`` returns a JSON-ready dict with a fixed key order: ``id``, ``source``
(``file`` or ``file:line``), ``format``, ``language``, ``confidence``, ``detection``
(``reason`` when the language is ``und``), ``translated``, ``engine``, ``model``, ``changes``
(every change), ``changes_by_entity`` (counts), ``cleaned`` (furniture removed, header moved),
``metadata`` (the header fields), ``warnings``, ``timings`` (milliseconds per stage),
``signature`` and ``error`` (``None``, or ``file:line: what went wrong``). Every field except
``timings`` is a function of the input, the options and the tool version, so two runs over the
same inputs give the same records apart from timings. ``signature`` says what produced the
record (tool version, glossary digest, target, engine and model, stages) so it can be
reproduced.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from normalizer.document import Document


def build_record(doc: Document, signature: dict[str, Any]) -> dict[str, Any]:
    """The record of one processed (or failed) document."""
    meta = doc.metadata
    translation = meta.get("translation") or {}
    clean = meta.get("clean") or {}
    detection = meta.get("detection") or {}
    counts = Counter(c.entry_id for c in doc.changes)
    sig = dict(signature)
    if translation.get("engine"):
        sig["engine"] = translation["engine"]
        sig["model"] = translation.get("model")
    return {
        "id": doc.id,
        "source": doc.location,
        "format": meta.get("format"),
        "language": doc.language,
        "confidence": None if doc.confidence is None else round(doc.confidence, 4),
        "detection": {"reason": detection.get("reason"), "by": detection.get("by")},
        "translated": bool(translation.get("translated")),
        "engine": translation.get("engine"),
        "model": translation.get("model"),
        "changes": [c.to_dict() for c in doc.changes],
        "changes_by_entity": dict(sorted(counts.items())),
        "cleaned": {"removed": clean.get("removed", []), "header": clean.get("header", {})},
        "metadata": dict(meta.get("header") or {}),
        "warnings": list(doc.warnings),
        "timings": {k: round(v, 3) for k, v in (meta.get("timings") or {}).items()},
        "signature": sig,
        "error": doc.error,
    }


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line (UTF-8 kept, newline-terminated)."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def without_timings(line: str) -> dict[str, Any]:
    """A record line as a dict minus ``timings`` (to compare two runs)."""
    record = json.loads(line)
    record.pop("timings", None)
    return record
