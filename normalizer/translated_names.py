"""Names of organisations, places and events written in French words (rule ``translated``).

Contract: French news translates the names that English writes in English words: "Ligue
arabe" is the Arab League, "Conseil suprême de la sécurité nationale" the Supreme National
Security Council, "force Qods" the Quds Force. No spelling rule relates them, so a glossary
would have to list every French form. Instead, a span of a French text matches an entry when
its content words, translated by a word lexicon (``normalizer/data/lexicon-<lang>.tsv``), are
exactly the content words of the entry's English canonical, or of another English spelling the
glossary lists for it ("Front national de résistance d'Afghanistan" is the listed National
Resistance Front of Afghanistan), in any order:
- every content word of the span is used once and every word of the canonical is covered:
  "Jihad islamique" is not "Palestinian Islamic Jihad" (a word is missing);
- words the lexicon does not know are names, compared by romanization key ("Qods" = Quds);
- at least two content words, and at least one of them translated by the lexicon (a span of
  names alone is the other rules' business);
- only entries that are not persons (a person's name is not translated), and that the
  glossary spells in the document's language itself (any ``fr`` spelling): a user who lists no
  French name of an organisation keeps the French text's own words;
- a span without a capital letter may only be an event or operation ("promesse honnête"):
  French capitalizes the first word of an organisation's name;
- the span's parts are separated by spaces, hyphens or apostrophes (a name gap), and it
  starts and ends on a content word (or the article of one: "Al-Aqsa");
- the name must not go on with a lower-case adjective the lexicon knows ("Comité de suivi des
  Arabes israéliens" is no "Comité de suivi des Arabes"), nor start with a country's one:
  French puts the noun first ("forces somaliennes et la Mission de l'Union africaine" is no
  name).
Only languages with a lexicon take part: French, and English itself, whose lexicon equates
the variants inside English names ("Israeli Defense Forces" = Israel Defense Forces,
"Defence" = Defense). English keeps its word order, so its variants are spelled out when the
glossary is compiled (``english_variants``) and found like listed spellings, at no cost per
document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from pathlib import Path

from normalizer.commonwords import place_words
from normalizer.errors import NormalizerError
from normalizer.glossary import EVENT_TYPES, Entry
from normalizer.romanize import surface_key
from normalizer.textfold import Token, fold_token, is_name_gap, tokenize

LEXICON_DIR = Path(__file__).with_name("data")
# Function words left out on both sides ("Organisation de la Coopération islamique").
ENGLISH_FUNCTION_WORDS = frozenset("of the and for on in at to a an by with al el s".split())
FRENCH_FUNCTION_WORDS = frozenset(
    "de du des d la le les l et pour sur par en au aux un une avec al el".split())
# how French adjectives of the kind that qualify a name end ("israéliens", "nationale",
# "islamique", "militaire", "préventive", "libanais", "libyennes", "occupé")
_FRENCH_ADJECTIVE = re.compile(r"(?:ien|ienne|yen|yenne|ais|aise|ain|aine|ois|oise|ique|aire|al|"
                               r"ale|aux|if|ive|el|elle)s?$")
_PARTICIPLE = re.compile(r"[^\W\d_]{3,}ée?s?$")  # "occupé", "unifiée": read on the text, accented
MAX_WORDS = 8  # content words of the longest name looked for
MEMO_SIZE = 200_000  # distinct words remembered per lexicon and glossary
SAME_LANGUAGE = frozenset({"en"})  # lexicons of spellings within one language: order kept


@dataclass(frozen=True)
class Lexicon:
    """Word -> English words (from French, or between English spellings); ``capitalized``
    words count only when written so."""

    words: dict[str, tuple[str, ...]]
    capitalized: frozenset[str]
    _lemma_of: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _spelled: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def words_for(self, target: str) -> list[str]:
        """The words that stand for ``target`` (the lexicon read backwards, built once)."""
        if not self._spelled:
            for word, targets in self.words.items():
                for each in targets:
                    self._spelled.setdefault(each, []).append(word)
        return self._spelled.get(target, [])

    def translations(self, token: Token) -> tuple[str, ...]:
        """English words (singular) for a French token, trying its plural and feminine forms."""
        lemma = self._lemma_of.get(token.folded)
        if lemma is None:  # once per distinct word
            if len(self._lemma_of) > MEMO_SIZE:
                self._lemma_of.clear()
            lemma = self._lemma_of[token.folded] = next(
                (w for w in _lemmas(token.folded) if w in self.words), "")
        if not lemma or (lemma in self.capitalized and not token.text[:1].isupper()):
            return ()
        return self.words[lemma]


def _lemmas(word: str) -> Iterator[str]:
    """The word, then its likely masculine singular forms (nationaux, nationales, libyenne)."""
    yield word
    stems = [word]
    if word.endswith("aux"):
        stems.append(word[:-3] + "al")
    if word[-1:] in ("s", "x") and len(word) > 3:
        stems.append(word[:-1])
    for stem in stems[1:]:
        yield stem
    for stem in stems:
        if stem.endswith("enne") or stem.endswith("elle"):
            yield stem[:-2]
        elif stem.endswith("ive"):
            yield stem[:-2] + "f"
        if stem.endswith("e") and len(stem) > 3:
            yield stem[:-1]


_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child"}


def english_word(folded: str) -> str:
    """An English word in the singular, as the lexicon and canonicals are compared."""
    if folded in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[folded]  # "Men of Dignity" = "Hommes de la dignité"
    if len(folded) > 4 and folded.endswith("ies"):
        return folded[:-3] + "y"
    if len(folded) > 3 and folded.endswith("s") and not folded.endswith(("ss", "us", "is")):
        return folded[:-1]
    return folded


@cache
def load_lexicon(lang: str) -> Lexicon | None:
    """The shipped lexicon for ``lang``, or None when there is none."""
    path = LEXICON_DIR / f"lexicon-{lang}.tsv"
    if not path.is_file():
        return None
    return parse_lexicon(path.read_text(encoding="utf-8"), str(path))


def parse_lexicon(text: str, source: str) -> Lexicon:
    """Validated on load: a bad line names the file and line."""
    words: dict[str, tuple[str, ...]] = {}
    capitalized: set[str] = set()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip() or not cells[1].strip():
            raise NormalizerError("expected 'french<TAB>english[|english...]'",
                                  path=source, line=number)
        lemma = fold_token(cells[0].strip())
        if lemma in words:
            raise NormalizerError(f"'{cells[0].strip()}' is listed twice", path=source,
                                  line=number)
        english = tuple(dict.fromkeys(english_word(fold_token(w.strip()))
                                      for w in cells[1].split("|") if w.strip()))
        words[lemma] = english
        if cells[0].strip()[:1].isupper():
            capitalized.add(lemma)
    return Lexicon(words, frozenset(capitalized))


@dataclass(frozen=True)
class TranslatedMatch:
    start: int
    end: int
    entry: int


class TranslatedNames:
    """The entries of one glossary that a lexicon can recognise in translation."""

    def __init__(self, entries: list[Entry], lexicon: Lexicon, skip: list[bool]):
        """``skip``: the entries never looked for in translation (persons, and entries not
        spelled in the language)."""
        self.lexicon = lexicon
        self._vocabulary = {w for words in lexicon.words.values() for w in words}
        # the words of each English spelling of an entry (its canonical, and the longer names
        # the glossary lists: "National Resistance Front of Afghanistan"), with its entry
        self._bags: list[tuple[int, Counter[str]]] = []
        # word -> the spellings (numbers in ``_bags``) that have it, by number of words
        self._by_word: dict[tuple[str, int], list[int]] = {}
        self._words: set[str] = set()
        for index, entry in enumerate(entries):
            if skip[index]:
                continue
            seen: set[frozenset[tuple[str, int]]] = set()
            for form in entry.forms("en"):
                words = self._canonical_words(form.text)
                bag = Counter(words)
                same = frozenset(bag.items())  # "Men of Dignity" and "Dignity Men" are one
                if len(words) < 2 or len(words) > MAX_WORDS or same in seen \
                        or not any(w in self._vocabulary for w in words):
                    continue
                seen.add(same)
                for word in set(words):
                    self._by_word.setdefault((word, len(words)), []).append(len(self._bags))
                self._bags.append((index, bag))
                self._words.update(words)
        self._events = frozenset(n for n, (index, _bag) in enumerate(self._bags)
                                 if entries[index].type in EVENT_TYPES)
        self._options_of: dict[str, tuple[frozenset[str], bool]] = {}

    def __bool__(self) -> bool:
        return bool(self._bags)

    def _canonical_words(self, canonical: str) -> list[str]:
        words = []
        for token in tokenize(canonical):
            if token.folded in ENGLISH_FUNCTION_WORDS:
                continue
            word = english_word(token.folded)
            words.append(word if word in self._vocabulary else "~" + surface_key(
                token.text, token.folded))
        return words

    def _options(self, token: Token) -> tuple[frozenset[str], bool]:
        """What a text token can stand for, and whether the lexicon translated it (once per
        distinct spelling: most words of a text stand for nothing)."""
        found = self._options_of.get(token.text)
        if found is None:
            if len(self._options_of) > MEMO_SIZE:
                self._options_of.clear()  # a long run's vocabulary, not a leak
            translated = frozenset(w for w in self.lexicon.translations(token)
                                   if w in self._words)
            options = set(translated)
            if english_word(token.folded) in self._words:
                options.add(english_word(token.folded))  # already the canonical's word
            if token.text[:1].isupper():  # a name, by its romanization key
                key = "~" + surface_key(token.text, token.folded)
                if key in self._words:
                    options.add(key)
            found = self._options_of[token.text] = (frozenset(options), bool(translated))
        return found

    def find(self, text: str) -> list[TranslatedMatch]:
        """Every span of ``text`` that names an entry in translation (may overlap)."""
        if not self._bags:
            return []
        tokens = tokenize(text)
        options = [None if t.folded in FRENCH_FUNCTION_WORDS else self._options(t)
                   for t in tokens]
        if not any(o is not None and o[1] for o in options):
            return []  # no word the lexicon translates: no translated name
        found: list[TranslatedMatch] = []
        for i, first in enumerate(options):
            if not first or not first[0] or self._demonym(tokens[i]):
                continue
            chosen: list[int] = []  # content tokens of the span so far
            j = i
            while j < len(tokens) and len(chosen) < MAX_WORDS:
                if j > i and not is_name_gap(text, tokens[j - 1].end, tokens[j].start):
                    break
                current = options[j]
                if current is not None:
                    if not current[0]:
                        break
                    chosen.append(j)
                    if len(chosen) >= 2 and not self._goes_on(text, tokens, j):
                        found += self._matches(text, tokens, options, i, chosen)
                j += 1
        return found

    def _demonym(self, token: Token) -> bool:
        """A lower-case adjective of a country ("somaliennes", "libyennes"): French puts the
        noun first, so no name starts with one ("forces somaliennes et la Mission de l'Union
        africaine" is not the mission's name)."""
        return token.text[:1].islower() and any(
            word in place_words() for word in self.lexicon.translations(token))

    def _goes_on(self, text: str, tokens: list[Token], j: int) -> bool:
        """Does the name go on after token ``j`` with a lower-case adjective of name
        vocabulary? French puts adjectives after the noun: "Comité de suivi des Arabes
        israéliens" is not "Comité de suivi des Arabes" and a word left over ("la Force
        spéciale de dissuasion compte ...": a verb, the name ends)."""
        k = j + 1
        return (k < len(tokens) and tokens[k].text[:1].islower()
                and (_FRENCH_ADJECTIVE.search(tokens[k].folded) is not None
                     or _PARTICIPLE.match(tokens[k].text) is not None)
                and is_name_gap(text, tokens[j].end, tokens[k].start)
                and bool(self.lexicon.translations(tokens[k])))

    def _matches(self, text: str, tokens: list[Token],
                 options: list[tuple[frozenset[str], bool] | None], i: int,
                 chosen: list[int]) -> list[TranslatedMatch]:
        spans = [options[k] for k in chosen]
        if not any(translated for _, translated in spans):  # type: ignore[misc]
            return []
        candidates = {n for word in spans[0][0]  # type: ignore[index]
                      for n in self._by_word.get((word, len(chosen)), ())}
        capital = any(tokens[k].text[:1].isupper() for k in chosen)
        start = _with_article(text, tokens, i)
        named: set[int] = set()
        for n in sorted(candidates):
            entry, bag = self._bags[n]
            if entry in named or (not capital and n not in self._events):
                continue
            if _assign([s[0] for s in spans], bag):  # type: ignore[misc]
                named.add(entry)
        return [TranslatedMatch(start, tokens[chosen[-1]].end, entry) for entry in sorted(named)]


def english_variants(canonical: str, lexicon: Lexicon, limit: int = 16) -> list[str]:
    """The other spellings of an English name that a same-language lexicon equates, word by
    word in place: "Israel Defense Forces" -> "Israeli Defense Forces", "Israel Defence
    Forces", ... (the canonical itself excluded; names of two words or more only)."""
    tokens = tokenize(canonical)
    if sum(1 for t in tokens if t.folded not in ENGLISH_FUNCTION_WORDS) < 2:
        return []  # a word alone is not a name's part: "Iraqi" is not Iraq
    choices: list[list[tuple[int, int, str]]] = []
    for token in tokens:
        targets = lexicon.words.get(token.folded)  # whole words only: "Americas" is not one
        if not targets:
            continue
        spelled = [w for w in lexicon.words_for(targets[0]) if w != token.folded]
        if token.text[:1].isupper():
            spelled = [w[:1].upper() + w[1:] for w in spelled]
        choices.append([(token.start, token.end, token.text)]
                       + [(token.start, token.end, w) for w in spelled])
    variants: list[str] = []
    for picked in product(*choices):
        if len(variants) > limit:
            break
        out, cursor = [], 0
        for start, end, word in picked:
            out += [canonical[cursor:start], word]
            cursor = end
        variant = "".join(out) + canonical[cursor:]
        if variant != canonical:
            variants.append(variant)
    return variants[:limit]


def _with_article(text: str, tokens: list[Token], i: int) -> int:
    """Start of the span, with an article joined to its first word ("Al-Aqsa")."""
    if i and tokens[i - 1].folded in ("al", "el") and tokens[i - 1].end < tokens[i].start \
            and text[tokens[i - 1].end] in "-\u2010\u2011'\u2019" \
            and tokens[i - 1].end + 1 == tokens[i].start:
        return tokens[i - 1].start
    return tokens[i].start


def _assign(options: list[frozenset[str]], bag: Counter[str]) -> bool:
    """Can every token stand for one word of ``bag``, using each word exactly once?"""
    if len(options) != sum(bag.values()):
        return False
    left = Counter(bag)

    def place(k: int) -> bool:
        if k == len(options):
            return True
        for word in options[k]:
            if left[word]:
                left[word] -= 1
                if place(k + 1):
                    return True
                left[word] += 1
        return False

    return place(0)
