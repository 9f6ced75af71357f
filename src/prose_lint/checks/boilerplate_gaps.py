"""Gaps between two chrome blocks under the main text: the ``boilerplate`` rule's stacked panels.

Under its article a page stacks panel after panel: a share bar, "Popular Posts" with their teasers, an
author's box, a sign-up box, a footer. The line model finds most panels and misses a few lines between
them that look like prose or like a heading (a teaser's sentence, "Email Newsletters and Alerts"). After
the main text (the run of lines with the most prose, ``boilerplate_matrix.main_region``) the article does
not come back once its chrome has started, so a gap of at most ``max_gap`` lines between two chrome runs,
all of it after the main text, is chrome too, when each run has evidence of chrome besides the model's
score (a lexicon label, link or menu syntax: ``boilerplate_features.evidence_of_chrome``; the model's score
alone does not grow a block, as in ``boilerplate_lists``), unless the gap is the document's own: a line
of a table, code, or items numbered 1, 2, 3 in order (``boilerplate_prior``). Above the main text the same gap holds
the article's headline and standfirst between the menu and the byline, so it is never filled there
(lexicon ``[gaps]`` has the measurements).
"""

from __future__ import annotations

from typing import Any, Sequence

_MAX_GAP: int | None = None


def max_gap() -> int:
    """The lexicon's ``[gaps]`` ``max_gap``: the longest gap filled, in lines."""
    global _MAX_GAP
    if _MAX_GAP is None:
        from prose_lint.lexicon import load_lexicon

        _MAX_GAP = int(load_lexicon("boilerplate")["gaps"]["max_gap"])  # shipped: a missing key is a bug
    return _MAX_GAP


def with_gaps(units: Sequence[Any], runs: list[list[int]], tables: set[int],
              longest: int | None = None) -> list[list[int]]:
    """``runs`` (in document order) with each gap of at most ``longest`` units between two of them that
    lies after the main text filled (the two runs and the gap become one run), when both runs have
    evidence of chrome besides the model's score and the gap holds no line of a table (``tables``) and
    is no code or enumeration of the text's."""
    from prose_lint.checks.boilerplate_features import BASE, evidence_of_chrome
    from prose_lint.checks.boilerplate_prior import enumerated, with_code

    longest = max_gap() if longest is None else longest
    if len(runs) < 2 or longest <= 0:
        return runs
    after = BASE.index("after_main")
    out = [list(runs[0])]
    for run in runs[1:]:
        prev = out[-1]
        gap = list(range(prev[-1] + 1, run[0]))
        # after_main holds from the main text's last line to the end, so the first line decides.
        if (gap and len(gap) <= longest and units[prev[0]].features[after]
                and any(map(evidence_of_chrome, (units[i] for i in prev)))
                and any(map(evidence_of_chrome, (units[i] for i in run)))
                and not tables.intersection(gap) and not with_code(units, gap) and not enumerated(units, gap)):
            prev.extend(gap)
            prev.extend(run)
        else:
            out.append(list(run))
    return out
