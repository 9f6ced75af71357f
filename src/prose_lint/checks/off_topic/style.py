"""Style (who writes, not what about): rates of function-word classes, reporting verbs, quotation marks
and sentence ends per paragraph, and how far a run of paragraphs departs in them from the rest of
the document. The sections of one document share its author's style whatever their subject (a speech's
"we" and "our", a news story's "said" and quotations); a text pasted from another document brings its own
(intrinsic plagiarism detection finds a foreign passage the same way)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d[\d,.]*|[\"“”?!]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")
_CLASSES: list[str] | None = None  # rules/lexicons/off_topic.toml [style] classes
_CLASS_OF: dict[str, int] = {}


def _classes() -> list[str]:
    """The word classes whose rates mark a style, loaded once. Besides them: quotation marks,
    question/exclamation marks and sentence ends (the inverse of the sentence length); not digits,
    capitalised words or brackets: a list of prices or a table of versions inside one document has them,
    whoever wrote it."""
    global _CLASSES
    if _CLASSES is None:
        from prose_lint.lexicon import load_lexicon

        classes = list(load_lexicon("off_topic")["style"]["classes"])
        _CLASS_OF.update({w: i for i, ws in enumerate(classes) for w in ws.split()})
        _CLASSES = classes
    return _CLASSES


@dataclass
class _Style:
    """Running sums of per-paragraph style counts, for the style distance of any run from the rest."""

    cum: Any  # (m + 1, classes + 3): counts summed over body units < k
    words: Any  # (m + 1,): words summed over body units < k
    var: Any  # (classes + 3,): per-word variance of each rate (from the paragraphs' spread)

    @classmethod
    def of(cls, texts: list[str]) -> "_Style":
        import numpy as np

        base = len(_classes())
        dim = base + 3
        m = len(texts)
        counts = np.zeros((m, dim))
        words = np.zeros(m)
        for r, text in enumerate(texts):
            row = counts[r]
            # counted by a Counter of the lower-cased tokens (C loops), then read per class word
            toks = Counter(map(str.lower, _TOKEN.findall(text)))
            for w, c in toks.items():
                k = _CLASS_OF.get(w)
                if k is not None:
                    row[k] += c
            quotes = toks['"'] + toks["“"] + toks["”"]
            marks = toks["?"] + toks["!"]
            row[base] += quotes
            row[base + 1] += marks
            row[base + 2] = len(_SENTENCE_END.findall(text))
            words[r] = max(sum(toks.values()) - quotes - marks, 1)
        cum = np.vstack([np.zeros((1, dim)), np.cumsum(counts, axis=0)])
        cw = np.concatenate([[0.0], np.cumsum(words)])
        # The per-word variance of each rate: the paragraphs' word-weighted spread around the document's
        # rate, times their mean length (a paragraph of n words has variance var / n). A floor keeps a
        # class the document never uses from dividing by zero.
        rates = counts / words[:, None]
        mean = cum[-1] / cw[-1]
        var = (words[:, None] * (rates - mean) ** 2).sum(axis=0) / m
        var = np.maximum(var, mean * (1 - np.minimum(mean, 1)) * 0.25 + 1e-4)
        return cls(cum, cw, var)

    def distance(self, a: int, b: int) -> float:
        """How far the style of body units [a, b) departs from that of the others: the mean over the
        classes of the squared difference of the two rates over its variance for runs of their lengths
        (about 1 for a run of the document's own, whatever its subject; larger for another author's)."""
        import numpy as np

        m = len(self.words) - 1
        wb = self.words[b] - self.words[a]
        wr = self.words[m] - wb
        if wb <= 0 or wr <= 0:
            return 0.0
        cb = self.cum[b] - self.cum[a]
        cr = self.cum[m] - cb
        d = cb / wb - cr / wr
        return float(np.mean(d * d / (self.var * (1 / wb + 1 / wr))))
