"""`newsnorm report`: a self-contained review page, checked as HTML and in headless Chromium."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from normalizer.canonicalize import Canonicalizer
from normalizer.errors import InputError
from normalizer.report import load_records, prepare, render_report
from tests.chromium import browser_page, count_colour, open_report, skip_reason
from tests.conftest import ROOT

HIGHLIGHT = (0xFF, 0xE0, 0x66)  # --hl in the template


def _records(shipped_glossary) -> list[dict]:
    canon = Canonicalizer(shipped_glossary)
    english = ("Iran's foreign minister Hossein Amirabdollahian met Ismail Haniya in Doha. "
               "Amirabdollahian later met Fouad Hussain. Abdollahian flew home.")
    text, changes = canon.canonicalize(english, "en")
    french_source = "Le ministre Amir-Abdollahian a rencontré Ismaïl Haniyé à Doha."
    translation = "Minister Amir-Abdollahian met Ismail Haniya in Doha."
    ttext, tchanges = canon.canonicalize(translation, "en")
    return [
        {"id": "en-1", "source": "news/en.jsonl:1", "language": "en", "confidence": 0.99,
         "translated": False, "text": text, "original": english,
         "changes": [c.to_dict() for c in changes], "warnings": [], "error": None},
        {"id": "fr-1", "source": "news/fr.txt", "language": "fr", "confidence": 0.97,
         "translated": True, "engine": "apertium", "model": "fr-en", "text": ttext,
         "original": french_source, "changes": [c.to_dict() for c in tchanges]},
        {"id": "<script>alert(1)</script>", "text": "No names </script><b>here</b>.",
         "changes": []},
        {"id": "broken", "error": "news/x.txt: not UTF-8", "changes": None},
    ]


def _protected_record() -> dict:
    """A pipeline record of a translated document (``source_text`` + ``protected``)."""
    source = "Le secrétaire de l'Organisation de la coopération islamique est à Téhéran."
    text = "The secretary of the Organization of Islamic Cooperation is in Tehran."
    names = [("Organisation de la coopération islamique", "Organization of Islamic Cooperation",
              "organization-of-islamic-cooperation"), ("Téhéran", "Tehran", "tehran")]
    protected = [{"start": source.index(o), "end": source.index(o) + len(o),
                  "out_start": text.index(c), "out_end": text.index(c) + len(c),
                  "original": o, "canonical": c, "entry_id": e, "rule": "protected"}
                 for o, c, e in names]
    return {"id": "fr-2", "source": "seeds/fr2.txt", "language": "fr", "translated": True,
            "engine": "apertium", "model": "apertium-fr-es", "changes": [],
            "protected": protected, "text": text, "source_text": source,
            "original": "Title: x\n\n" + source + "\n\nSuivez-nous\n"}


def test_page_embeds_everything_and_escapes_markup(tmp_path: Path, shipped_glossary) -> None:
    page = render_report(_records(shipped_glossary), title="Review <&>")
    assert "<title>Review &lt;&amp;&gt;</title>" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no network, no CDN
    assert "<script>alert(1)</script>" not in page
    assert "</script><b>" not in page
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)'
                                r"</script>", page, re.S).group(1))
    assert data["docs"][2]["id"] == "<script>alert(1)</script>"
    totals = {e["id"]: e["changes"] for e in data["entities"]}
    assert totals == {"hossein-amir-abdollahian": 3, "ismail-haniyeh": 2, "fuad-hussein": 1}


def test_changes_are_placed_on_the_output_text(shipped_glossary) -> None:
    data = prepare(_records(shipped_glossary), "t")
    doc = data["docs"][0]
    for out_start, out_end, _orig, canonical, *_ in doc["changes"]:
        assert doc["text"][out_start:out_end] == canonical


def test_protected_names_are_placed_on_both_texts() -> None:
    record = _protected_record()
    broken = {**record["protected"][1], "out_start": 0, "out_end": 3}  # points elsewhere
    data = prepare([{**record, "protected": [*record["protected"], broken]}], "t")
    doc = data["docs"][0]
    assert doc["original"] == record["source_text"]  # the translated text, not the raw file
    for out_start, out_end, orig, canonical, _e, rule, start, end in doc["protected"][:2]:
        assert doc["text"][out_start:out_end] == canonical and rule == "protected"
        assert doc["original"][start:end] == orig
    assert doc["protected"][2][:2] == [None, None]  # listed, counted, not highlighted
    totals = {e["id"]: (e["changes"], e["protected"]) for e in data["entities"]}
    assert totals == {"organization-of-islamic-cooperation": (0, 1), "tehran": (0, 2)}
    assert data["total_protected"] == 3 and data["total_changes"] == 0


def test_canonicalize_changes_jsonl_is_accepted(tmp_path: Path) -> None:
    corpus = tmp_path / "a.txt"
    corpus.write_text("Ismail Haniya met Fouad Hussain.", encoding="utf-8")
    changes = tmp_path / "changes.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "normalizer", "canonicalize", "-g",
                    str(ROOT / "glossaries" / "mideast-diplomacy.yaml"), str(corpus),
                    "--changes", str(changes)], check=True, capture_output=True, env=env)
    records = load_records([str(changes)])
    assert len(records) == 1 and len(records[0]["changes"]) == 2
    out = tmp_path / "r.html"
    result = subprocess.run([sys.executable, "-m", "normalizer", "report", str(changes), "-o",
                             str(out)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "Fouad Hussain" in out.read_text(encoding="utf-8")


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "records.jsonl"
    bad.write_text('{"id": "a"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_records([str(bad)])
    assert info.value.line == 2


browser = pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")


@browser
def test_page_loads_in_chromium_without_errors_and_highlights(tmp_path: Path,
                                                              shipped_glossary) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_report(_records(shipped_glossary) + [_protected_record()],
                                  "Review"), encoding="utf-8")
    with browser_page() as (page, problems):
        open_report(page, path)
        marks = page.eval_on_selector_all("#docs mark.chg", "ms => ms.map(m => [m.textContent,"
                                          " m.title])")
        assert ["Hossein Amir-Abdollahian", "Hossein Amirabdollahian \u2192 Hossein "
                "Amir-Abdollahian  (exact, hossein-amir-abdollahian)"] in marks
        # translated document: the source beside the translation
        panes = page.eval_on_selector_all("article:nth-child(2) .pane h3",
                                          "hs => hs.map(h => h.textContent)")
        assert panes == ["Source (fr)", "Translation, normalized"]
        assert page.locator("article:nth-child(3) h2").text_content() == \
            "<script>alert(1)</script>"
        png = page.screenshot(full_page=True)
        (tmp_path / "report.png").write_bytes(png)
        assert count_colour(png, HIGHLIGHT) > 500
        # filter by entity: only documents that mention it stay
        page.select_option("#f-entity", "ismail-haniyeh")
        assert page.locator("#docs article").count() == 2
        page.select_option("#f-entity", "")
        page.select_option("#f-rule", "short")
        assert page.locator("#docs article").count() == 1
        page.check("#f-inline")
        assert page.locator("del.orig").first.is_visible()
        # protected names: marked in the translation (source surface on hover) and the source
        page.select_option("#f-rule", "protected")
        assert page.locator("#docs article").count() == 1
        panes = page.eval_on_selector_all("#docs article .pane", """ps => ps.map(p => [
            p.querySelector("h3").textContent,
            Array.from(p.querySelectorAll("mark.prot")).map(m => [m.textContent, m.title])])""")
        assert panes == [
            ["Source (fr)", [
                ["Organisation de la coopération islamique", "Organisation de la coopération "
                 "islamique \u2192 Organization of Islamic Cooperation  (protected, "
                 "organization-of-islamic-cooperation)"],
                ["Téhéran", "Téhéran \u2192 Tehran  (protected, tehran)"]]],
            ["Translation, normalized", [
                ["Organization of Islamic Cooperation", "source: Organisation de la "
                 "coopération islamique \u2192 Organization of Islamic Cooperation  "
                 "(protected, organization-of-islamic-cooperation)"],
                ["Tehran", "source: Téhéran \u2192 Tehran  (protected, tehran)"]]]]
        assert "Suivez-nous" not in page.locator("#docs article").text_content()
        page.select_option("#f-rule", "")
        page.select_option("#f-entity", "tehran")
        assert page.locator("#docs article").count() == 1
        assert problems == []
