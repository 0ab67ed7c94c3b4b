"""Engine-independent translation behaviour: layout kept, names protected and restored,
lost tokens recovered, engine choice and its error messages, routing through pivots."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer.errors import EngineError, UsageError
from normalizer.translate import Translator
from normalizer.translate.base import Engine
from normalizer.translate.cache import TranslationCache
from normalizer.translate.sentences import split_layout


class Upper(Engine):
    """A fake engine: upper-cases the text (tokens survive), optionally mangles one token."""

    name = "argos"

    def __init__(self, mangle: str | None = None, pairs=frozenset({("fr", "en")})):
        self.mangle = mangle
        self._pairs = set(pairs)
        self.calls: list[list[str]] = []

    def pairs(self):
        return self._pairs

    def version(self, src, tgt):
        return "fake-1"

    def _translate(self, segments, route):
        self.calls.append(list(segments))
        out = [s.upper() for s in segments]
        if self.mangle:
            out = [s.replace(self.mangle, self.mangle[:4] + " " + self.mangle[4:]) for s in out]
        return out


def translator(engine: Engine, tmp_path: Path, glossary=None) -> Translator:
    tr = Translator(engine="argos", glossary=glossary,
                    cache=TranslationCache(tmp_path / "c.sqlite3"))
    tr._engines["argos"] = engine
    return tr


def test_layout_is_kept_byte_for_byte() -> None:
    text = ("# Titre\n\n- Premier point. Deuxième point.\n2) Suite\n\n---\n\n"
            "  Une phrase coupée\nen deux lignes. M. Dupont arrive.\r\n")
    layout = split_layout(text)
    assert layout.segments == ["Titre", "Premier point.", "Deuxième point.", "Suite",
                               "Une phrase coupée en deux lignes.", "M. Dupont arrive."]
    assert layout.join(layout.segments) == text.replace("coupée\nen", "coupée en")
    assert layout.join([s.upper() for s in layout.segments]).startswith(
        "# TITRE\n\n- PREMIER POINT. DEUXIÈME POINT.\n2) SUITE\n\n---\n\n  UNE")


def test_names_are_protected_and_restored_canonical(shipped_glossary, tmp_path) -> None:
    engine = Upper()
    with translator(engine, tmp_path, shipped_glossary) as tr:
        result = tr.translate("Amir Abdollahian a rencontré le chef de l'OCI à Djeddah.", "fr")
    sent = engine.calls[0][0]
    assert sent == "XENTAX a rencontré le chef de l'XENTBX à XENTCX."
    assert result.text == "Amir-Abdollahian A RENCONTRÉ LE CHEF DE L'OIC À Jeddah."
    assert result.protected == 3 and result.recovered == 0 and not result.warnings


def test_same_name_twice_uses_one_token(shipped_glossary, tmp_path) -> None:
    engine = Upper()
    with translator(engine, tmp_path, shipped_glossary) as tr:
        result = tr.translate("Téhéran et Téhéran.", "fr")
    assert engine.calls[0] == ["XENTAX et XENTAX."]
    assert result.text == "Tehran ET Tehran."


def test_mangled_token_is_retranslated_without_protection(shipped_glossary, tmp_path) -> None:
    engine = Upper(mangle="XENTBX")
    with translator(engine, tmp_path, shipped_glossary) as tr:
        result = tr.translate("Il a vu Amir Abdollahian et Hakan Fidan.\n\nFin.", "fr")
    assert engine.calls[1] == ["Il a vu Amir Abdollahian et Hakan Fidan."]
    assert result.text == "IL A VU AMIR ABDOLLAHIAN ET HAKAN FIDAN.\n\nFIN."
    assert result.recovered == 1 and "sentence 1" in result.warnings[0]


def test_text_already_containing_token_like_words_is_not_protected(shipped_glossary,
                                                                   tmp_path) -> None:
    engine = Upper()
    with translator(engine, tmp_path, shipped_glossary) as tr:
        tr.translate("XENTAX et Téhéran.", "fr")
    assert engine.calls[0] == ["XENTAX et Téhéran."]


def test_batching_sends_all_documents_in_one_call(tmp_path) -> None:
    engine = Upper()
    with translator(engine, tmp_path) as tr:
        out = tr.translate_many([("Un. Deux.", "fr"), ("Hello.", "en"), ("Trois.", "fr"),
                                 ("Un. Deux.", "fr")])
    assert engine.calls == [["Un.", "Deux.", "Trois."]]  # duplicates sent once
    assert [r.text for r in out] == ["UN. DEUX.", "Hello.", "TROIS.", "UN. DEUX."]
    assert not out[1].translated


def test_document_cache_skips_the_engine(tmp_path) -> None:
    engine = Upper()
    with translator(engine, tmp_path) as tr:
        first = tr.translate("Un. Deux.", "fr")
    with translator(engine, tmp_path) as tr:
        again = tr.translate("Un. Deux.", "fr")
    assert len(engine.calls) == 1 and again.text == first.text and again.cached == 2


def test_no_cache_translates_again(tmp_path) -> None:
    engine = Upper()
    for _ in range(2):
        with Translator(engine="argos", cache=False) as tr:
            tr._engines["argos"] = engine
            tr.translate("Un.", "fr")
    assert len(engine.calls) == 2


def test_auto_without_any_engine_names_both_install_commands(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "none"))
    with Translator(engine="auto", cache=False) as tr, pytest.raises(EngineError) as exc:
        tr.translate("Bonjour.", "xx")
    assert "newsnorm models install xx en" in exc.value.message
    assert "apt-get install apertium" in exc.value.message


def test_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="auto, argos, apertium, none"):
        Translator(engine="google")


def test_routes_pivot_through_english() -> None:
    engine = Upper(pairs={("fr", "en"), ("en", "es"), ("es", "pt")})
    assert engine.route("fr", "es") == [("fr", "en"), ("en", "es")]
    assert engine.route("en", "pt") == [("en", "es"), ("es", "pt")]  # any pivot if needed
    assert engine.route("fr", "pt") is None  # at most one pivot: quality drops with each hop
    assert engine.route("pt", "fr") is None


class Reverse(Upper):
    """A fake engine that reverses word order (names must be traced by token, not position)."""

    def _translate(self, segments, route):
        self.calls.append(list(segments))
        return [" ".join(reversed(s.split(" "))) for s in segments]


def _check_spans(result, source: str) -> None:
    for m in result.mentions:
        assert source[m.start:m.end] == m.original, m
        if m.rule == "protected":
            assert result.text[m.out_start:m.out_end] == m.canonical, m


def test_protected_mentions_say_what_was_carried_and_where(shipped_glossary, tmp_path) -> None:
    source = "Amir Abdollahian a rencontré le chef de l'OCI à Djeddah."
    with translator(Upper(), tmp_path, shipped_glossary) as tr:
        result = tr.translate(source, "fr")
    got = [(m.original, m.canonical, m.entry_id, m.rule) for m in result.mentions]
    assert got == [("Amir Abdollahian", "Amir-Abdollahian", "hossein-amir-abdollahian",
                    "protected"),
                   ("OCI", "OIC", "oic", "protected"),
                   ("Djeddah", "Jeddah", "jeddah", "protected")]
    _check_spans(result, source)
    assert len(result.mentions) == result.protected


def test_mentions_follow_their_token_when_the_engine_reorders(shipped_glossary,
                                                              tmp_path) -> None:
    source = "Intro.\n\nAmir Abdollahian a vu Hakan Fidan et Teheran et Téhéran"
    with translator(Reverse(), tmp_path, shipped_glossary) as tr:
        result = tr.translate(source, "fr")
    assert result.text.startswith("Intro.\n\nTehran et Tehran et Hakan Fidan vu a ")
    _check_spans(result, source)
    by_surface = {m.original: m for m in result.mentions}
    assert by_surface["Amir Abdollahian"].out_start == len(result.text) - len(
        "Amir-Abdollahian")
    # one token for both spellings: occurrences paired in order, every span still fits
    assert {m.original for m in result.mentions if m.canonical == "Tehran"} == {
        "Teheran", "Téhéran"}


def test_lost_token_mentions_are_listed_as_recovered(shipped_glossary, tmp_path) -> None:
    source = "Il a vu Amir Abdollahian et Hakan Fidan.\n\nFin."
    with translator(Upper(mangle="XENTBX"), tmp_path, shipped_glossary) as tr:
        result = tr.translate(source, "fr")
    assert [(m.original, m.rule, m.out_start) for m in result.mentions] == [
        ("Amir Abdollahian", "recovered", None), ("Hakan Fidan", "recovered", None)]
    assert result.recovered == 1 and result.warnings


def test_cached_document_gives_the_same_mentions(shipped_glossary, tmp_path) -> None:
    engine = Upper()
    source = "Amir Abdollahian est à Téhéran. Il a vu l'OCI."
    with translator(engine, tmp_path, shipped_glossary) as tr:
        first = tr.translate(source, "fr")
    with translator(engine, tmp_path, shipped_glossary) as tr:
        again = tr.translate(source, "fr")
    assert len(engine.calls) == 1 and again.cached == again.segments
    assert again.mentions == first.mentions and len(again.mentions) == 3
    _check_spans(again, source)
