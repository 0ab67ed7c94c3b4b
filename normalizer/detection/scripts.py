"""Which writing system a text is in, and what that says about its language.

Contract: ``script_candidates(text, langs)`` narrows a candidate set using letters that only
some languages use: the dominant script first (Hebrew letters are not French), then within the
Arabic script the letters that separate Urdu (ٹ ڈ ڑ ں ے ہ ھ), Persian (پ چ ژ گ ک ی) and Arabic
(ة ي ك ى). Languages this module does not know stay candidates. Pure functions, no state.
"""

from __future__ import annotations

from collections import Counter

LATIN = ("af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl pt ro sk sl so sq sv "
         "sw tl tr vi").split()
SCRIPT_LANGS: dict[str, frozenset[str]] = {
    "Latin": frozenset(LATIN),
    "Cyrillic": frozenset({"bg", "mk", "ru", "uk"}),
    "Greek": frozenset({"el"}),
    "Arabic": frozenset({"ar", "fa", "ur"}),
    "Hebrew": frozenset({"he"}),
    "Devanagari": frozenset({"hi", "mr", "ne"}),
    "Bengali": frozenset({"bn"}),
    "Gurmukhi": frozenset({"pa"}),
    "Gujarati": frozenset({"gu"}),
    "Tamil": frozenset({"ta"}),
    "Telugu": frozenset({"te"}),
    "Kannada": frozenset({"kn"}),
    "Malayalam": frozenset({"ml"}),
    "Thai": frozenset({"th"}),
    "Hangul": frozenset({"ko"}),
    "Kana": frozenset({"ja"}),
    "Han": frozenset({"zh", "ja"}),
}
KNOWN = frozenset().union(*SCRIPT_LANGS.values())
RANGES = [  # (first, last, script), sorted
    (0x0041, 0x024F, "Latin"), (0x0370, 0x03FF, "Greek"), (0x0400, 0x052F, "Cyrillic"),
    (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"), (0x0B80, 0x0BFF, "Tamil"), (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"), (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Hangul"), (0x1E00, 0x1EFF, "Latin"), (0x3040, 0x30FF, "Kana"),
    (0x4E00, 0x9FFF, "Han"), (0xAC00, 0xD7AF, "Hangul"), (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
]
URDU = frozenset("ٹڈڑںےۓہۂھ")
PERSIAN = frozenset("پچژگکی")
ARABIC = frozenset("ةيكى")


def script_of(ch: str) -> str | None:
    """The script of one letter, or None (digits, punctuation, unknown scripts)."""
    if not ch.isalpha():
        return None
    code = ord(ch)
    for first, last, name in RANGES:
        if code < first:
            return None
        if code <= last:
            return name
    return None


class _ScriptCache(dict):
    def __missing__(self, ch: str) -> str | None:
        value = self[ch] = script_of(ch)
        return value


_SCRIPTS = _ScriptCache()


def script_counts(text: str) -> Counter[str]:
    """Letters per script."""
    counts = Counter(map(_SCRIPTS.__getitem__, text))
    counts.pop(None, None)
    return counts


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    if not counts:
        return None
    if counts.get("Kana") and counts["Kana"] * 10 >= counts.get("Han", 0):
        return "Kana"
    return max(sorted(counts), key=lambda s: counts[s])


def script_candidates(text: str, langs: frozenset[str]) -> frozenset[str]:
    """The candidates compatible with the text's dominant script (and Arabic-script letters)."""
    script = dominant_script(text)
    if script is None:
        return langs
    same = frozenset(lang for lang in langs if lang in SCRIPT_LANGS[script] or lang not in KNOWN)
    if script == "Arabic":
        same = _arabic_script(text, same)
    return same


def _arabic_script(text: str, langs: frozenset[str]) -> frozenset[str]:
    letters = Counter(ch for ch in text if ch in URDU or ch in PERSIAN or ch in ARABIC)
    urdu = sum(n for ch, n in letters.items() if ch in URDU)
    persian = sum(n for ch, n in letters.items() if ch in PERSIAN)
    arabic = sum(n for ch, n in letters.items() if ch in ARABIC)
    drop: set[str] = set()
    if urdu and urdu * 4 >= arabic:
        drop |= {"ar", "fa"}  # Persian and Arabic never use these letters
    elif persian > 2 * arabic:
        drop.add("ar")
    if arabic and not urdu and persian <= arabic:
        drop.add("ur")  # Urdu writes ی ک, never ي ك
    kept = langs - drop
    return kept if kept else langs
