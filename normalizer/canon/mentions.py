"""Whether a found span is really a mention of the entry: not inside a handle or web address,
not a place or body named after the person ("Rafik Hariri University"), not another kind of
thing that shares the name, not a hyphened part of a longer name."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from normalizer.canon.gaps import NASAB_BEFORE
from normalizer.canon.layout import title_case_line
from normalizer.canon.match import Match
from normalizer.canon.nations import canonical_words
from normalizer.canon.nearby import (
    FRENCH_ARTICLE_BEFORE,
    NAMED_AFTER,
    WORD_AFTER,
    next_to,
    word_before,
    word_before_any,
)
from normalizer.commonwords import TITLES, is_ordinary_word, place_words
from normalizer.glossary import EVENT_TYPES
from normalizer.glossary.ambiguous import GIVEN_NAMES
from normalizer.matcher import PARTICLES, REGNAL, CompiledGlossary
from normalizer.romanize import ARTICLES
from normalizer.textfold import AYN_LETTERS, fold_token, is_word_char, tokenize

# a name word, then an opening quote: a quoted nickname inside a name starts here, if a
# closing quote and another name word follow it ('Esmael "Toto" Mangudadatu', « Herzi »)
_NICKNAME_OPENS = re.compile(r"(?<![^\W_])[A-Z\u00c0-\u00de][^\W\d_]*\.?[ \u00a0]"
                             r"[\"\u201c\u00ab\u2018][ \u00a0]?$")
_OPENING_QUOTES = frozenset("\"\u201c\u00ab\u2018")
_NICKNAME_CLOSES = re.compile(r"[ \u00a0]?[\"\u201d\u00bb\u2019][ \u00a0\n]+"
                              r"[A-Z\u00c0-\u00de]")
# a name word and a quoted nickname right before a mention: the mention is the rest of that
# longer name ("Ampatuan" in 'Zaldy "Puti" Ampatuan' is not another Ampatuan's short form)
_AFTER_NICKNAME = re.compile(r"(?<![^\W_])[A-Z\u00c0-\u00de][^\W\d_]*\.?[ \u00a0]"
                             r"[\"\u201c\u00ab\u2018][ \u00a0]?[A-Z\u00c0-\u00de][^\W\d_]*"
                             r"[ \u00a0]?[\"\u201d\u00bb\u2019][ \u00a0\n]+$")
_CLOSING_QUOTES = frozenset("\"\u201d\u00bb\u2019")
# "son of" written with a capital right before a name: the start of a longer name
_CAPITAL_NASAB_BEFORE = re.compile(r"(?<![^\W_])(?:Ibn|IBN|Bin|BIN|Bint)[ \u00a0]+$")
# a person's spelling that starts with "son of" in lower case: a name goes on before it
_LOWER_NASAB = re.compile(r"(?:ibn|bin|bint)(?![^\W_])")
# the same in French, before the name: "l'hôpital Avicenne", "le lycée Averroès"
_NAMED_AFTER_BEFORE = re.compile(
    r"(?<![^\W_])(?:hôpital|lycée|collège|école|université|aéroport|stade|rue|avenue|boulevard"
    r"|mosquée|fondation|institut|musée|cratère|parc|jardin|palais|gare)[ \u00a0]+$",
    # ("à sa place X": not "place")
    re.IGNORECASE)


def with_ayn_letters(text: str, m: Match) -> Match:
    """A modifier letter for ayn or hamza right before or after a mention is its first or
    last letter: "ʿAbdallāh Behbahānī" is written over whole, never "ʿAbdollah Behbahani",
    and "Ar-Rifāʿ" never "Riffaʿ"."""
    start, end = m.start, m.end
    if start and text[start - 1] in AYN_LETTERS and (
            start == 1 or not is_word_char(text[start - 2])):
        start -= 1
    if end < len(text) and text[end] in AYN_LETTERS and (
            end + 1 == len(text) or not is_word_char(text[end + 1])):
        end += 1
    return m if (start, end) == (m.start, m.end) else replace(m, start=start, end=end)


# Words for a geographic feature named after a place: "Wadi Hadramaut" still spells Hadramout.
# words for the feature a place's name already names: "the Bab-el-Mandeb Strait" is the strait
_SAME_FEATURE = frozenset("strait straits peninsula".split())
_IDENTIFIER = re.compile(r"[@#_]|://|www\.")  # handles, hashtags, e-mail and web addresses


def not_a_mention(text: str, compiled: CompiledGlossary, m: Match) -> bool:
    """Spans that look like a name but are not one to rewrite:
    - inside a handle, hashtag, e-mail or web address ("@ekrem_imamoglu"): identifiers;
    - a short form written all in lower case ("imamoglu"): news capitalizes a name; so is,
      in English, a one-word spelling the glossary capitalizes ("the majlis" is any
      assembly, the Majlis Iran's), unless it names an event (French writes its militias'
      members in lower case: "les shebab", "les talibans");
    - a person's spelling after "bin"/"ben"/"ibn": the father's name inside someone else's
      name ("Theyazin ben Haïtham" is not Haitham, "Saif bin Hamad Al Sharqi" not Hamad Al
      Sharqi);
    - a person's name after a French word for a place or body named after them ("l'hôpital
      Avicenne", "le lycée Averroès"): that one's name, spelled as it spells it; a word taken
      for a respelling of the person's name after a French article ("dans le Khwarezm", the
      region), where French names a person so only by an epithet ("le Sahraoui"); and
      after "the", before the word for such a place in lower case ("the Fatih district");
    - a span that ends inside a word going on after an apostrophe ("Mu" of "Mu'aiqily");
    - a person's name of two words or more whose first word is an ordinary word written in
      lower case ("said Djohar" for Said Mohamed Djohar: the verb);
    - a person's one word, listed for the whole name, next to the word for a family, clan or
      tribe ("the Kaabar family", "le clan Abushawareb"): the family, not the person;
    - one word of a person after "Saint" (the saint: "Saint Macarius" is not Bishop Makarios),
      or after a clergy title when the person has a given and a family name ("l'évêque
      Marcos" is no Samir Morcos, who is no bishop)."""
    if compiled.is_person(m.spec.entry) and m.spec.name_parts == 1 and (
            before := word_before_any(text, m.start)) and (
            before in SAINT or before in _CLERGY and sum(
                t.folded not in ARTICLES and not REGNAL.fullmatch(t.text)
                for t in tokenize(m.spec.target)) >= 2):  # ("pape Chénouda": Shenouda III)
        return True
    if compiled.is_person(m.spec.entry) and (_NAMED_AFTER_BEFORE.search(
            text, max(0, m.start - 14), m.start) or (
            _THE_BEFORE.search(text, max(0, m.start - 5), m.start)
            and (after := _LOWER_WORD_AFTER.match(text, m.end)) is not None
            and after.group(1) in NAMED_AFTER) or (
            compiled.lang == "fr" and m.rule == "document"
            and FRENCH_ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start))):
        return True
    if _WORD_GOES_ON.match(text, m.end):
        return True  # the word goes on after an ayn's apostrophe: "Al Mu'aiqily" is no "Al Mu"
    if _another_kind_after(text, compiled, m):
        return True
    if compiled.entries[m.spec.entry].type == "place" and ((
            after := _ANY_WORD_AFTER.match(text, m.end)) is not None and (
            after.group(1).lower() in _NAMED_FOR_A_PLACE
            or _named_like_a_place(text, m, after.group(1)))
            or _NAMED_FOR_A_PLACE_BEFORE.search(text, max(0, m.start - 40), m.start)):
        return True  # "Al Aqsa TV", "the al-Quds force", "la force d'élite « Al Qods »": a
        # channel, a unit named after it; "ministre de la Défense, Israël Katz": a person
    if text[m.start:m.start + 1].islower() and m.spec.text[:1].isupper() \
            and compiled.is_person(m.spec.entry) and m.spec.name_parts >= 2 \
            and (first := fold_token(text[m.start:m.end].split()[0])) not in PARTICLES \
            and is_ordinary_word(first):
        return True  # "... in Paris said Djohar was held": the verb, then the family name
    before, after = text[m.start - 1:m.start], text[m.end:m.end + 1]
    if (before and not before.isspace()) or (after and not after.isspace()):
        lo = m.start
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = m.end
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if _IDENTIFIER.search(text, lo, hi):
            return True
    if (m.rule == "short" or compiled.lang == "en" and len(m.spec.folded) == 1
            and m.spec.text != m.spec.text.lower()
            and compiled.entries[m.spec.entry].type not in EVENT_TYPES) \
            and not any(c.isupper() for c in text[m.start:m.end]):
        return True
    if _other_regnal_number(text, m):
        return True
    if m.start >= 2 and _OPENING_QUOTES.intersection(text[m.start - 2:m.start]) \
            and _NICKNAME_OPENS.search(text, max(0, m.start - 40), m.start) \
            and _NICKNAME_CLOSES.match(text, m.end):
        return True  # a nickname inside a longer name ('Andal "Unsay" Ampatuan Jr.')
    if m.start >= 2 and _CLOSING_QUOTES.intersection(text[m.start - 3:m.start]) \
            and _AFTER_NICKNAME.search(text, max(0, m.start - 60), m.start):
        return True
    if not compiled.is_person(m.spec.entry):
        return False
    if m.spec.name_parts == 1 and " " in m.spec.target.strip() and (
            _KIN_GROUP_BEFORE.search(text, max(0, m.start - 12), m.start)
            or _KIN_GROUP_AFTER.match(text, m.end)):
        return True  # "the Kaabar family", "le clan Abushawareb": the family, never the
        # person's full name (its family name alone is written as the canonical's)
    if m.spec.short and m.rule == "short" and (
            _TRIBE_BEFORE.search(text, max(0, m.start - 12), m.start)
            or _TRIBE_AFTER.match(text, m.end)):
        return True  # "the Tarakai tribe": a tribe's name, however close to a member's
        # family name (a family, whose name the person carries, is written as theirs)
    if m.spec.name_parts >= 2 and text[max(0, m.start - 6):m.start].rstrip()[-1:] in (
            "n", "N", "t") and _CAPITAL_NASAB_BEFORE.search(text, max(0, m.start - 6), m.start):
        return True  # "Ibn Abbas Firnas": "son of" starts a longer name, someone else's
    if m.spec.kind != "listed":
        return False
    if _LOWER_NASAB.match(text, m.start) and not m.spec.short:
        before = word_before(text, m.start)
        if before is not None and not is_ordinary_word(fold_token(before.group(1))):
            return True  # "Ahmed ibn Fadlan" for Ibn Fadlan: the whole name or nothing
    nasab = NASAB_BEFORE.search(text, max(0, m.start - 6), m.start)
    # (a longer spelling only after a name: "Saif bin Hamad Al Sharqi", a son of Hamad)
    return nasab is not None and (m.spec.name_parts == 1  # "bint Al-Waleed" too
                                  or word_before(text, nasab.start()) is not None)


