"""Aligning a glossary spelling's parts with the tokens of a text: one to one, by joining,
without articles, with one vowel off in a long part; and telling whether the tokens around an
aligned span go on into a longer name, in which case the span is someone else's."""

from __future__ import annotations

import re
from dataclasses import replace

from normalizer.canon.gaps import INITIAL_GAP, NASAB_AFTER
from normalizer.canon.match import Match, Occupied
from normalizer.canon.nearby import ARTICLE_NAME_AFTER, crosses_headline
from normalizer.commonwords import (
    TITLES_AFTER_NAMES,
    is_common_capitalized,
    is_ordinary_word,
    place_words,
)
from normalizer.glossary.ambiguous import GIVEN_NAMES
from normalizer.matcher import (
    NASAB,
    PARTICLES,
    TURKIC_PATRONYMICS,
    FormSpec,
    add_key,
    ayn_joined,
    concat_align,
    family_readings,
    joined,
    joined_with_bounds,
    joins_an_initial,
)
from normalizer.romanize import (
    ARTICLES,
    article_in_context,
    close_keys,
    e_for_i,
    name_key,
    surface_key,
)
from normalizer.textfold import APOSTROPHES, DASHES, Token, is_name_gap, tokenize


def align_tokens(text: str, tokens: list[Token], i: int, values: list[str],
                  parts: tuple[str, ...], keys: bool = True) -> int | None:
    """End index if tokens from ``i`` spell ``parts`` (joins allowed, boundaries nested).
    Romanization ``keys`` have no doubled letters, so one doubled across a join is one
    (``join_keys``); folded letters are compared as written ("ZeinaAkar")."""
    target, part_bounds = joined_with_bounds(parts, keys)
    acc = ""
    last = 0
    bounds: set[int] = set()
    j = i
    while len(acc) < len(target) and j < len(tokens):
        if j > i:
            if not is_name_gap(text, tokens[j - 1].end, tokens[j].start) and not (
                    len(tokens[j - 1].text) == 1
                    and INITIAL_GAP.fullmatch(text, tokens[j - 1].end, tokens[j].start)):
                return None  # not a name separator, nor the period of an initial ("T. ")
            bounds.add(len(acc))
        acc = add_key(acc, last, values[j]) if keys else acc + values[j]
        last = len(values[j])
        if not target.startswith(acc):
            return None
        j += 1
    if acc != target:
        return None
    end = j
    while j < len(tokens) and not values[j]:
        j += 1  # the rest of a word its key already spells ("ani" of "Qa’ani")
    if bounds == part_bounds:
        return j
    # (one side's seams within the other's; never a word written together with the middle
    # initial after it: "Julian Duncan" is not "Julia N. Duncan")
    if bounds < part_bounds:
        return None if joins_an_initial(parts, part_bounds - bounds, keys) else j
    if part_bounds < bounds:
        return None if joins_an_initial(values[i:end], bounds - part_bounds, keys) else j
    return None


def word_for_word(text: str, tokens: list[Token], folded: list[str], i: int, j: int,
                   spec: FormSpec) -> bool:
    """Tokens ``i:j`` are the spelling's words one space apart: the usual case, which
    ``align_tokens`` accepts too, decided without it."""
    return j - i == len(spec.folded) and tuple(folded[i:j]) == spec.folded and all(
        tokens[k].start - tokens[k - 1].end == 1 and text[tokens[k].start - 1] == " "
        for k in range(i + 1, j))


def gaps_ok(text: str, tokens: list[Token], i: int, j: int) -> bool:
    return all(is_name_gap(text, tokens[k - 1].end, tokens[k].start) for k in range(i + 1, j))


