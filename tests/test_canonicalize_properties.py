"""Invariants of the canonicalizer, checked on generated texts (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizer.canonicalize import Canonicalizer
from normalizer.glossary import load_glossaries
from tests.conftest import GLOSSARY
from tests.test_canonicalize import MUST_MERGE, MUST_NOT_MERGE

GLOSS = load_glossaries([str(GLOSSARY)])
CANON = Canonicalizer(GLOSS)
CANONICALS = [e.canonical for e in GLOSS.entries]
SPELLINGS = CANONICALS + [v.text for e in GLOSS.entries for v in e.variants]
NAMES = SPELLINGS + [v for _, v in MUST_MERGE] + [o for _, o in MUST_NOT_MERGE] + [
    "Bagheri", "Abdollahian", "Hussain", "Haniya", "Raissi", "Taha", "Soleimani"]
FILLER = ["the", "said", "Later", "President", "met", "in", "and", "Meanwhile", "d'", "l\u2019",
          "'s", "\u2019s", "OIC", "us", "US", "Abbasî", "Husseini", "Hassan", "Mohammad"]
SEPARATORS = [" ", "  ", "\u00a0", "\n", "\n\n", ", ", ". ", "-", "\u2013", "\u2019", "'", ""]
LANGS = st.sampled_from(["en", "fr", None])


@st.composite
def news_like(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(FILLER),
                                     st.text(max_size=6)), max_size=25))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces),
                         max_size=len(pieces)))
    casing = draw(st.sampled_from(["keep", "lower", "upper"]))
    text = "".join(p + s for p, s in zip(pieces, seps, strict=True))
    return {"keep": text, "lower": text.lower(), "upper": text.upper()}[casing]


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(news_like(), LANGS)
def test_second_pass_changes_nothing(text: str, lang: str | None) -> None:
    once, _ = CANON.canonicalize(text, lang)
    twice, changes = CANON.canonicalize(once, lang)
    assert twice == once, changes


@SETTINGS
@given(news_like(), LANGS)
def test_text_outside_changes_is_byte_identical(text: str, lang: str | None) -> None:
    out, changes = CANON.canonicalize(text, lang)
    rebuilt, cursor = [], 0
    for ch in changes:
        assert cursor <= ch.start < ch.end <= len(text)
        assert text[ch.start:ch.end] == ch.original
        assert out[ch.out_start:ch.out_end] == ch.canonical
        assert ch.original != ch.canonical
        rebuilt += [text[cursor:ch.start], ch.canonical]
        cursor = ch.end
    rebuilt.append(text[cursor:])
    assert "".join(rebuilt) == out


@SETTINGS
@given(st.lists(st.sampled_from(CANONICALS), max_size=12),
       st.lists(st.sampled_from(["the", "said", "met", "in", "and", "on", "with"]), max_size=12))
def test_canonical_spellings_are_fixed_points(names: list[str], words: list[str]) -> None:
    parts = [f"{n} {w}." for n, w in zip(names, words + ["said"] * len(names), strict=False)]
    text = " ".join(parts)
    assert CANON.canonicalize(text, "en") == (text, [])


@SETTINGS
@given(news_like())
def test_changes_only_where_an_entry_claims_the_span(text: str) -> None:
    entry_ids = {e.id for e in GLOSS.entries}
    _, changes = CANON.canonicalize(text, "en")
    # (a respelling of a name the text also writes in full is the "document" rule: "sBenjamin
    # Netanyahu ... Benjamin Netanyahu")
    assert all(ch.entry_id in entry_ids and ch.rule in {
        "exact", "folded", "generated", "short", "document", "acronym", "alias", "translated"}
        for ch in changes)


def _real_text_sets() -> list:
    import json
    from pathlib import Path

    from bench.eval_canonicalize import glossaries

    out = []
    for folder in sorted((Path(__file__).parent.parent / "bench").glob("realtext*")):
        full, minimal, _ = glossaries(folder / "entities.csv")
        docs = [json.loads(line) for line in
                (folder / "eval_docs.jsonl").read_text(encoding="utf-8").splitlines() if line]
        out += [(folder.name, name, g, docs) for name, g in (("full", full), ("minimal", minimal))]
    return out


def test_real_text_is_a_fixed_point_and_untouched_outside_changes() -> None:
    """The same invariants on the real-text evaluation sets, with both glossaries."""
    problems = []
    for set_name, glossary_name, glossary, docs in _real_text_sets():
        canon = Canonicalizer(glossary)
        for doc in docs:
            out, changes = canon.canonicalize(doc["text"], doc["lang"])
            if canon.canonicalize(out, doc["lang"])[1]:
                problems.append(f"{set_name}/{glossary_name}/{doc['id']}: second pass changed")
            rebuilt, pos = [], 0
            for ch in changes:
                rebuilt += [doc["text"][pos:ch.start], ch.canonical]
                pos = ch.end
            if "".join(rebuilt) + doc["text"][pos:] != out:
                problems.append(f"{set_name}/{glossary_name}/{doc['id']}: text outside changed")
    assert problems == []


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=60)
       | st.lists(st.sampled_from(["İ", "Σ", "ΟΔΟΣ", "é", "\u0301", "ß", "“", "’", "\u00a0",
                                   "\n\n", "Ø", "ة", "أ", "A", " ", "ﬁ", "😀"]),
                  max_size=12).map("".join))
def test_search_fold_is_per_character_and_the_c_fold_agrees(text: str) -> None:
    """The search fold keeps offsets (one character per character, each folded on its own),
    and the optional C extension gives exactly the Python result."""
    from normalizer import textfold

    expected = "".join(map(textfold.fold_char, text))
    assert textfold.python_fold_for_search(text) == expected
    assert textfold.fold_for_search(text) == expected
    if textfold._c_search_fold is not None:
        c_result = textfold._c_search_fold(text, textfold._fold_table())
        if all(ord(ch) < textfold._FOLD_TABLE_SIZE for ch in text):
            assert c_result == expected
        else:
            assert c_result is None  # beyond its table the C fold hands over to Python


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=60)
       | st.lists(st.sampled_from(["Qa", "'", "’", "ʼ", "ʿ", "s", "S", "ani", " ", "_", "9",
                                   "É", "Ā", "ß", "ÿ", "ı", "x", "\n", "-", "Ğ", "٣", "ş",
                                   "ğ", "ə", "Ə", "ǅ"]),
                  max_size=14).map("".join))
def test_the_c_capitals_scan_agrees_with_the_regex(text: str) -> None:
    """The optional C scan of capitalized words gives exactly the regex's words and spans."""
    from normalizer.canon import views

    found = list(views.CAPITALIZED_RE.finditer(text))
    expected = ([m.group() for m in found], [m.span() for m in found])
    assert views.capitalized_words(text) == expected
    if views._c_capitals is not None:
        assert views._c_capitals(text) == expected


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=60)
       | st.lists(st.sampled_from(["Qa", "’", "_", "9", "é", "\u0301", "\u064e", "\u200c",
                                   "ﬁ", "İ", " ", "-", "ة", "x", "١", "\u02bf", "\u02bb"]),
                  max_size=14).map("".join),
       st.integers(0, 70), st.integers(0, 70))
