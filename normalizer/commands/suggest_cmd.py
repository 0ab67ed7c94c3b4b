"""``newsnorm glossary suggest``: corpus in, ranked CSV of probable unlisted variants out."""

from __future__ import annotations

import csv
import io
import sys

from normalizer.cli import BadDocuments
from normalizer.doclang import DocumentLanguage
from normalizer.errors import UsageError


def run_suggest(paths: list[str], glossary_paths: list[str], output: str | None,
                lang: str | None, top: int, min_count: int, text_field: str, fmt: str) -> int:
    from normalizer.glossary import load_glossaries
    from normalizer.reader import expand_inputs, read_documents
    from normalizer.suggest import HEADER, Suggester
    from normalizer.writer import atomic_write_text

    if not glossary_paths:
        raise UsageError("give at least one glossary with -g FILE")
    if output is not None and output in glossary_paths:
        raise UsageError("-o would overwrite the glossary: suggest never changes it; choose "
                         "another file")
    suggester = Suggester(load_glossaries(glossary_paths))
    language = DocumentLanguage(lang)
    bad = BadDocuments()
    for doc in bad.readable(read_documents(expand_inputs(paths), fmt, text_field)):
        suggester.add(doc.text, language(doc))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for suggestion in suggester.results(min_count, top):
        writer.writerow(suggestion.row())
    if output is None or output == "-":
        sys.stdout.write(buffer.getvalue())
    else:
        atomic_write_text(output, buffer.getvalue())
    return bad.exit_code
