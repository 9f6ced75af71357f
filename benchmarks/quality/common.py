"""The shared vocabulary of the evaluation corpus: hosts, planted defects, and the plant-function contract.

A *host* is a real document (a news article, a speech, an essay, a documentation page) read from
``../shared/data`` or Debian's documentation packages; a *form* is a seeded function that plants one defect
of one class into a host and says exactly where it put it. Nothing here imports prose-lint: the corpus is
built without the linter, so the generator cannot be tuned to it by accident.

    def plant(rng: random.Random, host: Host, ctx: PlantContext) -> Planted | None

A plant function returns ``None`` when the host cannot take the form (too short, no sentence with a number,
...); the builder then tries another host. It must never return a text whose ``defects`` spans are wrong:
``text[span[0]:span[1]]`` is exactly what a reader would point at.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Callable

# The rule family that must report each class (ids as `prose-lint rules` lists them).
CLASS_RULES: dict[str, str] = {
    "boilerplate": "boilerplate",
    "stray-token": "stray-token",
    "self-contradiction": "self-contradiction",
    "off-topic": "off-topic-content",
    "duplicated-conclusion": "duplicated-conclusion",
}
CLASSES = tuple(CLASS_RULES)
SPLITS = ("tune", "test")

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


@dataclass
class Host:
    """A real document that defects are planted into."""

    id: str  # unique over both splits, e.g. "news/l3s-gn1-0a1b2c3d"
    source: str  # the data set it comes from ("news-l3s", "longform-cleaneval", ...): splits are by source
    genre: str  # news | speech | essay | documentation | web
    title: str
    text: str  # paragraphs separated by one blank line; the title is NOT included
    license: str
    category: str = "unknown"  # news category where known (a hint only)
    suffix: str = ".txt"  # ".md" for Markdown hosts

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in PARAGRAPH_BREAK.split(self.text) if p.strip()]

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class ChromeBlock:
    """A run of real chrome lines from a labelled web page (consecutive chrome lines, blank lines between kept)."""

    page: str  # the page's file in ../shared/data/webpages
    lines: list[str]
    position: str  # top | bottom | interior
    license: str


@dataclass
class NliPair:
    id: str
    premise: str
    hypothesis: str
    label: str  # contradiction | entailment | neutral


@dataclass
class PlantContext:
    """What a plant function may draw on besides its host: everything comes from the same split."""

    split: str  # "tune" or "test": inventories of phrases are partitioned by split (see `by_split`)
    hosts: list[Host]  # every host of the split (donors for off-topic content)
    chrome: list[ChromeBlock]  # real chrome blocks from the split's web pages
    nli: list[NliPair]  # human-written pairs of the split


@dataclass
class Defect:
    """One planted defect. ``span`` is what was planted (character offsets in the planted text).

    ``accept``: spans where a diagnostic also counts as finding this defect (e.g. the earlier sentence of a
    contradiction pair, the first of two conclusions); a diagnostic overlapping ``span`` always counts.
    """

    span: tuple[int, int]
    accept: list[tuple[int, int]] = field(default_factory=list)
    note: str = ""  # what was planted, for reading the report ("'Des' before 'analysts'")


@dataclass
class Planted:
    text: str
    defects: list[Defect]
    meta: dict = field(default_factory=dict)  # form-specific details (donor id, marker used, ...)


PlantFn = Callable[[random.Random, Host, PlantContext], "Planted | None"]


def by_split(items: list, split: str, salt: str = "") -> list:
    """A deterministic half of ``items`` for each split (disjoint), so that a test-split document never
    contains a phrase, marker or template the tune split showed. Items are strings or hashable reprs."""
    import hashlib

    def half(item) -> str:
        digest = hashlib.sha1((salt + repr(item)).encode()).digest()
        return "tune" if digest[0] % 2 == 0 else "test"

    chosen = [item for item in items if half(item) == split]
    return chosen or list(items)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text`` (blank-line separated), trimmed."""
    spans, pos = [], 0
    for m in list(PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        pos = m.end() if m else len(text)
    return spans


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]`` by a plain punctuation rule (the generator's own, not the linter's)."""
    end = len(text) if end is None else end
    spans, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


def insert_paragraphs(host: Host, index: int, new: list[str]) -> tuple[str, tuple[int, int]]:
    """The host's paragraphs with ``new`` inserted before paragraph ``index``; returns the text and the span
    of the inserted paragraphs."""
    paras = host.paragraphs
    before = paras[:index]
    prefix = "\n\n".join(before) + ("\n\n" if before else "")
    block = "\n\n".join(new)
    rest = paras[index:]
    text = prefix + block + ("\n\n" + "\n\n".join(rest) if rest else "") + "\n"
    return text, (len(prefix), len(prefix) + len(block))
