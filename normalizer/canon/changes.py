"""Change arithmetic: applying changes to a text, composing two passes' changes into one
list against the original input, and telling whether a change may grow on the next pass."""

from __future__ import annotations

import re

from normalizer.document import Change

GROW_LEFT = re.compile(r"(?:[^\W_]+)[ \t\u00a0\n\-\u2010-\u2015'\u2019]{0,3}$")
_GROW_RIGHT = re.compile(r"[ \t\u00a0\n\-\u2010-\u2015'\u2019]{0,3}[^\W_]")
_POSSESSIVE = re.compile(r"['\u2019]s(?![^\W_])")


def may_grow(out: str, change: Change) -> bool:
    """Could a name now run across the replacement's edge? Only if a word joins it there
    (another capitalized word, an article, or letters glued to it; never a possessive "'s",
    which ends a name: a third of news names are followed by one)."""
    left = GROW_LEFT.search(out, max(0, change.out_start - 40), change.out_start)
    if left and (left.group()[:1].isupper() or left.group().split()[0].lower()
                 in ("al", "el", "d", "l") or not left.group()[-1:].isspace()):
        return True
    right = _GROW_RIGHT.match(out, change.out_end)
    return bool(right) and (right.group()[-1].isupper() or not right.group()[:1].isspace()) \
        and not _POSSESSIVE.match(out, change.out_end)


def compose_changes(text: str, first: list[Change], second: list[Change]) -> list[Change]:
    """Changes from ``text`` to the result of applying ``first`` then ``second``.

    ``second`` has offsets in the intermediate text. A second-pass change that cuts into a
    first-pass replacement is widened to cover it; overlapping spans merge into one change
    whose entry and rule are those of the last pass.
    """
    middle = _apply(text, first)
    final = _apply(middle, second)

    def to_input(pos: int, side: str) -> int:
        shift = 0
        for f in first:
            if pos <= f.out_start:
                break
            if pos < f.out_end:
                return f.start if side == "start" else f.end
            shift = f.out_end - f.end
        return pos - shift

    spans = [(f.start, f.end, f) for f in first]
    spans += [(to_input(c.start, "start"), to_input(c.end, "end"), c) for c in second]
    spans.sort(key=lambda x: (x[0], x[1]))
    groups: list[list] = []
    for start, end, change in spans:
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].append(change)
        else:
            groups.append([start, end, [change]])
    result: list[Change] = []
    for start, end, members in groups:
        out_start = _forward(_forward(start, first), second)
        out_end = _forward(_forward(end, first), second)
        original, canonical = text[start:end], final[out_start:out_end]
        if original == canonical:
            continue
        last = next((c for c in members if c in second), members[-1])
        result.append(Change(start, end, out_start, out_end, original, canonical,
                             last.entry_id, last.rule))
    return result


def _forward(pos: int, changes: list[Change]) -> int:
    """Where an offset outside every change lands after applying them."""
    shift = 0
    for c in changes:
        if c.end > pos:
            break
        shift = c.out_end - c.end
    return pos + shift


def _apply(text: str, changes: list[Change]) -> str:
    pieces, cursor = [], 0
    for c in changes:
        pieces += [text[cursor:c.start], c.canonical]
        cursor = c.end
    pieces.append(text[cursor:])
    return "".join(pieces)
