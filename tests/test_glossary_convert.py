"""Glossary import/export: YAML <-> CSV <-> TSV lossless, DeepL carries spellings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from normalizer.errors import GlossaryError
from normalizer.glossary.convert import format_glossary, read_glossary
from tests.conftest import GLOSSARY, ROOT

RICH = """\
version: 1
keep: [Saddam Hussein, "Zakir: Hussain"]
entries:
  - id: fuad
    canonical: Fuad Hussein
    type: person
    short: Hussein
    generate: false
    variants:
      - Fouad Hussein
      - {text: Hussein, after_full: true}
      - {text: Fuad Hussain, lang: [ar, fr]}
      - "#Fuad, the minister"
    lang:
      fr: [Fouad Hussein al-Irakien]
    keep: [Fuad Husseini]
  - canonical: Al-Aqsa Flood
  - canonical: "Yes"
    variants: ["no", "- dash", "'quoted'"]
"""


def _convert_chain(tmp_path: Path, start: Path, chain: list[str]) -> Path:
    current = start
    glossary = read_glossary(str(start))
    for n, fmt in enumerate(chain):
        target = tmp_path / f"step{n}.{fmt if fmt != 'deepl' else 'tsv'}"
        target.write_text(format_glossary(glossary, fmt), encoding="utf-8")
        glossary = read_glossary(str(target))
        current = target
    return current


@pytest.mark.parametrize("chain", [["csv"], ["tsv"], ["yaml"], ["csv", "yaml"],
                                   ["tsv", "csv", "yaml", "tsv"]])
def test_native_and_interchange_round_trip_without_loss(tmp_path: Path, chain) -> None:
    for source_text in (RICH, GLOSSARY.read_text(encoding="utf-8")):
        start = tmp_path / "start.yaml"
        start.write_text(source_text, encoding="utf-8")
        original = read_glossary(str(start))
        final = read_glossary(str(_convert_chain(tmp_path, start, chain)))
        assert final.digest == original.digest
        assert sorted(final.global_keep) == sorted(original.global_keep)
        by_id = final.by_id()
        for entry in original.entries:
            again = by_id[entry.id]
            assert (again.canonical, again.short, again.generate, again.keep) == (
                entry.canonical, entry.short, entry.generate, entry.keep)


def test_plain_csv_stays_plain(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("canonical,variant,lang,type\nFuad Hussein,Fouad Hussein,fr,person\n",
                    encoding="utf-8")
    out = format_glossary(read_glossary(str(path)), "csv")
    assert out == ("canonical,variant,lang,type\nFuad Hussein,Fuad Hussein,,person\n"
                   "Fuad Hussein,Fouad Hussein,fr,person\n")


DEEPL = "Fouad Hussein\tFuad Hussein\nHaniyé\tIsmail Haniyeh\nIsmail Haniyeh\tIsmail Haniyeh\n"


def test_deepl_import_maps_target_to_canonical_and_source_language(tmp_path: Path) -> None:
    path = tmp_path / "deepl.tsv"
    path.write_text(DEEPL, encoding="utf-8")
    glossary = read_glossary(str(path), lang="fr")
    entries = {e.canonical: e for e in glossary.entries}
    assert set(entries) == {"Fuad Hussein", "Ismail Haniyeh"}
    assert [(v.text, v.langs) for v in entries["Ismail Haniyeh"].variants] == [
        ("Haniyé", frozenset({"fr"}))]


def test_deepl_round_trip_keeps_every_pair(tmp_path: Path) -> None:
    path = tmp_path / "deepl.tsv"
    path.write_text(DEEPL, encoding="utf-8")
    native = tmp_path / "native.yaml"
    native.write_text(format_glossary(read_glossary(str(path), lang="fr"), "yaml"),
                      encoding="utf-8")
    again = format_glossary(read_glossary(str(native)), "deepl", lang="fr")
    pairs = set(again.splitlines())
    assert set(DEEPL.splitlines()) <= pairs
    # The only addition: each canonical kept as itself, so DeepL leaves it untranslated.
    assert pairs - set(DEEPL.splitlines()) == {"Fuad Hussein\tFuad Hussein"}


def test_deepl_export_is_per_language_and_unique(tmp_path: Path) -> None:
    glossary = read_glossary(str(GLOSSARY))
    french = format_glossary(glossary, "deepl", lang="fr").splitlines()
    sources = [line.split("\t")[0] for line in french]
    assert len(sources) == len(set(sources))
    assert "Haniyé\tIsmail Haniyeh" in french
    assert "إسماعيل هنية\tIsmail Haniyeh" not in french  # Arabic spelling, not this pair
    assert all(line.count("\t") == 1 for line in french)


def test_bad_deepl_line_is_reported_with_location(tmp_path: Path) -> None:
    path = tmp_path / "deepl.tsv"
    path.write_text("A\tB\nno tab here\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        read_glossary(str(path), fmt="deepl")
    assert info.value.problems[0].line == 2


def newsnorm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalizer", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_import_and_export(tmp_path: Path) -> None:
    deepl = tmp_path / "fr-en.tsv"
    deepl.write_text(DEEPL, encoding="utf-8")
    native = tmp_path / "g.yaml"
    result = newsnorm("glossary", "import", str(deepl), "--lang", "fr", "-o", str(native))
    assert result.returncode == 0, result.stderr
    assert "canonical: Ismail Haniyeh" in native.read_text(encoding="utf-8")
    exported = newsnorm("glossary", "export", str(native))
    assert exported.returncode == 0
    assert "Ismail Haniyeh,Haniyé,fr," in exported.stdout
    tsv = tmp_path / "out.tsv"
    assert newsnorm("glossary", "export", str(native), "-o", str(tsv)).returncode == 0
    assert tsv.read_text(encoding="utf-8").startswith("canonical\tvariant\tlang\ttype")
    assert read_glossary(str(tsv)).digest == read_glossary(str(native)).digest
