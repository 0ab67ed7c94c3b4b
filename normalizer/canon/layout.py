"""Where a document's headline ends, whether a position starts a sentence, and whether a line
is set in title case or capitals: layout a capitalized word may owe its capital to."""

from __future__ import annotations

import re

from normalizer.matcher import PARTICLES
from normalizer.textfold import Token


def in_capitals_line(words: list[str], spans: list[tuple[int, int]], n: int) -> bool:
    """A word in capitals next to another one ("HTS SEIZES ALEPPO"): a headline, not an
    acronym used in running text."""
    return any(0 <= k < len(words) and len(words[k]) > 1 and words[k].isupper()
               and abs(spans[k][0] - spans[n][0]) <= len(words[k]) + len(words[n]) + 3
               for k in (n - 1, n + 1))


# Where a sentence starts: the text's start, or after . ! ? : or a line break (quotes aside).
# (a closing quotation mark or bracket may end the sentence: "... leadership.” Al-Sheikh")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\"'\u201d\u2019\u00bb)\]]*)"
                             r"[ \u00a0\"'\u201c\u00ab(]*$")


def next_start(tokens: list[Token], last: int | None) -> int:
    """Where the token after ``last`` starts (-1 when there is none)."""
    return tokens[last + 1].start if last is not None and last + 1 < len(tokens) else -1


def title_case_line(text: str, pos: int) -> bool:
    """Is the line around ``pos`` written in title case (a headline: every word of three
    letters or more capitalized, but the particles of names)?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = _LONG_WORD.findall(text, start, end if end >= 0 else len(text))
    return len(words) >= 3 and all(w[0].isupper() or w.lower() in PARTICLES
                                   or w.lower() in _MINOR_WORDS for w in words)


_LONG_WORD = re.compile(r"(?<![^\W_])[^\W\d_]{3,}")
# the words a headline in title case leaves in lower case ("Fuad Hussein Affirms that the
# Priorities of ... are ..."): articles, conjunctions, short prepositions
_MINOR_WORDS = frozenset("""the and but for nor yet that than with from into onto over amid
via per off out are was has had les des aux une sur par pour avec dans""".split())


def headline_end(text: str) -> int:
    """Where the document's headline ends: a first line of at most ``_HEADLINE`` characters
    with no sentence end, followed by a line that starts with a capital (not a sentence
    wrapped across lines); 0 when there is none."""
    end = text.find("\n", 0, _HEADLINE + 1)
    if end <= 0 or _WRAPPED.search(text, 0, end) or not _NEXT_LINE.match(text, end) or any(
            stop.group(1) is None or stop.group(1).lower() not in _ABBREVIATIONS
            for stop in _HEADLINE_STOP.finditer(text, 0, end)):
        return 0
    return end


_HEADLINE = 160
# a sentence ends inside the first line (not at the period of an initial: "N. Machnouk")
_HEADLINE_STOP = re.compile(r"(?:(?:(?<![^\W_])([A-Za-z]{2,})|(?<!\b[A-Z]))\.|[!?])"
                            r"[\s\"\u201d\u00bb]")
# abbreviations a headline writes with a period mid-line ("Iran Pres. Raeisi, FM ... die")
_ABBREVIATIONS = frozenset("""mr mrs ms dr pres gen lt col sgt capt gov sen rep sec st prof jr sr
maj adm brig cmdr amb vs""".split())
# a line that stops mid-sentence: at a comma or a function word
_WRAPPED = re.compile(r"(?:[,;]|\b(?i:of|and|or|the|a|an|to|in|on|at|for|with|by|from|as|de|du|des|"
                      r"la|le|les|et|ou|à|au|aux|en|un|une|sur|par|pour))[ \t]*$")
_NEXT_LINE = re.compile(r"\s*[\"\u201c\u00ab(]?[A-Z\u00c0-\u00de0-9]")


def starts_sentence(text: str, pos: int) -> bool:
    """Does a sentence start at ``pos``? A lower-case canonical ("al-Hayya") is capitalized
    there, as English and French write it. Not after an abbreviated title ("Mr.
    al-Nakhalah", "M. al-Soudani")."""
    found = _SENTENCE_START.search(text, max(0, pos - 6), pos)
    if found is None:
        return False
    before = _WORD_AND_PERIOD.search(text, max(0, found.start() - 8), found.start() + 1)
    return before is None or before.group(1).lower() not in _TITLE_ABBREVIATIONS


# the word a period ends, and the abbreviated titles whose period ends no sentence
_WORD_AND_PERIOD = re.compile(r"(?<![^\W_])([A-Za-z]{1,5})\.$")
_TITLE_ABBREVIATIONS = _ABBREVIATIONS | {"m", "mme", "mlle", "me", "dr", "pr"}


_QUOTE_PAIRS = {"\u2018": "\u2019", "\u201c": "\u201d", "\u00ab": "\u00bb", "\u2039": "\u203a"}


def splits_a_quote(text: str, start: int, end: int) -> bool:
    """Does ``start:end`` open a quotation that closes right after it ("Abdullahi ‘Irro’"
    matched up to "Irro")? Written as a name, it would leave the closing mark alone
    ("Abdullahi Irro’"), so the span is left as written."""
    after = text[end:end + 3].lstrip(" \u00a0")[:1]
    if not after:
        return False
    span = text[start:end]
    return any(span.count(opening) > span.count(closing) and after == closing
               for opening, closing in _QUOTE_PAIRS.items()) or (
        after == '"' and span.count('"') % 2 == 1)
