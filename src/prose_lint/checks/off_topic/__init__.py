"""off-topic-content: unrelated content appended to (or inserted into) a document."""

from __future__ import annotations

from typing import Iterable

from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

from .change_point import analyse
from .structure import _params

# The rule's parts: structure.py (units and structural signs), vocabulary.py (TF-IDF rows and main terms),
# separation.py (coherence and separation of runs of units), blocks.py (a candidate block's features and
# confidence), change_point.py (the change-point analysis: analyse); this file is the rule.

_DEBUG: list | None = None  # tests/tuning: collects every candidate's scores


class OffTopicContent(Rule):
    """Unrelated content appended to or inserted into the document (a second article pasted after the first).

    Algorithm: change-point detection over the sequence of paragraphs.
    0. The paragraphs of 8+ words outside tail sections (references, appendix... rules/lexicons/sections.toml)
       are the units; headings and short date/byline lines are not units but structural signs. Each unit
       gets two length-1 vectors: a sentence embedding (prose_lint/embeddings.py: WordLlama's static
       256-dimension model, shipped in its wheel) and a TF-IDF row (content-word stems, sublinear tf times a
       background IDF from wordfreq, count-sketched to 1,024 columns). Running sums of both (weighted by
       sqrt(words)) give, for any run of units, in O(256) time: its *coherence* (mean similarity of two
       different units of the run) and its *cross similarity* with another run. The *separation* of two
       runs is 1 - cross / sqrt(coherence x coherence): 0 when they are as alike as each is with itself,
       1 when they share nothing.
    1. Candidate boundaries: the best-separated prefix/suffix splits of the whole document, the sharpest
       local changes (three units on each side), and every boundary with a strong structural sign (at most
       ~20, so the work is linear in the document length).
    2. Candidate blocks: each candidate start with the end of the document (an appended text) or with a
       later candidate (an inserted block, at most `max_insert_units` paragraphs), and the short runs (2 to
       `insert_scan_units` paragraphs) deepest below both their neighbours (TextTiling's depth on both
       sides: a block dropped into a text whose two sides cohere). Each block's features: its
       separation from the text before it, from the rest of the document and from its lead (first three
       paragraphs), for embeddings and for TF-IDF; for an inserted block, whether its two neighbours (three
       paragraphs on each side) are closer to each other than to it (the separation of the block from them
       minus theirs from each other: local, so a long document whose end has drifted from its start does
       not hide a block dropped into it); the structural score at its start (a headline, the same headline repeated, a dateline such as "ISLAMABAD:", an
       "Updated <date>"/byline line, a bullet summary, extra blank lines: a headline alone counts little,
       and no sign is required); inserted; short (< 150 words without a strong sign); its *names*: the share
       of its names (capitalised words inside a sentence: people, places, organisations) that the rest of
       the document never uses, counted when they recur in the block (a different story in the same
       category, another match or another company's results, has its own people and places; a passage of
       a speech that lists countries once each does not) and as far as its wording departs from the text
       before it; *names gone*: how far the names the rest of the document keeps coming back to (in two or
       more paragraphs) are missing from the block, against how often the rest uses them (entity
       continuity: a section of a speech comes back to its country and institutions, another story does
       not); its *style*: the distance of its rates of function-word classes ("we"/"our", "he"/"she",
       "said", articles, modals, negation...), quotation marks and sentence ends from the rest's, scaled
       by their spread over the document's paragraphs (about 1 for a run of the document's own whatever
       its subject; a text by another author, a news story in a speech, departs); a *salutation* opening the block
       (a list of addressees, "Mr. Speaker, Mr. Vice President, Members of Congress:", or one collective
       addressee closed by a colon, "Fellow-Citizens:": one speech after another changes little else, and
       nobody greets the dignitaries again in the middle of a speech); the document's own spread (*null*,
       for embeddings and TF-IDF): how far a typical run of the block's length is from the rest of the
       document without the block (the median over 24 evenly spaced runs; the block is left out, or a long
       pasted block would look typical), counted against the block (a collection of quotations, a forum
       thread or a speech that moves from subject to subject is far from itself anywhere, so a block far
       from the rest is weaker evidence there);
       the document's length (ln(words / 1000)), weighted little: a long document changes
       subject on its own, but its local and name evidence carry over; an inserted block has its own,
       weaker length term (it is also judged against its neighbours on both sides, a local test that a
       long document's drift does not weaken as it weakens a suffix's).
    3. The confidence is a logistic function of those features whose weights and threshold are data
       (rules/lexicons/off_topic.toml [change_point], fitted on the tune split of the evaluation corpus and
       hard negatives made from its long documents by scripts/calibrate-off-topic). The best blocks above
       the threshold that do not overlap are reported (at most three); a reported block is split in two where a second article starts inside it (its two
       halves are as far apart as `split_threshold`).
    4. Texts appended one after another: when the block reported last runs to the end of the document, the
       document without it is analysed again as a document of its own (steps 1-3 over the running sums of
       its units), and a block appended to *that* document with a confidence of at least `peel_threshold`
       (moved by the sensitivity as the threshold is) extends the block back to its own start (at most
       `peel_passes` times); each text keeps its own confidence and features. Seen from the whole document,
       the first of two appended texts is an inserted block whose right neighbour is as foreign as it is, so
       the neighbours' test hides it; without the second text it is an appended block like any other. The
       split of step 3 then reports the two texts apart.

    Each diagnostic covers one off-topic block (from its headline to its last paragraph) and names the
    main terms of the document and of the block, with the confidence and features as properties.

    Never reported: blocks under reference/notes/appendix-like headings (end matter: "See also", "Authors",
    "License", rules/lexicons/sections.toml; a heading of the other end-matter names, "History", "Security",
    counts only in the document's second half), documents shorter than twice `min_words`, a block of one
    paragraph or under 40 words. A text pasted after the end matter sits under its heading too, so end matter
    ends where a text of its own starts: a reference list of 3+ list items at a paragraph of running text
    after it; any end-matter section at a new article's opening (a headline over a date or byline line or a
    dateline paragraph; a date line over a dateline paragraph), or at two or more paragraphs of running text
    after entries it opened with (list items, short lines); a section of running text from its start
    (acknowledgements, an appendix) stays end matter.

    Options:
      sensitivity (0..1, default 0.5): higher reports weaker evidence (each 0.1 lowers the threshold by 0.03).
      min_words (default 60): the least running text before a block (and half the least document length).

    Known limits: a single-paragraph digression is below the minimum by design; an appended text on the
    same subject (a second report of the same event) is not off-topic; a block that continues the
    document's subject closely (one football report after another) is found only with a structural sign,
    a clear change of vocabulary or recurring names of its own; of two texts appended one after the other,
    the first is still missed when, without the second, it is no clear appended block (step 4); in a
    document of a few thousand words the length term counts against any block, so a short or inserted block
    there needs a sign or a clear change (see the calibration notes in rules/lexicons/off_topic.toml for
    what was tried against these).
    """

    id = "off-topic-content"
    severity = Severity.WARNING
    scope = "document"
    options = {"sensitivity": 0.5, "min_words": 60}

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        for start, end, message, props in analyse(doc, float(ctx.options["sensitivity"]),
                                                  int(ctx.options["min_words"])):
            yield ctx.diagnostic(start, end, message, properties=props)


# _params and _DEBUG are read and set here by scripts/calibrate-off-topic and tests/test_off_topic.py.
__all__ = ["RULES", "OffTopicContent", "_DEBUG", "_params", "analyse"]

RULES = (OffTopicContent,)
