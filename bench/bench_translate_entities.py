"""Entity mentions canonical after French -> English translation with Apertium.

Compares the naive pipeline (translate, then canonicalize the English) with name protection
(glossary mentions carried through translation as tokens, then canonicalize). Data:
bench/data/translate_entities_fr.txt (hand-annotated [[surface|Canonical]] mentions).
A mention counts as right when its canonical form appears in the output (each occurrence of
the output consumed once, longest forms first).

Run: .venv/bin/python bench/bench_translate_entities.py [--show]
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from normalizer.canonicalize import Canonicalizer
from normalizer.glossary import load_glossaries
from normalizer.translate import Translator
from normalizer.translate.cache import TranslationCache

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "translate_entities_fr.txt"
GLOSSARY = ROOT / "glossaries" / "mideast-diplomacy.yaml"
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


def load_articles() -> list[tuple[str, Counter[str]]]:
    body = "\n".join(line for line in DATA.read_text("utf-8").splitlines()
                     if not line.startswith("#"))
    articles = []
    for block in body.split("\n===\n"):
        block = block.strip() + "\n"
        expected = Counter(m.group(2) for m in MARK.finditer(block))
        articles.append((MARK.sub(lambda m: m.group(1), block), expected))
    return articles


def score(text: str, expected: Counter[str]) -> tuple[int, list[str]]:
    hits, missed = 0, []
    for form in sorted(expected, key=len, reverse=True):
        for _ in range(expected[form]):
            at = text.find(form)
            if at >= 0:
                hits += 1
                text = text[:at] + "\0" * len(form) + text[at + len(form):]
            else:
                missed.append(form)
    return hits, missed


def main() -> None:
    show = "--show" in sys.argv
    glossary = load_glossaries([str(GLOSSARY)])
    canon = Canonicalizer(glossary)
    articles = load_articles()
    total = sum(sum(e.values()) for _, e in articles)
    with tempfile.TemporaryDirectory() as tmp:
        cache = TranslationCache(Path(tmp) / "c.sqlite3")
        results = {}
        for label, gloss in (("naive (translate, then canonicalize)", None),
                             ("protected (tokens through translation)", glossary)):
            with Translator(engine="apertium", glossary=gloss, cache=cache) as tr:
                outs = tr.translate_many([(text, "fr") for text, _ in articles])
            hits, missed = 0, Counter()
            for (_, expected), out in zip(articles, outs, strict=True):
                english, _ = canon.canonicalize(out.text, "en")
                h, m = score(english, expected)
                hits += h
                missed.update(m)
                if show:
                    print(f"--- {label}\n{english}")
            results[label] = (hits, missed)
        cache.close()
    print(f"{len(articles)} articles, {total} entity mentions (fr -> en, apertium fr-es|spa-eng)")
    for label, (hits, missed) in results.items():
        print(f"{label}: {hits}/{total} = {100 * hits / total:.1f}% canonical"
              + (f"; missed: {dict(missed)}" if missed else ""))


if __name__ == "__main__":
    main()
