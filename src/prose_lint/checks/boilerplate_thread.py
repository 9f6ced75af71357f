"""A page's comment thread under its article: the ``boilerplate`` rule's second context pass.

Readers' comments are page chrome (Dragnet and L3S leave them out of the main text; a manuscript
copied from a blog does not want them), but each comment is prose, so the line model keeps most of
them: only the short lines around them (a name, a date, "Reply") look like chrome, and those are
weak on their own. What gives a thread away is its structure, the same on every blog engine:

- an opener after the article's prose: a line that counts the comments ("{ 53 comments }", "42
  Responses to ...", "Comments (186)", "There are 13 comments", "7 comments:"; lexicon ``[thread]``
  ``opener``) or only names them ("### Comments", ``uncounted``);
- then a comment header again and again, a few lines apart (``gap``): a line of who and when ("Tim
  Worstall 11.06.12 at 11:06 am", "Posted on August 9, 2012 at 12:10pm", "jeff clark says:"), or a
  commenter's bare name ("Hesham Zebida": one to four capitalised words, no sentence punctuation); at
  least one header must be of who and when, since bare names alone are also an essay's own
  subsections, and under an opener that does not count, min_headers of them. A dated line that
  starts like the text's own ("Updated March 20, 2021", ``own_dateline``) or a Markdown heading
  dated and no more ("## Update, March 9, 2019") is no header.
- A long comment (more than ``gap`` lines) does not end the thread once it stands: a header of who
  and when further on continues it if it has the shape of the thread's earlier headers, is no line
  of another chrome block and no chrome line lies between. Another opener that counts (the next
  topic of a forum digest) or that is chrome ("Recent Comments (5)") ends the search.

From the opener to the end of the last comment (the lines after the last header, up to the next
chrome line or the end of the document when either is within ``gap`` lines) is one chrome block. A
thread that reached a header past ``gap`` must be closed by a chrome line that is no header (the
comment form, a footer); if not, it ends before that header, since a long stretch of prose after a
dated line may be the page's own (a report quoting its respondents, an update). The opener alone
decides nothing: a text that counts its own replies or lists names has no run of headers after it.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from prose_lint.checks.boilerplate_roster import is_roster, with_rosters

_THREAD: dict[str, Any] | None = None
_NAME = re.compile(r"[*+o-]?\s*@?[A-Z][\w'’.-]*(?:\s+@?[A-Z][\w'’.-]*){0,3}")


def thread_lexicon() -> dict[str, Any]:
    """The lexicon's ``[thread]`` table, compiled: opener and header patterns, min_headers, gap, min_prose_before."""
    global _THREAD
    if _THREAD is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate")["thread"]  # shipped with the package: a missing key is a bug
        _THREAD = {**{key: re.compile(data[key], re.I) for key in ("opener", "opener_more", "uncounted", "header",
                                                                   "own_dateline", "colon_opener",
                                                                   "comment_chrome")},
                   "long_reach": bool(data["long_reach"]),
                   **{key: int(data[key]) for key in ("min_headers", "gap", "min_prose_before",
                                                      "max_header_words", "max_name_words", "max_name_chars")}}
    return _THREAD


def _header(u: Any, date: int) -> int:
    """A comment's header line: 2 for who and when (a metadata line, a line the lexicon calls a byline or
    a date, a line with a date or a clock time, "NAME says:"), 1 for a commenter's bare name (one to four
    capitalised words or a handle, nothing else), 0 otherwise. ``date`` is the column of the ``date``
    feature."""
    lex = thread_lexicon()
    if u.words > lex["max_header_words"] or lex["own_dateline"].search(u.text) is not None:
        return 0
    if (u.meta or u.weak in ("byline", "page") or lex["header"].search(u.text) is not None
            or u.features[date] and not u.raw.lstrip().startswith("#")):
        return 2  # a heading dated and no more is the text's own section ("## Update, March 9, 2019")
    return int(u.words <= lex["max_name_words"] and len(u.text) <= lex["max_name_chars"]
               and _NAME.fullmatch(u.text) is not None)


