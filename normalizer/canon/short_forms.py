"""Short forms ("short"): a family name or part of a name after the same entry was named in
full in the same document, when no other named entry shares it and it is not part of a longer
name."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import compress
from typing import NamedTuple

from normalizer.canon.align import (
    LONG_FAMILY,
    align_tokens,
    extends_name,
    fuzzy_parts,
    gaps_ok,
    same_without_articles,
    vowel_variant,
    with_initial_before,
)
from normalizer.canon.kin import (
    KIN_OF_A_NAME,
    introduced_as_kin,
    kin_right_before,
    relative_of_the_one_before,
)
from normalizer.canon.layout import headline_end, next_start
from normalizer.canon.match import Match, Occupied, select
from normalizer.canon.name_parts import JOINABLE_HEADS, joined_head
from normalizer.canon.namesakes import romanized_name_keys
from normalizer.canon.nearby import FRENCH_ARTICLE_BEFORE, after_a_name_word
from normalizer.canon.views import Capitals, DocTokens
from normalizer.commonwords import city_words, is_common_capitalized, is_ordinary_word
from normalizer.glossary.ambiguous import GIVEN_NAMES
from normalizer.glossary.known import is_place_word
from normalizer.matcher import (
    COMPOUND_HEADS,
    CompiledGlossary,
    FormSpec,
    ayn_joined,
    consonants,
    join_keys,
    joined,
    masked,
)
from normalizer.namesim import respelling
from normalizer.romanize import ARTICLES, MUHAMMAD
from normalizer.textfold import Token, fold_token, is_name_gap, is_word_char, tokenize


def _other_word(folded: str) -> bool:
    """An ordinary word ("The", "She") or the name of a place or organisation ("Iran",
    "Israel"): as a short form it may only be the person's own word, written as it is."""
    return is_ordinary_word(folded) or is_place_word(folded) or folded in city_words()


def _written_as_is(surface: str, spec: FormSpec) -> bool:
    """Is the word the short form's own spelling, and left as it is? Never "The" for
    "Thea", "She" for "Shea", or "Israel" (the country) for "Israel Saldaña Sotelo"."""
    return fold_token(surface) == spec.folded[-1] == fold_token(spec.target)

_SPLIT = frozenset(" -\u2010\u2011")  # what splits a family name written as two words
# a lower-case particle and a capitalized word after a name: it goes on ("Leon van
# Schevinghuizen", "Karim al-Rashid")
_PARTICLE_NAME_AFTER = re.compile(r"[ \u00a0]+(?:van|von|de|der|den|del|della|da|di|du|dos|das|"
                                  r"la|le|al|el|bin|ben|ibn|ter|ten|zu)[ \u00a0\-\u2010\u2011]+"
                                  r"[A-Z\u00c0-\u00de]")

# the words before a place's name: a word after them is no family name respelled
_PLACE_BEFORE = re.compile(r"(?<![^\W_])(?:in|near|outside|from|across|throughout|dans|en)"
                           r"[ \u00a0]+$", re.IGNORECASE)

_JOINED_ARTICLE_GAP = re.compile(r"(?<![^\W_])[AaEe]l[-\u2010\u2011'\u2019][ \u00a0]?$")


def _bare_article_before(text: str, tokens: list[Token], i: int, spec: FormSpec) -> bool:
    """"Al-Safadi" for a short form "Safadi": the article the glossary does not write, also
    as a sun letter makes it, joined to the name ("at-Tammu")."""
    prev = tokens[i - 1]
    return ((prev.folded in ("al", "el") or (prev.folded in ARTICLES and joined(
        text, prev, tokens[i]))) and spec.folded[0] not in ARTICLES
            and is_name_gap(text, prev.end, tokens[i].start))


def _same_family(key: str, listed_key: str, folded: str, listed_folded: str) -> bool:
    """Is a listed full spelling's last word (``listed_key``) the canonical's family name
    (``key``), the same or respelled with other vowels ("Kikel" for Keikal)? Then the
    document's own spelling of that word is a short form of the person."""
    return key == listed_key or respelling(key, listed_key, folded, listed_folded) and (
        consonants(key) == consonants(listed_key))