_REGNAL_AFTER = re.compile(rf"[ \u00a0]+({REGNAL.pattern})(?![^\W_])")


@lru_cache(maxsize=65536)
def _regnal_numbers(canonical: str) -> frozenset[str]:
    """The ruler's numbers a canonical writes ("III" of Jamalul Kiram III), made once."""
    return frozenset(t.text for t in tokenize(canonical) if REGNAL.fullmatch(t.text))


def _other_regnal_number(text: str, m: Match) -> bool:
    """A ruler's number in the mention or right after it that is not the canonical's: another
    ruler of the name ("Jamalul Kiram II" is not Jamalul Kiram III, "Mehmed VI" not Mehmed
    II). Only where both write a number: "Kiram" alone may be the one the story names."""
    theirs = _regnal_numbers(m.spec.target)
    if not theirs:
        return False
    written = {t.text for t in tokenize(text, m.start, m.end) if REGNAL.fullmatch(t.text)}
    after = _REGNAL_AFTER.match(text, m.end)
    if after is not None:
        written.add(after.group(1))
    return bool(written) and not written & theirs


def goes_on_into_another_name(text: str, canonical: str, m: Match) -> bool:
    """Is a place's or body's spelling followed by a capitalized word that makes a longer
    name, another thing's ("Bab El-Oued City", a film; "Gaza City"; "Damac Hills")? Not a
    word in capitals, a line in title case, a month or day, a given name or a title
    (someone's name starts there: "the imam of Masjid-ul-Haram Bandar Balila", "Hezbollah
    Secretary-General Naim Qassem"), the canonical's own word ("Pearl Square Roundabout")
    nor a word for the feature the name names ("the Bab-el-Mandeb Strait")."""
    after = next_to(WORD_AFTER, text, m.end)
    if after is None or after.group(1).isupper() or title_case_line(text, m.start):
        return False
    word = fold_token(after.group(1))
    return word not in _CALENDAR and word not in GIVEN_NAMES and word not in TITLES \
        and word not in _SAME_FEATURE and word not in canonical_words(canonical)


