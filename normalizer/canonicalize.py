"""Canonicalize entity spellings in a text against a glossary.

Contract:
- Matching is whole-token (a name inside a longer word never matches), Unicode-aware and
  case-insensitive by default; between the parts of a name it tolerates any dash or apostrophe,
  spaces, NBSP and one line break; accents, hyphen/space/joined forms, French elision
  ("d'Amir Abdollahian") and possessives ("Haniyeh's") are handled by the tokenizer.
- Candidates are chosen leftmost-longest and non-overlapping, so a longer name is never broken
  by an entry for one of its parts; a span two entries claim equally is left alone.
- Unlisted romanizations ("generated") need at least two name parts, capitalized text, every
  part aligned one to one or by joining, equal romanization keys except one vowel in a long
  given name (or in a family name of 7+ letters), and never a single token.
- Short forms ("Abdollahian", "Bagheri") are resolved only after the same entry was named in
  full earlier in the same document, when no other named entry shares them, and when the
  mention is not part of a longer capitalized name ("Zakir Hussain", "Mohammad Bagheri").
- Every replacement is a ``Change`` with input and output offsets; text outside the changed
  spans is byte-identical, and a second pass changes nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import accumulate

from normalizer.commonwords import is_common_capitalized
from normalizer.document import Change, Document
from normalizer.glossary import Glossary
from normalizer.matcher import (
    PARTICLES,
    CompiledGlossary,
    FormSpec,
    boundaries,
    concat_align,
    joined,
    masked,
    pair_key,
)
from normalizer.romanize import ARTICLES, article_in_context, close_keys, name_key, surface_key
from normalizer.textfold import (
    TOKEN_RE,
    Token,
    fold_for_search,
    fold_token,
    is_name_gap,
    tokenize,
)

RULE_PRIORITY = {"keep": 0, "exact": 1, "folded": 2, "generated": 3, "short": 4}
# What may separate two parts of a name when looking back from a capitalized word: a name gap,
# possibly with a lower-case particle in it (" al-", " bin ", " ibn ").
_SEP = r"[ \t\u00a0\u202f\n\-\u2010-\u2015'\u2019]{1,3}"
_PREVIOUS_GAP = re.compile(rf"{_SEP}(?:(?:al|el|ul|ad|ar|as|ash|at|az|an|ad|bin|ibn|bint|ben|de|"
                           rf"da|du|van|von|der|ed|ud){_SEP})?")
_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?:al|el|ul|ad|ar|as|ash|at|az|an|ed)[-'\u2019]$",
                             re.IGNORECASE)
# Capitalized Latin words: candidate name parts for unlisted romanizations and short forms.
CAPITALIZED_RE = re.compile(r"(?<![^\W_])[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f][^\W_]*")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    spec: FormSpec
    rule: str


class Canonicalizer:
    """Applies one glossary; compiled structures are built once per document language."""

    def __init__(self, glossary: Glossary, *, case_sensitive: bool = False,
                 generate: bool = True, short_forms: bool = True):
        self.glossary = glossary
        self.case_sensitive = case_sensitive
        self.generate = generate
        self.short_forms = short_forms
        self._compiled: dict[str | None, CompiledGlossary] = {}
        self._keys: dict[str, str] = {}
        self._masks: dict[str, str] = {}

    def compiled(self, lang: str | None) -> CompiledGlossary:
        if lang not in self._compiled:
            self._compiled[lang] = CompiledGlossary(self.glossary, lang)
        return self._compiled[lang]

    # -- public API -------------------------------------------------------------------------
    def canonicalize(self, text: str, lang: str | None = None) -> tuple[str, list[Change]]:
        """The canonicalized text and the changes made, in text order.

        A replacement can complete a longer name with the text around it ("Déluge d'" +
        "Al-Aqsa ..."), so passes repeat until nothing changes (at most three), and the
        changes of later passes are composed into offsets of the input text: the result is a
        fixed point, which is what makes a second run a no-op.
        """
        out, changes = self._one_pass(text, lang)
        for _ in range(2):
            if not any(_may_grow(out, c) for c in changes):
                break
            again, more = self._one_pass(out, lang)
            if not more:
                break
            changes = compose_changes(text, changes, more)
            out = again
        return out, changes

    def _one_pass(self, text: str, lang: str | None) -> tuple[str, list[Change]]:
        matches = self.find(text, lang)
        pieces: list[str] = []
        changes: list[Change] = []
        cursor = shift = 0
        for m in matches:
            original = text[m.start:m.end]
            target = m.spec.target
            if original.isupper() and not m.spec.text.isupper() and any(
                    c.islower() for c in target):
                target = target.upper()  # headline capitals stay capitals
            if m.spec.kind == "keep" or original == target:
                continue
            pieces.append(text[cursor:m.start])
            pieces.append(target)
            out_start = m.start + shift
            changes.append(Change(m.start, m.end, out_start, out_start + len(target), original,
                                  target, self.glossary.entries[m.spec.entry].id, m.rule))
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
        window = _DocTokens(text)
        candidates = self._listed(text, compiled, window)
        capitals = [(m.start(), m.end(), m.group()) for m in CAPITALIZED_RE.finditer(text)]
        if self.generate:
            listed_ends = {c.end for c in candidates}
            candidates += self._generated(text, compiled, window, capitals, listed_ends)
        deferred = [c for c in candidates if c.spec.short]
        chosen = _select([c for c in candidates if not c.spec.short])
        if self.short_forms:
            chosen = self._resolve_short(text, compiled, window, capitals, chosen, deferred)
        return chosen

    # -- listed spellings (Aho-Corasick anchors) ---------------------------------------------
    def _listed(self, text: str, compiled: CompiledGlossary, window: _DocTokens) -> list[Match]:
        """Listed spellings, found by Aho-Corasick in the text's words written end to end.

        Each spelling is filed under its parts joined ("amirabdollahian"), and the folded text
        is searched with its separators removed, so "Amir Abdollahian", "Amir-Abdollahian",
        "Amir\u00a0Abdollahian" and "Amirabdollahian" are all one hit; a hit counts only if
        it starts and ends on word boundaries, and the tokens then decide (separators, joins).
        """
        if not compiled.has_automaton:
            return []
        folded_text = fold_for_search(text)
        words = TOKEN_RE.findall(folded_text)
        if not words:
            return []
        ends = list(accumulate(map(len, words)))
        spans: list[tuple[int, int]] | None = None
        found: list[Match] = []
        for last, (length, specs) in compiled.automaton.iter("".join(words)):
            first = last - length + 1
            k0 = bisect_right(ends, first)
            if ends[k0] - len(words[k0]) != first:
                continue  # starts inside a word
            k1 = bisect_left(ends, last + 1)
            if ends[k1] != last + 1:
                continue  # ends inside a word
            if spans is None:
                spans = [m.span() for m in TOKEN_RE.finditer(folded_text)]
            tokens = [_token(text, *spans[k]) for k in range(k0, k1 + 1)]
            folded = [t.folded for t in tokens]
            for spec in specs:
                match = self._align_listed(text, tokens, folded, 0, len(tokens), spec)
                if match is not None:
                    found.append(match)
        return found

    def _align_listed(self, text: str, tokens: list[Token], folded: list[str], i: int, j: int,
                      spec: FormSpec) -> Match | None:
        """Tokens ``i:j`` spell ``spec`` (same letters; separators and joins checked)."""
        if _align_tokens(text, tokens, i, folded, spec.folded) != j:
            return None
        start, end = tokens[i].start, tokens[j - 1].end
        if (self.case_sensitive or _is_acronym(spec.text)) and not _same_case(
                tokens[i:j], spec.text):
            return None
        if spec.kind == "keep":
            return Match(start, end, spec, "keep")
        return Match(start, end, spec, "exact" if text[start:end] == spec.text else "folded")

    # -- unlisted romanizations --------------------------------------------------------------
    def _key(self, surface: str) -> str:
        key = self._keys.get(surface)
        if key is None:
            if len(self._keys) > 500_000:
                self._keys.clear()
            key = self._keys[surface] = surface_key(surface, fold_token(surface))
        return key

    def _masked(self, key: str) -> str:
        value = self._masks.get(key)
        if value is None:
            if len(self._masks) > 500_000:
                self._masks.clear()
            value = self._masks[key] = masked(key)
        return value

    def _generated(self, text: str, compiled: CompiledGlossary, window: _DocTokens,
                   capitals: list[tuple[int, int, str]], listed_ends: set[int]) -> list[Match]:
        """Unlisted romanizations, looked up by the keys of a name's last two parts.

        Only a capitalized word that follows another capitalized word (or an article) across a
        name separator can end a multi-part name, so sentence openers cost one comparison.
        """
        index = compiled.generated
        if not index:
            return []
        found: list[Match] = []
        ends_a_name = compiled.last_keys
        for n, (start, end, surface) in enumerate(capitals):
            if end in listed_ends:
                continue  # a listed spelling already ends here
            key = self._key(surface)
            if key not in ends_a_name and "J|" + key not in ends_a_name and (
                    len(surface) < 5 or "~" + self._masked(key) not in ends_a_name):
                continue  # most capitalized words end no glossary name
            lookups = ["J|" + key]
            previous = self._previous_name_keys(text, capitals, n)
            for prev in previous:
                lookups.append(pair_key(prev, key))
                if len(surface) >= 5:
                    lookups.append(pair_key(prev, key, fuzzy=True))
            specs = [spec for lookup in lookups for spec in index.get(lookup, ())]
            if not specs:
                continue
            tokens, at = window.around(start)
            if at is None:
                continue
            keys = window.keys(self._key)
            for spec in dict.fromkeys(specs):
                match = self._align_generated(text, tokens, keys, at, spec)
                if match is not None:
                    found.append(match)
        return found

    def _previous_name_keys(self, text: str, capitals: list[tuple[int, int, str]],
                            n: int) -> list[str]:
        """Keys that the name part before capital ``n`` may have: the previous capitalized
        word across a name separator (looking through articles), joined with the one before
        it too, or "al" for a bare article ("al-Qods")."""
        start = capitals[n][0]
        out: list[str] = []
        if _ARTICLE_BEFORE.search(text, max(0, start - 5), start):
            out.append("al")
        k = n - 1
        while k >= 0 and _PREVIOUS_GAP.fullmatch(text, capitals[k][1], capitals[k + 1][0]):
            key = self._key(capitals[k][2])
            if key == "al" and capitals[k][2].lower() in ("al", "el"):
                out.append("al")
                k -= 1
                continue
            out.append(key)
            if k > 0 and _PREVIOUS_GAP.fullmatch(text, capitals[k - 1][1], capitals[k][0]):
                out.append(self._key(capitals[k - 1][2]) + key)
            break
        return out

    def _align_generated(self, text: str, tokens: list[Token], keys: list[str], at: int,
                         spec: FormSpec) -> Match | None:
        n = len(spec.keys)
        for i in range(max(0, at - n - 2), at + 1):
            if not _capitalized_run(tokens, keys, i, at + 1):
                continue
            j = _align_tokens(text, tokens, i, keys, spec.keys)
            if j is None and at + 1 - i == n and _gaps_ok(text, tokens, i, at + 1):
                j = at + 1 if _fuzzy_parts(tokens[i:at + 1], keys[i:at + 1], spec) else None
            if j is None and _same_without_articles(text, tokens, keys, i, at + 1, spec):
                j = at + 1
            if j != at + 1:
                continue
            start, end = tokens[i].start, tokens[j - 1].end
            folded = tuple(t.folded for t in tokens[i:j])
            rule = "folded" if concat_align(folded, spec.folded) == (0, j - i) else "generated"
            return Match(start, end, spec, rule)
        return None

    # -- short forms after a full mention ----------------------------------------------------
    def _resolve_short(self, text: str, compiled: CompiledGlossary, window: _DocTokens,
                       capitals: list[tuple[int, int, str]], chosen: list[Match],
                       deferred: list[Match]) -> list[Match]:
        first_seen: dict[int, int] = {}
        for m in chosen:
            if m.spec.kind != "keep":
                first_seen.setdefault(m.spec.entry, m.end)
        if not first_seen and not deferred:
            return chosen
        by_key: dict[str, list[FormSpec]] = {}
        for entry in first_seen:
            for spec in compiled.partials.get(entry, ()):
                by_key.setdefault(spec.keys[-1], []).append(spec)
        for m in deferred:
            by_key.setdefault(m.spec.keys[-1], []).append(m.spec)
        for specs in list(by_key.values()):
            for spec in specs:
                if len(spec.folded[-1]) >= 7:  # "Mohandes" after "al-Muhandis": one vowel off
                    by_key.setdefault("~" + masked(spec.keys[-1]), []).append(spec)
        for specs in by_key.values():
            specs.sort(key=lambda spec: -len(spec.keys))  # "Ibrahim Taha" before "Taha"
        taken = _Occupied(chosen)
        candidates = [Match(m.start, m.end, m.spec, "short") for m in deferred
                      if not taken.overlaps(m)]
        for start, _end, surface in capitals:
            key = self._key(surface)
            specs = by_key.get(key, [])
            if len(surface) >= 7:
                specs = specs + by_key.get("~" + masked(key), [])
            if not specs or taken.at(start) is not None:
                continue
            tokens, at = window.around(start)
            if at is None:
                continue
            keys = window.keys(self._key)
            for spec in specs:
                i = at + 1 - len(spec.keys)
                if i < 0:
                    continue
                if _align_tokens(text, tokens, i, keys, spec.keys) == at + 1 or (
                        _gaps_ok(text, tokens, i, at + 1)
                        and _fuzzy_parts(tokens[i:at + 1], keys[i:at + 1], spec)) or (
                        spec.name_parts == 1 and keys[i:at] == list(spec.keys[:-1])
                        and _vowel_variant(tokens[at], keys[at], spec)):
                    candidates.append(Match(tokens[i].start, tokens[at].end, spec, "short"))
                    break
        candidates = _select(candidates)
        blocked: dict[str, int] = {}  # short-form key -> where another person with it appears
        accepted: list[Match] = []
        for m in candidates:
            tokens, at = window.around(m.start)
            last = at
            while last is not None and last + 1 < len(tokens) and tokens[last + 1].start < m.end:
                last += 1
            if at is None or _extends_name(text, tokens, at, last, taken):
                blocked.setdefault(m.spec.keys[-1], m.start)  # part of a longer, other name
            else:
                canonical = self.glossary.entries[m.spec.entry].canonical
                accepted.append(_with_initial(text, tokens, at, m, canonical))
        for key, pos in self._rival_keys(text, window, capitals, by_key,
                                         _Occupied(chosen + candidates)).items():
            blocked[key] = min(pos, blocked.get(key, pos))
        extra = [m for m in accepted if self._short_ok(m, first_seen, by_key, blocked)]
        return _select(chosen + extra) if extra else chosen

    def _rival_keys(self, text: str, window: _DocTokens, capitals: list[tuple[int, int, str]],
                    by_key: dict[str, list[FormSpec]], taken: _Occupied) -> dict[str, int]:
        """Short-form keys that a different person in this document also carries, with the
        offset where that person first appears: from there on a bare name is ambiguous."""
        blocked: dict[str, int] = {}
        for start, _end, surface in capitals:
            key = self._key(surface)
            if key not in by_key or key in blocked:
                continue
            covering = taken.at(start)
            if covering is not None:
                if covering.spec.kind == "keep":
                    blocked[key] = covering.start
                continue
            tokens, at = window.around(start)
            if at is not None and _extends_name(text, tokens, at, at, taken, after=False):
                blocked[key] = tokens[at - 1].start if at > 0 else start
        return blocked

    @staticmethod
    def _short_ok(m: Match, first_seen: dict[int, int], by_key: dict[str, list[FormSpec]],
                  blocked: dict[str, int]) -> bool:
        """After the entry's first full mention, and no other entry or person shares it."""
        entry, key = m.spec.entry, m.spec.keys[-1]
        rival_at = blocked.get(key)
        if rival_at is not None and m.start >= rival_at:
            return False
        if m.spec.after_full and (entry not in first_seen or m.start < first_seen[entry]):
            return False
        return not ({s.entry for s in by_key.get(key, ())} - {entry})


