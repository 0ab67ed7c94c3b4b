"""The clean stage: furniture lines, date headers, Unicode and whitespace."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from normalizer.clean import Cleaner, load_furniture
from normalizer.document import Document
from normalizer.errors import UsageError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"



def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_furniture_lines_are_removed_and_reported():
    text, report = Cleaner().clean(seed("001"))
    for junk in ("Share.", "Comments are closed.", "Exit mobile version"):
        assert junk not in text
    assert [t for _, t in report.removed] == ["Share.", "Comments are closed.",
                                              "Exit mobile version"]
    assert text.endswith("promoting peace in the Middle East.")


def test_french_follow_us_line_is_removed():
    text, report = Cleaner().clean(seed("004"))
    assert "Suivez-nous" not in text
    assert report.removed[-1][1] == "Suivez-nous sur @Irnafrench Twitter"


def test_furniture_must_be_the_whole_line():
    text, report = Cleaner().clean("Please share this with friends.\nShare.\n")
    assert text == "Please share this with friends.\n"
    assert len(report.removed) == 1


def test_leading_date_header_moves_to_metadata():
    doc = Document(id="d", text=seed("000"))
    Cleaner().clean_document(doc)
    assert doc.metadata["header"] == {"date": "2024-08-07"}
    assert doc.text.startswith("Bagheri Kani traveled to Jeddah")
    assert doc.original.startswith(" date 2024-08-07 ")  # the original is never touched


def test_date_inside_the_text_is_not_a_header():
    text, report = Cleaner().clean("The talks on date 2024-08-07 failed.\n")
    assert report.header == {}
    assert text == "The talks on date 2024-08-07 failed.\n"


def test_nfc_and_whitespace():
    raw = "Genève  a\u200b salué\t la réunion.  \r\n\r\n\r\n\r\nFin"
    decomposed = unicodedata.normalize("NFD", raw)
    text, _ = Cleaner().clean(decomposed)
    assert text == "Genève a salué la réunion.\n\nFin"
    assert unicodedata.is_normalized("NFC", text)


def test_markdown_indentation_and_inner_spacing_are_kept():
    md = "# Title\n\n    code  block\n| a  | b |\n"
    text, _ = Cleaner().clean(md, markdown=True)
    assert text == md


def test_cleaning_is_idempotent_on_every_seed():
    cleaner = Cleaner()
    for path in sorted(SEEDS.glob("*.txt")):
        once, _ = cleaner.clean(path.read_text(encoding="utf-8"))
        twice, report = cleaner.clean(once)
        assert twice == once, path.name
        assert not report.changed


def test_each_step_can_be_switched_off():
    raw = " date 2024-08-07 Text  here.\nShare.\n"
    text, report = Cleaner(header=False, furniture=False, whitespace=False).clean(raw)
    assert text == raw and not report.changed


def test_custom_furniture_file_replaces_the_builtin_list(tmp_path):
    patterns = tmp_path / "furniture.txt"
    patterns.write_text("# site-specific\nLire la suite.*\n", encoding="utf-8")
    text, _ = Cleaner(furniture_file=patterns).clean("Texte.\nLire la suite sur le site\nShare.\n")
    assert text == "Texte.\nShare.\n"


def test_bad_furniture_pattern_names_file_and_line(tmp_path):
    patterns = tmp_path / "furniture.txt"
    patterns.write_text("ok\n(unclosed\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_furniture(patterns)
    assert f"{patterns}:2:" in str(info.value)


def test_final_newline_follows_the_input():
    assert Cleaner().clean("One.  \n\n\n")[0] == "One.\n"
    assert Cleaner().clean("One.  ")[0] == "One."
