"""The detection stage: right languages, deterministic, ``und`` instead of guesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from normalizer.detect import Detection, LanguageDetector, Segment
from normalizer.document import Document
from normalizer.errors import EngineError, UsageError
from tests.conftest import ROOT, SEEDS

DATA = Path(__file__).parent / "data" / "langid_paragraphs.tsv"
LANGS13 = ["ar", "de", "en", "es", "fa", "fr", "he", "it", "nl", "pt", "ru", "tr", "ur"]
FRENCH_QUOTE = ("Le ministre des Affaires étrangères a déclaré que la France était prête à "
                "reprendre le dialogue avec toutes les parties, à condition que les otages "
                "soient libérés sans délai et que les frappes cessent immédiatement.")
ENGLISH_1 = ("The foreign minister arrived in Geneva on Tuesday for talks with his European "
             "counterparts, officials said, amid growing concern over the fate of the hostages.")
ENGLISH_2 = ("Diplomats described the meeting as constructive but said no agreement had been "
             "reached on the timetable, and further talks are expected next week in Brussels.")


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def tatoeba() -> list[tuple[str, str]]:
    lines = [line.split("\t", 2) for line in DATA.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")][1:]
    return [(gold, text) for _, gold, text in lines]


def test_seeds_are_english_and_french(detector: LanguageDetector) -> None:
    found = {p.name[:3]: detector.detect(p.read_text(encoding="utf-8"))
             for p in sorted(SEEDS.glob("*.txt"))}
    assert {k: d.lang for k, d in found.items()} == {
        "000": "en", "001": "en", "002": "en", "003": "en", "004": "fr"}
    assert all(d.confidence > 0.9 and d.reason is None for d in found.values())


@pytest.mark.parametrize(("gold", "text"), tatoeba(), ids=lambda v: v[:12])
def test_real_paragraphs_of_13_languages(detector: LanguageDetector, gold: str,
                                         text: str) -> None:
    assert detector.detect(text).lang == gold
    assert LanguageDetector(LANGS13).detect(text).lang == gold


@pytest.mark.parametrize(("text", "lang"), [
    ("این کتاب را دیروز از کتابفروشی خریدم و خیلی خوب است.", "fa"),
    ("اشتريت هذا الكتاب أمس من المكتبة وهو جيد جدا.", "ar"),
    ("میں نے یہ کتاب کل دکان سے خریدی اور یہ بہت اچھی ہے۔", "ur"),
    ("קניתי את הספר הזה אתמול בחנות והוא טוב מאוד.", "he"),
])
def test_arabic_persian_urdu_hebrew(detector: LanguageDetector, text: str, lang: str) -> None:
    assert detector.detect(text).lang == lang


def test_persian_with_arabic_keyboard_letters_is_still_persian(
        detector: LanguageDetector) -> None:
    # ي and ك instead of ی and ک: the words decide, not the letters alone
    text = "وزير امور خارجه ايران گفت كه مذاكرات هسته اي در هفته آينده ادامه خواهد يافت."
    assert detector.detect(text).lang == "fa"


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("Hi", "too short"),
    ("https://example.com/news/2024/08/07/article-123 @irna_en #OIC 2024-08-07 15:30",
     "mostly numbers, URLs or handles"),
    ("Share. Comments are closed.", "page furniture"),
])
def test_und_instead_of_guessing(detector: LanguageDetector, text: str, reason: str) -> None:
    found = detector.detect(text)
    assert found.lang == "und"
    assert reason in (found.reason or "")


def test_names_alone_are_undetermined(detector: LanguageDetector) -> None:
    for text in ("Reuters", "Amir Abdollahian"):
        found = detector.detect(text)
        assert found.lang == "und" and found.reason.startswith("low confidence")


def test_deterministic_across_calls_and_order() -> None:
    texts = [text for _, text in tatoeba()] + ["Tom is here.", "Ciao!", "Obrigado, Maria."]
    first = [LanguageDetector().detect(t) for t in texts]
    again = LanguageDetector()
    assert [again.detect(t) for t in reversed(texts)] == list(reversed(first))
    assert [again.detect(t) for t in texts] == first


def test_deterministic_in_another_process(detector: LanguageDetector) -> None:
    texts = ["Tom is here.", "Ciao!", "Obrigado, Maria.", "Amir Abdollahian", "Hola amigo"]
    code = ("import sys; from normalizer.detect import LanguageDetector; d = LanguageDetector();"
            "[print(d.detect(t)) for t in sys.argv[1:]]")
    out = subprocess.run([sys.executable, "-c", code, *texts], capture_output=True, text=True,
                         check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                    "PYTHONHASHSEED": "123"}).stdout
    assert out.splitlines() == [repr(detector.detect(t)) for t in texts]


def test_restricted_languages() -> None:
    text = "Eu não sei se ele vem amanhã."
    assert LanguageDetector(["es", "it"]).detect(text).lang in ("es", "it", "und")
    assert LanguageDetector(["pt", "es"]).detect(text).lang == "pt"
    hebrew = LanguageDetector(["en", "fr"]).detect("קניתי את הספר הזה אתמול בחנות.")
    assert hebrew.lang == "und" and "script" in hebrew.reason
    assert LanguageDetector(["en", "ru"]).detect("Я думал, что Вы уехали в Бостон.").lang == "ru"


def test_bad_options_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        LanguageDetector(["en", "xx"])
    with pytest.raises(UsageError):
        LanguageDetector(backend="nope")
    with pytest.raises(UsageError):
        LanguageDetector(threshold=1.5)


def test_missing_optional_backend_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "lingua" else real(name, *a))
    with pytest.raises(EngineError, match="pip install lingua-language-detector"):
        LanguageDetector(backend="lingua")


def test_segments_english_article_with_french_quote(detector: LanguageDetector) -> None:
    text = (f"Talks resume in Geneva\n\n{ENGLISH_1}\n\n{FRENCH_QUOTE}\n\n{ENGLISH_2}\n\n"
            "Share. Comments are closed.\n")
    runs = detector.segments(text)
    assert [r.lang for r in runs] == ["en", "fr", "en"]
    assert runs[0].start == 0 and runs[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(runs, runs[1:], strict=False))
    assert text[runs[1].start:runs[1].end].strip() == FRENCH_QUOTE
    assert all(isinstance(r, Segment) and r.confidence > 0.9 for r in runs)


def test_segments_merge_one_language_and_cover_text(detector: LanguageDetector) -> None:
    text = f"{ENGLISH_1}\n{ENGLISH_2}\n"
    assert detector.segments(text) == [Segment(0, len(text), "en", 1.0)]
    assert detector.segments("") == []
    assert [s.lang for s in detector.segments("12345")] == ["und"]


def test_long_document_is_sampled_with_the_same_answer(detector: LanguageDetector) -> None:
    text = "\n\n".join([ENGLISH_1, ENGLISH_2] * 5000)  # ~1.7 MB
    assert detector.detect(text) == Detection("en", 1.0)


def test_detect_document_sets_language_and_keeps_text(detector: LanguageDetector) -> None:
    text = (SEEDS / "004_d6afaeafbc426307.txt").read_text(encoding="utf-8")
    doc = Document(id="004", text=text)
    assert detector.detect_document(doc) is doc
    assert (doc.language, doc.text, doc.original) == ("fr", text, text)
    assert doc.confidence > 0.9
    short = detector.detect_document(Document(id="x", text="@bob 2024"))
    assert short.language == "und" and "numbers" in short.metadata["language_reason"]
