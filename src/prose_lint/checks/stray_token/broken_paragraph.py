"""stray-token/broken-paragraph: a paragraph split mid-sentence by a page break."""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.analysis import ends_sentence
from prose_lint.checks.stray_token.common import _WORD_RE, _lex, _zipf
from prose_lint.diagnostic import Edit, Fix, Related, Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext


def _list_item(doc: Document, blocks: list, n: int) -> bool:
    """blocks[n] (followed by blocks[n + 1]) reads as an item of a list that lost its markers: the
    paragraph before it introduces a list (ends with ':'), or the next one is short and stops without
    a full stop as well ("... is already installed," / "version is newer,"): a fragment of at most
    twelve words that does not end a sentence does not continue one either."""
    a, b = blocks[n], blocks[n + 1]
    if n > 0 and blocks[n - 1].kind == "paragraph":
        before = doc.prose[blocks[n - 1].start : blocks[n - 1].end].rstrip()
        if before.endswith(":"):
            return True
    second = doc.prose[b.start : b.end].rstrip()
    words_b = doc.span_word_count(b.start, b.end)
    first = doc.prose[a.start : a.end].rstrip()
    if words_b <= 20 and not ends_sentence(second, clause="") and first[-1:] in ",;" and second[-1:] in ",;.":
        return True
    return words_b <= 12 and not ends_sentence(second, clause="")


def _chained(doc: Document, blocks: list, n: int, first: str) -> bool:
    """blocks[n] itself continues the paragraph before it (it starts with a lowercase word after a
    paragraph that stops without a full stop): a chain of clauses laid out one per paragraph (an
    enumeration that lost its markers, a speech set as lines). A page break splits a paragraph
    once; a paragraph broken at both ends would have to fill a whole page."""
    if n == 0 or blocks[n - 1].kind != "paragraph":
        return False
    word = _WORD_RE.search(first)
    if word is None or not word.group()[0].islower() or first[: word.start()].strip():
        return False
    return not ends_sentence(doc.prose[blocks[n - 1].start : blocks[n - 1].end], clause="")


def _widow(doc: Document, b, min_words: int) -> bool:
    """The paragraph ``b`` is shorter than ``min_words`` words (less than a line of print) and ends its sentence:
    the last words of a sentence set on a line of their own ("Want to join me ... if my idea" / "could become a reality?",
    "a world as dark" / "and evil as your own."), as writers of web pages and speeches set a punch line. A page
    break leaves no such widow: typesetting keeps at least two lines of a paragraph together at the top of a page
    (widow control), so the rest of a paragraph cut by a page break runs two lines or more. (A short remainder
    that does not end its sentence is an item of a list: _list_item.) Not after a first part that stops on a
    word no sentence ends on ("the"): no writer sets a punch line apart there."""
    second = doc.prose[b.start : b.end].rstrip()
    return len(_WORD_RE.findall(second)) < min_words and ends_sentence(second)


# an enumerator that opens a list item: "(a) ", "b) ", "2. "
_ENUMERATOR = re.compile(r"\s*(?:\(\w{1,3}\)|\w{1,3}\))\s|\s*\d{1,2}\.\s")
# a line of verse or of a list is shorter than this; hard-wrapped prose fills 60 to 80 characters a line
_SHORT_LINE = 56


def _set_as_lines(block_text: str) -> bool:
    """The block is set as short lines (two or more, none of ``_SHORT_LINE`` characters or more): verse, a
    recipe, a table or code, which a sentence may run into ("his salutation on / strangely visited people,").
    A page break cuts running prose: the part it cuts off is prose too, hard-wrapped at full width or one
    paragraph a line."""
    lines = [line for line in block_text.strip().split("\n") if line.strip()]
    return len(lines) >= 2 and all(len(line.rstrip()) < _SHORT_LINE for line in lines)


# the pronoun "i" in lowercase ("i guess", "i'm"): informal writing (a chat, a forum post). A subject pronoun opens
# its clause: it stands first, after punctuation, or after a word that opens a clause or takes one (a conjunction,
# an interjection, "think", "guess"); a variable "i" stands after an article, a noun or a preposition ("the index i
# of the element", "for i in", "row i") or before "is", "=", "of" ("where i is the row number"), as the pronoun
# never does
_LOWERCASE_I = re.compile(
    r"(?:^|(?<=[.!?,;:\"“(…]) |(?<=[\s][-–—]) |(?<![\w'’])(?i:and|but|or|so|because|cause|cuz|coz|if|when|where|while"
    r"|since|as|until|till|that|what|how|why|though|although|than|then|now|also|maybe|ok|okay|lol|yeah|yes|no|well"
    r"|oh|hey|hmm|btw|idk|imo|tbh|haha|think|guess|know|hope|wish|bet|said|say|says|mean|wait|like) )"
    r"i(?= (?!(?:is|are|has|does|equals|of|to|in|th|times|plus|minus|and|or|from)\b)[a-z]|['’]m\b)",
    re.M)
