"""langdetect's language model, scored exactly and deterministically.

Contract: uses langdetect's own profiles (character 1-3-gram frequencies of 55 languages) and
its own feature extraction (character normalization, capital-word skipping), but replaces its
Monte-Carlo inference (7 random trials that sample n-grams until one language passes 0.99999)
with the exact naive-Bayes sum over every n-gram. Same model, no randomness: the answer does not
depend on a seed, on call order or on the process, and short texts stop flipping between runs.
Profiles are read lazily, once per process and per language set, sorted by name so the language
order (and tie-breaking) never depends on the file system.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache

from normalizer.detection.base import Backend
from normalizer.detection.lexicon import lexicon
from normalizer.errors import EngineError

#: langdetect smooths every n-gram probability by ``alpha / BASE_FREQ`` (0.5 / 10000).
SMOOTHING = 0.5 / 10000
#: Profile names that are not ISO 639-1 codes.
PROFILE_TO_ISO = {"zh-cn": "zh", "zh-tw": "zh"}
#: Every character is counted in up to three n-grams: their log-likelihood is divided by this
#: before it is added to the word evidence (tuned on the first half of the Tatoeba sentences).
CHAR_TEMPERATURE = 3.0
#: Weight of the word-frequency evidence (normalizer/detection/lexicon.py).
WORD_WEIGHT = 2.0
#: Naive Bayes posteriors are far too sure; dividing the combined score by this makes the
#: confidence track accuracy (calibrated on the first half of the Tatoeba sentences).
TEMPERATURE = 2.0


def _profiles_dir() -> str:
    try:
        import langdetect
    except ImportError:  # pragma: no cover - a runtime dependency
        raise EngineError("langdetect is not installed; run: pip install langdetect") from None
    return os.path.join(os.path.dirname(langdetect.__file__), "profiles")


@lru_cache(maxsize=1)
def profile_names() -> tuple[str, ...]:
    """Every profile langdetect ships (``zh-cn``, ``zh-tw`` kept apart), sorted."""
    return tuple(sorted(n for n in os.listdir(_profiles_dir()) if not n.startswith(".")))


class _Normalizer(dict):
    """``str.translate`` table filled on demand with langdetect's per-character normalization."""

    def __missing__(self, key: int) -> str:
        from langdetect.utils.ngram import NGram

        value = self[key] = NGram.normalize(chr(key))
        return value


_NORMALIZE = _Normalizer()


def features(text: str) -> list[str]:
    """langdetect's n-grams of ``text`` (1-3 characters, words padded with spaces).

    Mirrors ``langdetect.detector``: Vietnamese marks composed, characters normalized, Latin
    letters dropped when another script dominates, no n-gram ending inside an all-capitals run.
    """
    from langdetect.utils.ngram import NGram

    text = NGram.normalize_vi(text).translate(_NORMALIZE)
    latin = sum(1 for ch in text if "A" <= ch <= "z")
    if latin and latin * 2 < sum(1 for ch in text if ch >= "\u0300" and not ch.isspace()):
        text = "".join(" " if "A" <= ch <= "z" else ch for ch in text)
    grams: list[str] = []
    append = grams.append
    for word in text.split():
        padded = f" {word} "
        previous_upper = False
        for i in range(1, len(padded)):
            ch = padded[i]
            upper = ch.isupper()
            if upper and previous_upper:
                continue
            previous_upper = upper
            if ch != " ":
                append(ch)
            append(padded[i - 1:i + 1])
            if i >= 2:
                append(padded[i - 2:i + 1])
    return grams


