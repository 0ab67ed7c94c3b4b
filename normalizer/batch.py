"""Batch runs over many files: worker processes, bounded memory, atomic outputs, resume.

Contract:
- Documents are read in input order (files in ``expand_inputs`` order, lines in file order),
  cut into batches of ``batch_size`` by position, processed by ``workers`` processes (each
  builds its ``Pipeline`` once, in the pool initializer; 1 worker runs in this process) and
  consumed in order, so outputs and records do not depend on the number of workers.
- At most ``2 * workers + 1`` batches are in flight: memory stays bounded whatever the input
  size (a JSONL of millions of lines streams through).
- Outputs mirror the inputs under OUT: a text/Markdown document becomes OUT/<relative> written
  atomically; a JSONL file's good lines are appended to a part file under OUT/.newsnorm/ and
  renamed to OUT/<relative> once the whole file is done; a file without any good document gets
  no output. ``OUT/records.jsonl`` (one record per document, bad ones included) is renamed into
  place at the end. OUT/.newsnorm/ is removed when the run completes.
- Crash safety: OUT/.newsnorm/state.json (written atomically, after the outputs it vouches for
  are fsynced) holds the position reached, at a batch boundary, with the byte lengths of the
  part and records files and the statistics so far. ``resume=True`` truncates both files to
  those lengths, moves back a JSONL output renamed into place after that checkpoint (the
  position is always a batch boundary) and continues from that position, so a
  run killed at any point (SIGKILL included) and resumed produces byte-identical outputs to an
  uninterrupted run (records identical apart from ``timings``). A state written by different
  inputs, options or tool version is refused (``UsageError``). Inputs are only ever read.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from normalizer import __version__
from normalizer.document import Document
from normalizer.errors import InputError, UsageError
from normalizer.outputs import jsonl_record
from normalizer.pipeline import Pipeline, PipelineConfig
from normalizer.reader import InputFile, detect_format, expand_inputs, read_documents
from normalizer.records import dumps
from normalizer.summary import DocFacts, ProgressBar, RunStats
from normalizer.writer import atomic_stream, atomic_write_text, check_output_target

WORK_DIR = ".newsnorm"
STATE_FILE = "state.json"
RECORDS_FILE = "records.jsonl"
# Seconds between checkpoints (NEWSNORM_CHECKPOINT_SECONDS overrides: tests use it).
CHECKPOINT_SECONDS = 1.0
MAX_PRINTED_ERRORS = 50


@dataclass(frozen=True)
class RunOptions:
    """How to read and where to write (the pipeline's own options are a ``PipelineConfig``)."""

    inputs: tuple[str, ...]
    output: str | None = None
    fmt: str = "auto"
    text_field: str = "text"
    id_field: str | None = None
    workers: int = 1
    resume: bool = False
    records: str | None = None
    progress: bool | None = None


# One finished document, as the workers send it back: (file index, output fragment or None,
# record line, facts for the summary).
Result = tuple[int, str | None, str, DocFacts]


# -- work done in the workers -----------------------------------------------------------------
_PIPELINE: Pipeline | None = None


def _init_worker(config: PipelineConfig) -> None:
    global _PIPELINE
    _watch_parent(os.getppid())
    _PIPELINE = Pipeline.from_config(config)


def _watch_parent(parent: int) -> None:
    """Exit when the parent dies (SIGKILL included) instead of lingering as an orphan."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="newsnorm-parent-watch").start()


def _run_batch(batch: list[tuple[int, Document]]) -> list[Result]:
    assert _PIPELINE is not None
    return process_batch(_PIPELINE, batch)


def process_batch(pipeline: Pipeline, batch: list[tuple[int, Document]]) -> list[Result]:
    """Run the pipeline over one batch and serialize every result (in the worker)."""
    docs = pipeline.process_batch([doc for _, doc in batch])
    results: list[Result] = []
    for (index, _), doc in zip(batch, docs, strict=True):
        record = pipeline.record(doc)
        facts = DocFacts(doc.language, record["translated"], record["changes_by_entity"],
                         doc.error)
        results.append((index, None if doc.error else render_output(doc, record),
                        dumps(record), facts))
    return results


def render_output(doc: Document, record: dict[str, Any]) -> str:
    """A document's output: its text, or its JSONL line with the original fields kept."""
    if doc.metadata.get("format") != "jsonl":
        return doc.text
    extra = {"newsnorm": {"language": record["language"], "confidence": record["confidence"],
                          "translated": record["translated"], "engine": record["engine"],
                          "model": record["model"], "metadata": record["metadata"]}}
    return json.dumps(jsonl_record(doc, extra), ensure_ascii=False) + "\n"


# -- the run ----------------------------------------------------------------------------------
class BatchRun:
    """One ``newsnorm run``: plan, stream, write, checkpoint, summarize."""

    def __init__(self, config: PipelineConfig, options: RunOptions):
        self.config = config
        self.options = options
        self.items = expand_inputs(options.inputs)
        if not self.items:
            raise UsageError("no input files found (known suffixes: .txt .md .jsonl ...)")
        self.stdout_mode = options.output is None
        if self.stdout_mode:
            single = len(self.items) == 1 and not any(
                Path(p).is_dir() for p in options.inputs if p != "-")
            if not single:
                raise UsageError("several inputs need -o OUT (a folder to mirror them into)")
            if options.resume:
                raise UsageError("--resume needs -o OUT")
        else:
            check_output_target(options.output, options.inputs)
            if Path(options.output).exists() and not Path(options.output).is_dir():
                raise UsageError("-o must be a folder (it will hold one output per input "
                                 "and records.jsonl)", path=options.output)
        if options.resume and any(i.is_stdin for i in self.items):
            raise UsageError("--resume cannot re-read stdin; give files")
        seen: dict[str, str] = {}
        for item in self.items:
            detect_format(item.path, options.fmt)  # a bad --format is a usage error up front
            key = item.relative.lower()
            if key in seen and not self.stdout_mode:
                raise UsageError(f"{seen[key]} and {item.path} would both be written to "
                                 f"{item.relative} under -o; give their common parent folder "
                                 "instead", path=item.path)
            seen[key] = item.path
        self.pipeline = Pipeline.from_config(config)  # loads glossaries: fails early if bad
        if config.detect and config.lang is None:
            _ = self.pipeline.detector  # a missing detection module fails here, not per doc
        self.stats = RunStats()
        self.printed = 0
        self.checkpoint_seconds = float(os.environ.get("NEWSNORM_CHECKPOINT_SECONDS",
                                                       CHECKPOINT_SECONDS))

    # -- paths --------------------------------------------------------------------------------
    @property
    def out(self) -> Path:
        assert self.options.output is not None
        return Path(self.options.output)

    @property
    def work(self) -> Path:
        return self.out / WORK_DIR

    def fingerprint(self) -> dict[str, Any]:
        """What must not change between a run and its resumption."""
        files = []
        for item in self.items:
            st = os.stat(item.path)
            files.append([item.path, item.relative, st.st_size, st.st_mtime_ns])
        return {"version": __version__, "config": self.config.to_dict(),
                "glossary": self.pipeline.signature["glossary"],
                "read": [self.options.fmt, self.options.text_field, self.options.id_field],
                "files": files}

    # -- main loop ----------------------------------------------------------------------------
    def run(self) -> RunStats:
        started = time.monotonic()
        if self.stdout_mode:
            self._run_stdout(started)
            return self.stats
        state = self._open_state()
        if state.get("done"):
            self._finish(state)
            return self.stats
        total = sum(os.path.getsize(i.path) for i in self.items)
        base_seconds = self.stats.seconds
        file_index, doc_index = state["file"], state["doc"]
        current: int | None = None  # file whose documents are arriving
        part = None
        if doc_index > 0:  # resuming inside a file: its part file goes on where it was
            current = file_index
            part = self._open_part(file_index, state.get("part_bytes", 0))
        last_checkpoint = time.monotonic()
        records = open(self.work / "records.part", "ab")  # noqa: SIM115
        try:
            with ProgressBar(total, self.options.progress) as bar:
                done_bytes = sum(os.path.getsize(i.path) for i in self.items[:file_index])
                for batch_results in self._results(file_index, doc_index):
                    for index, output, record, facts in batch_results:
                        if index != current:
                            if current is not None:
                                part = self._commit_file(current, part, records, state)
                                done_bytes += os.path.getsize(self.items[current].path)
                            current, doc_index = index, (doc_index if index == file_index
                                                         else 0)
                            file_index = index
                            part = self._open_part(index, None)
                        doc_index += 1
                        records.write(record.encode("utf-8"))
                        if output is not None:
                            part = self._write_output(index, output, part)
                        self.stats.add(facts)
                        self._report_error(facts, bar)
                    bar.update(done_bytes, self.stats.documents, self.stats.failed)
                    if time.monotonic() - last_checkpoint >= self.checkpoint_seconds:
                        self.stats.seconds = base_seconds + time.monotonic() - started
                        self._checkpoint(state, file_index, doc_index, part, records)
                        last_checkpoint = time.monotonic()
                if current is not None:
                    part = self._commit_file(current, part, records, state)
                self.stats.seconds = base_seconds + time.monotonic() - started
                self._checkpoint(state, len(self.items), 0, None, records)
        finally:
            if part is not None:
                part.close()
            records.close()
        state["done"] = True
        self._save_state(state)
        self._finish(state)
        return self.stats

    def _results(self, file_index: int, doc_index: int) -> Iterator[list[Result]]:
        """Batches of results in input order, from the pool or from this process."""
        batches = self._batches(file_index, doc_index)
        if self.options.workers <= 1:
            for batch in batches:
                yield process_batch(self.pipeline, batch)
            return
        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        # workers share the cores: each engine gets its share of threads, not all of them
        threads = self.config.threads or max(1, (os.cpu_count() or 1) // self.options.workers)
        worker_config = replace(self.config, threads=threads)
        with ctx.Pool(self.options.workers, initializer=_init_worker,
                      initargs=(worker_config,)) as pool:
            pending: deque[Any] = deque()
            limit = 2 * self.options.workers + 1
            for batch in batches:
                pending.append(pool.apply_async(_run_batch, (batch,)))
                if len(pending) >= limit:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()

    def _batches(self, file_index: int, doc_index: int) -> Iterator[list[tuple[int, Document]]]:
        size = self.config.batch_size
        batch: list[tuple[int, Document]] = []
        for index, doc in self._documents(file_index, doc_index):
            batch.append((index, doc))
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def _documents(self, file_index: int, doc_index: int) -> Iterator[tuple[int, Document]]:
        """Every document from (file_index, doc_index) on, an empty JSONL file as an error."""
        opts = self.options
        for index in range(file_index, len(self.items)):
            item = self.items[index]
            skip = doc_index if index == file_index else 0
            seen = 0
            for doc in read_documents([item], opts.fmt, opts.text_field, opts.id_field):
                seen += 1
                if seen > skip:
                    yield index, doc
            if seen == 0:
                source = "<stdin>" if item.is_stdin else item.path
                error = InputError("no JSON lines (empty file); nothing to normalize",
                                   path=source)
                yield index, Document(id=Path(item.relative).with_suffix("").as_posix(),
                                      text="", source=source, error=error.location_message(),
                                      metadata={"format": "jsonl",
                                                "relative": item.relative})

    # -- outputs ------------------------------------------------------------------------------
    def _is_jsonl(self, index: int) -> bool:
        return detect_format(self.items[index].path, self.options.fmt) == "jsonl"

    def _part_path(self, index: int) -> Path:
        """One part file per input file: a pending rename can never pick up another's."""
        return self.work / f"file-{index}.part"

    def _open_part(self, index: int, resume_bytes: int | None) -> Any:
        """The part file of a JSONL input: new, or (resuming) cut back to the checkpoint."""
        if not self._is_jsonl(index):
            return None
        path = self._part_path(index)
        resumed = resume_bytes is not None and path.exists()
        handle = open(path, "r+b" if resumed else "wb")  # noqa: SIM115
        if resumed:
            handle.truncate(resume_bytes)
            handle.seek(0, os.SEEK_END)
        return handle

    def _write_output(self, index: int, output: str, part: Any) -> Any:
        if part is not None:
            part.write(output.encode("utf-8"))
        else:
            self._write_file(self.out / self.items[index].relative, output)
        return part

    def _write_file(self, target: Path, text: str) -> None:
        """Atomic write whose temporary file lives in OUT/.newsnorm/tmp (never next to the
        outputs, so a killed run leaves no stray file among them)."""
        tmp_dir = self.work / "tmp"
        tmp_dir.mkdir(exist_ok=True)
        tmp = tmp_dir / "output.tmp"
        with open(tmp, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, target)

    def _commit_file(self, index: int, part: Any, records: Any, state: dict[str, Any]) -> None:
        """A JSONL file is done: rename its part file over OUT/<relative> (or drop it)."""
        path = self._part_path(index)
        if part is not None:
            part.flush()
            os.fsync(part.fileno())
            part.close()
        if not self._is_jsonl(index) or not path.exists():
            return None
        if path.stat().st_size == 0:
            path.unlink()
            return None
        target = self.out / self.items[index].relative
        target.parent.mkdir(parents=True, exist_ok=True)
        # Note the rename before doing it: the position stays at the last checkpoint, so a
        # resume inside this file moves the output back to its part file (see _undo_commit).
        # Several files may be committed between two checkpoints: all are noted.
        state["pending"] = [*_pending(state), [index, str(path), str(target)]]
        self._save_state(state)
        os.replace(path, target)
        _fsync_dir(target.parent)
        return None

    # -- state --------------------------------------------------------------------------------
    def _open_state(self) -> dict[str, Any]:
        fingerprint = self.fingerprint()
        state_path = self.work / STATE_FILE
        if self.options.resume and state_path.exists():
            try:
                state = json.loads(state_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise UsageError("the saved run state is unreadable; run again without "
                                 "--resume", path=str(state_path)) from None
            if state.get("fingerprint") != fingerprint:
                raise UsageError("OUT holds a run with other inputs, options or version; "
                                 "run without --resume to start over", path=str(self.out))
            self._undo_commit(state)
            shutil.rmtree(self.work / "tmp", ignore_errors=True)
            records = self.work / "records.part"
            with open(records, "ab") as handle:
                handle.truncate(state["records_bytes"])
            self.stats = RunStats.from_dict(state["stats"])
            return state
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        (self.work / "records.part").write_bytes(b"")
        state = {"fingerprint": fingerprint, "file": 0, "doc": 0, "part_bytes": 0,
                 "records_bytes": 0, "pending": [], "done": False,
                 "stats": self.stats.to_dict()}
        self._save_state(state)
        return state

    def _checkpoint(self, state: dict[str, Any], file_index: int, doc_index: int, part: Any,
                    records: Any) -> None:
        """Make everything written so far durable, then record the position."""
        part_bytes = 0
        if part is not None:
            part.flush()
            os.fsync(part.fileno())
            part_bytes = part.tell()
        records.flush()
        os.fsync(records.fileno())
        state.update(file=file_index, doc=doc_index, part_bytes=part_bytes,
                     records_bytes=records.tell(), pending=[],
                     stats=self.stats.to_dict())
        self._save_state(state)

    def _save_state(self, state: dict[str, Any]) -> None:
        atomic_write_text(self.work / STATE_FILE, json.dumps(state, ensure_ascii=False))

    def _undo_commit(self, state: dict[str, Any]) -> None:
        """Resuming inside a file whose output was already renamed into place: move it back
        to its part file, which the resume cuts to the checkpointed length and completes."""
        for index, part, target in _pending(state):
            if index == state["file"] and state["doc"] > 0 and not Path(part).exists() \
                    and Path(target).exists():
                os.replace(target, part)
        state["pending"] = []

    def _finish(self, state: dict[str, Any]) -> None:
        """records.part becomes OUT/records.jsonl; the work folder goes."""
        self.stats = RunStats.from_dict(state["stats"])
        records = self.work / "records.part"
        if records.exists():
            with open(records, "ab") as handle:
                handle.truncate(state["records_bytes"])
                os.fsync(handle.fileno())
            os.replace(records, self.out / RECORDS_FILE)
            _fsync_dir(self.out)
        shutil.rmtree(self.work, ignore_errors=True)

    # -- stdout mode ----------------------------------------------------------------------------
    def _run_stdout(self, started: float) -> None:
        import sys
        from contextlib import nullcontext

        # Records carry the texts: streamed to a temporary file, renamed into place at the end.
        target = self.options.records
        with atomic_stream(target) if target else nullcontext() as records:
            for batch in self._results(0, 0):
                for _, output, record, facts in batch:
                    if output is not None:
                        sys.stdout.write(output)
                    if records is not None:
                        records.write(record)
                    self.stats.add(facts)
                    self._report_error(facts, None)
            sys.stdout.flush()
        self.stats.seconds = time.monotonic() - started

    def _report_error(self, facts: DocFacts, bar: ProgressBar | None) -> None:
        if not facts.error:
            return
        self.printed += 1
        if self.printed > MAX_PRINTED_ERRORS:
            return
        message = f"newsnorm: error: {facts.error}"
        if self.printed == MAX_PRINTED_ERRORS:
            message += " (further errors: see records.jsonl and the summary)"
        if bar is not None:
            bar.log(message)
        else:
            import sys

            print(message, file=sys.stderr, flush=True)


def _pending(state: dict[str, Any]) -> list[list[Any]]:
    """The file commits noted since the last checkpoint (one ``[index, part, target]`` per
    file; a state written before several were kept holds one or ``None``)."""
    pending = state.get("pending") or []
    return [pending] if pending and not isinstance(pending[0], list) else list(pending)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def run_batch(config: PipelineConfig, options: RunOptions) -> RunStats:
    """Plan and run a batch; raises ``UsageError``/``OutputError`` before touching OUT."""
    return BatchRun(config, options).run()


__all__ = ["BatchRun", "InputFile", "RunOptions", "RunStats", "process_batch", "run_batch"]
