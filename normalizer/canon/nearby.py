"""The words right before and after a mention, read across spaces and one line break but
never across a headline's end: the capitalized word before, the name word after, a title, a
listed part of the same name."""

from __future__ import annotations

import re

from normalizer.canon.gaps import WORD_GAP
from normalizer.canon.layout import headline_end
from normalizer.commonwords import is_common_capitalized
from normalizer.romanize import close_keys
from normalizer.textfold import fold_token

# a capitalized word before a mention, looking through an article ("Harakat al Nujaba")
_WORD_BEFORE = re.compile(rf"(?<![^\W_])([A-Z\u00c0-\u00de][^\W\d_]+){WORD_GAP}"
                          r"(?:[AaEe]l[ \u00a0\-\u2010\u2011])?\Z")
_LOWER_ARTICLES = ("al", "el")  # the lower-case articles _WORD_BEFORE reads through
FRENCH_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?:le|la|les|du|des|au|aux)[ \u00a0]+$",
                                    re.IGNORECASE)
# what is named after a person, after the person's name: "Rafik Hariri University"
NAMED_AFTER = frozenset("""university airport stadium hospital mosque school college
institute academy foundation prize award street avenue boulevard square bridge dam highway
library museum centre center hall mausoleum brigade brigades battalion park gardens garden
palace station cemetery memorial tower district quarter neighbourhood neighborhood""".split())
# a capitalized word after a mention, through an article ("Seif al-Islam Kadhafi")
WORD_AFTER = re.compile(rf"{WORD_GAP}(?:[AaEe]l[ \u00a0\-\u2010\u2011])?"
                         r"([A-Z\u00c0-\u00de][^\W\d_]+)(?![^\W_])")
_HARD_K = str.maketrans("jq", "kk")  # keys write g as j: "Gaddafi" = "Kadhafi" = "Qaddafi"
# an article-led capitalized name part right after a name: "al-Harir" in "Bosra al-Harir"
ARTICLE_NAME_AFTER = re.compile(rf"{WORD_GAP}[AaEe]l[ \u00a0\-\u2010\u2011]"
                                 r"([A-Z\u00c0-\u00de][^\W\d_]+)(?![^\W_])")


def word_before(text: str, pos: int) -> re.Match[str] | None:
    """The capitalized word just before ``pos`` across a name gap (``_WORD_BEFORE``); never
    the headline's last word for a name that starts the story."""
    lo = max(0, pos - 40)
    words = text[lo:pos].split()
    # (a quick no, cheaper than the search: no capital in the last word, "said", unless it
    # is an article, which the search reads through)
    if not words or words[-1].islower() and words[-1][:2] not in _LOWER_ARTICLES:
        return None
    found = _WORD_BEFORE.search(text, lo, pos)
    return None if found is None or crosses_headline(text, found.end(1), pos) else found


def named_after_further(text: str, pos: int) -> bool:
    """One or two more capitalized words after ``pos`` and then the word for a place or body
    named after someone ("... Cultural Center", "... International Airport")?"""
    for _ in range(2):
        found = next_to(WORD_AFTER, text, pos)
        if found is None or found.group(1).isupper():
            return False
        if fold_token(found.group(1)) in NAMED_AFTER:
            return True
        pos = found.end(1)
    return False


def word_before_any(text: str, pos: int) -> str:
    """The word just before ``pos`` (folded, any case), "" at the text's start."""
    words = re.split(r"[\s'’]+", text[max(0, pos - 30):pos].rstrip())
    return fold_token(words[-1].strip(".,;:«»\"()")) if words else ""  # "l'imam": imam


def next_to(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """``pattern`` matched right after ``pos``, unless the gap is the headline's end."""
    found = pattern.match(text, pos)
    return None if found is None or crosses_headline(text, pos, found.start(1)) else found


def crosses_headline(text: str, start: int, end: int) -> bool:
    """Is the line break between ``start`` and ``end`` the end of the headline? One line
    break may fall inside a name, but a headline's last word and the story's first are two."""
    return "\n" in text[start:end] and start <= headline_end(text) < end


def same_name_part(key: str, want: str) -> bool:
    """The same name part in another romanization: the same key or one vowel off, with g, k
    and q for the one Arabic letter ("Kadhafi", "Gaddafi", "Qaddafi"). Not the same
    consonants alone: "Hasan" is not "Huseyn"."""
    return key == want or close_keys(key, want) or close_keys(key.translate(_HARD_K),
                                                               want.translate(_HARD_K))


JOINED_ARTICLE = re.compile(r"(?<![^\W_])[AaEe]l[-\u2010\u2011]$")


_ANY_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_][\w'\u2019-]*[ \u00a0]+$")


def after_a_name_word(text: str, start: int) -> bool:
    """Does a capitalized word that is no title or opener come right before, so that the
    word at ``start`` ends a longer name ("Joe Raggi", "Abul A'ala Mawdudi")?"""
    before = _ANY_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not before.group()[:1].isupper():
        return False
    return not is_common_capitalized(fold_token(before.group().split()[0]))