# what stands before a sentence of its own: the end of another sentence (a stop, maybe a closing quote or bracket)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")


def _lowercase_writer(doc: Document, a, b) -> bool:
    """The writer of either paragraph starts sentences in lowercase (two sentences of the two do, the first
    paragraph's opening one included, or a lowercase pronoun "i" stands in them): a forum post, a chat, a reply under a
    quoted post ("does anyone know ... idk" / "its ok i guess"). There a lowercase start is how a sentence
    begins, not the rest of one cut by a page break; prose set in type capitalises its sentences."""
    if _LOWERCASE_I.search(doc.prose, a.start, a.end) or _LOWERCASE_I.search(doc.prose, b.start, b.end):
        return True
    starts = 0
    for block, skip in ((a, 0), (b, 1)):
        for s, _ in doc.sentences(block)[skip:]:
            word = _WORD_RE.match(doc.prose, s)
            # an ordinary word, not an identifier that keeps its case ("printf() and sprintf() now support"),
            # at the start of the paragraph or after a stop of the text itself, not after masked code
            # ("`unpack` is also ...")
            if word is not None and word.group()[0].islower() and _zipf(word.group(), "en") >= 3.0 \
                    and doc.prose[word.end() : word.end() + 1] not in "(_" \
                    and (not doc.text[block.start : s].strip() if s == doc.sentences(block)[0][0]
                         else _SENTENCE_END.search(doc.text, max(block.start, s - 6), s)):
                starts += 1
    return starts >= 2


# a writer who ends at least half of the paragraphs without a stop (and at least this many) does not punctuate
_UNPUNCTUATED_PARAGRAPHS = 4


def _unpunctuated(doc: Document, blocks: list, min_words: int) -> bool:
    """Most paragraphs of the text (of ``min_words`` words or more) end without terminal punctuation: a
    writer who does not punctuate (a forum post, a chat), where a missing stop before a lowercase word says
    nothing about a page break. A page break leaves one such paragraph among many finished ones."""
    def long(b) -> bool:
        return doc.span_word_count(b.start, b.end) >= min_words

    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    ends = [ends_sentence(doc.prose[b.start : b.end].rstrip()) for b in paragraphs]
    open_ = sum(1 for b, end in zip(paragraphs, ends) if not end and long(b))
    if open_ < _UNPUNCTUATED_PARAGRAPHS:
        return False  # (the finished paragraphs are counted only when it matters)
    return open_ * 2 >= open_ + sum(1 for b, end in zip(paragraphs, ends) if end and long(b))


