"""Optional backend: lingua-language-detector (high-accuracy mode), offline.

Contract: built once per language set and process; all 75 languages need ~1.2 GB and ~10 s
to load, so pass ``langs`` when you can. Probabilities are lingua's confidence values.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from normalizer.detection.base import Backend

_DETECTORS: dict[tuple[str, ...] | None, object] = {}
_LOCK = threading.Lock()


def _iso(language: object) -> str:
    return language.iso_code_639_1.name.lower()  # type: ignore[attr-defined]


class LinguaBackend(Backend):
    name = "lingua"

    def __init__(self, langs: Sequence[str] | None = None):
        self.langs = tuple(sorted(set(langs))) if langs else None

    @classmethod
    def supported(cls) -> frozenset[str]:
        from lingua import Language

        return frozenset(_iso(language) for language in Language.all())

    def _detector(self):  # noqa: ANN202 - lingua's type
        from lingua import IsoCode639_1, LanguageDetectorBuilder

        with _LOCK:
            detector = _DETECTORS.get(self.langs)
            if detector is None:
                if self.langs is None:
                    builder = LanguageDetectorBuilder.from_all_languages()
                else:
                    codes = [getattr(IsoCode639_1, code.upper()) for code in self.langs]
                    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
                detector = _DETECTORS[self.langs] = builder.build()
        return detector

    def probabilities(self, text: str, candidates: frozenset[str] | None = None
                      ) -> dict[str, float]:
        values = {_iso(v.language): v.value
                  for v in self._detector().compute_language_confidence_values(text)}
        if candidates is not None:
            values = {k: v for k, v in values.items() if k in candidates}
        total = sum(values.values())
        return {k: v / total for k, v in values.items()} if total > 0 else {}
