"""How alike two romanized name parts are, for a person the same document already named.

Contract: ``respelling(a, b)`` compares two romanization keys (``name_key``) and answers
whether one may be a typo or an unruled respelling of the other *inside one document that
names the person in full*: one letter substituted, inserted, deleted or two swapped
("Kaftancigolu" for Kaftancioglu, "Zbeidi" for Zubeidi), only the vowels differing ("Malki"
for Mulki, "Qabisi" for Qubaisi), or two edits in a long part ("Sharmhead" for Sharmahd).
It never joins two different given names ("Hassan" and "Hussein", "Amin" and "Amir",
"Mahmoud" and "Mohammed"), a name and its nisba ("Hussein" and "Husseini"), or parts shorter
than four letters. Out of that context the answer means nothing: it is far looser than the
romanization rules, which hold across documents.

``neighbours(key)`` is what an index files a key under so that ``respelling`` candidates are
found by dictionary look-ups: the key, its one-letter deletions and its consonants.
"""

from __future__ import annotations

from functools import lru_cache

from normalizer.glossary.ambiguous import GIVEN_NAMES
from normalizer.matcher import consonants
from normalizer.romanize import name_key

_WRITTEN_VOWELS = frozenset("aeiouy")
MIN_LETTERS = 4  # shorter parts are never respelled ("Arif" may be anyone's)
GIVEN_NAME_KEYS = frozenset(name_key(name) for name in GIVEN_NAMES)


@lru_cache(maxsize=200_000)
def edit_distance(a: str, b: str) -> int:
    """Letters substituted, inserted, deleted, or two neighbours swapped (optimal string
    alignment): a swap is one typo ("Atabmayev"), not two."""
    if a == b:
        return 0
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows = [rows[-1], row]
    return rows[-1][-1]


@lru_cache(maxsize=200_000)
def respelling(a: str, b: str, a_written: str = "", b_written: str = "",
               alone: bool = False) -> bool:
    """May the keys ``a`` and ``b`` write one name part, within one document? (Not when
    equal.) ``a_written`` and ``b_written``, the parts as written (folded), count too: a
    letter left out of a spelling the key rules compress ("Djalai" for Djalali). A word
    ``alone`` (no other part of the name beside it to agree) must also be close as written,
    and one consonant for another is another word there ("Rafah" is not Rabah)."""
    if a == b or min(len(a), len(b)) < MIN_LETTERS:
        return False
    if alone and not _close_as_written(a_written, b_written):
        return False
    if a in GIVEN_NAME_KEYS and b in GIVEN_NAME_KEYS:
        return False  # two names people are given: Hassan is not Hussein
    if a.endswith("i") != b.endswith("i") and a.rstrip("aiuy") == b.rstrip("aiuy"):
        return False  # a nisba: Husseini is not Hussein, al-Samarrai not Samarra
    if a[0] == b[0] and consonants(a) == consonants(b) and len(consonants(a)) >= 3:
        return True
    return _typo(a, b) or (bool(a_written and b_written) and _typo(a_written, b_written))


def _close_as_written(a: str, b: str) -> bool:
    """One edit apart as written (two in seven letters or more), where one consonant for
    another counts two: a letter dropped or added is a typo, a letter changed another word
    ("Haniyeh" is not Hariyah); but "q" and "k" write one letter ("Makdashi")."""
    distance = _written_distance(a.replace("q", "k"), b.replace("q", "k"))
    return distance <= (2 if min(len(a), len(b)) >= 7 else 1)


@lru_cache(maxsize=200_000)
def _written_distance(a: str, b: str) -> int:
    """``edit_distance`` with a consonant substituted for a consonant costing two."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            x, y = a[i - 1], b[j - 1]
            cost = 0 if x == y else 1 if x in _WRITTEN_VOWELS or y in _WRITTEN_VOWELS else 2
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows = [rows[-1], row]
    return rows[-1][-1]


def _typo(a: str, b: str) -> bool:
    """One edit in a part of five letters or more (the first letter kept, unless seven or
    more), or two in one of eight or more."""
    shortest = min(len(a), len(b))
    distance = edit_distance(a, b)
    if distance == 1:
        if a[:-1] == b or b[:-1] == a:
            return False  # a letter added at the end makes another word: Amsha, "Amshat"
        return shortest >= 5 and (a[0] == b[0] or shortest >= 7)
    return distance == 2 and shortest >= 8 and a[0] == b[0]


@lru_cache(maxsize=200_000)
def neighbours(key: str) -> frozenset[str]:
    """Index keys: two keys within one edit share one, and so do two with the same
    consonants ("#" + consonants)."""
    out = {key, "#" + consonants(key)}
    if len(key) >= MIN_LETTERS:
        out.update(key[:i] + key[i + 1:] for i in range(len(key)))
    return frozenset(out)
