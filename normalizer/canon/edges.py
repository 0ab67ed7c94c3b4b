"""A found mention adjusted by what stands around it: a title the glossary spells, the rest of
the name in another spelling, a leading given name, a quoted nickname, a loose article; or
dropped where it is a father's name, someone else's longer name or another country's body."""

from __future__ import annotations

import re
from dataclasses import replace

from normalizer.canon.gaps import NASAB_AFTER, NASAB_BEFORE, WORD_GAP
from normalizer.canon.kin import CAPITALIZED_IN, CHILD_OF_AFTER, FULL_NAME, POSSESSIVE_KIN
from normalizer.canon.layout import title_case_line
from normalizer.canon.match import BY_ORIGIN, Match
from normalizer.canon.mentions import goes_on_into_another_name
from normalizer.canon.name_parts import SAME_NAME_WORDS, fathers_name_before, may_be_middle_name
from normalizer.canon.namesakes import romanized_name_keys
from normalizer.canon.nations import (
    another_nation_after,
    demonym,
    nation_of_word,
    of_another_nation,
    wider_body,
)
from normalizer.canon.nearby import (
    ARTICLE_NAME_AFTER,
    JOINED_ARTICLE,
    NAMED_AFTER,
    WORD_AFTER,
    after_a_name_word,
    crosses_headline,
    named_after_further,
    next_to,
    same_name_part,
    word_before,
)
from normalizer.commonwords import (
    TITLES,
    TITLES_AFTER_NAMES,
    is_common_capitalized,
    is_ordinary_word,
)
from normalizer.glossary import form_key
from normalizer.glossary.ambiguous import GIVEN_NAMES
from normalizer.matcher import COMPOUND_HEADS, NASAB, CompiledGlossary, concat_align
from normalizer.namesim import respelling
from normalizer.romanize import ARTICLES, MUHAMMAD, surface_key
from normalizer.textfold import DASHES, fold_token, tokenize

# a nickname in quotes right after a name: "Gosh", « Godane », ‘Irro’
_QUOTED_AFTER = re.compile(rf"{WORD_GAP}[\"\u201c\u00ab\u2018'][ \u00a0]?"
                           r"([A-Z\u00c0-\u00de][^\W\d_]+)[ \u00a0]?[\"\u201d\u00bb\u2019']")

# a first given name before a mention: Muhammad, or the "Abd" of a compound given name
# ("Abdel Aziz", "Abd al-Aziz"); the article is only read after an "Abd"
_LEADING_NAME = re.compile(rf"(?<![^\W_])([A-Z][a-z]{{1,7}})(?:{WORD_GAP}|[-\u2010\u2011])"
                           r"([AaEe]l[ \u00a0\-\u2010\u2011])?$")

_LEADING_KEYS = frozenset({MUHAMMAD, "abdul"})
# an abbreviated word with its period right before a name: "Mohd. ", "Md. "
_INITIAL_AND_NAME_AFTER = re.compile(rf"{WORD_GAP}[A-Z]\.{WORD_GAP}?([A-Z][a-z\u00df-\u00ff]+)"
                                     r"(?![^\W_])")
_ABBREVIATED_BEFORE = re.compile(r"(?<![^\W_])([A-Z][a-z]{1,4})\.[ \u00a0]+$")

_BEFORE_LEADING = frozenset(" \t\n\u00a0\u202f-\u2010\u2011")  # what ends _LEADING_NAME

_FEATURES = frozenset("wadi ouadi oued jebel jabal djebel mount mont lake lac".split())

_LOOSE_ARTICLE = re.compile(rf"(?<![^\W_])[AaEe]l{WORD_GAP}\Z")


def _title_inside_a_name(text: str, before: re.Match[str]) -> bool:
    """Is the capitalized word before a person's spelling a title that a given name leads
    ("Said Sheikh Samatar", "Abdi Sheikh Ali")? Somali and Gulf names carry "Sheikh" inside
    them: that is someone's longer name, not a title before this person's."""
    if fold_token(before.group(1)) not in TITLES:
        return False
    prior = word_before(text, before.start(1))
    if prior is None:
        return False
    word = fold_token(prior.group(1))
    return word in GIVEN_NAMES or surface_key(prior.group(1), word) in romanized_name_keys()


