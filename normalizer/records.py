"""The per-document record written to ``records.jsonl``: what was done, how, and what failed.

Contract: ``build_record`` returns a JSON-ready dict with a fixed key order: ``id``, ``source``
(``file`` or ``file:line``), ``format``, ``language``, ``confidence``, ``detection``
(``reason`` when the language is ``und``), ``translated``, ``engine``, ``model``, ``changes``
(every change), ``changes_by_entity`` (counts), ``protected`` (names carried through
translation), ``cleaned`` (furniture removed, header moved), ``metadata`` (the header fields),
``warnings``, ``timings`` (milliseconds per stage), ``signature``, ``error`` (``None``, or
``file:line: what went wrong``), then the texts: ``text``, ``source_text`` and ``original``.
Every field except ``timings`` is a function of the input, the options and the tool version,
so two runs over the same inputs give the same records apart from timings (a translation
served from the cache included). ``signature`` says what produced the record (tool version,
glossary digest, target, engine and model, stages) so it can be reproduced.

Texts and offsets (all offsets count Unicode code points, i.e. Python ``str`` indexes):
- ``original``: the document exactly as read (before cleaning).
- ``source_text``: for a translated document, the cleaned text that was translated; ``None``
  for a document that was not translated.
- ``text``: the final output text (``None`` when ``error`` is set: nothing was written).
- ``changes``: canonicalization changes; ``start``/``end`` index the canonicalizer's input
  (the translation for a translated document, else the cleaned text), ``out_start``/
  ``out_end`` index ``text``: ``text[out_start:out_end] == canonical``. That input is not
  stored: it is ``text`` with each change's output span put back to ``original``.
- ``protected``: kept apart from ``changes`` because its offsets span two languages: one
  change-like entry per glossary mention that translation carried through as a placeholder
  token, in source order: ``start``/``end`` index ``source_text`` and
  ``source_text[start:end] == original`` (the source surface, e.g. "Organisation de la
  coopération islamique"); ``out_start``/``out_end`` index the final ``text`` (already moved
  through canonicalization) and ``text[out_start:out_end] == canonical``; ``entry_id``; and
  ``rule``: ``protected``, or ``recovered`` when the sentence lost its token in the engine and
  was re-translated without protection (then ``out_start``/``out_end`` are ``None``, the
  sentence has a warning, and any fix of the engine's rendering is a ``changes`` entry).
  ``out_*`` are also ``None`` in the rare case a change rewrote the name together with its
  surroundings and the canonical form is no longer there. Empty for untranslated documents.

Size: each record carries up to three copies of its document (``original``, ``source_text``,
``text``), so ``records.jsonl`` is about three times the corpus for translated documents and
twice for the rest. Records are streamed (written line by line, never held all in memory),
so this costs disk, not memory.
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
        "protected": [dict(m) for m in meta.get("protected") or []],
        "cleaned": {"removed": clean.get("removed", []), "header": clean.get("header", {})},
        "metadata": dict(meta.get("header") or {}),
        "warnings": list(doc.warnings),
        "timings": {k: round(v, 3) for k, v in (meta.get("timings") or {}).items()},
        "signature": sig,
        "error": doc.error,
        "text": None if doc.error else doc.text,
        "source_text": meta.get("source_text") if translation.get("translated") else None,
        "original": doc.original,
    }


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line (UTF-8 kept, newline-terminated)."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def without_timings(line: str) -> dict[str, Any]:
    """A record line as a dict minus ``timings`` (to compare two runs)."""
    record = json.loads(line)
    record.pop("timings", None)
    return record
