"""A comment thread with no opener and no dates: the ``boilerplate`` rule's third context pass.

Disqus and the blog engines that copy it render each comment as a list item holding only the
commenter's name or handle ("* Alayna F", "* leighshulman", "* http://twitter.com/danamac Dana
McMahan"), then the comment's paragraphs, again and again, under the article and with no count above
them (``boilerplate_thread`` needs an opener and a header of who and when). A list of names that each
lead a paragraph is also an article's own (award winners with their citations, a panel's speakers),
so the pass asks for what sets a thread apart, all of it (lexicon ``[roster]``):

- ``min_headers`` or more such headers, each at most ``gap`` lines after the one before (``long_gap``
  once ``min_headers`` stand: a long comment), each followed by prose before the next: a header is a
  bulleted line of one to ``max_name_words`` words, a name (capitalised words) or a handle (one token of
  letters, digits, ``_.-``, ``@``), no sentence punctuation;
- at least ``min_names`` different names: a dialogue of two is an interview;
- the comments speak for their writers: at least ``min_talk`` of them hold a word of the first person
  singular, a thanks or a "!" (lexicon ``talk``), where citations, biographies and a manual's definition
  lists speak of a third person or to "you";
- it follows ``min_prose_before`` words of the article's prose and ends the document's prose: at most
  ``max_prose_after`` words of prose outside chrome follow it (a thread is under the article, a
  roster inside one is followed by the rest of it).

The block runs from the first header to the end of the last comment: the units after the last header
up to the next chrome line or ``gap`` lines.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from prose_lint.checks.boilerplate_shapes import BULLET

_ROSTER: dict[str, Any] | None = None
_NAME_WORD = re.compile(r"@?[A-Z][\w'’.-]*|@?[a-z0-9_][\w.-]{2,29}")


def roster_lexicon() -> dict[str, Any]:
    """The lexicon's ``[roster]`` table: the talk words as one pattern, the numbers as ints or floats."""
    global _ROSTER
    if _ROSTER is None:
        from prose_lint.lexicon import load_lexicon

        data = load_lexicon("boilerplate")["roster"]  # shipped with the package: a missing key is a bug
        # a word as written ("my", "My", "I"), never a piece of an identifier ("MY_CXT", "my_perl")
        words = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in data["talk"])
        _ROSTER = {"talk": re.compile(rf"(?<![\w'’])(?:{words})(?![\w'’])"), "min_talk": float(data["min_talk"]),
                   **{key: int(data[key]) for key in ("min_headers", "min_names", "gap", "long_gap", "max_name_words",
                                                       "min_prose_before", "max_prose_after")}}
    return _ROSTER


def _name(u: Any, lex: dict[str, Any]) -> str:
    """The commenter's name when ``u`` is a bulleted line holding a name or a handle and nothing else, else ""."""
    if u.block_kind != "list_item" and BULLET.match(u.raw) is None:
        return ""
    text = BULLET.sub("", u.text, count=1).strip()
    words = text.split()
    if not 1 <= len(words) <= lex["max_name_words"] or text[-1] in ".,;:!?":
        return ""
    return text.lower() if all(_NAME_WORD.fullmatch(w) for w in words) else ""


def _talks(body: Sequence[Any], talk: re.Pattern[str]) -> bool:
    return any("!" in u.text or talk.search(u.text) is not None for u in body)


def _thread_at(i: int, units: Sequence[Any], names: list[str], chrome: set[int],
               lex: dict[str, Any]) -> tuple[list[int], list[Sequence[Any]]]:
    """The headers from ``i`` on and the comment under each: a comment runs to the next header or chrome line,
    at most ``gap`` units (``long_gap`` once ``min_headers`` headers stand: a long comment); a header with no
    comment under it ends the thread before it, and the last comment is cut at ``gap`` units."""
    n, gap = len(units), lex["gap"]
    heads: list[int] = []
    bodies: list[Sequence[Any]] = []
    j = i
    while j < n and names[j]:
        k = j + 1
        while k < n and not names[k] and k not in chrome:
            k += 1
        if k == j + 1:
            break
        heads.append(j)
        reach = lex["long_gap"] if len(heads) > lex["min_headers"] else gap
        if k < n and names[k] and k - j - 1 <= reach:
            bodies.append(units[j + 1 : k])
            j = k
            continue
        bodies.append(units[j + 1 : min(k, j + 1 + gap)])
        break
    return heads, bodies


def with_rosters(units: Sequence[Any], chrome: set[int], prose: int) -> set[int]:
    """The unit indices of the opener-less comment threads (see the module's docstring) in ``units``;
    ``chrome`` holds the indices already chrome, ``prose`` is the column of the ``prose_like`` feature."""
    lex = roster_lexicon()
    n = len(units)
    names = [_name(u, lex) for u in units]
    spans: list[tuple[int, int]] = []
    before = 0
    i = 0
    while i < n:
        if names[i] and before >= lex["min_prose_before"]:
            heads, bodies = _thread_at(i, units, names, chrome, lex)
            if (len(heads) >= lex["min_headers"] and len({names[h] for h in heads}) >= lex["min_names"]
                    and sum(_talks(b, lex["talk"]) for b in bodies) >= lex["min_talk"] * len(bodies)):
                end = heads[-1] + len(bodies[-1])
                spans.append((i, end))
                i = end + 1
                continue
        before += units[i].words if units[i].features[prose] else 0
        i += 1
    found: set[int] = set()
    for start, end in reversed(spans):  # the last first: a thread broken by a long comment is still one
        after = sum(units[k].words for k in range(end + 1, n)
                    if k not in chrome and k not in found and units[k].features[prose])
        if after <= lex["max_prose_after"]:
            found.update(range(start, end + 1))
    return found


def is_roster(block: Sequence[Any]) -> bool:
    """Does this block of units hold a roster thread (to name the block "comments"): the headers, names and
    talk of ``with_rosters``, each header leading the units up to the next one?"""
    lex = roster_lexicon()
    names = [_name(u, lex) for u in block]
    heads = [k for k, name in enumerate(names) if name and k + 1 < len(block) and not names[k + 1]]
    bodies = [block[k + 1 : next((h for h in heads if h > k), len(block))] for k in heads]
    return (len(heads) >= lex["min_headers"] and len({names[k] for k in heads}) >= lex["min_names"]
            and sum(_talks(b, lex["talk"]) for b in bodies) >= lex["min_talk"] * len(bodies))
