"""Mine a corpus for spellings that are probably unlisted variants of glossary entries.

Contract: ``suggest(docs, glossary)`` reads documents (text and language) and never changes the
glossary. It returns ``Suggestion`` rows ranked best first, one per (entry, spelling up to
folding), with how often the spelling occurs, a score in [0, 1] and one example in context.
Spellings already listed (up to folding) and short forms the canonicalizer derives by itself
(a part of a listed person's name) are never suggested.

Evidence, all reused from the canonicalizer's building blocks:
- the canonicalizer's own unlisted-romanization matches (rule ``generated``): listing them makes
  them explicit and keeps them when generation is off;
- capitalized name runs the canonicalizer left alone (titles such as "President" split runs),
  aligned token by token with each candidate entry's spellings: equal romanization keys
  (``name_key``), one vowel apart (``close_keys``) or a small edit distance, joined tokens
  ("Alothaimeen"), reordered tokens ("Iron Swords"); every candidate token must be explained
  except one extra middle name, and a person's family name must align;
- co-occurrence: a one-word spelling is only proposed when the entry is named in the same
  document, and is never proposed when the same word belongs to another name there; any
  spelling gains score when the entry is named in the same document.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from normalizer.canonicalize import Canonicalizer
from normalizer.commonwords import is_common_capitalized
from normalizer.glossary import Entry, Glossary, form_key
from normalizer.matcher import PARTICLES
from normalizer.namesim import edit_distance
from normalizer.romanize import ARTICLES, close_keys, name_key
from normalizer.textfold import Token, is_name_gap, tokenize

MAX_RUN = 8
MIN_SCORE = 0.5
CONNECTORS = frozenset({"of", "the", "de", "la", "du", "des", "d", "l"})


@dataclass
class Suggestion:
    """A proposed glossary row plus the evidence for it."""

    canonical: str
    variant: str
    lang: str
    type: str
    count: int
    score: float
    example: str
    entry_id: str = ""

    def row(self) -> list[str]:
        return [self.canonical, self.variant, self.lang, self.type, str(self.count),
                f"{self.score:.3f}", self.example]


@dataclass
class _Tally:
    surfaces: dict[str, int] = field(default_factory=dict)
    scores: list[float] = field(default_factory=list)
    langs: set[str | None] = field(default_factory=set)
    example: str = ""
    best: float = -1.0


@dataclass(frozen=True)
class _Spelling:
    folded: tuple[str, ...]   # name tokens (articles and connectors dropped)
    keys: tuple[str, ...]
    joined: str               # keys of every token joined (articles kept out)


@lru_cache(maxsize=500_000)
def token_similarity(a_folded: str, b_folded: str) -> float:
    """How alike two folded name tokens are as romanizations of one name (0 = not at all)."""
    if a_folded == b_folded:
        return 1.0
    ka, kb = name_key(a_folded), name_key(b_folded)
    if ka == kb:
        return 0.97
    if close_keys(ka, kb):
        return 0.9
    shortest = min(len(a_folded), len(b_folded))
    if shortest < 4:
        return 0.0
    ratio = 1 - min(edit_distance(ka, kb), edit_distance(a_folded, b_folded)) / max(
        len(a_folded), len(b_folded))
    if a_folded[0] != b_folded[0] and ka[0] != kb[0]:
        ratio -= 0.1
    return ratio * 0.9 if ratio >= 0.72 else 0.0


def _name_tokens(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(t.folded for t in tokens
                 if t.folded not in ARTICLES and t.folded not in CONNECTORS)


def _spelling(text: str) -> _Spelling:
    folded = _name_tokens(tokenize(text))
    keys = tuple(name_key(f) for f in folded)
    return _Spelling(folded, keys, "".join(keys))


def _deletes(key: str) -> set[str]:
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))} if len(key) >= 4 else {key}


class _EntryIndex:
    """Entry spellings by token key (and its one-letter deletions) for candidate look-up."""

    def __init__(self, glossary: Glossary):
        self.entries = list(glossary.entries)
        self.spellings: list[list[_Spelling]] = []
        self.listed: list[set[str]] = []
        self.parts: list[set[tuple[str, ...]]] = []
        self.by_key: dict[str, set[int]] = {}
        for index, entry in enumerate(self.entries):
            spellings = [_spelling(t) for t in [entry.canonical, *(v.text for v in entry.variants)]]
            self.spellings.append([s for s in spellings if s.folded])
            self.listed.append({form_key(t) for t in [entry.canonical,
                                                      *(v.text for v in entry.variants)]})
            self.parts.append(self._derived_parts(entry))
            for s in self.spellings[-1]:
                for key in s.keys + (s.joined,):
                    for d in _deletes(key):
                        self.by_key.setdefault(d, set()).add(index)

    @staticmethod
    def _derived_parts(entry: Entry) -> set[tuple[str, ...]]:
        """Contiguous parts of a person's spellings: short forms the canonicalizer derives."""
        if entry.type not in (None, "person"):
            return set()
        out: set[tuple[str, ...]] = set()
        for text in [entry.canonical, *(v.text for v in entry.variants)]:
            folded = tuple(t.folded for t in tokenize(text))
            for i in range(1, len(folded)):
                for j in range(i + 1, len(folded) + 1):
                    out.add(folded[i:j])
        return out

    def candidates(self, folded: tuple[str, ...]) -> set[int]:
        found: set[int] = set()
        keys = [name_key(f) for f in folded]
        for key in [*keys, "".join(keys)]:
            for d in _deletes(key):
                found |= self.by_key.get(d, set())
        return found


