"""Public entry point of the detection stage (the implementation is normalizer/detection/).

Contract: ``from normalizer.detect import LanguageDetector, Detection, Segment``.
"""

from normalizer.detection import (
    DEFAULT_THRESHOLD,
    UNDETERMINED,
    Detection,
    LanguageDetector,
    Segment,
    available_backends,
)

__all__ = ["DEFAULT_THRESHOLD", "UNDETERMINED", "Detection", "LanguageDetector", "Segment",
           "available_backends"]
