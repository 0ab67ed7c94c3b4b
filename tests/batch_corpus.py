"""A deterministic corpus of scraped-news-like files, good and bad, for batch tests and bench.

``make_corpus(root, texts, jsonl_lines, ...)`` writes .txt, .md and .jsonl files (with page
furniture, date headers, English and French text, entity spellings to canonicalize) plus one
file or line of every bad kind, and returns the list of bad locations (``file`` or
``file:line``) it planted.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

EN = [
    "Iranian Foreign Minister Hossein Amir Abdollahian met his Iraqi counterpart Fuad Hossein "
    "in Baghdad on Monday.",
    "Amir Abdollahian said the Organisation of Islamic Cooperation must hold a special session.",
    "Ali Bagheri Kani traveled to Jeddah to attend the meeting called after Ismail Haniyeh "
    "was killed.",
    "Hussain Ibrahim Taha, the OIC secretary general, welcomed the proposal.",
    "The ministers discussed the situation in Gaza and the humanitarian blockade of Yemen.",
    "Officials said the talks would continue next week in Tehran and Ankara.",
]
FR = [
    "Le ministre iranien des Affaires étrangères Hossein Amir Abdollahian a rencontré son "
    "homologue irakien à Bagdad lundi.",
    "Amir Abdollahian a appelé l'Organisation de la coopération islamique à tenir une réunion "
    "extraordinaire.",
    "Les deux parties ont discuté des derniers développements en Palestine et au Yémen.",
    "Le secrétaire général a salué les efforts de cette organisation pour la paix.",
]
FURNITURE = ["Share.", "Comments are closed.", "Exit mobile version", "Suivez-nous sur @x"]


def article(rng: random.Random, french: bool = False, paragraphs: int = 4) -> str:
    pool = FR if french else EN
    body = "\n\n".join(" ".join(rng.choice(pool) for _ in range(3)) for _ in range(paragraphs))
    if rng.random() < 0.3:
        body = f" date 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} " + body
    if rng.random() < 0.3:
        body += "\n\n" + "\n\n".join(rng.sample(FURNITURE, 2))
    return body + "\n"


def make_corpus(root: Path, texts: int, jsonl_lines: int, *, jsonl_files: int = 1,
                bad: bool = True, seed: int = 7, paragraphs: int = 4,
                large_bad: bool = False) -> list[str]:
    """Write the corpus under ``root``; returns the planted bad locations."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(texts):
        sub = root / f"site{i % 3}"
        sub.mkdir(exist_ok=True)
        suffix = ".md" if i % 10 == 9 else ".txt"
        (sub / f"a{i:05d}{suffix}").write_text(article(rng, i % 7 == 3, paragraphs),
                                               encoding="utf-8")
    bad_locations: list[str] = []
    per_file = max(jsonl_lines // max(jsonl_files, 1), 1) if jsonl_lines else 0
    for f in range(jsonl_files if jsonl_lines else 0):
        path = root / "dumps" / f"dump{f}.jsonl"
        path.parent.mkdir(exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            for n in range(1, per_file + 1):
                if bad and n == 5:
                    handle.write('{"id": "broken", "text": "unterminated\n')
                    bad_locations.append(f"{path}:{n}")
                    continue
                record = {"id": f"d{f}-{n}", "url": f"https://example.org/{f}/{n}",
                          "text": article(rng, n % 5 == 0, paragraphs), "tags": ["news", n]}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if bad:
        broken = root / "broken"
        broken.mkdir(exist_ok=True)
        (broken / "latin1.txt").write_bytes("Genève a salué la réunion.".encode("latin-1"))
        (broken / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
        (broken / "empty.txt").write_bytes(b"  \n\n")
        (broken / "notext.jsonl").write_text('{"id": 1, "body": "x"}\n', encoding="utf-8")
        bad_locations += [str(broken / "binary.txt"), str(broken / "empty.txt"),
                          f"{broken / 'latin1.txt'}:1", f"{broken / 'notext.jsonl'}:1"]
        if large_bad:
            from normalizer.reader import MAX_DOCUMENT_BYTES

            (broken / "huge.txt").write_bytes(b"a" * (MAX_DOCUMENT_BYTES + 10))
            bad_locations.append(str(broken / "huge.txt"))
    return bad_locations


def snapshot(out: Path) -> dict[str, object]:
    """Every file under OUT: bytes, and records.jsonl without its timings."""
    from normalizer.records import without_timings

    files: dict[str, object] = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            rel = path.relative_to(out).as_posix()
            if rel == "records.jsonl":
                files[rel] = [without_timings(line) for line in path.read_text().splitlines()]
            else:
                files[rel] = path.read_bytes()
    return files


def detection_available() -> bool:
    """Whether the detection stage loads here (it needs langdetect's profiles)."""
    try:
        from normalizer.pipeline import _load_detector

        _load_detector(None)
    except Exception:  # noqa: BLE001
        return False
    return True
