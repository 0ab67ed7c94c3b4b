"""The detection stage: text -> ISO 639-1 language and confidence, or ``und``.

Contract: deterministic (same text, same options -> same answer, in any process and call
order); never guesses: empty text, fewer than ``min_letters`` letters, text that is mostly
links/numbers/handles, a script none of the candidates is written in, or a confidence below
``threshold`` give ``Detection("und", ..., reason)``. Reads a cleaned sample of at most
``max_chars`` characters. ``segments`` splits a document into paragraphs and merges them into
runs of one language covering the whole text. ``detect_document`` sets ``language`` and
``confidence`` on a Document and never changes its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from normalizer.detection.base import UNDETERMINED, Backend, Detection, Segment
from normalizer.detection.cleaning import clean, sample
from normalizer.detection.registry import DEFAULT_BACKEND, backend_class, create_backend
from normalizer.detection.scripts import script_candidates
from normalizer.document import Document
from normalizer.errors import UsageError

#: Below this confidence the answer is ``und`` (chosen on the first half of the Tatoeba
#: sentences so that answered sentences are >= 98% right; see bench/results/detect.md).
DEFAULT_THRESHOLD = 0.5
#: Fewer letters than this (after cleaning) is too short to say anything.
MIN_LETTERS = 3
#: Text longer than this is sampled (evenly spaced windows).
MAX_CHARS = 6000
#: Longer text is first judged on a sample this long; a sure answer there ends the work.
QUICK_CHARS = 600
QUICK_ACCEPT = 0.999
#: A paragraph shorter than this (letters) follows its neighbours in segment mode.
SEGMENT_MIN_LETTERS = 20
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
LINE_BREAK = re.compile(r"\n\s*")
CODE = re.compile(r"^[a-z]{2}$")


class LanguageDetector:
    """Language identification with a pluggable backend (default: langdetect's model)."""

    def __init__(self, langs: Sequence[str] | None = None, backend: str = DEFAULT_BACKEND,
                 threshold: float = DEFAULT_THRESHOLD, seed: int = 0,
                 min_letters: int = MIN_LETTERS, max_chars: int = MAX_CHARS):
        """``langs``: the only languages that may be answered (ISO 639-1); None for all.

        ``seed`` is accepted for API stability: the default backend scores exactly, with no
        random sampling, so there is nothing to seed.
        """
        if not 0.0 <= threshold <= 1.0:
            raise UsageError(f"threshold must be between 0 and 1, not {threshold}")
        supported = backend_class(backend).supported()
        self.langs: frozenset[str] | None = None
        if langs is not None:
            codes = sorted({code.strip().lower() for code in langs if code.strip()})
            bad = [c for c in codes if not CODE.match(c) or (supported and c not in supported)]
            if bad or not codes:
                known = ", ".join(sorted(supported)) if supported else "ISO 639-1 codes"
                raise UsageError(f"unknown language code(s) {', '.join(bad) or '(none)'} for "
                                 f"the {backend} backend; use: {known}")
            self.langs = frozenset(codes)
        self.candidates = self.langs if self.langs is not None else (supported or None)
        self.backend_name = backend
        self.threshold = threshold
        self.seed = seed
        self.min_letters = min_letters
        self.max_chars = max_chars
        self._backend: Backend | None = None

    @property
    def backend(self) -> Backend:
        """The backend, created (and its models loaded) on first use."""
        if self._backend is None:
            self._backend = create_backend(self.backend_name,
                                           sorted(self.langs) if self.langs else None)
        return self._backend

    def detect(self, text: str) -> Detection:
        """The language of ``text`` (a sample of it when long), or ``und`` with a reason."""
        if not text or not text.strip():
            return Detection(UNDETERMINED, 0.0, "empty")
        if len(text) > 2 * QUICK_CHARS and self.max_chars > 2 * QUICK_CHARS:
            quick = self._detect_sample(sample(text, QUICK_CHARS, windows=3))
            if quick.lang != UNDETERMINED and quick.confidence >= QUICK_ACCEPT:
                return quick
        return self._detect_sample(sample(text, self.max_chars))

    def _detect_sample(self, text: str) -> Detection:
        cleaned = clean(text)
        if cleaned.letters < self.min_letters:
            if cleaned.removed > cleaned.letters:
                return Detection(UNDETERMINED, 0.0, "mostly numbers, URLs or handles")
            if cleaned.furniture:
                return Detection(UNDETERMINED, 0.0, "only page furniture (share, comments...)")
            return Detection(UNDETERMINED, 0.0, "too short")
        if cleaned.removed > 3 * cleaned.letters and cleaned.letters < 40:
            return Detection(UNDETERMINED, 0.0, "mostly numbers, URLs or handles")
        candidates = self.candidates
        if candidates is not None:
            candidates = script_candidates(cleaned.text, candidates)
            if not candidates:
                return Detection(UNDETERMINED, 0.0, "written in a script none of the "
                                 "candidate languages uses")
        probabilities = self.backend.probabilities(cleaned.text, candidates)
        if not probabilities:
            return Detection(UNDETERMINED, 0.0, "no known letter sequences")
        lang = max(sorted(probabilities), key=lambda k: probabilities[k])
        confidence = round(probabilities[lang], 4)
        if confidence < self.threshold:
            return Detection(UNDETERMINED, confidence,
                             f"low confidence (best guess {lang} {confidence:.2f})")
        return Detection(lang, confidence)

    def segments(self, text: str) -> list[Segment]:
        """Runs of one language covering ``text``: paragraphs, short ones following neighbours.

        A paragraph leaves the document's language only when it is long enough and detected
        with at least ``threshold`` confidence; adjacent paragraphs of one language merge.
        """
        if not text:
            return []
        whole = self.detect(text)
        spans = paragraphs(text)
        langs: list[str | None] = []
        confs: list[float] = []
        weights: list[int] = []
        for start, end in spans:
            found = self.detect(text[start:end])
            letters = sum(1 for ch in text[start:end] if ch.isalpha())
            sure = found.lang != UNDETERMINED and letters >= SEGMENT_MIN_LETTERS
            langs.append(found.lang if sure else None)
            confs.append(found.confidence)
            weights.append(letters if sure else 0)
        _fill(langs, whole.lang)
        runs: list[Segment] = []
        total = 0.0
        weight = 0
        for i, (start, _end) in enumerate(spans):
            lang = langs[i] or UNDETERMINED
            if runs and runs[-1].lang == lang:
                run = runs.pop()
            else:
                run = Segment(0 if not runs else start, start, lang, 0.0)
                total, weight = 0.0, 0
            total += confs[i] * weights[i]
            weight += weights[i]
            conf = round(total / weight, 4) if weight else whole.confidence
            runs.append(Segment(run.start, run.end, lang, conf))
        fixed = []
        for i, run in enumerate(runs):
            end = runs[i + 1].start if i + 1 < len(runs) else len(text)
            fixed.append(Segment(run.start, end, run.lang, run.confidence))
        return fixed

    def detect_document(self, doc: Document) -> Document:
        """Set ``doc.language``/``doc.confidence`` (and the reason for ``und``); text untouched."""
        found = self.detect(doc.text)
        doc.language = found.lang
        doc.confidence = found.confidence
        if found.reason:
            doc.metadata["language_reason"] = found.reason
        return doc


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks between blank lines, else lines."""
    breaker = PARAGRAPH_BREAK if PARAGRAPH_BREAK.search(text) else LINE_BREAK
    spans = []
    start = 0
    for match in breaker.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip() or not spans:
        spans.append((start, len(text)))
    return spans


def _fill(langs: list[str | None], default: str) -> None:
    """Give undecided paragraphs the language of the previous decided one (else the next)."""
    last: str | None = None
    for i, lang in enumerate(langs):
        if lang is None:
            langs[i] = last
        else:
            last = lang
    nxt: str | None = None
    for i in range(len(langs) - 1, -1, -1):
        if langs[i] is None:
            langs[i] = nxt if nxt is not None else default
        else:
            nxt = langs[i]
