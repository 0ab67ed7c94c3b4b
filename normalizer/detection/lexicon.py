"""Word-frequency evidence: the most frequent words of each language.

Contract: ``Lexicon.log_scores(text, langs)`` returns, per language, the summed log-frequency of
the text's words under that language's list (a floor for words it does not list). Languages
without a list get, per word, the best listed candidate's score minus ``UNLISTED_PENALTY``:
the lexicon neither rules them out nor supports them, it leaves them to the n-grams. The data
(normalizer/detection/data/words.tsv) is read once per process; it is derived from wordfreq
(CC BY-SA 4.0) by scripts/build_detect_lexicon.py.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from functools import lru_cache
from itertools import repeat
from pathlib import Path

DATA = Path(__file__).with_name("data") / "words.tsv"
LN10 = math.log(10)
#: A word absent from a language's list counts as half as frequent as its least frequent word.
FLOOR_FACTOR = 0.5
#: Per-word handicap (natural log) of a language without a list against the best listed one
#: (ln 8, tuned on the first half of the Tatoeba sentences: ln 2 let Afrikaans take Dutch).
UNLISTED_PENALTY = math.log(8)
WORD = re.compile(r"[^\W\d_]+")
#: Arabic harakat, tatweel and Hebrew points: words are listed without them.
MARKS = re.compile("[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u0591-\u05c7]")
_LOCK = threading.Lock()


class Lexicon:
    """Word -> log-frequency per language, with each language's floor."""

    def __init__(self, path: Path = DATA):
        self.words: dict[str, dict[str, float]] = {}
        self.floor: dict[str, float] = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                lang, zipf, words = line.rstrip("\n").split("\t")
                logf = (float(zipf) - 9) * LN10
                table = self.words.setdefault(lang, {})
                for word in words.split():
                    table[word] = logf
                self.floor[lang] = min(self.floor.get(lang, 0.0), logf)
        for lang in self.floor:
            self.floor[lang] += math.log(FLOOR_FACTOR)

    def log_scores(self, text: str, langs: list[str]) -> tuple[dict[str, float], int]:
        """Summed word log-frequency per language in ``langs``, and the number of words."""
        tokens = words(text)
        listed = [lang for lang in langs if lang in self.words]
        scores = {lang: 0.0 for lang in langs}
        if not tokens or not listed:
            return scores, len(tokens)
        unlisted = [lang for lang in langs if lang not in self.words]
        columns = []
        for lang in listed:
            column = list(map(self.words[lang].get, tokens, repeat(self.floor[lang])))
            scores[lang] = sum(column)
            columns.append(column)
        if unlisted:
            best = sum(map(max, zip(*columns, strict=True))) - UNLISTED_PENALTY * len(tokens)
            for lang in unlisted:
                scores[lang] = best
        return scores, len(tokens)


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (letters only, split at apostrophes and digits)."""
    return WORD.findall(MARKS.sub("", unicodedata.normalize("NFC", text)).lower())


@lru_cache(maxsize=1)
def _load() -> Lexicon:
    return Lexicon()


def lexicon() -> Lexicon:
    """The bundled lexicon, read once per process."""
    with _LOCK:
        return _load()
