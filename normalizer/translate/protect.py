"""Protect glossary names through machine translation.

Contract: ``Protector.plan(text, lang)`` finds the glossary mentions of a source document with
the canonicalizer (per-language variants included, look-alikes listed under ``keep`` skipped).
``protect(segment, start, mentions, engine)`` replaces the mentions inside one segment by the
engine's placeholder tokens (one token per distinct canonical target, at most
``len(engine.placeholder_letters)`` per segment; further names are left to canonicalization).
``restore(translated, protected)`` puts each canonical English form back, or returns ``None``
when a token was lost, duplicated or mangled, so the caller re-translates the segment without
protection instead of emitting garbage; ``restore_placed`` does the same and also says where
each canonical form landed in the restored segment (for the audit trail). A segment that
already contains token-like text is not protected at all.

``Protected.mentions`` lists, in source order, each mention actually replaced by a token with
that token, so a restored token occurrence can be traced back to its source span. When a token
occurs several times (one canonical form written in several places), occurrences in the output
are paired with mentions in source order: they all share the canonical form and entry, only
the source surfaces may differ.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from normalizer.canonicalize import Canonicalizer, Match
from normalizer.glossary import Glossary

# Anything that looks like (part of) one of our tokens after translation.
TOKEN_TRACE_RE = re.compile(r"xent|ENT[A-Z]X\b", re.IGNORECASE)
WORD_AFTER_RE = re.compile(r"[ \t]+([A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+)\b")


@dataclass
class Protected:
    """A segment with tokens, and what each token stands for."""

    text: str
    tokens: dict[str, str] = field(default_factory=dict)  # token -> canonical form
    counts: dict[str, int] = field(default_factory=dict)  # token -> occurrences
    lower_after: set[str] = field(default_factory=set)  # tokens followed by a lowercase word
    mentions: list[tuple[str, Match]] = field(default_factory=list)  # (token, mention) in order

    @property
    def active(self) -> bool:
        return bool(self.tokens)


class Protector:
    """Finds mentions once per document; protects and restores segment by segment."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        # the caller decides about known aliases (the pipeline adds them to the glossary)
        self.canonicalizer = Canonicalizer(glossary, known_aliases=False)

    def plan(self, text: str, lang: str | None) -> list[Match]:
        """Mentions to protect in a whole document (so short forms see their full mention)."""
        return [m for m in self.canonicalizer.find(text, lang) if m.spec.kind != "keep"]


def mentions_in(mentions: list[Match], start: int, end: int) -> list[Match]:
    """The mentions lying wholly inside ``[start, end)`` (sorted input)."""
    i = bisect_left([m.start for m in mentions], start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out


def target_for(original: str, target: str) -> str:
    """The canonical form as the canonicalizer would write it (headline capitals kept)."""
    if original.isupper() and any(c.islower() for c in target):
        return target.upper()
    return target


def protect(segment: str, offset: int, mentions: list[Match], letters: str) -> Protected:
    """``segment`` (starting at ``offset`` in its document) with mentions replaced by tokens."""
    if not mentions or TOKEN_TRACE_RE.search(segment):
        return Protected(segment)
    out: list[str] = []
    result = Protected(segment)
    by_target: dict[str, str] = {}
    cursor = 0
    for m in mentions:
        s, e = m.start - offset, m.end - offset
        target = target_for(segment[s:e], m.spec.target)
        token = by_target.get(target)
        if token is None:
            if len(by_target) >= len(letters):
                continue
            token = f"XENT{letters[len(by_target)]}X"
            by_target[target] = token
            result.tokens[token] = target
        out.append(segment[cursor:s])
        out.append(token)
        result.mentions.append((token, m))
        result.counts[token] = result.counts.get(token, 0) + 1
        following = segment[e:].lstrip(" \t")
        if following[:1].islower():
            result.lower_after.add(token)
        cursor = e
    out.append(segment[cursor:])
    result.text = "".join(out)
    return result


def restore(translated: str, protected: Protected) -> str | None:
    """The translation with canonical names back, or ``None`` if a token did not survive."""
    placed = restore_placed(translated, protected)
    return None if placed is None else placed[0]


def restore_placed(translated: str, protected: Protected
                   ) -> tuple[str, list[tuple[int, int, str]]] | None:
    """Like ``restore``, plus ``(start, end, token)`` of every canonical form written back,
    in output order (offsets into the returned text)."""
    if not protected.active:
        return translated, []
    for token, count in protected.counts.items():
        if translated.count(token) != count:
            return None
    text = translated
    for token in protected.tokens:
        if token in protected.lower_after:
            # Rule-based engines capitalize the word after an unknown sentence-initial word
            # ("XENTAX Has announced"); the source had a lowercase word there.
            text = re.sub(re.escape(token) + WORD_AFTER_RE.pattern,
                          lambda m: m.group(0)[:-len(m.group(1))] + m.group(1).lower(), text)
    pattern = re.compile("|".join(re.escape(t) for t in protected.tokens))
    pieces: list[str] = []
    placed: list[tuple[int, int, str]] = []
    cursor = length = 0
    for m in pattern.finditer(text):
        pieces.append(text[cursor:m.start()])
        length += m.start() - cursor
        target = protected.tokens[m.group()]
        placed.append((length, length + len(target), m.group()))
        pieces.append(target)
        length += len(target)
        cursor = m.end()
    pieces.append(text[cursor:])
    text = "".join(pieces)
    if TOKEN_TRACE_RE.search(text) and not TOKEN_TRACE_RE.search(
            "".join(protected.tokens.values())):
        return None
    return text, placed
