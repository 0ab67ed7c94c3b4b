"""Other people's names: what a glossary of many real names says about a word, so that an
unlisted variant is never made of a name that belongs to other people.

Contract:
- A glossary of many real names knows names in their own right: "Christine" and "Christian",
  "Carl" and "Karl", "Reynaud" and "Raynaud", "Rocha" and "Rosa" each name people of their
  own. A romanization key merges each pair, so an unlisted variant ("generated") that
  respells a word into one that ``MIN_OTHERS`` or more other entries use is someone else's:
  "Christine Hancock" is not the glossary's Christian Hancock.
- It may still be a respelling when the words are one transliterated name
  (``romanized-given-names.txt``, the given-name table: "Ibrahim Raisi" for Ebrahim Raisi),
  or when one entry of the glossary spells both at the same place (the glossary's own
  evidence that they are one name: "Muhammad" and "Mohammed"). Articles, "bin" and a title
  after the name ("Pasha") never tell people apart.
- A name whose first and last words are each carried by ``COMMON`` entries or more ("Andrew
  Clark") is a common name: a middle name added to it or left out of it makes someone else
  ("Andrew Mark Clark"), as the glossary's middle names tell people apart. Not when the first
  name is a transliterated one (but Muhammad, everyone's first name): an Arabic name's middle
  name is the father's, which news adds and leaves out ("Fuad Mohammed Hussein" is Fuad
  Hussein).
- A name of one word (a place, an organisation) respelled into a word that another entry
  spells is that entry's: "Soleimani" (of Qasem Soleimani) is not the city Sulaimani.
- A spelling of several words written as one word that other entries use as a name ("Alain"
  for "Al Ain") is that other name; so is one made of ordinary English or French words
  ("Georgetown" for George Town), where transliterated names are written joined
  ("Amirabdollahian").
- Small glossaries are untouched in practice: a word that two other entries use is mostly a
  common given name, and those are transliterated names; a family of four in one glossary is
  rare, and its given names are not all common too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from normalizer.canon.match import Match
from normalizer.canon.name_parts import JOINABLE_HEADS
from normalizer.commonwords import TITLES, TITLES_AFTER_NAMES, is_ordinary_word
from normalizer.matcher import NASAB
from normalizer.romanize import ARTICLES, GIVEN_NAME_KEYS, MUHAMMAD, surface_key
from normalizer.textfold import fold_token, tokenize

MIN_OTHERS = 2  # other entries that must use a word for it to be a name in its own right
COMMON = 4  # entries that carry a word of a common name ("Andrew", "Clark")
_DATA = Path(__file__).resolve().parent.parent / "data" / "romanized-given-names.txt"
NEVER_TELLING = ARTICLES | NASAB | TITLES_AFTER_NAMES  # "al", "bin", "Pasha"


@cache
def romanized_name_keys() -> frozenset[str]:
    """Keys of the names whose spellings vary by transliteration: the shipped list and the
    given-name table."""
    words = [w for line in _DATA.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#") for w in line.split()]
    return frozenset(surface_key(w, fold_token(w)) for w in words) | frozenset(
        GIVEN_NAME_KEYS.values())


class Namesakes:
    """How many entries carry each word of the glossary's spellings, and which spellings one
    entry gives at the same place of a name."""

    def __init__(self, spellings: Iterable[tuple[int, tuple[str, ...]]],
                 key_of: Callable[[str], str]):
        """``spellings``: (entry, folded words) of every spelling the glossary lists."""
        self.key_of = key_of
        words_of: dict[int, set[str]] = {}
        forms_of: dict[int, list[tuple[str, ...]]] = {}
        for entry, words in spellings:
            words_of.setdefault(entry, set()).update(words)
            forms = forms_of.setdefault(entry, [])
            if words not in forms:
                forms.append(words)
        self._carriers: dict[str, int] = {}  # word -> entries carrying it, up to ``COMMON``
        carriers = self._carriers
        for words in words_of.values():
            for word in words:
                carriers[word] = min(carriers.get(word, 0) + 1, COMMON)
        self._pairs: set[tuple[str, str]] = set()
        for forms in forms_of.values():
            for a in forms:
                for b in forms:
                    if a is not b and len(a) == len(b):
                        self._pairs.update((x, y) for x, y in zip(a, b, strict=True) if x != y)

    def carriers(self, folded: str) -> int:
        """How many entries use the word (counted up to ``COMMON``)."""
        return self._carriers.get(folded, 0)

    def respelled_into_another(self, words: list[str], own: set[str]) -> str | None:
        """The first of a variant's ``words`` (as written) that is another entry's name and no
        respelling of the entry's ``own`` folded words, or ``None``."""
        for word in words:
            folded = fold_token(word)
            if folded in own or folded in NEVER_TELLING or self.carriers(folded) < MIN_OTHERS:
                continue
            if self.key_of(word) in romanized_name_keys() \
                    or any((mine, folded) in self._pairs for mine in own):
                continue
            return word
        return None

    def another_entrys_word(self, word: str, own: set[str]) -> bool:
        """Is the word, as written, a word of another entry's spellings and none of the
        entry's ``own`` (nor paired with one of them)? A name of one word respelled into it
        is that other entry's: "Soleimani" of Qasem Soleimani is no Sulaimani (the city)."""
        folded = fold_token(word)
        return folded not in own and folded not in NEVER_TELLING and self.carriers(folded) >= 1 \
            and not any((mine, folded) in self._pairs for mine in own)

    def common_name(self, first: str, last: str) -> bool:
        """Are the folded first and last words of a name each carried by ``COMMON``
        entries, the first no transliterated name? (An Arabic name's middle name is a
        father's, added and left out as the middle-name rules say: "Fuad Mohammed Hussein";
        but Muhammad is everyone's first name: "Mohammad Ismail Khan" is no Mohammed Khan.)"""
        key = self.key_of(first)
        return self.carriers(first) >= COMMON and self.carriers(last) >= COMMON \
            and (key not in romanized_name_keys() or key == MUHAMMAD)

    def joined_other_name(self, word: str, own: set[str]) -> bool:
        """Is a name of several words, written as this one word, another entry's name?"""
        folded = fold_token(word)
        return folded not in own and self.carriers(folded) >= MIN_OTHERS


