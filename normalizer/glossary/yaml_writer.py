"""Write glossaries in the native YAML format.

Contract: ``format_yaml(entries, keep)`` returns YAML that ``parse_yaml`` reads back into the
same entries (same digest): id, canonical, type, short, generate, keep, every variant with its
languages and ``after_full`` flag, and the glossary-wide keep list. Comments and notes of a
source file are not carried (they are not part of the model). Any-language spellings go under
``variants``, single-language ones under ``lang: {xx: [...]}``, and a spelling with several
languages or ``after_full`` is written as a ``{text, lang, after_full}`` mapping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import yaml

from normalizer.glossary.model import Entry, Variant

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\[\]{},]*$")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    if _PLAIN.match(text) and not text.endswith(" ") and _reads_back(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    try:
        return yaml.safe_load(text) == text
    except yaml.YAMLError:
        return False


def _variant_lines(v: Variant, indent: str) -> list[str]:
    if not v.after_full and (v.langs is None or len(v.langs) == 1):
        return [f"{indent}- {scalar(v.text)}"]
    lines = [f"{indent}- text: {scalar(v.text)}"]
    if v.langs:
        lines.append(f"{indent}  lang: [{', '.join(sorted(v.langs))}]")
    if v.after_full:
        lines.append(f"{indent}  after_full: true")
    return lines


def format_entry(entry: Entry) -> list[str]:
    """The YAML lines of one entry (as an item of ``entries:``)."""
    lines = [f"  - id: {scalar(entry.id)}", f"    canonical: {scalar(entry.canonical)}"]
    if entry.type:
        lines.append(f"    type: {entry.type}")
    if entry.short:
        lines.append(f"    short: {scalar(entry.short)}")
    if not entry.generate:
        lines.append("    generate: false")
    general = [v for v in entry.variants
               if v.after_full or v.langs is None or len(v.langs) != 1]
    by_lang: dict[str, list[Variant]] = {}
    for v in entry.variants:
        if v not in general and v.langs:
            by_lang.setdefault(next(iter(v.langs)), []).append(v)
    if general:
        lines.append("    variants:")
        for v in general:
            lines += _variant_lines(v, "      ")
    if by_lang:
        lines.append("    lang:")
        for code in sorted(by_lang):
            lines.append(f"      {code}:")
            lines += [f"        - {scalar(v.text)}" for v in by_lang[code]]
    if entry.keep:
        lines.append("    keep:")
        lines += [f"      - {scalar(k)}" for k in entry.keep]
    return lines


def format_yaml(entries: Iterable[Entry], keep: Iterable[str] = ()) -> str:
    """A whole native glossary file."""
    lines = ["# newsnorm glossary (native format; see `newsnorm glossary check`)", "version: 1"]
    keep = list(keep)
    if keep:
        lines.append("keep:")
        lines += [f"  - {scalar(k)}" for k in keep]
    lines.append("entries:")
    entries = list(entries)
    if not entries:
        lines[-1] = "entries: []"
    for entry in entries:
        lines += format_entry(entry)
    return "\n".join(lines) + "\n"