class ShortForms:
    """Resolves short forms to the entry the document named in full.

    A part of ``Canonicalizer``: it reads the glossary and the per-word caches that
    ``Canonicalizer.__init__`` sets up.
    """

    def _resolve_short(self, text: str, compiled: CompiledGlossary, window: DocTokens,
                       capitals: Capitals, chosen: list[Match],
                       deferred: list[Match]) -> list[Match]:
        first_seen: dict[int, int] = {}
        for m in chosen:
            if m.spec.kind != "keep":
                first_seen.setdefault(m.spec.entry, m.end)
        typed = self._family_names_typed_otherwise(text, compiled, capitals, chosen)
        if not first_seen and not deferred and not typed:
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
            elif len(spec.keys) == 2 and spec.folded[0] in JOINABLE_HEADS:
                # "Benjelloun", "Algosaibi": the family name written as one word
                one_word = "".join(spec.folded)
                key = self._key(one_word)
                by_key.setdefault(key, []).append(replace(spec, folded=(one_word,),
                                                          keys=(key,)))
            elif len(spec.keys) == 1 and (head := joined_head(spec.folded[0])):
                # "Ben Khedda" for Benkhedda: the family name written as two words
                rest = spec.folded[0][len(head):]
                key = self._key(rest)
                by_key.setdefault(key, []).append(replace(
                    spec, folded=(head, rest), keys=(self._key(head), key)))
            if len(spec.folded[-1]) >= 6:  # "Hifter" after "Haftar"
                by_key.setdefault("~" + masked(spec.keys[-1]), []).append(spec)
            if len(spec.folded[-1]) >= LONG_FAMILY and spec.name_parts == 1:
                for shorter in self._deletions(spec.keys[-1]):  # "Kamaruzzman"
                    by_key.setdefault(shorter, []).append(spec)
        for m in typed:  # (their family names, for the rivals below: "Bilal Erdoğan")
            by_key.setdefault(m.spec.keys[-1], [replace(m.spec, after_full=True)])
        for specs in by_key.values():
            specs.sort(key=lambda spec: -len(spec.keys))  # "Ibrahim Taha" before "Taha"
        taken = Occupied(chosen)
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
            if specs and (_other_word(fold_token(surface)) or key == MUHAMMAD and any(
                    self._canonical_parts(spec.entry)[1][-1:] == (key,) for spec in specs)) \
                    and not _JOINED_ARTICLE_GAP.search(text, max(0, start - 4), start):
                # ("al-Cheikh" is a name, "Cheikh" a title; a Muhammad alone, however
                # written, is anyone's, never a family name otherwise written: "Mohamed"
                # is no short form of Mahathir Mohamad)
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
                if align_tokens(text, tokens, i, keys, spec.keys) == last + 1 or (
                        last + 1 - i == len(spec.keys) and gaps_ok(text, tokens, i, last + 1)
                        and fuzzy_parts(tokens[i:last + 1], keys[i:last + 1], spec)) or (
                        last == at and spec.name_parts == 1
                        and keys[i:at] == list(spec.keys[:-1])
                        and vowel_variant(tokens[at], keys[at], spec)):
                    first = i - 1 if i and _bare_article_before(text, tokens, i, spec) else i
                elif i and keys[i] == "al" and len(spec.keys) >= 2 and same_without_articles(
                        text, tokens, keys, i - 1, last + 1, spec):
                    first = i - 1  # "Abou El-Fotouh" for Aboul Fotouh: an article inside
                elif "al" in spec.keys and 0 <= (
                        without := last + 1 - len(spec.keys) + spec.keys.count("al")) < last \
                        and same_without_articles(text, tokens, keys, without, last + 1, spec):
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
        if typed:  # (in place of the same word found by its key, which needs a full mention)
            spans = {(m.start, m.end) for m in typed}
            candidates = [c for c in candidates if (c.start, c.end) not in spans]
            candidates += [m for m in typed if not any(
                c.start <= m.start < c.end for c in candidates)]
        candidates = select(candidates)
        blocked: dict[str, int] = {}  # short-form key -> where another person with it appears
        accepted: list[Match] = []
        headline = headline_end(text)
        for m in candidates:
            tokens, _keys, at = window.around(m.start)
            last = at
            while last is not None and last + 1 < len(tokens) and tokens[last + 1].start < m.end:
                last += 1
            # a name never runs on from the headline into the story's first line
            after = not (headline and m.end <= headline < next_start(tokens, last))
            if at is None or extends_name(text, tokens, at, last, taken, after=after):
                # Part of a longer, other name. It makes the bare word ambiguous only when a
                # name part comes before it, as that person's family name ("Mohammad Bagheri");
                # a word after it is a given name ("Qassem Soleimani": news never calls him
                # "Qassem") or a headline's capitals ("Dbeibeh Unveils ..."). A relative
                # introduced as one ("his father, Idriss Deby") is a side character.
                if at is None or (extends_name(text, tokens, at, last, taken, after=False)
                                  and not introduced_as_kin(text, m.start, m.end)):
                    blocked.setdefault(m.spec.keys[-1], m.start)
            elif relative_of_the_one_before(text, chosen, m) or kin_right_before(
                    text, m.start, m.end) or (
                    kin := KIN_OF_A_NAME.search(text, max(0, m.start - 60), m.start)
            ) and self._key(kin.group("name") or kin.group("name2")) == m.spec.keys[-1]:
                blocked.setdefault(m.spec.keys[-1], m.start)  # two of the family from here
            elif compiled.lang == "fr" and m.spec.name_parts == 1 \
                    and FRENCH_ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start) \
                    and fold_token(text[m.start:m.end]) not in self._words_of(
                        text, compiled, chosen, m.spec.entry):
                continue  # after a French article, only the person's own word: "le
                # Sahraoui", "les Atrache"; "La Mecque" is no "Macke"
            else:
                canonical = self.glossary.entries[m.spec.entry].canonical
                alone = m in typed and m.start < first_seen.get(m.spec.entry, len(text))
                with_initial = m if alone else with_initial_before(
                    text, tokens, at, m, canonical)  # (only after a full mention: "V.
                # Zaluzhnyi" alone is no "Valery Zaluzhny")
                if with_initial is not None:
                    accepted.append(with_initial)
        for key, pos in self._rival_keys(text, window, capitals, by_key,
                                         Occupied(chosen + candidates)).items():
            blocked[key] = min(pos, blocked.get(key, pos))
        extra = [m for m in accepted
                 if self._short_ok(m, first_seen, by_key, blocked, m.end <= headline)]
        return select(chosen + extra) if extra else chosen

    def _family_names_typed_otherwise(self, text: str, compiled: CompiledGlossary,
                                      capitals: Capitals, chosen: list[Match]) -> list[Match]:
        """A person's family name alone, written as the canonical writes it but for accents
        ("Erdoğan", "Ocalan", "Demirtas" for Erdogan, Öcalan, Demirtaş) or another
        romanization of it ("Hafter", "Sinouar" for Haftar, Sinwar): that is the
        glossary's spelling of the name whoever of the family it names, so it is written so
        before the story names the person in full, or where it never does (the listed family
        name's rule: "Khomeiny" is Khomeini). Only a family name no other entry has, never an
        ordinary word, a place, a given name or a word in capitals (a headline's, a
        reference's "HUSAYN, TAHA"); the checks of every short form follow (not
        part of a longer name, no relative of that name in the document before it)."""
        families = self._typed_families[compiled.lang]
        if not families.by_word:
            return []
        taken = Occupied(chosen)
        found: list[Match] = []
        folded, keys = capitals.folded, capitals.keys
        hits = set(compress(range(len(folded)), map(families.by_word.__contains__, folded)))
        hits.update(compress(range(len(keys)), map(families.by_key.__contains__, keys)))
        for n in sorted(hits):
            spec = families.of(folded[n], keys[n])
            if spec is None:
                continue
            start, end, word = capitals[n]
            if word == spec.target or folded[n] != spec.folded[0] and (
                    after_a_name_word(text, start)
                    or _PLACE_BEFORE.search(text, max(0, start - 12), start)):
                continue  # another romanization only alone ("Joe Raggi" is no "Joe Raji")
                # and never where a place is named ("from Banten" is no Benten)
            if word.isupper() or taken.at(start) is not None or (
                    start and is_word_char(text[start - 1])) or _PARTICLE_NAME_AFTER.match(
                    text, end):
                continue
            found.append(Match(start, end, replace(spec, after_full=False), "short"))
        return found

    def _one_word_family(self, compiled: CompiledGlossary, folded: str) -> FormSpec | None:
        """The short form of the one person whose family name is this folded word, if any."""
        return self._typed_families[compiled.lang].by_word.get(folded)

    @staticmethod
    def _words_of(text: str, compiled: CompiledGlossary, chosen: list[Match],
                  entry: int) -> set[str]:
        """The words a person's family name is written with (folded): in the glossary's short
        forms and in the document's full mentions of the person."""
        words = {spec.folded[-1] for spec in compiled.partials.get(entry, ())}
        words.update(tokenize(text, m.start, m.end)[-1].folded for m in chosen
                     if m.spec.entry == entry and not m.spec.short)
        return words

    @staticmethod
    def _split_family_names(text: str, capitals: Capitals, by_key: dict[str, list[FormSpec]],
                            taken: Occupied) -> list[Match]:
        """A family name of one word written as two ("Bani-Sadr", "Abu Trika", "Khalaf
        Allah" for Banisadr, Aboutrika, Khalafallah): two capitalized words one space or
        hyphen apart whose keys, joined, are a one-word short form's, the second no given
        name."""
        wanted = [k for k, specs in by_key.items() if any(len(s.keys) == 1 for s in specs)]
        if not wanted:
            return []
        # (a joined key starts with the first word's key: only those words are looked at)
        heads = {k[:i] for k in wanted for i in range(1, len(k))}
        spans, keys = capitals.spans, capitals.keys
        found: list[Match] = []
        for n in compress(range(1, len(spans)), map(heads.__contains__, keys)):
            start, end = spans[n - 1][0], spans[n][1]
            if spans[n][0] - spans[n - 1][1] != 1 or text[spans[n - 1][1]] not in _SPLIT \
                    or (start and is_word_char(text[start - 1])) \
                    or capitals.folded[n] in GIVEN_NAMES \
                    or is_common_capitalized(capitals.folded[n - 1]):
                continue  # ("Ben Ali" is a name of its own, whatever "Benali" is; "Mme
                # Hamedi" is a woman called Hamedi, never "Mhamedi" for Mohammadi)
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

    def _rival_keys(self, text: str, window: DocTokens, capitals: Capitals,
                    by_key: dict[str, list[FormSpec]], taken: Occupied) -> dict[str, int]:
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
            if at is not None and extends_name(text, tokens, at, at, taken, after=False) \
                    and not introduced_as_kin(text, start, end):
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


