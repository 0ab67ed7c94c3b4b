"""Canonicalize entity spellings in a text against a glossary.

Contract:
- Matching is whole-token (a name inside a longer word never matches), Unicode-aware and
  case-insensitive by default; between the parts of a name it tolerates any dash or apostrophe,
  spaces, NBSP, one line break and the slash of an abbreviation ("Yemane G/Meskel", never
  "Menfi/Dbeyba"); accents, hyphen/space/joined forms, French elision
  ("d'Amir Abdollahian") and possessives ("Haniyeh's") are handled by the tokenizer.
- Candidates are chosen leftmost-longest and non-overlapping, so a longer name is never broken
  by an entry for one of its parts; a span two entries claim equally is left alone.
- Unlisted romanizations ("generated") need at least two name parts, capitalized text, every
  part aligned one to one or by joining, equal romanization keys except one vowel in a long
  given name (or in a family name of 7+ letters, 5+ when two other parts agree); a single
  word only for a place or organisation named by one word, and never one word in capitals (an
  acronym: "SANA" is not Sana'a). Middle given names may be added or left out ("Fuad
  Mohammed Hussein"), never the first name, never one for another ("Mohammad Reza" is not
  "Mohammad Bagher"), and only where no other capitalized name part touches the mention. One
  middle name no table knows ("Khalid Mahfouad Bahah") only where the document names the
  person otherwise too and the glossary spells no longer name for the person.
- Short forms ("Abdollahian", "Bagheri", "Abdul Rashid") are resolved only after the same entry
  was named in full earlier in the same document (or in the headline, when the story then names
  it in full and no other person in the document shares the name), when no other named entry
  shares them, and when the mention is not part of a longer capitalized name ("Zakir Hussain",
  "Mohammad Bagheri"); the document's own spelling of the family name counts as a short form.
  An ordinary word or a country's or capital's name is a short form only as the person's own
  word left as it is ("The" is never "Thea", "Iran" never "Irene"). A family name led by
  "bin" or "Abu" keeps it ("Bin Mubarak", "Abu Rudeineh"); the word after "bin" alone is a
  father's name. A first name alone after the full mention, written as the full mention wrote
  it ("Vouria Ghafouri ... Vouria"), is the person's, spelled as the canonical's first name,
  unless anyone may carry it ("Mohammed", "Ali"), a religious title comes before it, another
  name word touches it, or someone else of the document carries it.
- A person named in full and written differently elsewhere in the same document ("document",
  ``namesim``): a typo or a respelling no rule joins ("Kaftancigolu" after "Canan
  Kaftancioglu", "Hani al-Malki" after "Hani al-Mulki"), every part the same or alike, one
  at least the same; one given name or two more, one middle name less; a word alone only
  after the full mention. Never a given name for another, a nisba, someone else of the
  document who looks alike, nor across documents. A family name right after a relation of
  the person ("X, son of Grand Ayatollah al-Khoei") is the relative's.
- A person's name of two parts or more followed by another capitalized name word (through a
  space, a line break or a hyphen) is a longer name the glossary does not spell: left alone
  ("Fereydoon Abbasi Davani"), except before capitals, ordinary words, in a title-case line;
  where the document names the person otherwise too, one more word no table knows is the
  person's longer name ("Mohsen Rezaei Mirghaed").
- A person's spelling that is how the canonical starts ("Seif al-Islam") takes the next part
  of the name in another spelling with it ("Seif al-Islam Kadhafi"); any other capitalized
  name after it makes the mention someone else's, left alone. A listed end of a name ("Caïd
  Essebsi"), or initials and a family name ("A. P. Kayani"), after another name are someone
  else's; after the person's own first name they are the name in full. Another given name
  right before a person's whole name makes a son's name ("Yahya Abdullah Ayedh Al-Razami"),
  unless it is Muhammad, an "Abd" or a title ("Sultan Haitham bin Tariq"). A quoted nickname that
  the canonical spells joins the mention ('Salah Abdallah "Gosh"'). Two or more initials, one
  for each of the canonical's given names, and the family name are the person in full ("A.A.K.
  Niazi", "HM Ershad") where one person in the glossary has them.
- A title written after a name ("Pasha", "Bey") ends it, unless the glossary names the person
  with one ("Ahmed Djemal Pacha" for Cemal Pasha). A name followed by the word for a place or
  body named after the person ("Rafik Hariri University"), or after the French one
  ("l'hôpital Avicenne"), is that one's, left alone; so is a person's spelling after "bin"
  and a name (a father's name), and a person's full name introduced as a relative of the
  person just named ("His father, Moustafa Mosharafa").
- Names of organisations, places and events in the document language's words ("translated",
  ``normalizer.translated_names``) and the shipped known aliases of the entities the glossary
  names ("alias", ``normalizer.glossary.known``, on by default) are found like listed ones.
- Handles, hashtags and web addresses are never rewritten, nor a short form in lower case.
- Every replacement is a ``Change`` with input and output offsets; text outside the changed
  spans is byte-identical, and a second pass changes nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import compress
from typing import Any, overload

from normalizer.commonwords import (
    TITLES,
    TITLES_AFTER_NAMES,
    is_common_capitalized,
    is_ordinary_word,
    place_words,
)
from normalizer.document import Change, Document
from normalizer.glossary import EVENT_TYPES, Glossary, form_key
from normalizer.glossary.ambiguous import GIVEN_NAMES
from normalizer.glossary.known import known_place_words, with_known_aliases
from normalizer.matcher import (
    COMPOUND_HEADS,
    CONNECTORS,
    INNER_ABBREVIATION,
    LONG_PART,
    NASAB,
    PARTICLES,
    REGNAL,
    SERVANT_OF,
    TURKIC_PATRONYMICS,
    CompiledGlossary,
    FormSpec,
    add_key,
    ayn_joined,
    concat_align,
    consonants,
    family_readings,
    join_keys,
    joined,
    joined_with_bounds,
    loose,
    masked,
    part_keys,
)
from normalizer.namesim import (
    GIVEN_NAME_KEYS,
    MIN_LETTERS,
    is_name_part,
    may_stand_alone,
    name_run,
    neighbours,
    other_middle_name,
    respelling,
    respells,
    spelling_parts,
)
from normalizer.naming import renamed_to
from normalizer.romanize import (
    ARTICLES,
    MUHAMMAD,
    article_in_context,
    close_keys,
    e_for_i,
    name_key,
    surface_key,
    vowel_deletions,
)
from normalizer.textfold import (
    APOSTROPHES,
    AYN_LETTERS,
    DASHES,
    Token,
    fold_token,
    is_name_gap,
    is_word_char,
    search_text,
    tokenize,
    word_chars_at,
)
from normalizer.translated_names import english_word, load_lexicon

RULE_PRIORITY = {"keep": 0, "exact": 1, "folded": 2, "generated": 3, "translated": 3,
                 "short": 4, "document": 4, "acronym": 5}
# A spelling the tool added (a known alias, an English name variant) is recorded by its origin.
_BY_ORIGIN = frozenset({"exact", "folded", "generated"})
# What may separate two parts of a name when looking back from a capitalized word: a name gap,
# possibly with a lower-case particle in it (" al-", " bin ", " ibn ").
# Turkic "son of" / "daughter of" after a father's name ("Zakir Asger oghlu Hasanov"): the
# words of matcher.TURKIC_PATRONYMICS as the text may write them (with "ğ" and "ı")
_TURKIC = r"o[gğ]h?lu|ogly|ogli|uly|kyzy|k[iı]z[iı]|q[iı]z[iı]|gizi"
_SEP = r"[ \t\u00a0\u202f\n\-\u2010-\u2015'\u2018\u2019\u02bb\u02bc\u02be\u02bf]{1,3}"
_PREVIOUS_GAP = re.compile(rf"{_SEP}(?:(?:a|al|el|ul|ad|ar|as|ash|at|az|an|ad|bin|ibn|bint|ben|de|"
                           rf"da|du|van|von|der|ed|ud|e|i|{_TURKIC}){_SEP}"  # e, i: ezafe
                           # the Maghrebi and Egyptian "es-", "ez-" only joined: "et", "en" are
                           # French words
                           r"|(?:es|ez|et|en|er|ath|adh)[\-\u2010\u2011])?")
_MAX_GAP = 10  # the longest _PREVIOUS_GAP: three separators, a particle, three separators
_ENDS_ALONE = 2  # a word that ends a name with nothing before it (see _ends_a_name)
# what _PREVIOUS_GAP is made of: separators and the letters of lower-case particles
_GAP_CHARS = (" \t\u00a0\u202f\n-\u2010\u2011\u2012\u2013\u2014\u2015'\u2018\u2019"
              "\u02bb\u02bc\u02be\u02bfabcdefghijklmnopqrstuvwxyz\u011f\u0131")  # ğ ı: "oğlu"
_JOINERS = frozenset(DASHES + APOSTROPHES)
_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?:al|el|ul|ad|ar|as|ash|at|az|an|ed|es|ez|et|er|en)"
                             r"[-'\u2019]$",
                             re.IGNORECASE)
# Capitalized Latin words: candidate name parts for unlisted romanizations and short forms.
# (A word's start is checked where it matters: a look-behind here would slow every document.)
# An apostrophe followed by lower-case letters continues a word of 2+ letters ("Qa’ani", the
# ayn of Arabic names), but not a possessive ("Haniyeh’s") or an elision ("L’Iran").
# the capitals of Latin Extended-A and -B ("Ş", "Ə"; never the "ğ" inside "oğlu")
_EXTENDED_CAPITALS = "".join(chr(c) for c in range(0x100, 0x250)
                             if chr(c).isupper() or chr(c).istitle())
CAPITALIZED_RE = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de" + _EXTENDED_CAPITALS + "]"
                            r"(?:\w+(?:['\u2019\u02bc\u02bf](?!s\b)[a-z\u00df-\u00ff]+)*)?")


def _may_be_name_gap(gap: str) -> bool:
    """What ``_PREVIOUS_GAP`` could match: a few separators and lower-case letters; checked
    with ``str.strip`` first, as most gaps between capitalized words are sentence breaks."""
    return 0 < len(gap) <= _MAX_GAP and not gap.strip(_GAP_CHARS)


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


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    spec: FormSpec
    rule: str
    # with a middle name no table knows: kept only where the document names the entry
    # otherwise too (``_with_middle_names``)
    loose: bool = False


class Canonicalizer:
    """Applies one glossary; compiled structures are built once per document language."""

    def __init__(self, glossary: Glossary, *, case_sensitive: bool = False,
                 generate: bool = True, short_forms: bool = True, known_aliases: bool = True):
        # the shipped known aliases ("Hemedti", "Abu Mazen") of the entities the glossary names
        self.glossary = with_known_aliases(glossary) if known_aliases else glossary
        self.case_sensitive = case_sensitive
        self.generate = generate
        self.short_forms = short_forms
        self._compiled: dict[str | None, CompiledGlossary] = {}
        self._ending: dict[str | None, _Memo] = {}
        # capitalized words up to one that may end a name -> ``_may_end_here``'s answer
        self._name_ends: dict[str | None, dict[tuple[str, ...], bool]] = {}
        # word -> romanization key, key -> vowel-masked / loose key: computed once per word
        self._fold = _Memo(fold_token).__getitem__
        self._key = _Memo(lambda surface: surface_key(surface, self._fold(surface))).__getitem__
        self._masked = _Memo(masked).__getitem__
        self._loose = _Memo(loose).__getitem__
        self._deletions = _Memo(vowel_deletions).__getitem__
        self._last_forms = _Memo(self._last_part_forms).__getitem__
        self._consonants = _Memo(consonants).__getitem__
        self._canonicals: dict[int, tuple[list[Token], tuple[str, ...]]] = {}
        self._entry_initials: dict[int, frozenset[str]] = {}
        self._longest_forms: dict[int, int] = {}  # entry -> most name words in a spelling
        self._spelled_out: dict[int, bool] = {}  # entry -> the glossary spells it many ways
        self._name_part_keys: dict[int, frozenset[str]] = {}  # entry -> its words' keys
        self._titled_entries: dict[int, bool] = {}  # entry -> named with "Pasha" or the like
        self._person_words_made: dict[str | None, dict[str, set[int]]] = {}
        # capitalized word -> what a respelling of it is looked up by (``_respelled``);
        # nothing for a short or ordinary word, which never respells a name
        self._respelling_keys = _Memo(self._respelling_index_keys)
        self._respelling_made: dict[tuple[str | None, int], tuple[
            tuple[tuple[tuple[str, str], ...], ...], tuple[str, str] | None, frozenset[str]]] = {}
        # word -> "~" + its vowel-masked key when it has 6+ letters (None below): a short
        # form's one-vowel variant ("Hifter" after "Haftar") is looked up by it
        self._long_masked = _Memo(self._masked_if_long).__getitem__

    def compiled(self, lang: str | None) -> CompiledGlossary:
        if lang not in self._compiled:
            compiled = self._compiled[lang] = CompiledGlossary(self.glossary, lang)
            # capitalized word -> could it end an unlisted variant of this glossary?
            self._ending[lang] = _Memo(partial(self._ends_a_name, compiled))
        return self._compiled[lang]

    # -- public API -------------------------------------------------------------------------
    def canonicalize(self, text: str, lang: str | None = None) -> tuple[str, list[Change]]:
        """The canonicalized text and the changes made, in text order.

        A replacement can complete a longer name with the text around it ("Déluge d'" +
        "Al-Aqsa ..."), or make a short form unambiguous (a respelling: rule ``document``),
        so passes repeat until nothing changes (at most three), and the
        changes of later passes are composed into offsets of the input text: the result is a
        fixed point, which is what makes a second run a no-op.
        """
        out, changes = self._one_pass(text, lang)
        for _ in range(2):
            # (a respelling makes the document name its person one way: a short form that
            # looked like someone else's next to the old spelling may now be theirs)
            growing = [c for c in changes if c.rule == "document" or _may_grow(out, c)
                       or self._translated_around(out, c, lang)]
            if not growing or not (self.generate or self._listed_across(out, growing, lang)):
                break
            again, more = self._one_pass(out, lang)
            if not more:
                break
            changes = compose_changes(text, changes, more)
            out = again
        return out, changes

    def _translated_around(self, out: str, change: Change, lang: str | None) -> bool:
        """Does a lower-case word of a translated name's language lead into the replacement
        ("parti Jatiyo" written "parti Jatiya Party" is then the French "parti Jatiya")?"""
        lexicon = load_lexicon(lang) if lang else None
        if lexicon is None or not self.compiled(lang).translated:
            return False
        left = _GROW_LEFT.search(out, max(0, change.out_start - 40), change.out_start)
        return left is not None and fold_token(left.group().split()[0]) in lexicon.words

    def _listed_across(self, out: str, changes: list[Change], lang: str | None) -> bool:
        """Does a listed spelling run across the edge of a replacement? Only then can another
        pass find more, when unlisted variants are off: the automaton looks at the text around
        each replacement instead of a whole second pass."""
        compiled = self.compiled(lang)
        if compiled.automaton is None:
            return False
        reach = compiled.longest + 1
        for c in changes:
            lo = max(0, c.out_start - reach)
            search = search_text(out[lo:c.out_end + reach])
            if "  " in search:
                return True  # a separator of several characters: let the full pass decide
            for _pattern, a, b in compiled.find_spellings(search):
                if a + lo < c.out_start < b + lo or a + lo < c.out_end < b + lo:
                    return True
        return False

    def _one_pass(self, text: str, lang: str | None) -> tuple[str, list[Change]]:
        matches = self.find(text, lang)
        pieces: list[str] = []
        changes: list[Change] = []
        cursor = shift = 0
        for m in matches:
            original = text[m.start:m.end]
            target = m.spec.target
            # (a name in capitals, "MOUSTAPHA TLASS" in a headline, is written as the canonical:
            # one spelling of each name, whatever the case around it)
            if target[:1].islower() and original[:1].isupper() and starts_sentence(
                    text, m.start):
                target = target[0].upper() + target[1:]  # "Al-Hayya spoke.", not "al-Hayya"
            if m.spec.kind == "keep" or original == target:
                continue
            pieces.append(text[cursor:m.start])
            pieces.append(target)
            out_start = m.start + shift
            rule = m.spec.origin if m.spec.origin and m.rule in _BY_ORIGIN else m.rule
            changes.append(Change(m.start, m.end, out_start, out_start + len(target), original,
                                  target, self.glossary.entries[m.spec.entry].id, rule))
            shift += len(target) - (m.end - m.start)
            cursor = m.end
        pieces.append(text[cursor:])
        return "".join(pieces), changes

    def canonicalize_document(self, doc: Document, lang: str | None = None) -> Document:
        """Canonicalize ``doc.text`` in place of the document's text; changes are appended."""
        text, changes = self.canonicalize(doc.text, lang if lang is not None else doc.language)
        doc.text = text
        doc.changes.extend(changes)
        return doc

    def find(self, text: str, lang: str | None = None) -> list[Match]:
        """Every mention (kept look-alikes included), leftmost-longest, non-overlapping."""
        compiled = self.compiled(lang)
        window = _DocTokens(text, self._key)
        candidates = self._listed(text, compiled)
        capitals = _Capitals(text, self._key, self._long_masked, self._fold)
        if self.generate:
            if compiled.split_words:  # like unlisted variants, this reads capitalized words
                candidates += self._split_listed(text, compiled, window, capitals)
            listed_ends = {c.end for c in candidates if not c.spec.short}
            candidates += self._generated(text, compiled, window, capitals, listed_ends)
            candidates += self._initials_names(text, compiled)
            if compiled.by_first_last:
                candidates += self._middle_initials_names(text, compiled)
            if compiled.translated:
                candidates += self._translated(text, compiled, candidates)
        if any(_stands_alone(c) for c in candidates):
            candidates = [c for c in candidates if not _stands_alone(c)
                          or not self._inside_other_name(text, window, c)]
        if any(_article_and_one_word(c) for c in candidates):
            # "Al-Ahli" may be Al Ahly, but "Shabab Al-Ahli" is another club
            candidates = [c for c in candidates if not _article_and_one_word(c)
                          or not self._inside_other_name(text, window, c, after=False)]
        if any(_HYPHEN_NAME_AFTER.match(text, c.end) for c in candidates):
            # "Marrakesh-Safi" (a region) is not Marrakesh; "Irak-Iran" is both, and
            # "Al-Qods-Est" East Jerusalem in French. A person's name goes on in a compound
            # family name the glossary does not know ("Fereydun Abbasi-Davani"): left alone
            starts = {c.start for c in candidates}
            candidates = [c for c in candidates if not (
                (c.spec.name_parts == 1 or compiled.is_person(c.spec.entry))
                and c.spec.kind != "keep"
                and c.end + 1 not in starts and _hyphen_name_after(text, c.end))]
        deferred = [c for c in candidates if c.spec.short]
        chosen = _select([c for c in candidates if not c.spec.short])
        if any(_NASAB_AFTER.match(text, m.end) for m in chosen):
            chosen = [m for m in chosen if not self._goes_on_with_a_father(text, m)]
        if any(m.loose for m in chosen):
            named = {m.spec.entry for m in chosen if not m.loose}
            chosen = [m for m in chosen if not m.loose or m.spec.entry in named]
        if self.short_forms:
            chosen = self._resolve_short(text, compiled, window, capitals, chosen, deferred)
            chosen = self._acronyms(text, compiled.lang, capitals, chosen)
            respelled = self._respelled(text, compiled, window, capitals, chosen)
            if len(respelled) != len(chosen) and any(
                    m.rule == "document" and not m.spec.short for m in respelled):
                # a person named in full by a respelling ("Ahmed al-Zend" for Ahmed al-Zind)
                # is named in full: the document's short forms of it follow ("Zend")
                respelled = self._resolve_short(text, compiled, window, capitals, respelled, [])
            chosen = self._given_name_alone(text, compiled, window, capitals, respelled)
        out = []
        for m in chosen:
            if not _not_a_mention(text, compiled, m) and not self._given_name_as_fathers(
                    text, compiled, m) and not self._kin_of_the_one_named(text, compiled, out, m):
                m = self._with_own_title(text, self._with_loose_article(text, m))
                m = self._after_a_name(text, compiled, m)
                if m is not None:
                    m = self._with_rest_of_name(text, compiled, m)
                if m is not None and self._goes_on_with_another_name(text, compiled, m):
                    m = self._with_one_more_name(text, m, chosen)
                if m is not None:
                    m = _with_last_word_of_target(text, m)
                if m is not None:
                    m = self._with_quoted_nickname(text, compiled, m)
                if m is not None:
                    m = self._with_leading_given_name(text, compiled, m,
                                                      out[-1].end if out else 0)
                    if m is None:
                        continue
                    if out and m.start < out[-1].end:
                        continue  # grown into the name before it: "Fuad Hussain Amir-
                        # Abdollahian" is neither Fuad Hussein nor Amir-Abdollahian in full
                    if m.spec.origin != "alias" or not renamed_to(text, m.start):
                        out.append(m)  # (a shipped alias, a former name, in a sentence about
                        # the renaming stays: "renamed itself Jabhat Fateh al-Sham")
        return [_with_leading_ayn(text, m) for m in out]

    def _kin_of_the_one_named(self, text: str, compiled: CompiledGlossary, named: list[Match],
                                  m: Match) -> bool:
        """A person's full name introduced as a relative of the person named just before ("...
        that Mousharafa was killed. His father, Moustafa Mosharafa, was a scholar", "... était le
        fils de Moustafa Mosharafa"): one is not
        one's own father, so the name is the relative's, who may share most of it. Only when no
        other full name stands between them ("Inji Efflatoun ... Son neveu Hassan Galaleddine ...
        sa tante Injy Efflatoun" is her again)."""
        if m.spec.kind == "keep" or m.spec.short or not compiled.is_person(m.spec.entry):
            return False
        kin = _POSSESSIVE_KIN.search(text, max(0, m.start - 40), m.start)
        if kin is None:
            return False
        before = [c for c in named if c.end <= kin.start()]
        return bool(before) and before[-1].spec.entry == m.spec.entry \
            and _FULL_NAME.search(text, before[-1].end, kin.start()) is None \
            and not any(self._person_words(compiled).get(fold_token(found.group()), set())
                        - {m.spec.entry}
                        for found in _CAPITALIZED_IN.finditer(text, before[-1].end, kin.start()))
            # (another person of the glossary between: "When young Nubar arrived, his uncle
            # Boghos Bey Yusufyan ..." is Nubar's uncle)

    def _person_words(self, compiled: CompiledGlossary) -> dict[str, set[int]]:
        """The name words of the glossary's persons (folded; titles and articles aside) and
        whose they are: made once, for the rare look-ups of ``_kin_of_the_one_named``."""
        words = self._person_words_made.get(compiled.lang)
        if words is None:
            words = self._person_words_made[compiled.lang] = {}
            for i in compiled.partials:
                for form in self.glossary.entries[i].forms(compiled.lang):
                    for t in tokenize(form.text):
                        if t.folded not in ARTICLES and t.folded not in TITLES:
                            words.setdefault(t.folded, set()).add(i)
        return words

    def _with_own_title(self, text: str, m: Match) -> Match:
        """A title written after a name ("Pasha", "Bey") belongs to the mention where the
        glossary names the person with one ("Ahmed Djemal Pacha" for Cemal Pasha, when only
        "Ahmed Djemal" is listed too); else it stays outside ("Nokrashy Pasha")."""
        found = _next_to(_WORD_AFTER, text, m.end)
        if found is None or fold_token(found.group(1)) not in TITLES_AFTER_NAMES \
                or text[m.end:found.start(1)].strip() or not self._titled(m.spec.entry):
            return m
        return replace(m, end=found.end(1))

    def _titled(self, entry: int) -> bool:
        """Does the glossary name the person with a title written after the name?"""
        titled = self._titled_entries.get(entry)
        if titled is None:
            titled = self._titled_entries[entry] = any(
                t.folded in TITLES_AFTER_NAMES for form in self.glossary.entries[entry]
                .every_form() for t in tokenize(form.text))
        return titled

    def _after_a_name(self, text: str, compiled: CompiledGlossary, m: Match) -> Match | None:
        """A listed one-part spelling of a person ("al-Faraj", "Farmajo") after a capitalized
        name: the person's own given name, as the canonical starts, belongs to the mention
        ("Majed al-Faraj", never "Majed Majed Faraj"); any other name makes it someone else's
        ("Amjad al-Faraj", his brother). A place's or organisation's one word followed by an
        article-led name part is inside another name."""
        if m.spec.name_parts != 1 and (m.spec.kind == "listed" or (
                m.spec.kind == "partial" and m.rule in ("exact", "folded", "generated"))):
            return self._tail_after_a_name(text, compiled, m)  # generated ones too
        entry = compiled.entries[m.spec.entry]
        if (entry.type == "org" and m.spec.kind == "listed" or entry.type == "place"
                and m.rule == "generated") \
                and _goes_on_into_another_name(text, entry.canonical, m):
            return None  # "Damac Hills", "IRIB News Network": another thing, named after it
            # (a place's unlisted one-word spelling too: "al-Habboubi Central Hospital")
        if m.spec.kind != "listed" or m.rule not in ("exact", "folded"):
            return m
        if not compiled.is_person(m.spec.entry) and _next_to(_ARTICLE_NAME_AFTER, text, m.end):
            return None  # "Bosra al-Harir" is another town than Bosra (al-Sham)
        if entry.type == "org" and _another_nation_after(text, m.end, entry.canonical):
            return None  # "l'UÇK macédonienne" is not Kosovo's UÇK
        found = _word_before(text, m.start)
        if found is None or is_ordinary_word(fold_token(found.group(1))):
            return m
        if not compiled.is_person(m.spec.entry):  # an organisation or a place
            # "Kataib Hezbollah", "Hezbollah al-Nujaba": inside another name; "Lebanese
            # Hezbollah" is the same one
            word = fold_token(found.group(1))
            if _of_another_nation(found.group(1), compiled.entries[m.spec.entry].canonical):
                return None  # "Egyptian Hezbollah" is not the Lebanese Hezbollah
            return m if word in _SAME_NAME_WORDS or word in _FEATURES or _demonym(word) else None
        canonical, _keys = self._canonical_parts(m.spec.entry)
        if (len(canonical) >= 2 and canonical[0].folded not in ARTICLES
                and self._key(found.group(1)) == self._key(canonical[0].text)):
            return replace(m, start=found.start(1))
        return None

    def _tail_after_a_name(self, text: str, compiled: CompiledGlossary,
                           m: Match) -> Match | None:
        """A listed spelling of several words that is the end of a person's canonical ("Caïd
        Essebsi" for Beji Caid Essebsi) after a capitalized name: the person's own preceding
        name in any romanization belongs to the mention ("Hussein Amir Abdullahian" for
        Hossein Amir-Abdollahian); another name makes it someone else's ("Ismail Caïd
        Essebsi", an ancestor)."""
        entry = self.glossary.entries[m.spec.entry]
        if not compiled.is_person(m.spec.entry):
            if entry.type == "place" and m.spec.kind == "listed" \
                    and _goes_on_into_another_name(text, entry.canonical, m):
                return None
            before = _word_before(text, m.start)
            if before is not None and _of_another_nation(before.group(1), entry.canonical) \
                    or entry.type == "org" and _another_nation_after(text, m.end,
                                                                     entry.canonical):
                return None  # "Egyptian Journalists' Syndicate": another country's body
            if before is not None and entry.type == "org" and _wider_body(
                    before.group(1), entry.canonical):
                return None  # the "International Association of Judges" is another body
            return m
        if m.spec.kind == "partial" and _NASAB_BEFORE.search(text, max(0, m.start - 8),
                                                             m.start):
            return None  # a father's name: "Talib bin Mamari" is no short form "Mamari"
        if m.spec.folded[0] in NASAB and m.start >= 2 and text[m.start - 1] in DASHES \
                and text[m.start - 2].isalpha():
            return None  # "Tanger-Ibn Battouta": a compound name (the airport's)
        found = _word_before(text, m.start)
        if found is None or is_ordinary_word(fold_token(found.group(1))):
            return m
        if (m.spec.name_parts == 2 and m.spec.folded[-1] in TITLES_AFTER_NAMES
                or m.spec.folded[0] in NASAB) and m.spec.kind == "listed":
            # one name and its title ("Djemal Pacha"), or a name that starts "Ibn" ("Ibn
            # Rushd"), after a given name the glossary does not give the person: someone else
            # ("Mehmed Djemal Pacha"; "Muhammad ibn Rushd" is a son of Rushd, the grandfather)
            return m if self._key(found.group(1)) in self._own_keys(m.spec.entry) else None
        keys = self._canonical_parts(m.spec.entry)[1]
        span = concat_align(keys, m.spec.keys)
        if m.spec.target == entry.canonical:
            # the person's own first name before a spelling of the whole name belongs to it
            # ("Mohamed Tewfik Nessim" for Muhammad Tawfiq Nasim when "Tewfik Nessim" is
            # listed; never another of the person's names, out of order: "Amani Abeid Karume"
            # is the son of Abeid Amani Karume); any other word is left outside,
            # unless the spelling is the canonical without its first name: then another name
            # before it is someone else's ("Alia Mehdi Akef", the daughter of Mohammed Mehdi
            # Akef)
            unused = list(keys)
            for key in m.spec.keys:
                if key in unused:
                    unused.remove(key)
            before = self._key(found.group(1))
            if before in unused and m.start - found.end(1) <= 3:
                if keys.index(before) != 0:
                    return None  # not the canonical's first name: "Amani Abeid Karume", the
                    # son of Abeid Amani Karume, is named "Amani son of Abeid"
                return Match(found.start(1), m.end, m.spec, m.rule)
            if span is not None and span[0] > 0 and m.start - found.end(1) <= 3 \
                    and not _same_name_part(before, keys[span[0] - 1]):
                return None
            if m.start - found.end(1) <= 1 and _fathers_name_before(found.group(1), before):
                return None  # a son named with his father's full name: "Yahya Abdullah Ayedh
                # Al-Razami"
            return m
        if span is not None and span[0] > 0 and _same_name_part(self._key(found.group(1)),
                                                                keys[span[0] - 1]):
            if span[0] - 1 > 0 and not all(k in ARTICLES for k in keys[:span[0] - 1]):
                return None  # the canonical but its first name: "Fakhri Abdel Nour" is the
                # grandfather of Mounir Fakhry Abdel Nour, named by the family's chain
            return Match(found.start(1), m.end, replace(m.spec, target=entry.canonical), m.rule)
        return None

    @staticmethod
    def _goes_on_with_another_name(text: str, compiled: CompiledGlossary, m: Match) -> bool:
        """A person's spelling followed by another capitalized name word is a longer name
        the glossary does not spell, maybe someone else's ("Fereydoon Abbasi Davani", "Turki
        bin Faisal Al Saud", "Kamel al-Tayeb Idris Abdelhafiz"; a one-word spelling too: a
        listed "Salim" for Lokman Slim is a given name in "Salim Ayyash"): left alone.
        Not before a word in capitals, an ordinary word ("Monday"), or in a line written in
        title case ("Araghchi Meets Lavrov"); a title followed by a name word is inside the
        name ("Abdiweli Sheikh Ahmed" is another man than Abdiweli Mohamed Ali). Before the
        word for a place or body named after the person ("Rafik Hariri University", "Abu Ali
        Mustafa Brigades") the name is that one's, spelled as it spells it: left alone too;
        a title written after the name ends it ("Nokrashy Pasha"). (Spellings that start the
        canonical take the rest of it first: ``_with_rest_of_name``.)"""
        if m.spec.kind not in ("listed", "dropped") \
                or m.rule not in _BY_ORIGIN or not compiled.is_person(m.spec.entry):
            return False
        found = _next_to(_WORD_AFTER, text, m.end)
        if found is None or found.group(1).isupper():
            return False
        folded = fold_token(found.group(1))
        if text.startswith(("'s", "\u2019s"), found.end(1)) and _nation(folded) is not None:
            return False  # a country's, after the name: "called Abu Jaafar al-Shabaki Iran's man"
        if folded in _NAMED_AFTER or _named_after_further(text, found.end(1)):
            return True  # "the Hassiba Benbouali University", "the Orabi Pasha Cultural
            # Center": a place named after the person
        if folded in TITLES_AFTER_NAMES:
            return False  # "Mahmoud Fahmy El Nokrashy Pasha": a title after the name
        if _title_case_line(text, m.start):
            return False
        if folded in TITLES:  # "Abdiweli Sheikh Ahmed": a title inside a name goes on with it
            after = _next_to(_WORD_AFTER, text, found.end(1))
            return after is not None and not after.group(1).isupper() \
                and not is_ordinary_word(fold_token(after.group(1)))
        return not is_ordinary_word(folded)

    def _with_one_more_name(self, text: str, m: Match, chosen: list[Match]) -> Match | None:
        """A person's spelling followed by one more name word no table knows, where the
        document names the person otherwise too ("Adnan Khairallah Tulfah" after Adnan
        Khairallah): the person's longer name, on the terms of a middle name no table knows
        (``_may_add_unknown``); else (None) it may be someone else's and is left alone."""
        found = _next_to(_WORD_AFTER, text, m.end)
        if found is None or not self._may_add_unknown(m.spec) \
                or not _may_be_middle_name(fold_token(found.group(1))) \
                or _next_to(_WORD_AFTER, text, found.end(1)) is not None \
                or not any(c.spec.entry == m.spec.entry and c.start != m.start
                           and c.spec.kind != "keep" and not c.spec.short for c in chosen) \
                or _CHILD_OF_AFTER.match(text, found.end(1)):
            return None  # ("Saliou Mbacké Ndiouroul, fils de ...": a namesake, the son of one)
        return replace(m, end=found.end(1))

    def _canonical_parts(self, entry: int) -> tuple[list[Token], tuple[str, ...]]:
        """The tokens of an entry's canonical and their romanization keys, made once."""
        parts = self._canonicals.get(entry)
        if parts is None:
            tokens = tokenize(self.glossary.entries[entry].canonical)
            parts = self._canonicals[entry] = (tokens, part_keys(tokens))
        return parts

    def _with_rest_of_name(self, text: str, compiled: CompiledGlossary,
                           m: Match) -> Match | None:
        """A listed spelling that is how a person's canonical starts ("Seif al-Islam" for Saif
        al-Islam Gaddafi), followed by a capitalized name: the canonical's last part in
        another spelling belongs to the mention ("Seif al-Islam Kadhafi"), after a father's
        name too ("Seif al-Islam Mouammar Kadhafi"); any other name makes it someone else's,
        left alone ("Abdel Fattah al-Sisi" is not Abdel Fattah al-Burhan). Never "Saif
        al-Islam Gaddafi Kadhafi"."""
        if m.spec.kind != "listed" or m.rule not in ("exact", "folded", "generated") \
                or not compiled.is_person(m.spec.entry):
            return m
        found = _next_to(_WORD_AFTER, text, m.end)
        # (not is_ordinary_word: after a name, "Said" or "Bashir" is more name, not a verb)
        if found is None or is_common_capitalized(fold_token(found.group(1))):
            return m
        canonical, keys = self._canonical_parts(m.spec.entry)
        span = concat_align(keys, m.spec.keys)
        if m.rule == "generated" and span == (0, len(keys)) \
                and _next_to(_ARTICLE_NAME_AFTER, text, m.end):
            return None  # an unlisted spelling of all of it inside a longer name: "Ali Hassan
            # al-Majid" is not Ali Hasan (a listed spelling there is the user's own call)
        if span is None or span[0] != 0 or span[1] >= len(keys):
            return m  # the spelling is not how the canonical starts, or it is all of it
        rest = [k for k, t in zip(keys[span[1]:], canonical[span[1]:], strict=True)
                if t.folded not in ARTICLES]
        if len(rest) != 1:
            return None
        if _same_name_part(self._key(found.group(1)), rest[0]):
            return replace(m, end=found.end(1))
        # the father's name between them: "Seif al-Islam Mouammar Kadhafi"
        after = _next_to(_WORD_AFTER, text, found.end(1))
        if after is not None and _same_name_part(self._key(after.group(1)), rest[0]):
            return replace(m, end=after.end(1))
        return None

    def _with_leading_given_name(self, text: str, compiled: CompiledGlossary, m: Match,
                                 free_from: int) -> Match | None:
        """A person's name of two parts or more after a first given name the glossary leaves
        out: "Mohammad Peyman Maadi" for Payman Maadi, "Muhammad Tahir ul-Qadri" for Tahirul
        Qadri, "Abdel Aziz Doweik" for Aziz Dweik (the first half of a compound given name).
        The leading name belongs to the mention, so the whole of it is written as the
        canonical, as a middle name is ("Fuad Mohammed Hussein").

        Only Muhammad in any spelling or an "Abd" that the name's given name completes; never
        before a short form ("Mohammed Haniyeh" is a son, not Ismail Haniyeh), never after
        another capitalized name word or "bin" (a longer name), and never when the
        canonical has the word already. The name must not go on after the mention either.
        When the glossary spells the person three ways or more, none with that name, the
        longer name is someone else's: None, the mention is left alone.
        """
        if m.start < 3 or text[m.start - 1] not in _BEFORE_LEADING \
                or m.spec.kind not in ("listed", "dropped") or m.spec.short \
                or not compiled.is_person(m.spec.entry) or m.spec.name_parts < 2 \
                or m.spec.folded[0] in ARTICLES or m.spec.folded[0] in NASAB:
            return m
        found = _LEADING_NAME.search(text, max(free_from, m.start - 24), m.start)
        if found is None or _crosses_headline(text, found.end(1), m.start):
            return m
        key = self._key(found.group(1))
        if key not in _LEADING_KEYS or (key == MUHAMMAD and found.group(2)) \
                or key in self._canonical_parts(m.spec.entry)[1]:
            return m
        before = _word_before(text, found.start(1))
        after = _next_to(_WORD_AFTER, text, m.end)
        if before is not None and not is_common_capitalized(fold_token(before.group(1))) \
                or after is not None and not is_common_capitalized(fold_token(after.group(1))) \
                or _NASAB_BEFORE.search(text, max(0, found.start(1) - 8), found.start(1)):
            return m  # a longer name ("Ali Mohammed Fuad Masum", "... Masum Hawrami")
        if self._well_spelled(m.spec.entry):
            return None  # a glossary that spells the person three ways, never with this
            # name, knows how they are written: the longer name is someone else's, a son
            # named with his father's name ("Mohammed Saeed Lootah") or a namesake
        return replace(m, start=found.start(1))

    def _with_quoted_nickname(self, text: str, compiled: CompiledGlossary, m: Match) -> Match:
        """A person's name followed by a nickname in quotes that the canonical spells ("Salah
        Abdallah "Gosh"" for Salah Gosh, "Ahmed Abdi « Godane »"): the nickname belongs to the
        mention, never "Salah Gosh "Gosh"". Any other quoted word stays after the name."""
        if m.spec.kind == "keep" or not compiled.is_person(m.spec.entry):
            return m
        found = _next_to(_QUOTED_AFTER, text, m.end)
        if found is None:
            return m
        key = self._key(found.group(1))
        if any(_same_name_part(key, part) for part in
               self._canonical_parts(m.spec.entry)[1]):
            return replace(m, end=found.end())
        return m

    def _given_name_as_fathers(self, text: str, compiled: CompiledGlossary, m: Match) -> bool:
        """A person's spelling that starts with their given name, written with an article
        after another name: there the given name is someone's father's or grandfather's,
        which takes the article ("Meshal al-Ahmad al-Sabah" is not Ahmad al-Sabah)."""
        if m.spec.kind == "keep" or m.start < 3 or not compiled.is_person(m.spec.entry) \
                or m.spec.folded[0] not in GIVEN_NAMES:
            return False
        canonical = self._canonical_parts(m.spec.entry)
        if not canonical[1] or canonical[1][0] != m.spec.keys[0]:
            return False
        if _JOINED_ARTICLE.search(text, max(0, m.start - 4), m.start) is None:
            return False
        before = _word_before(text, m.start)  # ("Abd al-Aziz" is one name)
        return before is not None and fold_token(before.group(1)) not in COMPOUND_HEADS

    def _with_loose_article(self, text: str, m: Match) -> Match:
        """An article before a spelling without one belongs to the name: written apart when the
        canonical starts with one ("Al shebab" for Al-Shabaab), joined when the canonical has
        one ("al-Nujaba", "al-Sadr": never "al-Muqtada al-Sadr"). A one-word place written
        with an article its canonical lacks is written without it ("al-Raqqa" is Raqqa), as
        a person's family name is ("Al-Safadi" after Ayman Safadi); an organisation's name,
        or a place's, takes the article joined to it ("Al-Fadhila Party" is the Islamic
        Virtue Party, never "Al-Islamic Virtue Party")."""
        if m.spec.kind == "keep" or m.spec.folded[0] in ARTICLES or m.start < 3:
            return m
        canonical = self._canonical_parts(m.spec.entry)[0]
        found = _JOINED_ARTICLE.search(text, max(0, m.start - 4), m.start)
        if found is not None and any(t.folded in ("al", "el") for t in canonical):
            return replace(m, start=found.start())
        kind = self.glossary.entries[m.spec.entry].type
        if len(canonical) == 1 and kind == "place":
            found = found or _LOOSE_ARTICLE.search(text, max(0, m.start - 4), m.start)
            return m if found is None else replace(m, start=found.start())
        if found is not None and kind not in ("person", None):
            return replace(m, start=found.start())  # "Al-Fadhila Party" is the Virtue Party,
            # never "Al-Islamic Virtue Party"
        found = _LOOSE_ARTICLE.search(text, max(0, m.start - 4), m.start)
        if found is None or not canonical or canonical[0].folded not in ("al", "el"):
            return m
        return replace(m, start=found.start())

    # -- listed spellings (Aho-Corasick anchors) ---------------------------------------------
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
            tokens = tokenize(text, start, end)
            folded = [t.folded for t in tokens]
            for spec in specs_of[pattern]:
                match = self._align_listed(text, tokens, folded, 0, len(tokens), spec)
                if match is not None:
                    found.append(match)

    def _split_listed(self, text: str, compiled: CompiledGlossary, window: _DocTokens,
                      capitals: _Capitals) -> list[Match]:
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
                end = _align_tokens(text, tokens, i, folded, spec.folded, keys=False)
                match = None if end is None else self._align_listed(text, tokens, folded, i,
                                                                    end, spec)
                if match is not None:
                    found.append(match)
        return found

    def _align_listed(self, text: str, tokens: list[Token], folded: list[str], i: int, j: int,
                      spec: FormSpec) -> Match | None:
        """Tokens ``i:j`` spell ``spec`` (same letters; separators and joins checked)."""
        if "&" in spec.text or INNER_ABBREVIATION.search(spec.text):
            # "Procter & Gamble", "Mustafa ef. Cerić": word for word, with the "&" or the
            # abbreviation's period where the name has them
            if folded[i:j] != list(spec.folded) or not all(
                    is_name_gap(text, tokens[k - 1].end, tokens[k].start)
                    or _AMPERSAND_GAP.fullmatch(text, tokens[k - 1].end, tokens[k].start)
                    or _INITIAL_GAP.fullmatch(text, tokens[k - 1].end, tokens[k].start)
                    for k in range(i + 1, j)):
                return None
        elif not _word_for_word(text, tokens, folded, i, j, spec) \
                and _align_tokens(text, tokens, i, folded, spec.folded, keys=False) != j:
            return None
        start, end = tokens[i].start, tokens[j - 1].end
        if spec.text[:1] in APOSTROPHES and start and text[start - 1] in APOSTROPHES \
                and text[end:end + 1] not in APOSTROPHES:
            start -= 1  # "‘Arīn al-Usūd": a leading ayn is the name's first letter (an
            # opening quote when one closes the name: "'Arīn al-Usūd'" keeps its quotes)
        if (self.case_sensitive or _is_acronym(spec.text)) and not _same_case(
                tokens[i:j], spec.text):
            return None
        if spec.text.endswith(".") and text[end:end + 1] == "." \
                and text.count(".", start, end) == spec.text.count(".") - 1 \
                and not _SENTENCE_END.match(text, end + 1):
            end += 1  # "U.S.", "Frangieh Jr." mid-sentence: the period is part of it; ending
            # one, it stays (only where the text writes the other periods: "US." is "US" and
            # a period)
        if spec.kind == "keep":
            return Match(start, end, spec, "keep")
        if spec.kind == "dropped":
            return Match(start, end, spec, "generated")
        return Match(start, end, spec, "exact" if text[start:end] == spec.text else "folded")

    @staticmethod
    def _inside_other_name(text: str, window: _DocTokens, m: Match, after: bool = True) -> bool:
        """A spelling that must stand alone (``_stands_alone``): with a capitalized name part
        next to it (before it only, without ``after``), it is part of some other, longer
        name."""
        tokens, _keys, first = window.around(m.start)
        _tokens, _keys, last = window.around(m.end - 1)
        return first is None or last is None or _extends_name(text, tokens, first, last,
                                                              _Occupied(()), after=after)

    # -- unlisted romanizations --------------------------------------------------------------
    def _generated(self, text: str, compiled: CompiledGlossary, window: _DocTokens,
                   capitals: _Capitals, listed_ends: set[int]) -> list[Match]:
        """Unlisted romanizations, looked up by the keys of a name's last two parts.

        Only a capitalized word whose key ends some glossary name is looked at (a dictionary
        answers that per distinct word, so sentence openers cost one lookup), and it must
        follow another capitalized word (or an article) across a name separator, or be a whole
        name written as one word.
        """
        index = compiled.generated
        if not index:
            return []
        found: list[Match] = []
        verdicts = list(map(self._ending[compiled.lang].__getitem__, capitals.words))
        spans, words, folded = capitals.spans, capitals.words, capitals.folded
        for n in compress(range(len(verdicts)), verdicts):
            start, end = spans[n]
            if end in listed_ends or (start and is_word_char(text[start - 1])):
                continue  # a listed spelling already ends here; or not a word's start
            alone = verdicts[n] is _ENDS_ALONE
            if not alone and not (n and start - spans[n - 1][1] <= _MAX_GAP
                                  and _may_be_name_gap(text[spans[n - 1][1]:start])):
                continue
            last_added = n - 1 - _particle_before(words, n)  # the word before the family name
            father = _fathers_name(text, spans, last_added)
            if not alone and not self._may_end_here_memo(compiled, words, folded, n, father):
                continue  # no lookup below can find anything
            key = self._key(words[n])
            if not ((n and start - spans[n - 1][1] <= _MAX_GAP) or (
                    start >= 3 and text[start - 1] in _JOINERS)) and "J|" + key not in index:
                continue  # nothing before it to make a name with: a sentence opener
            lookups = self._lookups(words[n], self._previous_name_keys(text, capitals, n))
            specs = [spec for lookup in lookups for spec in index.get(lookup, ())]
            if last_added >= 0 and _added_name_starts(folded, last_added, father, True):
                found += self._with_middle_names(text, index, window, capitals, n, key, father)
            if not specs:
                continue
            tokens, keys, at = window.around(end - 1)  # the last token of the word
            if at is None:
                continue
            for spec in dict.fromkeys(specs):
                match = self._align_generated(text, tokens, keys, at, spec)
                if match is not None:
                    found.append(match)
        return found

    def _with_middle_names(self, text: str, index: dict[str, list[FormSpec]],
                           window: _DocTokens, capitals: _Capitals, n: int,
                           key: str, father: bool = False) -> list[Match]:
        """A glossary name with one or two middle names added: "Fuad Mohammed Hussein" for
        "Fuad Hussein", "Yahya Ibrahim Hassan Sinwar" for "Yahya Sinwar", "Tawakkol
        Abdel-Salam Khalid Karman" for "Tawakkol Karman", or a father's name: "Anwar bin
        Mohammed Gargash" for "Anwar Gargash", also before a family name led by a
        capitalized "Al" or "Bin" ("Yusuf Hassan Al-Madani", "Ahmed Obeid Bin Dagher").
        One word no table knows may be added too ("Khalid Mahfouad Bahah"), to a person
        the glossary spells with no longer name (``_may_add_unknown``), and such a match
        stays only where the document names the person otherwise as well (``Match.loose``).

        The added words must be capitalized middle names (``_added_name_starts``) between
        the name's other parts, every other part must have the glossary spelling's key, and
        no other capitalized name part may touch the span (the mirror of
        ``_without_middle_names``). Only to a listed spelling: added to a name with a middle
        name left out, a name would replace it, and "Mohammad Reza Ghalibaf" is not
        Mohammad Bagher Ghalibaf.
        """
        spans, words = capitals.spans, capitals.words
        found: list[Match] = []
        last_added = n - 1 - _particle_before(words, n)
        known = len(_added_name_starts(capitals.folded, last_added, father))
        for nth, start in enumerate(_added_name_starts(capitals.folded, last_added, father,
                                                       True)):
            k = start - 1  # the capitalized word before the added names
            added = last_added - k
            # "Anwar bin Mohammed Gargash": the added names may be a father's, after "bin"
            nasab = k >= 0 and _NASAB_GAP.fullmatch(text, spans[k][1], spans[k + 1][0])
            if k < 0 or not all(
                    (j == k and nasab) or spans[j + 1][0] - spans[j][1] <= (
                        _MAX_GAP if j == n - 1 else 5)
                    and (_PREVIOUS_GAP if j == n - 1 else _ADDED_GAP).fullmatch(
                        text, spans[j][1], spans[j + 1][0]) for j in range(k, n)):
                break
            specs = [spec for spec in index.get(f"P|{self._loose(self._key(words[k]))}|{key}", ())
                     if spec.kind == "listed" and len(spec.keys) >= 2
                     and not (nasab and NASAB.intersection(spec.folded))
                     and (nth < known or self._may_add_unknown(spec))]
            if specs:  # the glossary's own middle names, where it spells any
                added_keys = {self._key(words[j]) for j in range(k + 1, last_added + 1)
                              if words[j].lower() not in _FAMILY_LEADS}
                specs = [spec for spec in specs if self._may_add(spec, added_keys)]
            if not specs:
                continue
            # the added words, with their articles and a "bin" before them
            added_from, added_to = spans[k][1], spans[last_added][1]
            tokens, keys, at = window.around(spans[n][1] - 1)  # the word's last token
            if at is None:
                break
            for spec in specs:
                # (a word's key is on one of its tokens, the others' are empty: "Mu'ath")
                want = [k for k in spec.keys if k]
                reach = len(spec.keys) + added + (2 if nasab else 1) + 2
                kept = [j for j in range(at, max(-1, at - reach), -1)
                        if not added_from < tokens[j].start < added_to
                        and keys[j] and tokens[j].folded not in TURKIC_PATRONYMICS
                        ][:len(want)][::-1]
                first = kept[0]
                while first and keys[first - 1] == "" and ayn_joined(text, tokens[first - 1],
                                                                     tokens[first]):
                    first -= 1
                if len(kept) < len(want) or [keys[j] for j in kept] != want and not (
                        len(want) == len(spec.keys) and _fuzzy_parts(
                            [tokens[j] for j in kept], [keys[j] for j in kept], spec)) \
                        or not (_gaps_ok(text, tokens, first, at + 1)
                                and _capitalized_run(tokens, keys, first, at + 1)) \
                        or _extends_name(text, tokens, first, at, _Occupied(())):
                    continue
                found.append(Match(tokens[first].start, tokens[at].end,
                                   replace(spec,
                                           target=self.glossary.entries[spec.entry].canonical),
                                   "generated", nth >= known))
        return found

    def _may_add(self, spec: FormSpec, added_keys: set[str]) -> bool:
        """May middle names with these keys be added to ``spec``? Any, where the glossary
        spells the person with no longer name; else one of them must be its own, a vowel off
        at most ("Fahd" for Fahad): listed "Mohamed Heikal" for Mohamed Hassanein Heikal makes
        "Mohamed Hussein Heikal" someone else (the novelist), as "Mohammad Reza Ghalibaf" is
        not Mohammad Bagher Ghalibaf, while "Ahmed Ghaleb Nasser al-Rahawi" is Ahmad Ghaleb
        al-Rahwi's longer name."""
        if self._may_add_unknown(spec) or self.glossary.entries[spec.entry].type != "person":
            return True
        return any(added == key or close_keys(added, key) or added in vowel_deletions(key)
                   or key in vowel_deletions(added)
                   for added in added_keys for key in self._own_keys(spec.entry))

    def _own_keys(self, entry: int) -> frozenset[str]:
        """The keys of every word in the entry's spellings, made once."""
        own = self._name_part_keys.get(entry)
        if own is None:
            own = self._name_part_keys[entry] = frozenset(
                self._key(t.text) for form in self.glossary.entries[entry].every_form()
                for t in tokenize(form.text))
        return own

    def _well_spelled(self, entry: int) -> bool:
        """Does the glossary spell the entry in full three ways or more (case, accents and
        dashes aside)? Then it describes how the entry is written, and a longer name it never
        gives is someone else's; a glossary with a spelling or two leaves room for the
        person's own fuller name."""
        known = self._spelled_out.get(entry)
        if known is None:
            forms = {form_key(form.text) for form in self.glossary.entries[entry].every_form()
                     if not form.after_full and not form.alias}
            known = self._spelled_out[entry] = len(forms) >= _SPELLED_OUT
        return known

    def _may_add_unknown(self, spec: FormSpec) -> bool:
        """May a middle name no table knows be added to ``spec``? Only to a person's name,
        and only when the glossary spells the person with no longer name: one it does spell
        with a middle name ("Mohammed Hussein Al Amoudi") tells that another middle name
        ("Mohammed Aboud al-Amoudi") is someone else's. Names are counted as ``_name_count``
        does ("Bashar M. Warda", "Zulkifli bin Hir" and "Abdel Rahman Shalgham" have two)."""
        entry = self.glossary.entries[spec.entry]
        if entry.type != "person":
            return False
        longest = self._longest_forms.get(spec.entry)
        if longest is None:
            longest = self._longest_forms[spec.entry] = max(
                _name_count(form.text) for form in entry.every_form())
        return longest <= _name_count(spec.text)

    def _initials_names(self, text: str, compiled: CompiledGlossary) -> list[Match]:
        """A person's given names as initials before the family name ("A.A.K. Niazi", "H. S.
        Suhrawardy", "HM Ershad" for Hussain Muhammad Ershad): two or more initials, one for
        each of the canonical's given names in order, and one person in the glossary with
        them; not after another capitalized name ("Raushan H. M. Ershad" is someone else)."""
        if not compiled.by_initials:
            return []
        out: list[Match] = []
        for found in _INITIALS_THEN_NAME.finditer(text):
            letters = "".join(c.lower() for c in found.group(1) if c.isalpha())
            entries = compiled.by_initials.get(f"{letters}|{self._key(found.group(2))}", ())
            before = _word_before(text, found.start())
            if len(entries) != 1 or (before is not None
                                     and not is_ordinary_word(fold_token(before.group(1)))):
                continue
            parts = tokenize(text, found.start(), found.end())
            spec = FormSpec(entries[0], found.group(), tuple(p.folded for p in parts),
                            part_keys(parts), self.glossary.entries[entries[0]].canonical,
                            "listed", False)
            out.append(Match(found.start(), found.end(), spec, "generated"))
        return out

    def _middle_initials_names(self, text: str, compiled: CompiledGlossary) -> list[Match]:
        """A person's first and family names around one or two middle initials ("Ahmed H.
        Zewail", "Noordin M. Top"), where one person in the glossary has that first and
        family name: the person in full. Where a listed spelling has middle names with those
        initials ("Ahmed Hassan Zewail") anywhere; else (``loose``) only where the document
        names the person otherwise too. Not after another capitalized name."""
        out: list[Match] = []
        for found in _MIDDLE_INITIALS.finditer(text):
            lo = max(0, found.start() - 41)
            first = _CAPITALIZED_WORD_BEFORE.search(text, lo, found.start() - 1)
            after = _NAME_WORD_AFTER.match(text, found.end())
            if first is None or after is None or (
                    first.start() > lo and is_word_char(text[first.start() - 1])):
                continue
            filed = compiled.by_first_last.get(
                f"{self._key(first.group())}|{self._key(after.group(2))}", ())
            if len({entry for entry, _middle in filed}) != 1:
                continue
            before = _word_before(text, first.start())
            if before is not None and not is_ordinary_word(fold_token(before.group(1))):
                continue  # "Raushan Ahmed H. Zewail": someone else
            letters = [c.lower() for c in found.group() if c.isalpha()]
            known = any(len(middle) == len(letters) and all(
                letter == name[:1] for letter, name in zip(letters, middle, strict=True))
                for _entry, middle in filed)
            entry = filed[0][0]
            parts = tokenize(text, first.start(), after.end())
            spec = FormSpec(entry, text[first.start():after.end()],
                            tuple(p.folded for p in parts), part_keys(parts),
                            self.glossary.entries[entry].canonical, "listed", False)
            out.append(Match(first.start(), after.end(), spec, "generated", loose=not known))
        return out

    def _translated(self, text: str, compiled: CompiledGlossary,
                    listed: list[Match]) -> list[Match]:
        """Names of organisations, places and events in translation ("Ligue arabe"). Not
        a common noun before a spelling the glossary lists for the same entry: in "le parti
        Fadhila", where "Fadhila" is listed, the name is "Fadhila" and "parti" stays the
        text's word, as a title before a person's name does."""
        out = []
        for found in compiled.translated.find(text):  # type: ignore[union-attr]
            if _crosses_headline(text, found.start, found.end):
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

    def _lookups(self, surface: str, previous: Iterable[str]) -> list[str]:
        """Index keys of a name whose last part is written ``surface`` after name parts with
        the ``previous`` keys: the whole name as one word, by consonants (a long part), and by
        the last part's forms (``_last_part_forms``)."""
        key, forms = self._key(surface), self._last_forms(surface)
        lookups = ["J|" + key]
        for prev in previous:
            if len(prev) >= LONG_PART:
                lookups.append(f"C|{self._consonants(prev)}|{key}")
            prev = self._loose(prev)
            lookups += [f"P|{prev}|{form}" for form in forms]
        return lookups

    def _ends_a_name(self, compiled: CompiledGlossary, surface: str) -> int:
        """Could this capitalized word be the last part of an unlisted romanization? 0: no;
        ``_ENDS_ALONE``: yes, and a name is filed under it without another capitalized word
        (written as one word, or after a joined article: "al-Qods"); 1: yes, after one."""
        ends_a_name = compiled.last_keys
        if len(surface) < 2 or not ("J|" + self._key(surface) in ends_a_name or any(
                map(ends_a_name.__contains__, self._last_forms(surface)))):
            return 0
        alone = self._lookups(surface, ["al"])
        return _ENDS_ALONE if any(map(compiled.generated.__contains__, alone)) else 1

    def _may_end_here_memo(self, compiled: CompiledGlossary, words: list[str],
                           folded: list[str], n: int, father: bool = False) -> bool:
        """``_may_end_here``, answered once per run of words: news repeats its names and
        titles, so most runs were seen in an earlier document. The run reaches as far back
        as ``_may_end_here`` reads: through articles and "bin" to the word before the name
        part before, and to the word before added middle names that may end there."""
        k = n - 1
        while k >= 0 and words[k].lower() in _FAMILY_LEADS:
            k -= 1
        lo = k - 1
        starts = _added_name_starts(folded, n - 1 - _particle_before(words, n), father, True)
        if starts:
            lo = min(lo, starts[-1] - 1)
        run = (father, *words[max(0, lo):n + 1])
        seen = self._name_ends.setdefault(compiled.lang, {})
        answer = seen.get(run)
        if answer is None:
            if len(seen) >= _Memo.LIMIT:
                seen.clear()
            answer = seen[run] = self._may_end_here(compiled, words, folded, n, father)
        return answer

    def _may_end_here(self, compiled: CompiledGlossary, words: list[str], folded: list[str],
                      n: int, father: bool = False) -> bool:
        """Could capitalized word ``n`` end an unlisted variant after the words before it?
        The index's keys are looked up by word pairs, ignoring the gaps between the words (a
        superset of ``_previous_name_keys`` and ``_with_middle_names``'s lookups), so most
        words are let go after a few dictionary lookups, without regular expressions."""
        key, lasts = self._key(words[n]), self._last_forms(words[n])
        k = n - 1
        while k >= 0 and (words[k].lower() in NASAB or words[k].lower() in ARTICLES
                          and self._key(words[k]) == "al"):
            k -= 1  # an article is looked through ("Al-", "As-"), and a capitalized "Bin"
        if k >= 0:
            prev = self._key(words[k])
            if self._pair_hit(compiled, prev, key, lasts) or (k > 0 and self._pair_hit(
                    compiled, join_keys(self._key(words[k - 1]), prev), key, lasts)):
                return True
            bare = _without_joined_article(words[k], prev)
            if bare is not None and self._pair_hit(compiled, bare, key, lasts):
                return True
        starts = _added_name_starts(folded, n - 1 - _particle_before(words, n), father, True)
        return any(key in compiled.pair_lasts.get(self._loose(self._key(words[k - 1])), ())
                   for k in starts if k >= 1)  # added middle names

    def _pair_hit(self, compiled: CompiledGlossary, prev: str, key: str,
                  lasts: tuple[str, ...]) -> bool:
        """Does the index file a name under a part with key ``prev`` and then ``key`` (or one
        of its ``lasts`` forms)? The same forms as ``_lookups``."""
        after = compiled.pair_lasts.get(self._loose(prev))
        if after is not None and not after.isdisjoint(lasts):
            return True
        return len(prev) >= LONG_PART and key in compiled.consonant_lasts.get(
            self._consonants(prev), ())

    def _masked_if_long(self, surface: str) -> str | None:
        return "~" + self._masked(self._key(surface)) if len(surface) >= 6 else None

    def _last_part_forms(self, surface: str) -> tuple[str, ...]:
        """The forms a name's last part is looked up by: its key, and for 5+ letters the
        vowel-masked key, the key with one vowel less than the glossary's family name
        ("Debaiba" ~ "Dbeibah") and the key without a joined article ("Altirawi")."""
        key = self._key(surface)
        if len(surface) < 5:
            return (key,)
        forms = (key, "~" + self._masked(key), *self._deletions(key))
        bare = _without_joined_article(surface, key)
        if bare is not None:
            forms += (bare,)  # the article joined to it: "Altirawi" for al-Tirawi
        # the Libyan and Gulf "g" for a qaf ("Gaddafi" for al-Qaddafi), a final "e" for "-eh"
        forms += family_readings(fold_token(surface.lower()))
        return forms

    def _previous_name_keys(self, text: str, capitals: _Capitals,
                            n: int) -> list[str]:
        """Keys that the name part before capital ``n`` may have: the previous capitalized
        word across a name separator (looking through articles), joined with the one before
        it too, or "al" for a bare article ("al-Qods")."""
        spans, words = capitals.spans, capitals.words
        start = spans[n][0]
        out: list[str] = []
        if start >= 3 and text[start - 1] in _JOINERS and _ARTICLE_BEFORE.search(
                text, start - 5 if start >= 5 else 0, start):
            out.append("al")
        k = n - 1
        while k >= 0 and _name_gap(text, spans[k][1], spans[k + 1][0]):
            key = self._key(words[k])
            if key == "al" and (words[k].lower() in ("al", "el") or (
                    words[k].lower() in ARTICLES and text[spans[k][1]] in _JOINERS
                    and spans[k + 1][0] == spans[k][1] + 1)):  # "Badr Shakir As-Sayyab"
                out.append("al")
                k -= 1
                continue
            if words[k].lower() in NASAB:
                k -= 1  # "Bin" written with a capital, looked through as "bin" is
                continue
            out.append(key)
            bare = _without_joined_article(words[k], key)
            if bare is not None:
                out.append(bare)  # "Mohamed Alhacen Lebatt" for Mohamed El Hacen Lebatt
            if k > 0 and _name_gap(text, spans[k - 1][1], spans[k][0]):
                out.append(join_keys(self._key(words[k - 1]), key))
            break
        return out

    def _align_generated(self, text: str, tokens: list[Token], keys: list[str], at: int,
                         spec: FormSpec) -> Match | None:
        n = len(spec.keys)
        for i in range(max(0, at - n - 2), at + 1):
            if not _capitalized_run(tokens, keys, i, at + 1):
                continue
            j = _align_tokens(text, tokens, i, keys, spec.keys)
            for other in family_readings(spec.folded[-1]) if j is None else ():
                j = _align_tokens(text, tokens, i, keys, (*spec.keys[:-1], other))  # "Qaddafi"
                if j is not None and _crosses_headline(text, tokens[i].start, tokens[j - 1].end):
                    j = None  # the headline's "Seif al-Islam" and the story's "Kadhafi a ..."
                if j is not None:
                    break
            readings = () if j is not None or keys[at] in self._own_keys(spec.entry) else \
                family_readings(tokens[at].folded)  # (not the entry's own "g" or "e")
            for other in readings:
                key = keys.swap(at, other)  # the text's "g" for the glossary's qaf
                j = _align_tokens(text, tokens, i, keys, spec.keys)
                keys.swap(at, key)
                if j is not None and _crosses_headline(text, tokens[i].start, tokens[j - 1].end):
                    j = None
                if j is not None:
                    break
            if j is None and at + 1 - i == n and _gaps_ok(text, tokens, i, at + 1):
                j = at + 1 if _fuzzy_parts(tokens[i:at + 1], keys[i:at + 1], spec) else None
            if j is None and (_same_without_articles(text, tokens, keys, i, at + 1, spec,
                                                     self._own_keys(spec.entry))
                              or _fuzzy_without_articles(text, tokens, keys, i, at + 1, spec)):
                j = at + 1
            if j != at + 1:
                continue
            start, end = tokens[i].start, tokens[j - 1].end
            folded = tuple(t.folded for t in tokens[i:j])
            rule = "folded" if concat_align(folded, spec.folded, keys=False) == (0, j - i) and \
                spec.kind != "dropped" else "generated"
            if rule == "generated" and text[start:end].isupper() and not any(
                    c.isspace() for c in text[start:end]) and not spec.text.isupper():
                return None  # one word in capitals is an acronym: "SANA" is not Sana'a
            return Match(start, end, spec, rule)
        return None

    def _goes_on_with_a_father(self, text: str, m: Match) -> bool:
        """"Abu Obaida ibn al-Jarrah" is not "Abu Obaida": a person's name followed by "bin",
        "ibn" and a name is a longer name, unless the glossary's own name has a father's name
        in it ("Mohammed bin Salman bin Abdulaziz" is still Mohammed bin Salman)."""
        if m.spec.kind == "keep" or not _NASAB_AFTER.match(text, m.end):
            return False
        entry = self.glossary.entries[m.spec.entry]
        return entry.type in ("person", None) and not any(
            t.folded in NASAB for t in tokenize(entry.canonical))

    def _acronyms(self, text: str, lang: str | None, capitals: _Capitals,
                  chosen: list[Match]) -> list[Match]:
        """"HTS" after "Hayat Tahrir al-Sham", "MBS" after "Mohammed bin Salman": a word in
        capitals that spells the initials of a name named in full earlier in the document
        (as any of the glossary's spellings, in any language, or as the document writes it:
        "FRMF" after "Royal Moroccan Football Federation" when the glossary has "Fédération
        royale marocaine de football"), when no other name there has them. Not an acronym
        the glossary lists for other languages only: "FMI", listed in English for the
        Freedom Movement of Iran, is the IMF in French.

        Three letters at least, and not inside a line of capitals (a headline); in the
        headline before the story names it in full ("KNC chairman ..."). Written as the
        canonical, like a listed acronym.
        """
        if not chosen or not _THREE_CAPITALS.search(text):
            return chosen
        words = capitals.words
        owners: dict[str, set[int]] = {}
        first_seen: dict[int, int] = {}
        for m in chosen:
            if m.spec.kind == "keep" or m.spec.short or m.rule == "short":
                continue
            first_seen.setdefault(m.spec.entry, m.end)
            for acronym in self._initials_of(m.spec.entry) | _initials(text[m.start:m.end]):
                owners.setdefault(acronym, set()).add(m.spec.entry)
        if not owners:
            return chosen
        hits = list(compress(range(len(words)), map(owners.__contains__, words)))
        if not hits:
            return chosen
        taken = _Occupied(chosen)
        spans = capitals.spans
        found: list[Match] = []
        headline = _headline_end(text)  # a headline may use it before the story spells it out
        for n in hits:
            (entry, *others), (start, end) = owners[words[n]], spans[n]
            if others or words[n] in self._foreign_spellings(entry, lang) or (
                    start < first_seen[entry] and start >= headline) \
                    or taken.at(start) is not None or (
                    start and is_word_char(text[start - 1])) or _in_capitals_line(
                    words, spans, n):
                continue
            canonical = self.glossary.entries[entry].canonical
            acronym = words[n]
            spec = FormSpec(entry, acronym, (acronym.lower(),), (acronym.lower(),), canonical,
                            "partial", after_full=True, short=True)
            found.append(Match(start, end, spec, "acronym"))
        return _select(chosen + found) if found else chosen

    def _foreign_spellings(self, entry: int, lang: str | None) -> frozenset[str]:
        """The spellings the glossary lists for an entry in other languages only."""
        spelled = self.glossary.entries[entry]
        return frozenset(v.text for v in spelled.every_form()) - frozenset(
            v.text for v in spelled.forms(lang))

    def _initials_of(self, entry: int) -> frozenset[str]:
        """The acronyms of every glossary spelling of an entry, made once."""
        found = self._entry_initials.get(entry)
        if found is None:
            forms = self.glossary.entries[entry].every_form()
            found = self._entry_initials[entry] = frozenset().union(
                *(_initials(form.text) for form in forms))
        return found

    # -- a person respelled further on in the same document ------------------------------------
    def _respelled(self, text: str, compiled: CompiledGlossary, window: _DocTokens,
                   capitals: _Capitals, chosen: list[Match]) -> list[Match]:
        """A person this document names in full, written differently elsewhere in it: a typo
        or a respelling no romanization rule joins ("Canan Kaftancioglu" ... "Kaftancigolu",
        "Hani al-Mulki" ... "Hani al-Malki"). Rule ``document``. A name of two words or more
        may come before the full mention ("Hesham Genena ... Hesham Geneina"); a word alone
        only after it.

        The later name's parts must be the parts of one of the person's spellings (the
        glossary's, or the document's own), one for one and in order, each the same or alike
        (``namesim.respelling``), at least one the same; a name of one word must be alike
        the family name, have five letters or more and be no given name or ordinary word.
        Never when it is alike two persons of the document, nor when another name in the
        document ends with the same word.
        """
        named: dict[int, int] = {}  # person -> where its first full mention ends
        for m in chosen:
            if m.spec.kind != "keep" and m.rule in _FULL_MENTION \
                    and compiled.is_person(m.spec.entry) and (not m.spec.short or (
                        m.spec.name_parts >= 2  # the name in full, family name first
                        and m.spec.target == self.glossary.entries[m.spec.entry].canonical)):
                named.setdefault(m.spec.entry, m.end)
        if not named:
            return chosen
        spellings: dict[int, set[tuple[tuple[str, str], ...]]] = {}
        families: dict[int, tuple[str, str] | None] = {}
        near: dict[str, set[int]] = {}  # what a respelling's words are looked up by -> persons
        for entry in named:
            listed, families[entry], index_keys = self._respelling_targets(compiled, entry)
            spellings[entry] = set(listed)
            for index_key in index_keys:
                near.setdefault(index_key, set()).add(entry)
        for m in chosen:  # and the document's own spellings
            if m.spec.entry in spellings and m.spec.kind != "keep":
                own = spelling_parts(text[m.start:m.end])
                if own not in spellings[m.spec.entry]:
                    spellings[m.spec.entry].add(own)
                    for index_key in {k for part in own for form in part
                                      for k in neighbours(form)}:
                        near.setdefault(index_key, set()).add(m.spec.entry)
        taken = _Occupied(chosen)
        same_word: dict[str, list[int]] | None = None  # capitalized word key -> its places
        found: list[Match] = []
        runs_seen: set[int] = set()
        words, spans = capitals.words, capitals.spans
        index_keys = self._respelling_keys
        wanted = near.keys()
        # (each distinct word once: news repeats its capitalized words)
        hits = {word for word in set(words) if not wanted.isdisjoint(index_keys[word])}
        for n in compress(range(len(words)), map(hits.__contains__, words)):
            start = spans[n][0]
            if taken.at(start) is not None:
                continue
            persons = self._may_respell(text, capitals, n, near, spellings, families)
            if not persons:
                continue
            tokens, token_keys, at = window.around(start)
            if at is None:
                continue
            first, last = name_run(text, tokens, at)
            if tokens[first].start in runs_seen or (
                    last + 1 < len(tokens) and ayn_joined(text, tokens[last], tokens[last + 1])):
                continue  # (the run's last word goes on after an ayn: "Maher Al Mu'aiqily"
                # is no "Maher Al Mu" to rewrite)
            runs_seen.add(tokens[first].start)
            if any(taken.at(tokens[k].start) is not None for k in range(first, last + 1)):
                continue
            parts = [(token_keys[k], tokens[k].folded) for k in range(first, last + 1)
                     if is_name_part(text, tokens, k, token_keys[k])]
            if not parts or (len(parts) == 1
                             and not may_stand_alone(text, tokens, first, last)) \
                    or _introduced_as_kin(text, tokens[first].start, tokens[last].end):
                continue  # (a relative named as one: "His son, Mohammad Givi-Khalkhali")
            alike = {entry for entry, seen in spellings.items() if entry in persons
                     and (len(parts) > 1 or tokens[first].start >= named[entry])
                     and any(respells(parts, spelling, families[entry])
                             and not self._drops_given_name(parts, spelling, entry)
                             for spelling in seen)
                     and not any(other_middle_name(parts, spelling) for spelling in seen)}
            if len(alike) != 1:
                continue
            entry = alike.pop()
            if len(parts) > 1:
                canonical = self.glossary.entries[entry].canonical
                canon_parts, canon_keys = self._canonical_parts(entry)
                spec = FormSpec(entry, canonical, tuple(t.folded for t in canon_parts),
                                canon_keys, canonical, "listed", False)
            else:
                spec = self._family_partial(compiled, entry, token_keys[first] == "al")
                if spec is None:
                    continue
                if same_word is None:
                    same_word = {}
                    for k, key in enumerate(capitals.keys):
                        same_word.setdefault(key, []).append(k)
                if self._another_ends_with(text, window, capitals, taken,
                                           same_word[capitals.keys[n]], entry, n):
                    continue
            match = Match(tokens[first].start, tokens[last].end, spec, "document")
            if not self._goes_on_with_a_father(text, match):  # "Sayyida Salma bint Said"
                found.append(match)
        return _select(chosen + found) if found else chosen

    def _given_name_alone(self, text: str, compiled: CompiledGlossary, window: _DocTokens,
                          capitals: _Capitals, chosen: list[Match]) -> list[Match]:
        """A person named in full and then by the first name alone, written as the full
        mention wrote it ("Vouria Ghafouri ... Vouria joined in 2016"): the canonical's first
        name, spelled its way ("Voria"). News calls athletes, artists, women and royals so.
        Only a first name of the canonical's own (the same key), no article, particle, title
        or "Abd", not one of the names so common that it alone names anyone ("Mohammed",
        "Ali"), not after a religious title ("the Prophet Muhammad"), not beside another
        name word, and only where no one else in the document carries it."""
        firsts: dict[str, tuple[int, int, str]] = {}  # first word as written -> person
        for m in chosen:
            if m.spec.short or m.spec.kind == "keep" or m.rule not in _NAMED_IN_FULL \
                    or not compiled.is_person(m.spec.entry):
                continue
            canon_parts, canon_keys = self._canonical_parts(m.spec.entry)
            head = canon_parts[0].folded if canon_parts else ""
            if len(canon_keys) < 2 or head in PARTICLES or head in COMPOUND_HEADS \
                    or is_common_capitalized(head):
                continue
            first = tokenize(text, m.start, m.end)[0]
            if first.folded in _NAMES_OF_ANYONE or first.text == canon_parts[0].text \
                    or self._key(first.text) != canon_keys[0]:
                continue
            seen = firsts.get(first.folded)
            if seen is not None and seen[0] != m.spec.entry:
                firsts[first.folded] = (-1, 0, "")  # two persons of the document carry it
            elif seen is None:
                firsts[first.folded] = (m.spec.entry, m.end, canon_parts[0].text)
        if not any(entry >= 0 for entry, _end, _target in firsts.values()):
            return chosen
        taken = _Occupied(chosen)
        found: list[Match] = []
        elsewhere: set[str] = set()  # first words of other names in the document
        for n, folded in enumerate(capitals.folded):
            if folded not in firsts:
                continue
            start, end, word = capitals[n]
            covering = taken.at(start)
            if covering is not None:
                if covering.spec.entry != firsts[folded][0]:
                    elsewhere.add(folded)
                continue
            tokens, _keys, at = window.around(start)
            if at is None:
                continue
            run = name_run(text, tokens, at)
            if run != (at, at):
                elsewhere.add(folded)  # "Zeinab Sulaimani", someone else
                continue
            entry, named_end, target = firsts[folded]
            before = _word_before_any(text, start)
            if entry < 0 or start < named_end or before in _RELIGIOUS_TITLES \
                    or word.isupper() or _CAPITAL_IN_NEXT_WORD.match(text, end):
                continue
            spec = FormSpec(entry, word, (folded,), (capitals.keys[n],), target, "partial",
                            True, short=True)
            found.append(Match(start, end, spec, "short"))
        found = [m for m in found if m.spec.folded[0] not in elsewhere]
        return _select(chosen + found) if found else chosen

    def _respelling_targets(self, compiled: CompiledGlossary, entry: int) -> tuple[
            tuple[tuple[tuple[str, str], ...], ...], tuple[str, str] | None, frozenset[str]]:
        """A person's spellings (name parts), family name and index keys, made once. A
        one-word mention is the family name, never a given name ("Bilal" in "Mohamed Ould
        Bilal" is one) nor an alias's last word ("Jolani" for Ahmed al-Sharaa)."""
        made = self._respelling_made.get((compiled.lang, entry))
        if made is None:
            person = self.glossary.entries[entry]
            listed = tuple(dict.fromkeys(spelling_parts(v.text)
                                         for v in person.forms(compiled.lang)))
            last = spelling_parts(person.canonical)[-1:]
            family = last[0] if last and last[0][0] not in GIVEN_NAME_KEYS else None
            index_keys = frozenset().union(*(neighbours(form) for parts in listed
                                             for part in parts for form in part))
            made = self._respelling_made[(compiled.lang, entry)] = (listed, family, index_keys)
        return made

    def _respelling_index_keys(self, word: str) -> frozenset[str]:
        folded = self._fold(word)
        if len(folded) < MIN_LETTERS or is_ordinary_word(folded):
            return frozenset()
        return neighbours(self._key(word)) | neighbours(folded)

    def _may_respell(self, text: str, capitals: _Capitals, n: int, near: dict[str, set[int]],
                     spellings: dict[int, set[tuple[tuple[str, str], ...]]],
                     families: dict[int, tuple[str, str] | None]) -> set[int]:
        """A first look from the capitalized words alone: the persons of the document that
        the run of capitalized words around word ``n`` may respell. Only the persons both
        its first and last name words may respell are compared (a long document names
        many), and most look-ups end here, before the text around them is tokenized."""
        spans, folded, keys = capitals.spans, capitals.folded, capitals.keys
        first = last = n
        while first and _name_gap(text, spans[first - 1][1], spans[first][0]) \
                and not is_common_capitalized(folded[first - 1]):
            first -= 1
        while last + 1 < len(spans) and _name_gap(text, spans[last][1], spans[last + 1][0]) \
                and not is_common_capitalized(folded[last + 1]):
            last += 1
        name_words = [k for k in range(first, last + 1)
                      if folded[k] not in ARTICLES and folded[k] not in NASAB]
        if not name_words:
            return set()
        persons: set[int] | None = None
        for k in dict.fromkeys((name_words[0], name_words[-1], n)):
            looked_up = self._respelling_keys[capitals.words[k]]
            if looked_up and (persons is None or k != n):
                found = {entry for key in looked_up if key in near for entry in near[key]}
                persons = found if persons is None else persons & found
        parts = [(keys[k], folded[k]) for k in name_words]
        return {entry for entry in persons or () if any(
            respells(parts, spelling, families[entry]) for spelling in spellings[entry])}

    @staticmethod
    def _family_partial(compiled: CompiledGlossary, entry: int,
                        article: bool) -> FormSpec | None:
        """The person's family name as a short form (with its article when the text has
        one), as the canonical writes it."""
        partials = compiled.partials.get(entry, [])
        family = [p for p in partials if p.name_parts == 1 and p.kind == "partial"
                  and not p.origin and ("al" in p.keys) == article]
        return family[-1] if family else None

    @staticmethod
    def _another_ends_with(text: str, window: _DocTokens, capitals: _Capitals,
                           taken: _Occupied, same: list[int], entry: int, n: int) -> bool:
        """Does a longer name of someone else in the document end with capitalized word
        ``n``, written again at the places ``same``?"""
        for k in same:
            if k == n:
                continue
            start = capitals.spans[k][0]
            covering = taken.at(start)
            if covering is not None:
                if covering.spec.entry != entry:
                    return True
                continue
            tokens, _keys, at = window.around(start)
            if at is not None and name_run(text, tokens, at)[0] < at:
                return True
        return False

    # -- short forms after a full mention ----------------------------------------------------
    def _resolve_short(self, text: str, compiled: CompiledGlossary, window: _DocTokens,
                       capitals: _Capitals, chosen: list[Match],
                       deferred: list[Match]) -> list[Match]:
        first_seen: dict[int, int] = {}
        for m in chosen:
            if m.spec.kind != "keep":
                first_seen.setdefault(m.spec.entry, m.end)
        if not first_seen and not deferred:
            return chosen
        short_specs = [spec for entry in first_seen for spec in compiled.partials.get(entry, ())]
        short_specs += self._own_spellings(text, chosen, compiled)
        short_specs += [m.spec for m in deferred]
        by_key: dict[str, list[FormSpec]] = {}
        for spec in short_specs:  # filed under the key of the word a mention ends with
            by_key.setdefault(spec.keys[-1], []).append(spec)
            if len(spec.keys) == 2 and spec.folded[0] in COMPOUND_HEADS:
                # "Abdulsalam", "Aboulnaga": the compound written as one word
                by_key.setdefault(join_keys(*spec.keys), []).append(spec)
            elif len(spec.keys) == 2 and spec.folded[0] in _JOINABLE_HEADS:
                # "Benjelloun", "Algosaibi": the family name written as one word
                one_word = "".join(spec.folded)
                key = self._key(one_word)
                by_key.setdefault(key, []).append(replace(spec, folded=(one_word,),
                                                          keys=(key,)))
            elif len(spec.keys) == 1 and (head := _joined_head(spec.folded[0])):
                # "Ben Khedda" for Benkhedda: the family name written as two words
                rest = spec.folded[0][len(head):]
                key = self._key(rest)
                by_key.setdefault(key, []).append(replace(
                    spec, folded=(head, rest), keys=(self._key(head), key)))
            if len(spec.folded[-1]) >= 6:  # "Hifter" after "Haftar"
                by_key.setdefault("~" + masked(spec.keys[-1]), []).append(spec)
            if len(spec.folded[-1]) >= _LONG_FAMILY and spec.name_parts == 1:
                for shorter in self._deletions(spec.keys[-1]):  # "Kamaruzzman"
                    by_key.setdefault(shorter, []).append(spec)
        for specs in by_key.values():
            specs.sort(key=lambda spec: -len(spec.keys))  # "Ibrahim Taha" before "Taha"
        taken = _Occupied(chosen)
        candidates = [Match(m.start, m.end, m.spec, "short") for m in deferred
                      if not taken.overlaps(m)]
        for n in capitals.keyed(by_key):
            start, _end, surface = capitals[n]
            if start and is_word_char(text[start - 1]):
                continue  # a capital inside a word ("iPhone")
            key = capitals.keys[n]
            specs = by_key.get(key, [])
            if len(surface) >= 6:
                specs = sorted(specs + by_key.get("~" + masked(key), []),
                               key=lambda sp: -len(sp.keys))  # "al-Mohandes" before "Mohandes"
            if specs and _other_word(fold_token(surface)) and not _JOINED_ARTICLE_GAP.search(
                    text, max(0, start - 4), start):  # "al-Cheikh" is a name, "Cheikh" a title
                specs = [spec for spec in specs if _written_as_is(surface, spec)
                         or spec.name_parts >= 2]  # the words before it must match too
            if not specs or taken.at(start) is not None:
                continue
            tokens, keys, at = window.around(start)
            if at is None:
                continue
            last = at  # the word's last token: "Sa'ar" is two
            while last + 1 < len(tokens) and ayn_joined(text, tokens[last], tokens[last + 1]):
                last += 1
            for spec in specs:
                i = last + 1 - len(spec.keys) if key != join_keys(*spec.keys) else at
                if i < 0:
                    continue
                if _align_tokens(text, tokens, i, keys, spec.keys) == last + 1 or (
                        last + 1 - i == len(spec.keys) and _gaps_ok(text, tokens, i, last + 1)
                        and _fuzzy_parts(tokens[i:last + 1], keys[i:last + 1], spec)) or (
                        last == at and spec.name_parts == 1
                        and keys[i:at] == list(spec.keys[:-1])
                        and _vowel_variant(tokens[at], keys[at], spec)):
                    first = i - 1 if i and _bare_article_before(text, tokens, i, spec) else i
                elif i and keys[i] == "al" and len(spec.keys) >= 2 and _same_without_articles(
                        text, tokens, keys, i - 1, last + 1, spec):
                    first = i - 1  # "Abou El-Fotouh" for Aboul Fotouh: an article inside
                elif "al" in spec.keys and 0 <= (
                        without := last + 1 - len(spec.keys) + spec.keys.count("al")) < last \
                        and _same_without_articles(text, tokens, keys, without, last + 1, spec):
                    first = without  # "Abul-Khair" for Abu al-Khair: the article left out
                else:
                    continue
                if spec.origin == "joined" and not all(
                        joined(text, tokens[k], tokens[k + 1]) for k in range(first, last)):
                    continue  # a compound family name only written as one word
                candidates.append(Match(tokens[first].start, tokens[last].end, spec,
                                        "generated" if spec.origin == "generated" else "short"))
                break
        candidates += self._split_family_names(text, capitals, by_key, taken)
        candidates = _select(candidates)
        blocked: dict[str, int] = {}  # short-form key -> where another person with it appears
        accepted: list[Match] = []
        headline = _headline_end(text)
        for m in candidates:
            tokens, _keys, at = window.around(m.start)
            last = at
            while last is not None and last + 1 < len(tokens) and tokens[last + 1].start < m.end:
                last += 1
            # a name never runs on from the headline into the story's first line
            after = not (headline and m.end <= headline < _next_start(tokens, last))
            if at is None or _extends_name(text, tokens, at, last, taken, after=after):
                # Part of a longer, other name. It makes the bare word ambiguous only when a
                # name part comes before it, as that person's family name ("Mohammad Bagheri");
                # a word after it is a given name ("Qassem Soleimani": news never calls him
                # "Qassem") or a headline's capitals ("Dbeibeh Unveils ..."). A relative
                # introduced as one ("his father, Idriss Deby") is a side character.
                if at is None or (_extends_name(text, tokens, at, last, taken, after=False)
                                  and not _introduced_as_kin(text, m.start, m.end)):
                    blocked.setdefault(m.spec.keys[-1], m.start)
            elif _relative_of_the_one_before(text, chosen, m) or _kin_right_before(
                    text, m.start) or (
                    kin := _KIN_OF_A_NAME.search(text, max(0, m.start - 60), m.start)
            ) and self._key(kin.group("name") or kin.group("name2")) == m.spec.keys[-1]:
                blocked.setdefault(m.spec.keys[-1], m.start)  # two of the family from here
            elif compiled.lang == "fr" and m.spec.name_parts == 1 \
                    and _FRENCH_ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start) \
                    and fold_token(text[m.start:m.end]) not in self._words_of(
                        text, compiled, chosen, m.spec.entry):
                continue  # after a French article, only the person's own word: "le
                # Sahraoui", "les Atrache"; "La Mecque" is no "Macke"
            else:
                canonical = self.glossary.entries[m.spec.entry].canonical
                with_initial = _with_initial(text, tokens, at, m, canonical)
                if with_initial is not None:
                    accepted.append(with_initial)
        for key, pos in self._rival_keys(text, window, capitals, by_key,
                                         _Occupied(chosen + candidates)).items():
            blocked[key] = min(pos, blocked.get(key, pos))
        extra = [m for m in accepted
                 if self._short_ok(m, first_seen, by_key, blocked, m.end <= headline)]
        return _select(chosen + extra) if extra else chosen

    @staticmethod
    def _words_of(text: str, compiled: CompiledGlossary, chosen: list[Match],
                  entry: int) -> set[str]:
        """The words a person's family name is written with (folded): in the glossary's short
        forms and in the document's full mentions of the person."""
        words = {spec.folded[-1] for spec in compiled.partials.get(entry, ())}
        words.update(tokenize(text, m.start, m.end)[-1].folded for m in chosen
                     if m.spec.entry == entry and not m.spec.short)
        return words

    def _drops_given_name(self, parts: list[tuple[str, str]],
                          spelling: tuple[tuple[str, str], ...], entry: int) -> bool:
        """Does ``parts`` leave out of ``spelling`` the given name the canonical starts with?
        "Mohammad Givi-Khalkhali" against "Mohammed Sadeq Givi Khalkhali" (canonical Sadeq
        Khalkhali) is the son, not the father without his name."""
        keys = self._canonical_parts(entry)[1]
        return 2 <= len(parts) < len(spelling) and len(keys) >= 2 and keys[0] in {
            key for key, _folded in spelling} and keys[0] not in {key for key, _folded in parts}

    @staticmethod
    def _split_family_names(text: str, capitals: _Capitals, by_key: dict[str, list[FormSpec]],
                            taken: _Occupied) -> list[Match]:
        """A family name of one word written as two ("Bani-Sadr", "Abu Trika", "Khalaf
        Allah" for Banisadr, Aboutrika, Khalafallah): two capitalized words one space or
        hyphen apart whose keys, joined, are a one-word short form's, the second no given
        name."""
        spans, keys = capitals.spans, capitals.keys
        found: list[Match] = []
        for n in range(1, len(spans)):
            start, end = spans[n - 1][0], spans[n][1]
            if spans[n][0] - spans[n - 1][1] != 1 or text[spans[n - 1][1]] not in _SPLIT \
                    or (start and is_word_char(text[start - 1])) \
                    or capitals.folded[n] in GIVEN_NAMES:
                continue  # ("Ben Ali" is a name of its own, whatever "Benali" is)
            specs = [spec for spec in by_key.get(join_keys(keys[n - 1], keys[n]), ())
                     if len(spec.keys) == 1]
            if specs and taken.at(start) is None and taken.at(spans[n][0]) is None:
                found.append(Match(start, end, specs[0], "short"))
        return found

    def _own_spellings(self, text: str, chosen: list[Match],
                       compiled: CompiledGlossary) -> list[FormSpec]:
        """The family name as this document spelled it in a full mention ("Mohamed Hamdan
        Daglo" ... "Daglo"), when that is not the glossary's spelling: a short form too."""
        out: list[FormSpec] = []
        for m in chosen:
            partials = compiled.partials.get(m.spec.entry)
            if not partials or m.spec.kind == "keep" or m.spec.short:
                continue
            last_words = [p for p in partials if p.name_parts == 1 and _same_family(
                p.keys[-1], m.spec.keys[-1], p.folded[-1], m.spec.folded[-1])]
            # ("Amiri", "al-Amiri"; "Kikel" of a listed "Abou Akla Kikel" for Abuagla Keikal)
            if not last_words:
                continue
            tokens = tokenize(text, m.start, m.end)
            together = len(m.spec.keys) - len(tokens)  # parts written as one word
            if together > 0 and any(f not in ARTICLES for f in m.spec.folded[-1 - together:-1]):
                continue  # "Alimohammadi" is no family name alone ("Alkhawaja" is)
            last = tokens[-1]
            key = self._key(last.text)
            if m.rule == "document" and key != m.spec.keys[-1] and not respelling(
                    key, m.spec.keys[-1], last.folded, m.spec.folded[-1]):
                continue  # a respelling of another listed spelling: "Ghavam el-Saltaneh"
            out += [replace(p, folded=(*p.folded[:-1], last.folded), keys=(*p.keys[:-1], key))
                    for p in last_words if key != p.keys[-1]]
        return out

    def _rival_keys(self, text: str, window: _DocTokens, capitals: _Capitals,
                    by_key: dict[str, list[FormSpec]], taken: _Occupied) -> dict[str, int]:
        """Short-form keys that a different person in this document also carries, with the
        offset where that person first appears: from there on a bare name is ambiguous."""
        blocked: dict[str, int] = {}
        for n in capitals.keyed(by_key, masked_too=False):
            start, end, _word = capitals[n]
            key = capitals.keys[n]
            if key in blocked or (start and is_word_char(text[start - 1])):
                continue
            covering = taken.at(start)
            if covering is not None:
                if covering.spec.kind == "keep":
                    blocked[key] = covering.start
                continue
            tokens, _keys, at = window.around(start)
            if at is not None and _extends_name(text, tokens, at, at, taken, after=False) \
                    and not _introduced_as_kin(text, start, end):
                blocked[key] = tokens[at - 1].start if at > 0 else start
        return blocked

    @staticmethod
    def _short_ok(m: Match, first_seen: dict[int, int], by_key: dict[str, list[FormSpec]],
                  blocked: dict[str, int], in_headline: bool = False) -> bool:
        """After the entry's first full mention, and no other entry or person shares it.
        A headline names a person by the family name before the story names them in full
        ("Mursi dies in court"): there the full mention may come later, and no other person
        in the whole document may share the name."""
        entry, key = m.spec.entry, m.spec.keys[-1]
        rival_at = blocked.get(key)
        if rival_at is not None and (m.start >= rival_at or in_headline):
            return False
        if m.spec.after_full and (entry not in first_seen or (
                m.start < first_seen[entry] and not in_headline)):
            return False
        return not ({s.entry for s in by_key.get(key, ())} - {entry})


