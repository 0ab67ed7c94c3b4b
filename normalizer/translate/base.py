"""The engine interface and a lazy registry of engines.

Contract: an ``Engine`` translates a list of plain-text segments (sentences, no line breaks)
from one language to another, possibly through pivot languages, and returns one string per
segment, in order. ``route`` says whether (and through which languages) it serves a pair
without loading any model; ``version`` identifies the models it would use (for the cache).
Engines are imported only when asked for (``get_engine``), so choosing ``apertium`` never
imports CTranslate2. ``placeholder_letters`` are the letters L such that ``XENT<L>X`` is known
to pass through the engine unchanged.
"""

from __future__ import annotations

import importlib
from collections import deque

from normalizer.errors import EngineError, UsageError

ENGINES = {
    "argos": ("normalizer.translate.argos", "ArgosEngine"),
    "apertium": ("normalizer.translate.apertium", "ApertiumEngine"),
}
ENGINE_CHOICES = ("auto", "argos", "apertium", "none")

# ISO 639-2/3 codes some engines use, mapped to the ISO 639-1 codes used everywhere else.
LANG3 = {"eng": "en", "spa": "es", "fra": "fr", "fre": "fr", "cat": "ca", "por": "pt",
         "ita": "it", "deu": "de", "ger": "de", "ara": "ar", "fas": "fa", "per": "fa",
         "rus": "ru", "tur": "tr", "glg": "gl", "oci": "oc", "nld": "nl", "eus": "eu",
         "ron": "ro", "pol": "pl", "ukr": "uk", "swe": "sv", "dan": "da", "nob": "nb",
         "nno": "nn", "heb": "he", "urd": "ur", "hin": "hi", "zho": "zh", "jpn": "ja",
         "kor": "ko", "ell": "el", "bul": "bg", "ces": "cs", "hrv": "hr", "srp": "sr",
         "slv": "sl", "slk": "sk", "hun": "hu", "fin": "fi", "est": "et", "lav": "lv",
         "lit": "lt", "isl": "is", "gle": "ga", "cym": "cy", "bre": "br", "arg": "an",
         "ast": "ast", "epo": "eo", "mlt": "mt", "ind": "id", "msa": "ms", "kaz": "kk",
         "tat": "tt", "kir": "ky", "uzb": "uz", "aze": "az", "sqi": "sq", "mkd": "mk",
         "bel": "be"}


def norm_lang(code: str) -> str:
    """``eng`` -> ``en``; two-letter codes unchanged; lower case."""
    code = code.strip().lower()
    return LANG3.get(code, code)


class Engine:
    """Base class; subclasses set ``name`` and implement ``pairs``/``version``/``_translate``."""

    name = ""
    placeholder_letters = "ABCDEFGHIJ"
    max_hops = 2

    def pairs(self) -> set[tuple[str, str]]:
        """Direct (from, to) pairs available without any download."""
        raise NotImplementedError

    def route(self, src: str, tgt: str) -> list[tuple[str, str]] | None:
        """Hops from ``src`` to ``tgt`` (shortest, English pivot preferred), or ``None``."""
        pairs = self.pairs()
        if (src, tgt) in pairs:
            return [(src, tgt)]
        if (src, "en") in pairs and ("en", tgt) in pairs:
            return [(src, "en"), ("en", tgt)]
        graph: dict[str, list[str]] = {}
        for a, b in sorted(pairs):
            graph.setdefault(a, []).append(b)
        queue: deque[list[str]] = deque([[src]])
        seen = {src}
        while queue:
            path = queue.popleft()
            if len(path) > self.max_hops:
                continue
            for nxt in graph.get(path[-1], []):
                if nxt == tgt:
                    full = path + [nxt]
                    return list(zip(full, full[1:], strict=False))
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(path + [nxt])
        return None

    def version(self, src: str, tgt: str) -> str:
        """Identifies the models used for ``src -> tgt`` (changes when a model changes)."""
        raise NotImplementedError

    def translate(self, segments: list[str], src: str, tgt: str) -> list[str]:
        """One translation per segment, through pivots when needed."""
        route = self.route(src, tgt)
        if route is None:
            raise EngineError(f"{self.name}: no translation from {src} to {tgt}; "
                              + install_hint(self.name, src, tgt))
        if not segments:
            return []
        return self._translate(segments, route)

    def _translate(self, segments: list[str], route: list[tuple[str, str]]) -> list[str]:
        raise NotImplementedError

    def close(self) -> None:
        """Release subprocesses and models."""


def install_hint(name: str, src: str, tgt: str) -> str:
    """How to install what serves ``src -> tgt`` with engine ``name``."""
    if name == "argos":
        if "en" in (src, tgt):
            return f"install a model with `newsnorm models install {src} {tgt}`"
        return (f"install models with `newsnorm models install {src} en` and "
                f"`newsnorm models install en {tgt}` (pivot through English)")
    if src == "fr" and tgt == "en":
        pkgs = "apertium apertium-fr-es apertium-eng-spa"
    else:
        pkgs = f"apertium and the pair package (see `apt-cache search apertium-{src}`)"
    return f"install Apertium with `sudo apt-get install {pkgs}`"


def get_engine(name: str, **options: object) -> Engine:
    """Instantiate engine ``name`` (imports its module only now)."""
    if name not in ENGINES:
        raise UsageError(f"unknown engine {name!r}; choose one of {', '.join(ENGINE_CHOICES)}")
    module, cls = ENGINES[name]
    return getattr(importlib.import_module(module), cls)(**options)
