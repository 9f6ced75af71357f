"""A letter's or a speech's own lines that a run of chrome gives back (``boilerplate_model.blocks``).

Short lines around a text are chrome on a web page, but a letter has an inside address above its
salutation and a closing line with a signature under it, and a speech ends with "I thank you." and the
speaker's name; a transcript's stage directions ("(Applause.)") sit at the ends of such blocks. These are
the text's, however chrome-shaped: lexicon ``[salutation]`` and ``[valediction]`` name the lines that
mark them, and only lines the lexicon names as chrome (a comment form after the closing line) stay.
"""

from __future__ import annotations

from typing import Any, Sequence

SIGNATURE_LINES = 3  # a signature block starts at most this many lines below the closing line
CLOSING_CHARS = 60  # a closing line is short ("Yours faithfully,", "Thank you. God bless you, and God bless America.")


def letter_parts(units: Sequence[Any], run: list[int]) -> list[int]:
    """The run without a letter's inside address (short lines ending right before "Dear Sir,") and
    closing (a line such as "Yours faithfully" or "I thank you." and the signature lines after it):
    they are part of the letter or speech, however chrome-shaped. Lines the lexicon names as chrome
    (``lex_bad``: a comment form after "I thank you.") stay in."""
    from prose_lint.checks.boilerplate_features import lexicon

    lex = lexicon()
    nxt = run[-1] + 1
    if nxt < len(units) and len(units[nxt].text) <= 60 and lex["salutation"].fullmatch(units[nxt].text.strip()):
        return [i for i in run if units[i].lex_bad]
    vale = lex["valediction"]
    lead = list(range(max(0, run[0] - SIGNATURE_LINES), run[0]))  # the closing line may sit a few lines above
    for k, i in enumerate(lead + run):
        text = units[i].text.strip()
        if len(text) <= CLOSING_CHARS and vale.fullmatch(text):
            cut = k - len(lead)  # index in run of the closing line (negative: above the run)
            return run[: max(0, cut)] + [i for i in run[max(0, cut + 1) :] if units[i].lex_bad]
    return run


def without_directions(units: Sequence[Any], run: list[int], directions: set[int]) -> list[int]:
    """The run without the stage directions at its ends ("(Applause.)" above a speech's signature),
    when no line of it has evidence of chrome (the lexicon, link or menu syntax): the speech's or the
    transcript's own lines are then judged without them (a signature of two lines is kept, as
    ``boilerplate_model._supported`` says). A run with evidence keeps them: "(URLs automatically linked.)" in a
    comment form is the form's."""
    from prose_lint.checks.boilerplate_features import evidence_of_chrome

    if not (directions & {run[0], run[-1]}) or any(evidence_of_chrome(units[i]) for i in run):
        return run
    a, b = 0, len(run)
    while a < b and run[a] in directions:
        a += 1
    while b > a and run[b - 1] in directions:
        b -= 1
    return run[a:b]
