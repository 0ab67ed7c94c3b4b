"""Glossary records and the cross-entry checks every format shares.

Contract: a ``Glossary`` is immutable once built; ``Glossary.build`` raises ``GlossaryError``
listing *every* problem (file:line and reason) — empty canonical, duplicate id, a spelling
claimed by two entries for the same language — rather than stopping at the first.
``digest`` identifies the glossary's content (not its file names) for output signatures.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from normalizer.errors import GlossaryError
from normalizer.textfold import TOKEN_RE, fold_token

ENTRY_TYPES = ("person", "org", "place", "event", "operation", "other")
# what spreadsheets and NER tools call the same types ("organization", "LOC", "GPE")
TYPE_SYNONYMS = {"organization": "org", "organisation": "org", "organizations": "org",
                 "organisations": "org", "orga": "org", "per": "person", "persons": "person",
                 "people": "person", "location": "place", "loc": "place", "gpe": "place",
                 "places": "place", "lieu": "place", "personne": "person", "événement": "event",
                 "evenement": "event", "events": "event", "operations": "operation"}


def entry_type(written: str) -> str | None:
    """The entry type a glossary's ``type`` cell names (case and common synonyms aside), or
    None when it names none."""
    kind = written.strip().lower()
    kind = TYPE_SYNONYMS.get(kind, kind)
    return kind if kind in ENTRY_TYPES else None


def unknown_type(written: str) -> str:
    """The message for a ``type`` cell that names no entry type."""
    return f"type {written!r} is not one of {', '.join(ENTRY_TYPES)}"
EVENT_TYPES = frozenset({"event", "operation"})  # named things that happen, not that act
LANG_RE = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True)
class Variant:
    """One spelling of an entry.

    ``langs`` is ``None`` for any language, else the ISO 639-1 codes it applies to.
    ``after_full`` marks spellings that are only trusted once the entry was named in full
    earlier in the same document (e.g. a bare family name). ``alias`` marks a name added from
    the shipped list of known aliases (``normalizer.glossary.known``), not by the user.
    """

    text: str
    langs: frozenset[str] | None = None
    after_full: bool = False
    source: str = ""
    line: int | None = None
    alias: bool = False

    def applies_to(self, lang: str | None) -> bool:
        return self.langs is None or (lang is not None and lang in self.langs)


@dataclass(frozen=True)
class Entry:
    """An entity: its canonical spelling, other spellings, and context rules."""

    id: str
    canonical: str
    type: str | None = None
    variants: tuple[Variant, ...] = ()
    short: str | None = None
    keep: tuple[str, ...] = ()
    generate: bool = True
    source: str = ""
    line: int | None = None

    def forms(self, lang: str | None) -> list[Variant]:
        """The canonical and every variant applicable to ``lang``."""
        own = Variant(self.canonical, None, False, self.source, self.line)
        return [own, *(v for v in self.variants if v.applies_to(lang))]

    def every_form(self) -> list[Variant]:
        """The canonical and every variant, whatever its language."""
        return [*self.forms(None), *(v for v in self.variants if v.langs)]


def form_key(text: str) -> str:
    """Key under which two spellings count as the same (case, accents, dashes ignored)."""
    return " ".join(fold_token(t) for t in TOKEN_RE.findall(text))


def slug(text: str) -> str:
    """A readable id from a canonical name."""
    return re.sub(r"[^a-z0-9]+", "-", form_key(text)).strip("-") or "entry"


def _where(source: str, line: int | None) -> str:
    return source if line is None else f"{source}:{line}"


@dataclass(frozen=True)
class Glossary:
    """Entries from one or more files, checked for conflicts."""

    entries: tuple[Entry, ...]
    sources: tuple[str, ...] = ()
    global_keep: tuple[str, ...] = ()
    digest: str = field(default="", compare=False)

    @classmethod
    def build(cls, entries: Iterable[Entry], sources: Iterable[str] = (),
              global_keep: Iterable[str] = ()) -> Glossary:
        entries = tuple(entries)
        problems = _conflicts(entries)
        if problems:
            raise GlossaryError(problems[0].message, path=problems[0].path,
                                line=problems[0].line, problems=problems)
        keep = tuple(global_keep)
        return cls(entries, tuple(sources), keep, _digest(entries, keep))

    @classmethod
    def merge(cls, glossaries: Iterable[Glossary]) -> Glossary:
        """One glossary from several; conflicts across files are reported like within one."""
        glossaries = list(glossaries)
        return cls.build([e for g in glossaries for e in g.entries],
                         [s for g in glossaries for s in g.sources],
                         [k for g in glossaries for k in g.global_keep])

    def __len__(self) -> int:
        return len(self.entries)

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


def _conflicts(entries: tuple[Entry, ...]) -> list[GlossaryError]:
    problems: list[GlossaryError] = []
    seen_ids: dict[str, Entry] = {}
    claims: dict[str, list[tuple[Entry, Variant]]] = {}
    for entry in entries:
        if entry.id in seen_ids:
            first = seen_ids[entry.id]
            problems.append(GlossaryError(
                f"duplicate id {entry.id!r} (first at {_where(first.source, first.line)})",
                path=entry.source, line=entry.line))
        seen_ids.setdefault(entry.id, entry)
        for variant in entry.every_form():
            key = form_key(variant.text)
            if not key:
                problems.append(GlossaryError(f"spelling {variant.text!r} has no letters",
                                              path=variant.source, line=variant.line))
                continue
            for other_entry, other in claims.get(key, []):
                if other_entry.id == entry.id:
                    continue
                if other.langs is None or variant.langs is None or other.langs & variant.langs:
                    problems.append(GlossaryError(
                        f"spelling {variant.text!r} is claimed by {other_entry.canonical!r} "
                        f"({_where(other.source, other.line)}) and by {entry.canonical!r}; "
                        "keep it in one entry or restrict it with a language",
                        path=variant.source, line=variant.line))
                    break
            claims.setdefault(key, []).append((entry, variant))
    return problems


def _digest(entries: tuple[Entry, ...], keep: tuple[str, ...]) -> str:
    payload = [[e.id, e.canonical, e.type, e.short, e.generate, list(e.keep),
                sorted([v.text, sorted(v.langs or []), v.after_full] for v in e.variants)]
               for e in sorted(entries, key=lambda e: e.id)]
    blob = json.dumps([payload, sorted(keep)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def parse_langs(raw: str, source: str, line: int | None) -> frozenset[str] | None:
    """``""`` -> any language; ``"fr;en"`` -> {fr, en}; bad codes raise ``GlossaryError``."""
    codes = [c.strip().lower() for c in re.split(r"[;,|\s]+", raw or "") if c.strip()]
    for code in codes:
        if not LANG_RE.match(code):
            raise GlossaryError(f"language {code!r} is not an ISO 639-1 code such as 'fr'",
                                path=source, line=line)
    return frozenset(codes) if codes else None