def _another_kind_after(text: str, compiled: CompiledGlossary, m: Match) -> bool:
    """Is the mention, a place or body whose canonical names what kind of thing it is
    ("Al Thumama Stadium"), written without that word and followed by another such word
    ("the Al Thumama district")? Then it names the other thing that shares the name."""
    entry = compiled.entries[m.spec.entry]
    if entry.type not in ("place", "org"):
        return False
    kinds = canonical_words(entry.canonical) & NAMED_AFTER
    if not kinds or not kinds.isdisjoint(m.spec.folded):
        return False
    after = _ANY_WORD_AFTER.match(text, m.end)
    return after is not None and (word := fold_token(after.group(1))) in NAMED_AFTER \
        and word not in kinds


def _named_like_a_place(text: str, m: Match, after: str) -> bool:
    """Is a one-word place, after a comma or a title ("le ministre de la Défense, Israël
    Katz", "minister Israel Katz"), followed by a family name (a capitalized word that is no
    ordinary word, title or place)? Then it is a person's first name."""
    if len(m.spec.folded) != 1 or not after[:1].isupper() or after.isupper():
        return False
    word = fold_token(after)
    if is_ordinary_word(word) or word in place_words() or word in NAMED_AFTER:
        return False
    before = text[max(0, m.start - 30):m.start].rstrip(" \u00a0")
    return before.endswith(",") or fold_token(before.rsplit(None, 1)[-1] if before else "") \
        in TITLES