def _align(cand: tuple[str, ...], spelling: _Spelling) -> tuple[float, int, bool]:
    """Mean similarity of aligned tokens, how many aligned, and whether the last one did."""
    if "".join(name_key(c) for c in cand) == spelling.joined and len(cand) != len(
            spelling.folded):
        return 0.95, len(spelling.folded), True  # joined or split tokens
    used: set[int] = set()
    sims: list[float] = []
    last_aligned = False
    for c in cand:
        best, best_j = 0.0, -1
        for j, s in enumerate(spelling.folded):
            if j in used:
                continue
            sim = token_similarity(c, s)
            if sim > best:
                best, best_j = sim, j
        if best_j >= 0:
            used.add(best_j)
            sims.append(best)
            last_aligned = last_aligned or best_j == len(spelling.folded) - 1
    if not sims:
        return 0.0, 0, False
    return sum(sims) / len(sims), len(sims), last_aligned


def score_candidate(cand: tuple[str, ...], entry: Entry, spellings: list[_Spelling],
                    cooccurs: bool) -> float:
    """How likely the folded name tokens ``cand`` are a spelling of ``entry`` (0..1)."""
    best = 0.0
    person = entry.type in (None, "person")
    for spelling in spellings:
        mean, aligned, last = _align(cand, spelling)
        if aligned == 0:
            continue
        extra = len(cand) - aligned
        missing = len(spelling.folded) - aligned
        if len(cand) == 1:
            if not cooccurs or (person and not last) or mean < 0.8 or len(cand[0]) < 4:
                continue
            if not person and len(spelling.folded) != 1 and name_key(cand[0]) != spelling.joined:
                continue  # one word of an organisation's name is not the organisation
            score = mean * 0.85
        else:
            if aligned < 2 or extra > 1 or (person and not last):
                continue
            if extra and aligned < 3 and not cooccurs:
                continue
            score = mean * (1 - 0.12 * extra) * (1 - 0.1 * min(missing, 2))
            if not person and mean < 0.9:
                score *= 0.8
        best = max(best, score * (1.0 if cooccurs else 0.85))
    return best


def _runs(text: str, tokens: list[Token], covered: list[bool]) -> list[list[int]]:
    """Capitalized name runs (token indices) outside covered spans; titles split runs."""
    runs: list[list[int]] = []
    current: list[int] = []

    def close() -> None:
        while current and (tokens[current[-1]].folded in PARTICLES
                           or tokens[current[-1]].folded in CONNECTORS):
            current.pop()
        if current:
            runs.append(current.copy())
        current.clear()

    for i, tok in enumerate(tokens):
        capital = tok.text[:1].isupper()
        joiner = tok.folded in PARTICLES or tok.folded in CONNECTORS
        gap_ok = bool(current) and is_name_gap(text, tokens[i - 1].end, tok.start)
        if covered[i] or not (capital or (joiner and current)) or (current and not gap_ok):
            close()
            if covered[i] or not capital:
                continue
        if capital and is_common_capitalized(tok.folded):
            close()
            continue
        if not current and not capital:
            continue
        current.append(i)
        if len(current) > MAX_RUN:
            close()
    close()
    return runs


def _leftover_penalty(tokens: list[Token], run: list[int], i: int, j: int) -> float:
    """A part of a longer capitalized run is probably a part of another, longer name."""
    def names(indices: list[int]) -> list[Token]:
        return [tokens[k] for k in indices if tokens[k].folded not in ARTICLES
                and tokens[k].folded not in CONNECTORS and not tokens[k].text.isupper()]
    penalty = 1.0
    if names(run[:i]):
        penalty *= 0.6
    if names(run[j:]):
        penalty *= 0.8
    return penalty


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