def _enough(kinds: list[int], need: int, opened: int = 2) -> bool:
    """Enough headers for a thread, one of them at least of who and when: bare names alone are also
    what an essay's subsections under "3 Responses to the critics" look like. Under an opener that
    does not count (``opened`` 1), ``need`` of them of who and when."""
    return len(kinds) >= need and 2 in kinds and (opened == 2 or kinds.count(2) >= need)


def _opener(u: Any, lex: dict[str, Any]) -> int:
    """A line that opens a thread: 2 when it counts the comments ("{ 53 comments }", "7 comments:"),
    1 when it only names them ("### Comments", lexicon ``uncounted``), 0 otherwise; never a sentence
    that introduces a list of the text's own ("12 replies were read out:")."""
    text = u.text
    if u.words > lex["max_header_words"] or text.endswith(".") or text.endswith(":") and u.words > 2:
        return 0
    if text.endswith(":") and lex["colon_opener"].search(text) is None:
        return 0  # "4 responses:" also opens a report's quoted submissions; only Blogger's "7 comments:" counts
    if lex["opener"].search(text) or lex["opener_more"].search(text):
        return 2
    return int(lex["uncounted"].search(text) is not None)


def is_thread(block: Sequence[Any]) -> bool:
    """Is this block of units (a run ``with_threads`` returned) a comment thread: an opener followed
    by min_headers comment headers? The message then names it so."""
    from prose_lint.checks.boilerplate_features import BASE

    date = BASE.index("date")
    lex = thread_lexicon()
    for k, u in enumerate(block):
        if opened := _opener(u, lex):
            return _enough([h for v in block[k + 1 :] if (h := _header(v, date))], lex["min_headers"], opened)
    return is_roster(block)


def _shape(text: str) -> str:
    """A header's shape: its words as ``9`` (with a digit) or ``a`` (without), repeats collapsed
    ("Tim Worstall 11.06.12 at 11:06 am" -> ``a9a9a``): one blog engine writes every header alike."""
    return re.sub(r"(.)\1+", r"\1", "".join("9" if any(c.isdigit() for c in w) else "a"
                                          for w in re.findall(r"\w[\w.:'’-]*", text)))


def _headers(units: Sequence[Any], i: int, opened: int, chrome: set[int], date: int,
             lex: dict[str, Any]) -> tuple[list[int], list[int], list[bool]]:
    """The comment headers after the opener at ``i``: their indices, their kinds and whether each was
    reached past ``gap``. A header counts up to ``gap`` lines after the one before. Once the thread
    stands (``_enough``), a header of who and when counts further on too (a long comment), if it has the shape of an
    earlier one (``_shape``), is no line of another chrome run, and neither a chrome line nor another
    opener lies between (the thread, or this one, ended there); after such a header, the first chrome
    line that is no header ends the thread (the comment form, a footer). An opener that counts ends
    the search (the next topic of a digest opens its own), and so does one that is chrome: it opens a
    list of its own ("Recent Comments (5)" in a sidebar)."""
    gap, n = lex["gap"], len(units)
    heads: list[int] = []
    kinds: list[int] = []
    far: list[bool] = []
    shapes: set[str] = set()
    last = i
    for j in range(i + 1, n):
        u = units[j]
        beyond = j - last > gap
        if beyond and not (lex["long_reach"] and _enough(kinds, lex["min_headers"], opened)):
            break  # past gap only a standing thread reaches further; nothing after can change that
        if (other := _opener(u, lex)) and (other == 2 or j in chrome):
            break
        h = _header(u, date)
        if h and (not beyond or lex["long_reach"] and h == 2 and j not in chrome
                  and _enough(kinds, lex["min_headers"], opened)
                  and _shape(u.text) in shapes):
            heads.append(j)
            kinds.append(h)
            far.append(beyond)
            last = j
            if h == 2:
                shapes.add(_shape(u.text))
        elif j in chrome and (beyond or far and far[-1]):
            break
    return heads, kinds, far


