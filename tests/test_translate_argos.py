"""The argos engine on tiny genuine Argos packages (tests/fixtures/argos, built by
scripts/build_tiny_argos.py): install from file and from an index on 127.0.0.1, exact
translations through our CTranslate2 path, pivoting, cross-document batching, protection."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from normalizer.translate import Translator
from normalizer.translate.argos import ArgosEngine
from normalizer.translate.packages import install_archive, installed_packages
from tests.conftest import GLOSSARY, ROOT

pytest.importorskip("ctranslate2", reason="pip install ctranslate2 sentencepiece (argos extra)")
pytest.importorskip("sentencepiece", reason="pip install ctranslate2 sentencepiece")

FIXTURES = ROOT / "tests" / "fixtures" / "argos"
FR_EN = FIXTURES / "translate-fr_en-tiny.argosmodel"
EN_ES = FIXTURES / "translate-en_es-tiny.argosmodel"
if not (FIXTURES / "expected.json").exists():
    pytest.skip("tests/fixtures/argos missing: build it with scripts/build_tiny_argos.py",
                allow_module_level=True)
EXPECTED = json.loads((FIXTURES / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def pkgdir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("argos") / "packages"
    install_archive(FR_EN, d)
    install_archive(EN_ES, d)
    return d


@pytest.fixture(scope="module")
def engine(pkgdir: Path):
    return ArgosEngine(packages_dir=pkgdir, beam_size=2, threads=1)


def _translator(pkgdir: Path, **kw) -> Translator:
    return Translator(engine="argos", cache=False, beam_size=2, threads=1,
                      packages_dir=str(pkgdir), **kw)


def test_fixture_packages_install_and_are_listed(pkgdir: Path) -> None:
    assert [(p.from_code, p.to_code) for p in installed_packages(pkgdir)] == [("en", "es"),
                                                                              ("fr", "en")]


@pytest.mark.parametrize("name", sorted(EXPECTED["packages"]))
def test_every_trained_sentence_translates_exactly(engine, name: str) -> None:
    info = EXPECTED["packages"][name]
    sources = [s["source"] for s in info["sentences"]]
    out = engine.translate(sources, info["from_code"], info["to_code"])
    assert out == [s["beam2"] for s in info["sentences"]]


def test_pivot_fr_to_es_goes_through_english(engine, pkgdir: Path) -> None:
    assert engine.route("fr", "es") == [("fr", "en"), ("en", "es")]
    rows = EXPECTED["pivot"]
    with _translator(pkgdir, target="es") as tr:
        out = tr.translate_many([(r["fr"], "fr") for r in rows])
    assert [r.text for r in out] == [r["es"] for r in rows]


def test_documents_are_batched_into_one_model_call(pkgdir: Path, monkeypatch) -> None:
    calls: list[int] = []
    original = ArgosEngine.translate_hop

    def spy(self, texts, hop):
        calls.append(len(texts))
        return original(self, texts, hop)

    monkeypatch.setattr(ArgosEngine, "translate_hop", spy)
    docs = [("Bonjour le monde.\n\nMerci beaucoup.\n", "fr"),
            ("# La paix est importante.\n\n- La réunion est terminée.\n", "fr"),
            ("Le président a parlé hier.", "fr")]
    with _translator(pkgdir) as tr:
        out = tr.translate_many(docs)
    assert calls == [5]
    assert [r.text for r in out] == [
        "Hello world.\n\nThank you very much.\n",
        "# Peace is important.\n\n- The meeting is over.\n",
        "The president spoke yesterday."]


def test_names_pass_through_the_model_as_tokens(pkgdir: Path, shipped_glossary) -> None:
    with _translator(pkgdir, glossary=shipped_glossary) as tr:
        one, two = tr.translate_many([
            ("Amir Abdollahian a condamné l'attaque.", "fr"),
            ("Amir Abdollahian et Hakan Fidan ont signé un accord.", "fr")])
    assert one.text == "Amir-Abdollahian condemned the attack." and one.protected == 1
    assert two.text == "Amir-Abdollahian and Hakan Fidan signed an agreement."
    assert not one.warnings and not two.warnings


def test_missing_model_fails_fast_with_install_command(tmp_path: Path) -> None:
    from normalizer.errors import EngineError

    with Translator(engine="argos", cache=False, packages_dir=str(tmp_path)) as tr, \
            pytest.raises(EngineError, match="newsnorm models install fr en"):
        tr.translate("Bonjour le monde.", "fr")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_install_from_local_index_then_translate_with_the_cli(tmp_path: Path) -> None:
    www = tmp_path / "www"
    www.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             lambda *a: _Quiet(*a, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        for f in (FR_EN, EN_ES):
            (www / f.name).write_bytes(f.read_bytes())
        index = (FIXTURES / "index.json").read_text("utf-8").replace("{base}", base)
        (www / "index.json").write_text(index, "utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "ARGOS_PACKAGES_DIR":
               str(tmp_path / "pk"), "NEWSNORM_CACHE_DIR": str(tmp_path / "cache")}

        def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
            return subprocess.run([sys.executable, "-m", "normalizer", *args], input=stdin,
                                  capture_output=True, text=True, cwd=ROOT, env=env)

        for pair in (("fr", "en"), ("en", "es")):
            r = cli("models", "install", *pair, "--index", f"{base}/index.json")
            assert r.returncode == 0, r.stderr
        r = cli("translate", "-", "--from", "fr", "--engine", "argos", "--beam-size", "2",
                "-g", str(GLOSSARY), stdin="Amir Abdollahian a condamné l'attaque.\n")
        assert r.returncode == 0, r.stderr
        assert r.stdout == "Amir-Abdollahian condemned the attack.\n"
        r = cli("translate", "-", "--from", "fr", "--to", "es", "--beam-size", "2",
                stdin="Le ministre a salué la réunion.\n")
        assert r.returncode == 0 and r.stdout == "El ministro acogió la reunión.\n", r.stderr
    finally:
        server.shutdown()
        server.server_close()
