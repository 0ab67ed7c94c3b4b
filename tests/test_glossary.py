"""Glossary loading: formats, validation with file:line, conflicts, digest."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer.errors import GlossaryError
from normalizer.glossary import load_glossaries, load_glossary


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def problems(paths: list[str]) -> list[str]:
    with pytest.raises(GlossaryError) as info:
        load_glossaries(paths)
    return [p.location_message() for p in info.value.problems]


def test_shipped_glossary_loads(shipped_glossary) -> None:
    ids = {e.id for e in shipped_glossary.entries}
    assert {"hossein-amir-abdollahian", "fuad-hussein", "al-quds", "oic"} <= ids
    amir = shipped_glossary.by_id()["hossein-amir-abdollahian"]
    assert amir.short == "Amir-Abdollahian"
    assert any(v.after_full for v in amir.variants)


def test_csv_rows_group_into_entries_with_languages(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "canonical,variant,lang,type\n"
                 "Al-Quds,Al-Qods,fr,place\nAl-Quds,Al Quds,,place\n"
                 "Fuad Hussein,Fuad Hussain,,person\nFuad Hussein,Fouad Hussein,fr;en,\n")
    g = load_glossary(path)
    quds, fuad = g.entries
    assert quds.canonical == "Al-Quds" and quds.type == "place"
    assert [(v.text, v.langs) for v in quds.variants] == [("Al-Qods", frozenset({"fr"})),
                                                          ("Al Quds", None)]
    assert fuad.variants[1].langs == frozenset({"fr", "en"})


def test_tsv_is_read_by_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "canonical\tvariant\tlang\ttype\nGaza Strip\tbande de Gaza"
                 "\tfr\tplace\n")
    assert load_glossary(path).entries[0].variants[0].text == "bande de Gaza"


def test_csv_problems_name_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", "canonical,variant,lang,type\n"
                 "Fuad Hussein,Fuad Hussain,,person\n"
                 ",Orphan,,\n"
                 "Fuad Hussein,Fuad H,french,\n"
                 "Fuad Hussein,Fuad H2,,human\n")
    found = problems([path])
    assert found[0] == f"{path}:3: empty canonical"
    assert found[1].startswith(f"{path}:4: language 'french'")
    assert found[2].startswith(f"{path}:5: type 'human'")


def test_what_spreadsheets_and_ner_tools_call_a_type_is_that_type(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "canonical,variant,lang,type\n"
                 "Rapid Support Forces,RSF,,Organization\nKhartoum,Khartum,,LOC\n"
                 "Abdalla Hamdok,Abdallah Hamdok,,PER\n")
    assert [e.type for e in load_glossary(path).entries] == ["org", "place", "person"]
    yaml = write(tmp_path, "g.yaml", "version: 1\nentries:\n  - id: rsf\n"
                 "    canonical: Rapid Support Forces\n    type: organisation\n")
    assert load_glossary(yaml).entries[0].type == "org"


def test_unknown_column_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "canonical,variant,colour\nA,B,red\n")
    assert problems([path])[0].startswith(f"{path}:1: unknown column(s) 'colour'")


def test_variant_claimed_by_two_canonicals_same_language(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "canonical,variant,lang,type\n"
                 "Fuad Hussein,Hussain,,\nZakir Hussain,Hussain,,\n"
                 "Saddam Hussein,Hussein S,fr,\nHussein Sultan,Hussein S,en,\n")
    found = problems([path])
    assert len(found) == 1
    assert found[0].startswith(f"{path}:3: spelling 'Hussain' is claimed by 'Fuad Hussein'")


def test_conflicts_across_files_are_reported(tmp_path: Path) -> None:
    a = write(tmp_path, "a.csv", "canonical,variant\nFuad Hussein,F. Hussain\n")
    b = write(tmp_path, "b.yaml", "entries:\n  - canonical: Fouad Hussain\n"
                                  "    variants: [F Hussain]\n")
    assert "claimed by" in problems([a, b])[0]


def test_unreadable_encoding_and_binary(tmp_path: Path) -> None:
    latin = write(tmp_path, "l.csv", "canonical,variant\nRa\xefssi,Raisi\n".encode("latin-1"))
    assert problems([latin]) == [f"{latin}:2: unreadable encoding: not UTF-8; save the file as "
                                 "UTF-8"]
    binary = write(tmp_path, "b.csv", b"\x00\x01\x02")
    assert "binary file" in problems([binary])[0]


def test_yaml_problems_have_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "g.yaml", "entries:\n"
                 "  - canonical: Fuad Hussein\n"
                 "    colour: red\n"
                 "  - canonical: ''\n"
                 "  - canonical: Al-Quds\n"
                 "    lang: {french: [Al-Qods]}\n")
    found = problems([path])
    assert found[0].startswith(f"{path}:3: unknown key 'colour'")
    assert found[1] == f"{path}:4: empty canonical: every entry needs 'canonical'"
    assert found[2].startswith(f"{path}:6: language 'french'")


def test_invalid_yaml_syntax(tmp_path: Path) -> None:
    path = write(tmp_path, "g.yaml", "entries:\n  - canonical: [unclosed\n")
    assert problems([path])[0].startswith(f"{path}:3: not valid YAML")


def test_missing_and_empty_files(tmp_path: Path) -> None:
    assert "not found" in problems([str(tmp_path / "nope.yaml")])[0]
    assert "empty glossary" in problems([write(tmp_path, "e.csv", "")])[0]
    assert "empty glossary" in problems([write(tmp_path, "e.yaml", "")])[0]


def test_digest_depends_on_content_not_file_name(tmp_path: Path) -> None:
    text = "canonical,variant\nFuad Hussein,Fuad Hussain\n"
    a = load_glossary(write(tmp_path, "a.csv", text))
    b = load_glossary(write(tmp_path, "b.csv", text))
    c = load_glossary(write(tmp_path, "c.csv", text + "Fuad Hussein,Fouad Hussein\n"))
    assert a.digest == b.digest != c.digest