def _closed(units: Sequence[Any], heads: list[int], far: list[bool], chrome: set[int], date: int,
            lex: dict[str, Any]) -> int:
    """The thread's last line: the first chrome line within ``gap`` lines after the last header (the
    comment form, a footer), or the document's last line when that is near; else the last header
    itself. A thread that reached a header past ``gap`` must be closed by a chrome line that is no
    header: else it ends where it stood before that header (a long stretch of prose after a dated
    line is as likely the page's own: an update, a report that quotes its respondents)."""
    gap, n, end = lex["gap"], len(units), heads[-1]
    stop = next((k for k in range(end + 1, min(n, end + gap + 1))
                 if k in chrome and not (any(far) and _header(units[k], date))), None)
    if stop is not None:
        return stop
    if any(far):
        k = far.index(True)
        return _closed(units, heads[:k], far[:k], chrome, date, lex)
    return n - 1 if n - 1 - end <= gap else end


def with_threads(units: Sequence[Any], runs: list[list[int]], prose: int) -> list[list[int]]:
    """``runs`` with each comment thread (see the module's docstring) added as chrome, merged with the
    runs it touches. ``prose`` is the column of the ``prose_like`` feature."""
    from prose_lint.checks.boilerplate_features import BASE

    date = BASE.index("date")
    lex = thread_lexicon()
    need = lex["min_headers"]
    n = len(units)
    chrome = {i for r in runs for i in r}
    before = 0  # prose words above the line: a thread follows an article
    added: set[int] = set()
    i = 0
    while i < n:
        u = units[i]
        if before >= lex["min_prose_before"] and (opened := _opener(u, lex)):
            heads, kinds, far = _headers(units, i, opened, chrome, date, lex)
            end = _closed(units, heads, far, chrome, date, lex) if _enough(kinds, need, opened) else None
            # An opener that does not count is weak: the thread must touch the comments' own chrome as well
            # (a comment form, "Reply" links); a text that kept its readers' comments and none of the page is
            # keeping them as its own (tune: the unmodified host built from dragnet-49, whose gold has them),
            # and a letters page with a copyright footer is no thread.
            if end is not None and (opened == 2 or _touches_comment_chrome(units, chrome, i, end, lex)):
                added.update(range(i, end + 1))
                i = end + 1
                continue
        if u.features[prose]:
            before += u.words
        i += 1
    added |= with_rosters(units, chrome | added, prose)
    return runs_of(chrome | added, n) if added else runs


def _touches_comment_chrome(units: Sequence[Any], chrome: set[int], i: int, end: int, lex: dict[str, Any]) -> bool:
    """Does the thread [i, end] hold or border a chrome line of the comments themselves: a comment form by
    the lexicon, or a reply link (lexicon ``comment_chrome``)? Bordering: the line before the opener, or
    the chrome block right after the thread up to ``gap`` lines into it. Tune web pages, when the block was
    taken into account (it was the line after the thread alone): chrome lines 19,358 -> 19,468 (two TypePad
    threads, whose comments end with "Posted by: NAME | DATE" and whose form opens with status lines),
    content lines 285 -> 285; planted blocks, both wild grounds and the own chrome sets unchanged."""
    hi = end + 2
    # A comment form up to ``gap`` lines into the chrome block that closes the thread is the thread's own
    # (TypePad's form opens with its status lines: "Your comment has been posted." ... "Post a comment").
    while hi < len(units) and hi - 1 in chrome and hi - end <= lex["gap"]:
        hi += 1
    near = range(max(i - 1, 0), min(hi, len(units)))
    return any(k in chrome and (units[k].strong == "comment-form"
                                or lex["comment_chrome"].search(units[k].text) is not None) for k in near)


def runs_of(chrome: set[int], n: int) -> list[list[int]]:
    """The runs of consecutive indices in ``chrome`` (of ``n`` units)."""
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
