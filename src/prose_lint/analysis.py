"""The text-analysis layer: ONE definition of words, sentence ends, stems, stop words and section roles.

Rules used to carry their own word regexes, sentence-end tests, stemmers, stop-word lists and lists of
"what a references section is", and disagreed about the same text. Everything here is shared; the
``Document`` exposes the per-document results as cached properties (``section_roles``,
``caption_blocks``, ``emphasis_spans``...), so a rule never re-derives them.

Import cost matters (the pre-commit hook imports the rules): this module imports only ``re`` and
``functools``; the stemmer (PyStemmer, C) and the lexicons are loaded on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from prose_lint.document import Document

# -- tokens ---------------------------------------------------------------------------------------
# A word: letters, joined by inner apostrophes or hyphens ("don't", "well-known"); a letter run glued
# to digits ("S1", "H2O") is not a word. document.py defines it (the parser needs it too).
# A rule that needs the words of a span asks the Document (span_words, span_word_count, token_index):
# it scans its prose once per pattern and answers spans by slicing (prose_lint/tokens.py).
from prose_lint.document import WORD_RE  # noqa: E402  (re-exported: the ONE word tokenizer)

# A token of a claim: a word, a number or an alphanumeric code (the same joiners), or a currency or
# percent sign. Only for rules that compare figures and years (self-contradiction); words are WORD_RE.
TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[%$€£]")

# -- sentence ends ---------------------------------------------------------------------------------
# What ends a sentence in every script we read; clause punctuation (":;,") counts only when a caller
# asks for it. Closing quotes, brackets and emphasis markers after the punctuation are skipped.
SENTENCE_FINAL = ".!?…。！？"
CLOSERS = "\"'”’)]»*_"


def ends_sentence(text: str, clause: str = ":;", closer_ends: bool = False) -> bool:
    """Whether ``text`` ends a sentence: its last character, after trailing space and closing quotes,
    brackets or emphasis markers, is one of SENTENCE_FINAL or ``clause``.

    ``clause`` is the clause punctuation that also counts (":;" by default; ":;," for "this line does
    not continue mid-clause"; "" for full stops only). ``closer_ends``: a closing quote or bracket
    ends the line by itself ("... (2020)"), as line classifiers (plain-text headings, boilerplate) want.
    """
    t = text.rstrip()
    if not t:
        return False
    if closer_ends and t[-1] in "”\"')]":
        return True
    t = t.rstrip(CLOSERS + " \t")
    return bool(t) and (t[-1] in SENTENCE_FINAL or t[-1] in clause)


# -- stems ---------------------------------------------------------------------------------------------
_STEMMER = None


def _stemmer():
    global _STEMMER
    if _STEMMER is None:
        import Stemmer  # PyStemmer: the Snowball English (Porter2) stemmer in C; imported on first use

        _STEMMER = Stemmer.Stemmer("english")
    return _STEMMER


@lru_cache(maxsize=1 << 16)  # called for every word of every document; the vocabulary is small
def stem(word: str, derivations: bool = False) -> str:
    """The Snowball (Porter2) stem of ``word``, lower-cased, without a possessive.

    British and American spellings share a stem ("organisations" ~ "organization": the -is-/-ys- of
    -ise/-yse verbs is read as -iz-/-yz-). With ``derivations``, an agent noun shares its -ism's stem
    too ("extremists" ~ "extremism", "terrorist" ~ "terrorism"), as a reader takes them for one concept;
    rules that compare concepts (self-contradiction) ask for it, topic vectors do not.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    s = _stemmer().stemWord(w)
    if s.endswith(("is", "ys")) and len(s) > 4 and not w.endswith(("is", "ys")):
        s = s[:-1] + "z"  # organis(e) -> organiz, analys(e) -> analyz; not "analysis", "crisis", "days"
    if derivations and len(s) > 6 and s.endswith("ist"):
        s = s[:-3]  # extremist -> extrem (= stem of extremism)
    return s


# -- stop words ------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """THE English stop-word list (rules/lexicons/stopwords.toml), lower case."""
    from prose_lint.lexicon import load_lexicon

    return frozenset(load_lexicon("stopwords")["english"])


# -- section roles ----------------------------------------------------------------------------------------
ROLES = ("references", "back_matter", "tail", "abstract", "conclusion")
_NUMBERING = re.compile(r"^[\W_]*(?:(?:\d+|[ivxlc]+|[a-z])[.)]\s+|\d+(?:\.\d+)*\s+)?", re.I)


@lru_cache(maxsize=1)
def _sections_lexicon() -> dict:
    from prose_lint.lexicon import load_lexicon

    data = load_lexicon("sections")
    names = lambda key: frozenset(data[key]["names"])  # noqa: E731
    return {
        "references": names("references"),
        "back_matter": names("back_matter"),
        "labelled": tuple(data["back_matter"].get("labelled", [])),
        "tail": names("tail"),
        "abstract": names("abstract"),
        "conclusion": re.compile(data["conclusion"]["pattern"], re.I),
        "conclusion_words": int(data["conclusion"]["max_words"]),
        "caption": re.compile(data["caption"]["pattern"], re.I),
    }


def heading_name(title: str) -> str:
    """A heading as the section lexicon names it: lower case, without leading numbering ("3.",
    "IV.", "1.2"), surrounding punctuation or markup, with single spaces."""
    name = " ".join(title.split()).lower()
    name = _NUMBERING.sub("", name, count=1)
    return name.strip("\"'“”‘’*_#:.;,!?()[]{}<>-–— \t")


def heading_roles(title: str) -> frozenset[str]:
    """The roles a heading's title gives its section, position aside: references, back_matter, tail,
    abstract (a candidate: Document.section_roles applies the position test) and conclusion."""
    lex = _sections_lexicon()
    name = heading_name(title)
    roles = set()
    if name in lex["references"]:
        roles.add("references")
    if name in lex["back_matter"] or any(name == p or name.startswith(p + " ") and len(name.split()) == 2
                                         for p in lex["labelled"]):
        roles.add("back_matter")
    if roles or name in lex["tail"]:
        roles.add("tail")
    if name in lex["abstract"]:
        roles.add("abstract")
    if not roles - {"abstract"} and len(title.split()) <= lex["conclusion_words"] and lex["conclusion"].search(title):
        roles.add("conclusion")
    return frozenset(roles)


def section_roles(doc: Document) -> list[frozenset[str]]:
    """Roles of each of ``doc.sections`` (see Document.section_roles)."""
    total = max(1, len(doc.text))
    out: list[frozenset[str]] = []
    open_abstract_level = None
    for section in doc.sections:
        if section.heading is None:
            out.append(frozenset())
            continue
        title = doc.heading_text(section).strip("*_#: ")
        roles = set(heading_roles(title))
        if open_abstract_level is not None and section.level > open_abstract_level:
            out.append(frozenset({"abstract"}))  # a structured abstract's subsections ("Conclusion")
            continue
        open_abstract_level = None
        if "abstract" in roles:
            if section.heading.start < total / 3:
                open_abstract_level = section.level
                out.append(frozenset({"abstract"}))
                continue
            roles.discard("abstract")
        if "conclusion" in roles and title.lower().strip().startswith("summary") and section.heading.start < total / 2:
            roles.discard("conclusion")  # a summary in the first half sums up a part
        if "tail" in roles and not roles & {"references", "back_matter"} and section.heading.start < total / 2:
            roles.discard("tail")  # "Security", "History" in the first half are the text's own parts, not end matter
        out.append(frozenset(roles))
    return out


def is_caption(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` opens with a figure/table caption label (sections.toml [caption])."""
    return _sections_lexicon()["caption"].match(text, start, len(text) if end is None else end) is not None
