"""What duplicated-conclusion and duplicate-text both need: the document's abstract, reference and
conclusion sections, and the content words of a span."""

from __future__ import annotations

from dataclasses import dataclass

from prose_lint.analysis import stem, stopwords
from prose_lint.document import Document


@dataclass
class Structure:
    abstract_sections: frozenset[int]
    reference_sections: frozenset[int]
    conclusion_sections: list[int]


def structure(doc: Document) -> Structure:
    """The document's abstract, reference and conclusion sections (Document.section_roles)."""
    roles = doc.section_roles
    return Structure(doc.sections_with("abstract"), doc.sections_with("references"),
                     [i for i, r in enumerate(roles) if "conclusion" in r])


def content_words(doc: Document, start: int, end: int) -> list[tuple[str, str]]:
    """(stem, lower-case form) of the content words of ``prose[start:end]`` (3+ letters, not stop words)."""
    stop = stopwords()
    out = []
    for m in doc.words(start, end):
        w = m.group(0).lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 3 or w in stop:
            continue
        out.append((stem(w), w))
    return out
