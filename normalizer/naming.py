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
