"""``newsnorm canonicalize``: files in, canonical text and a change log out."""

from __future__ import annotations

import json
from pathlib import Path

from normalizer.canonicalize import Canonicalizer
from normalizer.cli import BadDocuments
from normalizer.doclang import DocumentLanguage
from normalizer.errors import UsageError
from normalizer.glossary import load_glossaries
from normalizer.outputs import OutputSink, group_by_file
from normalizer.reader import expand_inputs, read_documents
from normalizer.writer import atomic_write_text, check_output_target


def plan_output(paths: list[str], output: str | None) -> OutputSink:
    """One input without -o prints to stdout; several inputs need -o (a folder)."""
    items = expand_inputs(paths)
    single_input = len(items) == 1 and not any(Path(p).is_dir() for p in paths if p != "-")
    if output is None and not single_input:
        raise UsageError("several inputs need -o OUT (a folder to mirror them into)")
    if output is not None:
        check_output_target(output, paths)
    single_file = single_input and output is not None and not Path(output).is_dir()
    return OutputSink(output, single_file)


def run_canonicalize(paths: list[str], glossary_paths: list[str], lang: str | None,
                     output: str | None, changes_path: str | None, text_field: str,
                     fmt: str, *, listed_only: bool = False, known_aliases: bool = False,
                     expand_acronyms: bool = False) -> int:
    if not glossary_paths:
        raise UsageError("give at least one glossary with -g FILE")
    canonicalizer = Canonicalizer(load_glossaries(glossary_paths), generate=not listed_only,
                                  short_forms=not listed_only,
                                  known_aliases=known_aliases and not listed_only,
                                  expand_acronyms=expand_acronyms and not listed_only)
    sink = plan_output(paths, output)
    items = expand_inputs(paths)
    language = DocumentLanguage(lang)
    bad = BadDocuments()
    change_lines: list[str] = []
    for relative, docs in group_by_file(read_documents(items, fmt, text_field)):
        good = list(bad.readable(docs))
        for doc in good:
            canonicalizer.canonicalize_document(doc, language(doc))
            change_lines += [json.dumps({"id": doc.id, "source": doc.location, **c.to_dict()},
                                        ensure_ascii=False) + "\n" for c in doc.changes]
        if good:
            sink.write(relative, good)
    if changes_path:
        atomic_write_text(changes_path, "".join(change_lines))
    return bad.exit_code
