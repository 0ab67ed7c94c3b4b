"""Relatives named next to a person: "his father X", "X, son of Y", "Y's brother X". A
name introduced as a relative is the relative's, never the person the glossary names."""

from __future__ import annotations

import re

from normalizer.canon.match import Match

# A relative named as such, up to the short form: "his father, Muhammad bin Ali Al-", "killed
# his son Humam al-", "son père, Idriss", "son frère aîné, Jawdat", "son of the retired teacher
# Safi Yousef al-" (the name's parts, then the short form's position).
_KIN_EN = (r"father|son|brother|sister|daughter|nephew|niece|cousin|uncle|aunt|wife|widow"
           r"|husband|mother|grandfather|grandmother|grandson|granddaughter"
           r"|(?:father|mother|brother|sister|son|daughter)-in-law")
_KIN_FR = (r"père|fils|frère|sœur|fille|neveu|nièce|cousin|cousine|oncle|tante|épouse|veuve"
           r"|mari|mère|grand-père|grand-mère|petit-fils|petite-fille|beau-père|belle-mère"
           r"|beau-frère|belle-sœur|gendre|belle-fille")
# what may stand between the relation and the name: ", the writer", ", l'écrivain"
_KIN_DESCRIPTION = r"(?:,?[ \u00a0]+(?i:the|a|an|le|la|l['\u2019])[ \u00a0]*[a-zà-ÿ]+" \
                   r"(?:[ \u00a0]+[a-zà-ÿ]+){0,2})?"
_KIN_BEFORE = re.compile(
    rf"(?:\b(?i:his|her|their|whose|the|a|eldest|elder|younger|youngest|late)[ \u00a0]+"
    rf"(?:(?:{_KIN_EN})['\u2019]s[ \u00a0]+)?(?:{_KIN_EN})"
    rf"|\b(?i:son|sa|leur|le|la|du|de)[ \u00a0]+(?:{_KIN_FR})"
    rf"(?:[ \u00a0]+(?:aîné|aînée|cadet|cadette|maternel|paternel|maternelle|paternelle))?"
    rf"|\b(?i:{_KIN_EN})[ \u00a0]+of(?:[ \u00a0]+[a-z]+){{0,3}}"
    rf"|\b(?i:{_KIN_FR})[ \u00a0]+(?:de|d['\u2019]|du)(?:[ \u00a0]*(?:l['\u2019]|la |le )?"
    rf"[a-zà-ÿ]+){{0,3}}){_KIN_DESCRIPTION}"
    r",?[ \u00a0]+(?:(?:[A-Z\u00c0-\u00de][^\s,.;:]*|bin|ibn|ben|bint|al|el)[ \u00a0\-]+){0,5}$")
# ... or right after it: "Zainab Al-Khawaja, a daughter of the activist", "Jihad, son fils".
_KIN_AFTER = re.compile(
    rf",[ \u00a0]+(?:(?i:a|an|the|his|her|their)[ \u00a0]+(?:{_KIN_EN})\b"
    rf"|(?:(?i:la|le|l['\u2019]|son|sa|leur)[ \u00a0]*)(?:{_KIN_FR})\b)")
# A relation of the person just named, up to a name: ", fils du grand ayatollah ", ", the son
# of ", ", daughter of the late "
_KIN_OF = re.compile(
    rf",?[ \u00a0]+(?:(?i:the|a|an|le|la|l['\u2019]|his|her|sa|son)[ \u00a0]*)?"
    rf"(?:(?i:{_KIN_EN})[ \u00a0]+of|(?i:{_KIN_FR})[ \u00a0]+(?:de|du|d['\u2019]))"
    rf"(?:[ \u00a0]*(?:l['\u2019])?[a-zà-ÿ]+){{0,3}}[ \u00a0]*")


def kin_right_before(text: str, start: int, end: int | None = None) -> bool:
    """"His grandfather, Fakhri Abdel Nour": a relative named as one right before ``start``;
    not a likeness ("Like his father, Hudaybi trained in law" is the person), nor a name
    that ends at ``end`` in a possessive ("the father-in-law of Bagheri's brother": the
    relative is the brother, Bagheri the person)."""
    kin = POSSESSIVE_KIN.search(text, max(0, start - 40), start)
    return kin is not None and not _LIKE_BEFORE.search(text, max(0, kin.start() - 8),
                                                       kin.start()) \
        and not (end is not None and _POSSESSIVE_AFTER.match(text, end))


