"""What the detector reads: the text without URLs, handles, numbers and page furniture.

Contract: ``clean(text)`` returns a new string (the document is never touched) and counts of
what it removed, so the detector can say ``und`` for text that is mostly links or numbers.
``sample(text, max_chars)`` picks evenly spaced windows of a long text, cut at spaces, so a
megabyte document costs as much as a few thousand characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)\S+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|"
                 r"edu|int|info|news|io|co|uk|fr|de|ir|ru|tr|il|ps|lb|sy|iq|qa|sa|ae|eg|ly)"
                 r"\b(?:/\S*)?", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE = re.compile(r"(?<![\w@#])[@#][^\W_][\w.]*")
NUMBER = re.compile(r"\d[\d.,:/%'’_-]*")
#: Lines made only of these are page furniture, not content (news sites, several languages).
FURNITURE = re.compile(
    r"(?:share(?: this(?: article)?| on \w+)?|comments? (?:are|is) closed|"
    r"leave a (?:comment|reply)|"
    r"\d* ?comments?|read more|read also|related(?: articles| stories)?|advertisement|sponsored|"
    r"subscribe(?: now)?|sign up|log ?in|follow us(?: on \w+)?|click here|print|e-?mail|tweet|"
    r"facebook|twitter|x|whatsapp|telegram|linkedin|instagram|youtube|copy link|"
    r"all rights reserved|copyright|©|photo|image|video|source|tags?|by|posted (?:in|on|by)|"
    r"updated|published|skip to (?:main )?content|menu|home|search|partager|lire aussi|"
    r"lire la suite|publicité|tous droits réservés|abonnez-vous|commentaires?|suivez-nous|"
    r"compartir|leer más|teilen|mehr lesen|werbung|condividi|leggi anche|"
    r"اشتراک ?گذاری|مشاركة|اقرأ أيضا|بیشتر بخوانید)", re.IGNORECASE)
CHUNK = re.compile(r"[.:|•·/\-–—,;!]+")


@dataclass(frozen=True)
class Cleaned:
    """The text to detect on, its letters, and how many characters were links or numbers."""

    text: str
    letters: int
    removed: int
    furniture: int = 0


def is_furniture(line: str) -> bool:
    """True when every piece of the line is a furniture phrase ("Share. Comments are closed.")."""
    pieces = [p.strip() for p in CHUNK.split(line) if p.strip()]
    return bool(pieces) and all(FURNITURE.fullmatch(p) for p in pieces)


def clean(text: str) -> Cleaned:
    """Drop URLs, e-mails, @handles, #tags, numbers and furniture lines; count what went."""
    removed = 0

    def cut(match: re.Match[str]) -> str:
        nonlocal removed
        removed += len(match.group())
        return " "

    for pattern in (URL, EMAIL, HANDLE, NUMBER):
        text = pattern.sub(cut, text)
    lines = text.splitlines()
    kept = [line for line in lines if not is_furniture(line)]
    text = "\n".join(kept)
    return Cleaned(text, sum(1 for ch in text if ch.isalpha()), removed, len(lines) - len(kept))


def sample(text: str, max_chars: int, windows: int = 8) -> str:
    """``text`` itself if short, else ``windows`` evenly spaced slices cut at whitespace."""
    if len(text) <= max_chars:
        return text
    size = max_chars // windows
    step = (len(text) - size) / (windows - 1)
    parts = []
    for i in range(windows):
        start = int(i * step)
        end = start + size
        if start:
            space = text.find(" ", start, start + 40)
            start = space + 1 if space >= 0 else start
        space = text.rfind(" ", end - 40, end)
        parts.append(text[start: space if space > start else end])
    return "\n".join(parts)
