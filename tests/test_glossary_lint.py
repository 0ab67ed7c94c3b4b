"""`newsnorm glossary check` lint: every planted problem is found, at its file:line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from normalizer.glossary.lint import ERROR, WARNING, lint_paths
from tests.conftest import GLOSSARY, ROOT

# Each broken glossary plants problems; (file, line, code) of every planted problem.
BROKEN_YAML = """\
version: 1
keep: [Saddam Hussein]
entries:
  - canonical: Fuad Hussein
    type: person
    variants:
      - Fouad Hussein
      - Fouad Hussein
      - Fouad-Hussein
      - Hussein
  - canonical: Hussein Ibrahim Taha
    type: person
  - canonical: Ali Bagheri Kani
    type: person
    variants: [Ali]
  - id: peace-now
    canonical: Peace Now
    type: org
    variants: [Peace]
  - id: peace-now
    canonical: Shalom Achshav
  - canonical: Ismail Haniyeh
    variants: [Fuad Hussein]
  - canonical: Saddam
    variants: [Saddam Hussein]
"""
PLANTED_YAML = {
    (8, "duplicate-row"),        # Fouad Hussein twice
    (9, "folded-duplicate"),     # Fouad-Hussein == Fouad Hussein after folding
    (10, "ambiguous"),           # bare Hussein: a given name
    (10, "shadowed"),            # Hussein is part of Hussein Ibrahim Taha
    (15, "ambiguous"),           # Ali: given name
    (19, "ambiguous"),           # Peace: a common word
    (20, "duplicate-id"),        # peace-now twice
    (23, "canonical-clash"),     # variant equals another entry's canonical
    (25, "keep-clash"),          # a spelling that is also a look-alike to keep
}

BROKEN_CSV = """\
canonical,variant,lang,type
Qasem Soleimani,Qassem Soleimani,,person
Qasem Soleimani,Qassem Soleimani,,person
Qasem Soleimani,Ghasem Soleimani,fr,person
Ebrahim Raisi,ghasem soleimani,fr,person
Ebrahim Raisi,Raïssi,fr,person
Ebrahim Raisi,Raissi,fr,person
Yahya Sinwar,Sinwar,english,person
Hamas,Hope,,org
"""
PLANTED_CSV = {
    (3, "duplicate-row"),        # identical row
    (5, "claimed"),              # same spelling (folded) in two entries, same language
    (7, "folded-duplicate"),     # Raissi == Raïssi after folding
    (8, "load"),                 # bad language code
}


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _found(findings, path: str) -> set[tuple[int | None, str]]:
    return {(f.line, f.code) for f in findings if f.path == path}


def test_every_planted_yaml_problem_is_found(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.yaml", BROKEN_YAML)
    found = _found(lint_paths([path]), path)
    assert found >= PLANTED_YAML, PLANTED_YAML - found


def test_every_planted_table_problem_is_found(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.csv", BROKEN_CSV)
    # A load error stops that file from being linted further: fix it and lint again.
    assert _found(lint_paths([path]), path) == {(8, "load")}
    fixed = _write(tmp_path, "fixed.csv", BROKEN_CSV.replace(",english,", ",fr,"))
    found = _found(lint_paths([fixed]), fixed)
    assert PLANTED_CSV - {(8, "load")} <= found, PLANTED_CSV - found


def test_common_word_and_given_name_are_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "g.csv", BROKEN_CSV.replace(",english,", ",fr,"))
    messages = [f.message for f in lint_paths([path]) if f.code == "ambiguous"]
    assert any("'Hope'" in m and "common word" in m for m in messages)


def test_clash_across_files_points_at_both(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.yaml", "entries:\n  - canonical: Hakan Fidan\n")
    b = _write(tmp_path, "b.csv", "canonical,variant\nH. Fidan,Hakan Fidan\n")
    findings = [f for f in lint_paths([a, b]) if f.code == "canonical-clash"]
    assert len(findings) == 1
    assert findings[0].path == b and findings[0].line == 2 and f"{a}:2" in findings[0].message


def test_after_full_and_lang_restriction_silence_warnings(tmp_path: Path) -> None:
    path = _write(tmp_path, "g.yaml", """\
entries:
  - canonical: Fuad Hussein
    type: person
    variants:
      - {text: Hussein, after_full: true}
  - canonical: Hussein Ibrahim Taha
    type: person
  - canonical: Peace Now
    lang:
      fr: [La Paix Maintenant]
""")
    assert lint_paths([path]) == []


def test_shipped_glossary_has_no_errors() -> None:
    assert not [f for f in lint_paths([str(GLOSSARY)]) if f.severity == ERROR]


def newsnorm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalizer", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize(("text", "code"), [
    ("entries:\n  - canonical: Hamas\n    variants: [Hope]\n", 0),          # warning only
    ("entries:\n  - canonical: A B\n  - canonical: C\n    variants: [a-b]\n", 1),  # error
])
def test_check_exits_nonzero_only_on_errors(tmp_path: Path, text: str, code: int) -> None:
    path = _write(tmp_path, "g.yaml", text)
    result = newsnorm("glossary", "check", path)
    assert result.returncode == code, result.stderr
    severity = WARNING if code == 0 else ERROR
    assert f"{path}:" in result.stderr and f": {severity}: " in result.stderr