_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?(?![^\W_])")


_LIKE_BEFORE = re.compile(r"(?i:\b(?:like|unlike|comme|as))[ \u00a0]+$")


def relative_of_the_one_before(text: str, chosen: list[Match], m: Match) -> bool:
    """Is short form ``m`` the family name of a relative the text names right after the
    person ("Abdul Majid al-Khoei, fils du grand ayatollah al-Khoï")? One is not one's own
    father: there the name is the relative's."""
    before = [c.end for c in chosen if c.spec.entry == m.spec.entry and c.end <= m.start]
    return bool(before) and m.start - before[-1] <= 60 and _KIN_OF.fullmatch(
        text, before[-1], m.start) is not None


# a relation of a person named by name, up to the relative's name: "Abdel Nour's grandfather,
# ", "le grand-père d'Abdel Nour, " (the relative's when that name is the person's own; "Neveu
# d'Abdullah Abdullah, Dashty ..." is the person himself)
KIN_OF_A_NAME = re.compile(
    rf"(?:(?P<name>[^\W\d_]+)['\u2019]s[ \u00a0]+"
    rf"(?:(?i:late|elder|younger|eldest|youngest)[ \u00a0]+)?(?:{_KIN_EN})"
    rf"|\b(?i:{_KIN_FR})[ \u00a0]+(?:de|d['\u2019]|du)[ \u00a0]*"
    rf"(?:[A-Z\u00c0-\u00de][^\W\d_]+[ \u00a0\-]){{0,2}}"
    rf"(?P<name2>[A-Z\u00c0-\u00de][^\W\d_]+)),?[ \u00a0]+$")
# "his father, ", "son frère aîné ", "was the son of ": a relative of the one named before
POSSESSIVE_KIN = re.compile(
    rf"\b(?:(?i:his|her)[ \u00a0]+(?:{_KIN_EN})|(?i:son|sa)[ \u00a0]+(?:{_KIN_FR})"
    rf"(?:[ \u00a0]+(?:aîné|aînée|cadet|cadette|maternel|paternel|maternelle|paternelle))?"
    rf"|(?:was|is|était|est|fut)[ \u00a0]+(?:the|le|la)[ \u00a0]+"  # "... était le fils de "
    rf"(?:(?i:{_KIN_EN})[ \u00a0]+of|(?i:{_KIN_FR})[ \u00a0]+(?:de|du)))"
    # (a title or a first name of the relative's between: "His grandfather Sayyid ")
    r",?[ \u00a0]+(?:[A-Z\u00c0-\u00de][^\W\d_]*[ \u00a0]+){0,2}$")
CAPITALIZED_IN = re.compile(r"(?<![^\W_])[A-Z\u00c0-\u00de][^\W\d_]+")
# two capitalized words in a row: someone's full name
FULL_NAME = re.compile(r"(?<![^\W_])[A-Z\u00c0-\u00de][^\W\d_]+[ \u00a0]+"
                        r"[A-Z\u00c0-\u00de][^\W\d_]+")


def introduced_as_kin(text: str, start: int, end: int) -> bool:
    """Is the name ending with the word at ``start:end`` a relative named as such, before it
    ("his father, Idriss Deby") or after it ("Zainab Al-Khawaja, a daughter of ...")?"""
    return bool(_KIN_BEFORE.search(text, max(0, start - 80), start)
                or _KIN_AFTER.match(text, end))


# a person introduced by a parent right after the name: "X, son of ...", "X, fils de ..."
CHILD_OF_AFTER = re.compile(
    r",?[ \u00a0]+(?:the[ \u00a0]+|le[ \u00a0]+|la[ \u00a0]+)?"
    r"(?:eldest[ \u00a0]+|youngest[ \u00a0]+)?"
    r"(?:son|daughter|grandson|granddaughter|nephew|niece|fils|fille|petit-fils|petite-fille"
    r"|neveu|nièce)[ \u00a0]+(?:of|de|d['\u2019]|du)", re.IGNORECASE)
