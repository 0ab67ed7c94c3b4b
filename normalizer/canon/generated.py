"""Unlisted romanizations ("generated"): capitalized runs whose parts' romanization keys equal
a glossary spelling's, every part aligned; middle names added or left out under the rules in
``normalizer.canonicalize``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import compress

from normalizer.canon.align import (
    align_tokens,
    capitalized_run,
    extends_name,
    fuzzy_parts,
    fuzzy_without_articles,
    gaps_ok,
    same_without_articles,
)
from normalizer.canon.gaps import (
    ADDED_GAP,
    ENDS_ALONE,
    JOINERS,
    MAX_GAP,
    NASAB_GAP,
    PREVIOUS_GAP,
    may_be_name_gap,
    name_gap,
)
from normalizer.canon.match import Match, Occupied
from normalizer.canon.name_parts import (
    FAMILY_LEADS,
    HONORIFIC_NAMES,
    HYPHENS,
    added_name_starts,
    fathers_name,
    name_count,
    particle_before,
)
from normalizer.canon.nearby import crosses_headline
from normalizer.canon.views import Capitals, DocTokens, Memo, without_joined_article
from normalizer.glossary import form_key
from normalizer.matcher import (
    LONG_PART,
    NASAB,
    TURKIC_PATRONYMICS,
    CompiledGlossary,
    FormSpec,
    ayn_joined,
    concat_align,
    family_readings,
    join_keys,
)
from normalizer.romanize import ARTICLES, close_keys, vowel_deletions
from normalizer.textfold import Token, fold_token, is_word_char, tokenize

_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?:al|el|ul|ad|ar|as|ash|at|az|an|ed|es|ez|et|er|en)"
                             r"[-'\u2019]$",
                             re.IGNORECASE)


class GeneratedSearch:
    """Finds unlisted romanizations of the glossary's names.

    A part of ``Canonicalizer``: it reads the glossary and the per-word caches that
    ``Canonicalizer.__init__`` sets up.
    """

    def _generated(self, text: str, compiled: CompiledGlossary, window: DocTokens,
                   capitals: Capitals, listed_ends: set[int]) -> list[Match]:
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
            alone = verdicts[n] is ENDS_ALONE
            if not alone and not (n and start - spans[n - 1][1] <= MAX_GAP
                                  and may_be_name_gap(text[spans[n - 1][1]:start])):
                continue
            last_added = n - 1 - particle_before(words, n)  # the word before the family name
            father = fathers_name(text, spans, last_added)
            if not alone and not self._may_end_here_memo(compiled, words, folded, n, father):
                continue  # no lookup below can find anything
            key = self._key(words[n])
            if not ((n and start - spans[n - 1][1] <= MAX_GAP) or (
                    start >= 3 and text[start - 1] in JOINERS)) and "J|" + key not in index:
                continue  # nothing before it to make a name with: a sentence opener
            lookups = self._lookups(words[n], self._previous_name_keys(text, capitals, n))
            specs = [spec for lookup in lookups for spec in index.get(lookup, ())]
            if last_added >= 0 and added_name_starts(folded, last_added, father, True):
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

    def _as_its_short_form(self, text: str, lang: str | None, m: Match) -> Match:
        """An unlisted variant written as the entry's short form is written ("Abu al-Huda" of
        Tawfik Abu al-Huda, what a listed "Abul al-Huda" becomes) is that short form, and
        stays as it is: never the variant of a listed "Abul-Huda" on a second pass."""
        if m.rule != "generated":
            return m
        written = self._short_targets[lang].get(m.spec.entry, {}).get(
            form_key(text[m.start:m.end]))
        return m if written is None else replace(m, spec=replace(m.spec, target=written))

    def _with_middle_names(self, text: str, index: dict[str, list[FormSpec]],
                           window: DocTokens, capitals: Capitals, n: int,
                           key: str, father: bool = False) -> list[Match]:
        """A glossary name with one or two middle names added: "Fuad Mohammed Hussein" for
        "Fuad Hussein", "Yahya Ibrahim Hassan Sinwar" for "Yahya Sinwar", "Tawakkol
        Abdel-Salam Khalid Karman" for "Tawakkol Karman", or a father's name: "Anwar bin
        Mohammed Gargash" for "Anwar Gargash", also before a family name led by a
        capitalized "Al" or "Bin" ("Yusuf Hassan Al-Madani", "Ahmed Obeid Bin Dagher").
        One word no table knows may be added too ("Khalid Mahfouad Bahah"), to a person
        the glossary spells with no longer name (``_may_add_unknown``), and such a match
        stays only where the document names the person otherwise as well (``Match.loose``).

        The added words must be capitalized middle names (``added_name_starts``) between
        the name's other parts, every other part must have the glossary spelling's key, and
        no other capitalized name part may touch the span (the mirror of
        ``_without_middle_names``). Only to a listed spelling: added to a name with a middle
        name left out, a name would replace it, and "Mohammad Reza Ghalibaf" is not
        Mohammad Bagher Ghalibaf.
        """
        spans, words = capitals.spans, capitals.words
        found: list[Match] = []
        last_added = n - 1 - particle_before(words, n)
        known = len(added_name_starts(capitals.folded, last_added, father))
        for nth, start in enumerate(added_name_starts(capitals.folded, last_added, father,
                                                       True)):
            k = start - 1  # the capitalized word before the added names
            added = last_added - k
            if k >= 0 and text[spans[k][1]:spans[k + 1][0]] in HYPHENS \
                    and capitals.folded[k + 1] not in HONORIFIC_NAMES:
                continue  # "Mohammad-Latif Khan": a compound given name, not Mohammed Khan's
                # ("Emirali-Hajji Ablaev" is Emirali Ablaev, the pilgrim)
            # "Anwar bin Mohammed Gargash": the added names may be a father's, after "bin"
            nasab = k >= 0 and NASAB_GAP.fullmatch(text, spans[k][1], spans[k + 1][0])
            if k < 0 or not all(
                    (j == k and nasab) or spans[j + 1][0] - spans[j][1] <= (
                        MAX_GAP if j == n - 1 else 5)
                    and (PREVIOUS_GAP if j == n - 1 else ADDED_GAP).fullmatch(
                        text, spans[j][1], spans[j + 1][0]) for j in range(k, n)):
                break
            specs = [spec for spec in index.get(f"P|{self._loose(self._key(words[k]))}|{key}", ())
                     if spec.kind == "listed" and len(spec.keys) >= 2
                     and not (nasab and NASAB.intersection(spec.folded))]
            if not specs:
                continue
            # a middle name no table knows is no guess where the whole name is another
            # spelling the glossary lists ("Bader Mishari al-Humaidhi" for its "Bader Michari
            # al-Houmaidhi")
            whole = [self._key(words[j]) for j in range(k, n + 1)
                     if words[j].lower() not in FAMILY_LEADS]
            added_keys = {self._key(words[j]) for j in range(k + 1, last_added + 1)
                          if words[j].lower() not in FAMILY_LEADS}
            # (and the glossary's own middle names, where it spells any)
            specs = [spec for spec in specs
                     if (nth < known or self._may_add_unknown(spec)
                         or self._listed_in_full(spec.entry, whole))
                     and self._may_add(spec, added_keys)]
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
                        len(want) == len(spec.keys) and fuzzy_parts(
                            [tokens[j] for j in kept], [keys[j] for j in kept], spec)) \
                        or not (gaps_ok(text, tokens, first, at + 1)
                                and capitalized_run(tokens, keys, first, at + 1)) \
                        or extends_name(text, tokens, first, at, Occupied(())):
                    continue
                found.append(Match(tokens[first].start, tokens[at].end,
                                   replace(spec,
                                           target=self.glossary.entries[spec.entry].canonical),
                                   "generated", nth >= known
                                   and not self._listed_in_full(spec.entry, whole)))
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

    def _listed_in_full(self, entry: int, whole: list[str]) -> bool:
        """Do these name keys, in order, spell one of the entry's listed spellings (articles
        and "bin" aside, a vowel off per name at most)?"""
        forms = self._name_keys_of.get(entry)
        if forms is None:
            forms = self._name_keys_of[entry] = [
                [self._key(t.text) for t in tokenize(form.text)
                 if t.folded not in ARTICLES and t.folded not in NASAB]
                for form in self.glossary.entries[entry].every_form()]
        return any(len(keys) == len(whole) and all(
            a == b or close_keys(a, b) for a, b in zip(keys, whole, strict=True))
            for keys in forms)

    def _may_add_unknown(self, spec: FormSpec) -> bool:
        """May a middle name no table knows be added to ``spec``? Only to a person's name,
        and only when the glossary spells the person with no longer name: one it does spell
        with a middle name ("Mohammed Hussein Al Amoudi") tells that another middle name
        ("Mohammed Aboud al-Amoudi") is someone else's. Names are counted as ``name_count``
        does ("Bashar M. Warda", "Zulkifli bin Hir" and "Abdel Rahman Shalgham" have two)."""
        entry = self.glossary.entries[spec.entry]
        if entry.type != "person":
            return False
        longest = self._longest_forms.get(spec.entry)
        if longest is None:
            longest = self._longest_forms[spec.entry] = max(
                name_count(form.text) for form in entry.every_form())
        return longest <= name_count(spec.text)

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
        ``ENDS_ALONE``: yes, and a name is filed under it without another capitalized word
        (written as one word, or after a joined article: "al-Qods"); 1: yes, after one."""
        ends_a_name = compiled.last_keys
        if len(surface) < 2 or not ("J|" + self._key(surface) in ends_a_name or any(
                map(ends_a_name.__contains__, self._last_forms(surface)))):
            return 0
        alone = self._lookups(surface, ["al"])
        return ENDS_ALONE if any(map(compiled.generated.__contains__, alone)) else 1

    def _may_end_here_memo(self, compiled: CompiledGlossary, words: list[str],
                           folded: list[str], n: int, father: bool = False) -> bool:
        """``_may_end_here``, answered once per run of words: news repeats its names and
        titles, so most runs were seen in an earlier document. The run reaches as far back
        as ``_may_end_here`` reads: through articles and "bin" to the word before the name
        part before, and to the word before added middle names that may end there."""
        k = n - 1
        while k >= 0 and words[k].lower() in FAMILY_LEADS:
            k -= 1
        lo = k - 1
        starts = added_name_starts(folded, n - 1 - particle_before(words, n), father, True)
        if starts:
            lo = min(lo, starts[-1] - 1)
        run = (father, *words[max(0, lo):n + 1])
        seen = self._name_ends.setdefault(compiled.lang, {})
        answer = seen.get(run)
        if answer is None:
            if len(seen) >= Memo.LIMIT:
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
            bare = without_joined_article(words[k], prev)
            if bare is not None and self._pair_hit(compiled, bare, key, lasts):
                return True
        starts = added_name_starts(folded, n - 1 - particle_before(words, n), father, True)
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
        bare = without_joined_article(surface, key)
        if bare is not None:
            forms += (bare,)  # the article joined to it: "Altirawi" for al-Tirawi
        # the Libyan and Gulf "g" for a qaf ("Gaddafi" for al-Qaddafi), a final "e" for "-eh"
        forms += family_readings(fold_token(surface.lower()))
        return forms

    def _previous_name_keys(self, text: str, capitals: Capitals,
                            n: int) -> list[str]:
        """Keys that the name part before capital ``n`` may have: the previous capitalized
        word across a name separator (looking through articles), joined with the one before
        it too, or "al" for a bare article ("al-Qods")."""
        spans, words = capitals.spans, capitals.words
        start = spans[n][0]
        out: list[str] = []
        if start >= 3 and text[start - 1] in JOINERS and _ARTICLE_BEFORE.search(
                text, start - 5 if start >= 5 else 0, start):
            out.append("al")
        k = n - 1
        while k >= 0 and name_gap(text, spans[k][1], spans[k + 1][0]):
            key = self._key(words[k])
            if key == "al" and (words[k].lower() in ("al", "el") or (
                    words[k].lower() in ARTICLES and text[spans[k][1]] in JOINERS
                    and spans[k + 1][0] == spans[k][1] + 1)):  # "Badr Shakir As-Sayyab"
                out.append("al")
                k -= 1
                continue
            if words[k].lower() in NASAB:
                k -= 1  # "Bin" written with a capital, looked through as "bin" is
                continue
            out.append(key)
            bare = without_joined_article(words[k], key)
            if bare is not None:
                out.append(bare)  # "Mohamed Alhacen Lebatt" for Mohamed El Hacen Lebatt
            if k > 0 and name_gap(text, spans[k - 1][1], spans[k][0]):
                out.append(join_keys(self._key(words[k - 1]), key))
            break
        return out

    def _align_generated(self, text: str, tokens: list[Token], keys: list[str], at: int,
                         spec: FormSpec) -> Match | None:
        n = len(spec.keys)
        for i in range(max(0, at - n - 2), at + 1):
            if not capitalized_run(tokens, keys, i, at + 1):
                continue
            j = align_tokens(text, tokens, i, keys, spec.keys)
            for other in family_readings(spec.folded[-1]) if j is None else ():
                j = align_tokens(text, tokens, i, keys, (*spec.keys[:-1], other))  # "Qaddafi"
                if j is not None and crosses_headline(text, tokens[i].start, tokens[j - 1].end):
                    j = None  # the headline's "Seif al-Islam" and the story's "Kadhafi a ..."
                if j is not None:
                    break
            readings = () if j is not None or keys[at] in self._own_keys(spec.entry) else \
                family_readings(tokens[at].folded)  # (not the entry's own "g" or "e")
            for other in readings:
                key = keys.swap(at, other)  # the text's "g" for the glossary's qaf
                j = align_tokens(text, tokens, i, keys, spec.keys)
                keys.swap(at, key)
                if j is not None and crosses_headline(text, tokens[i].start, tokens[j - 1].end):
                    j = None
                if j is not None:
                    break
            if j is None and at + 1 - i == n and gaps_ok(text, tokens, i, at + 1):
                j = at + 1 if fuzzy_parts(tokens[i:at + 1], keys[i:at + 1], spec) else None
            if j is None and (same_without_articles(text, tokens, keys, i, at + 1, spec,
                                                     self._own_keys(spec.entry))
                              or fuzzy_without_articles(text, tokens, keys, i, at + 1, spec)):
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
