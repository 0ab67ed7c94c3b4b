"""End-to-end: ``newsnorm detect`` on files, folders, JSONL and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEEDS


def newsnorm(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalizer", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_seeds_one_line_per_document() -> None:
    result = newsnorm("detect", str(SEEDS))
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(Path(r[0]).name[:3], r[1]) for r in rows] == [
        ("000", "en"), ("001", "en"), ("002", "en"), ("003", "en"), ("004", "fr")]
    assert all(float(r[2]) > 0.9 for r in rows)


def test_json_fields_and_segments() -> None:
    seed = SEEDS / "004_d6afaeafbc426307.txt"
    result = newsnorm("detect", "--json", "--segments", str(seed))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == str(seed) and record["lang"] == "fr"
    assert record["confidence"] > 0.9 and record["reason"] is None
    text = seed.read_text(encoding="utf-8")
    assert record["segments"] == [{"start": 0, "end": len(text), "lang": "fr",
                                   "confidence": record["segments"][0]["confidence"]}]


def test_jsonl_one_answer_per_record_and_bad_lines_reported(tmp_path: Path) -> None:
    data = tmp_path / "batch.jsonl"
    data.write_text("\n".join([
        json.dumps({"id": "a", "text": "Le ministre a déclaré que les discussions reprendront "
                    "la semaine prochaine à Genève."}),
        "{not json",
        json.dumps({"id": "b", "text": "The minister said talks would resume next week in "
                    "Geneva, officials confirmed."}),
        json.dumps({"id": "c", "text": "Share. Comments are closed."}),
    ]) + "\n", encoding="utf-8")
    result = newsnorm("detect", "--json", str(data))
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["lang"]) for r in records] == [
        (f"{data}:1", "fr"), (f"{data}:3", "en"), (f"{data}:4", "und")]
    assert records[2]["reason"] and records[2]["confidence"] == 0.0
    assert result.stderr.count("\n") == 1 and f"{data}:2" in result.stderr


def test_bad_file_reported_and_batch_continues(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Die Regierung hat am Montag neue Gespräche angekündigt.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    result = newsnorm("detect", str(bad), str(good))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{good}\tde\t1.00"]
    assert str(bad) in result.stderr and len(result.stderr.splitlines()) == 1


def test_langs_restricts_and_bad_codes_exit_2() -> None:
    result = newsnorm("detect", "--langs", "es,it", "-",
                      stdin="Eu não sei se ele vem amanhã ou depois.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\t")[1] in ("es", "it", "und")
    bad = newsnorm("detect", "--langs", "en,zz", str(SEEDS))
    assert bad.returncode == 2 and "zz" in bad.stderr and not bad.stdout
