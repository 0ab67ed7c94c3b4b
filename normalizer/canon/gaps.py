"""What may stand between two parts of one name: separators, a lower-case particle ("al-",
"bin", an ezafe, a Turkic "oglu"), a nasab or Turkic patronymic, initials' dots. One
place for these patterns, so every rule reads a name's parts the same way."""

from __future__ import annotations

import re

from normalizer.textfold import APOSTROPHES, DASHES

# What may separate two parts of a name when looking back from a capitalized word: a name gap,
# possibly with a lower-case particle in it (" al-", " bin ", " ibn ").
# Turkic "son of" / "daughter of" after a father's name ("Zakir Asger oghlu Hasanov"): the
# words of matcher.TURKIC_PATRONYMICS as the text may write them (with "ğ" and "ı")
_TURKIC = r"o[gğ]h?lu|ogly|ogli|uly|kyzy|k[iı]z[iı]|q[iı]z[iı]|gizi"
_SEP = r"[ \t\u00a0\u202f\n\-\u2010-\u2015'\u2018\u2019\u02bb\u02bc\u02be\u02bf]{1,3}"
PREVIOUS_GAP = re.compile(rf"{_SEP}(?:(?:a|al|el|ul|ad|ar|as|ash|at|az|an|ad|bin|ibn|bint|ben|de|"
                           rf"da|du|van|von|der|ed|ud|e|i|{_TURKIC}){_SEP}"  # e, i: ezafe
                           # the Maghrebi and Egyptian "es-", "ez-" only joined: "et", "en" are
                           # French words
                           r"|(?:es|ez|et|en|er|ath|adh)[\-\u2010\u2011])?")
MAX_GAP = 10  # the longest PREVIOUS_GAP: three separators, a particle, three separators
ENDS_ALONE = 2  # a word that ends a name with nothing before it (see _ends_a_name)
# what PREVIOUS_GAP is made of: separators and the letters of lower-case particles
_GAP_CHARS = (" \t\u00a0\u202f\n-\u2010\u2011\u2012\u2013\u2014\u2015'\u2018\u2019"
              "\u02bb\u02bc\u02be\u02bfabcdefghijklmnopqrstuvwxyz\u011f\u0131")  # ğ ı: "oğlu"
JOINERS = frozenset(DASHES + APOSTROPHES)


def may_be_name_gap(gap: str) -> bool:
    """What ``PREVIOUS_GAP`` could match: a few separators and lower-case letters; checked
    with ``str.strip`` first, as most gaps between capitalized words are sentence breaks."""
    return 0 < len(gap) <= MAX_GAP and not gap.strip(_GAP_CHARS)


# Between added middle names: a name gap, maybe with an article ("Ali al-Husseini al-Sistani").
ADDED_GAP = re.compile(rf"{_SEP}(?:(?:al|el){_SEP})?")
INITIAL_GAP = re.compile(r"\.(?:[ \u00a0]|\r?\n)?")
# spaces with at most one line break: what separates the words of a name in wrapped text
_SPACES = r"[ \t\u00a0\u202f]"
WORD_GAP = rf"(?:{_SPACES}+(?:\r?\n{_SPACES}*)?|\r?\n{_SPACES}*)"
NASAB_GAP = re.compile(rf"{WORD_GAP}(?:bin|ibn|ben|bint){WORD_GAP}")
TURKIC_GAP = re.compile(rf"{WORD_GAP}(?:{_TURKIC}){WORD_GAP}")
NASAB_BEFORE = re.compile(rf"(?<![^\W_])(?:bin|ibn|ben|bint){WORD_GAP}\Z",
                          re.IGNORECASE)  # (\Z: "$" would match before a last line break)
NASAB_AFTER = re.compile(rf"{WORD_GAP}(?:[Bb]in|[Ii]bn|ben|bint){WORD_GAP}(?:[ae]l-)?[A-Z]")


def name_gap(text: str, start: int, end: int) -> bool:
    """May the text between two capitalized words separate two parts of one name?"""
    return end - start <= MAX_GAP and PREVIOUS_GAP.fullmatch(text, start, end) is not None