class MatchEdges:
    """Adjusts or drops a found mention by the words around it.

    A part of ``Canonicalizer``: it reads the glossary and the per-word caches that
    ``Canonicalizer.__init__`` sets up.
    """

    def _kin_of_the_one_named(self, text: str, compiled: CompiledGlossary, named: list[Match],
                                  m: Match) -> bool:
        """A person's full name introduced as a relative of the person named just before ("...
        that Mousharafa was killed. His father, Moustafa Mosharafa, was a scholar", "... était le
        fils de Moustafa Mosharafa"; named also by the family name the glossary spells, left
        as it is: "that Mosharafa was killed"): one is not
        one's own father, so the name is the relative's, who may share most of it. Only when no
        other full name stands between them ("Inji Efflatoun ... Son neveu Hassan Galaleddine ...
        sa tante Injy Efflatoun" is her again)."""
        if m.spec.kind == "keep" or m.spec.short or not compiled.is_person(m.spec.entry):
            return False
        kin = POSSESSIVE_KIN.search(text, max(0, m.start - 40), m.start)
        if kin is None:
            return False
        before = [c for c in named if c.end <= kin.start()]
        last = (before[-1].end, before[-1].spec.entry) if before else (0, -1)
        for found in CAPITALIZED_IN.finditer(text, last[0], kin.start()):
            own = self._one_word_family(compiled, fold_token(found.group()))
            if own is not None and own.entry == m.spec.entry and not after_a_name_word(
                    text, found.start()):  # named by the family name no one else has,
                last = (found.end(), m.spec.entry)  # alone ("Kamel El Harrachi" is not)
        return last[1] == m.spec.entry \
            and FULL_NAME.search(text, last[0], kin.start()) is None \
            and not any(self._person_words(compiled).get(fold_token(found.group()), set())
                        - {m.spec.entry}
                        for found in CAPITALIZED_IN.finditer(text, last[0], kin.start()))

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
        found = next_to(WORD_AFTER, text, m.end)
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
                and goes_on_into_another_name(text, entry.canonical, m):
            return None  # "Damac Hills", "IRIB News Network": another thing, named after it
            # (a place's unlisted one-word spelling too: "al-Habboubi Central Hospital")
        if m.spec.kind != "listed" or m.rule not in ("exact", "folded"):
            return m
        if not compiled.is_person(m.spec.entry) and next_to(ARTICLE_NAME_AFTER, text, m.end):
            return None  # "Bosra al-Harir" is another town than Bosra (al-Sham)
        if entry.type == "org" and another_nation_after(text, m.end, entry.canonical):
            return None  # "l'UÇK macédonienne" is not Kosovo's UÇK
        found = word_before(text, m.start)
        if found is not None and compiled.is_person(m.spec.entry) \
                and _title_inside_a_name(text, found):
            return None  # "Said Sheikh Samatar" is not Samatar's
        if found is None or is_ordinary_word(fold_token(found.group(1))):
            return m
        if not compiled.is_person(m.spec.entry):  # an organisation or a place
            # "Kataib Hezbollah", "Hezbollah al-Nujaba": inside another name; "Lebanese
            # Hezbollah" is the same one
            word = fold_token(found.group(1))
            if of_another_nation(found.group(1), compiled.entries[m.spec.entry].canonical):
                return None  # "Egyptian Hezbollah" is not the Lebanese Hezbollah
            return m if word in SAME_NAME_WORDS or word in _FEATURES or demonym(word) else None
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
                    and goes_on_into_another_name(text, entry.canonical, m):
                return None
            before = word_before(text, m.start)
            if before is not None and of_another_nation(before.group(1), entry.canonical) \
                    or entry.type == "org" and another_nation_after(text, m.end,
                                                                     entry.canonical):
                return None  # "Egyptian Journalists' Syndicate": another country's body
            if before is not None and entry.type == "org" and wider_body(
                    before.group(1), entry.canonical):
                return None  # the "International Association of Judges" is another body
            return m
        if m.spec.kind == "partial" and NASAB_BEFORE.search(text, max(0, m.start - 8),
                                                             m.start):
            return None  # a father's name: "Talib bin Mamari" is no short form "Mamari"
        if m.spec.folded[0] in NASAB and m.start >= 2 and text[m.start - 1] in DASHES \
                and text[m.start - 2].isalpha():
            return None  # "Tanger-Ibn Battouta": a compound name (the airport's)
        found = word_before(text, m.start)
        if found is not None and _title_inside_a_name(text, found):
            return None  # "Said Sheikh Ali Samatar"
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
                    and not same_name_part(before, keys[span[0] - 1]):
                return None
            if m.start - found.end(1) <= 1 and fathers_name_before(found.group(1), before):
                return None  # a son named with his father's full name: "Yahya Abdullah Ayedh
                # Al-Razami"
            return m
        if span is not None and span[0] > 0 and same_name_part(self._key(found.group(1)),
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
                or m.rule not in BY_ORIGIN or not compiled.is_person(m.spec.entry):
            return False
        found = next_to(WORD_AFTER, text, m.end)
        if found is None:
            # a middle initial and a family name after it: "Alice Denis D. Havel" is no Alice
            # Dennis
            after = next_to(_INITIAL_AND_NAME_AFTER, text, m.end)
            return after is not None and not is_ordinary_word(fold_token(after.group(1)))
        if found.group(1).isupper():
            return False
        folded = fold_token(found.group(1))
        if text.startswith(("'s", "\u2019s"), found.end(1)) and nation_of_word(folded) is not None:
            return False  # a country's, after the name: "called Abu Jaafar al-Shabaki Iran's man"
        if folded in NAMED_AFTER or named_after_further(text, found.end(1)):
            return True  # "the Hassiba Benbouali University", "the Orabi Pasha Cultural
            # Center": a place named after the person
        if folded in TITLES_AFTER_NAMES:
            return False  # "Mahmoud Fahmy El Nokrashy Pasha": a title after the name
        if title_case_line(text, m.start):
            return False
        if folded in TITLES:  # "Abdiweli Sheikh Ahmed": a title inside a name goes on with it
            after = next_to(WORD_AFTER, text, found.end(1))
            return after is not None and not after.group(1).isupper() \
                and not is_ordinary_word(fold_token(after.group(1)))
        return not is_ordinary_word(folded)

    def _with_one_more_name(self, text: str, m: Match, chosen: list[Match]) -> Match | None:
        """A person's spelling followed by one more name word no table knows, where the
        document names the person otherwise too ("Adnan Khairallah Tulfah" after Adnan
        Khairallah, "Mohamed bin Zayed Al Nahyan"): the person's longer name, on the terms of
        a middle name no table knows (``_may_add_unknown``). The spelling is written as the
        canonical and the word after it stays: it is the text's own ("Al Nahyan", the
        dynasty), and may not be a name at all ("the Mohamed bin Zayed Falconry ... School").
        Else (None) it may be someone else's and is left alone, as where another name word
        comes before it too ("Al-Sabi Thabit ibn Qurra al-Harrani": never the middle of a
        longer name), or where the spelling is one word: "Soekarno Putri" is Sukarno's
        daughter's name, never his."""
        found = next_to(WORD_AFTER, text, m.end)
        if found is None or m.spec.name_parts < 2 or not self._may_add_unknown(m.spec) \
                or self._name_word_before(text, m.start) \
                or not may_be_middle_name(fold_token(found.group(1))) \
                or next_to(WORD_AFTER, text, found.end(1)) is not None \
                or not any(c.spec.entry == m.spec.entry and c.start != m.start
                           and c.spec.kind != "keep" and not c.spec.short for c in chosen) \
                or CHILD_OF_AFTER.match(text, found.end(1)):
            return None  # ("Saliou Mbacké Ndiouroul, fils de ...": a namesake, the son of one)
        return m

    def _name_word_before(self, text: str, pos: int) -> bool:
        """Is there another name word right before ``pos``: not a common capitalized word,
        not Muhammad or a compound's head ("Abu", "Abdel"), which lead a person's own name?"""
        before = word_before(text, pos)
        if before is None:
            return False
        folded = fold_token(before.group(1))
        return not is_common_capitalized(folded) and folded not in COMPOUND_HEADS \
            and self._key(before.group(1)) not in _LEADING_KEYS

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
        found = next_to(WORD_AFTER, text, m.end)
        # (not is_ordinary_word: after a name, "Said" or "Bashir" is more name, not a verb)
        if found is None or is_common_capitalized(fold_token(found.group(1))):
            return m
        canonical, keys = self._canonical_parts(m.spec.entry)
        span = concat_align(keys, m.spec.keys)
        if m.rule == "generated" and span == (0, len(keys)) \
                and next_to(ARTICLE_NAME_AFTER, text, m.end):
            return None  # an unlisted spelling of all of it inside a longer name: "Ali Hassan
            # al-Majid" is not Ali Hasan (a listed spelling there is the user's own call)
        if span is None or span[0] != 0 or span[1] >= len(keys):
            return m  # the spelling is not how the canonical starts, or it is all of it
        rest = [k for k, t in zip(keys[span[1]:], canonical[span[1]:], strict=True)
                if t.folded not in ARTICLES]
        if len(rest) != 1:
            return None
        if same_name_part(self._key(found.group(1)), rest[0]):
            return replace(m, end=found.end(1))
        # the father's name between them: "Seif al-Islam Mouammar Kadhafi"
        after = next_to(WORD_AFTER, text, found.end(1))
        if after is not None and same_name_part(self._key(after.group(1)), rest[0]):
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
        sons = self._named_for_him(m.spec.entry)
        if sons and (before := word_before(text, m.start)) is not None \
                and self._may_be_first_name(before.group(1), sons):
            return None  # "Mahamad Idris Deby", "Mohamed Idris Deby": another entry is a
            # given name and this one's name, the son named for his father (Mahamat Idriss
            # Deby Itno, son of Idriss Deby Itno), so the longer name is the son's
        if m.start < 3 or text[m.start - 1] not in _BEFORE_LEADING \
                or m.spec.kind not in ("listed", "dropped") or m.spec.short \
                or not compiled.is_person(m.spec.entry) or m.spec.name_parts < 2 \
                or m.spec.folded[0] in ARTICLES or m.spec.folded[0] in NASAB:
            return m
        found = _LEADING_NAME.search(text, max(free_from, m.start - 24), m.start)
        if found is None or crosses_headline(text, found.end(1), m.start):
            return m
        key = self._key(found.group(1))
        if key not in _LEADING_KEYS or (key == MUHAMMAD and found.group(2)) \
                or key in self._canonical_parts(m.spec.entry)[1]:
            return m
        before = word_before(text, found.start(1))
        after = next_to(WORD_AFTER, text, m.end)
        if before is not None and not is_common_capitalized(fold_token(before.group(1))) \
                or after is not None and not is_common_capitalized(fold_token(after.group(1))) \
                or NASAB_BEFORE.search(text, max(0, found.start(1) - 8), found.start(1)):
            return m  # a longer name ("Ali Mohammed Fuad Masum", "... Masum Hawrami")
        if self._well_spelled(m.spec.entry):
            return None  # a glossary that spells the person three ways, never with this
            # name, knows how they are written: the longer name is someone else's, a son
            # named with his father's name ("Mohammed Saeed Lootah") or a namesake
        return replace(m, start=found.start(1))

    def _named_for_him(self, entry: int) -> list[tuple[str, str]]:
        """The first names (key, folded) of the entries whose canonical is one word and then
        this entry's canonical ("Mahamat Idriss Deby Itno" of Idriss Deby Itno)."""
        return self._named_for.get(entry, []) if self._named_for else []

    def _named_for_fathers(self) -> dict[int, list[tuple[str, str]]]:
        """Entry -> the first names (key, folded) of the entries named one word and then its
        canonical (folded as ``form_key``): made with the build, from the canonicals'
        strings."""
        by_name: dict[str, list[int]] = {}
        for index, entry in enumerate(self.glossary.entries):
            by_name.setdefault(form_key(entry.canonical), []).append(index)
        fathers: dict[int, list[tuple[str, str]]] = {}
        for name, sons in by_name.items():
            tail = name.partition(" ")[2]
            if tail.count(" ") >= 1:  # (the father's name of two words or more)
                for father in by_name.get(tail, ()):
                    for son in sons:
                        first = self.glossary.entries[son].canonical.split()[0]
                        fathers.setdefault(father, []).append((self._key(first),
                                                               fold_token(first)))
        return fathers

    def _may_be_first_name(self, word: str, firsts: list[tuple[str, str]]) -> bool:
        """May this capitalized word be the given name of one of these (key, folded) first
        names: a Muhammad, a given name anyone may have, or that name respelled? Never a
        title or an ordinary word ("Head of State Idriss Deby")."""
        folded = fold_token(word)
        if is_common_capitalized(folded):
            return False
        key = self._key(word)
        return key == MUHAMMAD or folded in GIVEN_NAMES or any(
            key == first or respelling(key, first, folded, first_folded)
            for first, first_folded in firsts)

    def _with_own_first_name(self, text: str, compiled: CompiledGlossary, m: Match) -> Match:
        """The canonical's own first name right before a spelling that leaves it out belongs
        to the mention, which is then the name in full, written as the canonical: an
        abbreviated Muhammad with its period ("Mohd. Asri Zainul Abidin", "Md. Shahabuddin"
        for Mohd Asri Zainul Abidin, Md Shahabuddin), or the first name written out before a
        spelling that starts at the canonical's second name ("Ali Fethi Bey" for Ali Fethi
        Okyar, listed "Fethi Bey"). Never "Mohd. Mohd Asri ..." or "Ali Ali Fethi Okyar"; the
        canonical even where the spelling alone stands for its end ("Hossein
        Amir-Abdollahian", "Osama bin Laden")."""
        if m.start < 3 or m.spec.kind == "keep" or not compiled.is_person(m.spec.entry):
            return m
        keys = self._canonical_parts(m.spec.entry)[1]
        start = self._own_muhammad_before(text, m, keys)
        if start is None:
            start = self._own_first_name_before(text, m, keys)
        if start is None:
            return m
        canonical = self.glossary.entries[m.spec.entry].canonical
        return replace(m, start=start, spec=replace(m.spec, target=canonical))

    def _own_muhammad_before(self, text: str, m: Match, keys: tuple[str, ...]) -> int | None:
        """Where the canonical's first Muhammad, abbreviated with a period, starts before
        ``m`` ("Mohd. "), if the spelling leaves it out."""
        if "." not in text[m.start - 3:m.start] or keys[:1] != (MUHAMMAD,) \
                or m.spec.keys[:1] == (MUHAMMAD,):
            return None
        found = _ABBREVIATED_BEFORE.search(text, max(0, m.start - 12), m.start)
        if found is None or self._key(found.group(1)) != MUHAMMAD:
            return None
        return found.start(1)

    def _own_first_name_before(self, text: str, m: Match, keys: tuple[str, ...]) -> int | None:
        """Where the canonical's first name, written out, starts before ``m``, if the
        spelling starts at the canonical's second name."""
        if text[m.start - 1] != " " or m.spec.short or len(keys) < 2 \
                or m.spec.keys[:1] != keys[1:2] or keys[0] == keys[1]:
            return None
        found = word_before(text, m.start)
        if found is None or self._key(found.group(1)) != keys[0]:
            return None
        return found.start(1)

    def _with_quoted_nickname(self, text: str, compiled: CompiledGlossary, m: Match) -> Match:
        """A person's name followed by a nickname in quotes that the canonical spells ("Salah
        Abdallah "Gosh"" for Salah Gosh, "Ahmed Abdi « Godane »"): the nickname belongs to the
        mention, never "Salah Gosh "Gosh"". Any other quoted word stays after the name."""
        if m.spec.kind == "keep" or not compiled.is_person(m.spec.entry):
            return m
        found = next_to(_QUOTED_AFTER, text, m.end)
        if found is None:
            return m
        key = self._key(found.group(1))
        if any(same_name_part(key, part) for part in
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
        if JOINED_ARTICLE.search(text, max(0, m.start - 4), m.start) is None:
            return False
        before = word_before(text, m.start)  # ("Abd al-Aziz" is one name)
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
        found = JOINED_ARTICLE.search(text, max(0, m.start - 4), m.start)
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

    def _goes_on_with_a_father(self, text: str, m: Match) -> bool:
        """"Abu Obaida ibn al-Jarrah" is not "Abu Obaida": a person's name followed by "bin",
        "ibn" and a name is a longer name, unless the glossary's own name has a father's name
        in it ("Mohammed bin Salman bin Abdulaziz" is still Mohammed bin Salman)."""
        if m.spec.kind == "keep" or not NASAB_AFTER.match(text, m.end):
            return False
        entry = self.glossary.entries[m.spec.entry]
        return entry.type in ("person", None) and not any(
            t.folded in NASAB for t in tokenize(entry.canonical))
