"""Argos Translate models: find installed ones, read the index, install and remove safely.

Contract:
- Installed packages live where argostranslate (and LibreTranslate) put them:
  ``$ARGOS_PACKAGES_DIR``, else ``ARGOS_PACKAGES_DIR`` in argos-translate's settings.json, else
  ``$XDG_DATA_HOME/argos-translate/packages`` (default ``~/.local/share/argos-translate/packages``).
  Every folder with a readable ``metadata.json`` of type ``translate`` is a package; other
  folders are skipped, never an error. Nothing here imports argostranslate.
- ``install_archive`` accepts an ``.argosmodel`` only if it is a zip whose members all stay
  inside one top folder (no absolute paths, no ``..``, no links), with ``metadata.json`` naming
  ``from_code``/``to_code``, ``model/model.bin`` and ``sentencepiece.model``. It extracts to a
  temporary folder *beside* the packages folder (argostranslate chokes on stray folders inside
  it) and renames it into place, so an interrupted or refused install leaves nothing behind.
- ``install_from_index`` is the only network access of the whole tool: it downloads the link
  listed in the index (http(s) or file), then installs as above; the download is deleted.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from normalizer.errors import EngineError, InputError

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
MAX_UNPACKED = 8 << 30  # refuse archives that would unpack to more than 8 GiB
DOWNLOAD_TIMEOUT = 60


def index_url(explicit: str | None = None) -> str:
    """``--index``, else ``$NEWSNORM_ARGOS_INDEX``, else ``$ARGOS_PACKAGE_INDEX``, else Argos'."""
    if explicit:
        return explicit
    if os.environ.get("NEWSNORM_ARGOS_INDEX"):
        return os.environ["NEWSNORM_ARGOS_INDEX"]
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    if base:
        return base if base.endswith(".json") else base.rstrip("/") + "/index.json"
    return DEFAULT_INDEX_URL


