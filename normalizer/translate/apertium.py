"""The Apertium engine (Debian packages ``apertium`` + pair packages).

Contract: available directions are those ``apertium -l`` lists (read from its modes folder),
so ``fr-es`` and ``spa-eng`` chain into fr -> en; three-letter codes are mapped to ISO 639-1
and variant modes (``spa-eng_US``, ``eco-fr-es``) are ignored. Each route runs as one
persistent null-flush pipeline (the mode's programs with ``-z``; unknown-word marks off), fed
with stream-escaped segments joined by superblanks, so a batch costs milliseconds instead of
one process start-up per call. If a batch comes back with the wrong number of segments, its
segments are translated one by one. Apertium's special characters are escaped on the way in
and unescaped on the way out.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

from normalizer.errors import EngineError
from normalizer.translate.base import Engine, install_hint, norm_lang

MODE_RE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
ESCAPE_RE = re.compile(r"([\\\[\]^${}@/<>])")
UNESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
SEPARATOR = "[\n<s>]"  # a superblank: passes every stage untouched and splits the batch
MAX_BATCH_CHARS = 32_000
# Alphabetic XENT<L>X tokens pass both hops of fr->es->en intact with -u (tested).
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWYZ"


def escape(text: str) -> str:
    return ESCAPE_RE.sub(r"\\\1", text.replace("\0", " ").replace("\n", " "))


def unescape(text: str) -> str:
    return UNESCAPE_RE.sub(r"\1", text)


class _Pipeline:
    """One running ``hop1 | hop2 ...`` process chain in null-flush mode."""

    def __init__(self, command: str):
        self.command = command
        self.proc = subprocess.Popen(["bash", "-c", command], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lock = threading.Lock()

    def run(self, payload: str) -> str:
        data = payload.encode("utf-8") + b"\n\0"
        with self.lock:
            if self.proc.poll() is not None:
                raise EngineError(f"apertium pipeline exited: {self._stderr()}")
            writer = threading.Thread(target=self._write, args=(data,), daemon=True)
            writer.start()  # a separate writer: big batches cannot deadlock on full pipes
            chunks: list[bytes] = []
            while True:
                chunk = self.proc.stdout.read1(1 << 16)  # type: ignore[union-attr]
                if not chunk:
                    raise EngineError(f"apertium pipeline exited: {self._stderr()}")
                if chunk.endswith(b"\0"):
                    chunks.append(chunk[:-1])
                    break
                chunks.append(chunk)
            writer.join()
        out = b"".join(chunks).decode("utf-8", errors="replace")
        return out[:-1] if out.endswith("\n") else out

    def _write(self, data: bytes) -> None:
        try:
            self.proc.stdin.write(data)  # type: ignore[union-attr]
            self.proc.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass

    def _stderr(self) -> str:
        try:
            self.proc.kill()
            err = self.proc.stderr.read().decode("utf-8", "replace")  # type: ignore[union-attr]
        except OSError:
            err = ""
        return err.strip().splitlines()[-1] if err.strip() else "no message"

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()  # type: ignore[union-attr]
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()


class ApertiumEngine(Engine):
    """Rule-based translation with the installed Apertium language pairs."""

    name = "apertium"
    placeholder_letters = LETTERS

    def __init__(self, datadir: str | None = None, **_: object):
        self.datadir = Path(datadir or os.environ.get("APERTIUM_DATADIR")
                            or "/usr/share/apertium")
        self._modes: dict[tuple[str, str], str] | None = None
        self._pipes: dict[tuple[tuple[str, str], ...], _Pipeline] = {}

    @staticmethod
    def installed() -> bool:
        return shutil.which("apertium") is not None and shutil.which("lt-proc") is not None

    def modes(self) -> dict[tuple[str, str], str]:
        """(from, to) -> mode name, from ``apertium -l``."""
        if self._modes is None:
            self._modes = {}
            if self.installed():
                # `apertium -l` prints the names of $DATADIR/modes/*.mode; reading the folder
                # gives the same list without a 0.1 s subprocess (it matters for cached runs).
                try:
                    out = " ".join(sorted(p.stem for p in (self.datadir / "modes").glob("*.mode")))
                except OSError:
                    out = ""
                if not out:
                    try:
                        out = subprocess.run(["apertium", "-d", str(self.datadir), "-l"],
                                             capture_output=True, text=True, timeout=30).stdout
                    except (OSError, subprocess.TimeoutExpired):
                        out = ""
                for line in out.split():
                    m = MODE_RE.match(line.strip())
                    if m:
                        self._modes.setdefault((norm_lang(m.group(1)), norm_lang(m.group(2))),
                                               line.strip())
        return self._modes

    def pairs(self) -> set[tuple[str, str]]:
        return set(self.modes())

    def _mode_file(self, mode: str) -> Path:
        return self.datadir / "modes" / f"{mode}.mode"

    def version(self, src: str, tgt: str) -> str:
        route = self.route(src, tgt) or []
        digest = hashlib.sha256()
        for hop in route:
            mode = self.modes()[hop]
            text = self._mode_file(mode).read_text(encoding="utf-8")
            digest.update(text.encode())
            for path in sorted(set(re.findall(r"'(/[^']+)'", text))):
                try:
                    st = os.stat(path)
                    digest.update(f"{path}:{st.st_size}:{int(st.st_mtime)}".encode())
                except OSError:
                    pass
        names = "|".join(self.modes()[h] for h in route)
        return f"apertium:{names}:{digest.hexdigest()[:12]}"

    def _command(self, mode: str) -> str:
        try:
            out = subprocess.run(["apertium-wblank-mode", "-z", str(self._mode_file(mode))],
                                 capture_output=True, text=True, timeout=30, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            # Older Apertium: add -z to every program of the mode ourselves.
            text = self._mode_file(mode).read_text(encoding="utf-8")
            out = re.sub(r"(^|\|\s*)([\w-]+)", r"\1\2 -z", text.strip())
        # $1: generator option (-n: no unknown-word marks); $2: tagger option (none).
        return out.strip().replace("$1", "-n").replace("$2", "")

    def _pipe(self, route: list[tuple[str, str]]) -> _Pipeline:
        key = tuple(route)
        pipe = self._pipes.get(key)
        if pipe is None or pipe.proc.poll() is not None:
            if not self.installed():
                src, tgt = route[0][0], route[-1][1]
                raise EngineError("apertium is not installed; " + install_hint("apertium", src,
                                                                                  tgt))
            command = " | ".join(self._command(self.modes()[hop]) for hop in route)
            pipe = self._pipes[key] = _Pipeline(command)
        return pipe

    def _translate(self, segments: list[str], route: list[tuple[str, str]]) -> list[str]:
        pipe = self._pipe(route)
        out: list[str] = []
        batch: list[str] = []
        size = 0
        for seg in segments:
            if batch and size + len(seg) > MAX_BATCH_CHARS:
                out += self._batch(pipe, batch)
                batch, size = [], 0
            batch.append(seg)
            size += len(seg) + len(SEPARATOR)
        if batch:
            out += self._batch(pipe, batch)
        return out

    def _batch(self, pipe: _Pipeline, batch: list[str]) -> list[str]:
        raw = pipe.run(SEPARATOR.join(escape(s) for s in batch))
        parts = raw.split(SEPARATOR)
        if len(parts) != len(batch):
            parts = [pipe.run(escape(s)) for s in batch]
        return [re.sub(r"  +", " ", unescape(p)).strip() for p in parts]

    def close(self) -> None:
        for pipe in self._pipes.values():
            pipe.close()
        self._pipes.clear()
