"""`newsnorm glossary suggest`: unlisted spellings found, look-alikes left out, glossary intact."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from normalizer.glossary import Entry, Glossary, Variant, load_glossaries
from normalizer.suggest import HEADER, suggest
from tests.conftest import ROOT

GLOSSARY = Glossary.build([
    Entry("haniyeh", "Ismail Haniyeh", "person"),
    Entry("fuad", "Fuad Hussein", "person"),
    Entry("bagheri", "Ali Bagheri Kani", "person", (Variant("Ali Bagheri-Kani"),)),
    Entry("abdollahian", "Hossein Amir-Abdollahian", "person"),
    Entry("oic", "Organization of Islamic Cooperation", "org"),
])

DOCS = [
    ("Hamas leader Ismail Haniya met Iraqi Foreign Minister Fuad Hussein in Doha. Haniya "
     "thanked Iraq. Saddam Hussein was not mentioned.", "en"),
    ("Ismail Haniya spoke to reporters on Sunday about Islamic countries.", "en"),
    ("Iran's foreign minister Hossein Amir Abdullahian met Ismail Haniyeh. Later, Abdullahian "
     "flew home.", "en"),
    ("Hussein Amir Abdullahian arrived in Baghdad. Mohammad Bagheri, the army chief, "
     "stayed in Tehran; Ali Bagheri Kani did not travel.", "en"),
    ("Le ministre Fouad Hussein a reçu Ismaïl Haniyé à Bagdad.", "fr"),
]


def _rows(found) -> dict[tuple[str, str], object]:
    return {(s.canonical, s.variant): s for s in found}


def test_unlisted_spellings_are_found_with_count_and_context() -> None:
    rows = _rows(suggest(DOCS, GLOSSARY))
    haniya = rows[("Ismail Haniyeh", "Ismail Haniya")]
    assert haniya.count == 2 and "[Ismail Haniya]" in haniya.example
    assert ("Hossein Amir-Abdollahian", "Hossein Amir Abdullahian") in rows
    assert ("Hossein Amir-Abdollahian", "Hussein Amir Abdullahian") in rows
    # a one-word spelling only where the full name is in the same document
    assert ("Hossein Amir-Abdollahian", "Abdullahian") in rows
    assert rows[("Fuad Hussein", "Fouad Hussein")].lang == "fr"


def test_look_alikes_listed_spellings_and_common_words_are_not_suggested() -> None:
    variants = {s.variant for s in suggest(DOCS, GLOSSARY)}
    for wrong in ("Saddam Hussein", "Mohammad Bagheri", "Bagheri", "Islamic", "Hussein",
                  "Ismail Haniyeh", "Fuad Hussein", "Ali Bagheri Kani", "Doha"):
        assert wrong not in variants


def test_ranked_best_first_and_min_count() -> None:
    found = suggest(DOCS, GLOSSARY)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert all(s.count >= 2 for s in suggest(DOCS, GLOSSARY, min_count=2))
    assert len(suggest(DOCS, GLOSSARY, top=2)) == 2


def test_cli_writes_csv_that_loads_as_a_glossary(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("canonical,variant,lang,type\nIsmail Haniyeh,Ismail Haniyeh,,person\n"
                        "Hossein Amir-Abdollahian,Hossein Amir-Abdollahian,,person\n",
                        encoding="utf-8")
    before = glossary.read_bytes()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, (text, _lang) in enumerate(DOCS):
        (corpus / f"{n}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "suggestions.csv"
    result = subprocess.run([sys.executable, "-m", "normalizer", "glossary", "suggest", "-g",
                             str(glossary), str(corpus), "-o", str(out)], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert glossary.read_bytes() == before  # never changes the glossary
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == HEADER
    assert rows[1][:5] == ["Ismail Haniyeh", "Ismail Haniya", "", "person", "2"]
    # the file itself loads as a glossary, and reviewed rows appended as they are load too
    assert "Ismail Haniya" in {v.text for e in load_glossaries([str(out)]).entries
                               for v in e.variants}
    with glossary.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(out.read_text(encoding="utf-8").splitlines()[1:3]) + "\n")
    merged = load_glossaries([str(glossary)])
    assert {"Ismail Haniya", rows[2][1]} <= {v.text for e in merged.entries for v in e.variants}
