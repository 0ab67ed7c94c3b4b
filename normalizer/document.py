"""The record every pipeline stage reads and returns.

Contract: ``original`` is the text exactly as read and never changes; ``text`` is the current
text that each stage replaces; ``changes`` accumulates what canonicalization did, with offsets
into the text it was applied to. Stages return new documents or update ``text``/``metadata``;
they never mutate other fields of a document they did not create.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Change:
    """One replacement made by the canonicalizer.

    ``start``/``end`` index the input text, ``out_start``/``out_end`` the output text.
    ``rule`` is how the mention was recognised: ``exact`` (a listed spelling, same bytes),
    ``folded`` (a listed spelling up to case, diacritics and typography), ``generated``
    (an unlisted romanization variant), ``translated`` (a name in the document language's
    words: French "Ligue arabe"), ``alias`` (a shipped known alias: "Hemedti", "Abu Mazen"),
    ``short`` (a short form after a full mention),
    ``acronym`` (the initials of a name named in full earlier: "HTS", "MBS") or ``document``
    (a person named in full earlier, respelled: "Kaftancigolu" after "Canan Kaftancioglu").
    """

    start: int
    end: int
    out_start: int
    out_end: int
    original: str
    canonical: str
    entry_id: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    """A news document as it moves through read -> detect -> translate -> canonicalize -> write."""

    id: str
    text: str
    source: str = "<text>"
    line: int | None = None
    original: str | None = None
    language: str | None = None
    confidence: float | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def __post_init__(self) -> None:
        if self.original is None:
            self.original = self.text

    @property
    def location(self) -> str:
        """``source`` or ``source:line`` for messages."""
        return self.source if self.line is None else f"{self.source}:{self.line}"

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready summary (used by records.jsonl and ``--changes``)."""
        return {
            "id": self.id,
            "source": self.location,
            "language": self.language,
            "confidence": self.confidence,
            "changes": [c.to_dict() for c in self.changes],
            "warnings": list(self.warnings),
            "metadata": self.metadata,
            "error": self.error,
        }