def _fathers_name_before(word: str, key: str) -> bool:
    """Does a given name right before a person's full name make a son's name of it ("Yahya
    Abdullah Ayedh Al-Razami")? Not Muhammad (often the person's own first name, left out),
    an "Abd" or "Abu" the name completes ("Abdel Aziz Doweik"), nor a given name that is also
    a title or honorific ("Sultan Haitham bin Tariq", "Hafiz Saad Hussain Rizvi")."""
    folded = fold_token(word)
    return (folded in GIVEN_NAMES or key in GIVEN_NAME_KEYS) and key != MUHAMMAD \
        and folded not in COMPOUND_HEADS and folded not in TITLES \
        and folded not in _HONORIFIC_NAMES


# given names that are also titles or honorifics before a name
_HONORIFIC_NAMES = frozenset("""sultan hafiz hafez amir malik haji hajji hadj hadji hajj agha
mir shah khan pasha bey sayed syed sayid seyyid sharif cherif chérif""".split())


_SON_OF = NASAB | {"bent", "ould", "ag"}  # French "bent", Mauritanian "ould", Tuareg "ag"


@lru_cache(maxsize=10_000)
def _name_count(spelling: str) -> int:
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


def _particle_before(words: list[str], n: int) -> int:
    """1 when capitalized word ``n`` is led by a capitalized article or "Bin" ("Al-Madani",
    "Bin Dagher"), the start of the family name; else 0."""
    return 1 if n >= 1 and words[n - 1].lower() in _FAMILY_LEADS else 0


