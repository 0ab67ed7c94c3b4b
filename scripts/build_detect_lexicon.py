"""Build normalizer/detection/data/words.tsv: the most frequent words per language.

Why: langdetect's character n-grams cannot tell Spanish from Portuguese or Dutch from Afrikaans
in one short sentence; a few thousand frequent words per language can. The list is derived from
wordfreq's "small" word lists (data CC BY-SA 4.0, by Robyn Speer et al.; sources: Wikipedia,
subtitles, news, web text, social media; not Tatoeba), so the runtime needs neither wordfreq nor
its 58 MB of data. Run: .venv/bin/pip install wordfreq && .venv/bin/python
scripts/build_detect_lexicon.py [--top 2000]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

#: wordfreq code -> langdetect profile code (languages langdetect does not know are skipped;
#: Chinese, Japanese and Korean are left to their scripts: they need a word segmenter).
CODES = {"nb": "no", "fil": "tl", "sh": "hr"}
SKIP = {"zh", "ja", "ko", "ms", "is"}
WORD = re.compile(r"^[^\W\d_]+$")
OUT = Path(__file__).resolve().parent.parent / "normalizer" / "detection" / "data" / "words.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=2000, help="Words kept per language.")
    args = parser.parse_args()
    import wordfreq
    from langdetect.detector_factory import PROFILES_DIRECTORY

    profiles = set(Path(PROFILES_DIRECTORY).iterdir())
    profile_names = {p.name for p in profiles}
    lines = ["# Most frequent words per language (lang, Zipf frequency, words). Derived from "
             "wordfreq 3.1 small lists, CC BY-SA 4.0; built by scripts/build_detect_lexicon.py\n"]
    for code in sorted(wordfreq.available_languages("small")):
        lang = CODES.get(code, code)
        if code in SKIP or lang not in profile_names:
            continue
        words = sorted(wordfreq.get_frequency_dict(code, "small").items(),
                       key=lambda kv: (-kv[1], kv[0]))
        kept = [(w, wordfreq.zipf_frequency(w, code)) for w, _ in words if WORD.match(w)]
        by_zipf: dict[float, list[str]] = defaultdict(list)
        for word, zipf in kept[: args.top]:
            by_zipf[zipf].append(word)
        for zipf in sorted(by_zipf, reverse=True):
            lines.append(f"{lang}\t{zipf:.2f}\t{' '.join(sorted(by_zipf[zipf]))}\n")
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
