"""Listed spellings: every spelling the glossary (and the known aliases) gives, found by one
Aho-Corasick pass over a search fold of the text, then aligned token by token with the text
so that word boundaries, case and typography are checked."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from normalizer.canon.align import SENTENCE_END, align_tokens, extends_name, word_for_word
from normalizer.canon.gaps import INITIAL_GAP
from normalizer.canon.match import Match, Occupied
from normalizer.canon.nearby import crosses_headline
from normalizer.canon.views import Capitals, DocTokens
from normalizer.commonwords import OPENERS
from normalizer.matcher import CompiledGlossary, FormSpec, gaps_as_written, part_keys
from normalizer.textfold import (
    APOSTROPHES,
    Token,
    fold_token,
    is_name_gap,
    is_word_char,
    search_text,
    tokenize,
    word_chars_at,
)

_SPACE_RUN = re.compile(r"  +")


def _may_join(search: str, a: int, b: int, compiled: CompiledGlossary) -> bool:
    """Can the run of spaces ``a:b`` between two words be a space of a listed spelling? Only
    if the word before it comes before a space in some spelling, and the word after it after
    one ("Hamas’ capabilities" is not worth another search)."""
    before = word_chars_at(search[search.rfind(" ", 0, a) + 1:a], end=True)
    if before not in compiled.before_space:
        return False
    after = search.find(" ", b)
    return word_chars_at(search[b:after if after >= 0 else len(search)],
                         end=False) in compiled.after_space

_LONGEST_NAME = 120  # characters searched on each side of a separator of several characters


class _Squeeze:
    """Offsets back from a search text whose runs of spaces were squeezed to one space."""

    def __init__(self, runs: list[tuple[int, int]]):
        self.at: list[int] = []  # squeezed offset just after each run's kept space
        self.shift: list[int] = []  # characters removed up to and including that run
        removed = 0
        for start, end in runs:
            removed += end - start - 1
            self.at.append(end - removed)
            self.shift.append(removed)

    def original(self, pos: int) -> int:
        k = bisect_right(self.at, pos) - 1
        return pos + (self.shift[k] if k >= 0 else 0)

_AMPERSAND_GAP = re.compile(r"[ \u00a0]?&[ \u00a0]?")


def _same_case(tokens: list[Token], form: str) -> bool:
    """Case-sensitive mode: the span's letters, joined, equal the form's (accents aside)."""
    return "".join(t.text for t in tokens) == "".join(t.text for t in tokenize(form))


def _gap_shape(gap: str) -> str:
    """A separator without its spaces, quotes of any style as one: ' "', « and ”" are '"'."""
    return "".join(search_text(gap).split())


_CLOSING_QUOTES = "\"\u201d\u00bb"
_CLOSING_QUOTE = re.compile(r"[ \u00a0]?[\"\u201d\u00bb]")


def _with_closing_quote(text: str, end: int) -> int:
    """``end`` past the closing quote (after a space, in French) that follows it, if any."""
    found = _CLOSING_QUOTE.match(text, end)
    return found.end() if found else end


@lru_cache(maxsize=10_000)
def _written_gaps(spelling: str) -> tuple[str, ...]:
    """The shape (``_gap_shape``) of each separator between the spelling's words."""
    tokens = tokenize(spelling)
    return tuple(_gap_shape(spelling[a.end:b.start]) for a, b in
                 zip(tokens, tokens[1:], strict=False))


def _abbreviation_goes_on(text: str, pos: int) -> bool:
    """Does the sentence go on after the period of an abbreviation that ends before ``pos``?
    Yes before a lower-case word, and before a capitalized one that is no sentence opener
    ("the U.S. Treasury Department", "U.S. Kills ..."): a new sentence starts with a word
    like "The" or "He", a quote, a line break or the text's end."""
    if not SENTENCE_END.match(text, pos):
        return True
    found = _NEXT_WORD.match(text, pos)
    return found is not None and fold_token(found.group(1)) not in OPENERS


_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Z\u00c0-\u00de][^\W\d_]*)(?![^\W_])")


# (asked for every hit of a spelling: answered once per spelling)
_spelled_as_written = lru_cache(maxsize=100_000)(gaps_as_written)


@lru_cache(maxsize=100_000)
def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 6 and text.isupper()


