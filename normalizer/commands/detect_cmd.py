"""``newsnorm detect``: one language answer per document (per JSONL record).

Contract: prints ``source<TAB>lang<TAB>confidence`` per document (``--json``: one JSON object
per line with source, id, lang, confidence, reason and, with ``--segments``, the runs); bad
documents get a one-line error on stderr and the batch goes on; exit 1 if any failed.
"""

from __future__ import annotations

import json

import typer

from normalizer.cli import BadDocuments
from normalizer.detection import LanguageDetector
from normalizer.errors import UsageError
from normalizer.reader import expand_inputs, read_documents


def parse_langs(value: str | None) -> list[str] | None:
    """``"en,fr, fa"`` -> ``["en", "fr", "fa"]``; None or blank -> None (all languages)."""
    if value is None:
        return None
    codes = [code.strip() for code in value.split(",") if code.strip()]
    if not codes:
        raise UsageError("--langs needs comma-separated ISO 639-1 codes, e.g. en,fr,fa,ar")
    return codes


def run_detect(paths: list[str], as_json: bool, segments: bool, langs: str | None,
               backend: str, threshold: float | None, text_field: str, fmt: str) -> int:
    options = {} if threshold is None else {"threshold": threshold}
    detector = LanguageDetector(parse_langs(langs), backend=backend, **options)
    bad = BadDocuments()
    for doc in bad.readable(read_documents(expand_inputs(paths), fmt, text_field)):
        found = detector.detect(doc.text)
        runs = detector.segments(doc.text) if segments else []
        if as_json:
            record = {"source": doc.location, "id": doc.id, "lang": found.lang,
                      "confidence": found.confidence, "reason": found.reason}
            if segments:
                record["segments"] = [{"start": s.start, "end": s.end, "lang": s.lang,
                                       "confidence": s.confidence} for s in runs]
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            line = f"{doc.location}\t{found.lang}\t{found.confidence:.2f}"
            if segments:
                line += "\t" + " ".join(f"{s.lang}:{s.start}-{s.end}" for s in runs)
            typer.echo(line)
    return bad.exit_code
