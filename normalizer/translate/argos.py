"""The Argos Translate engine, run with CTranslate2 + SentencePiece directly.

Contract: models are argostranslate's installed packages (see ``packages``), so models from
``argospm`` or LibreTranslate are used as they are; a pair without a model is routed through
English. All segments of a batch (across documents) go to CTranslate2 in one
``translate_batch`` call, which sorts them by length and rebatches; decoding settings mirror
argostranslate (length penalty 0.2, unknowns replaced, target prefix honoured) with a
configurable beam size (default 4, argostranslate's) and thread count. Nothing is downloaded:
sentences are split by ``sentences``, never by a splitter that fetches models. ``ctranslate2``
and ``sentencepiece`` are imported only when a translation runs; torch and argostranslate never.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from normalizer.errors import EngineError
from normalizer.translate.base import Engine, install_hint
from normalizer.translate.packages import ArgosPackage, installed_packages

DEFAULT_BEAM = 4


class _Loaded:
    """A package's CTranslate2 translator and SentencePiece processor."""

    def __init__(self, pkg: ArgosPackage, threads: int):
        try:
            import ctranslate2
            import sentencepiece
        except ImportError:
            raise EngineError("the argos engine needs ctranslate2 and sentencepiece; install "
                              "them with `pip install 'newsnorm[argos]'`") from None
        self.pkg = pkg
        try:
            self.translator = ctranslate2.Translator(str(pkg.model_dir), device="cpu",
                                                     inter_threads=1, intra_threads=threads,
                                                     compute_type="auto")
            self.sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg.sp_model))
        except (RuntimeError, OSError, ValueError) as exc:
            raise EngineError(f"cannot load Argos model {pkg.code} at {pkg.path}: {exc}; "
                              f"reinstall it with `newsnorm models install {pkg.from_code} "
                              f"{pkg.to_code}`") from None


class ArgosEngine(Engine):
    """Neural translation with installed Argos packages."""

    name = "argos"
    # XENT<L>X tokens with L in A..J are the ones the test fixture was trained to copy;
    # real Argos models copy such rare capitalized tokens (unlike "__E0__", whose underscores
    # become spaces in argostranslate's decoder).
    placeholder_letters = "ABCDEFGHIJ"

    def __init__(self, packages_dir: str | os.PathLike[str] | None = None,
                 beam_size: int | None = None, threads: int | None = None,
                 max_batch_size: int = 64, max_decoding_length: int = 256, **_: Any):
        self.packages_dir = Path(packages_dir) if packages_dir else None
        self.beam_size = beam_size or int(os.environ.get("ARGOS_BEAM_SIZE", DEFAULT_BEAM))
        self.threads = threads if threads is not None else int(
            os.environ.get("ARGOS_INTRA_THREADS", "0"))
        self.max_batch_size = max_batch_size
        self.max_decoding_length = max_decoding_length
        self._packages: dict[tuple[str, str], ArgosPackage] | None = None
        self._loaded: dict[tuple[str, str], _Loaded] = {}

    def packages(self) -> dict[tuple[str, str], ArgosPackage]:
        if self._packages is None:
            self._packages = {}
            for pkg in installed_packages(self.packages_dir):
                self._packages[(pkg.from_code, pkg.to_code)] = pkg  # newest version wins
        return self._packages

    def pairs(self) -> set[tuple[str, str]]:
        return set(self.packages())

    def version(self, src: str, tgt: str) -> str:
        route = self.route(src, tgt) or []
        return "argos:" + "|".join(self.packages()[hop].version_key for hop in route)

    def _load(self, hop: tuple[str, str]) -> _Loaded:
        if hop not in self._loaded:
            self._loaded[hop] = _Loaded(self.packages()[hop], self.threads)
        return self._loaded[hop]

    def _translate(self, segments: list[str], route: list[tuple[str, str]]) -> list[str]:
        texts = segments
        for hop in route:
            texts = self.translate_hop(texts, hop)
        return texts

    def translate_hop(self, texts: list[str], hop: tuple[str, str]) -> list[str]:
        """One model, all texts in one CTranslate2 call (it sorts and rebatches by length)."""
        if hop not in self.packages():
            raise EngineError(f"no Argos model for {hop[0]} -> {hop[1]}; "
                              + install_hint("argos", *hop))
        model = self._load(hop)
        prefix = model.pkg.target_prefix
        tokens = model.sp.encode(texts, out_type=str)
        results = model.translator.translate_batch(
            tokens, target_prefix=[[prefix]] * len(tokens) if prefix else None,
            replace_unknowns=True, max_batch_size=self.max_batch_size, batch_type="examples",
            beam_size=self.beam_size, num_hypotheses=1, length_penalty=0.2,
            max_decoding_length=self.max_decoding_length)
        out = []
        for res in results:
            value = model.sp.decode_pieces(res.hypotheses[0]).replace("\u2581", " ")
            if prefix and value.startswith(prefix):
                value = value[len(prefix):]
            out.append(value.strip())
        return out

    def close(self) -> None:
        self._loaded.clear()