_FAMILY_LEADS = frozenset({"al", "el"}) | NASAB


def _added_name_starts(folded: list[str], last: int, father: bool = False,
                       unknown: bool = False) -> list[int]:
    """Where one, then two, middle names ending at capitalized word ``last`` start, read
    backwards: a given name, an "Abdul X" compound written as two words or joined ("Tawakkol
    Abdel-Salam Karman", "Abdulameer"), a sayyid's nisba ("Ali Hosseini Khamenei") or a
    patronymic ("Nursultan Abishevich Nazarbayev", "Kassym-Jomart Kemelouly Tokayev"), each
    maybe led by its article ("Mariam Al-Sadiq Al-Mahdi", "Ali al-Husseini al-Sistani").
    With ``father`` (a "bin" before word ``last``, or a Turkic "oglu" after it), that word
    is a father's name whatever it is ("Nasser bin Ghanim Al-Khelaifi"). With ``unknown``,
    one word that is none of these but may be a name (``_may_be_middle_name``) counts too:
    the starts from it on are the ones a strict call does not return."""
    starts: list[int] = []
    i = last
    while i >= 0 and len(starts) < 2:
        if i >= 1 and folded[i - 1] in SERVANT_OF:
            i -= 2
        elif (father and i == last) or folded[i] in GIVEN_NAMES or folded[i] in _NISBAS or (
                len(folded[i]) >= 7 and folded[i].startswith(_JOINED_SERVANT_OF)) or (
                name_key(folded[i]) in GIVEN_NAME_KEYS) or (
                len(folded[i]) >= 6 and _PATRONYMIC.search(folded[i])):
            i -= 1  # (a given name in another romanization too: "Yaqoub" for Yaqub)
        elif unknown and _may_be_middle_name(folded[i]):
            unknown = False
            i -= 1
        else:
            break
        if i >= 1 and folded[i] in ("al", "el"):
            i -= 1  # a capitalized article: "Al-Sadiq"
        starts.append(i + 1)
    return starts