def stands_alone(m: Match) -> bool:
    """Spellings that must not touch another capitalized name part: a name without its middle
    names, a one-word known alias (French "Riyad" is Riyadh, "Riyad Mansour" a person) and an
    unlisted one-word variant of a place ("Tigrai" is Tigray, "Tigrai TV" a channel)."""
    return m.spec.kind == "dropped" or (len(m.spec.folded) == 1 and (
        m.spec.origin == "alias" or m.rule == "generated"))


def article_and_one_word(m: Match) -> bool:
    """An unlisted variant of a one-word name led by its article ("Al-Ahli" for Al Ahly)."""
    return m.rule == "generated" and m.spec.name_parts == 1 and len(m.spec.folded) > 1


# a hyphen and a capitalized word right after a name: one longer name ("Marrakesh-Safi")
HYPHEN_NAME_AFTER = re.compile(r"[\-\u2010\u2011](?:[eiy][\-\u2010\u2011 ])?"
                                r"([A-Z\u00c0-\u00de][^\W\d_]*)")


def with_last_word_of_target(text: str, m: Match) -> Match:
    """A mention followed by the word its replacement ends with belongs to it ("Pearl Square
    Roundabout" for Pearl Roundabout), never "Pearl Roundabout Roundabout"."""
    found = next_to(WORD_AFTER, text, m.end)
    if found is None or found.start(1) - m.end > 1:
        return m
    last = tokenize(m.spec.target)[-1:]
    if last and fold_token(found.group(1)) == last[0].folded and not any(
            t.folded == last[0].folded for t in tokenize(text, m.start, m.end)):
        return replace(m, end=found.end(1))
    return m


