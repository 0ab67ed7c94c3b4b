"""``newsnorm translate``: documents in, English (or ``--to``) text out.

Every input document is translated in one cross-document batch per language pair; with ``-g``,
glossary names are protected through translation and the output is canonicalized. Documents in
the target language or of undetermined language are written unchanged and reported on stderr.
"""

from __future__ import annotations

from normalizer.cli import BadDocuments
from normalizer.commands.canonicalize_cmd import plan_output
from normalizer.errors import UsageError
from normalizer.outputs import group_by_file
from normalizer.reader import expand_inputs, read_documents

CHUNK = 64  # documents per translation batch (bounded memory on huge inputs)


def _detector():  # type: ignore[no-untyped-def]
    try:
        from normalizer.detect import LanguageDetector
    except ImportError:
        raise UsageError("language detection is not available; give --from CODE") from None
    return LanguageDetector()


def run_translate(paths: list[str], to: str, source: str, engine: str,
                  glossary_paths: list[str] | None, output: str | None,
                  beam_size: int | None, threads: int | None, no_cache: bool,
                  text_field: str, fmt: str, known_aliases: bool = False) -> int:
    from normalizer.canonicalize import Canonicalizer
    from normalizer.glossary import load_glossaries
    from normalizer.glossary.known import with_known_aliases
    from normalizer.translate import Translator

    glossary = load_glossaries(glossary_paths) if glossary_paths else None
    if glossary is not None and known_aliases:
        glossary = with_known_aliases(glossary)  # protected and canonicalized alike
    canonicalizer = Canonicalizer(glossary, known_aliases=False) if glossary is not None \
        else None
    sink = plan_output(paths, output)
    detector = _detector() if source == "auto" else None
    bad = BadDocuments()
    with Translator(target=to, engine=engine, glossary=glossary, cache=not no_cache,
                    beam_size=beam_size, threads=threads) as translator:
        for relative, docs in group_by_file(read_documents(expand_inputs(paths), fmt,
                                                           text_field)):
            good = list(bad.readable(docs))
            for doc in good:
                if detector is not None:
                    found = detector.detect(doc.text)
                    doc.language, doc.confidence = found.lang, found.confidence
                else:
                    doc.language = source
            for start in range(0, len(good), CHUNK):
                chunk = good[start:start + CHUNK]
                results = translator.translate_many([(d.text, d.language) for d in chunk])
                for doc, result in zip(chunk, results, strict=True):
                    doc.text = result.text
                    doc.metadata["translation"] = {
                        "translated": result.translated, "engine": result.engine,
                        "model": result.model, "from": doc.language,
                        "protected": result.protected, "recovered": result.recovered}
                    lang = translator.target if result.translated else doc.language
                    if canonicalizer is not None:
                        canonicalizer.canonicalize_document(
                            doc, None if lang in (None, "und") else lang)
                    for warning in result.warnings:
                        typer_warn(f"{doc.location}: {warning}")
            if good:
                sink.write(relative, good)
    return bad.exit_code


def typer_warn(message: str) -> None:
    import typer

    typer.echo(f"newsnorm: warning: {message}", err=True)
