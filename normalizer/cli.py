"""The ``newsnorm`` command: a thin layer over the Python API.

Contract: commands parse options, call library functions, print results; every
``NormalizerError`` becomes one line on stderr and the error's exit code (2 for usage, 1 for
failed documents). Heavy modules are imported inside commands so ``--help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from normalizer import __version__
from normalizer.errors import NormalizerError

if TYPE_CHECKING:
    from normalizer.document import Document

app = typer.Typer(name="newsnorm", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False,
                  help="Clean, translate and canonicalize multilingual news text, offline.")
glossary_app = typer.Typer(no_args_is_help=True, help="Check and convert glossaries.")
app.add_typer(glossary_app, name="glossary")
models_app = typer.Typer(no_args_is_help=True, help="Manage Argos Translate models "
                         "(install FROM TO is the only networked command).")
app.add_typer(models_app, name="models")

GlossaryOpt = Annotated[list[str], typer.Option("-g", "--glossary", help="Glossary file "
                        "(.yaml, .csv, .tsv); repeat for several.")]
OutOpt = Annotated[str | None, typer.Option("-o", "--output", help="Output file (one input) "
                   "or folder (mirrors the inputs). Default: stdout for one input.")]
TextFieldOpt = Annotated[str, typer.Option("--text-field", help="JSONL field with the text.")]
FormatOpt = Annotated[str, typer.Option("--format", help="Input format: auto (by suffix), "
                      "text, markdown or jsonl.")]
KnownAliasesOpt = Annotated[bool, typer.Option(
    "--known-aliases/--no-known-aliases", help="Add the shipped known aliases (Hemedti, Abu "
    "Mazen, Ligue arabe...) of the entities the glossary names: other names, not spellings, "
    "so off unless asked.")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Language of the input (ISO 639-1) "
                    "for per-language glossary spellings. Default: a JSONL record's lang "
                    "field, else detected.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsnorm {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version,
                                                is_eager=True, help="Show the version.")]
          = False) -> None:
    """newsnorm: clean, English, consistently spelled news text with an audit trail."""


def fail(message: str) -> None:
    """Print a one-line error to stderr."""
    typer.echo(f"newsnorm: error: {message}", err=True)


class BadDocuments:
    """Reports each unreadable document on stderr as it comes and counts them: a batch goes
    on past a bad document and exits 1 at the end."""

    def __init__(self) -> None:
        self.count = 0

    def readable(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            if doc.error:
                fail(doc.error)
                self.count += 1
            else:
                yield doc

    @property
    def exit_code(self) -> int:
        return 1 if self.count else 0


@app.command()
def canonicalize(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    glossary: GlossaryOpt,
    lang: LangOpt = None,
    output: OutOpt = None,
    changes: Annotated[str | None, typer.Option("--changes", help="Write every change as "
                       "JSON lines to this file.")] = None,
    text_field: TextFieldOpt = "text",
    fmt: FormatOpt = "auto",
    listed_only: Annotated[bool, typer.Option("--listed-only", help="Only the glossary's own "
                           "spellings: no unlisted romanizations, short forms, acronyms or "
                           "respellings (several times faster with very large "
                           "glossaries).")] = False,
    known_aliases: KnownAliasesOpt = False,
    expand_acronyms: Annotated[bool, typer.Option("--expand-acronyms", help="Write an unlisted "
                               "acronym of a name the document gives in full (\"LNA\" after "
                               "\"Libyan National Army\") as that name.")] = False,
) -> None:
    """Rewrite entity spellings to their canonical form, recording every change."""
    from normalizer.commands.canonicalize_cmd import run_canonicalize

    raise typer.Exit(run_canonicalize(paths, glossary, lang, output, changes, text_field, fmt,
                                      listed_only=listed_only, known_aliases=known_aliases,
                                      expand_acronyms=expand_acronyms))


@app.command("run")
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - "
                     "for stdin.")],
    glossary: Annotated[list[str] | None, typer.Option("-g", "--glossary", help="Glossary "
                        "file (.yaml, .csv, .tsv); repeat for several.")] = None,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output folder: one "
                      "output per input at the same relative path, plus records.jsonl. "
                      "Default: stdout for one input.")] = None,
    to: Annotated[str, typer.Option("--to", help="Target language.")] = "en",
    engine: Annotated[str, typer.Option("--engine", help="auto, argos, apertium or none.")]
    = "auto",
    langs: Annotated[str | None, typer.Option("--langs", help="Candidate languages for "
                     "detection, e.g. fr,en,ar (default: all).")] = None,
    lang: LangOpt = None,
    fmt: FormatOpt = "auto",
    text_field: TextFieldOpt = "text",
    id_field: Annotated[str | None, typer.Option("--id-field", help="JSONL field with the "
                        "document id (default: file:line).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-j", help="Worker processes "
                       "(default: the number of cores).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run into "
                      "the same -o folder, skipping finished documents.")] = False,
    furniture: Annotated[str | None, typer.Option("--furniture", help="File of page-furniture "
                         "line patterns (one regex per line) replacing the built-in list.")]
    = None,
    clean: Annotated[bool, typer.Option("--clean/--no-clean", help="Unicode, whitespace, "
                     "page furniture and date header clean-up.")] = True,
    detect: Annotated[bool, typer.Option("--detect/--no-detect", help="Language detection.")]
    = True,
    translate: Annotated[bool, typer.Option("--translate/--no-translate", help="Translate "
                         "non-target text.")] = True,
    canonicalize: Annotated[bool, typer.Option("--canonicalize/--no-canonicalize",
                            help="Canonical entity spellings (needs -g).")] = True,
    records: Annotated[str | None, typer.Option("--records", help="Without -o: write the "
                       "records (JSONL) to this file.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents per batch "
                          "(translation is batched across them).")] = 16,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary table.")] = False,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress "
                        "bar (default: only on a terminal, never in CI).")] = None,
    known_aliases: KnownAliasesOpt = False,
) -> None:
    """Clean, detect, translate and canonicalize many documents, with records.jsonl."""
    from normalizer.commands.run_cmd import run as run_command

    raise typer.Exit(run_command(paths, glossary, output, to, engine, langs, lang, fmt,
                                 text_field, id_field, workers, resume, furniture, clean,
                                 detect, translate, canonicalize, records, batch_size, quiet,
                                 progress, known_aliases))


@app.command()
def detect(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    segments: Annotated[bool, typer.Option("--segments", help="Also give runs of one "
                        "language (paragraphs merged).")] = False,
    langs: Annotated[str | None, typer.Option("--langs", help="Only these languages, e.g. "
                     "en,fr,fa,ar (ISO 639-1).")] = None,
    backend: Annotated[str, typer.Option("--backend", help="langdetect (default), lingua or "
                       "fastlangdetect (if installed).")] = "langdetect",
    threshold: Annotated[float | None, typer.Option("--threshold", help="Answer und below "
                         "this confidence (default 0.5).")] = None,
    text_field: TextFieldOpt = "text",
    fmt: FormatOpt = "auto",
) -> None:
    """Detect the language of each document (und when unsure): source, language, confidence."""
    from normalizer.commands.detect_cmd import run_detect

    raise typer.Exit(run_detect(paths, as_json, segments, langs, backend, threshold,
                                text_field, fmt))


@app.command()
def translate(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    to: Annotated[str, typer.Option("--to", help="Target language.")] = "en",
    source: Annotated[str, typer.Option("--from", help="Source language (ISO 639-1) or auto "
                      "(detected per document).")] = "auto",
    engine: Annotated[str, typer.Option("--engine", help="auto (argos if a model serves the "
                      "pair, else apertium), argos, apertium or none.")] = "auto",
    glossary: Annotated[list[str] | None, typer.Option("-g", "--glossary", help="Glossary: "
                        "names are protected through translation, output canonicalized.")]
    = None,
    output: OutOpt = None,
    beam_size: Annotated[int | None, typer.Option("--beam-size", help="Argos beam size "
                         "(default 4).")] = None,
    threads: Annotated[int | None, typer.Option("--threads", help="Argos CPU threads "
                       "(default: all cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Bypass the translation "
                        "cache.")] = False,
    text_field: TextFieldOpt = "text",
    fmt: FormatOpt = "auto",
    known_aliases: KnownAliasesOpt = False,
) -> None:
    """Translate documents offline (Argos or Apertium), glossary names kept canonical."""
    from normalizer.commands.translate_cmd import run_translate

    raise typer.Exit(run_translate(paths, to, source, engine, glossary, output, beam_size,
                                   threads, no_cache, text_field, fmt, known_aliases))


@models_app.command("list")
def models_list() -> None:
    """Installed Argos models (argostranslate's package folder, ARGOS_PACKAGES_DIR)."""
    from normalizer.commands.models_cmd import run_list

    raise typer.Exit(run_list())


IndexOpt = Annotated[str | None, typer.Option("--index", help="Argos index URL or file "
                     "(default: $NEWSNORM_ARGOS_INDEX or the Argos index).")]


@models_app.command("available")
def models_available(index: IndexOpt = None) -> None:
    """Models listed in the Argos index (downloads the index)."""
    from normalizer.commands.models_cmd import run_available

    raise typer.Exit(run_available(index))


@models_app.command("install")
def models_install(
    pair: Annotated[list[str] | None, typer.Argument(help="FROM TO, e.g. fr en.")] = None,
    file: Annotated[str | None, typer.Option("--file", help="Install this .argosmodel "
                    "file (no network).")] = None,
    index: IndexOpt = None,
) -> None:
    """Download and install a model from the index, or install a local .argosmodel."""
    from normalizer.commands.models_cmd import run_install

    raise typer.Exit(run_install(pair or [], file, index))


@models_app.command("remove")
def models_remove(what: Annotated[list[str], typer.Argument(help="Package code or FROM "
                  "TO.")]) -> None:
    """Remove an installed model."""
    from normalizer.commands.models_cmd import run_remove

    raise typer.Exit(run_remove(what))


@glossary_app.command("check")
def glossary_check(paths: Annotated[list[str], typer.Argument(help="Glossary files.")]) -> None:
    """Lint glossaries: file:line and severity of every problem; exit 1 only on errors.

    Errors: load errors, clashes between entries. Warnings: ambiguous one-word spellings,
    shadowed spellings, duplicates.
    """
    from normalizer.commands.glossary_cmd import run_check

    raise typer.Exit(run_check(paths))


FromOpt = Annotated[str, typer.Option("--from", help="Input format: auto (by suffix; a "
                    "headerless .tsv is DeepL), yaml, csv, tsv or deepl.")]
DeeplLangOpt = Annotated[str | None, typer.Option("--lang", help="DeepL glossaries: the source "
                         "language of the pair (its spellings are valid in that language).")]


ConvertOutOpt = Annotated[str | None, typer.Option("-o", "--output", help="Output file "
                          "(format by its suffix). Default: stdout.")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Output format: yaml, csv, tsv or deepl "
                  "(default: by the -o suffix, else the command's own format).")]
