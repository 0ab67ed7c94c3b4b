"""Where each document's output goes and what it looks like.

Contract: a text/Markdown document is written as its text; a JSONL document as one line with
all its original fields, the current text in its text field, the original text under
``original_<field>`` and the changes; documents read from one JSONL file are written back to
one JSONL file at the same relative path. ``OutputSink`` writes each output file atomically.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from normalizer.document import Document
from normalizer.writer import atomic_write_text


def jsonl_record(doc: Document, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The output line for a document read from JSONL (or written as JSONL)."""
    field = doc.metadata.get("text_field", "text")
    record = dict(doc.metadata.get("fields", {}))
    record[field] = doc.text
    record[f"original_{field}"] = doc.original
    record["changes"] = [c.to_dict() for c in doc.changes]
    if extra:
        record.update(extra)
    return record


def render(docs: list[Document], extra: dict[str, Any] | None = None) -> str:
    """The output file's content for the documents of one input file."""
    if docs and docs[0].metadata.get("format") == "jsonl":
        return "".join(json.dumps(jsonl_record(d, extra), ensure_ascii=False) + "\n"
                       for d in docs)
    return "".join(d.text for d in docs)


class OutputSink:
    """Collects finished documents per input file and writes each file once, atomically."""

    def __init__(self, out: str | None, single_file: bool):
        self.out = out
        self.single_file = single_file

    def target(self, relative: str) -> Path | None:
        if self.out is None:
            return None
        if self.single_file:
            return Path(self.out)
        return Path(self.out) / relative

    def write(self, relative: str, docs: list[Document],
              extra: dict[str, Any] | None = None) -> None:
        content = render(docs, extra)
        target = self.target(relative)
        if target is None:
            sys.stdout.write(content)
            sys.stdout.flush()
        else:
            atomic_write_text(target, content)


def group_by_file(docs: Iterable[Document]) -> Iterable[tuple[str, list[Document]]]:
    """Consecutive documents of the same input file, in order (reader yields files in order)."""
    current: str | None = None
    batch: list[Document] = []
    for doc in docs:
        relative = doc.metadata.get("relative", doc.source)
        if current is not None and relative != current:
            yield current, batch
            batch = []
        current = relative
        batch.append(doc)
    if current is not None:
        yield current, batch
