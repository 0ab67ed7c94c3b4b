"""One exception hierarchy for the whole package.

Contract: library code raises only ``NormalizerError`` subclasses for problems a user can fix;
the CLI turns them into a one-line message and the exit code carried by the class. Every
message names the file (and line, when there is one) and says what to do.
"""

from __future__ import annotations


class NormalizerError(Exception):
    """Base class; ``exit_code`` is what the CLI returns for it."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.location_message())

    def location_message(self) -> str:
        """``file:line: message`` (or just the message when there is no file)."""
        if self.path is None:
            return self.message
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class UsageError(NormalizerError):
    """The command line or API call itself is wrong (exit 2, like argparse/click)."""

    exit_code = 2


class InputError(NormalizerError):
    """A document cannot be read: not UTF-8, binary, empty, malformed JSONL, too large."""


class GlossaryError(NormalizerError):
    """A glossary file is malformed; ``problems`` holds every problem found, not just the first."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 problems: list[GlossaryError] | None = None):
        super().__init__(message, path=path, line=line)
        self.problems = problems or [self]


class EngineError(NormalizerError):
    """A translation engine or model is missing or failed; the message says how to install it."""


class OutputError(NormalizerError):
    """An output cannot be written where asked (or would overwrite an input)."""

    exit_code = 2
