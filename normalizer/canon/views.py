"""Views of one document computed once and shared by every rule: its capitalized words
(one C pass when the optional extension is built), their folded forms and romanization keys,
and its tokens around a position. Everything here is lazy and memoized, because most of a
document is never looked at twice."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import compress
from typing import Any, overload

from normalizer.matcher import FormSpec, ayn_joined, joined
from normalizer.romanize import ARTICLES, article_in_context
from normalizer.textfold import Token, tokenize

# Capitalized Latin words: candidate name parts for unlisted romanizations and short forms.
# (A word's start is checked where it matters: a look-behind here would slow every document.)
# An apostrophe followed by lower-case letters continues a word of 2+ letters ("Qa’ani", the
# ayn of Arabic names), but not a possessive ("Haniyeh’s") or an elision ("L’Iran").
# the capitals of Latin Extended-A and -B ("Ş", "Ə"; never the "ğ" inside "oğlu")
_EXTENDED_CAPITALS = "".join(chr(c) for c in range(0x100, 0x250)
                             if chr(c).isupper() or chr(c).istitle())
CAPITALIZED_RE = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de" + _EXTENDED_CAPITALS + "]"
                            r"(?:\w+(?:['\u2019\u02bc\u02bf](?!s\b)[a-z\u00df-\u00ff]+)*)?")
try:
    from normalizer._fold import capitals as _c_capitals
except ImportError:  # not built (no C compiler at install): the regex does the same
    _c_capitals = None


def capitalized_words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The matches of ``CAPITALIZED_RE`` in ``text``, words and spans: one C pass when the
    optional extension is built, else one regex pass."""
    if _c_capitals is not None:
        return _c_capitals(text)
    found = list(CAPITALIZED_RE.finditer(text))
    return list(map(re.Match.group, found)), list(map(re.Match.span, found))


class Memo(dict):
    """Results of one function by argument, computed on first use; emptied when it passes
    ``LIMIT`` entries so a long batch cannot grow it without bound. Looking up a known
    argument is one C-level dict access."""

    LIMIT = 500_000

    def __init__(self, function: Callable[[str], Any]):
        super().__init__()
        self.function = function

    def __missing__(self, argument: str) -> Any:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[argument] = self.function(argument)
        return value


class Capitals:
    """The document's capitalized words: their text and offsets from one scan of the text
    (``capitalized_words``), their folded forms and romanization keys only once something
    needs them."""

    def __init__(self, text: str, key_of: Callable[[str], str],
                 masked_of: Callable[[str], str | None], fold_of: Callable[[str], str]):
        self.text = text
        self.key_of = key_of
        self.masked_of = masked_of
        self.fold_of = fold_of
        self._words: list[str] | None = None
        self._spans: list[tuple[int, int]] = []
        self._keys: list[str] | None = None
        self._folded: list[str] | None = None

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words, self._spans = capitalized_words(self.text)
        return self._words

    def __getitem__(self, n: int) -> tuple[int, int, str]:
        start, end = self.spans[n]
        return start, end, self.words[n]

    @property
    def folded(self) -> list[str]:
        """The words' comparison forms."""
        if self._folded is None:
            self._folded = list(map(self.fold_of, self.words))
        return self._folded

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._words is None:
            self._words, self._spans = capitalized_words(self.text)
        return self._spans

    @property
    def keys(self) -> list[str]:
        if self._keys is None:
            self._keys = list(map(self.key_of, self.words))
        return self._keys

    def keyed(self, wanted: dict[str, list[FormSpec]], masked_too: bool = True) -> list[int]:
        """Indexes of the words whose key (or, for 6+ letters, vowel-masked key) is wanted."""
        keys = self.keys
        hits = list(compress(range(len(keys)), map(wanted.__contains__, keys)))
        if masked_too and any(k[:1] == "~" for k in wanted):
            masked = map(self.masked_of, self.words)  # None for words of under 6 letters
            hits = sorted(set(hits).union(compress(range(len(keys)),
                                                   map(wanted.__contains__, masked))))
        return hits


