"""Write outputs atomically and never over an input.

Contract: every file is written to a temporary file in the same folder, flushed, fsynced and
renamed over the target, so a crash leaves either the old file or the new one, never half.
``check_output_target`` refuses an output folder that is an input or lies inside one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from normalizer.errors import OutputError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically, creating parent folders."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), 0o666 & ~_umask())  # mkstemp makes 0600 files
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_stream(path: str | os.PathLike[str]) -> Iterator[Any]:
    """A text handle whose content replaces ``path`` atomically when the block ends without
    an exception (else the temporary file goes): for outputs too large to hold in memory."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fchmod(handle.fileno(), 0o666 & ~_umask())
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_jsonl(path: str | os.PathLike[str], records: Iterable[dict[str, Any]]) -> None:
    """Write one JSON object per line, atomically."""
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def check_output_target(out: str, inputs: Iterable[str]) -> None:
    """Refuse an output path equal to an input, or inside an input folder."""
    out_path = Path(out).resolve()
    for raw in inputs:
        if raw == "-":
            continue
        src = Path(raw).resolve()
        if out_path == src:
            raise OutputError("output is the same as an input; choose another -o", path=out)
        if src.is_dir() and src in out_path.parents:
            raise OutputError("output folder is inside an input folder; choose a folder "
                              "outside it", path=out)
        if out_path.is_dir() and out_path in src.parents:
            raise OutputError("output folder contains an input; choose an empty folder",
                              path=out)
