"""The ``Translator`` facade the pipeline and the CLI use.

Contract:
- ``translate_many([(text, source_lang), ...])`` translates documents to ``target`` in as few
  engine calls as possible (every sentence of every document of one language pair in one
  batch) and returns one ``TranslationResult`` per document, in order.
- A document whose language is ``und``/unknown, or already the target language, is returned
  unchanged with a warning; it never reaches an engine.
- ``engine="auto"`` picks Argos when an installed model serves the pair (directly or through
  English), else Apertium, else raises ``EngineError`` naming the install command of each.
  ``engine="none"`` translates nothing (documents come back unchanged, with a warning).
- With a glossary, each sentence's glossary mentions are replaced by placeholder tokens before
  translation and restored as their canonical English form after it; a sentence whose tokens
  did not survive is translated again without protection (and left to canonicalization), with
  a warning. The result is *not* canonicalized here: run the canonicalizer on it (lang=target).
- Layout (blank lines, headings, list markers) is kept (see ``sentences``).
- ``TranslationResult.mentions`` is the audit trail of protection: one ``ProtectedMention`` per
  mention carried through translation as a token (rule ``protected``): ``start``/``end`` index
  the text given to ``translate`` and ``original`` is the source surface there
  (``text[start:end] == original``); ``out_start``/``out_end`` index ``result.text`` and
  ``canonical`` is what was written there (``result.text[out_start:out_end] == canonical``).
  A mention whose sentence lost a token and was re-translated without protection is listed
  with rule ``recovered`` and ``out_start``/``out_end`` ``None`` (the engine's own rendering
  of the name is left to canonicalization, which records its own change when it fixes it; the
  sentence also gets a warning). Mentions beyond the per-sentence token budget are not tokens,
  so they are not listed (canonicalization handles them).
- With ``cache=True``, raw engine outputs are stored per segment and whole results per
  document, mentions included (see ``cache``); a re-run of the same input makes no engine call
  at all and returns the same result.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from normalizer.canonicalize import Match
from normalizer.errors import EngineError, UsageError
from normalizer.glossary import Glossary
from normalizer.translate.base import ENGINE_CHOICES, Engine, get_engine, install_hint, norm_lang
from normalizer.translate.cache import TranslationCache, cache_key
from normalizer.translate.protect import (
    Protected,
    Protector,
    mentions_in,
    protect,
    restore_placed,
)
from normalizer.translate.sentences import split_layout

UNDETERMINED = {"", "und", "unknown", "zxx", "mul"}
# Bumped whenever the cached whole-document result changes shape (older entries are ignored).
DOCUMENT_CACHE_VERSION = "document-2"


@dataclass
class ProtectedMention:
    """A glossary name carried through translation (change-like: same fields as ``Change``)."""

    start: int  # into the source text (the text that was translated)
    end: int
    out_start: int | None  # into the translated text; None when rule is "recovered"
    out_end: int | None
    original: str  # the source surface, e.g. "Organisation de la coopération islamique"
    canonical: str  # what was written in the translation
    entry_id: str
    rule: str  # "protected" or "recovered"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TranslationResult:
    text: str
    engine: str | None
    model: str | None
    warnings: list[str] = field(default_factory=list)
    source_lang: str | None = None
    translated: bool = False
    protected: int = 0  # names carried through translation as tokens
    recovered: int = 0  # sentences re-translated because a token was lost
    cached: int = 0  # segments served from the cache
    segments: int = 0
    mentions: list[ProtectedMention] = field(default_factory=list)  # the audit trail


@dataclass
class _Job:
    index: int
    text: str
    src: str
    layout: Any
    protected: list[Protected]
    mentions: list[Match]


class Translator:
    """Translate documents to one target language with one engine policy and glossary."""

    def __init__(self, target: str = "en", engine: str = "auto", glossary: Glossary | None = None,
                 cache: bool | TranslationCache = True, beam_size: int | None = None,
                 threads: int | None = None, packages_dir: str | None = None,
                 engine_options: dict[str, Any] | None = None):
        if engine not in ENGINE_CHOICES:
            raise UsageError(f"unknown engine {engine!r}; choose one of "
                             f"{', '.join(ENGINE_CHOICES)}")
        self.target = norm_lang(target)
        self.engine_name = engine
        self.glossary = glossary
        self.protector = Protector(glossary) if glossary is not None and len(glossary) else None
        self.options: dict[str, Any] = {"beam_size": beam_size, "threads": threads,
                                        "packages_dir": packages_dir, **(engine_options or {})}
        self._own_cache = not isinstance(cache, TranslationCache)
        if isinstance(cache, TranslationCache):
            self.cache: TranslationCache | None = cache
        else:
            self.cache = TranslationCache() if cache else None
        self._engines: dict[str, Engine] = {}
        self.engine_calls = 0

    # -- engines ----------------------------------------------------------------------------
    def _engine(self, name: str) -> Engine:
        if name not in self._engines:
            self._engines[name] = get_engine(name, **self.options)
        return self._engines[name]

    def engine_for(self, src: str) -> Engine:
        """The engine that serves ``src -> target`` under the engine policy."""
        names = ["argos", "apertium"] if self.engine_name == "auto" else [self.engine_name]
        for name in names:
            engine = self._engine(name)
            if engine.route(src, self.target) is not None:
                return engine
        hints = [f"{n}: {install_hint(n, src, self.target)}" for n in names]
        raise EngineError(f"no translation engine serves {src} -> {self.target}; "
                          + "; or ".join(hints))

    # -- public API -------------------------------------------------------------------------
    def translate(self, text: str, source_lang: str | None) -> TranslationResult:
        return self.translate_many([(text, source_lang)])[0]

    def translate_many(self, items: list[tuple[str, str | None]]) -> list[TranslationResult]:
        results: list[TranslationResult | None] = [None] * len(items)
        jobs: dict[tuple[str, str], list[_Job]] = {}
        pending: list[tuple[int, str, str, Engine]] = []
        for i, (text, lang) in enumerate(items):
            src = norm_lang(lang or "")
            if src in UNDETERMINED:
                results[i] = TranslationResult(text, None, None, [
                    "language undetermined: left untranslated"], src or None)
            elif src == self.target:
                results[i] = TranslationResult(text, None, None, [
                    f"already in {self.target}: not translated"], src)
            elif self.engine_name == "none":
                results[i] = TranslationResult(text, None, None, [
                    f"engine none: {src} text left untranslated"], src)
            else:
                engine = self.engine_for(src)
                pending.append((i, text, src, engine))
        hits = self._cached_documents(pending)
        for i, text, src, engine in pending:
            if i in hits:
                results[i] = hits[i]
            else:
                jobs.setdefault((engine.name, src), []).append(self._prepare(i, text, src,
                                                                             engine))
        for (name, src), group in jobs.items():
            done = self._run(self._engines[name], src, group)
            for job, result in zip(group, done, strict=True):
                results[job.index] = result
            if self.cache is not None:
                self.cache.put_many((self._doc_key(job.text, src, self._engines[name]),
                                     json.dumps(asdict(r), ensure_ascii=False))
                                    for job, r in zip(group, done, strict=True))
        if self.cache is not None and self.cache.warning:
            for r in results:
                if r is not None and r.translated:
                    r.warnings.append(self.cache.warning)
        return [r for r in results if r is not None]

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()
        if self.cache is not None and self._own_cache:
            self.cache.close()

    def __enter__(self) -> Translator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals --------------------------------------------------------------------------
    def _key_parts(self, engine: Engine, src: str) -> tuple[str, ...]:
        gloss = self.glossary.digest if self.glossary is not None else "-"
        opts = f"beam={self.options['beam_size']}" if engine.name == "argos" else ""
        return engine.name, engine.version(src, self.target), src, self.target, opts, gloss

    def _doc_key(self, text: str, src: str, engine: Engine) -> str:
        return cache_key(DOCUMENT_CACHE_VERSION, *self._key_parts(engine, src), text)

    def _cached_documents(self, pending: list[tuple[int, str, str, Engine]]
                          ) -> dict[int, TranslationResult]:
        """Whole documents translated before (a re-run skips even name detection)."""
        if self.cache is None or not pending:
            return {}
        keys = {i: self._doc_key(text, src, engine) for i, text, src, engine in pending}
        found = self.cache.get_many(list(set(keys.values())))
        hits = {}
        for i, key in keys.items():
            if key in found:
                try:
                    result = TranslationResult(**json.loads(found[key]))
                    result.mentions = [ProtectedMention(**m) for m in result.mentions]
                except (ValueError, TypeError):
                    continue
                result.cached = result.segments
                hits[i] = result
        return hits

    def _prepare(self, index: int, text: str, src: str, engine: Engine) -> _Job:
        layout = split_layout(text)
        mentions = self.protector.plan(text, src) if self.protector else []
        protected: list[Protected] = []
        # Segment offsets: walk the layout, literal pieces included.
        pos = 0
        offsets: dict[int, int] = {}
        for part in layout.parts:
            if isinstance(part, str):
                found = text.find(part, pos)
                pos = (found if found >= 0 else pos) + len(part)
            else:
                seg = layout.segments[part]
                found = text.find(seg, pos)
                offsets[part] = found
                if found >= 0:
                    pos = found + len(seg)
        for n, seg in enumerate(layout.segments):
            start = offsets.get(n, -1)
            inside = mentions_in(mentions, start, start + len(seg)) if start >= 0 else []
            protected.append(protect(seg, start, inside, engine.placeholder_letters))
        return _Job(index, text, src, layout, protected, mentions)

    def _translate_cached(self, engine: Engine, src: str, segments: list[str]
                          ) -> tuple[list[str], list[bool]]:
        """Engine output per segment, through the cache; and which came from the cache."""
        unique = list(dict.fromkeys(segments))
        parts = self._key_parts(engine, src)
        keys = {s: cache_key(*parts, s) for s in unique}
        found = self.cache.get_many(list(keys.values())) if self.cache is not None else {}
        done = {s: found[keys[s]] for s in unique if keys[s] in found}
        missing = [s for s in unique if s not in done]
        if missing:
            self.engine_calls += 1
            outputs = engine.translate(missing, src, self.target)
            done.update(zip(missing, outputs, strict=True))
            if self.cache is not None:
                self.cache.put_many((keys[s], done[s]) for s in missing)
        return [done[s] for s in segments], [keys[s] in found for s in segments]

    def _run(self, engine: Engine, src: str, group: list[_Job]) -> list[TranslationResult]:
        flat = [p.text for job in group for p in job.protected]
        outputs, cached = self._translate_cached(engine, src, flat)
        model = engine.version(src, self.target)
        per_job: list[list[tuple[str, list[tuple[int, int, str]]] | None]] = []
        retry: list[str] = []
        k = 0
        for job in group:
            restored: list[tuple[str, list[tuple[int, int, str]]] | None] = []
            for n, p in enumerate(job.protected):
                value = restore_placed(outputs[k], p)
                k += 1
                if value is None:
                    retry.append(job.layout.segments[n])
                restored.append(value)
            per_job.append(restored)
        retried: dict[str, str] = {}
        if retry:
            plain, _ = self._translate_cached(engine, src, retry)
            retried = dict(zip(retry, plain, strict=True))
        results = []
        for job, restored in zip(group, per_job, strict=True):
            warnings: list[str] = []
            final: list[str] = []
            recovered = protected = 0
            for n, (p, value) in enumerate(zip(job.protected, restored, strict=True)):
                if value is None:
                    recovered += 1
                    final.append(retried[job.layout.segments[n]])
                    warnings.append(f"sentence {n + 1}: a protected name did not survive "
                                    f"{engine.name}; re-translated without protection")
                else:
                    protected += sum(p.counts.values())
                    final.append(value[0])
            text, starts = job.layout.join_placed(final)
            mentions = self._mentions(job, restored, starts)
            results.append(TranslationResult(
                text, engine.name, model, warnings, src, True, protected,
                recovered, 0, len(job.protected), mentions))
        k = 0
        for job, result in zip(group, results, strict=True):
            result.cached = sum(cached[k:k + len(job.protected)])
            k += len(job.protected)
        return results

    def _mentions(self, job: _Job, restored: list[tuple[str, list[tuple[int, int, str]]] | None],
                  starts: list[int]) -> list[ProtectedMention]:
        """Where each protected mention came from and where its canonical form landed."""
        entries = self.glossary.entries if self.glossary is not None else []
        found: list[ProtectedMention] = []
        for p, value, offset in zip(job.protected, restored, starts, strict=True):
            if not p.mentions:
                continue
            if value is None:
                found.extend(ProtectedMention(
                    m.start, m.end, None, None, job.text[m.start:m.end], p.tokens[token],
                    entries[m.spec.entry].id, "recovered") for token, m in p.mentions)
                continue
            queues: dict[str, list[Match]] = {}
            for token, m in p.mentions:
                queues.setdefault(token, []).append(m)
            for out_start, out_end, token in value[1]:
                m = queues[token].pop(0)
                found.append(ProtectedMention(
                    m.start, m.end, offset + out_start, offset + out_end,
                    job.text[m.start:m.end], p.tokens[token], entries[m.spec.entry].id,
                    "protected"))
        found.sort(key=lambda x: (x.start, x.end))
        return found
