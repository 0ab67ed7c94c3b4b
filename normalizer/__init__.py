"""normalizer: clean, English, consistently spelled news text, with an audit trail.

Heavy engines (translation models) are imported lazily: importing this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = ["Document", "Change", "NormalizerError", "Pipeline", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from normalizer.document import Change, Document
    from normalizer.errors import NormalizerError
    from normalizer.pipeline import Pipeline


def __getattr__(name: str) -> Any:
    """Lazy exports so ``import normalizer`` stays fast."""
    if name in ("Document", "Change"):
        from normalizer import document

        return getattr(document, name)
    if name == "NormalizerError":
        from normalizer.errors import NormalizerError

        return NormalizerError
    if name == "Pipeline":
        from normalizer.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
