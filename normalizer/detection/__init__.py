"""Language detection: ``LanguageDetector(langs=..., backend=...)`` -> ``Detection``/``Segment``.

Contract: see normalizer/detection/detector.py; backends are listed in registry.py and loaded
lazily. Importing this package is cheap (no model is read until the first detection).
"""

from normalizer.detection.base import UNDETERMINED, Backend, Detection, Segment
from normalizer.detection.detector import DEFAULT_THRESHOLD, LanguageDetector
from normalizer.detection.registry import available_backends

__all__ = ["UNDETERMINED", "Backend", "DEFAULT_THRESHOLD", "Detection", "LanguageDetector",
           "Segment", "available_backends"]
