"""Compile a glossary into fast lookup structures for one document language.

Contract: ``CompiledGlossary`` holds every spelling of every entry as a ``FormSpec`` (its folded
parts, romanization keys, what it is replaced with, and when it may be used), an Aho-Corasick
automaton over every way a listed spelling can appear in a document's search text (parts
separated by one space or written together: ``search_keys``), an index by the keys of a name's
last parts for unlisted romanizations, and the derived short forms of person entries.
Building is the expensive step; matching a text only consults these structures.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import combinations, product

import ahocorasick_rs

from normalizer.commonwords import TITLES, TITLES_AFTER_NAMES
from normalizer.glossary import Entry, Glossary, form_key
from normalizer.glossary.ambiguous import COMMON_WORDS, GIVEN_NAMES, ambiguity
from normalizer.romanize import (
    ARTICLES,
    GIVEN_NAME_KEYS,
    MUHAMMAD,
    VOWELS,
    close_keys,
    context_key,
    din_compound_forms,
    name_key,
    surface_key,
    vowel_deletions,
)
from normalizer.textfold import (
    APOSTROPHES,
    Token,
    fold_token,
    search_text,
    tokenize,
    word_chars_at,
)
from normalizer.translated_names import (
    SAME_LANGUAGE,
    TranslatedNames,
    english_variants,
    load_lexicon,
)

# Lower-case words allowed inside a capitalized name (particles) and words that do not make a
# glossary name "person-like".
PARTICLES = frozenset("""a al el ul ad ar as ash at az an bin ibn bint ben abu abou de da du van
von der la le ed ud uddin""".split())
# Turkic "son of" / "daughter of" after a father's name, folded ("oğlu", "qızı")
TURKIC_PATRONYMICS = frozenset("oglu oghlu ogly ogli uly kyzy kizi qizi gizi".split())
PARTICLES |= TURKIC_PATRONYMICS
# Lower-case particles the pair index looks through, as the text-side lookup does.
PAIR_PARTICLES = frozenset("bin ibn bint ben de da du van von der e i".split())  # e, i: ezafe
# Words that make one name with the next ("Abdul Latif", "Abu Mahdi").
COMPOUND_HEADS = frozenset("abd abdul abdel abdol abdal abu abou abo abul aboul abol".split())
SERVANT_OF = frozenset("abd abdul abdel abdol abdal".split())  # "Abdul X" is one name
NASAB = frozenset({"bin", "ibn", "ben", "bint"})  # "son/daughter of": a father's name follows
# A regnal number inside a name, left out like a middle given name ("Louis Raphaël I Sako")
REGNAL = re.compile(r"I{1,3}|IV|VI{0,3}|IX|X")  # a ruler's number: "Sanusi II"
# a ruler "the First" at the end of a spelling: "Selim I", "Selim Ier", "Fouad 1er"
_FIRST_OF_THE_NAME = re.compile(r"(?<=[^\W\d_]) (?:I|Ier|1er)$")
# "and" in each language, for names written with "&" ("Instance Vérité & Dignité")
_AND_WORDS = {"en": ("and",), "fr": ("et",), "es": ("y",), "de": ("und",), "it": ("e",),
              "pt": ("e",), "nl": ("en",)}
MIN_SPLIT_WORD = 7  # shorter words are not looked for written as two ("Abdullatif": 10)
CONNECTORS = frozenset({"of", "the", "and", "for", "de", "la", "le", "les", "des", "du", "et",
                        "pour", "del", "y"})
_VOWEL = re.compile(r"[aiuy]")


GIVEN_KEYS = frozenset(name_key(name) for name in GIVEN_NAMES)  # the keys of given names
_G_AS_QAF = re.compile(r"g(?!h)")


def qaf_key(folded: str) -> str | None:
    """The key of a family name with its "g" read as the qaf that Libya and the Gulf sound
    so ("Gaddafi" = Qaddafi = Kadhafi, "Al-Hogail" = Al-Hoqail), where ``name_key`` reads it
    as Egypt's jim ("Gamal" = Jamal). None for a given name either way (Gamal is not Kamal),
    a word of four letters or less, or one without such a "g"."""
    if len(folded) < 5 or not _G_AS_QAF.search(folded):
        return None
    key = name_key(_G_AS_QAF.sub("q", folded))
    return None if key in GIVEN_KEYS or name_key(folded) in GIVEN_KEYS else key


# a consonant and an "e" ("Saade", "Barake"); not "-ne", the French "Hamdane" for Hamdan
_FINAL_TA_MARBUTA = re.compile(r"[^aeiouyhn]e$")


def ta_marbuta_key(folded: str) -> str | None:
    """The key of a family name whose final "e" after a consonant is the ta marbuta that
    others write "-eh" or "-a" ("Joseph Saade" = Saadeh, "Omar Karame" = Karameh), where
    ``name_key`` drops it as a French mute "e" ("Saade" = Saad). None where that reading is
    a given name, for a word of four letters or less, or for another ending."""
    if len(folded) < 5 or not _FINAL_TA_MARBUTA.search(folded):
        return None
    key = name_key(folded + "h")
    return None if key in GIVEN_KEYS else key


def family_readings(folded: str) -> tuple[str, ...]:
    """The other keys a family name may be read by (``qaf_key``, ``ta_marbuta_key``): one
    spelling of it in a text, another in the glossary."""
    return tuple(key for key in (qaf_key(folded), ta_marbuta_key(folded)) if key is not None)


def masked(key: str) -> str:
    """A key with vowels blanked: finds names that differ by one vowel for verification."""
    return _VOWEL.sub("*", key)


@dataclass(frozen=True, slots=True)
class FormSpec:
    """One spelling to look for and what to write instead.

    ``kind`` is ``listed`` (a glossary spelling), ``dropped`` (a person's canonical name
    without middle given names: used where no other capitalized name part is next to it),
    ``partial`` (a word of a person's canonical name, used only after a full mention) or
    ``keep`` (a look-alike left alone).
    ``short`` spellings are a bare family name: they pass the short-form checks (not part of a
    longer, other name; no other entry or person in the document shares them);
    ``after_full`` ones also need the entry named in full earlier in the same document.
    """

    entry: int
    text: str
    folded: tuple[str, ...]
    keys: tuple[str, ...]
    target: str
    kind: str
    after_full: bool
    short: bool = False
    origin: str = ""  # "alias" (shipped known alias) or "translated": not the user's spelling
    # the parts that are not articles: read for every mention, so counted once
    name_parts: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name_parts",
                           sum(1 for f in self.folded if f not in ARTICLES))

    def anywhere(self) -> FormSpec:
        """The same spelling, usable without a prior full mention."""
        return replace(self, after_full=False, short=False)


def part_keys(parts: list[Token], text: str | None = None) -> tuple[str, ...]:
    """Romanization keys of a name's parts; with ``text``, article-like words count as
    articles only where they are joined to the next part."""
    if text is None:
        return tuple(surface_key(p.text, p.folded) for p in parts)
    keys = [context_key(p.text, p.folded, k + 1 < len(parts) and not any(
        c.isspace() for c in text[p.end:parts[k + 1].start])) for k, p in enumerate(parts)]
    for k in range(len(parts) - 1, 0, -1):
        if ayn_joined(text, parts[k - 1], parts[k]):
            # "Sa'ar" is one word (the apostrophe writes a consonant): its key on its last
            # part, where a short form is looked up, as "Saar" is
            first = k - 1
            while first and ayn_joined(text, parts[first - 1], parts[first]):
                first -= 1
            word = text[parts[first].start:parts[k].end]
            keys[first:k + 1] = [""] * (k - first) + [surface_key(word, fold_token(word))]
    return tuple(keys)


def concat_align(seq_a: tuple[str, ...], seq_b: tuple[str, ...],
                 keys: bool = True) -> tuple[int, int] | None:
    """Where ``seq_b`` sits inside ``seq_a`` as a contiguous run of whole or joined parts.

    Both sides are lists of strings; they align when a run of ``seq_a`` and all of ``seq_b``
    spell the same string and one side's part boundaries are a subset of the other's (so only
    joins differ: "Amir Abdollahian" ~ "Amirabdollahian", never "Husseini Brahim" ~
    "Hussein Ibrahim"). Romanization ``keys`` are joined by ``join_keys``; other strings
    (folded letters) as written. Returns the part range in ``seq_a``.
    """
    target, bounds_b = joined_with_bounds(seq_b, keys)
    for k in range(len(seq_a)):
        acc, last = "", 0
        for m in range(k, len(seq_a)):
            acc = add_key(acc, last, seq_a[m]) if keys else acc + seq_a[m]
            last = len(seq_a[m])
            if not target.startswith(acc):
                break
            if acc == target:
                bounds_a = joined_with_bounds(seq_a[k:m + 1], keys)[1]
                if bounds_a != bounds_b and (bounds_a <= bounds_b or bounds_b <= bounds_a):
                    finer, coarser, parts = (bounds_b, bounds_a, seq_b) \
                        if bounds_a <= bounds_b else (bounds_a, bounds_b, seq_a[k:m + 1])
                    if joins_an_initial(parts, finer - coarser, keys):
                        break  # "Julian Duncan" is not "Julia N. Duncan"
                if bounds_a <= bounds_b or bounds_b <= bounds_a:
                    return k, m + 1
                break
    return None


def joins_an_initial(parts: tuple[str, ...] | list[str], joins: set[int], keys: bool) -> bool:
    """Is one of the ``joins`` (seams of the joined ``parts``) a word written together with
    the middle initial after it (a consonant alone before another word)? That is never a way
    of writing a name ("Julian" for "Julia N."); an initial before a word is ("M.Hisbullah",
    "Mhamed" for "M'hamed"), and so are a vowel, the Urdu "-e-" ("Tehreeke-Labbaik"), an
    "s" ("Lions' Den" as "Lion's Den") and a last letter ("ISK" for "IS-K")."""
    out, last = "", 0
    for n, part in enumerate(parts):
        if n and len(out) in joins and last > 1 and len(part) == 1 and part not in "aeious" \
                and n < len(parts) - 1:
            return True
        out = add_key(out, last, part) if keys else out + part
        last = len(part)
    return False


def join_keys(*keys: str) -> str:
    """The keys of name parts written as one word: a consonant doubled across a seam between
    two parts of 3+ letters is one, as in the key of the joined word ("Abdul" + "Latif" is
    "Abdullatif", key "abdulatif"); never after an initial or before a split-off letter
    ("M. Mangoush", "Sana'a")."""
    out = ""
    last = 0  # length of the part before the seam
    for key in keys:
        out = add_key(out, last, key)
        last = len(key)
    return out


def add_key(joined: str, last: int, key: str) -> str:
    """``joined`` (whose last part has ``last`` letters) with ``key`` joined on: the step of
    ``join_keys``. Only a consonant is one across the seam: "Santa Ana" is not Santana."""
    if last >= 3 and len(key) >= 3 and joined[-1] == key[0] and key[0] not in VOWELS:
        return joined + key[1:]
    return joined + key


def joined_with_bounds(parts: tuple[str, ...] | list[str],
                       keys: bool = True) -> tuple[str, set[int]]:
    """``join_keys`` of the parts (plain concatenation without ``keys``), and where one part
    ends and the next starts in it (empty parts, the rest of a word, add none)."""
    out, bounds, last = "", set(), 0
    for part in parts:
        out = add_key(out, last, part) if keys else out + part
        last = len(part)
        bounds.add(len(out))
    bounds.discard(len(out))
    bounds.discard(0)
    return out, bounds


def ayn_joined(text: str, left: Token, right: Token) -> bool:
    """"Qa’ani", "Sa'ar": one apostrophe between a capitalized part of 2+ letters and lower-case
    letters (not a possessive "s") is inside a name, as Arabic ayn or hamza."""
    return (right.start - left.end == 1 and text[left.end] in APOSTROPHES
            and len(left.text) >= 2 and left.text[:1].isupper()
            and right.text[:1].islower() and right.text != "s")


def is_person_like(entry: Entry, parts: list[Token]) -> bool:
    """Persons get short forms; organisations and events never do."""
    if entry.type is not None:
        return entry.type == "person"
    if not 2 <= len(parts) <= 6:
        return False
    return all(p.text[:1].isupper() or p.folded in PARTICLES for p in parts) and not any(
        p.folded in CONNECTORS for p in parts)


class CompiledGlossary:
    """A glossary compiled for one language (``None``: spellings valid in any language)."""

    def __init__(self, glossary: Glossary, lang: str | None = None):
        self.glossary = glossary
        self.lang = lang
        self.entries = list(glossary.entries)
        self.generated: dict[str, list[FormSpec]] = {}
        self.last_keys: set[str] = set()  # what a word must be to end an unlisted variant
        self.partials: dict[int, list[FormSpec]] = {}
        # a person's given names' initials and family-name key ("aak|niazi") -> entries
        self.by_initials: dict[str, list[int]] = {}
        # a person's first and family names' keys ("ahmad|zewail") -> (entry, the middle
        # names a listed spelling puts between them, folded): for "Ahmed H. Zewail"
        self.by_first_last: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        lexicon = load_lexicon(lang) if lang else None
        # English names' variants ("Israeli Defense Forces"), spelled out as listed ones
        self._variant_lexicon = lexicon if lang in SAME_LANGUAGE else None
        self._claimed: set[str] | None = None
        self._and_pattern: re.Pattern[str] | None = None
        anchors: dict[str, list[FormSpec]] = {}
        for index, entry in enumerate(self.entries):
            self._add_entry(index, entry, anchors)
        for keep in glossary.global_keep:
            self._add_keep(-1, keep, anchors)
        by_search: dict[str, list[FormSpec]] = {}
        # a word of a spelling that the text may write as two ("Amirabdollahian" as "Amir
        # Abdollahian"): the word -> (spelling, which part)
        self.split_words: dict[str, list[tuple[FormSpec, int]]] = {}
        for specs in anchors.values():
            for spec in specs:
                for key in search_keys(spec.folded) + _possessive_keys(spec.text) + (
                        _as_written_keys(spec.text) if gaps_as_written(spec.text) else []):
                    by_search.setdefault(key, []).append(spec)
                for k, part in enumerate(spec.folded):
                    if len(part) >= MIN_SPLIT_WORD and part.isalpha():
                        self.split_words.setdefault(part, []).append((spec, k))
        # pattern number -> the spellings filed under it
        self.search_specs: list[tuple[FormSpec, ...]] = [tuple(v) for v in by_search.values()]
        patterns = list(by_search)
        self.longest = max(map(len, patterns), default=0)  # characters of the longest pattern
        # the words on either side of a space in some pattern: only between two such words
        # can a run of spaces in the text (" - ", "Hamas’ capabilities") be a name's one space
        self.before_space, self.after_space = _space_neighbours(patterns)
        del by_search  # before the automaton is built: that is the peak of memory
        # over UTF-8 bytes: a fifth faster than over str, and nearly every search text is
        # ASCII, where a byte offset is a character offset (``find_spellings``)
        self.automaton = ahocorasick_rs.BytesAhoCorasick(
            [p.encode() for p in patterns]) if patterns else None
        self.pair_lasts, self.consonant_lasts = _pair_lasts(self.generated)
        # names of organisations, places and events in this language's words ("Ligue arabe"),
        # of the entries the glossary spells in this language itself: a user who lists no
        # French name of the "Haqqani network" wants "le réseau Haqqani" left in French
        self.translated = TranslatedNames(
            self.entries, lexicon, [self.is_person(i) or not _spelled_in(entry, lang)
                                    for i, entry in enumerate(self.entries)]) \
            if lexicon and lang not in SAME_LANGUAGE else None

    def find_spellings(self, search: str) -> list[tuple[int, int, int]]:
        """(pattern, start, end) of every spelling in a ``search_text``, overlapping ones
        too, in character offsets."""
        if self.automaton is None:
            return []
        hits = self.automaton.find_matches_as_indexes(search.encode(), overlapping=True)
        if not hits or search.isascii():
            return hits
        return utf8_to_char_offsets(search, hits)

    def is_person(self, index: int) -> bool:
        """Was the entry compiled as a person (it then has short forms, maybe none)?"""
        return index in self.partials

    def _spec(self, index: int, text: str, parts: list[Token], target: str, kind: str,
              after_full: bool, short: bool = False) -> FormSpec:
        return FormSpec(index, text, tuple(p.folded for p in parts), part_keys(parts, text),
                        target, kind, after_full, short or after_full)

    def _add_entry(self, index: int, entry: Entry, anchors: dict[str, list[FormSpec]]) -> None:
        canon_parts = tokenize(entry.canonical)
        canon_keys = part_keys(canon_parts)
        person = is_person_like(entry, canon_parts)
        listed_targets: dict[str, str] = {}  # a listed full spelling's letters -> its target
        listed_shorts: list[tuple[list[FormSpec], int]] = []  # where a listed short form is
        other_lasts: list[Token] = []  # a listed full spelling's own family name ("Dhere")
        for variant in entry.forms(self.lang):
            parts = tokenize(variant.text)
            if not parts:
                continue
            target, short = entry.canonical, False
            span = concat_align(canon_keys, part_keys(parts)) if person else None
            ayn_tokens = 0  # tokens that continue a word after an ayn's apostrophe
            if person and span is None:  # the apostrophe elsewhere in the word: "Al
                # Maa’mari" is the end of "Talib al-Ma’amari", "Saadat" of "Ahmad Sa'adat"
                in_context = part_keys(canon_parts, entry.canonical)
                span = concat_align(in_context, part_keys(parts, variant.text))
                if span is not None:
                    ayn_tokens = in_context[span[0]:span[1]].count("")
            if person and span is None and len(parts) == 1 and _joined_article_name(
                    canon_parts[-1].folded, parts[0].folded):
                # "Harthi" is the end of "Jokha Alharthi", its article joined to it: a family
                # name alone, a short form ("Al Harthi" is Alharthi, not Jokha Alharthi)
                span = (len(canon_parts) - 1, len(canon_parts))
            if person and span is None and len(parts) == 1 and len(canon_parts) >= 3 \
                    and canon_parts[-2].folded in ARTICLES \
                    and parts[0].folded == canon_parts[-2].folded + canon_parts[-1].folded:
                # "Elelaimy" is the end of "Zyad El-Elaimy", its article joined: a short form
                span = (len(canon_parts) - 2, len(canon_parts))
            # (the canonical without its leading article is the name in full: "Misbah
            # Abuzaid Talha" for Al-Misbah Abuzaid Talha)
            if span is not None and span[0] > 0 and not all(
                    p.folded in ARTICLES for p in canon_parts[:span[0]]) and not (
                    _tail_in_full(parts, canon_keys, span[0]) and any(
                        not joined(entry.canonical, canon_parts[k - 1], canon_parts[k])
                        for k in range(span[0] + 1, span[1]))):
                # a listed tail is a short form ("Amir-Abdollahian", "Bagheri Kani"), unless
                # it is the name in full in several words (``_tail_in_full``)
                target = self._partial_target(entry, canon_parts, span[0], span[1])
                short = _name_words(parts) - part_keys(parts, variant.text).count("") < 2 \
                    and (span[1] - span[0] - _articles(canon_parts[span[0]:span[1]])
                         - ayn_tokens < 2)
            # (a listed family name alone is usable before a full mention too when writing
            # it as the canonical changes its spelling only: "Khomeiny" is Khomeini whoever
            # of the family it names; "Bagheri" written "Bagheri Kani" would name one of them)
            after_full = variant.after_full or short and _name_words(tokenize(target)) > 1
            spec = self._spec(index, variant.text, parts, target, "listed", after_full, short)
            if variant.alias:
                spec = replace(spec, origin="alias")
            if not spec.short:
                listed_targets.setdefault("".join(spec.folded), spec.target)
                if person:
                    self._index_first_last(index, parts)
                if person and not variant.alias and _same_but_last(
                        canon_parts, parts, entry.canonical, spec.keys):
                    # (not a nom de guerre's last word: "Kobani" of "Mazloum Kobani" is a town)
                    other_lasts.append(parts[-1])
            filed = anchors.setdefault(variant.text, [])
            if spec.short and spec.target != entry.canonical:
                listed_shorts.append((filed, len(filed)))
            filed.append(spec)
            if entry.generate and not spec.short and (
                    _generable(parts) or _distinct_place_word(entry, parts, spec.keys)):
                self._index_generated(spec)
            if entry.generate and not spec.short and spec.target == entry.canonical:
                self._add_din_forms(index, variant.text, spec, anchors)
        # a listed short form whose target is a listed full spelling ("Izet" -> "Izzet Pasha"
        # where "İzzet Pasha" is listed) is written as that spelling's target: a fixed point
        for filed, k in listed_shorts:
            target = listed_targets.get("".join(t.folded for t in tokenize(filed[k].target)))
            if target is not None and target != filed[k].target:
                filed[k] = replace(filed[k], target=target)
        for keep in entry.keep:
            self._add_keep(index, keep, anchors)
        if self._variant_lexicon is not None and not person:
            self._add_variants(index, entry, anchors)
        if not person:
            self._add_ampersand_forms(index, entry, anchors)
        else:
            self._add_first_of_the_name_forms(index, entry, anchors)
        if person:
            given = [p.folded[0] for p in canon_parts[:-1]
                     if p.folded not in ARTICLES and p.folded not in NASAB]
            if len(given) >= 2 and canon_keys:  # "A.A.K. Niazi" for Amir Abdullah Khan Niazi
                self.by_initials.setdefault(f"{''.join(given)}|{canon_keys[-1]}", []).append(index)
            dropped, after_full = self._without_middle_names(index, entry, canon_parts)
            for spec in dropped:
                anchors.setdefault(spec.text, []).append(spec)
                if entry.generate and _latin(canon_parts):
                    self._index_generated(spec)
            self.partials[index] = partials = self._word_partials(index, entry, canon_parts)
            if entry.generate and _latin(canon_parts):
                for spec in partials:
                    if spec.name_parts >= 2 and " " not in spec.target.strip():
                        # a compound family name ("Amir-Abdollahian") is distinctive on its own
                        self._index_generated(spec.anywhere())
            partials += self._other_family_spellings(entry, canon_parts, partials, other_lasts)
            if entry.generate and _swappable(entry.canonical, canon_parts):
                # "Zetchi Kheïreddine", "Mahrez Riyad": family name first, as French
                # administrative style and lists write it, where the name is also in full
                swapped = f"{canon_parts[1].text} {canon_parts[0].text}"
                partials.append(replace(
                    self._spec(index, swapped, tokenize(swapped), entry.canonical, "partial",
                               False, short=True), origin="generated"))
            partials += after_full
            # a short form written as a listed full spelling of the entry ("Elneny" of Mohamed
            # Elneny when "El-Neny" is listed for him) is written as that spelling's target, so
            # a second pass finds nothing more to change
            for k, spec in enumerate(partials):
                target = listed_targets.get("".join(t.folded for t in tokenize(spec.target)))
                if target is not None and target != spec.target:
                    partials[k] = replace(spec, target=target)

    def _index_first_last(self, index: int, parts: list[Token]) -> None:
        """File a person's listed spelling under its first and last name words."""
        names = [p for p in parts if p.folded not in NASAB and (
            p.folded not in ARTICLES or p.text.isupper())]  # an initial: "A." is no article
        if len(names) < 2 or names[0].folded in PARTICLES or names[0].folded in COMPOUND_HEADS \
                or names[0].folded in TITLES or len(names[0].folded) < 2:
            return
        key = f"{surface_key(names[0].text, names[0].folded)}|" \
              f"{surface_key(names[-1].text, names[-1].folded)}"
        filed = (index, tuple(p.folded for p in names[1:-1]))
        known = self.by_first_last.setdefault(key, [])
        if filed not in known:
            known.append(filed)

    def _add_variants(self, index: int, entry: Entry,
                      anchors: dict[str, list[FormSpec]]) -> None:
        """The English variants of a name (``english_variants``) as listed spellings of rule
        ``translated``, unless a glossary entry spells them itself."""
        variants = english_variants(entry.canonical, self._variant_lexicon)  # type: ignore[arg-type]
        if not variants:
            return
        for text in variants:
            if form_key(text) in self._claimed_forms():
                continue
            spec = self._spec(index, text, tokenize(text), entry.canonical, "listed", False)
            anchors.setdefault(text, []).append(replace(spec, origin="translated"))

    def _add_ampersand_forms(self, index: int, entry: Entry,
                             anchors: dict[str, list[FormSpec]]) -> None:
        """An organisation's name with "&" for its language's "and" and the other way round
        ("Instance Vérité & Dignité" = "Instance Vérité et Dignité"), as listed spellings,
        unless a glossary entry spells them itself."""
        ands = _AND_WORDS.get(self.lang, ("and",)) if self.lang else ("and", "et")
        if self._and_pattern is None:
            self._and_pattern = re.compile(r"(?<=\s)(?:&|" + "|".join(ands) + r")(?=\s)",
                                           re.IGNORECASE)
        pattern = self._and_pattern
        for form in entry.forms(self.lang):
            found = pattern.search(form.text)
            if found is None:
                continue
            others = ands if found.group() == "&" else ("&",)
            for other in others:
                text = form.text[:found.start()] + other + form.text[found.end():]
                if form_key(text) in self._claimed_forms():
                    continue
                spec = self._spec(index, text, tokenize(text), entry.canonical, "listed", False)
                anchors.setdefault(text, []).append(spec)

    def _add_first_of_the_name_forms(self, index: int, entry: Entry,
                                     anchors: dict[str, list[FormSpec]]) -> None:
        """A ruler "the First" in French and in English: "Selim Ier", "Fayçal Ier" (also
        "1er") for a listed "Selim I", and "Selim I" for a listed "Selim Ier", as listed
        spellings, unless a glossary entry spells them itself."""
        for form in entry.forms(self.lang):
            found = _FIRST_OF_THE_NAME.search(form.text)
            if found is None:
                continue
            stem = form.text[:found.start()]
            for other in (" I", " Ier", " 1er"):
                text = stem + other
                if text == form.text or form_key(text) in self._claimed_forms() \
                        or text in anchors:
                    continue
                parts = tokenize(text)
                spec = replace(self._spec(index, text, parts, entry.canonical, "listed", False),
                               origin="generated")
                anchors[text] = [spec]
                if entry.generate and _generable(parts):
                    self._index_generated(spec)

    def _add_din_forms(self, index: int, spelling: str, spec: FormSpec,
                       anchors: dict[str, list[FormSpec]]) -> None:
        """A listed spelling with its "ad-Din" compound written the other ways
        (``din_compound_forms``), as spellings of rule ``generated`` that unlisted variants
        are also looked up by, unless a glossary entry spells them itself."""
        for text in din_compound_forms(spelling):
            if form_key(text) in self._claimed_forms() or text in anchors:
                continue
            parts = tokenize(text)
            derived = replace(self._spec(index, text, parts, spec.target, "listed",
                                         spec.after_full), origin="generated")
            anchors[text] = [derived]
            if _generable(parts):
                self._index_generated(derived)

    def _claimed_forms(self) -> set[str]:
        """Every spelling the glossary's entries give in this language (by ``form_key``),
        made once: derived spellings never take one of them."""
        if self._claimed is None:
            self._claimed = {form_key(v.text) for e in self.entries for v in e.forms(self.lang)}
        return self._claimed

    def _without_middle_names(self, index: int, entry: Entry, canon_parts: list[Token]
                              ) -> tuple[list[FormSpec], list[FormSpec]]:
        """The name with middle words left out: usable anywhere when only given names go
        ("Mohammad Ghalibaf" for "Mohammad Bagher Ghalibaf", "Recep Erdogan"), and after a
        full mention when any middle word goes ("Ali Khamenei", "Abdul Rashid").

        The first word and the family name always stay: without its first name an Arabic
        name is often the father's ("Idriss Deby" in "Mahamat Idriss Deby"). A word after
        Abdul/Abu makes one name with it (the two go together, after a full mention only:
        "Muhammad al-Ghamari" for "Muhammad Abdul Karim al-Ghamari"), and a family name that
        is also a given name makes too common a short name ("Mohammed Hussein"): those go
        only in the after-full forms. An article is part of the word after it, joined to it
        or not ("al-Ghamari", the Gulf's "Al Amri"); a particle standing alone ("bin", "Abu")
        leaves the name as it is.
        """
        text = entry.canonical
        words: list[list[Token]] = []
        for k, part in enumerate(canon_parts):
            if k and (joined(text, canon_parts[k - 1], part)
                      or words[-1] == [canon_parts[k - 1]] and words[-1][0].folded in ARTICLES
                      and k == len(canon_parts) - 1):
                words[-1].append(part)
            else:
                words.append([part])
        if len(words) < 3 or len(words) > 5 or any(
                len(w) == 1 and (w[0].folded in PARTICLES or w[0].folded in ARTICLES)
                for w in words):
            return [], []  # a particle standing alone ("bin", "Abu", "al Sistani")
        given = {k for k in range(1, len(words) - 1)
                 if len(words[k]) == 1 and (words[k][0].folded in GIVEN_NAMES
                                            or REGNAL.fullmatch(words[k][0].text)
                                            and text[words[k][0].end:][:1] != ".")
                 and words[k][0].folded not in COMPOUND_HEADS
                 and words[k - 1][-1].folded not in COMPOUND_HEADS}
        # "Abdul Karim" goes or stays whole: never "Karim" or "Abdul" alone
        heads = [k for k in range(1, len(words) - 2) if words[k][-1].folded in COMPOUND_HEADS]
        # "Mohammed Hussein" is too common a name to stand for "Mohammed Ali Hussein" anywhere
        distinct_family = not all(p.folded in GIVEN_NAMES for p in words[-1])
        anywhere: list[FormSpec] = []
        after_full: list[FormSpec] = []
        middle = range(1, len(words) - 1)
        for size in range(1, len(middle) + 1):
            for dropped in combinations(middle, size):
                if any((k in dropped) != (k + 1 in dropped) for k in heads):
                    continue
                form = " ".join(text[w[0].start:w[-1].end]
                                for k, w in enumerate(words) if k not in dropped)
                if given.issuperset(dropped) and distinct_family:
                    anywhere.append(self._spec(index, form, tokenize(form), text, "dropped",
                                               False))
                else:
                    after_full.append(self._spec(index, form, tokenize(form), text, "partial",
                                                 True))
        return anywhere, after_full

    def _word_partials(self, index: int, entry: Entry, canon_parts: list[Token]) -> list[
            FormSpec]:
        """Each later word of a person's name, alone or with its article ("al-Nakhalah").

        Only single words: "Idriss Deby" inside "Mahamat Idriss Deby" names the father, and
        "Ibrahim Taha" may too, so multi-word short forms come only from the glossary.
        """
        text = entry.canonical
        specs = []
        # "Kyelem de Tambela" of "Apollinaire Joachim Kyelem de Tambela": a family name with a
        # particle is one short form (so its first word alone, completed to it, is never
        # written again before the rest of it), and the given names before it are nobody's
        # ("Joachim", his father's name); the particle alone neither
        family = _particle_family(text, canon_parts)
        if family is not None and canon_parts[family].folded not in _NAME_PARTICLES:
            specs.append(self._spec(index, text, canon_parts[family:],
                                    text[canon_parts[family].start:], "partial", True))
        for k in range(1 if family is None else max(1, family), len(canon_parts)):
            if canon_parts[k].folded in _NAME_PARTICLES and canon_parts[k].text.islower():
                continue
            if joined(text, canon_parts[k - 1], canon_parts[k]) and \
                    canon_parts[k - 1].folded not in ARTICLES:
                continue  # not the start of a word (or of an article-led word)
            if canon_parts[k].folded in ARTICLES or canon_parts[k - 1].folded in NASAB \
                    or canon_parts[k - 1].folded in _FAMILY_HEADS or (
                    canon_parts[k].folded in NASAB and not _family_ben(canon_parts, k)):
                continue  # "Zayed" after "bin" is the father
            m = k + 1
            while m < len(canon_parts) and joined(text, canon_parts[m - 1], canon_parts[m]):
                m += 1
            if canon_parts[k].folded in NASAB or (canon_parts[k].folded in _FAMILY_HEADS
                                                   and k + 2 == len(canon_parts)):
                m = len(canon_parts)  # "Ben Ali", "Aït Ahmed": the family name is both words
            if m - k == 1 and canon_parts[k].folded in GIVEN_NAMES and m < len(canon_parts):
                continue  # a given name in the middle ("Ibrahim") is nobody's short form
            if m - k == 1 and m < len(canon_parts) and canon_parts[m].folded in ARTICLES \
                    and canon_parts[k - 1].folded not in ARTICLES:
                continue  # nor the word before a family name led by an article, a father's
                # name ("Shia" of Mohammed Shia al-Sudani: "firebrand Shia cleric")
            if k >= 2 and canon_parts[k - 1].folded in SERVANT_OF:
                # "Abdul Salam" of "Mohammed Abdul Salam" is one name: never "Salam" alone
                specs.append(self._spec(index, text, canon_parts[k - 1:m],
                                        text[canon_parts[k - 1].start:canon_parts[m - 1].end],
                                        "partial", True))
                continue
            target = self._partial_target(entry, canon_parts, k, m)
            specs.append(self._spec(index, text, canon_parts[k:m], target, "partial", True))
            if k >= 2 and canon_parts[k - 1].folded in COMPOUND_HEADS:
                # "Abu Rudeineh" of "Nabil Abu Rudeineh": the family name with its "Abu"
                specs.append(self._spec(index, text, canon_parts[k - 1:m],
                                        text[canon_parts[k - 1].start:], "partial", True))
            specs += [self._spec(index, text, canon_parts[j:m], target, "partial", True)
                      for j in range(k + 1, m) if canon_parts[j].folded not in ARTICLES
                      and canon_parts[j - 1].folded not in ARTICLES
                      and canon_parts[j - 1].folded not in NASAB
                      and canon_parts[j - 1].folded not in _FAMILY_HEADS]  # not "Gvir"
            if k >= 2 and canon_parts[k - 1].folded in ARTICLES:
                with_article = entry.short or text[canon_parts[k - 1].start:]
                specs.append(self._spec(index, text, canon_parts[k - 1:m], with_article,
                                        "partial", True))
                if k >= 3 and canon_parts[k - 2].folded in COMPOUND_HEADS:
                    # "Abu al-Khair" of "Waleed Abu al-Khair": "Abu" and the article with it
                    specs.append(self._spec(index, text, canon_parts[k - 2:m],
                                            text[canon_parts[k - 2].start:], "partial", True))
        if len(canon_parts) >= 4 and canon_parts[1].folded in NASAB:
            # "Mohammed bin Abdulrahman" of "Mohammed bin Abdulrahman Al Thani"
            specs.append(self._spec(index, text, canon_parts[:3], text, "partial", True))
            # "Majed Al-Ansari" of "Majed bin Mohammed Al-Ansari": without the father's name
            without = f"{canon_parts[0].text} {text[canon_parts[3].start:]}"
            specs.append(self._spec(index, without, tokenize(without), text, "partial", True))
        given = 0  # leading given names ("Ali", "Gholam Hossein")
        while given < len(canon_parts) and canon_parts[given].folded in GIVEN_NAMES:
            given += 1
        if (0 < given < len(canon_parts)
                and not joined(text, canon_parts[given - 1], canon_parts[given])
                and len(canon_parts) - given - _articles(canon_parts[given:]) >= 2):
            # "Bagheri Kani" of "Ali Bagheri Kani", "Mohseni Ejei" of "Gholam Hossein Mohseni
            # Ejei": the family name of two words after the given names
            specs.append(self._spec(index, text, canon_parts[given:],
                                    text[canon_parts[given].start:], "partial", True))
        if given >= 2 and given == len(canon_parts) - 1 and not any(
                joined(text, a, b) for a, b in zip(canon_parts, canon_parts[1:], strict=False)):
            # "Ali-Mohammadi" of "Massoud Ali Mohammadi": the last given name and the family
            # name written as one word make a compound family name (never "Ali Mohammadi"
            # apart, a name of its own)
            form = f"{canon_parts[-2].text}-{canon_parts[-1].text}"
            specs.append(replace(self._spec(index, form, tokenize(form),
                                            text[canon_parts[-2].start:], "partial", True),
                                 origin="joined"))
        return specs

    @staticmethod
    def _other_family_spellings(entry: Entry, canon_parts: list[Token],
                                partials: list[FormSpec], lasts: list[Token]) -> list[FormSpec]:
        """The family name as another listed full spelling writes it ("Dhere" of "Ali Dhere"
        for Ali Dheere): the short forms of the canonical's family name, spelled that way.
        Only from a spelling with the canonical's given names, part for part, so its last
        word is the same name as the canonical's last word."""
        if not lasts:
            return []
        last_key = part_keys(canon_parts, entry.canonical)[-1]
        out: list[FormSpec] = []
        for spec in partials:
            if spec.keys[-1] != last_key or spec.folded[-1] != canon_parts[-1].folded:
                continue
            for last in lasts:
                key = surface_key(last.text, last.folded)
                variant = replace(spec, folded=(*spec.folded[:-1], last.folded),
                                  keys=(*spec.keys[:-1], key))
                if variant not in out:
                    out.append(variant)
        return out

    def _partial_target(self, entry: Entry, canon_parts: list[Token], k: int,
                        end: int | None = None) -> str:
        """A short mention of the canonical's words ``k`` to ``end`` is written from the start
        of its canonical word to the name's end.

        "Abdollahian" in "Hossein Amir-Abdollahian" becomes "Amir-Abdollahian" (a truncated
        compound family name is completed, never expanded to the given name); an article is
        not added ("Houthi" stays "Houthi", not "al-Houthi"). A word inside the name, alone,
        is completed only where the glossary spells the rest as one name ("Bagheri Kani" of
        Ali Bagheri Kani); else it may be a father's name, written alone as the canonical
        writes it: "Bihi" of Muse Bihi Abdi stays "Bihi", never "Bihi Abdi"; "Baqeri" of Ali
        Bagheri Kani is "Bagheri".
        """
        if k == 0:
            return entry.canonical
        if entry.short:
            return entry.short
        text = entry.canonical
        if end is not None and _a_middle_word(entry, canon_parts, k, end):
            return canon_parts[k].text
        j = k
        while j > 0 and joined(text, canon_parts[j - 1], canon_parts[j]) \
                and canon_parts[j - 1].folded not in ARTICLES:
            j -= 1
        if all(p.folded in ARTICLES for p in canon_parts[:j]):
            return text  # all of it but its leading article is the name in full
        return text[canon_parts[j].start:]

    def _add_keep(self, index: int, text: str, anchors: dict[str, list[FormSpec]]) -> None:
        parts = tokenize(text)
        if parts:
            spec = self._spec(index, text, parts, text, "keep", False)
            anchors.setdefault(text, []).append(spec)

    def _index_generated(self, spec: FormSpec) -> None:
        """File a spelling under the keys of its last two name parts (see ``generated_keys``).

        Looking names up by one family-name key alone made every capitalized word a
        candidate; two parts (or a whole name written as one word) are selective.
        """
        # (an ayn-joined word's key is on its last token, after empty ones: "Mu'ath" is "",
        # "mvat", and its "ath" is no article, nor the "i" of "Ezhe’i" an ezafe)
        names = [k for n, (k, f) in enumerate(zip(spec.keys, spec.folded, strict=True))
                 if k and ((n and not spec.keys[n - 1])
                           or (f not in ARTICLES and f not in PAIR_PARTICLES))]
        if not names:
            return
        # the whole name written as one word: "Amirabdollahian", "Abdulsalam", "Albusaidi";
        # never a given name and a family name run together ("Boros" is not "Bo Roose")
        joinable = len(names) == 1 or spec.folded[0] in COMPOUND_HEADS or any(
            c in spec.text for c in "-\u2010\u2011'\u2019")
        keys: set[str] = {"J|" + join_keys(*names)} if joinable else set()
        if len(names) == 1:
            keys.add(pair_key("al", names[0]))
        else:
            keys.add(pair_key(names[-2], names[-1]))
            keys.add(pair_key(names[-2], names[-1], fuzzy=True))
            if len(names[-2]) >= LONG_PART:
                keys.add(f"C|{consonants(names[-2])}|{names[-1]}")
        if len(names) >= 3:
            keys.add(pair_key(join_keys(names[-3], names[-2]), names[-1]))
            keys.add(pair_key(names[-3], join_keys(names[-2], names[-1])))
            self.last_keys.add(join_keys(names[-2], names[-1]))  # "Abdulsalam", "Abdul Salam"
        last_word = spec.folded[-1]
        # one vowel less in the family name: "Mohamed Hamdan Daglo" (two parts agree), or a
        # long one after a given name ("Youssef al-Qardawi" for al-Qaradawi)
        if len(names) >= 2 and len(names[-1]) >= 5 and (len(names) >= 3 or len(last_word) >= 8):
            for shorter in vowel_deletions(names[-1]):
                keys.add(pair_key(names[-2], shorter))
                self.last_keys.add(shorter)
        if len(names) >= 2 and last_word[:2] == "al" and len(last_word) >= 7 and \
                names[-1][:2] == "al":
            # "Badr Albusaidi" written "Badr Al Busaidi": the article joined to the family name
            keys.add(pair_key(names[-2], names[-1][2:]))
            self.last_keys.add(names[-1][2:])
        servant = _ABDUL_KEY.match(names[-1])
        if servant is not None and len(names[-1]) - servant.end() >= 3:
            # a family name "Abdul X" written as one word ("Jaafar Abdelhakam"), found when
            # the text writes it apart ("Jaafar Abdul Hakam"), as the other way round above
            rest = names[-1][servant.end():]
            keys.add(pair_key(names[-1][:servant.end()], rest))
            self.last_keys.add(rest)
        for other in family_readings(spec.folded[-1]) if len(names) >= 2 else ():
            keys.add(pair_key(names[-2], other))  # "Muammar Qaddafi" for Muammar Gaddafi
            self.last_keys.add(other)
        for key in keys:
            self.generated.setdefault(key, []).append(spec)
        self.last_keys.add(names[-1])
        self.last_keys.add("~" + masked(names[-1]))
        if joinable:
            self.last_keys.add("J|" + join_keys(*names))


_ABDUL_KEY = re.compile("abdul")  # how the key writes "Abd", "Abdel", "Abdol" ...





def _a_middle_word(entry: Entry, canon_parts: list[Token], k: int, end: int) -> bool:
    """Are the canonical's words ``k`` to ``end`` one word inside the name, of three letters
    or more, neither after an article, nor the start of a family name with a particle
    ("Kyelem de Tambela"), nor written joined to the next, whose rest the glossary never
    spells as one name?"""
    text = entry.canonical
    return end - k == 1 and end < len(canon_parts) and len(canon_parts[k].folded) >= 3 \
        and canon_parts[k - 1].folded not in ARTICLES \
        and k != _particle_family(text, canon_parts) \
        and not joined(text, canon_parts[k], canon_parts[end]) \
        and not _tail_is_one_name(entry, text, k, canon_parts)

def _tail_is_one_name(entry: Entry, text: str, k: int, canon_parts: list[Token]) -> bool:
    """Does the glossary spell the canonical's words from ``k`` on as one name: as the
    entry's short form, or as a spelling of its own ("Bagheri Kani")?"""
    if entry.short:
        return True
    tail = form_key(text[canon_parts[k].start:])
    return any(form_key(form.text) == tail for form in entry.every_form())

def _spelled_in(entry: Entry, lang: str | None) -> bool:
    """Does the glossary give the entry a spelling for this language only ("Ligue arabe"
    under ``fr``)? Then its other names in that language are its spellings too."""
    return lang is not None and any(v.langs is not None and lang in v.langs
                                    for v in entry.variants)

def _pair_lasts(generated: dict[str, list[FormSpec]]) -> tuple[dict[str, frozenset[str]],
                                                              dict[str, frozenset[str]]]:
    """The unlisted-variant index by its next-to-last part: loose key -> the forms of the
    last parts filed after it, and vowel-free key -> those last parts. A word pair whose forms
    are in neither cannot be the end of an unlisted variant, so the canonicalizer looks no
    further there (``generated`` stays the index: these only say where to look)."""
    loose_pairs: dict[str, set[str]] = {}
    consonant_pairs: dict[str, set[str]] = {}
    for key in generated:
        if key[1:2] != "|" or key[0] not in "PC":
            continue
        _kind, previous, last = key.split("|", 2)
        pairs = loose_pairs if key[0] == "P" else consonant_pairs
        pairs.setdefault(previous, set()).add(last)
    return ({k: frozenset(v) for k, v in loose_pairs.items()},
            {k: frozenset(v) for k, v in consonant_pairs.items()})


_PLURAL_POSSESSIVE = re.compile(r"(?<=[^\W\d_])s['\u2019](?=\s)")


def _swappable(canonical: str, parts: list[Token]) -> bool:
    """A name of a given name and a family name of its own (4+ letters, no given name or
    common word: "Ali Hassan" is not "Hassan Ali"), two plain words apart."""
    if len(parts) != 2 or joined(canonical, parts[0], parts[1]):
        return False
    given, family = parts[0].folded, parts[1].folded
    return (given.isalpha() and family.isalpha() and len(family) >= 4
            and given not in PARTICLES and given not in COMPOUND_HEADS
            and ambiguity(family) is None and given not in COMMON_WORDS)


_COMPOUND_HEAD_KEYS = frozenset(map(name_key, COMPOUND_HEADS))  # "abdul", "abu"
_KUNYA_HEADS = COMPOUND_HEADS - SERVANT_OF  # "Abu" however written
_ABU = name_key("abu")
_ABDUL = name_key("abdul")


def _name_words(parts: list[Token]) -> int:
    """The words of a name that are not articles."""
    return len(parts) - _articles(parts)


def _joined_article_name(word: str, spelling: str) -> bool:
    """Is ``spelling`` the name in ``word`` without the article joined to it ("harthi",
    "alharthi")?"""
    return word[:2] in ("al", "el") and len(word) > len(spelling) >= 4 \
        and name_key(word[2:]) == name_key(spelling)


def _tail_in_full(parts: list[Token], canon_keys: tuple[str, ...], start: int) -> bool:
    """Is a listed spelling of the canonical's parts from ``start`` on the name in full? Led
    by a given name ("Tayyip Erdogan"), or the canonical without a first Muhammad ("Nidal
    al-Shaar" for Mohammad Nidal Al-Shaar) unless what is left is one "Abdul X" name, or a
    kunya with a nisba ("Abu Walid al-Sahrawi"), or the canonical without the "Abdul" of its
    first name ("Wahid Kakar" for Abdul Waheed Kakar: written in full, the one name is whole
    again). Never what an "Abu" before it starts: "Bakr al-Baghdadi" is no name of his."""
    if start and canon_keys[start - 1] in _COMPOUND_HEAD_KEYS:
        return start == 1 and canon_keys[0] == _ABDUL and _name_words(parts) >= 2
    if (parts[0].folded in GIVEN_NAMES or GIVEN_NAME_KEYS.get(parts[0].folded, _ABU) != _ABU
            or name_key(parts[0].folded) in GIVEN_KEYS - {_ABU}) \
            and parts[0].folded not in COMPOUND_HEADS:
        return True  # (the table's forms too, "Ousmane Madani Haïdara", but no Abu: "Bou Saab";
        # in another romanization, "Neguib el-Hilaly" for Ahmed Naguib el Hilaly)
    if parts[0].folded in _KUNYA_HEADS and _name_words(parts) >= 3:
        return True  # a kunya with its nisba: "Abou Walid al-Sahraoui" for Adnan Abu Walid ...
    return (set(canon_keys[:start]) == {MUHAMMAD} and parts[0].folded not in SERVANT_OF
            and _name_words(parts) >= 2)


def _same_but_last(canon_parts: list[Token], parts: list[Token], canonical: str,
                   keys: tuple[str, ...]) -> bool:
    """Is a listed spelling the canonical name with its last word written otherwise (the
    same parts but articles, the same given names before it, a vowel off at most in one of
    5+ letters, and a last word of its own)? "Muhammad Hassan Taayashi" for Mohamed Hassan
    Al-Taishi, "Qassem Musleh" for Qasim Muslih. Not a title in the family name's place
    ("Mohammad Reza Shah" for Mohammad Reza Pahlavi: "the Shah" is no short form)."""
    canon_keys = [k for k, p in zip(part_keys(canon_parts, canonical), canon_parts,
                                    strict=True) if p.folded not in ARTICLES]
    own = [k for k, p in zip(keys, parts, strict=True) if p.folded not in ARTICLES]
    last = parts[-1].folded
    return (len(own) == len(canon_keys) >= 2
            and all(map(close_keys, own[:-1], canon_keys[:-1]))
            and own[-1] != canon_keys[-1]
            and last.isalpha() and last not in ARTICLES and last not in PARTICLES
            and last not in TITLES and last not in TITLES_AFTER_NAMES and last != "shah")


def _possessive_keys(spelling: str) -> list[str]:
    """A plural possessive ("Lions’ Den") also as the singular one writes it ("Lion's Den"):
    the apostrophe on the other side of the "s" splits the word in the search text, and the
    alignment joins it back."""
    if not _PLURAL_POSSESSIVE.search(spelling):
        return []
    singular = _PLURAL_POSSESSIVE.sub("\u2019s", spelling)
    return search_keys(tuple(t.folded for t in tokenize(singular)))


# Lower-case particles inside European and West African family names ("de Gaulle", "Kyelem de
# Tambela", "van der Berg"); "al", "bin" and "Abu" have rules of their own.
_NAME_PARTICLES = frozenset("de da du des del della di do dos das van von der den ter".split())


def _particle_family(text: str, parts: list[Token]) -> int | None:
    """Where a family name with a lower-case particle may start: at the word before the
    particle when a given name precedes that word ("Kyelem de Tambela", or "Carlos del Río":
    that one may be a given name, so later words stay short forms too), else at the particle
    ("de Gaulle" of "Charles de Gaulle"); ``None`` without such a particle."""
    for p in range(1, len(parts) - 1):
        if parts[p].folded in _NAME_PARTICLES and parts[p].text.islower() \
                and parts[p + 1].text[:1].isupper() and not joined(text, parts[p], parts[p + 1]):
            return p - 1 if p >= 2 else p
    return None


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def utf8_to_char_offsets(text: str, hits: list[tuple[int, int, int]]
                         ) -> list[tuple[int, int, int]]:
    """Hits in ``text.encode()`` with their byte offsets as ``text``'s character offsets:
    each non-ASCII character before an offset took one to three bytes more."""
    at: list[int] = []  # the byte offset just after each non-ASCII character
    extra: list[int] = []  # bytes more than characters up to there
    more = 0
    for found in _NON_ASCII.finditer(text):
        more += len(found.group().encode()) - 1
        at.append(found.end() + more)
        extra.append(more)

    def char(offset: int) -> int:
        k = bisect_right(at, offset)
        return offset - (extra[k - 1] if k else 0)

    return [(pattern, char(start), char(end)) for pattern, start, end in hits]


def _space_neighbours(patterns: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The word characters just before and just after each space of the patterns."""
    before: set[str] = set()
    after: set[str] = set()
    for pattern in patterns:
        if " " in pattern:
            words = pattern.split(" ")
            before.update(words[:-1])
            after.update(words[1:])
    return (frozenset(word_chars_at(w, end=True) for w in before),
            frozenset(word_chars_at(w, end=False) for w in after))


def search_keys(parts: tuple[str, ...]) -> list[str]:
    """How a spelling can appear in the search text: its parts separated by one space, with
    any of them written together ("amir abdollahian", "amirabdollahian"), and an initial
    with or without its period ("eddie t. hardin", "u.s").

    Every way of joining is listed for names of up to three parts; longer names get the
    spaced form, each single join, the fully joined form (the automaton's size is what a
    large glossary pays for in memory) and their initials written together ("a.a.k. niazi").
    """
    if len(parts) == 1:
        return [parts[0]]
    gaps = len(parts) - 1
    if gaps <= 2:
        patterns: Iterable[tuple[int, ...]] = product((0, 1), repeat=gaps)
    else:
        patterns = [(0,) * gaps, (1,) * gaps] + [
            tuple(int(g == k) for g in range(gaps)) for k in range(gaps)] + [
            tuple(int(len(parts[g]) == 1 == len(parts[g + 1])) for g in range(gaps))]
    # a word is never written together with a middle initial after it (``joins_an_initial``):
    # "julian duncan" is no way of writing "Julia N. Duncan"
    apart = [len(parts[g]) > 1 and len(parts[g + 1]) == 1 and parts[g + 1] not in "aeious"
             and g + 1 < gaps for g in range(gaps)]
    if any(apart):
        patterns = [joins for joins in patterns
                    if not any(join and alone for join, alone in zip(joins, apart, strict=True))]
    keys = []
    for joins in patterns:
        key = parts[0]
        for g, join in enumerate(joins):
            key += ("" if join else " ") + parts[g + 1]
        keys.append(key)
        if any(len(p) == 1 for p in parts[:-1]):
            keys.append(_with_periods(parts, joins))
    return list(dict.fromkeys(keys))


def _with_periods(parts: tuple[str, ...], joins: tuple[int, ...]) -> str:
    """The key again with a period after each initial ("t. hardin", "u.s")."""
    key = parts[0] + ("." if len(parts[0]) == 1 else "")
    for g, join in enumerate(joins):
        key += ("" if join else " ") + parts[g + 1]
        if len(parts[g + 1]) == 1 and g + 1 < len(parts) - 1:
            key += "."
    return key


_VOWEL_RUN = re.compile(r"[aiuy*]+")
# a word of two letters or more abbreviated inside a spelling, as written ("Mustafa ef.
# Cerić", the effendi of Bosnian clerics): the spelling is looked for with its period too
INNER_ABBREVIATION = re.compile(r"[^\W\d_]{2}\.\s+\w")
# a quoted nickname ('Esmael "Toto" Mangudadatu', "Ahmed Abdi « Godane »") or the comma before
# a suffix ("Andal Ampatuan, Jr."): separators that are no name gap
_QUOTE_OR_COMMA = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]|,\s")
_QUOTED = re.compile(r'"\s*([^"]*?)\s*"')  # a quoted word in a search text


def _as_written_keys(spelling: str) -> list[str]:
    """The spelling's search text as written, one space between words; a quoted nickname
    with and without spaces inside its quotes (English "Toto", French « Toto »)."""
    key = " ".join(search_text(spelling).split())
    if '"' not in key:
        return [key]
    return list(dict.fromkeys([key, _QUOTED.sub(r'"\1"', key), _QUOTED.sub(r'" \1 "', key)]))


def gaps_as_written(spelling: str) -> bool:
    """Does the spelling write a separator that is no name gap ("Procter & Gamble", "Mustafa
    ef. Cerić", a quoted nickname, ", Jr.")? The text must then write it too: such a
    spelling is also searched as written."""
    return "&" in spelling or bool(INNER_ABBREVIATION.search(spelling)
                                   or _QUOTE_OR_COMMA.search(spelling))


def loose(key: str) -> str:
    """A key with its vowels blanked and leading vowels dropped (Brahim ~ Ibrahim). The
    article keeps its key: blanked it would be "l", the key of an initial ("L. Ghanee"), and
    every word after "al" would be looked up as a name after that initial."""
    if key == "al":
        return key
    return _VOWEL_RUN.sub("*", key).lstrip("*")


LONG_PART = 6  # a key this long is found by its consonants ("Sleiman" ~ "Suleiman"), then verified


def consonants(key: str) -> str:
    """A key without its vowels: finds a long part with one vowel more or less
    ("Abdourahmane" ~ "Abdourahamane"); an index key only, candidates are verified."""
    return _VOWEL_RUN.sub("", key)


def pair_key(previous: str, last: str, fuzzy: bool = False) -> str:
    """Index key of a name by its last two parts: the one before loosely, the last exactly
    (or vowel-masked when ``fuzzy``)."""
    return f"P|{loose(previous)}|{'~' + masked(last) if fuzzy else last}"


def joined(text: str, left: Token, right: Token) -> bool:
    """The two parts belong to one word: a hyphen or apostrophe, no space, between them."""
    return not any(c.isspace() for c in text[left.end:right.start])


# Words that lead a family name of two words and never stand alone: the Kabyle "Aït" (sons
# of) of "Hocine Aït Ahmed", whose short form is "Aït Ahmed", never "Ahmed"
_FAMILY_HEADS = frozenset({"ait"})


def _family_ben(parts: list[Token], k: int) -> bool:
    """"bin"/"Ben" before the last word starts a family name ("Itamar Ben-Gvir", "Zine El
    Abidine Ben Ali", "Ahmed Awad bin Mubarak" ... "Bin Moubarak"), not a father's name
    inside a longer one ("Abdullah bin Zayed Al Nahyan"); the last word alone stays the
    father's ("Mubarak")."""
    return k + 2 == len(parts)


def _articles(parts: list[Token]) -> int:
    return sum(1 for p in parts if p.folded in ARTICLES)


def _generable(parts: list[Token]) -> bool:
    """Two name parts, or an article and a name of 4+ letters ("Al-Qods"), in Latin script."""
    names = [p for p in parts if p.folded not in ARTICLES]
    return _latin(parts) and (len(names) >= 2 or (len(parts) >= 2 and len(names) == 1
                                                   and len(names[0].folded) >= 4))


def _distinct_place_word(entry: Entry, parts: list[Token], keys: tuple[str, ...]) -> bool:
    """A place or organisation named by one long word that is neither a common word nor a
    given name ("Hodeidah" ~ "Hudaydah", "Hasakah" ~ "Hassaké", "Beirut" ~ "Beyrouth"): its
    romanization key alone is distinctive enough. Short ones ("Rafah" ~ "Rafa") are not."""
    return (entry.type in ("place", "org") and len(parts) == 1 and _latin(parts)
            and len(parts[0].folded) >= 5 and len(keys[0]) >= 5
            and ambiguity(parts[0].folded) is None)


def _latin(parts: list[Token]) -> bool:
    return all(p.folded.isascii() for p in parts)


__all__ = ["TURKIC_PATRONYMICS", "CompiledGlossary", "FormSpec", "add_key", "concat_align",
           "GIVEN_KEYS",
           "join_keys", "joined", "joined_with_bounds", "loose", "masked", "pair_key",
           "search_keys"]
