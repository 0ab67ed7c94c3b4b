"""Drive the system Chromium (Debian's ``chromium``) through Playwright, headless and offline.

Why: the review report must work in a real browser. Playwright's Python package talks to the
Chromium that apt installed (``executable_path``); no browser is ever downloaded. ``skip_reason``
says why a browser test cannot run here (so tests skip with that reason).
"""

from __future__ import annotations

import shutil
import struct
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def skip_reason() -> str | None:
    if chromium_path() is None:
        return "chromium is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is missing (pip install playwright)"
    return None


@contextmanager
def browser_page(width: int = 1280, height: int = 900):
    """A fresh headless Chromium page (own profile folder); yields (page, console problems)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="newsnorm-chromium-") as profile, \
            sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=chromium_path(), headless=True, args=FLAGS,
            viewport={"width": width, "height": height}, offline=True)
        try:
            page = context.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}")
                    if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.on("request", lambda r: problems.append(f"request: {r.url}")
                    if not r.url.startswith(("file:", "data:", "about:")) else None)
            yield page, problems
        finally:
            context.close()


def open_report(page: Any, path: Path, timeout_ms: int = 60_000) -> None:
    page.goto(path.resolve().as_uri())
    page.wait_for_function("document.body && document.body.dataset.ready === '1'",
                           timeout=timeout_ms)


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Width, height, unfiltered rows and bytes per pixel of an 8-bit RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = depth = color = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert depth == 8 and color in (2, 6), (depth, color)
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - bpp] if x >= bpp else 0
            up = prev[x]
            corner = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def count_colour(png: bytes, rgb: tuple[int, int, int], tolerance: int = 6) -> int:
    """Pixels of ``png`` within ``tolerance`` of ``rgb``."""
    width, _height, rows, bpp = decode_png(png)
    count = 0
    for row in rows:
        for x in range(0, width * bpp, bpp):
            if (abs(row[x] - rgb[0]) <= tolerance and abs(row[x + 1] - rgb[1]) <= tolerance
                    and abs(row[x + 2] - rgb[2]) <= tolerance):
                count += 1
    return count