class BrokenParagraph(Rule):
    """A paragraph that stops mid-sentence and goes on in the next one (a PDF page break).

    Algorithm: for two consecutive paragraph blocks (not headings, list items, table cells or code;
    both in or both out of a block quote), the first is broken when it ends without terminal
    punctuation (. ! ? : ; …, possibly followed by a closing quote or bracket) and either the next
    paragraph starts with an ordinary lowercase English word (wordfreq Zipf >= 3, so not an
    identifier like "bpo-123") after a first paragraph that ends on a lowercase word (not a name or a
    signature), or the first ends on a word that cannot end an English sentence (lexicon
    ``non_final_words``: the, of, to, and, these...). The two parts must be separated by a blank line
    (lines of one chunk are a hard-wrapped paragraph, not a break). The first paragraph must have at
    least ``min_words`` words (a short unpunctuated line is a title or a label), must not be a
    title followed by its byline ("by ..."), nor run into a list item ("(a) ...") or a display set as
    short lines (either part: two or more lines, all shorter than 56 characters: verse, a recipe, code), nor run
    into a paragraph of fewer than ``min_words`` words (less than a line of print) that ends its sentence: a punch
    line the writer set apart, where a page break would leave at least two lines (widow control; not after
    a first part that stops on a word no sentence ends on, "the"), nor an item of a list that lost its markers (after a
    paragraph ending with ':', or followed by a short paragraph that stops without a full stop
    too), nor a link of a chain of such paragraphs (it starts in lowercase itself, after a paragraph
    that stops without a full stop: clauses set one per paragraph). A paragraph that ends on masked
    markup (inline code, a link) does not end on a word; a short last line under a finished sentence
    (fewer than ``min_words`` words) is a label, not a broken sentence. In a text whose writer does not
    punctuate (at least half of its paragraphs of ``min_words`` words, and at least four, end without a
    stop: a forum thread, a chat), nothing is reported: no missing stop says where a sentence ends. Nor is a
    lowercase start evidence when the writer of either paragraph starts sentences in lowercase (two of their
    sentences, the first paragraph's opening one included, begin with an ordinary lowercase word after a stop,
    or a lowercase pronoun "i" stands in them: "does anyone know ... idk" / "its ok i guess"); a paragraph
    that ends on a word no sentence ends on is still reported. The region
    runs from the last words of the first paragraph to the first word of the second; an unsafe fix
    joins them.
    """

    id = "stray-token/broken-paragraph"
    severity = Severity.WARNING
    scope = "document"
    fixable = False
    options = {"min_words": 8}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        lex = _lex()
        prose = doc.prose
        blocks = doc.blocks
        if _unpunctuated(doc, blocks, ctx.options["min_words"]):
            return  # a writer who does not punctuate: no missing stop says where a sentence ends
        for n, (a, b) in enumerate(zip(blocks, blocks[1:])):
            if a.kind != "paragraph" or b.kind != "paragraph" or a.in_quote != b.in_quote:
                continue
            first = prose[a.start : a.end].rstrip()
            if not first or ends_sentence(first):
                continue  # (the test most pairs stop at: the tests below only spare)
            if re.match(r"\s*[Bb]y [A-Z]", doc.prose[b.start : b.end]):
                continue  # a title, then its byline ("by Barry van Wyk on ...")
            if _list_item(doc, blocks, n):
                continue  # items of a list whose markers the conversion lost
            between = doc.text[a.end : b.start]
            if between.count("\n") + between.replace("\r\n", "").count("\r") < 2:
                continue  # lines of one chunk (a hard-wrapped text), not two paragraphs
            if doc.text[a.start : b.start].rstrip() != doc.text[a.start : a.start + len(first)]:
                continue  # it ends on masked markup (inline code, a link): no word ends it
            if _chained(doc, blocks, n, first):
                continue  # clauses laid out one per paragraph: "..., and" / "the principle that ..."
            if "\n" in first:
                above, last_line = first.rsplit("\n", 1)
                if ends_sentence(above) and len(_WORD_RE.findall(last_line)) < ctx.options["min_words"]:
                    continue  # a short line under a finished sentence: a label or a button ("Count me in")
            last_char = first[-1]
            if not (last_char.isalnum() or last_char in ",-–—"):
                continue
            words_a = list(_WORD_RE.finditer(prose, a.start, a.end))
            if len(words_a) < ctx.options["min_words"]:
                continue
            second = prose[b.start : b.end]
            first_word = _WORD_RE.search(second)
            if first_word is None:
                continue
            lead = second[: first_word.start()].strip()
            if lead and not all(c in "\"'“‘(" for c in lead):
                continue
            if _ENUMERATOR.match(second):
                continue  # an item of a list of options: "(a) stop immediately."
            if _set_as_lines(doc.text[a.start : a.end]) or _set_as_lines(doc.text[b.start : b.end]):
                continue  # verse, a recipe, code: a display the sentence runs into, not a page break
            last = words_a[-1]
            non_final = last.end() == a.start + len(first) and last.group().lower() in lex["non_final"]
            if not non_final and _widow(doc, b, ctx.options["min_words"]):
                continue  # the sentence's last words set apart by the writer ("my idea / could become a reality?")
            # a lowercase start continues the sentence when it is an ordinary English word (not an
            # identifier like "bpo-123") after a paragraph that does not end on a name or a signature
            lowercase_start = (first_word.group()[0].islower() and last.group()[0].islower()
                               and _zipf(first_word.group().lower(), "en") >= 3.0)
            if lowercase_start and not non_final and _lowercase_writer(doc, a, b):
                continue  # a writer who starts sentences in lowercase: no page break is needed to explain one
            if not (lowercase_start or non_final):
                continue
            start = words_a[max(0, len(words_a) - 3)].start()
            end = b.start + first_word.end()
            why = f"ends on '{last.group()}'" if non_final else "ends without punctuation"
            if lowercase_start:
                why += f" and the next paragraph starts in lowercase ('{first_word.group()}')"
            yield ctx.diagnostic(
                start, end, f"paragraph broken mid-sentence: it {why}",
                related=[Related(b.start, b.start + first_word.end(), "the sentence continues here")],
                fix=Fix((Edit(a.start + len(first), b.start, " "),), safe=False,
                        description="join the two paragraphs"),
            )


