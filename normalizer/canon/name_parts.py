"""What a capitalized word may be inside an Arabic, Persian or Turkic name: a particle, a
middle or father's name, the start of an added name ("Abdel", a nisba, a Turkic patronymic),
the head of a joined family name ("Ben", "Al")."""

from __future__ import annotations

import re
from functools import lru_cache

from normalizer.canon.gaps import NASAB_GAP, TURKIC_GAP
from normalizer.commonwords import TITLES, is_ordinary_word, place_words
from normalizer.glossary.ambiguous import GIVEN_NAMES
from normalizer.matcher import COMPOUND_HEADS, NASAB, SERVANT_OF
from normalizer.namesim import GIVEN_NAME_KEYS
from normalizer.romanize import ARTICLES, MUHAMMAD, name_key
from normalizer.textfold import fold_token, tokenize
from normalizer.translated_names import english_word, load_lexicon


def fathers_name_before(word: str, key: str) -> bool:
    """Does a given name right before a person's full name make a son's name of it ("Yahya
    Abdullah Ayedh Al-Razami")? Not Muhammad (often the person's own first name, left out),
    an "Abd" or "Abu" the name completes ("Abdel Aziz Doweik"), nor a given name that is also
    a title or honorific ("Sultan Haitham bin Tariq", "Hafiz Saad Hussain Rizvi")."""
    folded = fold_token(word)
    return (folded in GIVEN_NAMES or key in GIVEN_NAME_KEYS) and key != MUHAMMAD \
        and folded not in COMPOUND_HEADS and folded not in TITLES \
        and folded not in HONORIFIC_NAMES


HYPHENS = frozenset("-\u2010\u2011")  # what joins the words of a compound name

# given names that are also titles or honorifics before a name
HONORIFIC_NAMES = frozenset("""sultan hafiz hafez amir malik haji hajji hadj hadji hajj agha
mir shah khan pasha bey sayed syed sayid seyyid sharif cherif chérif""".split())
_SON_OF = NASAB | {"bent", "ould", "ag"}  # French "bent", Mauritanian "ould", Tuareg "ag"


@lru_cache(maxsize=10_000)
def name_count(spelling: str) -> int:
    """How many names a spelling has: not its articles, "bin" or initials ("M."), and "Abdel
    Rahman" is one name as "Abdurrahman" is."""
    tokens = tokenize(spelling)
    count = 0
    for n, token in enumerate(tokens):
        folded = token.folded
        if folded not in ARTICLES and folded not in _SON_OF and len(folded) > 1 and not (
                n and tokens[n - 1].folded in SERVANT_OF):
            count += 1
    return count


def particle_before(words: list[str], n: int) -> int:
    """1 when capitalized word ``n`` is led by a capitalized article or "Bin" ("Al-Madani",
    "Bin Dagher"), the start of the family name; else 0."""
    return 1 if n >= 1 and words[n - 1].lower() in FAMILY_LEADS else 0


FAMILY_LEADS = frozenset({"al", "el"}) | NASAB


def added_name_starts(folded: list[str], last: int, father: bool = False,
                       unknown: bool = False) -> list[int]:
    """Where one, then two, middle names ending at capitalized word ``last`` start, read
    backwards: a given name, an "Abdul X" compound written as two words or joined ("Tawakkol
    Abdel-Salam Karman", "Abdulameer"), a sayyid's nisba ("Ali Hosseini Khamenei") or a
    patronymic ("Nursultan Abishevich Nazarbayev", "Kassym-Jomart Kemelouly Tokayev"), each
    maybe led by its article ("Mariam Al-Sadiq Al-Mahdi", "Ali al-Husseini al-Sistani").
    With ``father`` (a "bin" before word ``last``, or a Turkic "oglu" after it), that word
    is a father's name whatever it is ("Nasser bin Ghanim Al-Khelaifi"). With ``unknown``,
    one word that is none of these but may be a name (``may_be_middle_name``) counts too:
    the starts from it on are the ones a strict call does not return."""
    starts: list[int] = []
    i = last
    while i >= 0 and len(starts) < 2:
        if i >= 1 and folded[i - 1] in SERVANT_OF:
            i -= 2
        elif (father and i == last) or (kind := _middle_word_kind(folded[i])) == _NAME_WORD:
            i -= 1
        elif unknown and kind == _MAYBE_NAME:
            unknown = False
            i -= 1
        else:
            break
        if i >= 1 and folded[i] in ("al", "el"):
            i -= 1  # a capitalized article: "Al-Sadiq"
        starts.append(i + 1)
    return starts