def _fathers_name(text: str, spans: list[tuple[int, int]], n: int) -> bool:
    """Is capitalized word ``n`` a father's name, after "bin" ("Nasser bin Ghanim") or
    before a Turkic "oglu" or "kyzy" ("Zakir Asger oghlu Hasanov")?"""
    if n < 1:
        return False
    gap_start, gap_end = spans[n - 1][1], spans[n][0]
    if 4 <= gap_end - gap_start <= 8 and _NASAB_GAP.fullmatch(text, gap_start, gap_end):
        return True
    return n + 1 < len(spans) and _TURKIC_GAP.fullmatch(text, spans[n][1],
                                                        spans[n + 1][0]) is not None


@lru_cache(maxsize=100_000)
def _may_be_middle_name(folded: str) -> bool:
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
# Between added middle names: a name gap, maybe with an article ("Ali al-Husseini al-Sistani").
_ADDED_GAP = re.compile(rf"{_SEP}(?:(?:al|el){_SEP})?")


def _other_word(folded: str) -> bool:
    """An ordinary word ("The", "She") or the name of a place or organisation ("Iran",
    "Israel"): as a short form it may only be the person's own word, written as it is."""
    return is_ordinary_word(folded) or folded in place_words() or folded in known_place_words()


def _written_as_is(surface: str, spec: FormSpec) -> bool:
    """Is the word the short form's own spelling, and left as it is? Never "The" for
    "Thea", "She" for "Shea", or "Israel" (the country) for "Israel Saldaña Sotelo"."""
    return fold_token(surface) == spec.folded[-1] == fold_token(spec.target)


