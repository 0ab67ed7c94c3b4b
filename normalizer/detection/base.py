"""Results and the backend interface of the detection stage.

Contract: ``Detection`` and ``Segment`` are what callers get; a ``Backend`` turns cleaned text
into a probability per candidate language (ISO 639-1) and must be deterministic, offline and
thread-safe. Backends other than langdetect are optional and imported only when asked for.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

UNDETERMINED = "und"


@dataclass(frozen=True)
class Detection:
    """A language (ISO 639-1, or ``und``), a confidence in [0, 1], and why ``und`` if it is."""

    lang: str
    confidence: float
    reason: str | None = None


@dataclass(frozen=True)
class Segment:
    """A run of one language: ``text[start:end]``; a document's segments cover all of it."""

    start: int
    end: int
    lang: str
    confidence: float


class Backend(ABC):
    """One language identifier; ``langs`` restricts it to those candidates (None: all)."""

    name: str = ""

    @classmethod
    @abstractmethod
    def supported(cls) -> frozenset[str]:
        """The ISO 639-1 codes this backend can answer."""

    @abstractmethod
    def probabilities(self, text: str, candidates: frozenset[str] | None = None
                      ) -> dict[str, float]:
        """Probability per candidate language for ``text`` (already cleaned); may be empty."""
