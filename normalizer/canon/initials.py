"""Initials: a first name's initials before a family name ("A. P. Kayani"), middle initials
("Ahmed H. Zewail") and, only when the canonicalizer is asked to expand them, acronyms of a
body's name the document gives in full: an acronym is another name, not a spelling, and real
coverage defines it beside the name ("Libyan National Army (LNA)") and elides before it in
French ("l'ANL"), where writing the name makes nonsense."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from normalizer.canon.layout import headline_end, in_capitals_line
from normalizer.canon.match import Match, Occupied, select
from normalizer.canon.nearby import word_before
from normalizer.canon.views import Capitals
from normalizer.commonwords import is_ordinary_word
from normalizer.matcher import CONNECTORS, CompiledGlossary, FormSpec, part_keys
from normalizer.romanize import ARTICLES
from normalizer.textfold import fold_token, is_word_char, tokenize


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

_THREE_CAPITALS = re.compile(r"[A-Z]{3}")

# two to four initials and a capitalized word: "A.A.K. Niazi", "H. S. Suhrawardy", "HM Ershad"
# (the capital first, the look-behind after it: the scan then skips from capital to capital,
# three times faster than trying the look-behind at every character)
_INITIALS_THEN_NAME = re.compile(
    r"([A-Z](?<![^\W_][A-Z])(?:\.[ \u00a0]?(?:[A-Z]\.[ \u00a0]?){1,3}|[A-Z]{1,3}(?=[ \u00a0])))"
    r"[ \u00a0]?([A-Z][^\W\d_]+)(?![^\W_])")

# one or two middle initials between a first and a family name: "Ahmed H. Zewail"
_MIDDLE_INITIALS = re.compile(r"[A-Z](?<=[ \u00a0][A-Z])\.(?:[ \u00a0]?[A-Z]\.)?[ \u00a0]?")

_CAPITALIZED_WORD_BEFORE = re.compile(r"[A-Z\u00c0-\u00de][^\W\d_]+$")

_NAME_WORD_AFTER = re.compile(
    r"[ \u00a0]?((?:[AaEe]l[-\u2010\u2011 ])?)([A-Z\u00c0-\u00de][^\W\d_]+)(?![^\W_])")


class InitialsSearch:
    """Finds names written with initials, and acronyms.

    A part of ``Canonicalizer``: it reads the glossary and the per-word caches that
    ``Canonicalizer.__init__`` sets up.
    """

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
            before = word_before(text, found.start())
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
            before = word_before(text, first.start())
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

    def _acronyms(self, text: str, lang: str | None, capitals: Capitals,
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
        taken = Occupied(chosen)
        spans = capitals.spans
        found: list[Match] = []
        headline = headline_end(text)  # a headline may use it before the story spells it out
        for n in hits:
            (entry, *others), (start, end) = owners[words[n]], spans[n]
            if others or words[n] in self._foreign_spellings(entry, lang) \
                    or words[n] in self._listed_acronyms.get(lang, ()) or (
                    start < first_seen[entry] and start >= headline) \
                    or taken.at(start) is not None or (
                    start and is_word_char(text[start - 1])) or in_capitals_line(
                    words, spans, n):
                continue
            canonical = self.glossary.entries[entry].canonical
            acronym = words[n]
            spec = FormSpec(entry, acronym, (acronym.lower(),), (acronym.lower(),), canonical,
                            "partial", after_full=True, short=True)
            found.append(Match(start, end, spec, "acronym"))
        return select(chosen + found) if found else chosen

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
