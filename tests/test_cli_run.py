"""``newsnorm run`` end to end, as a user runs it (real subprocesses, real SIGKILL)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch_corpus import detection_available, make_corpus, snapshot

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = str(ROOT / "glossaries" / "mideast-diplomacy.yaml")
SEEDS = ROOT / "seeds"




DETECT = detection_available()
# Until the detection stage is installed, English is forced so the rest can be checked.
LANG_ARGS: list[str] = [] if DETECT else ["--lang", "en"]


def newsnorm(*args: str, stdin: str | None = None, env: dict | None = None,
             cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "normalizer", *args], input=stdin,
                          capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "CI": "1", **(env or {})}, timeout=120)




def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]


# -- seeds ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "out"
    result = newsnorm("run", "seeds", "-g", GLOSSARY, "--engine", "none", "-o", str(out),
                      *LANG_ARGS)
    return out, result


def test_seeds_all_written_with_records(seeds_run):
    out, result = seeds_run
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sorted(p.name for p in out.iterdir()) == sorted(names + ["records.jsonl"])
    recs = records(out)
    assert [r["source"] for r in recs] == [f"seeds/{n}" for n in names]
    for r in recs:
        assert r["error"] is None
        assert set(r) >= {"id", "source", "language", "confidence", "engine", "model",
                          "translated", "changes", "warnings", "timings", "signature"}
        assert r["signature"]["glossary"] and r["signature"]["tool"].startswith("newsnorm")
    assert "documents" in result.stderr and "5 written" in result.stderr  # summary table


def test_seeds_english_canonicalized_and_cleaned(seeds_run):
    out, _ = seeds_run
    text001 = next(out.glob("001_*.txt")).read_text(encoding="utf-8")
    assert "Fuad Hussein" in text001 and "Fuad Hussain" not in text001
    assert "Share." not in text001 and "Exit mobile version" not in text001
    text000 = next(out.glob("000_*.txt")).read_text(encoding="utf-8")
    assert text000.startswith("Bagheri Kani traveled")
    rec000 = next(r for r in records(out) if r["id"].startswith("000_"))
    assert rec000["metadata"] == {"date": "2024-08-07"}
    rec001 = next(r for r in records(out) if r["id"].startswith("001_"))
    assert rec001["changes_by_entity"]["fuad-hussein"] == 1
    assert [x["text"] for x in rec001["cleaned"]["removed"]] == [
        "Share.", "Comments are closed.", "Exit mobile version"]
    french = next(out.glob("004_*.txt")).read_text(encoding="utf-8")
    assert "Suivez-nous" not in french


@pytest.mark.skipif(not DETECT, reason="normalizer.detection not there yet")
def test_seeds_languages_detected(seeds_run):
    out, _ = seeds_run
    langs = {r["id"][:3]: r["language"] for r in records(out)}
    assert langs == {"000": "en", "001": "en", "002": "en", "003": "en", "004": "fr"}
    french = next(r for r in records(out) if r["id"].startswith("004_"))
    assert french["translated"] is False and any("left in fr" in w for w in french["warnings"])


def _apertium_fr_en() -> bool:
    try:
        from normalizer.translate.apertium import ApertiumEngine

        return ApertiumEngine.installed() and ApertiumEngine().route("fr", "en") is not None
    except Exception:  # noqa: BLE001
        return False


@pytest.mark.skipif(not (DETECT and _apertium_fr_en()), reason="needs detection and Apertium "
                    "fr->en (sudo apt-get install apertium apertium-fr-es apertium-eng-spa)")
def test_the_readme_run_puts_the_french_seed_into_english(tmp_path):
    out = tmp_path / "out"
    result = newsnorm("run", "seeds", "-g", GLOSSARY, "--engine", "apertium", "-o", str(out),
                      env={"NEWSNORM_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    french = next(out.glob("004_*.txt")).read_text(encoding="utf-8")
    assert "Organization of Islamic Cooperation" in french and "ministre" not in french
    rec = next(r for r in records(out) if r["id"].startswith("004_"))
    assert rec["language"] == "fr" and rec["translated"] is True
    assert rec["engine"] == "apertium" and rec["model"].startswith("apertium")
    english = [r for r in records(out) if not r["id"].startswith("004_")]
    assert all(r["translated"] is False for r in english)
    assert "translated" in result.stderr and "fr 1" in result.stderr


@pytest.mark.skipif(not _apertium_fr_en(), reason="needs Apertium fr->en (sudo apt-get install "
                    "apertium apertium-fr-es apertium-eng-spa)")
def test_french_seed_records_protected_names_and_report_shows_them(tmp_path):
    seed = next(SEEDS.glob("004_*.txt"))
    cache = {"NEWSNORM_CACHE_DIR": str(tmp_path / "cache")}
    runs = []
    for name in ("out1", "out2"):  # out2 is served from the translation cache
        out = tmp_path / name
        result = newsnorm("run", str(seed), "-g", GLOSSARY, "--engine", "apertium", "--lang",
                          "fr", "-o", str(out), "-q", env=cache)
        assert result.returncode == 0, result.stderr
        runs.append(out)
    assert snapshot(runs[0]) == snapshot(runs[1])
    [rec] = records(runs[1])
    assert rec["translated"] is True and rec["original"] == seed.read_text(encoding="utf-8")
    assert rec["text"] == next(runs[1].glob("004_*.txt")).read_text(encoding="utf-8")
    assert len(rec["protected"]) >= 10
    for m in rec["protected"]:
        assert m["rule"] == "protected"
        assert rec["source_text"][m["start"]:m["end"]] == m["original"]
        assert rec["text"][m["out_start"]:m["out_end"]] == m["canonical"]
    assert {"Organisation de la coopération islamique", "Yémen", "Al-Qods"} <= {
        m["original"] for m in rec["protected"]}
    page = tmp_path / "report.html"
    result = newsnorm("report", str(runs[1] / "records.jsonl"), "-o", str(page))
    assert result.returncode == 0, result.stderr
    from normalizer.report import load_records, prepare

    [doc] = prepare(load_records([str(runs[1] / "records.jsonl")]), "t")["docs"]
    assert len(doc["protected"]) == len(rec["protected"])
    assert all(p[0] is not None and p[6] is not None for p in doc["protected"])
    assert doc["original"] == rec["source_text"]
    html = page.read_text(encoding="utf-8")
    assert "Organisation de la coopération islamique" in html


# -- formats, stdout, usage -------------------------------------------------------------------
def test_single_input_without_output_goes_to_stdout():
    seed = next(SEEDS.glob("001_*.txt"))
    result = newsnorm("run", str(seed), "-g", GLOSSARY, "--engine", "none", "-q", *LANG_ARGS)
    assert result.returncode == 0, result.stderr
    assert "Fuad Hussein" in result.stdout and "Share." not in result.stdout
    assert result.stderr == ""


def test_jsonl_from_stdin_keeps_fields_and_records_go_to_a_file(tmp_path):
    lines = [{"id": "a", "url": "u1", "text": "Amir Abdollahian spoke in Baghdad today."},
             {"id": "b", "url": "u2", "body": "no text"}]
    stdin = "".join(json.dumps(x) + "\n" for x in lines)
    rec = tmp_path / "rec.jsonl"
    result = newsnorm("run", "-", "--format", "jsonl", "-g", GLOSSARY, "--engine", "none",
                      "--records", str(rec), "-q", *LANG_ARGS, stdin=stdin)
    assert result.returncode == 1
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(out) == 1
    assert out[0]["url"] == "u1" and out[0]["original_text"] == lines[0]["text"]
    assert out[0]["text"] == "Amir-Abdollahian spoke in Baghdad today."
    recs = [json.loads(x) for x in rec.read_text().splitlines()]
    assert recs[1]["error"].startswith("<stdin>:2:")
    assert "<stdin>:2:" in result.stderr


def test_text_field_and_id_field(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"uid": "X-1", "body": "Fuad Hossein spoke."}) + "\n")
    out = tmp_path / "out"
    result = newsnorm("run", str(src), "-o", str(out), "--text-field", "body", "--id-field",
                      "uid", "-g", GLOSSARY, "--engine", "none", "-q", *LANG_ARGS)
    assert result.returncode == 0, result.stderr
    line = json.loads((out / "in.jsonl").read_text())
    assert line["body"] == "Fuad Hussein spoke." and line["original_body"] == "Fuad Hossein spoke."
    assert records(out)[0]["id"] == "X-1"


@pytest.mark.parametrize("args", [
    ["run", "seeds", "--engine", "google"],
    ["run", "seeds"],                          # several inputs need -o
    ["run", "seeds", "-o", "seeds/out"],       # OUT inside an input folder
    ["run", "seeds/000_f3401eebfdb78289.txt", "-o", "seeds/000_f3401eebfdb78289.txt"],
    ["run", "nowhere/*.txt", "-o", "x"],
    ["run", "-", "-o", "x", "--resume"],
])
def test_usage_errors_exit_2_and_touch_nothing(args, tmp_path):
    before = sorted(p.name for p in SEEDS.iterdir())
    result = newsnorm(*args, "--engine", "none") if "--engine" not in args else newsnorm(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("newsnorm: error:") or "Usage" in result.stderr
    assert sorted(p.name for p in SEEDS.iterdir()) == before
    assert not (ROOT / "x").exists()


# -- good and bad documents, crashes ----------------------------------------------------------
@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed") / "in"
    bad = make_corpus(root, texts=60, jsonl_lines=120, jsonl_files=2, paragraphs=1,
                      large_bad=True)
    return root, bad


@pytest.fixture(scope="module")
def mixed_clean(mixed, tmp_path_factory):
    root, _ = mixed
    out = tmp_path_factory.mktemp("mixed_clean") / "out"
    started = time.monotonic()
    result = newsnorm("run", str(root), "-g", GLOSSARY, "--engine", "none", "-o", str(out),
                      "--workers", "1", *LANG_ARGS)
    assert result.returncode == 1, result.stderr
    return out, result, time.monotonic() - started


def test_bad_documents_reported_batch_goes_on(mixed, mixed_clean):
    root, bad = mixed
    out, result, _ = mixed_clean
    assert result.returncode == 1
    recs = records(out)
    assert len(recs) == 60 + 120 + len(bad) - 2
    errors = [r["error"] for r in recs if r["error"]]
    assert len(errors) == len(bad) == 7
    for location in bad:
        assert any(e.startswith(location + ":") for e in errors), location
        assert location in result.stderr
    good = {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and "broken" not in p.parts}
    assert set(snapshot(out)) == good | {"records.jsonl"}
    assert f"{len(bad)} failed" in result.stderr


def test_two_workers_same_outputs_as_one(mixed, mixed_clean, tmp_path):
    root, _ = mixed
    out = tmp_path / "out"
    result = newsnorm("run", str(root), "-g", GLOSSARY, "--engine", "none", "-o", str(out),
                      "--workers", "2", "-q", *LANG_ARGS)
    assert result.returncode == 1
    assert snapshot(out) == snapshot(mixed_clean[0])


def test_sigkill_then_resume_gives_byte_identical_outputs(mixed, mixed_clean, tmp_path):
    root, _ = mixed
    clean_out = mixed_clean[0]
    total = (clean_out / "records.jsonl").stat().st_size
    out = tmp_path / "out"
    seed = int(os.environ.get("NEWSNORM_TEST_SEED", time.time() * 1000 % 100_000))
    rng = random.Random(seed)
    args = [sys.executable, "-m", "normalizer", "run", str(root), "-g", GLOSSARY, "--engine",
            "none", "-o", str(out), "--workers", str(rng.choice([1, 2])), "-q", *LANG_ARGS]
    env = {**os.environ, "CI": "1", "NEWSNORM_CHECKPOINT_SECONDS": "0.05"}
    for attempt in range(2):  # killed twice, resumed twice
        proc = subprocess.Popen(args + (["--resume"] if attempt else []), cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        part = out / ".newsnorm" / "records.part"
        # a random point: once the records reach a random share of the finished run's
        target = rng.uniform(0.05, 0.4) if attempt == 0 else rng.uniform(0.45, 0.75)
        target_bytes = int(target * total)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if part.exists() and part.stat().st_size >= target_bytes:
                break
            time.sleep(0.002)
        assert proc.poll() is None, f"run finished before the kill (seed {seed})"
        os.killpg(proc.pid, signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL, f"run finished before the kill (seed {seed})"
        assert not (out / "records.jsonl").exists(), seed
    result = newsnorm("run", str(root), "-g", GLOSSARY, "--engine", "none", "-o", str(out),
                      "--resume", *LANG_ARGS)
    assert result.returncode == 1, result.stderr
    assert snapshot(out) == snapshot(clean_out), f"seed {seed}"
    assert "7 failed" in result.stderr  # the summary covers the whole run, not only the rest


def test_two_inputs_with_the_same_output_path_are_refused(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text("Fuad Hossein spoke.\n")
    out = tmp_path / "out"
    result = newsnorm("run", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"),
                      "-o", str(out), "--engine", "none", *LANG_ARGS)
    assert result.returncode == 2
    assert "would both be written to x.txt" in result.stderr
    assert not out.exists()
    ok = newsnorm("run", str(tmp_path / "a"), str(tmp_path / "b" / "x.txt"), "-o", str(out),
                  "--engine", "none", *LANG_ARGS)
    assert ok.returncode == 2  # a/x.txt and b/x.txt again, via a folder