_GROW_LEFT = re.compile(r"(?:[^\W_]+)[ \t\u00a0\n\-\u2010-\u2015'\u2019]{0,3}$")
_GROW_RIGHT = re.compile(r"[ \t\u00a0\n\-\u2010-\u2015'\u2019]{0,3}[^\W_]")


def _may_grow(out: str, change: Change) -> bool:
    """Could a name now run across the replacement's edge? Only if a word joins it there
    (another capitalized word, an article, or letters glued to it)."""
    left = _GROW_LEFT.search(out, max(0, change.out_start - 40), change.out_start)
    if left and (left.group()[:1].isupper() or left.group().split()[0].lower()
                 in ("al", "el", "d", "l") or not left.group()[-1:].isspace()):
        return True
    right = _GROW_RIGHT.match(out, change.out_end)
    return bool(right) and (right.group()[-1].isupper() or not right.group()[:1].isspace())


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


class _DocTokens:
    """The document's tokens, made once on first need (a text with any candidate needs them
    near several places), with folded forms and romanization keys computed once too."""

    def __init__(self, text: str):
        self.text = text
        self.tokens: list[Token] | None = None
        self.starts: list[int] = []
        self._keys: list[str] | None = None
        self._folded: list[str] | None = None

    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = [t.folded for t in self.tokens or ()]
        return self._folded

    def keys(self, key_of) -> list[str]:
        if self._keys is None:
            tokens, text = self.tokens or [], self.text
            self._keys = [
                key_of(t.text) if t.folded not in ARTICLES or article_in_context(
                    t.folded, k + 1 < len(tokens) and joined(text, t, tokens[k + 1]))
                else t.folded for k, t in enumerate(tokens)]
        return self._keys

    def around(self, pos: int) -> tuple[list[Token], int | None]:
        """All tokens, and the index of the one containing ``pos`` (None between tokens)."""
        if self.tokens is None:
            self.tokens = tokenize(self.text)
            self.starts = [t.start for t in self.tokens]
        idx = bisect_right(self.starts, pos) - 1
        if idx < 0 or self.tokens[idx].end <= pos:
            return self.tokens, None
        return self.tokens, idx


