"""Other people's spellings: a respelling is never made into a name the glossary gives to
other people, unless the glossary or the shipped tables treat the two spellings as one name.

Contract:
- A glossary of many real names knows names in their own right: "Christine" and "Christian",
  "Carl" and "Karl", "Reynaud" and "Raynaud", "Rocha" and "Rosa" each name people of their
  own. A romanization key merges each pair, so an unlisted variant ("generated") made of such
  a word is someone else's: "Christine Hancock" is not the glossary's Christian Hancock.
- A word counts as another name when ``MIN_OTHERS`` or more other entries spell a name with
  it. It may still be a respelling when the words are one transliterated name
  (``romanized-given-names.txt``, the given-name table: "Ibrahim Raisi" for Ebrahim Raisi),
  or when one entry of the glossary spells both at the same place (the glossary's own
  evidence that they are one name: "Muhammad" and "Mohammed").
- Only respelled words are read: articles, "bin" and titles never tell people apart, and a
  middle name the variant adds is judged by the middle-name rules, not here.
- Small glossaries are untouched in practice: a word that two other entries use is mostly a
  common given name, and those are transliterated names.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from normalizer.canon.name_parts import HONORIFIC_NAMES
from normalizer.glossary import Glossary
from normalizer.matcher import NASAB
from normalizer.romanize import ARTICLES, GIVEN_NAME_KEYS, surface_key
from normalizer.textfold import fold_token, tokenize

MIN_OTHERS = 2  # other entries that must use a word for it to be a name in its own right
_DATA = Path(__file__).resolve().parent.parent / "data" / "romanized-given-names.txt"
_NEVER_TELLING = ARTICLES | NASAB | HONORIFIC_NAMES


@cache
def romanized_name_keys() -> frozenset[str]:
    """Keys of the names whose spellings vary by transliteration: the shipped list and the
    given-name table."""
    words = [w for line in _DATA.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#") for w in line.split()]
    return frozenset(surface_key(w, fold_token(w)) for w in words) | frozenset(
        GIVEN_NAME_KEYS.values())


class Namesakes:
    """Which words the glossary uses for whose names, and which spellings it pairs."""

    def __init__(self, glossary: Glossary, key_of: Callable[[str], str]):
        self.key_of = key_of
        users: dict[str, int] = {}  # folded word -> entries using it, counted up to the bar
        self.pairs: set[tuple[str, str]] = set()
        for entry in glossary.entries:
            forms = [[t.folded for t in tokenize(form.text)] for form in entry.every_form()]
            for word in {w for form in forms for w in form}:
                users[word] = min(users.get(word, 0) + 1, MIN_OTHERS)
            for a in forms:
                for b in forms:
                    if a is not b and len(a) == len(b):
                        self.pairs.update((x, y) for x, y in zip(a, b, strict=True) if x != y)
        self.common = frozenset(w for w, n in users.items() if n >= MIN_OTHERS)

    def someone_elses(self, words: list[str], own: set[str], added_ok: bool) -> str | None:
        """The first of a variant's ``words`` (as written) that is another person's name and
        no respelling of one of the entry's ``own`` folded words, or ``None``. With
        ``added_ok`` the variant adds middle names: only its first and last words are read."""
        read = [words[0], words[-1]] if added_ok and len(words) > 2 else words
        for word in read:
            folded = fold_token(word)
            if folded in own or folded in _NEVER_TELLING:
                continue
            if folded not in self.common or self.key_of(word) in romanized_name_keys():
                continue
            if any((mine, folded) in self.pairs for mine in own):
                continue
            return word
        return None
