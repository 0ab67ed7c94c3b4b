"""naming: sentences that state a new or former name."""

from __future__ import annotations

import pytest

from normalizer.naming import renamed_to


@pytest.mark.parametrize("before", [
    "the group renamed itself ", "it was rebranded as ", "Before it became ",
    "would henceforth be called \u201c", "now called ", "a pris le nom d\u2019",
    "prenait le nouveau nom de ", "le mouvement, rebaptisé ", "devenu ",
])
def test_a_renaming_is_seen(before: str) -> None:
    assert renamed_to(before + "X", len(before))


@pytest.mark.parametrize("before", [
    "", "Biden called ", "also known as ", "also called ", "connu sous le nom de ",
    "a appelé ", "the minister ", "dit « ", "Baptisée « ", "born ",
])
def test_other_words_before_a_name_are_no_renaming(before: str) -> None:
    assert not renamed_to(before + "X", len(before))
