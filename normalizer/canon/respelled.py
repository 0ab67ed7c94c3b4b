"""Document respellings ("document"): a person named in full and written otherwise in the same
document (a typo, a respelling no rule joins), and a first name alone written as the full
mention wrote it."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import compress

from normalizer.canon.gaps import name_gap
from normalizer.canon.kin import introduced_as_kin
from normalizer.canon.match import FULL_MENTION, NAMED_IN_FULL, Match, Occupied, select
from normalizer.canon.mentions import SAINT
from normalizer.canon.name_parts import HONORIFIC_NAMES, HYPHENS
from normalizer.canon.nearby import word_before_any
from normalizer.canon.views import Capitals, DocTokens
from normalizer.commonwords import is_common_capitalized, is_ordinary_word
from normalizer.glossary.known import is_place_word
from normalizer.matcher import (
    COMPOUND_HEADS,
    NASAB,
    PARTICLES,
    CompiledGlossary,
    FormSpec,
    ayn_joined,
)
from normalizer.namesim import (
    GIVEN_NAME_KEYS,
    MIN_LETTERS,
    is_name_part,
    may_stand_alone,
    name_run,
    neighbours,
    other_middle_name,
    respells,
    spelling_parts,
)
from normalizer.romanize import ARTICLES, MUHAMMAD
from normalizer.textfold import fold_token, tokenize

# first names that alone name anyone, the Prophet and the imams first of all: never read as
# the one person of the document who carries them
_NAMES_OF_ANYONE = frozenset("""muhammad mohammad mohammed mohamed muhammed mohamad mehmet
mehmed ali hassan hasan hussein husain hussain hossein husayn ahmed ahmad abdullah abdallah
omar umar othman uthman osman fatima fatma aisha ibrahim ismail musa moussa isa issa yusuf
youssef jesus mary maryam""".split())

_RELIGIOUS_TITLES = SAINT | {"prophet", fold_token("prophète"), "imam"}  # (folded)

# the next word has a capital in it: "Moustafa ak-Kazimi" (a typo) goes on as a name
_CAPITAL_IN_NEXT_WORD = re.compile(r"[ \u00a0\-\u2010\u2011]?[^\s]*[A-Z\u00c0-\u00de]")
# a sovereign's or royal's title right before a given name
_ROYAL_TITLE_BEFORE = re.compile(
    r"(?<![^\W_])(?i:king|roi|queen|reine|emir|émir|amir|sultan|prince|princess|princesse"
    r"|sheikh|shaikh|cheikh|sheikha|cheikha)[ \u00a0]+$")
# "bin", "bint", "ben", "ibn", "ould" after a first name: a father's name follows
_CHILD_OF = frozenset("bin bint ben ibn ould".split())
_NAME_GOES_ON = re.compile(r"[ \u00a0\-\u2010\u2011]+(?:(?i:bin|bint|ben|ibn|ould|al|el)(?![^\W_])"
                           r"|[A-Z\u00c0-\u00de])")  # ("roi Salmane d'Arabie" does not)
# an article joined to the next word, in lower case too: a family name ("Khalid el-islambouli")
_ARTICLE_NAME_NEXT = re.compile(r"[ \u00a0]+[AaEe]l[\-\u2010\u2011][^\W\d_]")


class DocumentRespellings:
    """Finds a document's other spellings of a person it names in full.

    A part of ``Canonicalizer``: it reads the glossary and the per-word caches that
    ``Canonicalizer.__init__`` sets up.
    """

    def _respelled(self, text: str, compiled: CompiledGlossary, window: DocTokens,
                   capitals: Capitals, chosen: list[Match]) -> list[Match]:
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
            if m.spec.kind != "keep" and m.rule in FULL_MENTION \
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
        taken = Occupied(chosen)
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
                    or introduced_as_kin(text, tokens[first].start, tokens[last].end):
                continue  # (a relative named as one: "His son, Mohammad Givi-Khalkhali")
            # "Mohamed-Salah Mzali": the hyphen makes one given name of the first two words,
            # never Mohamed Mzali with a name added (a pilgrim's "Hajji" aside)
            compound = last > first and text[tokens[first].end:tokens[first + 1].start] \
                in HYPHENS and tokens[first].folded not in ARTICLES \
                and tokens[first + 1].folded not in HONORIFIC_NAMES
            alike = {entry for entry, seen in spellings.items() if entry in persons
                     and (len(parts) > 1 or tokens[first].start >= named[entry])
                     and any(respells(parts, spelling, families[entry])
                             and not self._drops_given_name(parts, spelling, entry)
                             and not (compound and all(
                                 key != token_keys[first + 1] for key, _folded in spelling))
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
        return select(chosen + found) if found else chosen

    def _given_name_alone(self, text: str, compiled: CompiledGlossary, window: DocTokens,
                          capitals: Capitals, chosen: list[Match]) -> list[Match]:
        """A person named in full and then by the first name alone, written as the full
        mention wrote it ("Vouria Ghafouri ... Vouria joined in 2016"): the canonical's first
        name, spelled its way ("Voria"). News calls athletes, artists, women and royals so.
        Only a first name of the canonical's own (the same key), no article, particle, title
        or "Abd", not one of the names so common that it alone names anyone ("Mohammed",
        "Ali"), not a country's or capital's name ("Israël" of Israël Katz is the country),
        not after a religious title ("the Prophet Muhammad"), not beside another
        name word, and only where no one else in the document carries it."""
        firsts: dict[str, tuple[int, int, str]] = {}  # first word as written -> person
        for m in chosen:
            if m.spec.short or m.spec.kind == "keep" or m.rule not in NAMED_IN_FULL \
                    or not compiled.is_person(m.spec.entry):
                continue
            canon_parts, canon_keys = self._canonical_parts(m.spec.entry)
            head = canon_parts[0].folded if canon_parts else ""
            if len(canon_keys) < 2 or head in PARTICLES or head in COMPOUND_HEADS \
                    or is_common_capitalized(head):
                continue
            first = tokenize(text, m.start, m.end)[0]
            if first.folded in _NAMES_OF_ANYONE or first.text == canon_parts[0].text \
                    or is_place_word(first.folded) \
                    or self._key(first.text) != canon_keys[0]:
                continue
            seen = firsts.get(first.folded)
            if seen is not None and seen[0] != m.spec.entry:
                firsts[first.folded] = (-1, 0, "")  # two persons of the document carry it
            elif seen is None:
                firsts[first.folded] = (m.spec.entry, m.end, canon_parts[0].text)
        if not any(entry >= 0 for entry, _end, _target in firsts.values()):
            return chosen
        taken = Occupied(chosen)
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
            before = word_before_any(text, start)
            if entry < 0 or start < named_end or before in _RELIGIOUS_TITLES \
                    or word.isupper() or _CAPITAL_IN_NEXT_WORD.match(text, end) \
                    or _ARTICLE_NAME_NEXT.match(text, end):
                continue
            spec = FormSpec(entry, word, (folded,), (capitals.keys[n],), target, "partial",
                            True, short=True)
            found.append(Match(start, end, spec, "short"))
        found = [m for m in found if m.spec.folded[0] not in elsewhere]
        return select(chosen + found) if found else chosen

    def _royal_given_name(self, text: str, compiled: CompiledGlossary, capitals: Capitals,
                          chosen: list[Match]) -> list[Match]:
        """A sovereign's or a royal's given name after the title, spelled otherwise ("le roi
        Salmane", "princesse Rima" for Salman bin Abdulaziz, Reema bint Bandar): news names
        royals so, and the word is the canonical's first name respelled (the same key), so it
        is written as the canonical writes that name, with no full mention needed. Only for
        a canonical of the form "X bin Y" (the name the person is called by, then the
        father's), where no other person of the glossary has a first name with that key,
        never a name of anyone ("Mohammed"), and never when the name goes on ("Prince
        Salman bin Hamad")."""
        royals = self._royals_made[compiled.lang]
        if not royals:
            return chosen
        keys = capitals.keys
        hits = list(compress(range(len(keys)), map(royals.__contains__, keys)))
        if not hits:
            return chosen
        taken = Occupied(chosen)
        found: list[Match] = []
        for n in hits:
            start, end, word = capitals[n]
            spec = royals[keys[n]]
            if word == spec.target or word.isupper() \
                    or taken.at(start) is not None \
                    or not _ROYAL_TITLE_BEFORE.search(text, max(0, start - 24), start) \
                    or _NAME_GOES_ON.match(text, end):
                continue
            found.append(Match(start, end, replace(spec, text=word, folded=(capitals.folded[n],)),
                               "short"))
        return select(chosen + found) if found else chosen

    def _royal_first_names(self, compiled: CompiledGlossary) -> dict[str, FormSpec]:
        """First-name key -> the one person whose canonical is "X bin Y" with that first name,
        where no other person's first name has that key. Made with the build, from the
        canonicals' words (the keys of first names only: few distinct words)."""
        firsts: dict[str, set[int]] = {}
        royal: dict[int, tuple[str, str]] = {}
        for entry in compiled.partials:
            if not compiled.is_person(entry):
                continue
            words = self.glossary.entries[entry].canonical.split()
            key = self._key(words[0])
            firsts.setdefault(key, set()).add(entry)
            head = fold_token(words[0])
            if len(words) >= 3 and fold_token(words[1]) in _CHILD_OF and len(head) >= 4 \
                    and head not in _NAMES_OF_ANYONE and head not in COMPOUND_HEADS \
                    and key != MUHAMMAD and not is_common_capitalized(head) \
                    and words[0].isalpha():
                royal[entry] = (key, words[0])
        return {key: FormSpec(entry, name, (fold_token(name),), (key,), name, "partial",
                              False, short=True)
                for entry, (key, name) in royal.items() if len(firsts[key]) == 1}

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

    def _may_respell(self, text: str, capitals: Capitals, n: int, near: dict[str, set[int]],
                     spellings: dict[int, set[tuple[tuple[str, str], ...]]],
                     families: dict[int, tuple[str, str] | None]) -> set[int]:
        """A first look from the capitalized words alone: the persons of the document that
        the run of capitalized words around word ``n`` may respell. Only the persons both
        its first and last name words may respell are compared (a long document names
        many), and most look-ups end here, before the text around them is tokenized."""
        spans, folded, keys = capitals.spans, capitals.folded, capitals.keys
        first = last = n
        while first and name_gap(text, spans[first - 1][1], spans[first][0]) \
                and not is_common_capitalized(folded[first - 1]):
            first -= 1
        while last + 1 < len(spans) and name_gap(text, spans[last][1], spans[last + 1][0]) \
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
    def _another_ends_with(text: str, window: DocTokens, capitals: Capitals,
                           taken: Occupied, same: list[int], entry: int, n: int) -> bool:
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

    def _drops_given_name(self, parts: list[tuple[str, str]],
                          spelling: tuple[tuple[str, str], ...], entry: int) -> bool:
        """Does ``parts`` leave out of ``spelling`` the given name the canonical starts with?
        "Mohammad Givi-Khalkhali" against "Mohammed Sadeq Givi Khalkhali" (canonical Sadeq
        Khalkhali) is the son, not the father without his name."""
        keys = self._canonical_parts(entry)[1]
        return 2 <= len(parts) < len(spelling) and len(keys) >= 2 and keys[0] in {
            key for key, _folded in spelling} and keys[0] not in {key for key, _folded in parts}