class _Model:
    """The profiles of some languages: n-gram -> probability per language, log rows cached."""

    def __init__(self, names: Sequence[str]):
        self.names = tuple(names)
        size = len(self.names)
        self.probs: dict[str, list[float]] = {}
        folder = _profiles_dir()
        for index, name in enumerate(self.names):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                profile = json.load(handle)
            n_words = profile["n_words"]
            for gram, freq in profile["freq"].items():
                if not 1 <= len(gram) <= 3:
                    continue
                row = self.probs.get(gram)
                if row is None:
                    row = self.probs[gram] = [0.0] * size
                row[index] = freq / n_words[len(gram) - 1]
        self._logs: dict[tuple[int, ...], dict[str, tuple[float, ...]]] = {}
        self._lock = threading.Lock()

    def log_likelihoods(self, grams: Iterable[str], columns: tuple[int, ...]
                        ) -> tuple[list[float], int]:
        """Sum of log-probabilities over the known n-grams for the languages at ``columns``.

        Rows of logs are cached per column set, so a restricted candidate set costs less.
        """
        cache = self._logs.get(columns)
        if cache is None:
            with self._lock:
                cache = self._logs.setdefault(columns, {})
        probs = self.probs
        rows = []
        for gram in grams:
            row = cache.get(gram)
            if row is None:
                found = probs.get(gram)
                if found is None:
                    continue
                row = cache[gram] = tuple(math.log(found[i] + SMOOTHING) for i in columns)
            rows.append(row)
        if not rows:
            return [0.0] * len(columns), 0
        return [sum(column) for column in zip(*rows, strict=True)], len(rows)


_MODELS: dict[tuple[str, ...], _Model] = {}
_MODELS_LOCK = threading.Lock()


def load_model(names: Sequence[str]) -> _Model:
    """The model for these profiles, read once per process."""
    key = tuple(sorted(set(names)))
    with _MODELS_LOCK:
        model = _MODELS.get(key)
        if model is None:
            model = _MODELS[key] = _Model(key)
    return model


def softmax(scores: dict[str, float], temperature: float) -> dict[str, float]:
    """Posterior probabilities from log-likelihoods, flattened by ``temperature``."""
    top = max(scores.values())
    weights = {k: math.exp((v - top) / temperature) for k, v in scores.items()}
    total = sum(weights.values())
    return {k: w / total for k, w in weights.items()}


class LangdetectBackend(Backend):
    """Exact naive-Bayes scoring with langdetect's profiles (the default backend)."""

    name = "langdetect"

    def __init__(self, langs: Sequence[str] | None = None):
        available = profile_names()
        if langs is None:
            self.profiles = available
        else:
            wanted = set(langs)
            self.profiles = tuple(n for n in available
                                  if PROFILE_TO_ISO.get(n, n) in wanted)
        self._model: _Model | None = None

    @classmethod
    def supported(cls) -> frozenset[str]:
        return frozenset(PROFILE_TO_ISO.get(n, n) for n in profile_names())

    @property
    def model(self) -> _Model:
        if self._model is None:
            self._model = load_model(self.profiles)
        return self._model

    def char_scores(self, text: str, candidates: frozenset[str] | None = None
                    ) -> tuple[dict[str, float], int]:
        """Per-language n-gram log-likelihood (best profile per ISO code) and the n-grams."""
        model = self.model
        columns = tuple(i for i, name in enumerate(model.names)
                        if candidates is None or PROFILE_TO_ISO.get(name, name) in candidates)
        sums, count = model.log_likelihoods(features(text), columns)
        scores: dict[str, float] = {}
        for index, value in zip(columns, sums, strict=True):
            name = model.names[index]
            code = PROFILE_TO_ISO.get(name, name)
            if code not in scores or value > scores[code]:
                scores[code] = value
        return scores, count

    def log_scores(self, text: str, candidates: frozenset[str] | None = None
                   ) -> tuple[dict[str, float], int]:
        """Combined score per language (n-grams plus words) and the n-gram count."""
        chars, count = self.char_scores(text, candidates)
        if not count:
            return {}, 0
        words, _ = lexicon().log_scores(text, sorted(chars))
        return {lang: value / CHAR_TEMPERATURE + WORD_WEIGHT * words[lang]
                for lang, value in chars.items()}, count

    def probabilities(self, text: str, candidates: frozenset[str] | None = None
                      ) -> dict[str, float]:
        scores, count = self.log_scores(text, candidates)
        return softmax(scores, TEMPERATURE) if count else {}
