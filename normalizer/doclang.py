"""Which language's glossary spellings apply to a document, outside the full pipeline.

Contract: ``--lang`` wins; then the document's own language (a JSONL record's ``lang`` or
``language`` field, or one set by an earlier stage); then the detector, loaded on first use
and only when a document needs it. An undetermined language gives ``None``: only spellings
valid in any language apply (French-only spellings and French translated names never touch
text the tool cannot place).
"""

from __future__ import annotations

from typing import Any

from normalizer.document import Document


class DocumentLanguage:
    """Callable: ``language(doc)`` -> ISO 639-1 code or None."""

    def __init__(self, forced: str | None = None, *, detect: bool = True):
        self.forced = forced
        self.detect = detect
        self._detector: Any = None

    def __call__(self, doc: Document) -> str | None:
        if self.forced:
            return self.forced
        fields = doc.metadata.get("fields", {})
        own = doc.language or fields.get("lang") or fields.get("language")
        if isinstance(own, str) and own.strip():
            return own.strip().lower()
        if not self.detect:
            return None
        from normalizer.detect import UNDETERMINED, LanguageDetector

        if self._detector is None:
            self._detector = LanguageDetector()
        found = self._detector.detect(doc.text)
        return None if found.lang == UNDETERMINED else found.lang