def same_without_articles(text: str, tokens: list[Token], keys: list[str], i: int, j: int,
                           spec: FormSpec, own: frozenset[str] = frozenset()) -> bool:
    """"Yahya al-Sinouar" ~ "Yahya Sinwar": an article present on one side only."""
    if not gaps_ok(text, tokens, i, j):
        return False
    have = tuple(keys[k] for k in range(i, j) if keys[k] != "al")  # articles in context
    # (by key on both sides: the "ath" of "Mu'ath" looks like an article, but its key is the
    # word's, so "Safi Yousef al-Kasasbeh" is not "Mu'ath Safi Yousef Al-Kaseasbeh")
    want = tuple(k for k in spec.keys if k != "al")
    if len(have) < 2 or len(have) == j - i and len(want) == len(spec.keys):
        return False  # no article anywhere: the plain alignment already decided
    if concat_align(have, want) == (0, len(have)):
        return True
    # the "g" of a qaf: "Muammar al-Qadhafi" for Muammar Gaddafi, and the other way round
    # (``own``: the keys of the entry's words, "g" and all); a final "e" for "-eh" as well
    text_readings = () if keys[j - 1] in own else family_readings(tokens[j - 1].folded)
    return (any(concat_align(have, (*want[:-1], other)) == (0, len(have))
                for other in family_readings(spec.folded[-1]))
            or any(concat_align((*have[:-1], other), want) == (0, len(have))
                   for other in text_readings)) \
        and not crosses_headline(text, tokens[i].start, tokens[j - 1].end)  # as above


def fuzzy_without_articles(text: str, tokens: list[Token], keys: list[str], i: int, j: int,
                            spec: FormSpec) -> bool:
    """"Hanafi Ali Gibali" ~ "Hanafy Ali El Gebali": an article on one side only and one
    part a vowel off (``fuzzy_parts``), when two other parts agree exactly."""
    kept = [k for k in range(i, j) if keys[k] != "al"]
    want = [n for n, k in enumerate(spec.keys) if k != "al"]
    if len(kept) != len(want) or len(kept) < 3 or (len(kept) == j - i
                                                   and len(want) == len(spec.keys)):
        return False  # no article anywhere: the plain alignment already decided
    if sum(1 for k, n in zip(kept, want, strict=True) if keys[k] == spec.keys[n]) < 2 \
            or not gaps_ok(text, tokens, i, j):
        return False
    bare = replace(spec, keys=tuple(spec.keys[n] for n in want),
                   folded=tuple(spec.folded[n] for n in want))
    return fuzzy_parts([tokens[k] for k in kept], [keys[k] for k in kept], bare)


def vowel_variant(token: Token, key: str, spec: FormSpec) -> bool:
    """A family name of 6+ letters spelled with one other vowel ("Mohandes", "Hifter"), or
    of 8+ with one vowel less ("Kamaruzzman" for Kamaruzzaman), once the person was named
    in full (the caller's short-form context makes this safe)."""
    want = spec.keys[-1]
    if len(key) == len(want) - 1:
        return len(spec.folded[-1]) >= LONG_FAMILY and close_keys(key, want)
    return (min(len(token.folded), len(spec.folded[-1])) >= 6 and len(key) == len(want)
            and close_keys(key, want))


LONG_FAMILY = 8  # letters of a family name that may lose a vowel in a short form


def fuzzy_parts(tokens: list[Token], keys: list[str], spec: FormSpec) -> bool:
    """Part-by-part alignment with at most one vowel off in long parts; family name strict.

    A given name may differ by one vowel when it has 6+ letters (5+ when two other name parts
    agree exactly: "Abdel-Malek Al-Houthi"); the family name only with 7+ letters, by one
    vowel substituted ("Mohandes"/"Muhandis", never "Karimi"/"Karami") or one vowel more or
    less ("Qardawi"/"Qaradawi", never "Hamdi"/"Hamadi"; 5+ letters when two parts agree)."""
    last = len(spec.keys) - 1
    pairs = list(zip(tokens, keys, spec.keys, spec.folded, strict=True))
    exact = sum(1 for _, key, want, folded in pairs if key == want and folded not in ARTICLES)
    fuzzy = 0
    for n, (tok, key, want, want_folded) in enumerate(pairs):
        if key == want:
            continue
        if e_for_i(tok.folded, want_folded) and len(want_folded) >= 4:
            fuzzy += 1  # "Hadi al-Ameri" for "Hadi al-Amiri"
            continue
        minimum = (7 if exact < 2 else 5) if n == last else 5 if exact >= 2 else 6
        if min(len(tok.folded), len(want_folded)) < minimum or not close_keys(key, want):
            return False
        if n == last and len(key) != len(want) and exact < 2 and min(
                len(tok.folded), len(want_folded)) < 7:
            return False  # a vowel dropped from a short family name needs two parts agreeing
        fuzzy += 1
    return exact >= 1 and exact + fuzzy >= 2


