"""DeepL glossary TSV: ``source<TAB>target`` per line, no header, one language pair per file.

Contract: reading maps each ``target`` to an entry's canonical and each ``source`` to one of its
spellings, restricted to the source language when one is given (``lang``); a
``target<TAB>target`` row only confirms the entry. Writing emits, for every entry, the
canonical as ``canonical<TAB>canonical`` (so DeepL leaves it untranslated) and one row per
spelling valid in ``lang`` (any-language spellings, plus that language's own). DeepL cannot
carry types, ids, short forms, look-alikes or ``after_full``; those are dropped on export.
Every malformed line is reported with file:line.
"""

from __future__ import annotations

from normalizer.errors import GlossaryError
from normalizer.glossary.model import Entry, Variant, parse_langs, slug


def parse_deepl(text: str, source: str, lang: str | None = None) -> list[Entry]:
    """Entries from a DeepL TSV glossary (``lang`` = the glossary's source language)."""
    langs = parse_langs(lang or "", source, None)
    problems: list[GlossaryError] = []
    grouped: dict[str, dict] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        cells = raw.split("\t")
        if len(cells) != 2 or not cells[0].strip() or not cells[1].strip():
            problems.append(GlossaryError(
                f"expected 'source<TAB>target', found {len(cells)} cell(s)",
                path=source, line=number))
            continue
        src, target = cells[0].strip(), cells[1].strip()
        slot = grouped.setdefault(target, {"line": number, "variants": {}})
        if src != target:
            slot["variants"].setdefault(src, Variant(src, langs, False, source, number))
    if problems:
        raise GlossaryError(problems[0].message, path=source, line=problems[0].line,
                        problems=problems)
    if not grouped:
        raise GlossaryError("empty DeepL glossary: no 'source<TAB>target' line", path=source,
                            line=1)
    return [Entry(id=slug(target), canonical=target, variants=tuple(slot["variants"].values()),
                  source=source, line=slot["line"]) for target, slot in grouped.items()]


def _clean(text: str) -> str:
    return " ".join(text.split())  # DeepL cells cannot hold tabs or line breaks


def format_deepl(entries: list[Entry], lang: str | None = None) -> str:
    """DeepL rows for the pair ``lang`` -> English; each source spelling appears once."""
    seen: set[str] = set()
    lines: list[str] = []
    for entry in entries:
        target = _clean(entry.canonical)
        for text in [entry.canonical] + [v.text for v in entry.variants if v.applies_to(lang)]:
            src = _clean(text)
            if src not in seen:
                seen.add(src)
                lines.append(f"{src}\t{target}")
    return "".join(line + "\n" for line in lines)
