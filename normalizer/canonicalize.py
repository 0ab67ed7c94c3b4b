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
  An ordinary word or a country's, capital's or big city's name is a short form only as the
  person's own word left as it is ("The" is never "Thea", "Iran" never "Irene", "Karachi"
  never "Qureshi"). A person's family name alone written with other accents than the
  canonical's ("Erdoğan" for Erdogan) is written as the canonical writes it even before or
  without a full mention, where no other entry has that family name. A family name led by
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
  person's longer name ("Mohsen Rezaei Mirghaed"): the spelling is written as the canonical
  and that word, the text's own, stays ("Mohamed bin Zayed Al Nahyan").
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
  ``normalizer.translated_names``) are found like listed ones; so, only on request
  (``known_aliases``), are the shipped known aliases of the entities the glossary names
  ("alias", ``normalizer.glossary.known``): other names ("Hajj Mohsin", "the Houthis"), not
  spellings, which real coverage introduces as such ("also known as Hajj Mohsin") and inflects
  ("the Houthis' deputy"). A shipped alias that the sentence gives as another name (after
  "also known as", "born", "connu sous le nom de"), a former name in a sentence about the
  renaming, or one written beside the entity's other name stays as written.
- A glossary of many names says which words are names in their own right
  (``normalizer.canon.namesakes``): an unlisted variant that respells a word into one other
  entries use is someone else ("Christine Hancock" is not Christian Hancock), unless the two
  are one transliterated name or the glossary pairs them; a middle name added to or left out of
  a common Western name ("Andrew Mark Clark") makes someone else; a spelling of several words
  found written as one word that other entries use, or made of ordinary words, is another name
  ("Alain" is not Al Ain, "Georgetown" not George Town); a word is never joined with a middle
  initial ("Julian" is not "Julia N.").
- Handles, hashtags and web addresses are never rewritten, nor a short form in lower case.
- Every replacement is a ``Change`` with input and output offsets; text outside the changed
  spans is byte-identical, and a second pass changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from normalizer.canon.changes import GROW_LEFT, compose_changes, may_grow
from normalizer.canon.edges import MatchEdges
from normalizer.canon.gaps import NASAB_AFTER
from normalizer.canon.generated import GeneratedSearch
from normalizer.canon.initials import InitialsSearch
from normalizer.canon.layout import splits_a_quote, starts_sentence
from normalizer.canon.listed import ListedSearch
from normalizer.canon.match import BY_ORIGIN, Match, select
from normalizer.canon.mentions import (
    HYPHEN_NAME_AFTER,
    article_and_one_word,
    hyphen_name_after,
    not_a_mention,
    stands_alone,
    with_ayn_letters,
    with_last_word_of_target,
)
from normalizer.canon.namesakes import NamesakeChecks, Namesakes
from normalizer.canon.nations import another_nation_before
from normalizer.canon.respelled import DocumentRespellings
from normalizer.canon.short_forms import OneWordFamilies, ShortForms, one_word_families
from normalizer.canon.views import Capitals, DocTokens, Memo
from normalizer.document import Change, Document
from normalizer.glossary import Glossary, form_key
from normalizer.glossary.known import with_known_aliases
from normalizer.matcher import CompiledGlossary, FormSpec, consonants, loose, masked, part_keys
from normalizer.naming import (
    introduced_as_alias,
    named_otherwise_after,
    renamed_to,
    written_beside,
)
from normalizer.romanize import surface_key, vowel_deletions
from normalizer.textfold import Token, fold_token, search_text, tokenize
from normalizer.translated_names import load_lexicon

__all__ = ["Canonicalizer", "Match"]