_GROW_LEFT = re.compile(r"(?:[^\W_]+)[ \t\u00a0\n\-\u2010-\u2015'\u2019]{0,3}$")
_GROW_RIGHT = re.compile(r"[ \t\u00a0\n\-\u2010-\u2015'\u2019]{0,3}[^\W_]")
_POSSESSIVE = re.compile(r"['\u2019]s(?![^\W_])")


def _may_grow(out: str, change: Change) -> bool:
    """Could a name now run across the replacement's edge? Only if a word joins it there
    (another capitalized word, an article, or letters glued to it; never a possessive "'s",
    which ends a name: a third of news names are followed by one)."""
    left = _GROW_LEFT.search(out, max(0, change.out_start - 40), change.out_start)
    if left and (left.group()[:1].isupper() or left.group().split()[0].lower()
                 in ("al", "el", "d", "l") or not left.group()[-1:].isspace()):
        return True
    right = _GROW_RIGHT.match(out, change.out_end)
    return bool(right) and (right.group()[-1].isupper() or not right.group()[:1].isspace()) \
        and not _POSSESSIVE.match(out, change.out_end)


def compose_changes(text: str, first: list[Change], second: list[Change]) -> list[Change]:
    """Changes from ``text`` to the result of applying ``first`` then ``second``.

    ``second`` has offsets in the intermediate text. A second-pass change that cuts into a
    first-pass replacement is widened to cover it; overlapping spans merge into one change
    whose entry and rule are those of the last pass.
    """
    middle = _apply(text, first)
    final = _apply(middle, second)

    def to_input(pos: int, side: str) -> int:
        shift = 0
        for f in first:
            if pos <= f.out_start:
                break
            if pos < f.out_end:
                return f.start if side == "start" else f.end
            shift = f.out_end - f.end
        return pos - shift

    spans = [(f.start, f.end, f) for f in first]
    spans += [(to_input(c.start, "start"), to_input(c.end, "end"), c) for c in second]
    spans.sort(key=lambda x: (x[0], x[1]))
    groups: list[list] = []
    for start, end, change in spans:
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].append(change)
        else:
            groups.append([start, end, [change]])
    result: list[Change] = []
    for start, end, members in groups:
        out_start = _forward(_forward(start, first), second)
        out_end = _forward(_forward(end, first), second)
        original, canonical = text[start:end], final[out_start:out_end]
        if original == canonical:
            continue
        last = next((c for c in members if c in second), members[-1])
        result.append(Change(start, end, out_start, out_end, original, canonical,
                             last.entry_id, last.rule))
    return result