def _token(text: str, start: int, end: int) -> Token:
    surface = text[start:end]
    return Token(start, end, surface, fold_token(surface))


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


def _align_tokens(text: str, tokens: list[Token], i: int, values: list[str],
                  parts: tuple[str, ...]) -> int | None:
    """End index if tokens from ``i`` spell ``parts`` (joins allowed, boundaries nested)."""
    target = "".join(parts)
    acc = ""
    bounds: set[int] = set()
    j = i
    while len(acc) < len(target) and j < len(tokens):
        if j > i:
            if not is_name_gap(text, tokens[j - 1].end, tokens[j].start):
                return None
            bounds.add(len(acc))
        acc += values[j]
        if not target.startswith(acc):
            return None
        j += 1
    if acc != target:
        return None
    part_bounds = boundaries(parts)
    return j if bounds <= part_bounds or part_bounds <= bounds else None


def _gaps_ok(text: str, tokens: list[Token], i: int, j: int) -> bool:
    return all(is_name_gap(text, tokens[k - 1].end, tokens[k].start) for k in range(i + 1, j))


def _same_without_articles(text: str, tokens: list[Token], keys: list[str], i: int, j: int,
                           spec: FormSpec) -> bool:
    """"Yahya al-Sinouar" ~ "Yahya Sinwar": an article present on one side only."""
    if not _gaps_ok(text, tokens, i, j):
        return False
    have = tuple(keys[k] for k in range(i, j) if tokens[k].folded not in ARTICLES)
    want = tuple(k for k, f in zip(spec.keys, spec.folded, strict=True) if f not in ARTICLES)
    if len(have) < 2 or len(have) == j - i and len(want) == len(spec.keys):
        return False  # no article anywhere: the plain alignment already decided
    return concat_align(have, want) == (0, len(have))


