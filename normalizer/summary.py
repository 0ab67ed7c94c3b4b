"""Run statistics, the progress bar and the end-of-run summary table.

Contract: ``RunStats`` aggregates per-document facts (language, translated, changes per entity,
error) and round-trips through JSON so a resumed run reports the whole run. The progress bar is
drawn only when stderr is a terminal and ``CI`` is not set; otherwise nothing is drawn. The
summary table goes to stderr, so stdout carries only document output.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

MAX_LISTED_ERRORS = 50


@dataclass
class DocFacts:
    """What the summary needs from one document (small, cheap to send between processes)."""

    language: str | None
    translated: bool
    changes: dict[str, int]
    error: str | None


@dataclass
class RunStats:
    documents: int = 0
    failed: int = 0
    translated: int = 0
    languages: Counter = field(default_factory=Counter)
    changes: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, facts: DocFacts) -> None:
        self.documents += 1
        if facts.error:
            self.failed += 1
            if len(self.errors) < MAX_LISTED_ERRORS:
                self.errors.append(facts.error)
            return
        self.languages[facts.language or "?"] += 1
        self.translated += facts.translated
        self.changes.update(facts.changes)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "failed": self.failed,
                "translated": self.translated, "languages": dict(self.languages),
                "changes": dict(self.changes), "errors": list(self.errors),
                "seconds": self.seconds}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunStats:
        return cls(data["documents"], data["failed"], data["translated"],
                   Counter(data["languages"]), Counter(data["changes"]), list(data["errors"]),
                   float(data.get("seconds", 0.0)))


def progress_wanted() -> bool:
    """A bar only for a person watching: stderr is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


class ProgressBar:
    """A rich progress bar over input bytes; a no-op when not wanted."""

    def __init__(self, total_bytes: int, enabled: bool | None = None):
        self.enabled = progress_wanted() if enabled is None else enabled
        self._progress: Any = None
        self._task: Any = None
        self.total = max(total_bytes, 1)

    def __enter__(self) -> ProgressBar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                      TextColumn("{task.percentage:>3.0f}%"),
                                      TimeElapsedColumn(), TimeRemainingColumn(),
                                      console=Console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("documents 0", total=self.total)
        return self

    def update(self, done_bytes: int, documents: int, failed: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=min(done_bytes, self.total),
                                  description=f"documents {documents}"
                                  + (f" ({failed} failed)" if failed else ""))

    def log(self, message: str) -> None:
        """A line above the bar (or plain stderr)."""
        if self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr, flush=True)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)


def print_summary(stats: RunStats, out_folder: str | None, file: Any = None) -> None:
    """The end-of-run table: documents, languages, translated, changes, errors, time."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file or sys.stderr, highlight=False)
    table = Table(title="newsnorm run", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    add_row = table.add_row

    def row(name: str, value: str) -> None:
        add_row(name, Text(value))

    ok = stats.documents - stats.failed
    row("documents", f"{stats.documents} ({ok} written, {stats.failed} failed)")
    row("languages", ", ".join(f"{k} {v}" for k, v in
                                         sorted(stats.languages.items(),
                                                key=lambda kv: (-kv[1], kv[0]))) or "-")
    row("translated", str(stats.translated))
    top = sorted(stats.changes.items(), key=lambda kv: (-kv[1], kv[0]))
    row("changes", f"{sum(stats.changes.values())}" + "".join(
        f"\n  {entity} {count}" for entity, count in top[:15])
        + (f"\n  ... {len(top) - 15} more entities" if len(top) > 15 else ""))
    errors = "".join(f"\n  {e}" for e in stats.errors)
    if stats.failed > len(stats.errors):
        errors += f"\n  ... {stats.failed - len(stats.errors)} more in records.jsonl"
    row("errors", f"{stats.failed}{errors}")
    rate = stats.documents / stats.seconds if stats.seconds else 0.0
    row("time", f"{stats.seconds:.1f} s ({rate:.1f} documents/s)")
    if out_folder:
        row("output", f"{out_folder} (records: records.jsonl)")
    console.print(table, markup=False)