def test_the_c_tokenizer_agrees_with_the_regex(text: str, start: int, end: int) -> None:
    """The optional C tokenizer gives exactly the regex's tokens, for any slice."""
    from normalizer import textfold

    start, end = min(start, len(text)), min(max(start, end), len(text))
    expected = textfold.python_tokenize(text, start, end)
    assert textfold.tokenize(text, start, end) == expected
    assert all(type(t) is textfold.Token for t in textfold.tokenize(text, start, end))


def test_without_the_c_extension_the_output_is_the_same(monkeypatch) -> None:
    """A machine without a C compiler gets the pure-Python scans: the same changes, to the
    character, on the real-text sets (full glossary)."""
    from normalizer import textfold
    from normalizer.canon import views

    sets = [(name, g, docs[::4]) for name, glossary_name, g, docs in _real_text_sets()
            if glossary_name == "full"]  # a quarter of each set: the scans, not the rules
    with_c = [Canonicalizer(g).canonicalize(d["text"], d["lang"]) for _, g, docs in sets
              for d in docs]
    monkeypatch.setattr(views, "_c_capitals", None)
    monkeypatch.setattr(textfold, "_c_tokens", None)
    monkeypatch.setattr(textfold, "_c_search_fold", None)
    without_c = [Canonicalizer(g).canonicalize(d["text"], d["lang"]) for _, g, docs in sets
                 for d in docs]
    assert len(with_c) > 150 and without_c == with_c


def test_names_joined_by_apostrophes_are_a_fixed_point() -> None:
    """Found by hypothesis: a name run on after an apostrophe is one word whatever the case
    of the next letter, so rewriting the next name does not make the first one a mention."""
    text = "hossein amir-abdollahian’hossein amir-abdollahian’hossein amir-abdollahian "
    once, _ = CANON.canonicalize(text, "en")
    assert CANON.canonicalize(once, "en")[1] == []