def _forward(pos: int, changes: list[Change]) -> int:
    """Where an offset outside every change lands after applying them."""
    shift = 0
    for c in changes:
        if c.end > pos:
            break
        shift = c.out_end - c.end
    return pos + shift


def _apply(text: str, changes: list[Change]) -> str:
    pieces, cursor = [], 0
    for c in changes:
        pieces += [text[cursor:c.start], c.canonical]
        cursor = c.end
    pieces.append(text[cursor:])
    return "".join(pieces)


class _Memo(dict):
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


class _Capitals:
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


class _DocTokens:
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


def _without_joined_article(word: str, key: str) -> str | None:
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
_WHITESPACE = re.compile(r"\s")


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


class _Occupied:
    """Spans already taken by chosen matches."""

    def __init__(self, matches: Iterable[Match]):
        self.matches = sorted(matches, key=lambda m: m.start)
        self.starts = [m.start for m in self.matches]

    def at(self, pos: int) -> Match | None:
        idx = bisect_right(self.starts, pos) - 1
        if idx >= 0 and self.matches[idx].end > pos:
            return self.matches[idx]
        return None

    def covers(self, pos: int) -> bool:
        return self.at(pos) is not None

    def overlaps(self, m: Match) -> bool:
        idx = bisect_right(self.starts, m.end - 1) - 1
        while idx >= 0 and self.matches[idx].end > m.start - 10_000:
            other = self.matches[idx]
            if other.start < m.end and m.start < other.end:
                return True
            idx -= 1
        return False


_AMPERSAND_GAP = re.compile(r"[ \u00a0]?&[ \u00a0]?")


def _align_tokens(text: str, tokens: list[Token], i: int, values: list[str],
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
                    and _INITIAL_GAP.fullmatch(text, tokens[j - 1].end, tokens[j].start)):
                return None  # not a name separator, nor the period of an initial ("T. ")
            bounds.add(len(acc))
        acc = add_key(acc, last, values[j]) if keys else acc + values[j]
        last = len(values[j])
        if not target.startswith(acc):
            return None
        j += 1
    if acc != target:
        return None
    while j < len(tokens) and not values[j]:
        j += 1  # the rest of a word its key already spells ("ani" of "Qa’ani")
    return j if bounds <= part_bounds or part_bounds <= bounds else None


def _word_for_word(text: str, tokens: list[Token], folded: list[str], i: int, j: int,
                   spec: FormSpec) -> bool:
    """Tokens ``i:j`` are the spelling's words one space apart: the usual case, which
    ``_align_tokens`` accepts too, decided without it."""
    return j - i == len(spec.folded) and tuple(folded[i:j]) == spec.folded and all(
        tokens[k].start - tokens[k - 1].end == 1 and text[tokens[k].start - 1] == " "
        for k in range(i + 1, j))


def _gaps_ok(text: str, tokens: list[Token], i: int, j: int) -> bool:
    return all(is_name_gap(text, tokens[k - 1].end, tokens[k].start) for k in range(i + 1, j))


def _same_without_articles(text: str, tokens: list[Token], keys: list[str], i: int, j: int,
                           spec: FormSpec, own: frozenset[str] = frozenset()) -> bool:
    """"Yahya al-Sinouar" ~ "Yahya Sinwar": an article present on one side only."""
    if not _gaps_ok(text, tokens, i, j):
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
        and not _crosses_headline(text, tokens[i].start, tokens[j - 1].end)  # as above


def _fuzzy_without_articles(text: str, tokens: list[Token], keys: list[str], i: int, j: int,
                            spec: FormSpec) -> bool:
    """"Hanafi Ali Gibali" ~ "Hanafy Ali El Gebali": an article on one side only and one
    part a vowel off (``_fuzzy_parts``), when two other parts agree exactly."""
    kept = [k for k in range(i, j) if keys[k] != "al"]
    want = [n for n, k in enumerate(spec.keys) if k != "al"]
    if len(kept) != len(want) or len(kept) < 3 or (len(kept) == j - i
                                                   and len(want) == len(spec.keys)):
        return False  # no article anywhere: the plain alignment already decided
    if sum(1 for k, n in zip(kept, want, strict=True) if keys[k] == spec.keys[n]) < 2 \
            or not _gaps_ok(text, tokens, i, j):
        return False
    bare = replace(spec, keys=tuple(spec.keys[n] for n in want),
                   folded=tuple(spec.folded[n] for n in want))
    return _fuzzy_parts([tokens[k] for k in kept], [keys[k] for k in kept], bare)


def _vowel_variant(token: Token, key: str, spec: FormSpec) -> bool:
    """A family name of 6+ letters spelled with one other vowel ("Mohandes", "Hifter"), or
    of 8+ with one vowel less ("Kamaruzzman" for Kamaruzzaman), once the person was named
    in full (the caller's short-form context makes this safe)."""
    want = spec.keys[-1]
    if len(key) == len(want) - 1:
        return len(spec.folded[-1]) >= _LONG_FAMILY and close_keys(key, want)
    return (min(len(token.folded), len(spec.folded[-1])) >= 6 and len(key) == len(want)
            and close_keys(key, want))


_LONG_FAMILY = 8  # letters of a family name that may lose a vowel in a short form


def _fuzzy_parts(tokens: list[Token], keys: list[str], spec: FormSpec) -> bool:
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


# The Persian and Urdu ezafe inside an organisation's name ("Tehrik-e-Taliban", "Lashkar-e-Taiba",
# "Tehrik-i-Taliban"): lower case between capitalized parts, "e" and "i" one key.
_EZAFE = frozenset({"e", "i"})


def _capitalized_run(tokens: list[Token], keys: list[str], i: int, j: int) -> bool:
    """Every part capitalized, except particles (al-, bin, ibn, de) and articles in context
    (the "ur" of "Zaki-ur-Rehman"); a lower-case start only when it is an article in context
    ("al-Sadr", not "as Sadr")."""
    if not tokens[i].text[:1].isupper() and keys[i] != "al":
        return False
    return all(t.text[:1].isupper() or t.folded in PARTICLES or keys[k] in ("", "al")
               or (t.folded in _EZAFE and i < k < j - 1)
               for k, t in enumerate(tokens[i:j], start=i))


def _extends_name(text: str, tokens: list[Token], first: int, last: int, taken: _Occupied,
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
                and not taken.covers(prev.start)):
            return True
        break
    if after and last + 1 < len(tokens):
        nxt = tokens[last + 1]
        gap = text[tokens[last].end:nxt.start]
        if (nxt.text[:1].isupper() and is_name_gap(text, tokens[last].end, nxt.start)
                and not any(c in gap for c in "'\u2019")
                and nxt.folded not in TITLES_AFTER_NAMES):  # "El-Nokrashy Pasha"
            return True
        if _ARTICLE_NAME_AFTER.match(text, tokens[last].end):
            return True  # "Busra al-Harir": an article-led name part goes on
        if _NASAB_AFTER.match(text, tokens[last].end):
            return True  # "Abu Obaida ibn al-Jarrah": a son's name goes on with his father's
    return False


_SPLIT = frozenset(" -\u2010\u2011")  # what splits a family name written as two words
_ELIDED = frozenset({"d", "l", "qu", "j", "n", "s", "m", "t", "c", "jusqu", "lorsqu", "puisqu"})


