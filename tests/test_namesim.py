"""Name-part similarity for a person already named in the same document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.namesim import edit_distance, neighbours, respelling
from normalizer.romanize import name_key


def alike(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return respelling(name_key(a), name_key(b), a, b)


@pytest.mark.parametrize(("written", "listed"), [
    ("Kaftancigolu", "Kaftancioglu"),  # two letters swapped
    ("Atabmayev", "Atambayev"),
    ("Zbeidi", "Zubeidi"),  # a vowel left out
    ("Malki", "Mulki"),  # only the vowels differ
    ("Qabisi", "Qubaisi"),
    ("Sharmhead", "Sharmahd"),  # two edits in a long name
    ("Djalai", "Djalali"),  # a letter left out of the spelling as written
    ("Tabouni", "Taboubi"),  # one letter for another
    ("Nekmatyar", "Hekmatyar"),  # the first letter too, in a long name
])
def test_typos_and_respellings_are_alike(written: str, listed: str) -> None:
    assert alike(written, listed)


@pytest.mark.parametrize(("one", "other"), [
    ("Hassan", "Hussein"),  # two given names
    ("Amin", "Amir"),
    ("Mahmoud", "Mohammed"),
    ("Saad", "Said"),
    ("Hussein", "Husseini"),  # a nisba is another name
    ("Samarra", "Samarrai"),  # the town, and a man from it
    ("Amsha", "Amshat"),  # a letter added at the end
    ("Syria", "Sharaa"),  # two consonants are too few to compare by
    ("Aref", "Arif"),  # equal keys are no respelling, and four letters too few for one
    ("Nakba", "Nakhla"),
    ("Kamal", "Jamal"),  # another first letter in a short name
])
def test_different_names_are_not_alike(one: str, other: str) -> None:
    assert not alike(one, other)


def test_a_swap_of_two_letters_is_one_edit() -> None:
    assert edit_distance("mukli", "mulki") == 1
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("kitten", "sitting") == 3


def test_alike_keys_share_an_index_key() -> None:
    for a, b in [("mukhtarli", "muktarli"), ("atambayev", "atabmayev"), ("mulki", "malki")]:
        assert neighbours(a) & neighbours(b)


@pytest.mark.parametrize(("written", "listed", "expected"), [
    ("Mukli", "Mulki", True),  # a swap
    ("Aragchi", "Araghchi", True),  # a letter left out
    ("Rafah", "Rabah", False),  # one consonant for another: another word
    ("Kurdish", "Cardoso", False),  # alike only by their keys
    ("Haniyeh", "Hariyah", False),  # a letter changed, and a vowel
])
def test_a_word_alone_must_be_close_as_written(written: str, listed: str,
                                               expected: bool) -> None:
    a, b = written.lower(), listed.lower()
    assert respelling(name_key(a), name_key(b), a, b, alone=True) is expected


@settings(max_examples=300)
@given(st.text(alphabet="abdehiklmnorstuwyz", min_size=3, max_size=10),
       st.text(alphabet="abdehiklmnorstuwyz", min_size=3, max_size=10), st.booleans())
def test_alike_is_symmetric_and_never_between_equal_keys(a: str, b: str, alone: bool) -> None:
    ka, kb = name_key(a), name_key(b)
    assert respelling(ka, kb, a, b, alone=alone) == respelling(kb, ka, b, a, alone=alone)
    assert not respelling(ka, ka, a, a, alone=alone)