def hyphen_name_after(text: str, end: int) -> bool:
    """A capitalized name word joined by a hyphen after ``end``, maybe through a Persian
    ezafe ("Jombesh-e Nawin", another party than Jombesh), not an ordinary word ("Est" of
    "Al-Qods-Est", "Based")."""
    found = HYPHEN_NAME_AFTER.match(text, end)
    return found is not None and not is_ordinary_word(fold_token(found.group(1)))


_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december lundi mardi
mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
septembre octobre novembre décembre""".split())
# (a capital after it too: a replacement after the apostrophe capitalizes the word, and
# "abdollahian’hossein" must read the same on a second pass as "abdollahian’Hossein")
_WORD_GOES_ON = re.compile(r"['\u2019\u02bc\u02bf](?!s(?![^\W_]))[^\W\d_]")
SAINT = frozenset("saint st sainte san santa".split())
_CLERGY = frozenset(fold_token(w) for w in """bishop évêque archbishop archevêque pope pape
patriarch patriarche metropolitan métropolite abbot anba abuna""".split())
# the word for a family, clan or tribe before or after a family name: the group it names
_KIN_GROUP_BEFORE = re.compile(r"(?<![^\W_])(?:clan|famille|tribu|dynastie|family|tribe)"
                               r"[ \u00a0]+$")
_KIN_GROUP_AFTER = re.compile(r"[ \u00a0]+(?:family|clan|tribe|dynasty)(?![^\W_])")
# what a place gives its name to and is not: a channel, a station, a unit, a body, a school,
# a paper, a company ("Al Aqsa TV", "the al-Quds force", "Qatar Airways")
_NAMED_FOR_A_PLACE = frozenset("""tv television radio channel force brigade brigades university
newspaper airways airlines club committee agency""".split())
# the same words before the name, as French writes them ("les brigades al-Qods", "la force
# d'élite « Al Qods »", "le quotidien al-Quds") and English with "of" ("the daily Al-Quds");
# not "université": the
# sets' authors read "l'université de Damas" as the city
_NAMED_FOR_A_PLACE_BEFORE = re.compile(
    r"(?<![^\W_])(?i:force|brigades?|cha[îi]ne|t[ée]l[ée]vision|radio|journal|quotidien"
    r"|daily|newspaper|comit[ée]|agence)(?:[ \u00a0]+d['\u2019][ée]lite|[ \u00a0]+sp[ée]ciale)?"
    r"(?:[ \u00a0]+(?:of|de|des)|[ \u00a0]+d['\u2019]|[ \u00a0]+)?"
    r"[ \u00a0]*[«\"\u201c]?[ \u00a0]*\Z")
_TRIBE_BEFORE = re.compile(r"(?<![^\W_])(?:clan|tribu|tribe)[ \u00a0]+(?:des[ \u00a0]+)?\Z")
_TRIBE_AFTER = re.compile(r"[ \u00a0]+(?:clan|tribe|tribal)(?![^\W_])")
_THE_BEFORE = re.compile(r"(?<![^\W_])[Tt]he[ \u00a0]+$")
_ANY_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)(?![^\W_])")
_LOWER_WORD_AFTER = re.compile(r"[ \u00a0]+([a-z]+)(?![^\W_])")
