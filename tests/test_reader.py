"""Reading inputs: formats, bad documents reported with file:line, inputs untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizer.errors import UsageError
from normalizer.reader import expand_inputs, read_documents


def docs_of(*paths: str, **kw):
    return list(read_documents(expand_inputs(list(paths)), **kw))


def test_folder_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Two", encoding="utf-8")
    (tmp_path / "one.txt").write_text("One", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"x")
    items = expand_inputs([str(tmp_path)])
    assert [i.relative for i in items] == ["b/two.md", "one.txt"]
    assert [d.metadata["format"] for d in docs_of(str(tmp_path))] == ["markdown", "text"]


def test_glob_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    assert len(expand_inputs([str(tmp_path / "*.txt")])) == 1
    with pytest.raises(UsageError, match="no file matches"):
        expand_inputs([str(tmp_path / "*.md")])
    with pytest.raises(UsageError, match="no such file"):
        expand_inputs([str(tmp_path / "missing.txt")])


def test_bad_documents_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("ok\nRa\xefssi".encode("latin-1"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Good text", encoding="utf-8")
    docs = {Path(d.source).name: d for d in docs_of(str(tmp_path))}
    assert docs["latin.txt"].error.startswith(f"{tmp_path}/latin.txt:2: not valid UTF-8")
    assert "binary file" in docs["bin.txt"].error
    assert "empty document" in docs["empty.txt"].error
    assert docs["good.txt"].error is None and docs["good.txt"].text == "Good text"


def test_jsonl_keeps_fields_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    before = (json.dumps({"id": "x1", "text": "Hello", "url": "u"}) + "\n" + "{broken\n\n"
              + json.dumps({"body": "no text"}) + "\n")
    path.write_text(before, encoding="utf-8")
    docs = docs_of(str(path), id_field="id")
    assert docs[0].id == "x1" and docs[0].metadata["fields"] == {"id": "x1", "url": "u"}
    assert docs[1].error.startswith(f"{path}:2: malformed JSON")
    assert docs[2].error.startswith(f"{path}:4: no string field 'text'")
    assert path.read_text(encoding="utf-8") == before
