"""Names of organisations, places and events written in French words (rule ``translated``)."""

from __future__ import annotations

import pytest

from normalizer.canonicalize import Canonicalizer
from normalizer.errors import NormalizerError
from normalizer.glossary import Entry, Glossary, Variant
from normalizer.translated_names import (
    english_variants,
    english_word,
    load_lexicon,
    parse_lexicon,
)


def _fr(text: str) -> Variant:
    """A French spelling: the rule reads French names only of entries spelled in French."""
    return Variant(text, frozenset({"fr"}))


ENTRIES = [
    Entry("arab-league", "Arab League", "org", (_fr('Ligue des États arabes'),)),
    Entry("snsc", "Supreme National Security Council", "org", (_fr('CSSN'),)),
    Entry("quds-force", "Quds Force", "org", (_fr('Force al-Qods'),)),
    Entry("true-promise", "True Promise", "operation", (_fr('Promesse sincère'),)),
    Entry("pij", "Palestinian Islamic Jihad", "org", (_fr('JIP'),)),
    Entry("irgc", "Islamic Revolutionary Guard Corps", "org", (_fr('CGRI'),)),
    Entry("al-aqsa-flood", "Al-Aqsa Flood", "operation", (_fr("Opération Déluge d'Al-Aqsa"),)),
    Entry("badr", "Badr Organization", "org", (_fr('Corps Badr'),)),
    Entry("swords-of-iron", "Swords of Iron", "operation", (_fr('Épées de fer'),)),
    Entry("lna", "Libyan National Army", "org", (_fr('ANL'),)),
    Entry("east-jerusalem", "East Jerusalem", "place", (_fr('Al-Qods-Est'),)),
    Entry("united-states", "United States", "place", (_fr('USA'),)),
    Entry("islamic-state", "Islamic State", "org", (_fr('EI'),)),
    Entry("national-guard", "Guard National", "person"),
    Entry("ffc", "Forces of Freedom and Change", "org", (_fr('FLC'),)),
    Entry("saf", "Sudanese Armed Forces", "org", (_fr('FAS'),)),
    Entry("ecb", "European Central Bank", "org", (_fr('BCE'),)),
    Entry("plc", "Presidential Leadership Council", "org", (_fr('CDP'),)),
    Entry("carthage-film-festival", "Carthage Film Festival", "event", (_fr('JCC'),)),
    Entry("men-of-dignity", "Men of Dignity", "org", (_fr('Rijal al-Karama'),)),
]
CANON = Canonicalizer(Glossary.build(ENTRIES), known_aliases=False)  # this rule alone


def french(text: str) -> tuple[str, list[tuple[str, str, str]]]:
    out, changes = CANON.canonicalize(text, "fr")
    return out, [(c.original, c.canonical, c.rule) for c in changes]


@pytest.mark.parametrize(("text", "original", "canonical"), [
    ("La Ligue arabe s'est réunie.", "Ligue arabe", "Arab League"),
    ("le Conseil suprême de la sécurité nationale a dit", "Conseil suprême de la sécurité "
     "nationale", "Supreme National Security Council"),
    ("la force Qods", "force Qods", "Quds Force"),  # a name by its romanization
    ("l'opération promesse honnête", "promesse honnête", "True Promise"),
    ("le Jihad islamique palestinien", "Jihad islamique palestinien",
     "Palestinian Islamic Jihad"),
    ("le Corps des gardiens de la révolution islamique", "Corps des gardiens de la "
     "révolution islamique", "Islamic Revolutionary Guard Corps"),
    ("le Déluge d'Al-Aqsa", "Déluge d'Al-Aqsa", "Al-Aqsa Flood"),
    ("l'Organisation Badr", "Organisation Badr", "Badr Organization"),
    ("Glaive de fer", "Glaive de fer", "Swords of Iron"),
    # the vocabulary of names: parties, coalitions, armed forces, banks, councils
    ("les Forces de la liberté et du changement", "Forces de la liberté et du changement",
     "Forces of Freedom and Change"),
    ("les Forces armées soudanaises", "Forces armées soudanaises", "Sudanese Armed Forces"),
    ("la Banque centrale européenne", "Banque centrale européenne", "European Central Bank"),
    ("le Conseil de direction présidentiel", "Conseil de direction présidentiel",
     "Presidential Leadership Council"),
    ("l'Armée nationale libyenne", "Armée nationale libyenne", "Libyan National Army"),
    ("à Jérusalem-Est", "Jérusalem-Est", "East Jerusalem"),
    ("les États-Unis", "États-Unis", "United States"),
    ("l'État islamique", "État islamique", "Islamic State"),
    # culture and sport: festivals, prizes, clubs
    ("primé au Festival du film de Carthage", "Festival du film de Carthage",
     "Carthage Film Festival"),
    # an irregular English plural in the canonical
    ("le mouvement des Hommes de la dignité", "Hommes de la dignité", "Men of Dignity"),
])
def test_a_french_name_is_the_entry_whose_english_words_it_translates(
        text: str, original: str, canonical: str) -> None:
    out, changes = french(text)
    assert changes == [(original, canonical, "translated")]
    assert out == text.replace(original, canonical)


