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

``respells(parts, spelling, family)`` compares whole names part by part (``spelling_parts``
gives a spelling's parts: articles and "bin" left out), one for one, or with one or two given
names more or one middle name less; ``name_run`` and ``may_stand_alone`` find the name
around a word of a text and say whether a word alone may be a family name.
"""

from __future__ import annotations

from functools import lru_cache

from normalizer.commonwords import is_common_capitalized, is_ordinary_word, place_words
from normalizer.glossary.ambiguous import GIVEN_NAMES
from normalizer.matcher import GIVEN_KEYS as GIVEN_NAME_KEYS
from normalizer.matcher import NASAB, consonants, joined, part_keys
from normalizer.romanize import ARTICLES, article_in_context
from normalizer.textfold import Token, is_name_gap, tokenize

_WRITTEN_VOWELS = frozenset("aeiouy")
MIN_LETTERS = 4  # shorter parts are never respelled ("Arif" may be anyone's)


@lru_cache(maxsize=200_000)
def edit_distance(a: str, b: str) -> int:
    """Letters substituted, inserted, deleted, or two neighbours swapped (optimal string
    alignment): a swap is one typo ("Atabmayev"), not two."""
    return _alignment(a, b, consonant_for_consonant=1)


def _alignment(a: str, b: str, consonant_for_consonant: int) -> int:
    """Optimal string alignment distance; substituting a consonant for a consonant costs
    ``consonant_for_consonant``."""
    if a == b:
        return 0
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            x, y = a[i - 1], b[j - 1]
            cost = 0 if x == y else 1 if x in _WRITTEN_VOWELS or y in _WRITTEN_VOWELS \
                else consonant_for_consonant
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
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
    have five letters or more, and one consonant for another is another word there ("Rafah"
    is not Rabah)."""
    if a == b or min(len(a), len(b)) < MIN_LETTERS:
        return False
    if alone and (min(len(a_written or a), len(b_written or b)) < 5
                  or not _close_as_written(a_written, b_written)):
        return False  # (a word of four letters alone is anything: "Hamas" is no "Hams")
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
    return _alignment(a, b, consonant_for_consonant=2)


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


@lru_cache(maxsize=100_000)
def spelling_parts(spelling: str) -> tuple[tuple[str, str], ...]:
    """Romanization keys and folded forms of a spelling's name parts (articles and "bin"
    left out)."""
    tokens = tokenize(spelling)
    keys = part_keys(tokens, spelling)
    return tuple((keys[k], tokens[k].folded) for k in range(len(tokens))
                 if is_name_part(spelling, tokens, k, keys[k]))


def is_name_part(text: str, tokens: list[Token], k: int, key: str) -> bool:
    """Not an article, "bin", or a token that continues the word before ("Sa'ar")."""
    folded = tokens[k].folded
    return bool(key) and folded not in NASAB and not (folded in ARTICLES and article_in_context(
        folded, k + 1 < len(tokens) and joined(text, tokens[k], tokens[k + 1])))


def name_run(text: str, tokens: list[Token], at: int) -> tuple[int, int]:
    """The first and last token of the run of name words around token ``at``: capitalized
    words that are no title or sentence opener, with articles and "bin" between them."""
    def name_word(k: int) -> bool:
        token = tokens[k]
        if token.text[:1].isupper():
            return not is_common_capitalized(token.folded)
        return token.folded in NASAB or (token.folded in ARTICLES and article_in_context(
            token.folded, k + 1 < len(tokens) and joined(text, token, tokens[k + 1])))

    first = last = at
    while first > 0 and is_name_gap(text, tokens[first - 1].end, tokens[first].start) \
            and name_word(first - 1):
        first -= 1
    while last + 1 < len(tokens) and is_name_gap(text, tokens[last].end, tokens[last + 1].start) \
            and name_word(last + 1):
        last += 1
    while last > at and not tokens[last].text[:1].isupper():
        last -= 1  # a run ends with a name word, not an article
    while first < at and tokens[first].folded in NASAB:
        first += 1
    return first, last


_PLACE_BEFORE = frozenset({"in", "near", "outside", "dans"})


def may_stand_alone(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """A word standing alone as a person's family name: five letters or more, no given name,
    no ordinary word or country, not in capitals (an acronym), not after "in" (a place:
    "in Ghobeiry" is no Qubaisi)."""
    word = tokens[last]
    return (len(word.folded) >= 5 and word.folded not in GIVEN_NAMES
            and not is_ordinary_word(word.folded) and word.folded not in place_words()
            and not word.text.isupper()
            and all(tokens[k].folded in ARTICLES for k in range(first, last))
            and not (first and tokens[first - 1].folded in _PLACE_BEFORE
                     and text[tokens[first - 1].end:tokens[first].start].isspace()))


def respells(parts: list[tuple[str, str]], spelling: tuple[tuple[str, str], ...],
             family: tuple[str, str] | None) -> bool:
    """Are the name parts ``parts`` (key, folded) the parts of ``spelling``, respelled? One
    word must be the ``family`` name (the canonical's last part) respelled. (See
    ``Canonicalizer._respelled``.)"""
    if len(parts) == 1:
        return family is not None and len(spelling) >= 2 and respelling(
            *_pair(parts[0], spelling[-1]), alone=True) and (
                spelling[-1][0] == family[0] or respelling(*_pair(spelling[-1], family)))
    if len(parts) != len(spelling):
        return _with_other_middle(parts, spelling)
    same = sum(a[0] == b[0] for a, b in zip(parts, spelling, strict=True))
    return 0 < same < len(parts) and all(a[0] == b[0] or respelling(*_pair(a, b))
                                         for a, b in zip(parts, spelling, strict=True))


def _with_other_middle(parts: list[tuple[str, str]],
                       spelling: tuple[tuple[str, str], ...]) -> bool:
    """The person's first and last names around one or two given names more, a father's
    and grandfather's ("Abdel Aziz Saleh Habtour" for Abdelaziz bin Habtour; not "Ahmad Shah
    Massoud", the father of Ahmad Massoud), or one middle name less ("Hassan Aweys" for
    Hassan Dahir Aweys): one of the two the same, the other the same or alike."""
    if len(spelling) < 2 or not -1 <= len(parts) - len(spelling) <= 2 or (
            len(parts) < len(spelling) and len(spelling) < 3):
        return False
    if len(parts) > len(spelling) and not all(
            key in GIVEN_NAME_KEYS for key, _folded in parts[1:1 + len(parts) - len(spelling)]):
        return False
    if len(parts) < len(spelling) and not all(
            any(a[0] == b[0] or respelling(*_pair(a, b)) for b in spelling[1:-1])
            for a in parts[1:-1]):
        return False  # a middle name of its own: "Abdullah bin Hamad Al Thani" is not
        # Abdullah bin Nasser bin Khalifa Al Thani with one left out
    ends = ((parts[0], spelling[0]), (parts[-1], spelling[-1]))
    same = sum(a[0] == b[0] for a, b in ends)
    return same >= 1 and all(a[0] == b[0] or respelling(*_pair(a, b)) for a, b in ends)


def other_middle_name(parts: list[tuple[str, str]],
                       spelling: tuple[tuple[str, str], ...]) -> bool:
    """Is ``spelling`` the same first and last name with another middle name between them
    ("Hamad bin Jassim Al Thani" against "Hamad bin Khalifa al-Thani")?"""
    return len(parts) >= 3 and len(spelling) == len(parts) and parts[0][0] == spelling[0][0] \
        and parts[-1][0] == spelling[-1][0] and not all(
            a[0] == b[0] or respelling(*_pair(a, b))
            for a, b in zip(parts[1:-1], spelling[1:-1], strict=True))


def _pair(a: tuple[str, str], b: tuple[str, str]) -> tuple[str, str, str, str]:
    """``respelling``'s arguments for two (key, folded) parts."""
    return a[0], b[0], a[1], b[1]
