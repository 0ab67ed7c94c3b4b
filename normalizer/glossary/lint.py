"""Lint glossaries: load errors plus the mistakes that load fine but hurt matching.

Contract: ``lint_paths(paths)`` parses every file (each parse problem is an ``error`` finding
with code ``load``), then checks all parsed entries together and returns every finding sorted
by file and line. Each ``Finding`` has file:line, a severity and a code:

errors (the glossary is wrong; ``glossary check`` exits 1):
  ``duplicate-id``, ``no-letters``, ``canonical-clash`` (a spelling equals another entry's
  canonical), ``claimed`` (one spelling, folded, in two entries for the same language),
  ``keep-clash`` (a spelling equals a look-alike listed under ``keep``: it can never apply);
warnings (the glossary works but is probably not what was meant):
  ``shadowed`` (a spelling is part of a longer spelling of another entry: inside it the longer
  one wins and alone it is ambiguous), ``ambiguous`` (a one-word spelling that is a common word
  or a given name, without ``after_full``), ``folded-duplicate`` (two spellings of one entry
  identical after folding case, accents and dashes), ``duplicate-row`` (the same row or
  spelling listed twice).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from normalizer.errors import GlossaryError
from normalizer.glossary.ambiguous import ambiguity
from normalizer.glossary.model import Entry, form_key
from normalizer.textfold import tokenize

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    """One problem: where, how bad, what kind, and what to do."""

    path: str
    line: int | None
    severity: str
    code: str
    message: str

    def location_message(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


@dataclass(frozen=True)
class _Form:
    """A spelling with its entry (``None`` for a glossary-wide look-alike) and role."""

    entry: Entry | None
    text: str
    langs: frozenset[str] | None
    role: str  # canonical | variant | keep
    after_full: bool
    path: str
    line: int | None

    @property
    def key(self) -> str:
        return form_key(self.text)

    @property
    def where(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"

    @property
    def owner(self) -> str:
        return repr(self.entry.canonical) if self.entry else "the global keep list"


def _overlap(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    return a is None or b is None or bool(a & b)


def _forms(entries: list[Entry], global_keep: list[tuple[str, str]]) -> list[_Form]:
    out: list[_Form] = []
    for e in entries:
        out.append(_Form(e, e.canonical, None, "canonical", False, e.source, e.line))
        out += [_Form(e, v.text, v.langs, "variant", v.after_full, v.source or e.source,
                      v.line if v.line is not None else e.line) for v in e.variants]
        out += [_Form(e, k, None, "keep", False, e.source, e.line) for k in e.keep]
    out += [_Form(None, text, None, "keep", False, path, None) for text, path in global_keep]
    return out


def _finding(form: _Form, severity: str, code: str, message: str) -> Finding:
    return Finding(form.path, form.line, severity, code, message)


def check_entries(entries: list[Entry], global_keep: list[tuple[str, str]] = ()) -> list[
        Finding]:
    """Cross-entry checks over parsed entries (``global_keep``: (text, file) pairs)."""
    findings: list[Finding] = []
    seen_ids: dict[str, Entry] = {}
    for e in entries:
        if e.id in seen_ids:
            first = seen_ids[e.id]
            findings.append(Finding(e.source, e.line, ERROR, "duplicate-id",
                                    f"duplicate id {e.id!r} (first at {first.source}:"
                                    f"{first.line}); give each entry its own id"))
        seen_ids.setdefault(e.id, e)
    forms = _forms(entries, list(global_keep))
    by_key: dict[str, list[_Form]] = {}
    for f in forms:
        if not f.key:
            findings.append(_finding(f, ERROR, "no-letters", f"spelling {f.text!r} has no "
                                     "letters or digits"))
            continue
        by_key.setdefault(f.key, []).append(f)
    for group in by_key.values():
        findings += _same_key(group)
    findings += _shadowed(forms)
    findings += _ambiguous(entries, forms)
    return findings


def _same_key(group: list[_Form]) -> list[Finding]:
    """Spellings that fold to the same key: clashes across entries, duplicates within one."""
    out: list[Finding] = []
    for i, f in enumerate(group):
        for g in group[:i]:
            same_entry = f.entry is not None and g.entry is f.entry
            if f.role == "keep" and g.role == "keep":
                continue  # the same look-alike protected twice is harmless
            if "keep" in (f.role, g.role):
                keep, spelling = (f, g) if f.role == "keep" else (g, f)
                if spelling.entry is None:
                    continue
                out.append(_finding(spelling, ERROR, "keep-clash",
                                    f"spelling {spelling.text!r} of {spelling.owner} is also a "
                                    f"look-alike to keep ({keep.where}, {keep.owner}): it can "
                                    "never be applied; remove one of them"))
                break
            if not _overlap(f.langs, g.langs):
                continue
            if not same_entry:
                if g.role == "canonical" or f.role == "canonical":
                    canon, other = (g, f) if g.role == "canonical" else (f, g)
                    how = "equals" if canon.text == other.text else "equals after folding"
                    out.append(_finding(f, ERROR, "canonical-clash",
                                        f"{other.role} {other.text!r} of {other.owner} {how} "
                                        f"the canonical of {canon.owner} ({canon.where}); "
                                        "merge the entries or drop the spelling"))
                else:
                    out.append(_finding(f, ERROR, "claimed",
                                        f"spelling {f.text!r} is claimed by {g.owner} "
                                        f"({g.where}) and by {f.owner}; keep it in one entry "
                                        "or restrict it with a language"))
                break
            if f.text == g.text and f.langs == g.langs:
                out.append(_finding(f, WARNING, "duplicate-row",
                                    f"{f.text!r} is listed twice for {f.owner} (first at "
                                    f"{g.where}); remove one"))
                break
            if g.langs is None or (f.langs is not None and f.langs <= g.langs):
                if f.text == g.text:
                    message = (f"{f.text!r} is already listed for "
                               f"{'any language' if g.langs is None else 'its language'} "
                               f"({g.where}); remove it")
                else:
                    message = (f"{f.text!r} is identical to {g.text!r} ({g.where}) after "
                               "folding case, accents and dashes: matching already covers "
                               "it; remove it")
                out.append(_finding(f, WARNING, "folded-duplicate", message))
                break
    return out


def _runs(folded: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    n = len(folded)
    for i in range(n):
        for j in range(i + 1, n + 1):
            if j - i < n:
                yield folded[i:j]


def _shadowed(forms: list[_Form]) -> list[Finding]:
    """A spelling that is a contiguous part of a longer spelling of another entry."""
    index: dict[tuple[str, ...], list[_Form]] = {}
    folded = {id(f): tuple(t.folded for t in tokenize(f.text)) for f in forms}
    for f in forms:
        if f.role != "keep":
            for run in _runs(folded[id(f)]):
                index.setdefault(run, []).append(f)
    out: list[Finding] = []
    for f in forms:
        if f.after_full or f.entry is None:
            continue
        for longer in index.get(folded[id(f)], ()):
            if longer.entry is f.entry or not _overlap(f.langs, longer.langs):
                continue
            if f.role == "keep":
                message = (f"look-alike {f.text!r} to keep is part of the longer "
                           f"{longer.text!r} of {longer.owner} ({longer.where}): inside it "
                           "the longer spelling wins and is changed")
            else:
                message = (f"{f.text!r} of {f.owner} is shadowed by the longer "
                           f"{longer.text!r} of {longer.owner} ({longer.where}): inside it "
                           "the longer one wins, and a bare mention may mean either; mark it "
                           "after_full or restrict it")
            out.append(_finding(f, WARNING, "shadowed", message))
            break
    return out


def _ambiguous(entries: list[Entry], forms: list[_Form]) -> list[Finding]:
    """One-word spellings that are common words or given names (without ``after_full``)."""
    given: set[str] = set()
    for e in entries:
        for text in [e.canonical, *(v.text for v in e.variants)]:
            tokens = tokenize(text)
            if len(tokens) >= 2 and e.type in (None, "person") and text[:1].isupper():
                given.add(tokens[0].folded)
    out: list[Finding] = []
    for f in forms:
        if f.role == "keep" or f.after_full:
            continue
        tokens = tokenize(f.text)
        if len(tokens) != 1 or (f.text.isupper() and len(f.text) <= 6
                                and ambiguity(tokens[0].folded) is None):
            continue
        why = ambiguity(tokens[0].folded)
        if why is None and tokens[0].folded in given:
            why = "a given name in this glossary"
        if why is not None:
            out.append(_finding(f, WARNING, "ambiguous",
                                f"one-word {f.role} {f.text!r} of {f.owner} is {why}: it will "
                                "also change unrelated mentions; use the full name or mark "
                                "it after_full"))
    return out


def _raw_duplicate_rows(path: str, text: str) -> list[Finding]:
    """Identical rows of a CSV/TSV file (the parser merges them silently)."""
    first_line = text.splitlines()[0] if text.strip() else ""
    delimiter = "\t" if "\t" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    seen: dict[tuple[str, ...], int] = {}
    out: list[Finding] = []
    for row in reader:
        cells = tuple(c.strip() for c in row)
        if not any(cells):
            continue
        if cells in seen:
            out.append(Finding(path, reader.line_num, WARNING, "duplicate-row",
                               f"same row as line {seen[cells]}; remove one"))
        else:
            seen[cells] = reader.line_num
    return out


def lint_paths(paths: Iterable[str]) -> list[Finding]:
    """Every finding for these glossary files, sorted by file and line."""
    from normalizer.glossary import read_glossary_text
    from normalizer.glossary.convert import parse_file

    findings: list[Finding] = []
    entries: list[Entry] = []
    global_keep: list[tuple[str, str]] = []
    for path in paths:
        try:
            parsed, keep = parse_file(path)
        except GlossaryError as exc:
            findings += [Finding(p.path or path, p.line, ERROR, "load", p.message)
                         for p in exc.problems]
            continue
        entries += parsed
        global_keep += [(k, path) for k in keep]
        if Path(path).suffix.lower() in (".csv", ".tsv", ".tab", ".txt"):
            findings += _raw_duplicate_rows(path, read_glossary_text(path))
    findings += _dedupe_rows(check_entries(entries, global_keep))
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.severity != ERROR, f.code))


def _dedupe_rows(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int | None, str]] = set()
    out = []
    for f in findings:
        if (f.path, f.line, f.code) not in seen:
            seen.add((f.path, f.line, f.code))
            out.append(f)
    return out


__all__ = ["ERROR", "WARNING", "Finding", "check_entries", "lint_paths"]
