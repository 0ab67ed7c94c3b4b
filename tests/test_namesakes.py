"""A big glossary knows names in their own right: an unlisted variant made of a word the
glossary gives to other people is someone else, unless the spellings are one transliterated
name or the glossary pairs them itself."""

from __future__ import annotations

import pytest

from normalizer.canonicalize import Canonicalizer
from normalizer.glossary import Entry, Glossary, Variant


def person(canonical: str, *variants: str) -> Entry:
    return Entry(id=canonical.lower().replace(" ", "-"), canonical=canonical, type="person",
                 variants=tuple(Variant(v) for v in variants))


def run(text: str, *entries: Entry) -> str:
    return Canonicalizer(Glossary.build(entries), known_aliases=False).canonicalize(text, "en")[0]


# (glossary entry, other people the glossary names, text's spelling)
SOMEONE_ELSE = [
    ("Christian Hancock", ("Christine Lagarde", "Christine Keeler"), "Christine Hancock"),
    ("Thierry Raynaud", ("Paul Reynaud", "Jean Reynaud"), "Thierry Reynaud"),
    ("Karl Fletcher", ("Carl Bildt", "Carl Sagan"), "Carl Fletcher"),
    ("Aurora da Rosa", ("Rui Rocha", "Ana Rocha"), "Aurora da Rocha"),
    ("Stacy Ferguson", ("Stacey Abrams", "Stacey Dooley"), "Stacey Ferguson"),
]


@pytest.mark.parametrize(("canonical", "others", "written"), SOMEONE_ELSE)
def test_a_word_other_entries_use_is_someone_elses_name(canonical: str, others: tuple[str, ...],
                                                        written: str) -> None:
    text = f"{written} told reporters in Perth."
    assert run(text, person(canonical), *map(person, others)) == text


@pytest.mark.parametrize(("canonical", "others", "written"), SOMEONE_ELSE[:3])
def test_without_the_namesakes_the_variant_is_still_the_entrys(canonical: str,
                                                               others: tuple[str, ...],
                                                               written: str) -> None:
    # (a small glossary says nothing about the word: the romanization rules decide)
    assert run(f"{written} told reporters.", person(canonical)) == f"{canonical} told reporters."


def test_one_transliterated_name_is_respelled_whoever_else_carries_it() -> None:
    glossary = (person("Ebrahim Raisi"), person("Ibrahim Traore"), person("Ibrahim Rugova"))
    assert run("Ibrahim Raisi arrived.", *glossary) == "Ebrahim Raisi arrived."


def test_spellings_the_glossary_pairs_are_one_name() -> None:
    glossary = (person("Karl Fletcher"), person("Carl Bildt"), person("Carl Sagan"),
                person("Karl Marx", "Carl Marx"))
    assert run("Carl Fletcher arrived.", *glossary) == "Karl Fletcher arrived."


def test_articles_and_bin_never_tell_people_apart() -> None:
    glossary = (person("Bashar al-Assad"), person("Ahmed el-Tayeb"), person("Saad el-Katatni"))
    assert run("Bashar el-Assad arrived.", *glossary) == "Bashar al-Assad arrived."


ANDREWS = ("Andrew Marr", "Andrew Cuomo", "Andrew Yang")
CLARKS = ("Wesley Clark", "Helen Clark", "Petula Clark")


def test_a_middle_name_added_to_a_common_name_makes_someone_else() -> None:
    text = "Andrew Mark Clark told reporters."
    assert run(text, person("Andrew Clark")) == "Andrew Clark told reporters."  # (alone)
    assert run(text, person("Andrew Clark"), *map(person, ANDREWS + CLARKS)) == text


def test_a_middle_name_left_out_of_a_common_name_makes_someone_else() -> None:
    glens = ("Glen Close", "Glen Powell", "Glen Hansard")
    davises = ("Angela Davis", "Miles Davis", "Bette Davis")
    text = "Glen Davis told reporters."
    assert run(text, person("Glen Mohamed Davis")) == "Glen Mohamed Davis told reporters."
    assert run(text, person("Glen Mohamed Davis"), *map(person, glens + davises)) == text


def test_a_fathers_name_in_an_arabic_name_is_added_however_common_the_names() -> None:
    others = ("Fuad Masum", "Fuad Siniora", "Fuad Shukr", "Saddam Hussein", "Taha Hussein",
              "Qusay Hussein")
    assert run("Fuad Mohammed Hussein said.", person("Fuad Hussein"), *map(person, others)) \
        == "Fuad Hussein said."


def test_a_joined_spelling_that_other_entries_use_as_a_name_is_that_name() -> None:
    al_ain = Entry(id="al-ain", canonical="Al Ain", type="place")
    text = "Alain Jérôme Guillaume told reporters."
    assert run(text, al_ain).startswith("Al Ain ")  # (alone: the joined form)
    assert run(text, al_ain, person("Alain Juppé"), person("Alain Delon")) == text


def test_a_word_and_the_middle_initial_after_it_are_never_one_word() -> None:
    duncan = person("Julia Duncan", "Julia N. Duncan")
    assert run("Julian Duncan said. Julia N. Duncan did not.", duncan) == \
        "Julian Duncan said. Julia Duncan did not."
    # an initial before a word, or a last letter, may be written together with it
    assert run("M.L.A.M.Hisbullah spoke.", person("M. L. A. M. Hizbullah",
                                                  "M.L.A.M. Hisbullah")) == \
        "M. L. A. M. Hizbullah spoke."


def test_ordinary_words_written_as_one_word_are_another_name() -> None:
    george_town = Entry(id="george-town", canonical="George Town", type="place")
    assert run("He studied at Georgetown.", george_town) == "He studied at Georgetown."
    # transliterated names are written joined
    tarin_kowt = Entry(id="tarin-kowt", canonical="Tarin Kowt", type="place",
                       variants=(Variant("Tarin Kot"),))
    assert run("Fighting near Tarinkot.", tarin_kowt) == "Fighting near Tarin Kowt."


def test_a_name_added_after_muhammad_makes_someone_else_of_a_common_name() -> None:
    mohammeds = ("Mohammed Morsi", "Mohammed Dahlan", "Mohammed Deif")
    khans = ("Imran Khan", "Aga Khan", "Sadiq Khan")
    text = "The warlord Mohammad Ismail Khan spoke."
    assert run(text, person("Mohammed Khan"), *map(person, mohammeds + khans)) == text
