"""Countries and their adjectives ("Iraqi", French "irakienne") before or after a body's
name: "the Iraqi Football Association" is not the Saudi one the glossary names."""

from __future__ import annotations

import re
from functools import lru_cache

from normalizer.commonwords import place_words
from normalizer.textfold import fold_token, tokenize
from normalizer.translated_names import load_lexicon


@lru_cache(maxsize=4096)
def nation_of_word(folded: str) -> str | None:
    """The country a folded word names or is the adjective of ("egyptian", "egypt": egypt),
    by the English lexicon, the place words and ``demonym``; None for any other word."""
    lexicon = load_lexicon("en")
    for word in (lexicon.words.get(folded, ()) if lexicon else ()):
        if word in place_words():
            return word
    if folded in place_words():
        return folded
    for ending, back in (("ian", ""), ("an", ""), ("n", ""), ("ese", ""), ("an", "o"),
                         ("ian", "ia"), ("i", "")):
        stem = folded[:len(folded) - len(ending)] + back
        if folded.endswith(ending) and len(stem) >= 3 and stem in place_words():
            return stem
    return None


def of_another_nation(before: str, canonical: str) -> bool:
    """Is ``before`` a country or its adjective, and the canonical of a body of another one
    ("Egyptian Journalists' Syndicate" against the Sudanese Journalists Syndicate)?"""
    nation = nation_of_word(fold_token(before))
    if nation is None:
        return False
    theirs = _nations_of(canonical)
    return bool(theirs) and nation not in theirs


def _nations_of(canonical: str) -> set[str]:
    """The countries a body's canonical names ("Sudanese Journalists Syndicate": sudan)."""
    return {n for word in canonical_words(canonical) if (n := nation_of_word(word)) is not None}


@lru_cache(maxsize=4096)
def canonical_words(canonical: str) -> frozenset[str]:
    """The folded words of a canonical, made once per canonical."""
    return frozenset(t.folded for t in tokenize(canonical))


# Words that make a body's name the name of a wider one: the "International Association of
# Judges" is not a country's "Association of Judges", nor the "World Health Organization" a
# "Health Organization"
_WIDER_SCOPE = frozenset("international world global regional continental universal".split())


def wider_body(before: str, canonical: str) -> bool:
    """Is ``before`` a word of scope ("International") that the body's canonical lacks?"""
    word = fold_token(before)
    return word in _WIDER_SCOPE and word not in canonical_words(canonical)


# a country's name after "of" ("du", "de la"), or a French adjective after the name
_NATION_AFTER = re.compile(r"[ \u00a0]+(?:(?:of(?: the)?|du|de la|de l[’']|des|de|d[’'])"
                           r"[ \u00a0]*)?([^\W\d_]+)")
_FEMININE = (("ienne", "ien"), ("enne", "en"), ("aise", "ais"), ("ise", "is"), ("ine", "in"))


def another_nation_after(text: str, end: int, canonical: str) -> bool:
    """Does another country follow a body's name, by name after "of"/"du" or as a French
    adjective ("l'UÇK macédonienne", the Macedonian UÇK, not the Kosovo Liberation Army)? Only
    for a canonical that names its own country: "le Hezbollah libanais" stays Hezbollah."""
    found = _NATION_AFTER.match(text, end)
    if found is None:
        return False
    word = fold_token(found.group(1))
    nation = nation_of_word(word) or _french_nation(word)
    if nation is None:
        return False
    theirs = _nations_of(canonical)
    return bool(theirs) and nation not in theirs


def _french_nation(folded: str) -> str | None:
    """The country a French adjective names ("macédonienne", "irakiens": by the French
    lexicon, in the masculine singular)."""
    lexicon = load_lexicon("fr")
    if lexicon is None:
        return None
    words = [folded, folded[:-1]] if folded.endswith("s") else [folded]  # "libanais"
    forms = words + [w[:-len(f)] + m for w in words for f, m in _FEMININE if w.endswith(f)]
    for form in forms:
        for english in lexicon.words.get(form, ()):
            if (nation := nation_of_word(english)) is not None:
                return nation
    return None


@lru_cache(maxsize=4096)
def demonym(word: str) -> bool:
    """An English adjective of a country the lexicon does not list, read from the country's
    name: "nigerian", "chadian", "senegalese", "moroccan" ("Nigerian Tijaniyya" is the order,
    in Nigeria)."""
    for ending, back in (("ian", ""), ("an", ""), ("n", ""), ("ese", ""), ("an", "o"),
                         ("ian", "ia"), ("i", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3 \
                and word[:len(word) - len(ending)] + back in place_words():
            return True
    return False


_WORD_BEFORE_ANY = re.compile(r"(?<![^\W_])([^\W\d_]+)(?:['\u2019]s)?[ \u00a0]+\Z")


def another_nation_before(text: str, start: int, canonical: str) -> bool:
    """Is the word before ``start`` a country, its adjective or its possessive that the
    canonical does not name ("Iraq's Islamic Resistance Movement", "the Iraqi Islamic
    Resistance Movement" is no Hamas)?"""
    found = _WORD_BEFORE_ANY.search(text, max(0, start - 30), start)
    if found is None:
        return False
    nation = nation_of_word(fold_token(found.group(1)))
    return nation is not None and nation not in _nations_of(canonical)
