"""Capitalized words that are not names: titles and common sentence openers.

Why: a short form ("Bagheri") is only resolved when it is not part of a longer unknown name
("Mohammad Bagheri"); a capitalized neighbour that is a title ("President") or an ordinary
word at the start of a sentence ("Later", "Meanwhile", "Selon") does not make a longer name.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from normalizer.textfold import fold_token

PLACE_WORDS = Path(__file__).resolve().parent / "data" / "place-words.txt"
CITY_WORDS = Path(__file__).resolve().parent / "data" / "city-words.txt"

TITLES = frozenset("""
president minister secretary general sheikh shaikh cheikh mr mrs ms dr prime foreign acting
syaikh syekh ustaz ustadz ustadh kyai
chief leader ayatollah imam commander spokesman spokeswoman spokesperson ambassador envoy king
prince emir sayyed sayyid seyed seyyed hojatoleslam speaker deputy vice m mme président
ministre général chef premier secrétaire colonel brigadier major lieutenant gen counterpart
homologue iranian iraqi turkish israeli palestinian lebanese syrian saudi egyptian qatari
french american british russian chinese iranien irakien turc israélien palestinien
adviser advisor conseiller conseillère negotiator négociateur mediator médiateur governor
gouverneur mayor maire senator sénateur chairman director directeur marshal maréchal field
emirati jordanian emirien jordanien monsieur madame mademoiselle sir judge sheikha princess
professor archbishop bishop patriarch cardinal pope nuncio monsignor metropolitan catholicos
abbot reverend rev rabbi cleric mufti mullah maulana mawlana molavi mowlana mowlavi maulvi
archevêque évêque patriarche pape rabbin mollah chancellor chancelier chancelière admiral amiral
sergeant sergent captain capitaine lawyer attorney prosecutor avocat avocate procureur activist
militant militante journalist journaliste reporter blogger blogueur blogueuse writer author
novelist poet écrivain écrivaine romancier romancière poète singer chanteur chanteuse actor
actress acteur actrice striker midfielder defender goalkeeper winger attaquant défenseur
gardien coach entraîneur crown émir emira émira cheikha juge députée député sénatrice
présidente ambassadrice ambassadeur
serigne seydina seydi thierno cherno sokhna
fm pm mp lt col maj sgt capt cpt adm amb sen rep gov pres cmdr brig gén lieut sec
""".split())  # noqa: SIM905

# titles written after the name ("Nokrashy Pasha", "Ismail Bey", "Mehmed Efendi"): the name
# ends before them, unless the glossary names the person with one ("Enver Pasha")
TITLES_AFTER_NAMES = frozenset("pasha pacha pasa bey efendi effendi".split())  # pasa: "Paşa"

OPENERS = frozenset("""
a an the this that these those and but or so yet then later meanwhile however moreover also
earlier afterwards after before when while since as at in on of for from with by to during
according despite although though if because whereas instead still now today yesterday tomorrow
here there his her its their our my your he she it they we i you what which who why how where
both each every all some many most no not nor only even just mr said says le la les un une des
du de et mais ou donc puis ensuite plus selon lors pendant après avant quand alors aussi
cependant toutefois il elle ils elles nous vous on ce cette ces son sa ses leur leurs au aux en
dans par pour sur avec sans depuis born née nee né aged known dubbed nicknamed called named
formerly surnommé dit
""".split())  # noqa: SIM905


def is_common_capitalized(folded: str) -> bool:
    """A title or an ordinary word that is capitalized only because it opens a sentence."""
    return folded in TITLES or folded in OPENERS


@cache
def _frequent_words() -> frozenset[str]:
    """The 2,000 most frequent English and French words of the detection lexicon."""
    from normalizer.detection.lexicon import lexicon

    words = lexicon().words
    frequent = set(words.get("en", {})) | set(words.get("fr", {}))
    return frozenset(frequent | {fold_token(word) for word in frequent})  # callers fold


def is_ordinary_word(folded: str) -> bool:
    """``is_common_capitalized``, or one of the most frequent English and French words
    ("Hello", "Born"): capitalized before a name, such a word is not another person's name
    part. Names themselves ("Ali", "Hassan") are not among them."""
    return is_common_capitalized(folded) or folded in _frequent_words()


def _folded_lines(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold_token(line.strip()) for line in lines
                     if line.strip() and not line.startswith("#"))


@cache
def place_words() -> frozenset[str]:
    """One-word names of countries and capitals ("Iran", "Doha"), folded
    (``normalizer/data/place-words.txt``)."""
    return _folded_lines(PLACE_WORDS)


@cache
def city_words() -> frozenset[str]:
    """One-word names of cities of 300,000 people or more ("Karachi", "Mosul"), folded
    (``normalizer/data/city-words.txt``)."""
    return _folded_lines(CITY_WORDS)