_EZAFE = frozenset({"e", "ye", "i"})  # Persian ezafe: "Babak-e Khorramdin"


def capitalized_run(tokens: list[Token], keys: list[str], i: int, j: int) -> bool:
    """Every part capitalized, except particles (al-, bin, ibn, de) and articles in context
    (the "ur" of "Zaki-ur-Rehman"); a lower-case start only when it is an article in context
    ("al-Sadr", not "as Sadr")."""
    if not tokens[i].text[:1].isupper() and keys[i] != "al":
        return False
    return all(t.text[:1].isupper() or t.folded in PARTICLES or keys[k] in ("", "al")
               or (t.folded in _EZAFE and i < k < j - 1)
               for k, t in enumerate(tokens[i:j], start=i))


def _country_of(tokens: list[Token], head: int, word: str) -> bool:
    """Is the word a country's or capital's name after "of" or "de" ("the Foreign Minister of
    Iraq Fuad Hussein", "le ministre du Liban ...")? It ends the title before the name."""
    return head > 0 and tokens[head - 1].folded in _OF and word in place_words()


_OF = frozenset("of de du".split())


def extends_name(text: str, tokens: list[Token], first: int, last: int, taken: Occupied,
                  after: bool = True) -> bool:
    """A capitalized neighbour (not a title or sentence opener) makes a longer, other name.

    Articles are looked through: "Yahya al-Sinouar" is one name, so "Sinouar" in it is not a
    short form on its own.
    """
    k = first
    while k > 0 and is_name_gap(text, tokens[k - 1].end, tokens[k].start):
        prev = tokens[k - 1]
        if prev.folded in ARTICLES and article_in_context(
                prev.folded, not text[prev.end:tokens[k].start].isspace()):
            k -= 1  # "al-Sinouar", not the French "et" of "el-Sarraj et Manfi"
            continue
        if prev.folded in NASAB or prev.folded in TURKIC_PATRONYMICS or (
                prev.folded in _EZAFE and k >= 2 and text[prev.start - 1] in DASHES):
            return True  # "Mohammed bin Zayed", "Refat Abdurahman oğlu Çubarov", "Babak-e
            # Khorramdin": the father's name or a name part inside a longer name
        head = k - 1  # the start of the word the previous token ends ("Shia’a")
        while head > 0 and joined(text, tokens[head - 1], tokens[head]):
            head -= 1
        if head < k - 1 and prev.folded == "s":
            break  # a possessive: "Burkina's Roch Kaboré"
        led_by_article = False
        while head < k - 1 and (tokens[head].folded in ARTICLES or (
                tokens[head].folded in _ELIDED and text[tokens[head].end] in APOSTROPHES)):
            led_by_article = led_by_article or tokens[head].folded in ARTICLES
            head += 1  # "al-Ahmad" is capitalized where the name starts, after its article;
            # "d'Ahmadi" after the French elided "d'"
        # (a title never takes an article: "el-Mullah" in "Wafa el-Mullah al-Howeish" is a
        # name part)
        # (a word an ayn or hamza runs through, whole: "Ne'matallah" is no French "ne")
        word = "".join(t.folded for t in tokens[head:k]) if head < k - 1 and all(
            ayn_joined(text, tokens[j], tokens[j + 1]) for j in range(head, k - 1)) \
            else tokens[head].folded
        if (tokens[head].text[:1].isupper() and (
                led_by_article or not _ordinary_not_a_name(word))
                and not taken.covers(prev.start)
                and not _country_of(tokens, head, word)):
            return True
        break
    if after and last + 1 < len(tokens):
        nxt = tokens[last + 1]
        gap = text[tokens[last].end:nxt.start]
        if (nxt.text[:1].isupper() and is_name_gap(text, tokens[last].end, nxt.start)
                and not any(c in gap for c in "'\u2019")
                and nxt.folded not in TITLES_AFTER_NAMES):  # "El-Nokrashy Pasha"
            return True
        if ARTICLE_NAME_AFTER.match(text, tokens[last].end):
            return True  # "Busra al-Harir": an article-led name part goes on
        if NASAB_AFTER.match(text, tokens[last].end):
            return True  # "Abu Obaida ibn al-Jarrah": a son's name goes on with his father's
    return False


