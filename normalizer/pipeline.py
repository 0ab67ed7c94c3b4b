"""The Python API: ``Pipeline`` runs read text through clean -> detect -> translate ->
canonicalize and returns ``Document`` objects.

Contract:
- ``Pipeline(glossaries=[...], target="en", engine="auto").process("text")`` returns a
  ``Document``; ``process_many(iterable)`` streams documents back in input order, working on
  batches of ``batch_size`` documents (translation is batched across the documents of a batch).
  The CLI (``newsnorm run``) and the worker processes of ``normalizer.batch`` use exactly this.
- Stages: ``clean`` (``normalizer.clean``), ``detect`` (``normalizer.detection``), ``translate``
  (``normalizer.translate``; only documents whose language is neither the target nor ``und``),
  ``canonicalize`` (in the target language when translated, else the detected one). Each can be
  switched off; detection and translation modules are imported on first use only.
- A document already carrying ``error`` passes through untouched. A stage that fails on one
  document (a ``NormalizerError``, or any bug) sets that document's ``error`` to
  ``source[:line]: <stage>: <what>`` and the others go on.
- Results are deterministic for a given input, options and batch composition; batches are cut
  by position (every ``batch_size`` documents), so how many processes run does not matter.
- What each document went through is in ``metadata``: ``clean``, ``header``, ``detection``,
  ``translation`` (translated, engine, model, from), ``timings`` (ms per stage). A translated
  document also has ``source_text`` (the cleaned text that was translated) and ``protected``
  (the names carried through translation, as dicts: ``start``/``end`` into ``source_text``,
  ``out_start``/``out_end`` into the document's final ``text``; canonicalization shifts them
  along with the text, see ``map_protected``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from normalizer import __version__
from normalizer.document import Change, Document
from normalizer.errors import EngineError, NormalizerError, UsageError
from normalizer.records import build_record

ENGINES = ("auto", "argos", "apertium", "none")
UNDETERMINED = "und"


@dataclass(frozen=True)
class PipelineConfig:
    """Everything needed to rebuild the same pipeline in another process (picklable)."""

    glossaries: tuple[str, ...] = ()
    target: str = "en"
    engine: str = "auto"
    langs: tuple[str, ...] | None = None
    lang: str | None = None
    clean: bool = True
    detect: bool = True
    translate: bool = True
    canonicalize: bool = True
    furniture: str | None = None
    batch_size: int = 16
    threads: int | None = None  # translation engine threads (None: the engine's default)
    known_aliases: bool = False  # add the shipped known aliases (normalizer.glossary.known)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["glossaries"] = list(self.glossaries)
        data["langs"] = None if self.langs is None else list(self.langs)
        return data


class Pipeline:
    """Glossaries, detector and translator are loaded once; then documents stream through."""

    def __init__(self, glossaries: Iterable[str] = (), target: str = "en", engine: str = "auto",
                 *, langs: Iterable[str] | None = None, lang: str | None = None,
                 clean: bool = True, detect: bool = True, translate: bool = True,
                 canonicalize: bool = True, furniture: str | None = None,
                 batch_size: int = 16, glossary: Any = None, known_aliases: bool = False):
        if isinstance(glossaries, str):
            glossaries = [glossaries]
        if engine not in ENGINES:
            raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
        if batch_size < 1:
            raise UsageError("batch_size must be at least 1")
        self.config = PipelineConfig(
            glossaries=tuple(str(g) for g in glossaries), target=target, engine=engine,
            langs=None if langs is None else tuple(langs), lang=lang, clean=clean,
            detect=detect, translate=translate, canonicalize=canonicalize,
            furniture=None if furniture is None else str(furniture), batch_size=batch_size,
            known_aliases=known_aliases)
        self._setup(glossary)

    @classmethod
    def from_config(cls, config: PipelineConfig) -> Pipeline:
        self = cls.__new__(cls)
        self.config = config
        self._setup(None)
        return self

    def _setup(self, glossary: Any) -> None:
        from normalizer.canonicalize import Canonicalizer
        from normalizer.clean import Cleaner
        from normalizer.glossary.known import with_known_aliases

        cfg = self.config
        if glossary is None and cfg.glossaries:
            from normalizer.glossary import load_glossaries

            glossary = load_glossaries(cfg.glossaries)
        if glossary is not None and cfg.known_aliases:
            glossary = with_known_aliases(glossary)  # protected, canonicalized and signed alike
        self.glossary = glossary
        self.cleaner = Cleaner(furniture_file=cfg.furniture) if cfg.clean else None
        self.canonicalizer = (Canonicalizer(glossary, known_aliases=False)
                              if cfg.canonicalize and glossary is not None else None)
        self._detector: Any = None
        self._translator: Any = None
        self._counter = 0

    # -- public API -------------------------------------------------------------------------
    @property
    def signature(self) -> dict[str, Any]:
        """What produces the results: enough to reproduce them."""
        cfg = self.config
        stages = [name for name, on in (("clean", self.cleaner is not None),
                                        ("detect", cfg.detect and cfg.lang is None),
                                        ("translate", cfg.translate and cfg.engine != "none"),
                                        ("canonicalize", self.canonicalizer is not None)) if on]
        return {"tool": f"newsnorm {__version__}",
                "glossary": getattr(self.glossary, "digest", None) or None,
                "target": cfg.target, "engine": cfg.engine if "translate" in stages else "none",
                "model": None, "stages": stages}

    def process(self, item: str | Document, *, id: str | None = None,
                lang: str | None = None) -> Document:
        """One text (or ``Document``) through every stage."""
        return self.process_batch([self._document(item, id, lang)])[0]

    def process_many(self, items: Iterable[str | Document]) -> Iterator[Document]:
        """Documents in input order; works ``batch_size`` at a time, so memory stays bounded."""
        batch: list[Document] = []
        for item in items:
            batch.append(self._document(item, None, None))
            if len(batch) >= self.config.batch_size:
                yield from self.process_batch(batch)
                batch = []
        if batch:
            yield from self.process_batch(batch)

    def record(self, doc: Document) -> dict[str, Any]:
        """The ``records.jsonl`` record of a processed document."""
        return build_record(doc, self.signature)

    def process_batch(self, docs: list[Document]) -> list[Document]:
        """Every stage over a batch; failures are per document."""
        for doc in docs:
            doc.metadata.setdefault("timings", {})
        live = [d for d in docs if not d.error]
        if self.cleaner is not None:
            self._each(live, "clean", self.cleaner.clean_document)
        live = [d for d in live if not d.error]
        self._each(live, "detect", self._detect_one)
        live = [d for d in live if not d.error]
        self._translate(live)
        live = [d for d in live if not d.error]
        if self.canonicalizer is not None:
            self._each(live, "canonicalize", self._canonicalize_one)
        return docs

    # -- stages -----------------------------------------------------------------------------
    def _document(self, item: str | Document, doc_id: str | None,
                  lang: str | None) -> Document:
        if isinstance(item, Document):
            doc = item
        elif isinstance(item, str):
            self._counter += 1
            doc = Document(id=doc_id or f"doc-{self._counter}", text=item)
        else:
            raise UsageError(f"Pipeline takes str or Document, not {type(item).__name__}")
        if lang is not None:
            doc.metadata["lang"] = lang
        return doc

    def _each(self, docs: list[Document], stage: str, step: Any) -> None:
        for doc in docs:
            start = time.perf_counter()
            try:
                step(doc)
            except NormalizerError as exc:
                doc.error = f"{doc.location}: {stage}: {exc.message}"
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
                doc.error = f"{doc.location}: {stage}: internal error {type(exc).__name__}: {exc}"
            doc.metadata["timings"][stage] = (time.perf_counter() - start) * 1000

    def _detect_one(self, doc: Document) -> None:
        forced = doc.metadata.get("lang") or self.config.lang
        if forced:
            doc.language, doc.confidence = forced, 1.0
            doc.metadata["detection"] = {"by": "user", "reason": None}
            return
        if not self.config.detect:
            doc.metadata["detection"] = {"by": None, "reason": "detection off"}
            return
        found = self.detector.detect(doc.text)
        doc.language, doc.confidence = found.lang, float(found.confidence)
        doc.metadata["detection"] = {"by": "detector", "reason": found.reason}

    @property
    def detector(self) -> Any:
        if self._detector is None:
            self._detector = _load_detector(self.config.langs)
        return self._detector

    @property
    def translator(self) -> Any:
        if self._translator is None:
            self._translator = _load_translator(self.config.target, self.config.engine,
                                                self.glossary, self.config.threads)
        return self._translator

    def _needs_translation(self, doc: Document) -> bool:
        lang = doc.language
        info: dict[str, Any] = {"translated": False, "engine": None, "model": None,
                                "from": lang}
        doc.metadata["translation"] = info
        if not self.config.translate or lang is None or lang == self.config.target:
            return False
        if lang == UNDETERMINED:
            doc.warnings.append("language undetermined: left as it is, not translated")
            return False
        if self.config.engine == "none":
            doc.warnings.append(f"left in {lang}: translation is off (--engine none)")
            return False
        return True

    def _translate(self, docs: list[Document]) -> None:
        todo = [d for d in docs if self._needs_translation(d)]
        if not todo:
            return
        start = time.perf_counter()
        try:
            results = self.translator.translate_many([(d.text, d.language) for d in todo])
        except NormalizerError:
            results = None  # find which document fails: one at a time
        if results is not None:
            share = (time.perf_counter() - start) * 1000 / len(todo)
            for doc, result in zip(todo, results, strict=True):
                self._apply_translation(doc, result)
                doc.metadata["timings"]["translate"] = share
            return
        self._each(todo, "translate", lambda d: self._apply_translation(
            d, self.translator.translate(d.text, d.language)))

    @staticmethod
    def _apply_translation(doc: Document, result: Any) -> None:
        if getattr(result, "translated", True):
            doc.metadata["source_text"] = doc.text
            doc.metadata["protected"] = [m.to_dict() for m in getattr(result, "mentions", [])]
        doc.text = result.text
        doc.metadata["translation"].update(translated=getattr(result, "translated", True),
                                           engine=result.engine, model=result.model)
        doc.warnings.extend(result.warnings or [])

    def _canonicalize_one(self, doc: Document) -> None:
        translated = (doc.metadata.get("translation") or {}).get("translated")
        lang = self.config.target if translated else doc.language
        assert self.canonicalizer is not None
        before = len(doc.changes)
        self.canonicalizer.canonicalize_document(doc, None if lang == UNDETERMINED else lang)
        if doc.metadata.get("protected"):
            doc.metadata["protected"] = map_protected(doc.metadata["protected"],
                                                      doc.changes[before:], doc.text)


def map_protected(mentions: list[dict[str, Any]], changes: list[Change],
                  text: str) -> list[dict[str, Any]]:
    """Protected mentions with ``out_start``/``out_end`` moved from the translated text (the
    canonicalizer's input) to ``text`` (its output). A name that a change rewrote together with
    the text around it keeps offsets only if its canonical form is still inside that change's
    output; otherwise they become ``None``."""
    ordered = sorted(changes, key=lambda c: c.start)
    out = []
    for m in mentions:
        s, e = m.get("out_start"), m.get("out_end")
        if s is None or e is None:
            out.append(m)
            continue
        shift, hit = 0, None
        for c in ordered:
            if c.end <= s:
                shift += (c.out_end - c.out_start) - (c.end - c.start)
            elif c.start >= e:
                break
            else:
                hit = c
                break
        if hit is None:
            new_s: int | None = s + shift
        else:
            found = text.find(m["canonical"], hit.out_start, hit.out_end)
            new_s = found if found >= 0 else None
        new_e = None if new_s is None else new_s + len(m["canonical"])
        out.append({**m, "out_start": new_s, "out_end": new_e})
    return out


def _load_detector(langs: tuple[str, ...] | None) -> Any:
    """The detection stage's ``LanguageDetector``, imported on first use."""
    try:
        from normalizer.detection import LanguageDetector
    except ImportError:
        try:
            from normalizer.detect import LanguageDetector  # type: ignore[no-redef]
        except ImportError:
            raise EngineError("language detection is not available in this installation; "
                              "pass --lang CODE or --no-detect") from None
    return LanguageDetector(langs=list(langs) if langs else None)


def _load_translator(target: str, engine: str, glossary: Any, threads: int | None) -> Any:
    """The translation stage's ``Translator``, imported on first use."""
    try:
        from normalizer.translate import Translator
    except ImportError:
        raise EngineError("translation is not available in this installation; "
                          "pass --engine none") from None
    return Translator(target=target, engine=engine, glossary=glossary, cache=True,
                      threads=threads)

