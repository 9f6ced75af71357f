"""A page's comment thread under its article: the ``boilerplate`` rule's second context pass.

Readers' comments are page chrome (Dragnet and L3S leave them out of the main text; a manuscript
copied from a blog does not want them), but each comment is prose, so the line model keeps most of
them: only the short lines around them (a name, a date, "Reply") look like chrome, and those are
weak on their own. What gives a thread away is its structure, the same on every blog engine:

- an opener that counts the comments ("{ 53 comments }", "42 Responses to ...", "Comments (186)"),
  after the article's prose (lexicon ``[thread]`` ``opener``);
- then a comment header again and again, a few lines apart: a line of who and when ("Tim Worstall
  11.06.12 at 11:06 am", "Posted on August 9, 2012 at 12:10pm", "jeff clark says:"), or a commenter's
  bare name ("Hesham Zebida": one to four capitalised words, no sentence punctuation); at least one
  header must be of who and when, since bare names alone are also an essay's own subsections.

From the opener to the end of the last comment (the lines after the last header, up to the next
chrome block or the end of the document when that is near) is one chrome block. The opener alone
decides nothing: a text that counts its own replies or lists names has no run of headers after it.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

_THREAD: dict[str, Any] | None = None
_NAME = re.compile(r"[*+o-]?\s*@?[A-Z][\w'’.-]*(?:\s+@?[A-Z][\w'’.-]*){0,3}")


def thread_lexicon() -> dict[str, Any]:
    """The lexicon's ``[thread]`` table, compiled: opener and header patterns, min_headers, gap, min_prose_before."""
    global _THREAD
    if _THREAD is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate")["thread"]  # shipped with the package: a missing key is a bug
        _THREAD = {"opener": re.compile(data["opener"], re.I), "header": re.compile(data["header"], re.I),
                   **{key: int(data[key]) for key in ("min_headers", "gap", "min_prose_before",
                                                      "max_header_words", "max_name_words", "max_name_chars")}}
    return _THREAD


def _header(u: Any, date: int) -> int:
    """A comment's header line: 2 for who and when (a metadata line, a line the lexicon calls a byline or
    a date, a line with a date or a clock time, "NAME says:"), 1 for a commenter's bare name (one to four
    capitalised words or a handle, nothing else), 0 otherwise. ``date`` is the column of the ``date``
    feature."""
    lex = thread_lexicon()
    if u.words > lex["max_header_words"]:
        return 0
    if (u.meta or u.weak in ("byline", "page") or u.features[date]
            or lex["header"].search(u.text) is not None):
        return 2
    return int(u.words <= lex["max_name_words"] and len(u.text) <= lex["max_name_chars"]
               and _NAME.fullmatch(u.text) is not None)


def _enough(kinds: list[int], need: int) -> bool:
    """Enough headers for a thread, one of them at least of who and when: bare names alone are also
    what an essay's subsections under "3 Responses to the critics" look like."""
    return len(kinds) >= need and 2 in kinds


def _opener(text: str, opener: re.Pattern) -> bool:
    """A line that opens a thread: it counts the comments, and is no sentence that introduces a list
    of the text's own ("12 replies were read out:")."""
    return not text.endswith((":", ".")) and opener.search(text) is not None


def is_thread(block: Sequence[Any]) -> bool:
    """Is this block of units (a run ``with_threads`` returned) a comment thread: an opener followed
    by min_headers comment headers? The message then names it so."""
    from prose_lint.checks.boilerplate_features import BASE

    date = BASE.index("date")
    lex = thread_lexicon()
    for k, u in enumerate(block):
        if u.words <= lex["max_header_words"] and _opener(u.text, lex["opener"]):
            return _enough([h for v in block[k + 1 :] if (h := _header(v, date))], lex["min_headers"])
    return False


def with_threads(units: Sequence[Any], runs: list[list[int]], prose: int) -> list[list[int]]:
    """``runs`` with each comment thread (see the module's docstring) added as chrome, merged with the
    runs it touches. ``prose`` is the column of the ``prose_like`` feature."""
    from prose_lint.checks.boilerplate_features import BASE

    date = BASE.index("date")
    lex = thread_lexicon()
    opener, gap, need = lex["opener"], lex["gap"], lex["min_headers"]
    n = len(units)
    chrome = {i for r in runs for i in r}
    before = 0  # prose words above the line: a thread follows an article
    added: set[int] = set()
    i = 0
    while i < n:
        u = units[i]
        if before >= lex["min_prose_before"] and u.words <= lex["max_header_words"] and _opener(u.text, opener):
            heads, kinds = [], []
            j = i + 1
            last = i
            while j < n and j - last <= gap:
                if h := _header(units[j], date):
                    heads.append(j)
                    kinds.append(h)
                    last = j
                j += 1
            if _enough(kinds, need):
                end = heads[-1]
                stop = next((k for k in range(end + 1, min(n, end + gap + 1)) if k in chrome), None)
                if stop is not None:
                    end = stop
                elif n - 1 - end <= gap:
                    end = n - 1
                added.update(range(i, end + 1))
                i = end + 1
                continue
        if u.features[prose]:
            before += u.words
        i += 1
    if not added:
        return runs
    chrome |= added
    out: list[list[int]] = []
    run: list[int] = []
    for k in range(n):
        if k in chrome:
            run.append(k)
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out
