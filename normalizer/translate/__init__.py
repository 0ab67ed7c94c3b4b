"""Offline translation: engines (Argos via CTranslate2, Apertium), model management, name
protection and a persistent cache, behind the ``Translator`` facade.

Contract: importing this package loads no engine and no model; ``Translator`` is the API.
"""

from __future__ import annotations

from normalizer.translate.translator import TranslationResult, Translator

__all__ = ["TranslationResult", "Translator"]