class Suggester:
    """Collects evidence document by document; ``results`` ranks it."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.canonicalizer = Canonicalizer(glossary)
        self.index = _EntryIndex(glossary)
        self.tallies: dict[tuple[int, str], _Tally] = {}
        self.all_listed = {k for listed in self.index.listed for k in listed}

    def add(self, text: str, lang: str | None = None) -> None:
        """Mine one document."""
        matches = self.canonicalizer.find(text, lang)
        tokens = tokenize(text)
        covered = [False] * len(tokens)
        mentioned: set[int] = set()
        starts = [t.start for t in tokens]
        for m in matches:
            if m.spec.kind != "keep" and m.spec.entry >= 0:
                mentioned.add(m.spec.entry)
            i = bisect_left(starts, m.start)
            while i < len(tokens) and tokens[i].start < m.end:
                covered[i] = True
                i += 1
        for m in matches:  # unlisted spellings the canonicalizer itself recognised
            if m.spec.kind != "keep" and m.spec.entry >= 0 and m.rule != "exact":
                part = tuple(t.folded for t in tokenize(text, m.start, m.end))
                if part not in self.index.parts[m.spec.entry]:
                    self._count(m.spec.entry, text, m.start, m.end, lang,
                                0.9 if m.rule in ("short", "acronym", "document") else 0.97)
        runs = _runs(text, tokens, covered)
        run_keys: list[set[str]] = [{name_key(tokens[i].folded) for i in run} for run in runs]
        pending: list[tuple[int, list[int]]] = []
        for n, run in enumerate(runs):
            self._run(text, tokens, run, n, run_keys, mentioned, lang, pending)

    def _run(self, text: str, tokens: list[Token], run: list[int], n: int,
             run_keys: list[set[str]], mentioned: set[int], lang: str | None,
             pending: list) -> None:
        best: tuple[float, int, int, int] | None = None
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                if j - i == 1 and len(run) > 1:
                    continue  # one word of a longer name is that other name's word
                part = [tokens[k] for k in run[i:j]]
                if part[0].folded in PARTICLES or part[-1].folded in CONNECTORS | PARTICLES:
                    continue
                cand = _name_tokens(part)
                if not cand or (len(cand) == 1 and len(_name_tokens(
                        [tokens[k] for k in run])) > 1):
                    continue
                surface = text[part[0].start:part[-1].end]
                key = form_key(surface)
                if key in self.all_listed:
                    continue
                for entry in self.index.candidates(cand):
                    if tuple(t.folded for t in part) in self.index.parts[entry]:
                        continue
                    if len(cand) == 1 and any(name_key(cand[0]) in keys
                                              for m, keys in enumerate(run_keys) if m != n):
                        continue  # the same word belongs to another name in this document
                    score = score_candidate(cand, self.index.entries[entry],
                                            self.index.spellings[entry], entry in mentioned)
                    score *= _leftover_penalty(tokens, run, i, j)
                    if score >= MIN_SCORE and (best is None or score + 0.04 * (j - i)
                                               > best[0] + 0.04 * best[1]):
                        best = (score, j - i, entry, i)
        if best is not None:
            score, length, entry, i = best
            part = [tokens[k] for k in run[i:i + length]]
            self._count(entry, text, part[0].start, part[-1].end, lang, score)

    def _count(self, entry: int, text: str, start: int, end: int, lang: str | None,
               score: float) -> None:
        surface = " ".join(text[start:end].split())
        key = form_key(surface)
        if key in self.index.listed[entry]:
            return
        tally = self.tallies.setdefault((entry, key), _Tally())
        tally.surfaces[surface] = tally.surfaces.get(surface, 0) + 1
        tally.scores.append(score)
        tally.langs.add(lang)
        if score > tally.best:
            tally.best = score
            tally.example = _context(text, start, end)

    def results(self, min_count: int = 1, top: int = 0) -> list[Suggestion]:
        """Suggestions ranked by score (count breaks ties), best first."""
        out: list[Suggestion] = []
        for (index, _key), tally in self.tallies.items():
            count = len(tally.scores)
            if count < min_count:
                continue
            entry = self.index.entries[index]
            mean = sum(tally.scores) / count
            score = min(1.0, mean * (0.8 + 0.2 * min(1.0, math.log2(count + 1) / 2)))
            surface = max(tally.surfaces.items(), key=lambda kv: (kv[1], kv[0]))[0]
            langs = {lang for lang in tally.langs}
            lang = next(iter(langs)) if len(langs) == 1 else None
            out.append(Suggestion(entry.canonical, surface,
                                  lang if lang and lang != "en" else "", entry.type or "",
                                  count, round(score, 3), tally.example, entry.id))
        out.sort(key=lambda s: (-s.score, -s.count, s.canonical, s.variant))
        return out[:top] if top else out


def suggest(docs: Iterable[tuple[str, str | None]], glossary: Glossary, *, min_count: int = 1,
            top: int = 0) -> list[Suggestion]:
    """Ranked suggestions for ``(text, language)`` documents."""
    suggester = Suggester(glossary)
    for text, lang in docs:
        suggester.add(text, lang)
    return suggester.results(min_count, top)


HEADER = ["canonical", "variant", "lang", "type", "count", "score", "example"]