def _ordinary_not_a_name(folded: str) -> bool:
    """A title, a sentence opener or a frequent word that is no given name: capitalized
    before a name in a title-case headline ("Where Is Izzat al-Duri?"), not part of it."""
    return is_ordinary_word(folded) and folded not in GIVEN_NAMES


_SENTENCE_END = re.compile(r"\s*$|\s*\n|\s+[\"\u201c(]?[A-Z\u00c0-\u00de]")
_INITIAL_GAP = re.compile(r"\.(?:[ \u00a0]|\r?\n)?")


def _with_initial(text: str, tokens: list[Token], first: int, m: Match,
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
            and _INITIAL_GAP.fullmatch(text, tokens[k - 1].end, tokens[k].start) is not None

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


def _same_case(tokens: list[Token], form: str) -> bool:
    """Case-sensitive mode: the span's letters, joined, equal the form's (accents aside)."""
    return "".join(t.text for t in tokens) == "".join(t.text for t in tokenize(form))


@lru_cache(maxsize=100_000)
def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 6 and text.isupper()


@lru_cache(maxsize=100_000)
def _initials(name: str) -> frozenset[str]:
    """Acronyms a name of three or more words goes by: the initials of all its words, of its
    capitalized words, of those without articles ("HTS" for "Hayat Tahrir al-Sham", "MBS"
    for "Mohammed bin Salman", "OIC" for "Organization of Islamic Cooperation"), and of its
    words but connectors, capitalized or not ("FTF" for "Fédération tunisienne de football")."""
    tokens = [t for t in tokenize(name) if t.text[:1].isalpha()]
    if len(tokens) < 3:
        return frozenset()
    ways = (tokens, [t for t in tokens if t.text[:1].isupper()],
            [t for t in tokens if t.text[:1].isupper() and t.folded not in ARTICLES],
            [t for t in tokens if t.folded not in CONNECTORS and t.folded not in ARTICLES])
    return frozenset("".join(t.text[0] for t in way).upper() for way in ways
                     if 3 <= len(way) <= 6)


def _in_capitals_line(words: list[str], spans: list[tuple[int, int]], n: int) -> bool:
    """A word in capitals next to another one ("HTS SEIZES ALEPPO"): a headline, not an
    acronym used in running text."""
    return any(0 <= k < len(words) and len(words[k]) > 1 and words[k].isupper()
               and abs(spans[k][0] - spans[n][0]) <= len(words[k]) + len(words[n]) + 3
               for k in (n - 1, n + 1))


_THREE_CAPITALS = re.compile(r"[A-Z]{3}")
# spaces with at most one line break: what separates the words of a name in wrapped text
_SPACES = r"[ \t\u00a0\u202f]"
_WORD_GAP = rf"(?:{_SPACES}+(?:\r?\n{_SPACES}*)?|\r?\n{_SPACES}*)"
_NASAB_GAP = re.compile(rf"{_WORD_GAP}(?:bin|ibn|ben|bint){_WORD_GAP}")
_TURKIC_GAP = re.compile(rf"{_WORD_GAP}(?:{_TURKIC}){_WORD_GAP}")
_NASAB_BEFORE = re.compile(rf"(?<![^\W_])(?:bin|ibn|ben|bint){_WORD_GAP}$", re.IGNORECASE)
# a capitalized word before a mention, looking through an article ("Harakat al Nujaba")
_WORD_BEFORE = re.compile(rf"(?<![^\W_])([A-Z\u00c0-\u00de][^\W\d_]+){_WORD_GAP}"
                          r"(?:[AaEe]l[ \u00a0\-\u2010\u2011])?$")
_LOWER_ARTICLES = ("al", "el")  # the lower-case articles _WORD_BEFORE reads through
_FRENCH_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?:le|la|les|du|des|au|aux)[ \u00a0]+$",
                                    re.IGNORECASE)
# the same in French, before the name: "l'hôpital Avicenne", "le lycée Averroès"
_NAMED_AFTER_BEFORE = re.compile(
    r"(?<![^\W_])(?:hôpital|lycée|collège|école|université|aéroport|stade|rue|avenue|boulevard"
    r"|mosquée|fondation|institut|musée|cratère|parc|jardin|palais|gare)[ \u00a0]+$",
    # ("à sa place X": not "place")
    re.IGNORECASE)
# two to four initials and a capitalized word: "A.A.K. Niazi", "H. S. Suhrawardy", "HM Ershad"
# (the capital first, the look-behind after it: the scan then skips from capital to capital,
# three times faster than trying the look-behind at every character)
_INITIALS_THEN_NAME = re.compile(
    r"([A-Z](?<![^\W_][A-Z])(?:\.[ \u00a0]?(?:[A-Z]\.[ \u00a0]?){1,3}|[A-Z]{1,3}(?=[ \u00a0])))"
    r"[ \u00a0]?([A-Z][^\W\d_]+)(?![^\W_])")
# what is named after a person, after the person's name: "Rafik Hariri University"
_NAMED_AFTER = frozenset("""university airport stadium hospital mosque school college
institute academy foundation prize award street avenue boulevard square bridge dam highway
library museum centre center hall mausoleum brigade brigades battalion park gardens garden
palace station cemetery memorial tower district quarter neighbourhood neighborhood""".split())
# a capitalized word after a mention, through an article ("Seif al-Islam Kadhafi")
_WORD_AFTER = re.compile(rf"{_WORD_GAP}(?:[AaEe]l[ \u00a0\-\u2010\u2011])?"
                         r"([A-Z\u00c0-\u00de][^\W\d_]+)(?![^\W_])")
_HARD_K = str.maketrans("jq", "kk")  # keys write g as j: "Gaddafi" = "Kadhafi" = "Qaddafi"
# an article-led capitalized name part right after a name: "al-Harir" in "Bosra al-Harir"
_ARTICLE_NAME_AFTER = re.compile(rf"{_WORD_GAP}[AaEe]l[ \u00a0\-\u2010\u2011]"
                                 r"([A-Z\u00c0-\u00de][^\W\d_]+)(?![^\W_])")
# a nickname in quotes right after a name: "Gosh", « Godane », ‘Irro’
_QUOTED_AFTER = re.compile(rf"{_WORD_GAP}[\"\u201c\u00ab\u2018'][ \u00a0]?"
                           r"([A-Z\u00c0-\u00de][^\W\d_]+)[ \u00a0]?[\"\u201d\u00bb\u2019']")


# a first given name before a mention: Muhammad, or the "Abd" of a compound given name
# ("Abdel Aziz", "Abd al-Aziz"); the article is only read after an "Abd"
_LEADING_NAME = re.compile(rf"(?<![^\W_])([A-Z][a-z]{{1,7}})(?:{_WORD_GAP}|[-\u2010\u2011])"
                           r"([AaEe]l[ \u00a0\-\u2010\u2011])?$")
_SPELLED_OUT = 3  # full spellings from which a glossary is taken to know how a name is written
_LEADING_KEYS = frozenset({MUHAMMAD, "abdul"})
_BEFORE_LEADING = frozenset(" \t\n\u00a0\u202f-\u2010\u2011")  # what ends _LEADING_NAME


def _word_before(text: str, pos: int) -> re.Match[str] | None:
    """The capitalized word just before ``pos`` across a name gap (``_WORD_BEFORE``); never
    the headline's last word for a name that starts the story."""
    lo = max(0, pos - 40)
    words = text[lo:pos].split()
    # (a quick no, cheaper than the search: no capital in the last word, "said", unless it
    # is an article, which the search reads through)
    if not words or words[-1].islower() and words[-1][:2] not in _LOWER_ARTICLES:
        return None
    found = _WORD_BEFORE.search(text, lo, pos)
    return None if found is None or _crosses_headline(text, found.end(1), pos) else found


def _named_after_further(text: str, pos: int) -> bool:
    """One or two more capitalized words after ``pos`` and then the word for a place or body
    named after someone ("... Cultural Center", "... International Airport")?"""
    for _ in range(2):
        found = _next_to(_WORD_AFTER, text, pos)
        if found is None or found.group(1).isupper():
            return False
        if fold_token(found.group(1)) in _NAMED_AFTER:
            return True
        pos = found.end(1)
    return False


def _with_leading_ayn(text: str, m: Match) -> Match:
    """A modifier letter for ayn or hamza right before a mention is its first letter:
    "ʿAbdallāh Behbahānī" is written over whole, never "ʿAbdollah Behbahani"."""
    start = m.start
    if start and text[start - 1] in AYN_LETTERS and (
            start == 1 or not is_word_char(text[start - 2])):
        return replace(m, start=start - 1)
    return m


def _word_before_any(text: str, pos: int) -> str:
    """The word just before ``pos`` (folded, any case), "" at the text's start."""
    words = re.split(r"[\s'’]+", text[max(0, pos - 30):pos].rstrip())
    return fold_token(words[-1].strip(".,;:«»\"()")) if words else ""  # "l'imam": imam


def _next_to(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """``pattern`` matched right after ``pos``, unless the gap is the headline's end."""
    found = pattern.match(text, pos)
    return None if found is None or _crosses_headline(text, pos, found.start(1)) else found


def _crosses_headline(text: str, start: int, end: int) -> bool:
    """Is the line break between ``start`` and ``end`` the end of the headline? One line
    break may fall inside a name, but a headline's last word and the story's first are two."""
    return "\n" in text[start:end] and start <= _headline_end(text) < end


@lru_cache(maxsize=4096)
def _nation(folded: str) -> str | None:
    """The country a folded word names or is the adjective of ("egyptian", "egypt": egypt),
    by the English lexicon, the place words and ``_demonym``; None for any other word."""
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


def _of_another_nation(before: str, canonical: str) -> bool:
    """Is ``before`` a country or its adjective, and the canonical of a body of another one
    ("Egyptian Journalists' Syndicate" against the Sudanese Journalists Syndicate)?"""
    nation = _nation(fold_token(before))
    if nation is None:
        return False
    theirs = _nations_of(canonical)
    return bool(theirs) and nation not in theirs


def _nations_of(canonical: str) -> set[str]:
    """The countries a body's canonical names ("Sudanese Journalists Syndicate": sudan)."""
    return {n for word in _canonical_words(canonical) if (n := _nation(word)) is not None}


@lru_cache(maxsize=4096)
def _canonical_words(canonical: str) -> frozenset[str]:
    """The folded words of a canonical, made once per canonical."""
    return frozenset(t.folded for t in tokenize(canonical))


# Words that make a body's name the name of a wider one: the "International Association of
# Judges" is not a country's "Association of Judges", nor the "World Health Organization" a
# "Health Organization"
_WIDER_SCOPE = frozenset("international world global regional continental universal".split())


def _wider_body(before: str, canonical: str) -> bool:
    """Is ``before`` a word of scope ("International") that the body's canonical lacks?"""
    word = fold_token(before)
    return word in _WIDER_SCOPE and word not in _canonical_words(canonical)


# a country's name after "of" ("du", "de la"), or a French adjective after the name
_NATION_AFTER = re.compile(r"[ \u00a0]+(?:(?:of(?: the)?|du|de la|de l[’']|des|de|d[’'])"
                           r"[ \u00a0]*)?([^\W\d_]+)")
_FEMININE = (("ienne", "ien"), ("enne", "en"), ("aise", "ais"), ("ise", "is"), ("ine", "in"))


def _another_nation_after(text: str, end: int, canonical: str) -> bool:
    """Does another country follow a body's name, by name after "of"/"du" or as a French
    adjective ("l'UÇK macédonienne", the Macedonian UÇK, not the Kosovo Liberation Army)? Only
    for a canonical that names its own country: "le Hezbollah libanais" stays Hezbollah."""
    found = _NATION_AFTER.match(text, end)
    if found is None:
        return False
    word = fold_token(found.group(1))
    nation = _nation(word) or _french_nation(word)
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
            if (nation := _nation(english)) is not None:
                return nation
    return None


@lru_cache(maxsize=4096)
def _demonym(word: str) -> bool:
    """An English adjective of a country the lexicon does not list, read from the country's
    name: "nigerian", "chadian", "senegalese", "moroccan" ("Nigerian Tijaniyya" is the order,
    in Nigeria)."""
    for ending, back in (("ian", ""), ("an", ""), ("n", ""), ("ese", ""), ("an", "o"),
                         ("ian", "ia"), ("i", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3 \
                and word[:len(word) - len(ending)] + back in place_words():
            return True
    return False


def _same_name_part(key: str, want: str) -> bool:
    """The same name part in another romanization: the same key or one vowel off, with g, k
    and q for the one Arabic letter ("Kadhafi", "Gaddafi", "Qaddafi"). Not the same
    consonants alone: "Hasan" is not "Huseyn"."""
    return key == want or close_keys(key, want) or close_keys(key.translate(_HARD_K),
                                                               want.translate(_HARD_K))


_JOINED_ARTICLE = re.compile(r"(?<![^\W_])[AaEe]l[-\u2010\u2011]$")
# Words that qualify a name without starting another one: demonyms ("Lebanese Hezbollah"),
# from the English variants lexicon.
_SAME_NAME_WORDS = frozenset(load_lexicon("en").words) if load_lexicon("en") else frozenset()
# the English words of organisations', places' and events' names (the lexicons' words)
_NAME_VOCABULARY = _SAME_NAME_WORDS | frozenset(
    word for lexicon in filter(None, (load_lexicon("fr"), load_lexicon("en")))
    for words in lexicon.words.values() for word in words)
# Words for a geographic feature named after a place: "Wadi Hadramaut" still spells Hadramout.
# words for the feature a place's name already names: "the Bab-el-Mandeb Strait" is the strait
_SAME_FEATURE = frozenset("strait straits peninsula".split())
_FEATURES = frozenset("wadi ouadi oued jebel jabal djebel mount mont lake lac".split())
_LOOSE_ARTICLE = re.compile(rf"(?<![^\W_])[AaEe]l{_WORD_GAP}$")
_JOINED_ARTICLE_GAP = re.compile(r"(?<![^\W_])[AaEe]l[-\u2010\u2011'\u2019][ \u00a0]?$")
_IDENTIFIER = re.compile(r"[@#_]|://|www\.")  # handles, hashtags, e-mail and web addresses
_NASAB_AFTER = re.compile(rf"{_WORD_GAP}(?:[Bb]in|[Ii]bn|ben|bint){_WORD_GAP}(?:[ae]l-)?[A-Z]")
# Where a sentence starts: the text's start, or after . ! ? : or a line break (quotes aside).
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n])[ \u00a0\"'\u201c\u00ab(]*$")


def _next_start(tokens: list[Token], last: int | None) -> int:
    """Where the token after ``last`` starts (-1 when there is none)."""
    return tokens[last + 1].start if last is not None and last + 1 < len(tokens) else -1


def _title_case_line(text: str, pos: int) -> bool:
    """Is the line around ``pos`` written in title case (a headline: every word of three
    letters or more capitalized, but the particles of names)?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = _LONG_WORD.findall(text, start, end if end >= 0 else len(text))
    return len(words) >= 3 and all(w[0].isupper() or w.lower() in PARTICLES for w in words)


_LONG_WORD = re.compile(r"(?<![^\W_])[^\W\d_]{3,}")


def _headline_end(text: str) -> int:
    """Where the document's headline ends: a first line of at most ``_HEADLINE`` characters
    with no sentence end, followed by a line that starts with a capital (not a sentence
    wrapped across lines); 0 when there is none."""
    end = text.find("\n", 0, _HEADLINE + 1)
    if end <= 0 or _HEADLINE_STOP.search(text, 0, end) or _WRAPPED.search(text, 0, end) \
            or not _NEXT_LINE.match(text, end):
        return 0
    return end


_HEADLINE = 160
# a sentence ends inside the first line (not at the period of an initial: "N. Machnouk")
_HEADLINE_STOP = re.compile(r"(?:(?<!\b[A-Z])\.|[!?])[\s\"\u201d\u00bb]")
# a line that stops mid-sentence: at a comma or a function word
_WRAPPED = re.compile(r"(?:[,;]|\b(?i:of|and|or|the|a|an|to|in|on|at|for|with|by|from|as|de|du|des|"
                      r"la|le|les|et|ou|à|au|aux|en|un|une|sur|par|pour))[ \t]*$")
_NEXT_LINE = re.compile(r"\s*[\"\u201c\u00ab(]?[A-Z\u00c0-\u00de0-9]")


def starts_sentence(text: str, pos: int) -> bool:
    """Does a sentence start at ``pos``? A lower-case canonical ("al-Hayya") is capitalized
    there, as English and French write it."""
    return _SENTENCE_START.search(text, max(0, pos - 4), pos) is not None


# A relative named as such, up to the short form: "his father, Muhammad bin Ali Al-", "killed
# his son Humam al-", "son père, Idriss", "son frère aîné, Jawdat", "son of the retired teacher
# Safi Yousef al-" (the name's parts, then the short form's position).
_KIN_EN = (r"father|son|brother|sister|daughter|nephew|niece|cousin|uncle|aunt|wife|widow"
           r"|husband|mother|grandfather|grandmother|grandson|granddaughter"
           r"|(?:father|mother|brother|sister|son|daughter)-in-law")
_KIN_FR = (r"père|fils|frère|sœur|fille|neveu|nièce|cousin|cousine|oncle|tante|épouse|veuve"
           r"|mari|mère|grand-père|grand-mère|petit-fils|petite-fille|beau-père|belle-mère"
           r"|beau-frère|belle-sœur|gendre|belle-fille")
# what may stand between the relation and the name: ", the writer", ", l'écrivain"
_KIN_DESCRIPTION = r"(?:,?[ \u00a0]+(?i:the|a|an|le|la|l['\u2019])[ \u00a0]*[a-zà-ÿ]+" \
                   r"(?:[ \u00a0]+[a-zà-ÿ]+){0,2})?"
_KIN_BEFORE = re.compile(
    rf"(?:\b(?i:his|her|their|whose|the|a|eldest|elder|younger|youngest|late)[ \u00a0]+"
    rf"(?:(?:{_KIN_EN})['\u2019]s[ \u00a0]+)?(?:{_KIN_EN})"
    rf"|\b(?i:son|sa|leur|le|la|du|de)[ \u00a0]+(?:{_KIN_FR})"
    rf"(?:[ \u00a0]+(?:aîné|aînée|cadet|cadette|maternel|paternel|maternelle|paternelle))?"
    rf"|\b(?i:{_KIN_EN})[ \u00a0]+of(?:[ \u00a0]+[a-z]+){{0,3}}"
    rf"|\b(?i:{_KIN_FR})[ \u00a0]+(?:de|d['\u2019]|du)(?:[ \u00a0]*(?:l['\u2019]|la |le )?"
    rf"[a-zà-ÿ]+){{0,3}}){_KIN_DESCRIPTION}"
    r",?[ \u00a0]+(?:(?:[A-Z\u00c0-\u00de][^\s,.;:]*|bin|ibn|ben|bint|al|el)[ \u00a0\-]+){0,5}$")
# ... or right after it: "Zainab Al-Khawaja, a daughter of the activist", "Jihad, son fils".
_KIN_AFTER = re.compile(
    rf",[ \u00a0]+(?:(?i:a|an|the|his|her|their)[ \u00a0]+(?:{_KIN_EN})\b"
    rf"|(?:(?i:la|le|l['\u2019]|son|sa|leur)[ \u00a0]*)(?:{_KIN_FR})\b)")


# A relation of the person just named, up to a name: ", fils du grand ayatollah ", ", the son
# of ", ", daughter of the late "
_KIN_OF = re.compile(
    rf",?[ \u00a0]+(?:(?i:the|a|an|le|la|l['\u2019]|his|her|sa|son)[ \u00a0]*)?"
    rf"(?:(?i:{_KIN_EN})[ \u00a0]+of|(?i:{_KIN_FR})[ \u00a0]+(?:de|du|d['\u2019]))"
    rf"(?:[ \u00a0]*(?:l['\u2019])?[a-zà-ÿ]+){{0,3}}[ \u00a0]*")


def _kin_right_before(text: str, start: int) -> bool:
    """"His grandfather, Fakhri Abdel Nour": a relative named as one right before ``start``;
    not a likeness ("Like his father, Hudaybi trained in law" is the person)."""
    kin = _POSSESSIVE_KIN.search(text, max(0, start - 40), start)
    return kin is not None and not _LIKE_BEFORE.search(text, max(0, kin.start() - 8),
                                                       kin.start())


_LIKE_BEFORE = re.compile(r"(?i:\b(?:like|unlike|comme|as))[ \u00a0]+$")


def _relative_of_the_one_before(text: str, chosen: list[Match], m: Match) -> bool:
    """Is short form ``m`` the family name of a relative the text names right after the
    person ("Abdul Majid al-Khoei, fils du grand ayatollah al-Khoï")? One is not one's own
    father: there the name is the relative's."""
    before = [c.end for c in chosen if c.spec.entry == m.spec.entry and c.end <= m.start]
    return bool(before) and m.start - before[-1] <= 60 and _KIN_OF.fullmatch(
        text, before[-1], m.start) is not None


# a relation of a person named by name, up to the relative's name: "Abdel Nour's grandfather,
# ", "le grand-père d'Abdel Nour, " (the relative's when that name is the person's own; "Neveu
# d'Abdullah Abdullah, Dashty ..." is the person himself)
_KIN_OF_A_NAME = re.compile(
    rf"(?:(?P<name>[^\W\d_]+)['\u2019]s[ \u00a0]+"
    rf"(?:(?i:late|elder|younger|eldest|youngest)[ \u00a0]+)?(?:{_KIN_EN})"
    rf"|\b(?i:{_KIN_FR})[ \u00a0]+(?:de|d['\u2019]|du)[ \u00a0]*"
    rf"(?:[A-Z\u00c0-\u00de][^\W\d_]+[ \u00a0\-]){{0,2}}"
    rf"(?P<name2>[A-Z\u00c0-\u00de][^\W\d_]+)),?[ \u00a0]+$")
# "his father, ", "son frère aîné ", "was the son of ": a relative of the one named before
_POSSESSIVE_KIN = re.compile(
    rf"\b(?:(?i:his|her)[ \u00a0]+(?:{_KIN_EN})|(?i:son|sa)[ \u00a0]+(?:{_KIN_FR})"
    rf"(?:[ \u00a0]+(?:aîné|aînée|cadet|cadette|maternel|paternel|maternelle|paternelle))?"
    rf"|(?:was|is|était|est|fut)[ \u00a0]+(?:the|le|la)[ \u00a0]+"  # "... était le fils de "
    rf"(?:(?i:{_KIN_EN})[ \u00a0]+of|(?i:{_KIN_FR})[ \u00a0]+(?:de|du)))"
    # (a title or a first name of the relative's between: "His grandfather Sayyid ")
    r",?[ \u00a0]+(?:[A-Z\u00c0-\u00de][^\W\d_]*[ \u00a0]+){0,2}$")
_CAPITALIZED_IN = re.compile(r"(?<![^\W_])[A-Z\u00c0-\u00de][^\W\d_]+")
# two capitalized words in a row: someone's full name
_FULL_NAME = re.compile(r"(?<![^\W_])[A-Z\u00c0-\u00de][^\W\d_]+[ \u00a0]+"
                        r"[A-Z\u00c0-\u00de][^\W\d_]+")


def _introduced_as_kin(text: str, start: int, end: int) -> bool:
    """Is the name ending with the word at ``start:end`` a relative named as such, before it
    ("his father, Idriss Deby") or after it ("Zainab Al-Khawaja, a daughter of ...")?"""
    return bool(_KIN_BEFORE.search(text, max(0, start - 80), start)
                or _KIN_AFTER.match(text, end))


def _bare_article_before(text: str, tokens: list[Token], i: int, spec: FormSpec) -> bool:
    """"Al-Safadi" for a short form "Safadi": the article the glossary does not write, also
    as a sun letter makes it, joined to the name ("at-Tammu")."""
    prev = tokens[i - 1]
    return ((prev.folded in ("al", "el") or (prev.folded in ARTICLES and joined(
        text, prev, tokens[i]))) and spec.folded[0] not in ARTICLES
            and is_name_gap(text, prev.end, tokens[i].start))


def _not_a_mention(text: str, compiled: CompiledGlossary, m: Match) -> bool:
    """Spans that look like a name but are not one to rewrite:
    - inside a handle, hashtag, e-mail or web address ("@ekrem_imamoglu"): identifiers;
    - a short form written all in lower case ("imamoglu"): news capitalizes a name; so is,
      in English, a one-word spelling the glossary capitalizes ("the majlis" is any
      assembly, the Majlis Iran's), unless it names an event (French writes its militias'
      members in lower case: "les shebab", "les talibans");
    - a person's spelling after "bin"/"ben"/"ibn": the father's name inside someone else's
      name ("Theyazin ben Haïtham" is not Haitham, "Saif bin Hamad Al Sharqi" not Hamad Al
      Sharqi);
    - a person's name after a French word for a place or body named after them ("l'hôpital
      Avicenne", "le lycée Averroès"): that one's name, spelled as it spells it; a word taken
      for a respelling of the person's name after a French article ("dans le Khwarezm", the
      region), where French names a person so only by an epithet ("le Sahraoui"); and
      after "the", before the word for such a place in lower case ("the Fatih district");
    - a span that ends inside a word going on after an apostrophe ("Mu" of "Mu'aiqily");
    - a person's name of two words or more whose first word is an ordinary word written in
      lower case ("said Djohar" for Said Mohamed Djohar: the verb);
    - one word of a person after "Saint" (the saint: "Saint Macarius" is not Bishop Makarios),
      or after a clergy title when the person has a given and a family name ("l'évêque
      Marcos" is no Samir Morcos, who is no bishop)."""
    if compiled.is_person(m.spec.entry) and m.spec.name_parts == 1 and (
            before := _word_before_any(text, m.start)) and (
            before in _SAINT or before in _CLERGY and sum(
                t.folded not in ARTICLES and not REGNAL.fullmatch(t.text)
                for t in tokenize(m.spec.target)) >= 2):  # ("pape Chénouda": Shenouda III)
        return True
    if compiled.is_person(m.spec.entry) and (_NAMED_AFTER_BEFORE.search(
            text, max(0, m.start - 14), m.start) or (
            _THE_BEFORE.search(text, max(0, m.start - 5), m.start)
            and (after := _LOWER_WORD_AFTER.match(text, m.end)) is not None
            and after.group(1) in _NAMED_AFTER) or (
            compiled.lang == "fr" and m.rule == "document"
            and _FRENCH_ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start))):
        return True
    if _WORD_GOES_ON.match(text, m.end):
        return True  # the word goes on after an ayn's apostrophe: "Al Mu'aiqily" is no "Al Mu"
    if _another_kind_after(text, compiled, m):
        return True
    if text[m.start:m.start + 1].islower() and m.spec.text[:1].isupper() \
            and compiled.is_person(m.spec.entry) and m.spec.name_parts >= 2 \
            and (first := fold_token(text[m.start:m.end].split()[0])) not in PARTICLES \
            and is_ordinary_word(first):
        return True  # "... in Paris said Djohar was held": the verb, then the family name
    before, after = text[m.start - 1:m.start], text[m.end:m.end + 1]
    if (before and not before.isspace()) or (after and not after.isspace()):
        lo = m.start
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = m.end
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if _IDENTIFIER.search(text, lo, hi):
            return True
    if (m.rule == "short" or compiled.lang == "en" and len(m.spec.folded) == 1
            and m.spec.text != m.spec.text.lower()
            and compiled.entries[m.spec.entry].type not in EVENT_TYPES) \
            and not any(c.isupper() for c in text[m.start:m.end]):
        return True
    if m.spec.kind != "listed" or not compiled.is_person(m.spec.entry):
        return False
    nasab = _NASAB_BEFORE.search(text, max(0, m.start - 6), m.start)
    # (a longer spelling only after a name: "Saif bin Hamad Al Sharqi", a son of Hamad)
    return nasab is not None and (m.spec.name_parts == 1  # "bint Al-Waleed" too
                                  or _word_before(text, nasab.start()) is not None)


