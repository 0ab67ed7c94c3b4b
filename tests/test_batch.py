"""Batch runs: worker-count independence, JSONL in/out, bounded memory, crash and resume."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from normalizer import batch as batch_mod
from normalizer.batch import BatchRun, RunOptions
from normalizer.errors import OutputError, UsageError
from normalizer.pipeline import PipelineConfig
from tests.batch_corpus import make_corpus, snapshot

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = str(ROOT / "glossaries" / "mideast-diplomacy.yaml")


def config(**kw) -> PipelineConfig:
    # English forced: detection is exercised in test_cli_run; here the batch mechanics are.
    base = {"glossaries": (GLOSSARY,), "engine": "none", "batch_size": 4, "lang": "en"}
    base.update(kw)
    return PipelineConfig(**base)


def run(inputs, out, workers=1, resume=False, cfg=None, **kw):
    options = RunOptions(inputs=tuple(str(i) for i in inputs), output=str(out),
                         workers=workers, resume=resume, progress=False, **kw)
    return BatchRun(cfg or config(), options).run()




@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("corpus") / "in"
    bad = make_corpus(root, texts=20, jsonl_lines=40, jsonl_files=2, paragraphs=1)
    return root, bad


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory):
    root, _ = corpus
    out = tmp_path_factory.mktemp("clean") / "out"
    stats = run([root], out)
    return out, stats, snapshot(out)


def test_every_document_is_written_or_reported(corpus, clean_run):
    root, bad = corpus
    out, stats, snap = clean_run
    good_files = {p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.is_file() and "broken" not in p.parts}
    assert set(snap) == good_files | {"records.jsonl"}  # nothing else in OUT
    records = snap["records.jsonl"]
    assert stats.documents == len(records) == 20 + 40 + 4
    errors = sorted(r["error"] for r in records if r["error"])
    assert len(errors) == len(bad) == stats.failed == 6
    for location in bad:
        assert any(e.startswith(location + ":") for e in errors), location


def test_jsonl_output_keeps_fields_one_line_per_good_line(corpus, clean_run):
    root, _ = corpus
    out, _, _ = clean_run
    source = (root / "dumps" / "dump0.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [json.loads(x) for x in (out / "dumps" / "dump0.jsonl").read_text().splitlines()]
    assert len(lines) == len(source) - 1  # the malformed line 5 is left out
    first_in = json.loads(source[0])
    first = lines[0]
    assert first["id"] == first_in["id"] and first["url"] == first_in["url"]
    assert first["tags"] == first_in["tags"]
    assert first["original_text"] == first_in["text"]
    changed = [x for x in lines if x["changes"]]
    assert changed  # canonical spellings were written into the text field
    for x in changed:
        assert all(c["canonical"] in x["text"] for c in x["changes"])
    assert set(first["newsnorm"]) >= {"language", "translated", "engine", "metadata"}


def test_two_workers_give_the_same_outputs_as_one(corpus, clean_run, tmp_path):
    root, _ = corpus
    run([root], tmp_path / "out2", workers=2)
    assert snapshot(tmp_path / "out2") == clean_run[2]


def test_in_flight_batches_are_bounded(corpus, tmp_path, monkeypatch):
    root, _ = corpus
    produced = []
    real = BatchRun._batches

    def counting(self, *args):
        for b in real(self, *args):
            produced.append(len(b))
            yield b

    monkeypatch.setattr(BatchRun, "_batches", counting)
    options = RunOptions(inputs=(str(root),), output=str(tmp_path / "o"), workers=2,
                         progress=False)
    results = BatchRun(config(), options)._results(0, 0)
    next(results)
    assert len(produced) <= 2 * 2 + 1  # not the whole input (16 batches)
    results.close()


class Crash(Exception):
    pass


def crash_after(monkeypatch, batches: int):
    """Make the in-process run die after ``batches`` batches (state left as by a kill)."""
    real = batch_mod.process_batch
    count = {"n": 0}

    def dying(pipeline, batch):
        count["n"] += 1
        if count["n"] > batches:
            raise Crash()
        return real(pipeline, batch)

    monkeypatch.setattr(batch_mod, "process_batch", dying)


def crash_at_output_rename(monkeypatch, nth: int, renamed: bool) -> None:
    """Make the run die at the ``nth`` rename of a JSONL output into place, before it or
    (``renamed``) right after it."""
    real_replace = os.replace
    renames = {"n": 0}

    def dying_replace(src, dst):
        if str(src).endswith(".part") and "file-" in str(src):
            renames["n"] += 1
            if renames["n"] == nth:
                if renamed:
                    real_replace(src, dst)
                raise Crash()
        return real_replace(src, dst)

    monkeypatch.setattr(batch_mod.os, "replace", dying_replace)


@pytest.mark.parametrize("batches", [1, 8, 14])
def test_resume_after_a_crash_gives_identical_outputs(corpus, clean_run, tmp_path,
                                                      monkeypatch, batches):
    root, _ = corpus
    monkeypatch.setenv("NEWSNORM_CHECKPOINT_SECONDS", "0")
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        crash_after(m, batches)
        with pytest.raises(Crash):
            run([root], out)
    assert (out / ".newsnorm" / "state.json").exists()
    assert not (out / "records.jsonl").exists()
    stats = run([root], out, resume=True)
    assert snapshot(out) == clean_run[2]
    assert stats.documents == clean_run[1].documents
    assert stats.failed == clean_run[1].failed


@pytest.mark.parametrize("renamed", [False, True])
def test_crash_around_the_rename_of_a_jsonl_output(corpus, clean_run, tmp_path, monkeypatch,
                                                   renamed):
    root, _ = corpus
    out = tmp_path / "out"
    monkeypatch.setenv("NEWSNORM_CHECKPOINT_SECONDS", "0")
    with monkeypatch.context() as m:
        crash_at_output_rename(m, 1, renamed)
        with pytest.raises(Crash):
            run([root], out)
    state = json.loads((out / ".newsnorm" / "state.json").read_text())
    assert state["pending"]
    run([root], out, resume=True)
    assert snapshot(out) == clean_run[2]


def test_resume_with_other_options_is_refused(corpus, tmp_path, monkeypatch):
    root, _ = corpus
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        crash_after(m, 2)
        m.setenv("NEWSNORM_CHECKPOINT_SECONDS", "0")
        with pytest.raises(Crash):
            run([root], out)
    with pytest.raises(UsageError, match="other inputs, options"):
        run([root], out, resume=True, cfg=config(clean=False))


def test_resume_without_a_saved_state_runs_everything(corpus, clean_run, tmp_path):
    root, _ = corpus
    run([root], tmp_path / "out", resume=True)
    assert snapshot(tmp_path / "out") == clean_run[2]


def test_output_inside_an_input_is_refused_before_writing(corpus):
    root, _ = corpus
    with pytest.raises(OutputError):
        run([root], root / "site0" / "out")
    assert not (root / "site0" / "out").exists()


def test_text_outputs_are_readable_by_others(clean_run):
    out, _, _ = clean_run
    umask = os.umask(0o022)
    os.umask(umask)
    for path in (next(out.rglob("*.txt")), out / "dumps" / "dump0.jsonl", out / "records.jsonl"):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path


def test_crash_after_two_files_were_committed_in_one_batch(tmp_path, monkeypatch):
    """Small JSONL files: the end of one file and the whole next one in one batch, so both
    are renamed into place after the last checkpoint (inside the first). A crash at the second
    rename, then a resume, must keep the first file's early lines."""
    root = tmp_path / "in"
    root.mkdir()
    lines = {"a.jsonl": 4, "b.jsonl": 1, "c.jsonl": 2}
    for name, count in lines.items():
        (root / name).write_text("".join(
            json.dumps({"id": f"{name[0]}{n}", "text": f"Fuad Hussain spoke, part {n}."}) + "\n"
            for n in range(count)), encoding="utf-8")
    cfg = config(batch_size=3)
    clean = tmp_path / "clean"
    run([root], clean, cfg=cfg)
    out = tmp_path / "out"
    monkeypatch.setenv("NEWSNORM_CHECKPOINT_SECONDS", "0")
    with monkeypatch.context() as m:
        crash_at_output_rename(m, 2, renamed=True)
        with pytest.raises(Crash):
            run([root], out, cfg=cfg)
    run([root], out, resume=True, cfg=cfg)
    assert snapshot(out) == snapshot(clean)