_NAME_WORD, _MAYBE_NAME = 1, 2


@lru_cache(maxsize=100_000)
def _middle_word_kind(folded: str) -> int:
    """What ``added_name_starts`` reads a word as, once per word: a middle name any table
    knows (``_NAME_WORD``: a given name, in another romanization too, "Yaqoub" for Yaqub; a
    nisba, a joined "Abdul X", a patronymic), a word that may still be one
    (``_MAYBE_NAME``), or neither (0)."""
    if folded in GIVEN_NAMES or folded in _NISBAS or (
            len(folded) >= 7 and folded.startswith(_JOINED_SERVANT_OF)) or (
            name_key(folded) in GIVEN_NAME_KEYS) or (
            len(folded) >= 6 and _PATRONYMIC.search(folded)):
        return _NAME_WORD
    return _MAYBE_NAME if may_be_middle_name(folded) else 0


def fathers_name(text: str, spans: list[tuple[int, int]], n: int) -> bool:
    """Is capitalized word ``n`` a father's name, after "bin" ("Nasser bin Ghanim") or
    before a Turkic "oglu" or "kyzy" ("Zakir Asger oghlu Hasanov")?"""
    if n < 1:
        return False
    gap_start, gap_end = spans[n - 1][1], spans[n][0]
    if 4 <= gap_end - gap_start <= 8 and NASAB_GAP.fullmatch(text, gap_start, gap_end):
        return True
    return n + 1 < len(spans) and TURKIC_GAP.fullmatch(text, spans[n][1],
                                                        spans[n + 1][0]) is not None


@lru_cache(maxsize=100_000)
def may_be_middle_name(folded: str) -> bool:
    """A capitalized word no table knows that may still be a middle or father's name
    ("Khalid Mahfouad Bahah", "Bashar Matti Warda"): no ordinary word, no place, no word of
    organisations' names ("Abu Ali Mustafa Brigades" is a unit), and not the second half of
    a compound given name ("Ahmad Shah Massoud" is not Ahmad Massoud)."""
    return len(folded) >= 3 and folded.isalpha() and folded not in _COMPOUND_SECONDS \
        and not is_ordinary_word(folded) and folded not in place_words() \
        and english_word(folded) not in _NAME_VOCABULARY


# second halves of compound given names: "Ahmad Shah", "Ahmad Wali", "Mohammad Khan"
_COMPOUND_SECONDS = frozenset("""shah chah wali vali khan jan gul mir allah ullah din eddine
uddin eddin uldin""".split())
_JOINED_SERVANT_OF = tuple(sorted(SERVANT_OF))
# The nisbas of the Prophet's descendants (sayyids), written between a cleric's given and family
# names: "Ali Hosseini Khamenei", "Akbar Hashemi Rafsanjani", "Ali al-Husseini al-Sistani".
_NISBAS = frozenset("""hosseini husseini hussaini husaini hosseyni hashemi hashimi hassani
mousavi musavi musawi moussawi tabatabai tabatabaei alavi alawi razavi""".split())
# Russian, Central Asian and Azerbaijani patronymics, a father's name as a middle name.
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovitch|evitch|ovych|evych|ovna|evna|uly|ouly|kyzy"
                         r"|qizi|ogly)$")
# Words that qualify a name without starting another one: demonyms ("Lebanese Hezbollah"),
# from the English variants lexicon.
SAME_NAME_WORDS = frozenset(load_lexicon("en").words) if load_lexicon("en") else frozenset()
# the English words of organisations', places' and events' names (the lexicons' words)
_NAME_VOCABULARY = SAME_NAME_WORDS | frozenset(
    word for lexicon in filter(None, (load_lexicon("fr"), load_lexicon("en")))
    for words in lexicon.words.values() for word in words)
# a family name's first word that the family name is also written joined to
JOINABLE_HEADS = frozenset("ben bin ibn al el".split())


def joined_head(folded: str) -> str:
    """The "Ben" or "Al" a one-word family name starts with ("benkhedda", "alsanousi"),
    before four letters or more; "" if none."""
    for head in JOINABLE_HEADS:
        if folded.startswith(head) and len(folded) - len(head) >= 4:
            return head
    return ""
