"""Unicode-aware tokens and folding shared by every matcher.

Contract: a *token* is a maximal run of letters, digits and combining marks (so a name inside a
longer word is never a token of its own: "Abbasî" is one token); apostrophes, hyphens, dashes
and spaces separate tokens. ``fold_token`` gives the comparison form of a token (case, accents,
Arabic letter variants and invisible joiners removed). ``fold_for_search`` is a
length-preserving fold of a whole text, so offsets found in it are offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Letters/digits plus combining marks (Latin, Arabic harakat) and the Persian zero-width joiners.
_MARK_RANGES = ((0x300, 0x36F), (0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670), (0x6D6, 0x6ED),
                (0x200C, 0x200D))
_MARKS = "".join(f"{chr(first)}-{chr(last)}" for first, last in _MARK_RANGES)
_MARK_CHARS = frozenset(chr(c) for first, last in _MARK_RANGES for c in range(first, last + 1))
# The modifier letters that write an ayn or a hamza ("ʿAbdallāh", "Epʿrem", Uzbek "Oʻzbek")
# are letters to Unicode but apostrophes to a reader: they separate tokens, as "'" does.
AYN_LETTERS = "\u02bb\u02bc\u02be\u02bf"
TOKEN_RE = re.compile(rf"(?:[^\W_{AYN_LETTERS}]|[{_MARKS}])+")
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
APOSTROPHES = "'\u2019\u2018`\u00b4\u2032" + AYN_LETTERS
_SPACE = " \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000"
# What may stand between two tokens of one name: spaces (at most one line break), one dash or
# apostrophe (optionally spaced; a dash with the ayn that starts the next word: "l-ʿAlāʾ"), a
# slash after capitals or an initial (never "Menfi/Dbeyba", two people); never sentence
# punctuation or a blank line.
NAME_GAP_RE = re.compile(
    rf"[{_SPACE}]{{0,3}}(?:\r?\n|\r)?[{_SPACE}]{{0,3}}"
    rf"|[{_SPACE}]?[{DASHES}{APOSTROPHES}][{AYN_LETTERS}]?[{_SPACE}]?(?:\r?\n)?"
    r"|(?<=[A-Z]{2})/|(?<![^\W_][A-Z])(?<=[A-Z])/"  # abbreviations: "SPLM/A-IO", "Yemane G/Meskel"
)

_ARABIC_MAP = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا",
                             "ٱ": "ا", "ة": "ه", "ۀ": "ه", "ؤ": "و", "ئ": "ی"})
_SPECIAL = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ð": "d",
                          "þ": "t", "ß": "s", "æ": "a", "œ": "o",
                          "ə": "a",  # Azerbaijani schwa: "Həsənov" is Hasanov
                          "ɗ": "d", "ɓ": "b", "ƙ": "k", "ƴ": "y"})  # Hausa: "ɗan Fodio"


class Token(NamedTuple):
    """A token of a text: its span and its folded comparison form (a tuple: cheap to make)."""

    start: int
    end: int
    text: str
    folded: str


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """Comparison form: casefolded, accents stripped, Arabic letter variants unified."""
    lowered = token.casefold().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)
                       and ch not in "\u200c\u200d\u0640")
    return stripped.translate(_ARABIC_MAP)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``: one C pass when the optional
    extension is built, else ``python_tokenize``."""
    end = len(text) if end is None else end
    if _c_tokens is not None:
        return _c_tokens(text, start, end, fold_token, Token)
    return python_tokenize(text, start, end)


def python_tokenize(text: str, start: int, end: int) -> list[Token]:
    """``tokenize`` in Python: ``TOKEN_RE`` and ``fold_token`` per token."""
    return [Token(m.start(), m.end(), m.group(), fold_token(m.group()))
            for m in TOKEN_RE.finditer(text, start, end)]


try:
    from normalizer._fold import tokens as _c_tokens
except ImportError:  # not built (no C compiler at install): the regex does the same
    _c_tokens = None