class NamesakeChecks:
    """The rules that read ``Namesakes``.

    A part of ``Canonicalizer``: it reads the glossary, the per-entry caches that
    ``Canonicalizer.__init__`` sets up and the per-language ``Namesakes`` that
    ``Canonicalizer.compiled`` makes.
    """

    def _own_words(self, entry: int) -> set[str]:
        """The folded words of the entry's spellings, made once."""
        own = self._own_folded.get(entry)
        if own is None:
            own = self._own_folded[entry] = {
                t.folded for form in self.glossary.entries[entry].every_form()
                for t in tokenize(form.text)}
        return own

    def _someone_elses(self, text: str, lang: str | None, m: Match) -> bool:
        """Is an unlisted variant another person's name by what the glossary says of its
        words (``normalizer.canon.namesakes``)? "Christine Hancock" is not Christian Hancock,
        nor "Andrew Mark Clark" Andrew Clark when many entries carry Andrew and Clark."""
        namesakes = self._namesakes[lang]
        words = [t for t in tokenize(text[m.start:m.end])
                 if len(t.folded) >= 2 and t.folded not in NEVER_TELLING]
        if not words:
            return False
        own = self._own_words(m.spec.entry)
        # (a middle name the variant adds is for the middle-name rules: only its ends here)
        added = len(words) > m.spec.name_parts
        read = [words[0], words[-1]] if added and len(words) > 2 else words
        if namesakes.respelled_into_another([t.text for t in read], own) is not None:
            return True
        if len(words) == 1 and m.spec.name_parts == 1 and namesakes.another_entrys_word(
                words[0].text, own):
            return True  # a one-word name respelled into a word another entry spells
        if added or len(words) < m.spec.name_parts or m.spec.kind == "dropped":
            canonical = [t.folded for t in self._canonical_parts(m.spec.entry)[0]
                         if t.folded not in NEVER_TELLING]
            return len(canonical) >= 2 and namesakes.common_name(canonical[0], canonical[-1])
        return False

    def _joined_into_another_name(self, text: str, lang: str | None, m: Match) -> bool:
        """Is a listed spelling of several words, found written as one word, another name:
        one that other entries use ("Alain" for "Al Ain"), or ordinary words written as one
        ("Georgetown" is not George Town)? Transliterated names are written joined
        ("Amirabdollahian", "Tarinkot", "Benkhedda"); English and French words joined make
        another name."""
        word = text[m.start:m.end]
        if len(m.spec.folded) < 2 or not word.isalnum():
            return False
        return any(len(part) >= 3 and part not in JOINABLE_HEADS and part not in TITLES
                   and is_ordinary_word(part) for part in m.spec.folded) \
            or self._namesakes[lang].joined_other_name(word, self._own_words(m.spec.entry))
