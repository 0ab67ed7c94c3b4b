"""Where a text renames something: the new name stated next to the old one.

Contract: ``renamed_to(text, start)`` is true when the words just before ``start`` say that
what follows is the name something took or had at another time ("renamed itself Jabhat Fateh
al-Sham", "before it became Jabhat Fateh al-Sham", "would henceforth be called ...", "prenait
le nom de Front Fateh al-Cham", "rebaptisé ...").

Why: a former or later name is listed as another name of the entity (an alias), and a
canonicalizer writes it as the canonical. In a sentence about the renaming that makes nonsense
("the Nusra Front renamed itself Nusra Front") and erases the fact the sentence reports, so
there the alias is left as written. Elsewhere ("Jabhat Fateh al-Sham fighters attacked") it is
the entity under another name, and written as the canonical. Verbs that also take an object
in another sense are only read in the naming sense: "called" after "be", "now" or
"henceforth" (never "Biden called Erdogan"); French "appelé" after "être" or "s'". Naming
something as it is ("also called", "known as", "baptisée « ... »", "dit « IOG »") is not a
renaming: a name there is written as the canonical, as anywhere.

``written_beside(text, start, end, others)`` is true when another name of the same thing is
written right beside ``start:end``, in brackets, after a comma or joined by a dash
("Islamic Resistance Movement (Hamas)", "... Movement, Hamas,", "... Movement-Hamas"): the
text gives both names, and writing the alias as the canonical would write one name twice
("Hamas (Hamas)").

``introduced_as_alias(text, start)`` is true when the words just before ``start`` introduce
another name of someone as such ("also known as Hajj Mohsin", "his nom de guerre al-Hajj
Radwan", "goes by the names \"Hajj Mohsen\" and", "surnommé", "le nom Hajj (ou"): the
sentence states the person's other name, and writing it as the canonical would state the
canonical as its own alias ("Fuad Shukr, also known as Fuad Shukr").

``named_otherwise_after(text, end, others)`` is true when the words right after ``end`` say
that one of the ``others`` spans (other mentions of the same entity) is the name it is known
by ("Yahya Ibrahim Hassan Sinwar, commonly known as Yahya Sinwar"): the sentence glosses a
formal or other name with the usual one, and writing the first as the canonical would say the
name twice. ("Mohamed Hamdan Daglo, known as Hemedti" glosses it with a nickname the
glossary does not give: the name is written as the canonical.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PHRASES = (
    r"renamed(?:\s+(?:it|them)sel(?:f|ves))?(?:\s+as)?",
    r"rebranded(?:\s+(?:it|them)sel(?:f|ves))?(?:\s+as)?", r"bec[ao]me", r"becomes", r"becoming",
    r"(?:be|now|henceforth|thereafter|later|since)\s+called",
    r"call(?:s|ed)\s+(?:it|them)sel(?:f|ves)",
    r"(?:prend|prennent|prenait|prenaient|prendra|pris|prendre|adopte|adopté|adoptait)\s+(?:le|un)"
    r"\s+(?:nouveau\s+)?nom\s+d(?:e|['’])", r"rebaptis[ée]e?s?", r"renomm[ée]e?s?", r"devenue?s?",
    r"(?:s['’]|sera|être|désormais)\s*appel[ée]e?s?", r"s['’]appel(?:le|lent|ait|aient|lera)",
)
_RENAMED = re.compile(
    r"(?<![^\W_])(?:" + "|".join(_PHRASES) + r")[\s\u00a0]*[:«“\"‘'(\[]?[\s\u00a0]*$",
    re.IGNORECASE)
# the last word before a name that one of the phrases ends with (a quick no for the rest)
_LAST_WORDS = frozenset("""
renamed rebranded itself themselves as became become becomes becoming called de d' d’
rebaptisé rebaptisée rebaptisés rebaptisées renommé renommée renommés renommées devenu
devenue devenus devenues appelé appelée appelés appelées appelle appellent appelait appelaient
appellera
""".split())
_OPENING = "«“\"‘'([:"


def renamed_to(text: str, start: int) -> bool:
    """Do the words just before ``start`` say that a new or old name follows?"""
    before = text[max(0, start - 48):start]
    words = before.split()
    if not words:
        return False
    last = words[-1].lower().lstrip(_OPENING)
    if not last and len(words) > 1:
        last = words[-2].lower()
    if last not in _LAST_WORDS and not last.endswith(("d'", "d’")):
        return False
    return _RENAMED.search(before) is not None



def written_beside(text: str, start: int, end: int, others: Iterable[tuple[int, int]]) -> bool:
    """Is one of the ``others`` spans (other names of the same thing) written right before or
    after ``start:end``, in brackets, after a comma or across a dash?"""
    for a, b in others:
        if a >= end and _BESIDE.fullmatch(text, end, a) \
                or b <= start and _BESIDE.fullmatch(text, b, start):
            return True
    return False


_BESIDE = re.compile(r"[ \u00a0]*[)\]]?[ \u00a0]*[(\[,\-\u2010\u2011\u2013\u2014][ \u00a0]*")


def introduced_as_alias(text: str, start: int) -> bool:
    """Do the words just before ``start`` introduce another name of someone as such?"""
    return _ALIAS_INTRO.search(text, max(0, start - 90), start) is not None


# "also known as", "aka", "alias", "nom de guerre", "goes by the names", "surnommé", "dit",
# "connu sous le nom de", "le nom ... (ou", a birth name ("born", "né", "real name"): then
# what may stand between that and the name: a possessive, an article, "including", "dont
# celui de", a title ("General Mazloum Kobani"), another name already given, quoted or
# capitalized ('"Hajj Mohsen" and', 'Hajj (ou'), a quote, and the article of an Arabic name
# ("al-Hajj Radwan")
_ALIAS_WORDS = (
    r"known\s+(?:as|by)", r"a\.?k\.?a\.?", r"alias", r"noms?\s+de\s+guerre", r"nick-?named?",
    r"pseudonyms?", r"dubbed", r"code-?named", r"(?:go(?:es)?|went|going)\s+by",
    r"under\s+the\s+names?", r"the\s+names?", r"surnomm[ée]e?s?", r"dite?s?",
    r"connue?s?\s+sous\s+(?:le|les)\s+noms?", r"sous\s+le\s+nom", r"pseudonymes?",
    r"(?:le|les|un|son|ses)\s+noms?", r"born", r"n[ée]e?", r"(?:birth|real|true)\s+name",
    r"(?:de\s+son\s+)?vrai\s+nom", r"nom\s+de\s+naissance",
)
_ALIAS_INTRO = re.compile(
    r"(?<![^\W_])(?:" + "|".join(_ALIAS_WORDS) + r")"
    r"(?:,?[\s\u00a0]+(?:his|her|their|the|a|an|of|de|d['’]|du|son|sa|ses|le|la|les|is|was"
    r"|including|such\s+as|dont|celui|celle|notamment|(?-i:[A-Z][a-z]+\.?)))*"
    r"(?:[\s\u00a0]*(?:[«“\"‘'][^\n.;:()«»“”\"]{1,40}?[»”\"’']"
    r"|(?-i:[A-Z][\w'’\-]*(?:[ \u00a0][A-Z][\w'’\-]*){0,3}))[\s\u00a0]*"
    r"(?:,|\(|\bor\b|\band\b|\bou\b|\bet\b)[\s\u00a0]*(?:or|ou)?)?"
    r"[\s\u00a0]*[«“\"‘']?[\s\u00a0]*(?:(?:al|el)[-\u2010\u2011 ]|the[\s\u00a0]+)?\Z",
    re.IGNORECASE)


def named_otherwise_after(text: str, end: int, others: Iterable[tuple[int, int]]) -> bool:
    """Do the words right after ``end`` give one of ``others`` as the name it is known by?"""
    phrase = _KNOWN_AS_AFTER.match(text, end)
    if phrase is None:
        return False
    name_at = _QUOTE_OR_TITLE.match(text, phrase.end()).end()
    return any(a == name_at for a, _b in others)


# ", commonly known as", "(better known as", ", aka", ", alias", ", surnommé", ", plus connu
# sous le nom de" (never French "dit", which is also "says")
_KNOWN_AS_AFTER = re.compile(
    r"[\s\u00a0]*[,(\[\u2013\u2014-]?[\s\u00a0]*(?:"
    r"(?:(?:also|commonly|better|widely|popularly|more|generally|simply|usually)[\s\u00a0]+)?"
    r"(?:known|referred[\s\u00a0]+to)[\s\u00a0]+(?:as|by)"
    r"|a\.?k\.?a\.?|alias|surnomm[ée]e?s?"
    r"|(?:(?:plus|mieux|également|aussi|communément)[\s\u00a0]+)?connue?s?[\s\u00a0]+sous)"
    r"(?![^\W_])", re.IGNORECASE)
_QUOTE_OR_TITLE = re.compile(r"[\s\u00a0]*[«“\"‘']?[\s\u00a0]*(?:the[\s\u00a0]+)?")