def is_name_gap(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` may separate two tokens of one name."""
    return NAME_GAP_RE.fullmatch(text, start, end) is not None


_QUOTES = "\u201c\u201d\u00ab\u00bb"


def _fold_one(ch: str) -> str:
    """One lower-case character as one character: dashes, apostrophes and spaces as "-", "'"
    and " ", anything else the first character of its ``fold_token``."""
    if ch in DASHES:
        return "-"
    if ch in APOSTROPHES:
        return "'"
    if ch.isspace():
        return " "
    folded = fold_token(ch)
    return folded[0] if folded else ch


def fold_char(ch: str) -> str:
    """What ``fold_for_search`` makes of one character, wherever it stands: ASCII lower-cased,
    typographic double quotes as '"', anything else lower-cased and folded (``_fold_one``)."""
    if ch.isascii():
        return ch.lower()
    if ch in _QUOTES:
        return '"'
    low = ch.lower()
    return _fold_one(low if len(low) == 1 else ch)


class _CharFold(dict):
    """``fold_char`` as a ``str.translate`` table, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = fold_char(chr(code))
        return self[code]


_CHAR_FOLD = _CharFold()
# The usual typographic punctuation, folded with str.replace before any slower path.
_COMMON_PUNCTUATION = [(ch, fold_char(ch)) for ch in "\u2019\u2018\u2013\u2014\u00a0" + _QUOTES]
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_FOLD_TABLE_SIZE = 0x2070  # Latin, Greek, Cyrillic, Arabic ... and general punctuation


@lru_cache(maxsize=1)
def _fold_table() -> str:
    """``fold_char`` of every code point below ``_FOLD_TABLE_SIZE``, for the C fold."""
    return "".join(fold_char(chr(code)) for code in range(_FOLD_TABLE_SIZE))


try:
    from normalizer._fold import search_fold as _c_search_fold
except ImportError:  # not built (no C compiler at install): the Python fold does the same
    _c_search_fold = None


_SEARCH_GAPS = "-'`\n\t\r\x0b\x0c/"


def search_text(text: str) -> str:
    """``fold_for_search`` with every one-character name separator (a dash, an apostrophe, a
    space or a line break) written as a space: the text an Aho-Corasick automaton of spaced
    spellings runs over. Same length as ``text``."""
    folded = fold_for_search(text)
    if "\n\n" in folded:  # a blank line never joins a name: keep it from looking like "  "
        folded = folded.replace("\n\n", "\n|")
    for ch in _SEARCH_GAPS:
        if ch in folded:
            folded = folded.replace(ch, " ")
    return folded


def is_word_char(ch: str) -> bool:
    """Part of a token (a letter, digit or combining mark), as ``TOKEN_RE`` counts it."""
    return ch.isalnum() and ch not in AYN_LETTERS or ch in _MARK_CHARS


def word_chars_at(text: str, end: bool) -> str:
    """The word characters (``is_word_char``) that end (``end``) or start ``text``."""
    if text.isalnum():
        return text
    i = len(text)
    if end:
        while i and is_word_char(text[i - 1]):
            i -= 1
        return text[i:]
    j = 0
    while j < i and is_word_char(text[j]):
        j += 1
    return text[:j]


def fold_for_search(text: str) -> str:
    """Lowercase, accent-free copy of ``text`` with exactly the same length (offsets agree).

    Each character folds on its own (``fold_char``): one C pass when the optional extension
    ``normalizer._fold`` is built and the text stays within its table, else Python.
    """
    if _c_search_fold is not None:
        folded = _c_search_fold(text, _fold_table())
        if folded is not None:
            return folded
    return python_fold_for_search(text)


def python_fold_for_search(text: str) -> str:
    """``fold_for_search`` in Python: ``lower()`` and ``str.replace`` at C speed first, then
    the remaining runs of non-ASCII characters one by one."""
    lowered = text.lower()
    if len(lowered) != len(text):  # 'İ' grows under lower(): fold character by character
        return text.translate(_CHAR_FOLD)
    if lowered.isascii():
        return lowered
    for typographic, plain in _COMMON_PUNCTUATION:  # C-speed for the usual quotes and dashes
        if typographic in lowered:
            lowered = lowered.replace(typographic, plain)
    if lowered.isascii():
        return lowered
    return _NON_ASCII_RUN.sub(lambda m: m.group().translate(_CHAR_FOLD), lowered)