def _vowel_variant(token: Token, key: str, spec: FormSpec) -> bool:
    """A family name of 6+ letters spelled with one other vowel ("Mohandes", "Hifter"), once
    the person was named in full (the caller's short-form context makes this safe)."""
    return (min(len(token.folded), len(spec.folded[-1])) >= 6 and len(key) == len(spec.keys[-1])
            and close_keys(key, spec.keys[-1]))


def _fuzzy_parts(tokens: list[Token], keys: list[str], spec: FormSpec) -> bool:
    """Part-by-part alignment with at most one vowel off in long parts; family name strict.

    A given name may differ by one vowel when it has 6+ letters (5+ when two other name parts
    agree exactly: "Abdel-Malek Al-Houthi"); the family name only by one substituted vowel and
    only with 7+ letters ("Mohandes"/"Muhandis", never "Karimi"/"Karami").
    """
    last = len(spec.keys) - 1
    pairs = list(zip(tokens, keys, spec.keys, spec.folded, strict=True))
    exact = sum(1 for _, key, want, folded in pairs if key == want and folded not in ARTICLES)
    fuzzy = 0
    for n, (tok, key, want, want_folded) in enumerate(pairs):
        if key == want:
            continue
        minimum = (7 if exact < 2 else 5) if n == last else 5 if exact >= 2 else 6
        if min(len(tok.folded), len(want_folded)) < minimum or not close_keys(key, want):
            return False
        if n == last and len(key) != len(want) and exact < 2:
            return False  # a vowel dropped from the family name needs two other parts agreeing
        fuzzy += 1
    return exact >= 1 and exact + fuzzy >= 2


