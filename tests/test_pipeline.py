"""The Python API: Pipeline(...).process(text) and process_many(iterable)."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer.document import Document
from normalizer.errors import UsageError
from tests.batch_corpus import detection_available

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = str(ROOT / "glossaries" / "mideast-diplomacy.yaml")
SEEDS = ROOT / "seeds"




needs_detection = pytest.mark.skipif(not detection_available(),
                                     reason="normalizer.detection.LanguageDetector not there yet")


def _apertium_fr_en() -> bool:
    try:
        from normalizer.translate.apertium import ApertiumEngine

        return ApertiumEngine.installed() and ApertiumEngine().route("fr", "en") is not None
    except Exception:  # noqa: BLE001
        return False


needs_apertium = pytest.mark.skipif(not _apertium_fr_en(), reason="Apertium fr->en is not "
                                    "installed: sudo apt-get install apertium apertium-fr-es "
                                    "apertium-eng-spa")


@pytest.fixture(scope="module")
def pipeline():
    from normalizer import Pipeline

    return Pipeline(glossaries=[GLOSSARY], engine="none", detect=False, lang="en")


def test_three_lines_from_python():
    from normalizer import Pipeline

    doc = Pipeline(glossaries=[GLOSSARY], engine="none", lang="en").process(
        "Iranian FM Hossein Amir Abdollahian met Fuad Hossein in Baghdad.")
    assert doc.text == "Iranian FM Hossein Amir-Abdollahian met Fuad Hussein in Baghdad."
    assert {c.entry_id for c in doc.changes} == {"hossein-amir-abdollahian", "fuad-hussein"}


def test_process_cleans_then_canonicalizes(pipeline):
    raw = " date 2024-06-02 Hossein Amir Abdollahian spoke.\n\nShare.\n"
    doc = pipeline.process(raw, id="a1")
    assert doc.id == "a1"
    assert doc.text == "Hossein Amir-Abdollahian spoke.\n"
    assert doc.original == raw
    assert doc.metadata["header"] == {"date": "2024-06-02"}
    assert doc.changes[0].original == "Hossein Amir Abdollahian"


def test_process_many_streams_in_order_without_reading_everything(pipeline):
    consumed = []

    def texts():
        for i in range(1000):
            consumed.append(i)
            yield f"Document {i}: Amir Abdollahian."

    stream = pipeline.process_many(texts())
    first = [next(stream) for _ in range(3)]
    assert [d.text for d in first] == [f"Document {i}: Amir-Abdollahian." for i in range(3)]
    assert len(consumed) <= pipeline.config.batch_size  # one batch read, not the whole input
    rest = list(stream)
    assert len(rest) == 997 and rest[-1].text.startswith("Document 999:")


def test_documents_with_errors_pass_through_untouched(pipeline):
    bad = Document(id="x", text="", source="in.jsonl", line=3, error="in.jsonl:3: malformed")
    good = Document(id="y", text="Abdollahian")
    out = list(pipeline.process_many([bad, good]))
    assert out[0] is bad and bad.error == "in.jsonl:3: malformed" and bad.text == ""
    assert out[1].error is None


def test_a_failing_stage_marks_only_that_document(pipeline, monkeypatch):
    real = pipeline.canonicalizer.canonicalize_document

    def flaky(doc, lang=None):
        if "boom" in doc.text:
            raise RuntimeError("kaput")
        return real(doc, lang)

    monkeypatch.setattr(pipeline.canonicalizer, "canonicalize_document", flaky)
    docs = list(pipeline.process_many(["fine", "boom", "fine too"]))
    assert [d.error is None for d in docs] == [True, False, True]
    assert "canonicalize: internal error RuntimeError: kaput" in docs[1].error


def test_engine_none_leaves_foreign_text_with_a_warning():
    from normalizer import Pipeline

    doc = Pipeline(glossaries=[GLOSSARY], engine="none").process(
        "Amir Abdollahian a salué la réunion.", lang="fr")
    assert doc.language == "fr"
    assert doc.metadata["translation"]["translated"] is False
    assert any("left in fr" in w for w in doc.warnings)
    assert doc.text == "Amir-Abdollahian a salué la réunion."  # canonicalized in French


def test_stages_can_be_switched_off():
    from normalizer import Pipeline

    raw = "Share.\nAmir Abdollahian  spoke."
    doc = Pipeline(glossaries=[GLOSSARY], engine="none", clean=False, detect=False,
                   canonicalize=False).process(raw)
    assert doc.text == raw and doc.changes == []


def test_record_has_signature_and_no_error(pipeline):
    doc = pipeline.process("Amir Abdollahian spoke.")
    record = pipeline.record(doc)
    assert record["error"] is None
    assert record["signature"]["glossary"] == pipeline.glossary.digest
    assert record["signature"]["tool"].startswith("newsnorm ")
    assert record["changes_by_entity"] == {"hossein-amir-abdollahian": 1}
    assert set(record["timings"]) >= {"clean", "canonicalize"}


def test_bad_arguments_are_usage_errors():
    from normalizer import Pipeline

    with pytest.raises(UsageError):
        Pipeline(engine="deepl")
    with pytest.raises(UsageError):
        Pipeline().process(42)  # type: ignore[arg-type]


@needs_detection
def test_detection_sets_language_and_confidence():
    from normalizer import Pipeline

    pipe = Pipeline(glossaries=[GLOSSARY], engine="none")
    fr = pipe.process((SEEDS / "004_d6afaeafbc426307.txt").read_text(encoding="utf-8"))
    en = pipe.process((SEEDS / "001_719785d079ad14dd.txt").read_text(encoding="utf-8"))
    assert (fr.language, en.language) == ("fr", "en")
    assert fr.confidence > 0.9 and en.confidence > 0.9
    assert any("left in fr" in w for w in fr.warnings)
    assert not en.warnings


@needs_detection
def test_langs_restricts_detection_candidates():
    from normalizer import Pipeline

    doc = Pipeline(engine="none", langs=["en", "de"]).process(
        "Le ministre des Affaires étrangères a salué la réunion de l'organisation.")
    assert doc.language in ("en", "de", "und")


@needs_detection
@needs_apertium
def test_french_is_translated_then_canonicalized_in_english(tmp_path, monkeypatch):
    from normalizer import Pipeline

    monkeypatch.setenv("NEWSNORM_CACHE_DIR", str(tmp_path))
    pipe = Pipeline(glossaries=[GLOSSARY], engine="apertium")
    fr_text = (SEEDS / "004_d6afaeafbc426307.txt").read_text(encoding="utf-8")
    en_text = (SEEDS / "001_719785d079ad14dd.txt").read_text(encoding="utf-8")
    fr, en = pipe.process_many([fr_text, en_text])
    assert fr.language == "fr" and fr.error is None
    info = fr.metadata["translation"]
    assert info["translated"] is True and info["engine"] == "apertium" and info["model"]
    assert "Organization of Islamic Cooperation" in fr.text  # canonical English name
    assert "Suivez-nous" not in fr.text and "ministre" not in fr.text
    assert fr.original == fr_text
    assert en.metadata["translation"]["translated"] is False  # English is never translated
    record = pipe.record(fr)
    assert record["engine"] == "apertium" and record["signature"]["engine"] == "apertium"
    assert record["translated"] is True


def test_missing_engine_fails_each_foreign_document_not_the_batch(tmp_path, monkeypatch):
    from normalizer import Pipeline

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    monkeypatch.setenv("NEWSNORM_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "no-models").mkdir()
    pipe = Pipeline(engine="argos", glossaries=[GLOSSARY])
    docs = [pipe._document(t, None, lang) for t, lang in
            [("Bonjour.", "fr"), ("Hello Amir Abdollahian.", "en"), ("Merci.", "fr")]]
    out = pipe.process_batch(docs)
    assert [d.error is None for d in out] == [False, True, False]
    assert "translate: no translation engine serves fr -> en" in out[0].error
    assert "newsnorm models install fr en" in out[0].error  # says what to do
    assert out[1].text == "Hello Amir-Abdollahian."


def _assert_protected_fit(record: dict) -> None:
    assert record["protected"], "no protected mention recorded"
    for m in record["protected"]:
        assert record["source_text"][m["start"]:m["end"]] == m["original"], m
        assert record["text"][m["out_start"]:m["out_end"]] == m["canonical"], m
    for c in record["changes"]:
        assert record["text"][c["out_start"]:c["out_end"]] == c["canonical"], c


@needs_apertium
def test_record_lists_protected_names_with_offsets_also_when_cached(tmp_path, monkeypatch):
    from normalizer import Pipeline
    from normalizer.records import dumps, without_timings

    monkeypatch.setenv("NEWSNORM_CACHE_DIR", str(tmp_path))
    raw = (SEEDS / "004_d6afaeafbc426307.txt").read_text(encoding="utf-8")
    lines = []
    for _ in range(2):  # the second run is served from the translation cache
        pipe = Pipeline(glossaries=[GLOSSARY], engine="apertium", lang="fr")
        lines.append(dumps(pipe.record(pipe.process(raw))))
    first, second = (without_timings(line) for line in lines)
    assert first == second
    _assert_protected_fit(first)
    assert first["original"] == raw and "Suivez-nous" in raw
    assert "Suivez-nous" not in first["source_text"]  # cleaned before translation
    assert first["source_text"].startswith("Lors d'un appel") and first["text"].startswith(
        "During a call")
    oci = [m for m in first["protected"] if m["entry_id"] == "organization-of-islamic-cooperation"]
    assert len(oci) == 5 and {m["original"] for m in oci} == {
        "Organisation de la coopération islamique"}


class _Minister:
    """A fake engine: "Le ministre" becomes a misspelt name the canonicalizer then fixes."""

    name = "argos"
    placeholder_letters = "ABCDEFGHIJ"

    def route(self, src, tgt):
        return [(src, tgt)]

    def version(self, src, tgt):
        return "fake-1"

    def translate(self, segments, src, tgt):
        return [s.replace("Le ministre", "Minister Hossein Amirabdollahian") for s in segments]

    def close(self):
        pass


def test_protected_offsets_follow_canonicalization_shifts(tmp_path):
    from normalizer import Pipeline
    from normalizer.translate import Translator
    from normalizer.translate.cache import TranslationCache

    pipe = Pipeline(glossaries=[GLOSSARY], engine="argos", lang="fr", detect=False)
    pipe._translator = Translator(engine="argos", glossary=pipe.glossary,
                                  cache=TranslationCache(tmp_path / "c.sqlite3"))
    pipe._translator._engines["argos"] = _Minister()
    record = pipe.record(pipe.process("Le ministre a visité Téhéran avec Hakan Fidan."))
    assert record["text"] == ("Minister Hossein Amir-Abdollahian a visité Tehran avec "
                              "Hakan Fidan.")
    assert [c["original"] for c in record["changes"]] == ["Hossein Amirabdollahian"]  # +1 char
    assert [(m["original"], m["canonical"]) for m in record["protected"]] == [
        ("Téhéran", "Tehran"), ("Hakan Fidan", "Hakan Fidan")]
    _assert_protected_fit(record)


def test_untranslated_record_carries_text_and_original(pipeline):
    raw = "Share.\nAmir Abdollahian spoke."
    record = pipeline.record(pipeline.process(raw))
    assert record["original"] == raw and record["text"] == "Amir-Abdollahian spoke."
    assert record["source_text"] is None and record["protected"] == []


def test_map_protected_when_a_change_swallows_the_name():
    from normalizer.document import Change
    from normalizer.pipeline import map_protected

    # "Déluge d'" + protected "Al-Aqsa" rewritten as one longer name by canonicalization
    before = "Déluge d'Al-Aqsa began."
    text = "Operation Al-Aqsa Flood began."
    change = Change(0, 16, 0, 23, "Déluge d'Al-Aqsa", "Operation Al-Aqsa Flood", "op", "folded")
    kept = {"start": 0, "end": 7, "out_start": 9, "out_end": 16, "original": "Al-Aqsa",
            "canonical": "Al-Aqsa", "entry_id": "aqsa", "rule": "protected"}
    gone = {**kept, "canonical": "Al-Aqsa Mosque"}
    after = {**kept, "out_start": 17, "out_end": 22, "canonical": "began"}
    assert before[9:16] == "Al-Aqsa" and before[17:22] == "began"
    moved = map_protected([kept, gone, after], [change], text)
    assert (moved[0]["out_start"], moved[0]["out_end"]) == (10, 17)
    assert text[10:17] == "Al-Aqsa"
    assert moved[1]["out_start"] is None and moved[1]["out_end"] is None
    assert text[moved[2]["out_start"]:moved[2]["out_end"]] == "began"
