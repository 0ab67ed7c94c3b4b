"""A candidate mention (``Match``) and how candidates are chosen: leftmost-longest and
non-overlapping, a span two entries claim equally left alone (``select``), and the spans
already taken (``Occupied``)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from normalizer.matcher import FormSpec

RULE_PRIORITY = {"keep": 0, "exact": 1, "folded": 2, "generated": 3, "translated": 3,
                 "short": 4, "document": 4, "acronym": 5}
# A spelling the tool added (a known alias, an English name variant) is recorded by its origin.
BY_ORIGIN = frozenset({"exact", "folded", "generated"})


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    spec: FormSpec
    rule: str
    # with a middle name no table knows: kept only where the document names the entry
    # otherwise too (``_with_middle_names``)
    loose: bool = False


class Occupied:
    """Spans already taken by chosen matches."""

    def __init__(self, matches: Iterable[Match]):
        self.matches = sorted(matches, key=lambda m: m.start)
        self.starts = [m.start for m in self.matches]

    def at(self, pos: int) -> Match | None:
        idx = bisect_right(self.starts, pos) - 1
        if idx >= 0 and self.matches[idx].end > pos:
            return self.matches[idx]
        return None

    def covers(self, pos: int) -> bool:
        return self.at(pos) is not None

    def overlaps(self, m: Match) -> bool:
        idx = bisect_right(self.starts, m.end - 1) - 1
        while idx >= 0 and self.matches[idx].end > m.start - 10_000:
            other = self.matches[idx]
            if other.start < m.end and m.start < other.end:
                return True
            idx -= 1
        return False


FULL_MENTION = frozenset({"exact", "folded", "generated", "translated"})
NAMED_IN_FULL = FULL_MENTION | {"document"}


def select(candidates: list[Match]) -> list[Match]:
    """Leftmost-longest, non-overlapping; an equal-best span claimed by two entries is dropped."""
    best: dict[tuple[int, int], list[Match]] = {}
    for c in candidates:
        best.setdefault((c.start, c.end), []).append(c)
    resolved: list[Match] = []
    for group in best.values():
        if len(group) == 1:  # (nearly every span)
            resolved.append(group[0])
            continue
        top = min(RULE_PRIORITY[g.rule] for g in group)
        winners = [g for g in group if RULE_PRIORITY[g.rule] == top]
        if len({w.spec.entry for w in winners}) > 1 and top != 0:
            continue
        resolved.append(winners[0])
    resolved.sort(key=lambda m: (m.start, -(m.end - m.start), RULE_PRIORITY[m.rule]))
    chosen: list[Match] = []
    last_end = -1
    for m in resolved:
        if m.start >= last_end:
            chosen.append(m)
            last_end = m.end
    return chosen