ConvertPathsArg = Annotated[list[str], typer.Argument(help="YAML, CSV/TSV or DeepL TSV "
                            "glossaries.")]


@glossary_app.command("import")
def glossary_import(paths: ConvertPathsArg, output: ConvertOutOpt = None, src: FromOpt = "auto",
                    to: ToOpt = None, lang: DeeplLangOpt = None) -> None:
    """Convert glossaries into the native YAML format (merged into one file)."""
    from normalizer.commands.glossary_cmd import run_convert

    raise typer.Exit(run_convert(paths, output, src, to, lang, "yaml"))


@glossary_app.command("export")
def glossary_export(paths: ConvertPathsArg, output: ConvertOutOpt = None, src: FromOpt = "auto",
                    to: ToOpt = None, lang: DeeplLangOpt = None) -> None:
    """Write glossaries as CSV/TSV interchange rows (the default) or a DeepL glossary."""
    from normalizer.commands.glossary_cmd import run_convert

    raise typer.Exit(run_convert(paths, output, src, to, lang, "csv"))


@glossary_app.command("suggest")
def glossary_suggest(
    paths: Annotated[list[str], typer.Argument(help="Corpus files, folders, globs.")],
    glossary: GlossaryOpt,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write the CSV here "
                      "(default: stdout).")] = None,
    lang: LangOpt = None,
    top: Annotated[int, typer.Option("--top", help="At most this many suggestions (0: all).")]
    = 0,
    min_count: Annotated[int, typer.Option("--min-count", help="Ignore spellings seen fewer "
                         "times.")] = 1,
    text_field: TextFieldOpt = "text",
    fmt: FormatOpt = "auto",
) -> None:
    """Mine a corpus for unlisted spellings of glossary entries (CSV, best first).

    Columns canonical,variant,lang,type (append reviewed rows to a CSV glossary as they are),
    then count,score,example. The glossary itself is never changed.
    """
    from normalizer.commands.suggest_cmd import run_suggest

    raise typer.Exit(run_suggest(paths, glossary, output, lang, top, min_count, text_field,
                                 fmt))


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="records.jsonl (or --changes JSONL) "
                     "files.")],
    output: Annotated[str, typer.Option("-o", "--output", help="The HTML file to write.")],
    title: Annotated[str | None, typer.Option("--title", help="Page title.")] = None,
) -> None:
    """Write a self-contained HTML review page: every change highlighted, filters, totals."""
    from normalizer.commands.report_cmd import run_report

    raise typer.Exit(run_report(paths, output, title))


def main() -> None:
    """Entry point: run the app, turning library errors into one-line messages."""
    try:
        app()
    except NormalizerError as exc:
        fail(exc.location_message())
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        fail("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)


if __name__ == "__main__":
    main()
