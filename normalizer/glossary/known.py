"""Known aliases: names of an entity that no spelling rule derives from another.

Contract: "Hemedti" is Mohamed Hamdan Dagalo, "Abu Mazen" Mahmoud Abbas, "Houthis" Ansar Allah,
French "Turquie" Turkey: knowledge, not romanization, so a glossary of canonicals plus one
spelling each cannot carry it. ``with_known_aliases(glossary)`` gives each entry of the user's
glossary that names an entity of the shipped alias list (``normalizer/data/known-aliases.yaml``)
that entity's other names as variants, marked ``alias`` (the change log says ``alias``).
- An entry names an entity when one of its spellings is one of the entity's names, up to case,
  accents and dashes, or with the same romanization key in every part ("Mahmoud Abbas" =
  "Mahmud Abbas"), and their types agree (when both have one).
- The user's glossary wins: an alias that another user entry spells or keeps as a look-alike is
  not added, and an entity that two user entries name is left out.
- An alias never extends one of the user's spellings of the entry: "Palestinian Islamic Jihad"
  is not added to an entry "Islamic Jihad" (the user's name inside it is found as it is, and
  the text keeps its word), while "Islamic Jihad" is added to "Palestinian Islamic Jihad".
- Ids, canonicals and order are the user's; the digest changes with what was added, so an
  output's signature says whether aliases were in play.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from normalizer.glossary.model import Entry, Glossary, Variant
from normalizer.glossary.yaml_format import parse_yaml
from normalizer.romanize import name_key
from normalizer.textfold import TOKEN_RE, fold_token

KNOWN_ALIASES = Path(__file__).resolve().parent.parent / "data" / "known-aliases.yaml"
_SAME_KIND = {"operation": "event"}


@cache
def known_entries(path: Path = KNOWN_ALIASES) -> tuple[Entry, ...]:
    """The shipped alias list, validated like any glossary (file:line on a problem)."""
    entries, _keep = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    return tuple(Glossary.build(entries, [str(path)]).entries)


@cache
def known_place_words() -> frozenset[str]:
    """The one-word names of the places and organisations of the shipped list ("Liban",
    "Bagdad", "Hamas"), folded: such a word in a text is that place or group, not a spelling
    of some person's name that only sounds like it."""
    return frozenset(fold_token(name.text) for entity in known_entries()
                     if entity.type != "person" for name in entity.every_form()
                     if len(TOKEN_RE.findall(name.text)) == 1)


def _keys(text: str) -> tuple[str, str]:
    """Spelling key and romanization key ("" for a one-word name: too easily someone else)."""
    tokens = [fold_token(t) for t in TOKEN_RE.findall(text)]
    roman = " ".join(name_key(t) for t in tokens) if len(tokens) >= 2 else ""
    return " ".join(tokens), roman


def _extends(words: list[str], names: list[list[str]]) -> bool:
    """Are ``words`` another name with words added around it?"""
    return any(0 < len(n) < len(words) and any(
        words[k:k + len(n)] == n for k in range(len(words) - len(n) + 1)) for n in names)


def _types_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or _SAME_KIND.get(a, a) == _SAME_KIND.get(b, b)


def with_known_aliases(glossary: Glossary,
                       known: tuple[Entry, ...] | None = None) -> Glossary:
    """The glossary with the known aliases of the entities its entries name."""
    known = known_entries() if known is None else known
    claimed: dict[str, int] = {}  # spelling key -> the user entry that spells or keeps it
    roman: dict[str, set[int]] = {}
    for index, entry in enumerate(glossary.entries):
        for text in [v.text for v in entry.every_form()] + list(entry.keep):
            spelling, key = _keys(text)
            claimed.setdefault(spelling, index)
            if key and text not in entry.keep:
                roman.setdefault(key, set()).add(index)
    for text in glossary.global_keep:
        claimed.setdefault(_keys(text)[0], -1)
    added: dict[int, list[Variant]] = {}
    kept: dict[int, list[str]] = {}
    for entity in known:
        names = entity.every_form()
        users: set[int] = set()
        for name in names:
            spelling, key = _keys(name.text)
            if spelling in claimed and claimed[spelling] >= 0:
                users.add(claimed[spelling])
            users |= roman.get(key, set())
        users = {u for u in users if _types_agree(glossary.entries[u].type, entity.type)}
        if len(users) != 1:
            continue
        user = users.pop()
        inner = [_keys(v.text)[0].split() for v in glossary.entries[user].every_form()]
        for name in names:
            spelling = _keys(name.text)[0]
            if spelling in claimed or _extends(spelling.split(), inner):
                continue
            claimed[spelling] = user
            added.setdefault(user, []).append(replace(name, alias=True))
        for text in entity.keep:  # the entity's own look-alikes ("Riyad Mansour")
            spelling = _keys(text)[0]
            if spelling not in claimed:
                claimed[spelling] = user
                kept.setdefault(user, []).append(text)
    if not added:
        return glossary
    entries = [replace(e, variants=e.variants + tuple(added.get(i, ())),
                       keep=e.keep + tuple(kept.get(i, ())))
               for i, e in enumerate(glossary.entries)]
    return Glossary.build(entries, glossary.sources, glossary.global_keep)


def is_place_word(folded: str) -> bool:
    """Is the folded word a country's or capital's name (``commonwords.place_words``) or a
    one-word place the shipped alias list names?"""
    from normalizer.commonwords import place_words

    return folded in place_words() or folded in known_place_words()


__all__ = ["KNOWN_ALIASES", "is_place_word", "known_entries", "known_place_words",
           "with_known_aliases"]