class OneWordFamilies(NamedTuple):
    """The persons' one-word family names that no other entry has, for
    ``_family_names_typed_otherwise``: by folded spelling, by romanization key (when no other
    entry's family name has that key either), and the entries each word of the glossary's
    names belongs to."""

    by_word: dict[str, FormSpec]
    by_key: dict[str, FormSpec]
    name_words: dict[str, set[int]]

    def of(self, folded: str, key: str) -> FormSpec | None:
        """The family name a capitalized word writes: its own spelling but for accents
        ("Ocalan"), or another romanization with the same key and first letter ("Hafter",
        "Sinouar", "Ghannoushi" for Haftar, Sinwar, Ghannouchi), if the word is no word of
        its own: five letters or more, no ordinary word, place or people ("Yemeni" is no
        Yamani), given name, or word of another entry's name. ("Cannes" has the key of
        "Kaanache", "Bono" that of "Bounou".)"""
        spec = self.by_word.get(folded)
        if spec is not None:
            return spec
        spec = self.by_key.get(key)
        if spec is None or spec.folded[0][:1] != folded[:1] or len(folded) < 5 \
                or folded in GIVEN_NAMES or self.name_words.get(folded, set()) - {spec.entry} \
                or _other_word(folded) or (folded[-1:] == "i" and _other_word(folded[:-1])):
            return None
        return spec