class DocTokens:
    """Tokens of the document near the places that need a close look.

    Most of a document is never looked at closely, so tokens are made per block of about
    ``BLOCK`` characters (cut at whitespace, so no token straddles two blocks), and a window
    is a block with its neighbours: room for a name of several parts and the words around it.
    Romanization keys are computed only for the tokens that are compared.
    """

    BLOCK = 128

    def __init__(self, text: str, key_of: Callable[[str], str]):
        self.text = text
        self.key_of = key_of
        self._cuts: dict[int, int] = {}
        self._blocks: dict[int, list[Token]] = {}
        self._windows: dict[int, tuple[list[Token], _LazyKeys, list[int]]] = {}

    def _cut(self, k: int) -> int:
        """Where block ``k`` starts: the first whitespace at or after ``k * BLOCK``."""
        cut = self._cuts.get(k)
        if cut is None:
            pos = k * self.BLOCK
            if pos <= 0:
                cut = 0
            else:
                found = _WHITESPACE.search(self.text, pos)
                cut = found.start() if found else len(self.text)
            self._cuts[k] = cut
        return cut

    def _block(self, k: int) -> list[Token]:
        block = self._blocks.get(k)
        if block is None:
            block = self._blocks[k] = tokenize(self.text, self._cut(k), self._cut(k + 1))
        return block

    def around(self, pos: int) -> tuple[list[Token], _LazyKeys, int | None]:
        """Tokens of the window around ``pos``, their keys, and the index of the token
        containing ``pos`` (None between tokens)."""
        k = pos // self.BLOCK
        while k > 0 and self._cut(k) > pos:
            k -= 1
        window = self._windows.get(k)
        if window is None:
            tokens = [t for j in (k - 1, k, k + 1) if j >= 0 for t in self._block(j)]
            window = (tokens, _LazyKeys(self.text, tokens, self.key_of), [t.start for t in tokens])
            self._windows[k] = window
        tokens, keys, starts = window
        idx = bisect_right(starts, pos) - 1
        if idx < 0 or tokens[idx].end <= pos:
            return tokens, keys, None
        return tokens, keys, idx


def without_joined_article(word: str, key: str) -> str | None:
    """The key of a name part without the article joined to it ("Alhacen", "Elhassan"),
    which the glossary may write apart ("El Hacen"); None for a short word or no article."""
    if len(key) >= 6 and key[:2] == "al" and word[:2].lower() in ("al", "el"):
        return key[2:]
    return None


class _LazyKeys:
    """Romanization keys of a list of tokens, each computed on first use; an article-like
    word is read as an article only where it is one (see ``article_in_context``)."""

    def __init__(self, text: str, tokens: list[Token], key_of: Callable[[str], str]):
        self.text = text
        self.tokens = tokens
        self.key_of = key_of
        self.values: list[str | None] = [None] * len(tokens)

    def _key(self, k: int) -> str:
        value = self.values[k]
        if value is None:
            tokens, t = self.tokens, self.tokens[k]
            if k and ayn_joined(self.text, tokens[k - 1], t):
                value = ""  # spelled by the key of the word it continues
            elif k + 1 < len(tokens) and ayn_joined(self.text, t, tokens[k + 1]):
                last = k + 1
                while last + 1 < len(tokens) and ayn_joined(self.text, tokens[last],
                                                             tokens[last + 1]):
                    last += 1
                value = self.key_of(self.text[t.start:tokens[last].end])
            elif t.folded not in ARTICLES or article_in_context(
                    t.folded, k + 1 < len(tokens) and joined(self.text, t, tokens[k + 1])):
                value = self.key_of(t.text)
            else:
                value = t.folded
            self.values[k] = value
        return value

    def swap(self, k: int, value: str) -> str:
        """Put ``value`` as token ``k``'s key for a moment; the key it had is returned."""
        old = self._key(k)
        self.values[k] = value
        return old

    def __len__(self) -> int:
        return len(self.tokens)

    @overload
    def __getitem__(self, k: int) -> str: ...

    @overload
    def __getitem__(self, k: slice) -> list[str]: ...

    def __getitem__(self, k: int | slice) -> str | list[str]:
        if isinstance(k, slice):
            return [self._key(j) for j in range(*k.indices(len(self.tokens)))]
        return self._key(k)


_WHITESPACE = re.compile(r"\s")
