"""Offline sentence splitting that keeps a document's layout.

Contract: ``split_layout(text)`` returns a ``Layout`` whose ``segments`` are the sentences to
translate and whose ``join(translations)`` puts translations back into the untouched layout:
blank lines, line endings, leading indentation, Markdown heading/list/quote markers and the
whitespace between sentences are kept byte for byte. Consecutive prose lines of one paragraph
(hard-wrapped text) are translated as one paragraph and written back on one line, because a
sentence cut by a line break cannot be translated well. Lines without letters (rules, numbers)
are kept as they are. No model is loaded and nothing is downloaded: splitting is rule-based.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Markdown-ish line prefixes kept verbatim (heading, bullet, numbered item, quote).
MARKER_RE = re.compile(r"^([ \t]*(?:#{1,6}[ \t]+|[-*+•][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]*)?)")
# Candidate sentence end: terminal punctuation, optional closing quotes/brackets, whitespace.
END_RE = re.compile(r"([.!?…؟。]+[\"'’”»)\]]*)(\s+)(?=[\"'“«(\[]?[^\W\d_]|[\"'“«(\[]?\d)")
ABBREVIATIONS = frozenset("""
m mm mme mmes mlle dr pr prof st ste mr mrs ms jr sr gen col lt cpt sgt gov sen rep no nos
vol p pp art fig ch etc cf vs env av apr janv fév févr oct nov déc dept ave inc ltd co corp
""".split())  # noqa: SIM905
MAX_SEGMENT = 600  # characters; longer sentences are cut at a comma or space near this length


@dataclass
class Layout:
    """Literal pieces and sentence slots: ``parts`` holds strings or indexes into segments."""

    parts: list[str | int] = field(default_factory=list)
    segments: list[str] = field(default_factory=list)

    def literal(self, text: str) -> None:
        if text:
            self.parts.append(text)

    def segment(self, text: str) -> None:
        self.parts.append(len(self.segments))
        self.segments.append(text)

    def join(self, translations: list[str]) -> str:
        """The document with segment ``i`` replaced by ``translations[i]``."""
        return "".join(p if isinstance(p, str) else translations[p] for p in self.parts)

    def join_placed(self, translations: list[str]) -> tuple[str, list[int]]:
        """``join`` plus where each segment's translation starts in the joined text."""
        starts = [0] * len(self.segments)
        pieces: list[str] = []
        length = 0
        for p in self.parts:
            piece = p if isinstance(p, str) else translations[p]
            if not isinstance(p, str):
                starts[p] = length
            pieces.append(piece)
            length += len(piece)
        return "".join(pieces), starts


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Spans of the sentences of one paragraph (no leading/trailing whitespace inside)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in END_RE.finditer(paragraph):
        end = m.end(1)
        word = re.search(r"([^\W\d_]+)\.?$", paragraph[start:m.start(1) + 1])
        if m.group(1) == "." and word and (word.group(1).lower() in ABBREVIATIONS
                                           or len(word.group(1)) == 1):
            continue  # "M. Abdollahian", "J. Smith": not a sentence end
        spans.append((start, end))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        out.extend(_cut_long(paragraph, s, e))
    return out


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SEGMENT:
        window = text[start:start + MAX_SEGMENT]
        cut = max(window.rfind(", "), window.rfind("; "))
        cut = cut + 1 if cut > MAX_SEGMENT // 3 else window.rfind(" ")
        if cut <= 0:
            cut = MAX_SEGMENT
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start] == " ":
            start += 1
    pieces.append((start, end))
    return pieces


def _add_paragraph(layout: Layout, text: str) -> None:
    """Sentences of ``text`` as segments, whitespace between them as literals."""
    lead = len(text) - len(text.lstrip())
    layout.literal(text[:lead])
    body_end = len(text.rstrip())
    body = text[lead:body_end]
    if not any(c.isalpha() for c in body):
        layout.literal(body)
    else:
        cursor = 0
        for s, e in split_sentences(body):
            layout.literal(body[cursor:s])
            layout.segment(body[s:e])
            cursor = e
        layout.literal(body[cursor:])
    layout.literal(text[body_end:])


def split_layout(text: str) -> Layout:
    """Segments to translate and the layout to put them back into."""
    layout = Layout()
    lines = text.splitlines(keepends=True)
    prose: list[str] = []  # pending lines of one prose paragraph

    def flush() -> None:
        if not prose:
            return
        ending = prose[-1][len(prose[-1].rstrip("\r\n")):]
        joined = " ".join(p.strip() for p in prose)
        indent = prose[0][:len(prose[0]) - len(prose[0].lstrip(" \t"))]
        layout.literal(indent)
        _add_paragraph(layout, joined)
        layout.literal(ending)
        prose.clear()

    for line in lines:
        content = line.rstrip("\r\n")
        if not content.strip():
            flush()
            layout.literal(line)
            continue
        marker = MARKER_RE.match(content).group(1)
        if marker.strip():
            flush()
            layout.literal(marker)
            _add_paragraph(layout, content[len(marker):])
            layout.literal(line[len(content):])
        else:
            prose.append(line)
    flush()
    return layout