def one_word_families(compiled: CompiledGlossary,
                      name_words: dict[str, set[int]]) -> OneWordFamilies:
    """The persons' family names of one word that no other entry has as its family name;
    ``name_words``: the entries each folded word of the glossary's spellings belongs to."""
    owners: dict[str, FormSpec | None] = {}
    by_key: dict[str, FormSpec | None] = {}
    # (a word another entry starts its name with is a given name too: "Leon" of someone's
    # "Leon van Schevinghuizen" is no "León", whatever family is so called)
    firsts = {tokens[0].folded for entry in compiled.entries
              if (tokens := tokenize(entry.canonical))}
    for entry, specs in compiled.partials.items():
        if not compiled.is_person(entry):
            continue
        for spec in specs:
            word = spec.folded[0]
            if len(spec.folded) != 1 or spec.origin or fold_token(spec.target) != word \
                    or len(word) < 4 or word in GIVEN_NAMES or _other_word(word) \
                    or spec.keys[0] in romanized_name_keys() or word in firsts:
                continue  # (nor a name anyone may be given: "TAHA" of Taha Husayn)
            for table, name in ((owners, word), (by_key, spec.keys[0])):
                mine = table.get(name, spec)
                table[name] = spec if mine is not None and mine.entry == entry else None
    return OneWordFamilies({word: spec for word, spec in owners.items() if spec is not None},
                           {key: spec for key, spec in by_key.items() if spec is not None},
                           name_words)
