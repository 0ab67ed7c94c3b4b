"""A persistent translation cache, so translating the same text again costs nothing.

Contract: entries are keyed by a SHA-256 over (engine, model version, source language, target
language, options, glossary version, source segment); the value is the engine's raw output for
that segment. The database is SQLite in ``$NEWSNORM_CACHE_DIR`` or the user cache dir
(``$XDG_CACHE_HOME/newsnorm``, default ``~/.cache/newsnorm``). A cache that cannot be opened or
written (read-only disk, locked file) never fails a translation: it is disabled with a warning.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path


def default_cache_path() -> Path:
    base = os.environ.get("NEWSNORM_CACHE_DIR")
    if base:
        return Path(base) / "translations.sqlite3"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "newsnorm" / "translations.sqlite3"


def cache_key(*parts: str) -> str:
    blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class TranslationCache:
    """``get_many``/``put_many`` over one SQLite table; errors disable the cache."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path) if path is not None else default_cache_path()
        self.warning: str | None = None
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(self.path), timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS translations "
                       "(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self._db = db
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)

    def _disable(self, exc: Exception) -> None:
        self.warning = f"translation cache disabled ({self.path}: {exc})"
        if self._db is not None:
            self._db.close()
        self._db = None

    def get_many(self, keys: list[str]) -> dict[str, str]:
        if self._db is None or not keys:
            return {}
        found: dict[str, str] = {}
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(self._db.execute(
                    f"SELECT key, value FROM translations WHERE key IN ({marks})", chunk))
        except sqlite3.Error as exc:
            self._disable(exc)
        return found

    def put_many(self, items: Iterable[tuple[str, str]]) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?)", items)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._disable(exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
