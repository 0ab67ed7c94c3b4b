"""Argos model management: installed-package discovery, safe atomic install (file and index on
127.0.0.1), refusal of broken or path-escaping archives, removal, and the CLI."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from normalizer.errors import EngineError, InputError
from normalizer.translate import packages
from tests.conftest import ROOT


def make_archive(path: Path, src: str = "fr", tgt: str = "en", top: str | None = None,
                 extra: dict[str, bytes] | None = None, skip: tuple[str, ...] = ()) -> Path:
    """A structurally valid .argosmodel (dummy weights: enough for install/list/remove)."""
    top = top or f"translate-{src}_{tgt}-1_0"
    meta = {"package_version": "1.0", "argos_version": "1.9", "from_code": src,
            "to_code": tgt, "from_name": src, "to_name": tgt}
    files = {"metadata.json": json.dumps(meta).encode(), "model/model.bin": b"weights",
             "model/shared_vocabulary.json": b"[]", "sentencepiece.model": b"spm"}
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            if name not in skip:
                zf.writestr(f"{top}/{name}", data)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


@pytest.fixture()
def pkgdir(tmp_path: Path, monkeypatch) -> Path:
    d = tmp_path / "share" / "argos-translate" / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(d))
    return d


def test_packages_dir_honours_argos_env_and_xdg(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "x"))
    assert packages.packages_dir() == tmp_path / "x"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert packages.packages_dir() == tmp_path / "data" / "argos-translate" / "packages"


def test_install_from_file_then_list_and_remove(tmp_path: Path, pkgdir: Path) -> None:
    pkg = packages.install_archive(make_archive(tmp_path / "m.argosmodel"))
    assert (pkg.from_code, pkg.to_code, pkg.package_version) == ("fr", "en", "1.0")
    assert pkg.path == pkgdir / "translate-fr_en-1_0" and (pkg.path / "metadata.json").exists()
    assert [(p.from_code, p.to_code) for p in packages.installed_packages()] == [("fr", "en")]
    # Reinstalling replaces in place, and leaves no staging folder anywhere.
    packages.install_archive(make_archive(tmp_path / "m.argosmodel"))
    assert sorted(p.name for p in pkgdir.parent.iterdir()) == ["packages"]
    removed = packages.remove_package("fr", "en")
    assert [p.code for p in removed] == ["translate-fr_en"]
    assert list(pkgdir.iterdir()) == [] and packages.installed_packages() == []
    with pytest.raises(EngineError, match="no installed model"):
        packages.remove_package("fr", "en")


def test_foreign_folders_in_the_packages_dir_are_skipped(tmp_path: Path, pkgdir: Path) -> None:
    packages.install_archive(make_archive(tmp_path / "m.argosmodel"))
    (pkgdir / "notes").mkdir()
    (pkgdir / "broken").mkdir()
    (pkgdir / "broken" / "metadata.json").write_text("{not json")
    (pkgdir / "README.txt").write_text("hello")
    assert [p.path.name for p in packages.installed_packages()] == ["translate-fr_en-1_0"]


@pytest.mark.parametrize("name, kwargs, message", [
    ("escape", {"extra": {"../../evil.txt": b"x"}}, "unsafe path"),
    ("absolute", {"extra": {"/tmp/evil.txt": b"x"}}, "unsafe path"),
    ("two-tops", {"extra": {"other/file": b"x"}}, "one top folder"),
    ("no-model", {"skip": ("model/model.bin",)}, "model/model.bin missing"),
    ("no-spm", {"skip": ("sentencepiece.model",)}, "sentencepiece.model missing"),
    ("no-meta", {"skip": ("metadata.json",)}, "metadata.json missing"),
])
def test_bad_archives_are_refused_and_leave_nothing(tmp_path: Path, pkgdir: Path, name: str,
                                                    kwargs: dict, message: str) -> None:
    archive = make_archive(tmp_path / f"{name}.argosmodel", **kwargs)
    with pytest.raises(InputError, match=message):
        packages.install_archive(archive)
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
    assert not pkgdir.exists() or list(pkgdir.iterdir()) == []
    assert not any(p.name.startswith(".newsnorm") for p in pkgdir.parent.glob("*")) \
        if pkgdir.parent.exists() else True


def test_truncated_download_is_refused(tmp_path: Path, pkgdir: Path) -> None:
    data = make_archive(tmp_path / "m.argosmodel").read_bytes()
    broken = tmp_path / "broken.argosmodel"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="not a zip|corrupt"):
        packages.install_archive(broken)
    assert packages.installed_packages() == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def local_index(tmp_path: Path):
    """An Argos-format index served on 127.0.0.1, with links to archives it serves too."""
    root = tmp_path / "www"
    root.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: _Quiet(*a, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield root, base
    server.shutdown()
    server.server_close()


def _write_index(root: Path, base: str, entries: list[tuple[str, str, str]]) -> str:
    index = [{"package_version": "1.0", "argos_version": "1.9", "from_code": s, "to_code": t,
              "from_name": s, "to_name": t, "type": "translate", "code": f"translate-{s}_{t}",
              "links": [f"{base}/{f}"]} for s, t, f in entries]
    (root / "index.json").write_text(json.dumps(index))
    return f"{base}/index.json"


def test_install_from_local_index(local_index, pkgdir: Path) -> None:
    root, base = local_index
    make_archive(root / "fr_en.argosmodel")
    url = _write_index(root, base, [("fr", "en", "fr_en.argosmodel"),
                                    ("en", "es", "missing.argosmodel")])
    assert {(e.from_code, e.to_code) for e in packages.load_index(url)} == {("fr", "en"),
                                                                            ("en", "es")}
    pkg = packages.install_from_index("fr", "en", url)
    assert pkg.path.parent == pkgdir
    with pytest.raises(EngineError, match="cannot download"):
        packages.install_from_index("en", "es", url)
    with pytest.raises(EngineError, match="no de -> en model"):
        packages.install_from_index("de", "en", url)
    assert [p.to_code for p in packages.installed_packages()] == ["en"]
    assert sorted(p.name for p in pkgdir.parent.iterdir()) == ["packages"]


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "normalizer", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env})


def test_models_cli(local_index, tmp_path: Path, pkgdir: Path) -> None:
    root, base = local_index
    make_archive(root / "fr_en.argosmodel")
    url = _write_index(root, base, [("fr", "en", "fr_en.argosmodel")])
    env = {"ARGOS_PACKAGES_DIR": str(pkgdir), "NEWSNORM_ARGOS_INDEX": url}
    r = _cli("models", "list", env=env)
    assert r.returncode == 0 and "no Argos models installed" in r.stdout
    r = _cli("models", "available", env=env)
    assert r.returncode == 0 and r.stdout.split()[:2] == ["fr", "en"]
    r = _cli("models", "install", "fr", "en", env=env)
    assert r.returncode == 0 and "installed translate-fr_en" in r.stdout, r.stderr
    assert "installed" in _cli("models", "available", env=env).stdout
    r = _cli("models", "install", "--file", str(make_archive(tmp_path / "es.argosmodel", "en",
                                                             "es")), env=env)
    assert r.returncode == 0, r.stderr
    assert len(_cli("models", "list", env=env).stdout.strip().splitlines()) == 3
    r = _cli("models", "remove", "translate-en_es", env=env)
    assert r.returncode == 0 and "removed" in r.stdout
    r = _cli("models", "install", "--file", str(tmp_path / "nope.argosmodel"), env=env)
    assert r.returncode == 1 and "model file not found" in r.stderr