def test_a_longer_english_spelling_the_glossary_lists_is_translated_too() -> None:
    front = Entry("nrf", "National Resistance Front", "org",
                  (Variant("National Resistance Front of Afghanistan"), _fr("FNR")))
    canon = Canonicalizer(Glossary.build([front]), known_aliases=False)
    for text in ("Le Front national de résistance d'Afghanistan a répondu.",
                 "Le Front national de résistance afghane a répondu."):
        out, changes = canon.canonicalize(text, "fr")
        assert out == "Le National Resistance Front a répondu."  # the whole name, not its start
        assert [c.rule for c in changes] == ["translated"]


def test_an_entry_the_glossary_spells_in_no_french_form_keeps_its_french_names() -> None:
    # a user who lists no French name of the Rapid Support Forces wants the French text's
    # own words: "contre les Rapid Support Forces" reads as neither language
    rsf = Entry("rsf", "Rapid Support Forces", "org")
    canon = Canonicalizer(Glossary.build([rsf]))
    text = "Les combats contre les Forces de soutien rapide ont repris."
    assert canon.canonicalize(text, "fr")[0] == text
    spelled = Entry("rsf", "Rapid Support Forces", "org", (_fr("FSR"),))
    assert Canonicalizer(Glossary.build([spelled])).canonicalize(text, "fr")[0] == \
        "Les combats contre les Rapid Support Forces ont repris."


@pytest.mark.parametrize("text", [
    "le Jihad islamique a revendiqué",  # a word of the canonical is missing: not the entry
    "Jérusalem est une ville sainte",  # "Est" counts only as the capitalized direction
    "la ligue arabe de football",  # an organisation's name starts with a capital in French
    "la Ligue, arabe et fière",  # a comma is not a gap inside a name
    "la garde nationale",  # persons are never translated
    # the name goes on with an adjective: another, longer name ("Israeli" is no word of it)
    "la Ligue arabe israélienne a protesté",
    # nor starts with one: French puts the noun first, the adjective is another name's
    "les forces libyennes et l'Armée nationale se sont retirées",
])
def test_what_is_not_a_translated_name(text: str) -> None:
    assert french(text) == (text, [])


def test_a_translated_name_never_runs_from_the_headline_into_the_story() -> None:
    text = "Réunion au sommet de la Ligue\nArabes et Européens se retrouvent au Caire."
    assert french(text) == (text, [])


def test_a_lower_case_noun_may_start_a_translated_event_name() -> None:
    # (only a country's adjective may not: "festival" ends like "national" but is a noun)
    assert french("Le festival du film de Carthage a ouvert.")[0] == (
        "Le Carthage Film Festival a ouvert.")


def test_a_verb_after_a_translated_name_ends_it() -> None:
    assert french("La Ligue arabe compte 22 membres.")[0] == "La Arab League compte 22 membres."


def test_only_text_of_the_lexicons_language_is_read_so() -> None:
    assert CANON.canonicalize("Ligue arabe", "en") == ("Ligue arabe", [])
    assert CANON.canonicalize("Ligue arabe", None) == ("Ligue arabe", [])


