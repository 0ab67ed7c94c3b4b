"""Read documents from files, folders, globs and stdin (plain text, Markdown, JSONL).

Contract: inputs are opened read-only and never modified. A bad document (not UTF-8, binary,
empty, malformed JSONL line, too large) does not raise out of ``read_documents``: it is yielded
as a ``Document`` whose ``error`` names the file and line and says what to do, so a batch can go
on past it. ``expand_inputs`` raises ``UsageError`` for a path that matches nothing.
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from normalizer.document import Document
from normalizer.errors import InputError, UsageError

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".jsonl": "jsonl", ".ndjson": "jsonl"}
FORMATS = ("auto", "text", "markdown", "jsonl")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
STDIN = "-"


@dataclass(frozen=True)
class InputFile:
    """One file to read; ``relative`` is where its output goes under an output folder."""

    path: str
    relative: str

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def expand_inputs(paths: Iterable[str]) -> list[InputFile]:
    """Files, folders (recursive, known suffixes only, sorted) and globs, in the order given."""
    found: list[InputFile] = []
    for raw in paths:
        if raw == STDIN:
            found.append(InputFile(STDIN, "stdin.txt"))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            found.extend(InputFile(str(p), str(p.relative_to(path))) for p in files)
        elif path.is_file():
            found.append(InputFile(str(path), path.name))
        elif glob.has_magic(raw):
            matches = sorted(m for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                raise UsageError(f"no file matches the pattern {raw!r}", path=raw)
            found.extend(InputFile(m, Path(m).name) for m in matches)
        else:
            raise UsageError("no such file or folder; check the path", path=raw)
    return found


def detect_format(name: str, fmt: str = "auto") -> str:
    """``text``, ``markdown`` or ``jsonl`` from ``fmt`` or the file suffix (default text)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt != "auto":
        return fmt
    return TEXT_SUFFIXES.get(Path(name).suffix.lower(), "text")


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 text (BOM dropped) or ``InputError`` saying why it is not usable."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(f"document is {len(data)} bytes, over the {MAX_DOCUMENT_BYTES}-byte "
                         "limit; split it into smaller files", path=where)
    if b"\x00" in data:
        raise InputError("binary file (NUL bytes); give a UTF-8 text, Markdown or JSONL file",
                         path=where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 at byte {exc.start}; re-encode the file as UTF-8 "
                         "(e.g. iconv -f latin1 -t utf-8)", path=where, line=line) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError("empty document; nothing to normalize", path=where)
    return text


def _read_bytes(item: InputFile) -> bytes:
    if item.is_stdin:
        return sys.stdin.buffer.read()
    with open(item.path, "rb") as handle:
        return handle.read(MAX_DOCUMENT_BYTES + 1) if not item.path.endswith(
            (".jsonl", ".ndjson")) else handle.read()


def _failed(item: InputFile, exc: InputError, doc_id: str, line: int | None = None) -> Document:
    source = "<stdin>" if item.is_stdin else item.path
    return Document(id=doc_id, text="", source=source, line=line, error=exc.location_message())


def read_documents(items: Iterable[InputFile], fmt: str = "auto", text_field: str = "text",
                   id_field: str | None = None) -> Iterator[Document]:
    """Yield one ``Document`` per text file or per JSONL line, bad ones with ``error`` set."""
    for item in items:
        source = "<stdin>" if item.is_stdin else item.path
        kind = detect_format(item.relative if item.is_stdin else item.path, fmt)
        if kind == "jsonl":
            yield from _read_jsonl(item, text_field, id_field)
            continue
        doc_id = Path(item.relative).with_suffix("").as_posix()
        try:
            text = decode_text(_read_bytes(item), source)
        except InputError as exc:
            yield _failed(item, exc, doc_id)
            continue
        except OSError as exc:
            yield _failed(item, InputError(f"cannot read: {exc.strerror}", path=source), doc_id)
            continue
        yield Document(id=doc_id, text=text, source=source,
                       metadata={"format": kind, "relative": item.relative})


def _read_jsonl(item: InputFile, text_field: str, id_field: str | None) -> Iterator[Document]:
    """One document per non-blank line; every other field is kept in ``metadata['fields']``."""
    source = "<stdin>" if item.is_stdin else item.path
    stem = Path(item.relative).with_suffix("").as_posix()
    try:
        handle = sys.stdin.buffer if item.is_stdin else open(item.path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield _failed(item, InputError(f"cannot read: {exc.strerror}", path=source), stem)
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            doc_id = f"{stem}:{number}"
            try:
                record = _parse_json_line(raw, source, number, text_field)
            except InputError as exc:
                yield _failed(item, exc, doc_id, number)
                continue
            if id_field and record.get(id_field) not in (None, ""):
                doc_id = str(record[id_field])
            fields = {k: v for k, v in record.items() if k != text_field}
            yield Document(id=doc_id, text=record[text_field], source=source, line=number,
                           metadata={"format": "jsonl", "relative": item.relative,
                                     "fields": fields, "text_field": text_field})


def _parse_json_line(raw: bytes, source: str, number: int, text_field: str) -> dict:
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InputError(f"line is {len(raw)} bytes, over the {MAX_DOCUMENT_BYTES}-byte limit",
                         path=source, line=number)
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8; re-encode the file as UTF-8", path=source,
                         line=number) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg}, column {exc.colno}); fix or remove "
                         "the line", path=source, line=number) from None
    if not isinstance(record, dict):
        raise InputError("a JSONL line must be a JSON object", path=source, line=number)
    value = record.get(text_field)
    if not isinstance(value, str):
        raise InputError(f"no string field {text_field!r}; pass --text-field NAME",
                         path=source, line=number)
    if not value.strip():
        raise InputError(f"field {text_field!r} is empty", path=source, line=number)
    return record


def stdin_is_terminal() -> bool:
    return os.isatty(sys.stdin.fileno()) if hasattr(sys.stdin, "fileno") else False