def _goes_on_into_another_name(text: str, canonical: str, m: Match) -> bool:
    """Is a place's or body's spelling followed by a capitalized word that makes a longer
    name, another thing's ("Bab El-Oued City", a film; "Gaza City"; "Damac Hills")? Not a
    word in capitals, a line in title case, a month or day, a given name or a title
    (someone's name starts there: "the imam of Masjid-ul-Haram Bandar Balila", "Hezbollah
    Secretary-General Naim Qassem"), the canonical's own word ("Pearl Square Roundabout")
    nor a word for the feature the name names ("the Bab-el-Mandeb Strait")."""
    after = _next_to(_WORD_AFTER, text, m.end)
    if after is None or after.group(1).isupper() or _title_case_line(text, m.start):
        return False
    word = fold_token(after.group(1))
    return word not in _CALENDAR and word not in GIVEN_NAMES and word not in TITLES \
        and word not in _SAME_FEATURE and word not in _canonical_words(canonical)


def _another_kind_after(text: str, compiled: CompiledGlossary, m: Match) -> bool:
    """Is the mention, a place or body whose canonical names what kind of thing it is
    ("Al Thumama Stadium"), written without that word and followed by another such word
    ("the Al Thumama district")? Then it names the other thing that shares the name."""
    entry = compiled.entries[m.spec.entry]
    if entry.type not in ("place", "org"):
        return False
    kinds = _canonical_words(entry.canonical) & _NAMED_AFTER
    if not kinds or not kinds.isdisjoint(m.spec.folded):
        return False
    after = _ANY_WORD_AFTER.match(text, m.end)
    return after is not None and (word := fold_token(after.group(1))) in _NAMED_AFTER \
        and word not in kinds


def _stands_alone(m: Match) -> bool:
    """Spellings that must not touch another capitalized name part: a name without its middle
    names, a one-word known alias (French "Riyad" is Riyadh, "Riyad Mansour" a person) and an
    unlisted one-word variant of a place ("Tigrai" is Tigray, "Tigrai TV" a channel)."""
    return m.spec.kind == "dropped" or (len(m.spec.folded) == 1 and (
        m.spec.origin == "alias" or m.rule == "generated"))


def _article_and_one_word(m: Match) -> bool:
    """An unlisted variant of a one-word name led by its article ("Al-Ahli" for Al Ahly)."""
    return m.rule == "generated" and m.spec.name_parts == 1 and len(m.spec.folded) > 1


# a hyphen and a capitalized word right after a name: one longer name ("Marrakesh-Safi")
_HYPHEN_NAME_AFTER = re.compile(r"[\-\u2010\u2011](?:[eiy][\-\u2010\u2011 ])?"
                                r"([A-Z\u00c0-\u00de][^\W\d_]*)")


def _with_last_word_of_target(text: str, m: Match) -> Match:
    """A mention followed by the word its replacement ends with belongs to it ("Pearl Square
    Roundabout" for Pearl Roundabout), never "Pearl Roundabout Roundabout"."""
    found = _next_to(_WORD_AFTER, text, m.end)
    if found is None or found.start(1) - m.end > 1:
        return m
    last = tokenize(m.spec.target)[-1:]
    if last and fold_token(found.group(1)) == last[0].folded and not any(
            t.folded == last[0].folded for t in tokenize(text, m.start, m.end)):
        return replace(m, end=found.end(1))
    return m


def _hyphen_name_after(text: str, end: int) -> bool:
    """A capitalized name word joined by a hyphen after ``end``, maybe through a Persian
    ezafe ("Jombesh-e Nawin", another party than Jombesh), not an ordinary word ("Est" of
    "Al-Qods-Est", "Based")."""
    found = _HYPHEN_NAME_AFTER.match(text, end)
    return found is not None and not is_ordinary_word(fold_token(found.group(1)))


_FULL_MENTION = frozenset({"exact", "folded", "generated", "translated"})
_NAMED_IN_FULL = _FULL_MENTION | {"document"}
# a family name's first word that the family name is also written joined to
_JOINABLE_HEADS = frozenset("ben bin ibn al el".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december lundi mardi
mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
septembre octobre novembre décembre""".split())
_WORD_GOES_ON = re.compile(r"['\u2019\u02bc\u02bf](?!s(?![^\W_]))[a-z\u00e0-\u00ff]")
_EZAFE = frozenset({"e", "ye", "i"})  # Persian: "Babak-e Khorramdin"
_SAINT = frozenset("saint st sainte san santa".split())
_CLERGY = frozenset(fold_token(w) for w in """bishop évêque archbishop archevêque pope pape
patriarch patriarche metropolitan métropolite abbot anba abuna""".split())
_THE_BEFORE = re.compile(r"(?<![^\W_])[Tt]he[ \u00a0]+$")
_ANY_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)(?![^\W_])")
_LOWER_WORD_AFTER = re.compile(r"[ \u00a0]+([a-z]+)(?![^\W_])")
# a person introduced by a parent right after the name: "X, son of ...", "X, fils de ..."
_CHILD_OF_AFTER = re.compile(
    r",?[ \u00a0]+(?:the[ \u00a0]+|le[ \u00a0]+|la[ \u00a0]+)?"
    r"(?:eldest[ \u00a0]+|youngest[ \u00a0]+)?"
    r"(?:son|daughter|grandson|granddaughter|nephew|niece|fils|fille|petit-fils|petite-fille"
    r"|neveu|nièce)[ \u00a0]+(?:of|de|d['\u2019]|du)", re.IGNORECASE)
# one or two middle initials between a first and a family name: "Ahmed H. Zewail"
_MIDDLE_INITIALS = re.compile(r"[A-Z](?<=[ \u00a0][A-Z])\.(?:[ \u00a0]?[A-Z]\.)?[ \u00a0]?")
_CAPITALIZED_WORD_BEFORE = re.compile(r"[A-Z\u00c0-\u00de][^\W\d_]+$")
_NAME_WORD_AFTER = re.compile(
    r"[ \u00a0]?((?:[AaEe]l[-\u2010\u2011 ])?)([A-Z\u00c0-\u00de][^\W\d_]+)(?![^\W_])")


def _joined_head(folded: str) -> str:
    """The "Ben" or "Al" a one-word family name starts with ("benkhedda", "alsanousi"),
    before four letters or more; "" if none."""
    for head in _JOINABLE_HEADS:
        if folded.startswith(head) and len(folded) - len(head) >= 4:
            return head
    return ""
# first names that alone name anyone, the Prophet and the imams first of all: never read as
# the one person of the document who carries them
_NAMES_OF_ANYONE = frozenset("""muhammad mohammad mohammed mohamed muhammed mohamad mehmet
mehmed ali hassan hasan hussein husain hussain hossein husayn ahmed ahmad abdullah abdallah
omar umar othman uthman osman fatima fatma aisha ibrahim ismail musa moussa isa issa yusuf
youssef jesus mary maryam""".split())
_RELIGIOUS_TITLES = _SAINT | {"prophet", fold_token("prophète"), "imam"}  # (folded)
# the next word has a capital in it: "Moustafa ak-Kazimi" (a typo) goes on as a name
_CAPITAL_IN_NEXT_WORD = re.compile(r"[ \u00a0\-\u2010\u2011]?[^\s]*[A-Z\u00c0-\u00de]")


def _same_family(key: str, listed_key: str, folded: str, listed_folded: str) -> bool:
    """Is a listed full spelling's last word (``listed_key``) the canonical's family name
    (``key``), the same or respelled with other vowels ("Kikel" for Keikal)? Then the
    document's own spelling of that word is a short form of the person."""
    return key == listed_key or respelling(key, listed_key, folded, listed_folded) and (
        consonants(key) == consonants(listed_key))


def _name_gap(text: str, start: int, end: int) -> bool:
    """May the text between two capitalized words separate two parts of one name?"""
    return end - start <= _MAX_GAP and _PREVIOUS_GAP.fullmatch(text, start, end) is not None


def _select(candidates: list[Match]) -> list[Match]:
    """Leftmost-longest, non-overlapping; an equal-best span claimed by two entries is dropped."""
    best: dict[tuple[int, int], list[Match]] = {}
    for c in candidates:
        best.setdefault((c.start, c.end), []).append(c)
    resolved: list[Match] = []
    for group in best.values():
        top = min(RULE_PRIORITY[g.rule] for g in group)
        winners = [g for g in group if RULE_PRIORITY[g.rule] == top]
        if len({w.spec.entry for w in winners}) > 1 and top != 0:
            continue
        resolved.append(winners[0])
    resolved.sort(key=lambda m: (m.start, -(m.end - m.start), RULE_PRIORITY[m.rule]))
    chosen: list[Match] = []
    last_end = -1
    for m in resolved:
        if m.start >= last_end:
            chosen.append(m)
            last_end = m.end
    return chosen