_ELIDED = frozenset({"d", "l", "qu", "j", "n", "s", "m", "t", "c", "jusqu", "lorsqu", "puisqu"})


def _ordinary_not_a_name(folded: str) -> bool:
    """A title, a sentence opener or a frequent word that is no given name: capitalized
    before a name in a title-case headline ("Where Is Izzat al-Duri?"), not part of it."""
    return is_ordinary_word(folded) and folded not in GIVEN_NAMES


SENTENCE_END = re.compile(r"\s*$|\s*\n|\s+[\"\u201c(]?[A-Z\u00c0-\u00de]")


def with_initial_before(text: str, tokens: list[Token], first: int, m: Match,
                  canonical: str) -> Match | None:
    """"A. Abdellahian", "I. Raissi", "A. P. Kayani": initials and a family name name the
    person in full; after the person's own first name too ("Said A. Deni" for Said Abdullahi
    Deni, never "Said Said Abdullahi Deni"); after another capitalized name it is someone else
    (None)."""
    parts = tokenize(canonical)
    initials = {c for p in parts[:-len(m.spec.keys)] if p.folded
                for c in (p.folded[0], name_key(p.folded)[:1])} - {"m"}
    def initial_before(k: int, known: bool) -> bool:
        return k > 0 and len(tokens[k - 1].text) == 1 and tokens[k - 1].text.isupper() \
            and (not known or tokens[k - 1].folded in initials) \
            and INITIAL_GAP.fullmatch(text, tokens[k - 1].end, tokens[k].start) is not None

    k = first
    while initial_before(k, known=True):
        k -= 1  # one more initial
    if initial_before(k, known=False):
        # a middle initial the canonical has no name for, after the person's own first
        # name: "Ghazi A. Algosaibi" for Ghazi Al Gosaibi is the person in full
        other = k
        while initial_before(other, known=False):
            other -= 1
        if other >= 1 and len(parts) >= 2 and is_name_gap(
                text, tokens[other - 1].end, tokens[other].start) and surface_key(
                tokens[other - 1].text, tokens[other - 1].folded) == surface_key(
                parts[0].text, parts[0].folded):
            return Match(tokens[other - 1].start, m.end, replace(m.spec, target=canonical),
                         m.rule)
        if other >= 1 and tokens[other - 1].text[:1].isupper() and is_name_gap(
                text, tokens[other - 1].end, tokens[other].start) \
                and not is_common_capitalized(tokens[other - 1].folded):
            return None  # "Shah A. M. S. Kibria": another person's name and initials
    if k == first:
        return m
    start = tokens[k].start
    if k >= 1 and tokens[k - 1].text[:1].isupper() and is_name_gap(
            text, tokens[k - 1].end, tokens[k].start):
        given = tokens[k - 1]
        if len(parts) >= 3 and surface_key(given.text, given.folded) == surface_key(
                parts[0].text, parts[0].folded):
            start = given.start
        elif not is_ordinary_word(given.folded):  # "Mr A. Deni", "Then A. Deni"
            return None  # "Abdi A. Deni": another person's initial
    return Match(start, m.end, replace(m.spec, target=canonical), m.rule)
