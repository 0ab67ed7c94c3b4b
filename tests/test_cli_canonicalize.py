"""End-to-end: the newsnorm command on the shipped seeds and glossary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import GLOSSARY, ROOT, SEEDS

FRENCH = SEEDS / "004_d6afaeafbc426307.txt"


def newsnorm(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalizer", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_single_input_prints_to_stdout() -> None:
    result = newsnorm("canonicalize", str(FRENCH), "-g", str(GLOSSARY), "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "d\u2019Amir-Abdollahian" in result.stdout and "Al-Quds" in result.stdout
    assert result.stdout.endswith("Suivez-nous sur @Irnafrench Twitter")


def test_stdin_and_changes_file(tmp_path: Path) -> None:
    changes = tmp_path / "changes.jsonl"
    result = newsnorm("canonicalize", "-", "-g", str(GLOSSARY), "--changes", str(changes),
                      stdin="Fouad Hussain met Ali Bagheri. Later Bagheri spoke.")
    assert result.stdout == "Fuad Hussein met Ali Bagheri Kani. Later Bagheri Kani spoke."
    rows = [json.loads(line) for line in changes.read_text(encoding="utf-8").splitlines()]
    assert [(r["original"], r["rule"]) for r in rows] == [
        ("Fouad Hussain", "exact"), ("Ali Bagheri", "exact"), ("Bagheri", "short")]


def test_listed_only_keeps_to_the_glossarys_spellings() -> None:
    text = "Hussein Amir Abdollahian arrived. Later Abdollahian spoke."
    default = newsnorm("canonicalize", "-", "-g", str(GLOSSARY), stdin=text)
    listed = newsnorm("canonicalize", "-", "-g", str(GLOSSARY), "--listed-only", stdin=text)
    assert default.stdout == ("Hossein Amir-Abdollahian arrived. Later Amir-Abdollahian "
                              "spoke.")
    assert listed.stdout == "Hossein Amir-Abdollahian arrived. Later Abdollahian spoke."


def test_folder_is_mirrored_and_inputs_untouched(tmp_path: Path) -> None:
    before = {p.name: p.read_bytes() for p in SEEDS.iterdir()}
    out = tmp_path / "out"
    result = newsnorm("canonicalize", str(SEEDS), "-g", str(GLOSSARY), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(before)
    assert "Fuad Hussein" in (out / "001_719785d079ad14dd.txt").read_text(encoding="utf-8")
    assert {p.name: p.read_bytes() for p in SEEDS.iterdir()} == before


def test_bad_input_one_line_error_and_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Fouad Hussain spoke.", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\xff\xfe bad")
    out = tmp_path / "out"
    result = newsnorm("canonicalize", str(src), "-g", str(GLOSSARY), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"newsnorm: error: {src}/bad.txt:1: not valid UTF-8 at byte 0; re-encode the file as "
        "UTF-8 (e.g. iconv -f latin1 -t utf-8)"]
    assert sorted(p.name for p in out.iterdir()) == ["good.txt"]


def test_single_bad_input_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    target = tmp_path / "out.txt"
    result = newsnorm("canonicalize", str(bad), "-g", str(GLOSSARY), "-o", str(target))
    assert result.returncode == 1 and "empty document" in result.stderr
    assert not target.exists()


def test_output_inside_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    result = newsnorm("canonicalize", str(tmp_path), "-g", str(GLOSSARY), "-o",
                      str(tmp_path / "out"))
    assert result.returncode == 2 and "inside an input folder" in result.stderr


def test_malformed_glossary_is_one_line_with_location(tmp_path: Path) -> None:
    bad = tmp_path / "g.csv"
    bad.write_text("canonical,variant\n,x\n", encoding="utf-8")
    result = newsnorm("canonicalize", "-", "-g", str(bad), stdin="text")
    assert result.returncode == 1
    assert result.stderr == f"newsnorm: error: {bad}:2: empty canonical\n"
    assert result.stdout == ""


def test_glossary_check_exit_codes(tmp_path: Path) -> None:
    ok = newsnorm("glossary", "check", str(GLOSSARY))
    assert ok.returncode == 0 and ok.stdout.startswith("ok: ")
    bad = tmp_path / "g.yaml"
    bad.write_text("entries:\n  - canonical: A\n    variants: [B]\n  - canonical: C\n"
                   "    variants: [b]\n", encoding="utf-8")
    result = newsnorm("glossary", "check", str(bad))
    assert result.returncode == 1
    assert f"{bad}:5: error: spelling 'b' is claimed by 'A'" in result.stderr


def test_help_imports_no_heavy_modules() -> None:
    code = ("import sys; from normalizer.cli import app; "
            "heavy = {'langdetect', 'ahocorasick_rs', 'ctranslate2', 'sentencepiece', 'torch', "
            "'argostranslate', 'yaml'} & set(sys.modules); print(sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.stdout.strip() == "[]"
    assert newsnorm("--help").returncode == 0


FRENCH_NEWS = ("La Ligue arabe a condamné mardi les frappes. Selon le communiqué publié au "
               "Caire, la Allemagne et les pays du Golfe ont appelé à un cessez-le-feu immédiat.")
FRENCH_GLOSSARY = ("canonical,variant,lang,type\nArab League,,,org\n"
                   "Arab League,Ligue des États arabes,fr,org\n"
                   "Germany,Allemagne,fr,place\n")


def test_without_lang_the_language_is_detected_so_french_spellings_apply(
        tmp_path: Path) -> None:
    article, glossary = tmp_path / "article.txt", tmp_path / "g.csv"
    article.write_text(FRENCH_NEWS, encoding="utf-8")
    glossary.write_text(FRENCH_GLOSSARY, encoding="utf-8")
    detected = newsnorm("canonicalize", str(article), "-g", str(glossary))
    assert detected.returncode == 0, detected.stderr
    assert "La Arab League a condamné" in detected.stdout and "la Germany et" in detected.stdout
    forced = newsnorm("canonicalize", str(article), "-g", str(glossary), "--lang", "en")
    assert forced.stdout == FRENCH_NEWS  # --lang wins: no French spelling, no translation


def test_a_jsonl_records_own_lang_field_is_its_language(tmp_path: Path) -> None:
    records, glossary = tmp_path / "in.jsonl", tmp_path / "g.csv"
    records.write_text(json.dumps({"id": "a", "lang": "fr", "text": "Allemagne"}) + "\n"
                       + json.dumps({"id": "b", "lang": "en", "text": "Allemagne"}) + "\n",
                       encoding="utf-8")
    glossary.write_text(FRENCH_GLOSSARY, encoding="utf-8")
    result = newsnorm("canonicalize", str(records), "-g", str(glossary))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == [
        "Germany", "Allemagne"]
