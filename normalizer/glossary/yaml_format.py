"""The native YAML glossary format.

Contract: a mapping with ``entries`` (a list) and optional ``version: 1`` and ``keep`` (global
look-alikes never changed). Each entry::

    - id: hossein-amir-abdollahian     # optional, default: slug of canonical
      canonical: Hossein Amir-Abdollahian
      type: person                     # person | org | place | event | operation | other
      short: Amir-Abdollahian          # how a later short mention is written (optional)
      generate: true                   # allow unlisted romanization variants (default true)
      variants:                        # any language; a string or a mapping
        - Hossein Amirabdollahian
        - {text: Abdollahian, after_full: true}   # only after a full mention in the document
      lang:                            # spellings valid only in text of that language
        fr: [Hossein Amir Abdollahian]
      keep: [Zakir Hussain]            # look-alikes that must never be changed

Problems are reported with the file and line of the offending node; unknown keys are errors.
"""

from __future__ import annotations

import yaml

from normalizer.errors import GlossaryError
from normalizer.glossary.model import Entry, Variant, entry_type, parse_langs, slug, unknown_type

ENTRY_KEYS = {"id", "canonical", "type", "short", "generate", "variants", "lang", "keep",
              "note", "notes"}
VARIANT_KEYS = {"text", "lang", "after_full"}
TOP_KEYS = {"version", "entries", "keep", "name", "description"}


class _Reader:
    """Walks a composed YAML node tree, collecting problems with line numbers."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[GlossaryError] = []

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(GlossaryError(message, path=self.source,
                                           line=node.start_mark.line + 1))

    def scalar(self, node: yaml.Node, what: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{what} must be a single value")
            return None
        return str(node.value).strip()

    def strings(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        if isinstance(node, yaml.ScalarNode):
            return [(node.value.strip(), node)] if node.value.strip() else []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{what} must be a list")
            return []
        out = []
        for item in node.value:
            value = self.scalar(item, f"an item of {what}")
            if value:
                out.append((value, item))
        return out

    def mapping(self, node: yaml.Node, what: str, allowed: set[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping")
            return {}
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key not in allowed:
                self.fail(key_node, f"unknown key {key!r} in {what}; allowed: "
                                    f"{', '.join(sorted(allowed))}")
                continue
            out[key] = value_node
        return out

    def variant(self, node: yaml.Node, langs_default: frozenset[str] | None) -> Variant | None:
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            text = node.value.strip()
            return Variant(text, langs_default, False, self.source, line) if text else None
        fields = self.mapping(node, "a variant", VARIANT_KEYS)
        text = self.scalar(fields["text"], "text") if "text" in fields else None
        if not text:
            self.fail(node, "a variant mapping needs a non-empty 'text'")
            return None
        langs = langs_default
        if "lang" in fields:
            raw = fields["lang"]
            codes = (raw.value if isinstance(raw, yaml.ScalarNode)
                     else ";".join(v for v, _ in self.strings(raw, "lang")))
            try:
                langs = parse_langs(codes, self.source, raw.start_mark.line + 1)
            except GlossaryError as exc:
                self.problems.append(exc)
        after_full = fields.get("after_full")
        flag = after_full is not None and str(after_full.value).lower() in ("true", "yes", "1")
        return Variant(text, langs, flag, self.source, line)

    def entry(self, node: yaml.Node) -> Entry | None:
        fields = self.mapping(node, "an entry", ENTRY_KEYS)
        if not fields and not isinstance(node, yaml.MappingNode):
            return None
        canonical = self.scalar(fields["canonical"], "canonical") if "canonical" in fields \
            else None
        if not canonical:
            self.fail(node, "empty canonical: every entry needs 'canonical'")
            return None
        kind = self.scalar(fields["type"], "type") if "type" in fields else None
        if kind and entry_type(kind) is not None:
            kind = entry_type(kind)
        elif kind:
            self.fail(fields["type"], unknown_type(kind))
        variants = [v for item in self._items(fields.get("variants"), "variants")
                    if (v := self.variant(item, None))]
        if "lang" in fields:
            for key_node, value_node in self._pairs(fields["lang"], "lang"):
                try:
                    langs = parse_langs(str(key_node.value), self.source,
                                        key_node.start_mark.line + 1)
                except GlossaryError as exc:
                    self.problems.append(exc)
                    continue
                variants += [v for item in self._items(value_node, "a language's variants")
                             if (v := self.variant(item, langs))]
        generate = fields.get("generate")
        return Entry(
            id=(self.scalar(fields["id"], "id") if "id" in fields else None) or slug(canonical),
            canonical=canonical,
            type=kind or None,
            variants=tuple(v for v in variants if v.text != canonical or v.langs is not None),
            short=self.scalar(fields["short"], "short") if "short" in fields else None,
            keep=tuple(v for v, _ in self.strings(fields["keep"], "keep"))
            if "keep" in fields else (),
            generate=generate is None or str(generate.value).lower() in ("true", "yes", "1"),
            source=self.source, line=node.start_mark.line + 1)

    def _items(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        if node is None:
            return []
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        self.fail(node, f"{what} must be a list")
        return []

    def _pairs(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if isinstance(node, yaml.MappingNode):
            return list(node.value)
        self.fail(node, f"{what} must be a mapping of language code to spellings")
        return []


def parse_yaml(text: str, source: str) -> tuple[list[Entry], list[str]]:
    """Entries and global keep-list from YAML text, or ``GlossaryError`` with every problem."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise GlossaryError(f"not valid YAML: {reason}", path=source, line=line) from None
    if root is None:
        raise GlossaryError("empty glossary; add an 'entries:' list", path=source, line=1)
    reader = _Reader(source)
    top = reader.mapping(root, "the glossary", TOP_KEYS)
    entries: list[Entry] = []
    if "entries" not in top:
        reader.fail(root, "no 'entries:' list")
    else:
        for item in reader._items(top["entries"], "entries"):
            entry = reader.entry(item)
            if entry is not None:
                entries.append(entry)
    keep = [v for v, _ in reader.strings(top["keep"], "keep")] if "keep" in top else []
    if reader.problems:
        first = reader.problems[0]
        raise GlossaryError(first.message, path=first.path, line=first.line,
                            problems=reader.problems)
    return entries, keep