def test_a_listed_spelling_wins_over_a_translation_of_the_same_span() -> None:
    glossary = Glossary.build([Entry("arab-league", "Arab League", "org"),
                               Entry("other", "League of Arabs", "org",
                                     (Variant("Ligue arabe", frozenset({"fr"})),))])
    out, changes = Canonicalizer(glossary).canonicalize("la Ligue arabe", "fr")
    assert out == "la League of Arabs" and changes[0].rule == "exact"


def test_translated_output_is_a_fixed_point() -> None:
    text = "La Ligue arabe et la force Qods. Le Déluge d'Al-Aqsa, puis Glaive de fer."
    once, _ = french(text)
    assert french(once) == (once, [])


def test_unlisted_variants_off_means_no_translations() -> None:
    listed_only = Canonicalizer(Glossary.build(ENTRIES), generate=False, short_forms=False,
                                known_aliases=False)
    assert listed_only.canonicalize("La Ligue arabe", "fr") == ("La Ligue arabe", [])


def test_the_shipped_lexicon_loads_and_reads_plurals_and_feminines() -> None:
    lexicon = load_lexicon("fr")
    assert lexicon is not None and load_lexicon("xx") is None
    assert lexicon.words["conseil"] == ("council",)
    assert english_word("forces") == "force" and english_word("countries") == "country"
    assert english_word("corps") == english_word("corp")
    assert english_word("men") == "man" and english_word("women") == "woman"


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("# comment\nconseil\n", 2, "expected 'french<TAB>english"),
    ("conseil\tcouncil\nConseil\tboard\n", 2, "listed twice"),
    ("conseil\t \n", 1, "expected"),
])
def test_a_bad_lexicon_line_is_named(text: str, line: int, reason: str) -> None:
    with pytest.raises(NormalizerError) as error:
        parse_lexicon(text, "lexicon-xx.tsv")
    assert error.value.line == line and reason in error.value.message
    assert error.value.location_message().startswith(f"lexicon-xx.tsv:{line}: ")


ENGLISH = Canonicalizer(Glossary.build([
    Entry("idf", "Israel Defense Forces", "org"),
    Entry("sdf", "Syrian Democratic Forces", "org"),
    Entry("pmf", "Popular Mobilization Forces", "org"),
]), known_aliases=False)


@pytest.mark.parametrize(("text", "canonical"), [
    ("the Israeli Defense Forces said", "the Israel Defense Forces said"),  # demonym
    ("the Syria Democratic Forces", "the Syrian Democratic Forces"),  # country
    ("Israel Defence Forces", "Israel Defense Forces"),  # British spelling
    ("Popular Mobilisation Forces", "Popular Mobilization Forces"),
    ("the Defense Forces of Israel", "the Defense Forces of Israel"),  # English keeps order
])
def test_english_names_equate_demonyms_and_spellings_in_order(text: str,
                                                               canonical: str) -> None:
    out, changes = ENGLISH.canonicalize(text, "en")
    assert out == canonical
    assert all(c.rule == "translated" for c in changes)


def test_english_variants_are_spelled_out_once_and_yield_to_the_glossary() -> None:
    lexicon = load_lexicon("en")
    assert lexicon is not None
    assert set(english_variants("Israel Defense Forces", lexicon)) == {
        "Israeli Defense Forces", "Israel Defence Forces", "Israeli Defence Forces"}
    assert english_variants("Americas Cup", lexicon) == []  # whole words only
    # a variant another entry spells is that entry's
    both = Canonicalizer(Glossary.build([Entry("sdf", "Syrian Democratic Forces", "org"),
                                         Entry("other", "Syria Democratic Forces", "org")]),
                         known_aliases=False)
    assert both.canonicalize("Syria Democratic Forces", "en")[0] == "Syria Democratic Forces"


def test_a_one_word_name_gets_no_english_variants() -> None:
    iraq = Canonicalizer(Glossary.build([Entry("iraq", "Iraq", "place")]), known_aliases=False)
    assert iraq.canonicalize("Iraqi officials", "en") == ("Iraqi officials", [])