class Canonicalizer(ListedSearch, GeneratedSearch, InitialsSearch, DocumentRespellings,
                    ShortForms, MatchEdges, NamesakeChecks):
    """Applies one glossary; compiled structures are built once per document language."""

    def __init__(self, glossary: Glossary, *, case_sensitive: bool = False,
                 generate: bool = True, short_forms: bool = True, known_aliases: bool = False,
                 expand_acronyms: bool = False):
        # the shipped known aliases ("Hemedti", "Abu Mazen") of the entities the glossary
        # names: other names, not spellings, so only on request (``known_aliases``)
        self.glossary = with_known_aliases(glossary) if known_aliases else glossary
        # an unlisted acronym ("LNA") written as the name it abbreviates: only on request
        self.expand_acronyms = expand_acronyms
        self.case_sensitive = case_sensitive
        self.generate = generate
        self.short_forms = short_forms
        self._compiled: dict[str | None, CompiledGlossary] = {}
        self._ending: dict[str | None, Memo] = {}
        # capitalized words up to one that may end a name -> ``_may_end_here``'s answer
        self._name_ends: dict[str | None, dict[tuple[str, ...], bool]] = {}
        # word -> romanization key, key -> vowel-masked / loose key: computed once per word
        self._fold = Memo(fold_token).__getitem__
        self._key = Memo(lambda surface: surface_key(surface, self._fold(surface))).__getitem__
        self._masked = Memo(masked).__getitem__
        self._loose = Memo(loose).__getitem__
        self._deletions = Memo(vowel_deletions).__getitem__
        self._last_forms = Memo(self._last_part_forms).__getitem__
        self._consonants = Memo(consonants).__getitem__
        self._canonicals: dict[int, tuple[list[Token], tuple[str, ...]]] = {}
        self._entry_initials: dict[int, frozenset[str]] = {}
        self._longest_forms: dict[int, int] = {}  # entry -> most name words in a spelling
        # entry -> the name keys of each of its spellings, articles and "bin" aside
        self._name_keys_of: dict[int, list[list[str]]] = {}
        self._spelled_out: dict[int, bool] = {}  # entry -> the glossary spells it many ways
        self._name_part_keys: dict[int, frozenset[str]] = {}  # entry -> its words' keys
        self._own_folded: dict[int, set[str]] = {}  # entry -> its spellings' folded words
        self._namesakes: dict[str | None, Namesakes] = {}
        self._short_targets: dict[str | None, dict[int, dict[str, str]]] = {}
        # per language: the acronyms the glossary lists as spellings (``_acronyms`` leaves
        # them to the listed search, which may have dropped one on purpose: "OIC-Arab League")
        self._listed_acronyms: dict[str | None, frozenset[str]] = {}
        # per language: the one-word family names of persons (``ShortForms``)
        self._typed_families: dict[str | None, OneWordFamilies] = {}
        self._titled_entries: dict[int, bool] = {}  # entry -> named with "Pasha" or the like
        # per language: first-name key -> the royal called by it (``_royal_given_name``)
        self._royals_made: dict[str | None, dict[str, FormSpec]] = {}
        # entry -> the first names (key, folded) of the entries named one word and then its
        # name (``_named_for_him``)
        self._named_for: dict[int, list[tuple[str, str]]] | None = None
        self._person_words_made: dict[str | None, dict[str, set[int]]] = {}
        # capitalized word -> what a respelling of it is looked up by (``_respelled``);
        # nothing for a short or ordinary word, which never respells a name
        self._respelling_keys = Memo(self._respelling_index_keys)
        self._respelling_made: dict[tuple[str | None, int], tuple[
            tuple[tuple[tuple[str, str], ...], ...], tuple[str, str] | None, frozenset[str]]] = {}
        # word -> "~" + its vowel-masked key when it has 6+ letters (None below): a short
        # form's one-vowel variant ("Hifter" after "Haftar") is looked up by it
        self._long_masked = Memo(self._masked_if_long).__getitem__

    def compiled(self, lang: str | None) -> CompiledGlossary:
        compiled = self._compiled.get(lang)
        if compiled is None:
            compiled = self._compiled[lang] = CompiledGlossary(self.glossary, lang)
        if lang not in self._ending:  # (also for a compiled glossary shared with another)
            self._read_compiled(lang, compiled)
        return compiled

    def _read_compiled(self, lang: str | None, compiled: CompiledGlossary) -> None:
        """What the rules look up per language, read once from the compiled glossary."""
        # capitalized word -> could it end an unlisted variant of this glossary?
        self._ending[lang] = Memo(partial(self._ends_a_name, compiled))
        # entry -> how its short forms are written, by ``form_key`` (``_as_its_short_form``),
        # and what the glossary's spellings say about each word (``_someone_elses``): one
        # pass over the spellings
        short_targets: dict[int, dict[str, str]] = {}
        spellings: set[tuple[int, tuple[str, ...]]] = set()
        acronyms: set[str] = set()
        name_words: dict[str, set[int]] = {}  # folded word -> the entries spelled with it
        for specs in compiled.search_specs:
            for spec in specs:
                if spec.kind == "listed":
                    if (spec.entry, spec.folded) not in spellings:
                        for word in spec.folded:
                            name_words.setdefault(word, set()).add(spec.entry)
                    spellings.add((spec.entry, spec.folded))
                    if len(spec.folded) == 1 and spec.text.isupper():
                        acronyms.add(spec.text)
                if spec.entry >= 0 and spec.kind != "keep" and (
                        spec.short or spec.target != compiled.entries[spec.entry].canonical):
                    short_targets.setdefault(spec.entry, {})[form_key(spec.target)] = \
                        spec.target
        self._short_targets[lang] = short_targets
        self._listed_acronyms[lang] = frozenset(acronyms)
        self._namesakes[lang] = Namesakes(spellings, self._key)
        # the tables of rules that read every document, made here with the rest of the build
        self._typed_families[lang] = one_word_families(compiled, name_words)
        self._royals_made[lang] = self._royal_first_names(compiled) if self.short_forms else {}
        if self._named_for is None:
            self._named_for = self._named_for_fathers()

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
            growing = [c for c in changes if c.rule == "document" or may_grow(out, c)
                       or self._translated_around(out, c, lang)]
            if not growing or not (self.generate or self._listed_across(out, growing, lang)):
                break
            again, more = self._one_pass(out, lang, [(c.out_start, c.out_end) for c in changes])
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
        left = GROW_LEFT.search(out, max(0, change.out_start - 40), change.out_start)
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

    def _one_pass(self, text: str, lang: str | None,
                  written: Sequence[tuple[int, int]] = ()) -> tuple[str, list[Change]]:
        """One pass of ``find`` and its replacements. ``written``: the spans an earlier pass
        wrote, which a later match may take whole into a longer name but never split ("la
        prise d'assaut de la" + "Al-Aqsa Mosque" is no "Al-Aqsa Storm" and a "Mosque")."""
        matches = self.find(text, lang)
        if written:
            matches = [m for m in matches if not any(
                m.start < b and a < m.end and not (m.start <= a and b <= m.end)
                for a, b in written)]
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
            rule = m.spec.origin if m.spec.origin and m.rule in BY_ORIGIN else m.rule
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
        window = DocTokens(text, self._key)
        candidates = self._listed(text, compiled)
        if any(len(c.spec.folded) > 1 and text[c.start:c.end].isalnum() for c in candidates):
            candidates = [c for c in candidates
                          if not self._joined_into_another_name(text, lang, c)]
        capitals = Capitals(text, self._key, self._long_masked, self._fold)
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
            if any(c.rule == "generated" for c in candidates):
                candidates = [self._as_its_short_form(text, lang, c) for c in candidates
                              if c.rule != "generated" or not self._someone_elses(text, lang, c)]
        if any(stands_alone(c) for c in candidates):
            candidates = [c for c in candidates if not stands_alone(c)
                          or not self._inside_other_name(text, window, c)]
        if any(article_and_one_word(c) for c in candidates):
            # "Al-Ahli" may be Al Ahly, but "Shabab Al-Ahli" is another club
            candidates = [c for c in candidates if not article_and_one_word(c)
                          or not self._inside_other_name(text, window, c, after=False)]
        if any(HYPHEN_NAME_AFTER.match(text, c.end) for c in candidates):
            # "Marrakesh-Safi" (a region) is not Marrakesh; "Irak-Iran" is both, and
            # "Al-Qods-Est" East Jerusalem in French. A person's name goes on in a compound
            # family name the glossary does not know ("Fereydun Abbasi-Davani"): left alone
            starts = {c.start for c in candidates}
            candidates = [c for c in candidates if not (
                (c.spec.name_parts == 1 or compiled.is_person(c.spec.entry))
                and c.spec.kind != "keep"
                and c.end + 1 not in starts and hyphen_name_after(text, c.end))]
        deferred = [c for c in candidates if c.spec.short]
        chosen = select([c for c in candidates if not c.spec.short])
        if any(NASAB_AFTER.match(text, m.end) for m in chosen):
            chosen = [m for m in chosen if not self._goes_on_with_a_father(text, m)]
        if any(m.loose for m in chosen):
            named = {m.spec.entry for m in chosen if not m.loose}
            chosen = [m for m in chosen if not m.loose or m.spec.entry in named]
        if self.short_forms:
            chosen = self._resolve_short(text, compiled, window, capitals, chosen, deferred)
            if self.expand_acronyms:
                chosen = self._acronyms(text, compiled.lang, capitals, chosen)
            respelled = self._respelled(text, compiled, window, capitals, chosen)
            if len(respelled) != len(chosen) and any(
                    m.rule == "document" and not m.spec.short for m in respelled):
                # a person named in full by a respelling ("Ahmed al-Zend" for Ahmed al-Zind)
                # is named in full: the document's short forms of it follow ("Zend")
                respelled = self._resolve_short(text, compiled, window, capitals, respelled, [])
            chosen = self._given_name_alone(text, compiled, window, capitals, respelled)
            chosen = self._royal_given_name(text, compiled, capitals, chosen)
        out = []
        for m in chosen:
            if not not_a_mention(text, compiled, m) and not self._given_name_as_fathers(
                    text, compiled, m) and not self._kin_of_the_one_named(text, compiled, out, m):
                m = self._with_own_title(text, self._with_loose_article(text, m))
                m = self._with_own_first_name(text, compiled, m)
                m = self._after_a_name(text, compiled, m)
                if m is not None:
                    m = self._with_rest_of_name(text, compiled, m)
                if m is not None and self._goes_on_with_another_name(text, compiled, m):
                    m = self._with_one_more_name(text, m, chosen)
                if m is not None:
                    m = with_last_word_of_target(text, m)
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
                    if splits_a_quote(text, m.start, m.end):
                        continue  # "Abdullahi ‘Irro’" is never "Abdullahi Irro’"
                    if m.rule not in ("exact", "folded") and named_otherwise_after(text, m.end, [
                            (c.start, c.end) for c in chosen
                            if c.spec.entry == m.spec.entry and c.start > m.start]):
                        continue  # "Yahya Ibrahim Hassan Sinwar, commonly known as Yahya
                        # Sinwar": a formal name glossed with the usual one stays, unless the
                        # glossary lists it (then the user asked for it to be rewritten)
                    if m.spec.origin != "alias" or not (
                            renamed_to(text, m.start)
                            or introduced_as_alias(text, m.start)
                            or another_nation_before(text, m.start, m.spec.target)
                            or written_beside(text, m.start, m.end, [
                                (c.start, c.end) for c in chosen
                                if c.spec.entry == m.spec.entry and c.start != m.start])):
                        out.append(m)  # (a shipped alias, a former name, in a sentence about
                        # the renaming stays: "renamed itself Jabhat Fateh al-Sham", and a
                        # nom de guerre given as one: "also known as Hajj Mohsin"; a
                        # descriptive alias after another country's name is that country's:
                        # "Iraq's Islamic Resistance Movement")
        return [with_ayn_letters(text, m) for m in out]

    def _canonical_parts(self, entry: int) -> tuple[list[Token], tuple[str, ...]]:
        """The tokens of an entry's canonical and their romanization keys, made once."""
        parts = self._canonicals.get(entry)
        if parts is None:
            tokens = tokenize(self.glossary.entries[entry].canonical)
            parts = self._canonicals[entry] = (tokens, part_keys(tokens))
        return parts

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

_SPELLED_OUT = 3  # full spellings from which a glossary is taken to know how a name is written