def _capitalized_run(tokens: list[Token], keys: list[str], i: int, j: int) -> bool:
    """Every part capitalized, except particles (al-, bin, ibn, de); a lower-case start only
    when it is an article in context ("al-Sadr", not "as Sadr")."""
    if not tokens[i].text[:1].isupper() and keys[i] != "al":
        return False
    return all(t.text[:1].isupper() or t.folded in PARTICLES for t in tokens[i:j])


def _extends_name(text: str, tokens: list[Token], first: int, last: int, taken: _Occupied,
                  after: bool = True) -> bool:
    """A capitalized neighbour (not a title or sentence opener) makes a longer, other name.

    Articles are looked through: "Yahya al-Sinouar" is one name, so "Sinouar" in it is not a
    short form on its own.
    """
    k = first
    while k > 0 and is_name_gap(text, tokens[k - 1].end, tokens[k].start):
        prev = tokens[k - 1]
        if prev.folded in ARTICLES:
            k -= 1
            continue
        if (prev.text[:1].isupper() and not is_common_capitalized(prev.folded)
                and not taken.covers(prev.start)):
            return True
        break
    if after and last + 1 < len(tokens):
        nxt = tokens[last + 1]
        gap = text[tokens[last].end:nxt.start]
        if (nxt.text[:1].isupper() and is_name_gap(text, tokens[last].end, nxt.start)
                and not any(c in gap for c in "'\u2019")):
            return True
    return False


_INITIAL_GAP = re.compile(r"\.[ \u00a0]?")


def _with_initial(text: str, tokens: list[Token], first: int, m: Match,
                  canonical: str) -> Match:
    """"A. Abdellahian", "I. Raissi": an initial and a family name name the person in full."""
    if first == 0:
        return m
    prev = tokens[first - 1]
    initials = {c for p in tokenize(canonical)[:-len(m.spec.keys)] if p.folded
                for c in (p.folded[0], name_key(p.folded)[:1])}
    if (len(prev.text) == 1 and prev.text.isupper() and prev.folded in initials - {"m"}
            and _INITIAL_GAP.fullmatch(text, prev.end, tokens[first].start)):
        return Match(prev.start, m.end, replace(m.spec, target=canonical), m.rule)
    return m


def _same_case(tokens: list[Token], form: str) -> bool:
    """Case-sensitive mode: the span's letters, joined, equal the form's (accents aside)."""
    return "".join(t.text for t in tokens) == "".join(t.text for t in tokenize(form))


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 6 and text.isupper()


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

