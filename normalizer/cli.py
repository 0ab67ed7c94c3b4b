"""The ``newsnorm`` command: a thin layer over the Python API.

Contract: commands parse options, call library functions, print results; every
``NormalizerError`` becomes one line on stderr and the error's exit code (2 for usage, 1 for
failed documents). Heavy modules are imported inside commands so ``--help`` stays fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from normalizer import __version__
from normalizer.errors import NormalizerError

app = typer.Typer(name="newsnorm", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False,
                  help="Clean, translate and canonicalize multilingual news text, offline.")
glossary_app = typer.Typer(no_args_is_help=True, help="Check and convert glossaries.")
app.add_typer(glossary_app, name="glossary")

GlossaryOpt = Annotated[list[str], typer.Option("-g", "--glossary", help="Glossary file "
                        "(.yaml, .csv, .tsv); repeat for several.")]
OutOpt = Annotated[str | None, typer.Option("-o", "--output", help="Output file (one input) "
                   "or folder (mirrors the inputs). Default: stdout for one input.")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Language of the input (ISO 639-1) "
                    "so per-language glossary spellings apply.")]


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


@app.command()
def canonicalize(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    glossary: GlossaryOpt,
    lang: LangOpt = None,
    output: OutOpt = None,
    changes: Annotated[str | None, typer.Option("--changes", help="Write every change as "
                       "JSON lines to this file.")] = None,
    text_field: Annotated[str, typer.Option("--text-field", help="JSONL field with the "
                          "text.")] = "text",
    fmt: Annotated[str, typer.Option("--format", help="auto, text, markdown or jsonl.")]
    = "auto",
) -> None:
    """Rewrite entity spellings to their canonical form, recording every change."""
    from normalizer.commands.canonicalize_cmd import run_canonicalize

    raise typer.Exit(run_canonicalize(paths, glossary, lang, output, changes, text_field, fmt))


@glossary_app.command("check")
def glossary_check(paths: Annotated[list[str], typer.Argument(help="Glossary files.")]) -> None:
    """Validate glossaries: prints file:line for every problem, exits 1 if there is any."""
    from normalizer.commands.glossary_cmd import run_check

    raise typer.Exit(run_check(paths))


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