class ListedSearch:
    """Finds the glossary's listed spellings in a text.

    A part of ``Canonicalizer``: it reads the glossary and the per-word caches that
    ``Canonicalizer.__init__`` sets up.
    """

    def _listed(self, text: str, compiled: CompiledGlossary) -> list[Match]:
        """Listed spellings, found by Aho-Corasick in the document's search text.

        The search text is the folded text with every one-character separator written as a
        space (``search_text``), and each spelling is filed under every way of joining its
        parts (``search_keys``), so "Amir Abdollahian", "Amir-Abdollahian",
        "Amir\u00a0Abdollahian" and "Amirabdollahian" are all one automaton pass with no
        per-word work. A hit counts only if it starts and ends on word boundaries; then the
        tokens decide (separators, case). Around a separator of several characters (" - ", a
        line break with indentation) the text is searched again with it as one space.
        """
        if compiled.automaton is None:
            return []
        search = search_text(text)
        found: list[Match] = []
        hits = compiled.find_spellings(search)
        self._listed_hits(text, search, compiled, hits, found)
        if "  " in search:
            runs = [(a, b) for a, b in map(re.Match.span, _SPACE_RUN.finditer(search))
                    if a and b < len(search) and is_word_char(search[a - 1])
                    and is_word_char(search[b]) and _may_join(search, a, b, compiled)]
            if runs:
                self._listed_hits(text, search, compiled,
                                  self._squeezed_hits(search, compiled, runs), found)
        return found

    @staticmethod
    def _squeezed_hits(search: str, compiled: CompiledGlossary,
                       runs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """Hits across runs of spaces between words (separators of several characters),
        found in copies of the text around them where runs of spaces are one space; nearby
        runs share one copy, so a document is searched at most once more."""
        windows: list[list[int]] = []
        for a, b in runs:
            lo, hi = max(0, a - _LONGEST_NAME), min(len(search), b + _LONGEST_NAME)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        out = []
        for lo, hi in windows:
            piece = search[lo:hi]
            squeeze = _Squeeze([m.span() for m in _SPACE_RUN.finditer(piece)])
            for pattern, first, last in compiled.find_spellings(_SPACE_RUN.sub(" ", piece)):
                start, end = lo + squeeze.original(first), lo + squeeze.original(last - 1) + 1
                if end - start > last - first:  # it spans a squeezed run
                    out.append((pattern, start, end))
        return out

    def _listed_hits(self, text: str, search: str, compiled: CompiledGlossary,
                     hits: Iterable[tuple[int, int, int]], found: list[Match]) -> None:
        size = len(search)
        specs_of = compiled.search_specs
        for pattern, start, end in hits:
            if (start > 0 and is_word_char(search[start - 1])) or (
                    end < size and is_word_char(search[end])):
                continue  # inside a longer word
            written = text[start:end]
            tokens: list[Token] | None = None
            for spec in specs_of[pattern]:
                if written == spec.text:  # as listed: words, separators and case (most hits)
                    match = self._listed_match(text, start, end, spec)
                else:
                    if tokens is None:
                        tokens = tokenize(text, start, end)
                        folded = [t.folded for t in tokens]
                    match = self._align_listed(text, tokens, folded, 0, len(tokens), spec)
                if match is not None:
                    found.append(match)

    def _split_listed(self, text: str, compiled: CompiledGlossary, window: DocTokens,
                      capitals: Capitals) -> list[Match]:
        """Listed spellings with a word the text writes as two capitalized words ("Hossein
        Amir Abdollahian" for a listed "Hossein Amirabdollahian"): two neighbouring capitalized
        words whose letters, together, are a long word of some spelling (one set intersection
        per document finds them), then the usual alignment of the whole spelling."""
        words = capitals.folded
        pairs = compiled.split_words.keys() & set(map(str.__add__, words, words[1:]))
        found: list[Match] = []
        if not pairs:
            return found
        spans = capitals.spans
        for n in range(1, len(words)):
            joined_word = words[n - 1] + words[n]
            if joined_word not in pairs or spans[n][0] - spans[n - 1][1] > 3:
                continue
            tokens, _keys, at = window.around(spans[n - 1][0])
            if at is None:
                continue
            folded = [t.folded for t in tokens]
            for spec, part in compiled.split_words[joined_word]:
                i = at - part
                if i < 0:
                    continue
                end = align_tokens(text, tokens, i, folded, spec.folded, keys=False)
                match = None if end is None else self._align_listed(text, tokens, folded, i,
                                                                    end, spec)
                if match is not None:
                    found.append(match)
        return found

    def _align_listed(self, text: str, tokens: list[Token], folded: list[str], i: int, j: int,
                      spec: FormSpec) -> Match | None:
        """Tokens ``i:j`` spell ``spec`` (same letters; separators and joins checked)."""
        if _spelled_as_written(spec.text):
            # "Procter & Gamble", "Mustafa ef. Cerić", 'Esmael "Toto" Mangudadatu': word for
            # word, with the "&", the abbreviation's period or the quotes where the name has
            # them
            written = _written_gaps(spec.text)
            if folded[i:j] != list(spec.folded) or not all(
                    is_name_gap(text, tokens[k - 1].end, tokens[k].start)
                    or _AMPERSAND_GAP.fullmatch(text, tokens[k - 1].end, tokens[k].start)
                    or INITIAL_GAP.fullmatch(text, tokens[k - 1].end, tokens[k].start)
                    or (written[k - i - 1] and _gap_shape(text[tokens[k - 1].end:tokens[k].start])
                        == written[k - i - 1])
                    for k in range(i + 1, j)):
                return None
        elif not word_for_word(text, tokens, folded, i, j, spec) \
                and align_tokens(text, tokens, i, folded, spec.folded, keys=False) != j:
            return None
        if (self.case_sensitive or _is_acronym(spec.text)) and not _same_case(
                tokens[i:j], spec.text):
            return None
        return self._listed_match(text, tokens[i].start, tokens[j - 1].end, spec)

    @staticmethod
    def _listed_match(text: str, start: int, end: int, spec: FormSpec) -> Match:
        """The match of a listed spelling found at ``start:end``, with the letters around it
        that belong to it."""
        if spec.text[:1] in APOSTROPHES and start and text[start - 1] in APOSTROPHES \
                and text[end:end + 1] not in APOSTROPHES \
                and not (start >= 2 and is_word_char(text[start - 2])):
            start -= 1  # "‘Arīn al-Usūd": a leading ayn is the name's first letter (an
            # opening quote when one closes the name: "'Arīn al-Usūd'" keeps its quotes;
            # French elision's when a letter comes before it: "d'Abd al-Rahman")
        if spec.text[-1:] in _CLOSING_QUOTES:
            end = _with_closing_quote(text, end)  # 'Salah Abdallah "Gosh"': the nickname's
            # closing quote is part of the spelling, as its opening one is
        if spec.text.endswith(".") and text[end:end + 1] == "." \
                and text.count(".", start, end) == spec.text.count(".") - 1 \
                and _abbreviation_goes_on(text, end + 1):
            end += 1  # "U.S.", "Frangieh Jr." mid-sentence: the period is part of it; ending
            # one, it stays (only where the text writes the other periods: "US." is "US" and
            # a period)
        if spec.kind == "keep":
            return Match(start, end, spec, "keep")
        if spec.kind == "dropped":
            return Match(start, end, spec, "generated")
        return Match(start, end, spec, "exact" if text[start:end] == spec.text else "folded")

    @staticmethod
    def _inside_other_name(text: str, window: DocTokens, m: Match, after: bool = True) -> bool:
        """A spelling that must stand alone (``stands_alone``): with a capitalized name part
        next to it (before it only, without ``after``), it is part of some other, longer
        name."""
        tokens, _keys, first = window.around(m.start)
        _tokens, _keys, last = window.around(m.end - 1)
        return first is None or last is None or extends_name(text, tokens, first, last,
                                                              Occupied(()), after=after)

    def _translated(self, text: str, compiled: CompiledGlossary,
                    listed: list[Match]) -> list[Match]:
        """Names of organisations, places and events in translation ("Ligue arabe"). Not
        a common noun before a spelling the glossary lists for the same entry: in "le parti
        Fadhila", where "Fadhila" is listed, the name is "Fadhila" and "parti" stays the
        text's word, as a title before a person's name does."""
        out = []
        for found in compiled.translated.find(text):  # type: ignore[union-attr]
            if crosses_headline(text, found.start, found.end):
                continue  # the headline's last words and the story's first are two names
            if any(c.spec.entry == found.entry and found.start < c.start < found.end <= c.end
                   and text[found.start:c.start].islower() for c in listed):
                continue
            parts = tokenize(text, found.start, found.end)
            spec = FormSpec(found.entry, text[found.start:found.end],
                            tuple(p.folded for p in parts), part_keys(parts),
                            self.glossary.entries[found.entry].canonical, "translated", False)
            out.append(Match(found.start, found.end, spec, "translated"))
        return out