def _argos_settings() -> dict[str, Any]:
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    try:
        data = json.loads((config / "argos-translate" / "settings.json").read_text("utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def packages_dir() -> Path:
    """Where argostranslate keeps installed packages (not created here)."""
    explicit = os.environ.get("ARGOS_PACKAGES_DIR") or _argos_settings().get("ARGOS_PACKAGES_DIR")
    if explicit:
        return Path(explicit).expanduser()
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "argos-translate" / "packages"


@dataclass(frozen=True)
class ArgosPackage:
    """An installed package folder."""

    path: Path
    code: str
    from_code: str
    to_code: str
    package_version: str
    argos_version: str
    target_prefix: str = ""
    from_name: str = ""
    to_name: str = ""

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sp_model(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def version_key(self) -> str:
        """Changes when the package is replaced (cache key)."""
        try:
            st = (self.model_dir / "model.bin").stat()
            stamp = f"{st.st_size}:{int(st.st_mtime)}"
        except OSError:
            stamp = "?"
        return f"{self.code}@{self.package_version}:{stamp}"


def _read_metadata(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / "metadata.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _package(folder: Path, meta: dict[str, Any]) -> ArgosPackage | None:
    if meta.get("type", "translate") != "translate":
        return None
    src, tgt = meta.get("from_code"), meta.get("to_code")
    if not isinstance(src, str) or not isinstance(tgt, str):
        return None
    return ArgosPackage(folder, str(meta.get("code") or f"translate-{src}_{tgt}"), src, tgt,
                        str(meta.get("package_version", "")), str(meta.get("argos_version", "")),
                        str(meta.get("target_prefix", "") or ""), str(meta.get("from_name", "")),
                        str(meta.get("to_name", "")))


def installed_packages(directory: Path | None = None) -> list[ArgosPackage]:
    """Installed translation packages, sorted by pair; broken or foreign folders skipped."""
    root = directory or packages_dir()
    found: list[ArgosPackage] = []
    try:
        children = sorted(root.iterdir())
    except OSError:
        return []
    for child in children:
        if child.name.startswith(".") or not child.is_dir():
            continue
        meta = _read_metadata(child)
        pkg = _package(child, meta) if meta else None
        if pkg is not None and (pkg.model_dir / "model.bin").is_file() and pkg.sp_model.is_file():
            found.append(pkg)
    return sorted(found, key=lambda p: (p.from_code, p.to_code, p.package_version))


# -- archives ---------------------------------------------------------------------------------
def _check_archive(archive: Path) -> tuple[str, dict[str, Any]]:
    """The archive's top folder and metadata; ``InputError`` for anything unsafe or missing."""
    where = str(archive)
    if not zipfile.is_zipfile(archive):
        raise InputError("not an Argos model: not a zip archive (.argosmodel)", path=where)
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            tops: set[str] = set()
            total = 0
            for info in infos:
                name = info.filename
                parts = PurePosixPath(name.replace("\\", "/")).parts
                if (name.startswith(("/", "\\")) or ".." in parts or not parts
                        or ":" in parts[0]):
                    raise InputError(f"unsafe path in archive: {name!r}; refusing to install",
                                     path=where)
                mode = info.external_attr >> 16
                if stat.S_ISLNK(mode):
                    raise InputError(f"archive contains a link: {name!r}; refusing to install",
                                     path=where)
                tops.add(parts[0])
                total += info.file_size
            if total > MAX_UNPACKED:
                raise InputError("archive unpacks to more than 8 GiB; refusing", path=where)
            if len(tops) != 1:
                raise InputError("not an Argos model: expected one top folder in the archive",
                                 path=where)
            top = tops.pop()
            names = {i.filename.rstrip("/") for i in infos}
            for required in ("metadata.json", "model/model.bin", "sentencepiece.model"):
                if f"{top}/{required}" not in names:
                    hint = (" (BPE-tokenized models are not supported)"
                            if required == "sentencepiece.model" and f"{top}/bpe.model" in names
                            else "")
                    raise InputError(f"not an Argos model: {required} missing{hint}", path=where)
            try:
                meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                raise InputError("metadata.json is not valid JSON", path=where) from None
            bad = zf.testzip()
            if bad is not None:
                raise InputError(f"archive is corrupt (bad CRC in {bad})", path=where)
    except zipfile.BadZipFile as exc:
        raise InputError(f"archive is corrupt: {exc}", path=where) from None
    if not isinstance(meta, dict) or _package(Path(top), meta) is None:
        raise InputError("metadata.json lacks from_code/to_code of a translate package",
                         path=where)
    return top, meta


def install_archive(archive: str | os.PathLike[str], directory: Path | None = None
                    ) -> ArgosPackage:
    """Verify and install an ``.argosmodel``; replaces an installed package of the same name."""
    archive = Path(archive)
    if not archive.is_file():
        raise InputError("model file not found", path=str(archive))
    top, meta = _check_archive(archive)
    root = directory or packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".newsnorm-install-", dir=root.parent))
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                dest = staging / info.filename
                if not dest.resolve().is_relative_to(staging.resolve()):
                    raise InputError(f"unsafe path in archive: {info.filename!r}",
                                     path=str(archive))
                if info.is_dir():
                    dest.mkdir(parents=True, exist_ok=True)
                    continue
                dest.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(dest, "wb") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
        target = root / top
        old = None
        if target.exists():
            old = staging.parent / f"{staging.name}-old"
            os.replace(target, old)
        os.replace(staging / top, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pkg = _package(target, meta)
    assert pkg is not None
    return pkg


# -- index --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class IndexEntry:
    code: str
    from_code: str
    to_code: str
    package_version: str
    links: tuple[str, ...]
    from_name: str = ""
    to_name: str = ""


def _fetch(url: str, timeout: float = DOWNLOAD_TIMEOUT) -> bytes:
    if "://" not in url:
        return Path(url).read_bytes()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EngineError(f"cannot download {url}: {reason}; check the network or use "
                          "`newsnorm models install --file MODEL.argosmodel`") from None


def load_index(url: str | None = None) -> list[IndexEntry]:
    """Translation packages listed in an Argos index (a JSON list of package metadata)."""
    where = index_url(url)
    try:
        data = json.loads(_fetch(where).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise EngineError(f"the model index at {where} is unreadable ({exc})") from None
    if not isinstance(data, list):
        raise EngineError(f"the model index at {where} is not a list of packages")
    entries = []
    for item in data:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        src, tgt = item.get("from_code"), item.get("to_code")
        links = item.get("links") or []
        if isinstance(src, str) and isinstance(tgt, str) and links:
            entries.append(IndexEntry(str(item.get("code") or f"translate-{src}_{tgt}"), src, tgt,
                                      str(item.get("package_version", "")),
                                      tuple(str(x) for x in links),
                                      str(item.get("from_name", "")), str(item.get("to_name", ""))))
    return entries


def _version_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in v.split("."))


def install_from_index(src: str, tgt: str, url: str | None = None,
                       directory: Path | None = None) -> ArgosPackage:
    """Download the newest ``src -> tgt`` package listed in the index and install it."""
    candidates = [e for e in load_index(url) if e.from_code == src and e.to_code == tgt]
    if not candidates:
        raise EngineError(f"the model index has no {src} -> {tgt} model; see "
                          "`newsnorm models available` (pivot through English: install "
                          f"{src} -> en and en -> {tgt})")
    entry = max(candidates, key=lambda e: _version_tuple(e.package_version))
    root = directory or packages_dir()
    root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".newsnorm-download-", dir=root.parent) as tmp:
        archive = Path(tmp) / f"{entry.code}.argosmodel"
        errors = []
        for link in entry.links:
            try:
                archive.write_bytes(_fetch(link))
                break
            except EngineError as exc:
                errors.append(exc.message)
        else:
            raise EngineError("; ".join(errors) or "no download link")
        return install_archive(archive, root)


def remove_package(name: str, tgt: str | None = None, directory: Path | None = None
                   ) -> list[ArgosPackage]:
    """Remove by package code/folder name, or by ``FROM TO``; returns what was removed."""
    found = [p for p in installed_packages(directory)
             if (tgt is None and name in (p.code, p.path.name))
             or (tgt is not None and (p.from_code, p.to_code) == (name, tgt))]
    if not found:
        what = f"{name} -> {tgt}" if tgt else name
        raise EngineError(f"no installed model {what}; see `newsnorm models list`")
    for pkg in found:
        trash = pkg.path.parent.parent / f".newsnorm-remove-{pkg.path.name}"
        shutil.rmtree(trash, ignore_errors=True)
        os.replace(pkg.path, trash)  # atomic disappearance, then delete
        shutil.rmtree(trash, ignore_errors=True)
    return found
