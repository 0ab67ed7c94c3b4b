"""Known aliases: names no spelling rule derives (Hemedti, Abu Mazen, Turquie)."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer.canonicalize import Canonicalizer
from normalizer.glossary import Entry, Glossary, Variant, parse_yaml
from normalizer.glossary.known import known_entries, with_known_aliases
from normalizer.pipeline import Pipeline, PipelineConfig
from tests.test_cli_canonicalize import newsnorm

KNOWN_YAML = """\
version: 1
entries:
  - id: mohamed-hamdan-dagalo
    canonical: Mohamed Hamdan Dagalo
    type: person
    variants: [Hemedti, Hemeti]
  - id: mahmoud-abbas
    canonical: Mahmoud Abbas
    type: person
    variants: [Abu Mazen]
  - id: ansar-allah
    canonical: Ansar Allah
    type: org
    variants: [Houthis, Houthi movement]
  - id: turkey
    canonical: Turkey
    type: place
    lang:
      fr: [Turquie]
  - id: nusra-front
    canonical: Nusra Front
    type: org
    variants: [Jabhat Fateh al-Sham]
    lang:
      fr: [Front Fateh al-Cham]
"""
KNOWN = tuple(Glossary.build(parse_yaml(KNOWN_YAML, "known.yaml")[0]).entries)


def canonicalize(entries: list[Entry], text: str, lang: str | None = "en"
                 ) -> tuple[str, list[tuple[str, str, str]]]:
    glossary = with_known_aliases(Glossary.build(entries), KNOWN)
    out, changes = Canonicalizer(glossary, known_aliases=False).canonicalize(text, lang)
    return out, [(c.original, c.entry_id, c.rule) for c in changes]


def test_an_alias_of_an_entity_the_glossary_names_is_its_spelling() -> None:
    out, changes = canonicalize([Entry("rsf-leader", "Mohamed Hamdan Dagalo", "person")],
                                "Hemedti said the RSF would fight on.")
    assert out == "Mohamed Hamdan Dagalo said the RSF would fight on."
    assert changes == [("Hemedti", "rsf-leader", "alias")]  # the user's id, rule alias


@pytest.mark.parametrize(("text", "lang", "alias"), [
    ("In 2016 the Nusra Front renamed itself Jabhat Fateh al-Sham.", "en", "Jabhat Fateh al-Sham"),
    ("Before it became Jabhat Fateh al-Sham, the Nusra Front was strong.", "en",
     "Jabhat Fateh al-Sham"),
    ("The Nusra Front said it would henceforth be called Jabhat Fateh al-Sham.", "en",
     "Jabhat Fateh al-Sham"),
    ("Le Front al-Nosra prenait le nom de Front Fateh al-Cham.", "fr", "Front Fateh al-Cham"),
])
def test_a_former_name_in_a_sentence_about_the_renaming_stays(text: str, lang: str,
                                                               alias: str) -> None:
    # written as the canonical, the sentence would say the group renamed itself to its name
    out, changes = canonicalize([Entry("nusra", "Nusra Front", "org")], text, lang)
    assert alias in out and all(c[2] != "alias" for c in changes)


def test_a_former_name_elsewhere_is_the_entity() -> None:
    out, _ = canonicalize([Entry("nusra", "Nusra Front", "org")],
                          "Jabhat Fateh al-Sham fighters attacked; Biden called Jabhat Fateh "
                          "al-Sham a threat.")
    assert out == "Nusra Front fighters attacked; Biden called Nusra Front a threat."


def test_the_glossary_may_name_the_entity_in_another_romanization() -> None:
    out, _ = canonicalize([Entry("abbas", "Mahmud Abbas", "person")], "Abu Mazen spoke.")
    assert out == "Mahmud Abbas spoke."


def test_per_language_aliases_stay_in_their_language() -> None:
    entries = [Entry("turkey", "Turkey", "place")]
    assert canonicalize(entries, "en Turquie", "fr")[0] == "en Turkey"
    assert canonicalize(entries, "Turquie", "en")[0] == "Turquie"


def test_the_users_glossary_wins() -> None:
    # the user keeps the Houthis apart from Ansar Allah: the entity's aliases could be either's
    entries = [Entry("ansar-allah", "Ansar Allah", "org"), Entry("houthis", "Houthis", "org")]
    assert canonicalize(entries, "The Houthis and the Houthi movement.") == (
        "The Houthis and the Houthi movement.", [])
    assert canonicalize(entries[:1], "The Houthis and the Houthi movement.") == (
        "The Ansar Allah and the Ansar Allah.", [("Houthis", "ansar-allah", "alias"),
                                             ("Houthi movement", "ansar-allah", "alias")])
    # a look-alike the user keeps is never an alias
    kept = [Entry("dagalo", "Mohamed Hamdan Dagalo", "person", keep=("Hemeti",))]
    assert canonicalize(kept, "Hemeti and Hemedti")[0] == "Hemeti and Mohamed Hamdan Dagalo"


def test_an_entity_two_entries_name_or_of_another_type_gets_no_aliases() -> None:
    two = [Entry("a", "Mahmoud Abbas", "person"),
           Entry("b", "Abbas family", "person", (Variant("Mahmud Abbas"),))]
    assert canonicalize(two, "Abu Mazen")[0] == "Abu Mazen"
    assert canonicalize([Entry("t", "Turkey", "person")], "Turquie", "fr")[0] == "Turquie"


def test_adding_aliases_twice_adds_nothing_more() -> None:
    once = with_known_aliases(Glossary.build([Entry("t", "Turkey", "place")]), KNOWN)
    assert [v.text for v in once.entries[0].variants] == ["Turquie"]
    assert once.entries[0].variants[0].alias
    assert with_known_aliases(once, KNOWN) is once


def test_the_shipped_list_loads_and_every_entity_has_an_alias() -> None:
    shipped = known_entries()
    assert len(shipped) >= 3
    assert all(e.variants for e in shipped)


def test_the_signature_says_whether_aliases_were_added(tmp_path: Path) -> None:
    entity = known_entries()[0]
    gloss = tmp_path / "g.csv"
    gloss.write_text(f"canonical,variant,lang,type\n{entity.canonical},,,{entity.type or ''}\n",
                     encoding="utf-8")
    digests = {Pipeline.from_config(PipelineConfig(glossaries=(str(gloss),),
                                                   known_aliases=on)).signature["glossary"]
               for on in (True, False)}
    assert len(digests) == 2


def test_the_cli_switch(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("canonical,variant,lang,type\nMahmoud Abbas,,,person\n",
                        encoding="utf-8")
    on = newsnorm("canonicalize", "-", "-g", str(glossary), "--lang", "en",
                  "--known-aliases", stdin="Abu Mazen spoke.")
    off = newsnorm("canonicalize", "-", "-g", str(glossary), "--lang", "en",
                   stdin="Abu Mazen spoke.")  # other names, not spellings: off by default
    assert (on.stdout, off.stdout) == ("Mahmoud Abbas spoke.", "Abu Mazen spoke.")


def test_an_alias_never_extends_another_name_of_the_entry() -> None:
    known = tuple(Glossary.build(parse_yaml(
        "version: 1\nentries:\n  - id: pij\n    canonical: Islamic Jihad\n    type: org\n"
        "    variants: [Palestinian Islamic Jihad, Harakat al-Jihad]\n", "k.yaml")[0]).entries)
    short = with_known_aliases(Glossary.build([Entry("ij", "Islamic Jihad", "org")]), known)
    assert [v.text for v in short.entries[0].variants] == ["Harakat al-Jihad"]
    long = with_known_aliases(Glossary.build([Entry("pij", "Palestinian Islamic Jihad", "org")]),
                              known)
    assert [v.text for v in long.entries[0].variants] == ["Islamic Jihad", "Harakat al-Jihad"]
