"""stray-token/orphan-code: template, wiki and script residue and record ids left in the prose."""

from __future__ import annotations

import re
from typing import Iterator

from prose_lint.analysis import TOKEN_RE
from prose_lint.analysis_inline import inside
from prose_lint.checks.stray_token.common import _lex
from prose_lint.diagnostic import Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

# Each shape names what the code is; none of them is prose in any document.
_SHAPES = [
    ("wiki template", r"\{\{[^{}\n]{1,120}\}\}"),
    # a link starts with a letter, a digit or ":" and a capital ([[:Category:X]]), not [[:alpha:]] or [[ $# -gt 1 ]]
    ("wiki link or file markup", r"\[\[(?:[^\W_]|:[A-Z])[^\[\]\n]{0,119}\]\]"),
    # a placeholder is named by an identifier: ${author}, {$headline}; not Perl's ${^MATCH}, ${$0}
    ("template placeholder", r"%%[A-Za-z][A-Za-z0-9_]{0,30}%%|\$\{[A-Za-z_][\w.]{0,39}\}|\{\$[A-Za-z_][\w.]{0,39}\}"
                             r"|<<[A-Z][A-Z0-9_:\- ]{0,30}>>|\{#[0-9A-Za-z_]{1,20}\}|\{%[^{}\n]{1,60}%\}"
                             # ERB, ASP and JSP tags, Template Toolkit's [% %], Ruby's #{name}, a wiki's {{{1}}}
                             r"|<%[=#-]?[ \t]?[^%<>\n]{1,60}%>|\[%[ \t][^%\[\]\n]{1,60}[ \t]%\]|#\{[A-Za-z_][\w.]{0,39}\}"
                             r"|\{\{\{[^{}\n]{1,60}\}\}\}"),
    ("script residue", r"<\?php\b[^?\n]{0,80}\?>"),
    ("spreadsheet error", r"#(?:REF!|N/A|VALUE!|DIV/0!|NAME\?|NULL!|NUM!)(?![\w!?])"),
    ("script residue", r"\[object (?:Object|HTMLDivElement|Window|Promise|Array)\]"),
    ("record id", r"\[(?:[A-Za-z]{1,12}):\s?(?=[A-Za-z_\-]*\d)[0-9A-Za-z_\-]{2,24}\]"  # [image:221409], [ID:116268]
                  r"|\[[0-9a-f]{6,40}\]"  # [9f2c01ab]: a hash
                  r"|\[(?:ref|Ref|REF|note|fn)\.?\s?\d{1,4}\]"  # [ref 12]
                  r"|\((?:Doc|Ref|ref|Rec|Item|ID|Id)\.?:?\s?[A-Z0-9]{1,8}(?:[-/][A-Z0-9]{1,8})+\)"  # (Doc. 165/74)
                  r"|\((?:ref|Ref)\.\s?[A-Z]{1,4}-\d{2,8}\)"  # (ref. AB-1234)
                  r"|\b(?:ID|SKU|UID|Ref):\s?[0-9A-F]{4,12}\b(?!\s*[:=])"  # ID: 7F3A
                  r"|\bSKU\s?#?\d{4,10}\b"),
    ("placeholder", r"\[(?:[A-Z]{2,}[!?:]?)(?: [A-Z]{2,}[!?:]?){0,4}\]"),  # [TBD], [INSERT QUOTE]
    ("timestamp", r"\[\d{1,2}:\d{2}\]"),  # [2:38]: a player's or a caption file's time mark
    # a news agency's credit and its dash, which open a story's first paragraph after the dateline
    # ("WASHINGTON (AP) --"); anywhere else it is left over from a feed
    ("wire credit", r"\([A-Z]{2,4}\)[ \t]*(?:--|—|–)(?=[ \t])"),
    # a caption's or a layout's figure number; reported only in a text that has no figure (see check)
    ("figure reference", r"\bFig\.[ \t]?\d{1,3}[a-z]?\b"),
]
# any mention of a figure, and an image: a text holding either more than once, or an image, has figures
_FIGURE = re.compile(r"\b(?:Figs?|Figures?)\b\.?[ \t]?\d|!\[|<img\b", re.I)
# what may stand before a wire credit at the start of a paragraph: a dateline of capitalised words
# ("LOS ANGELES, Calif.", "Washington"), or nothing
_DATELINE = re.compile(r"(?:[A-Z][\w.'’-]*,?[ \t]+){0,6}")
# a credit left over from a feed still opens a story: it follows a sentence's end (or a dateline after one) and
# the word after its dash begins the story's first sentence. Mid-sentence, or before a lower-case word, the
# capitals in parentheses are an aside: a ticker ("Apple (AAPL) — up 3% —"), an acronym ("(EU) -- and")
_STORY_START = re.compile(r"[.!?][\"'”’)\]]*[ \t]+(?:[A-Z][\w.'’-]*,?[ \t]+){0,6}\Z")
_STORY_WORD = re.compile(r"[ \t]*[\"'“‘]?[A-Z0-9]")
# a transcript marks its time throughout: this many bracketed time marks are its markup, not residue
_TRANSCRIPT_STAMPS = 3
_STAMP = re.compile(r"\[\d{1,2}:\d{2}\]")
_CODE = re.compile("|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(_SHAPES)))
_CODE_GLUE = frozenset("/\\=")
_ANY = re.compile(r"[{}\[\]%#<$]|ID|Id|SKU|Ref|ref\.|Doc|Rec|Item|\)[ \t]*[-—–]|Fig\.")


class OrphanCode(Rule):
    """Residue of a template, a wiki, a spreadsheet or a script, or an internal record id, that refers
    to nothing in the text: "{{Citation needed|date=May 2012}}", "{{cn}}", "[[File:Map.jpg|thumb]]",
    "%%TITLE%%", "${author}", "<<AD_3>>", a tag of ERB, ASP or JSP ("<%= name %>"), Template Toolkit ("[%
    user.name %]"), Ruby ("#{name}") or PHP ("<?php echo $x; ?>"), a wiki parameter ("{{{1}}}"), "#REF!",
    "[object Object]", "[ID:116268]", "(Doc. 165/74)",
    "[TBD]", "[INSERT NAME]" (a bracketed word in capitals of lexicon ``placeholder_words``), a
    bracketed time mark ("[2:38]") in a document that has fewer than three of them, a news agency's
    credit with its dash that opens a story inside a paragraph (after a sentence's end, or a dateline
    after one, and before a capitalised word: "... on Friday. (NYT) -- Fishing boats"), but not at the
    start of a paragraph after a dateline ("WASHINGTON (AP) --", "LOS ANGELES, Calif. (AP) —", "(CNN)
    --"), nor an aside in mid-sentence (a ticker: "Apple (AAPL) — up 3% —") or after the words it
    abbreviates ("the European Union (EU) — and its partners"), a figure number ("Fig. 5b") in
    a text that mentions no other figure and shows no image, and wiki maintenance tags ("[citation needed]", "[dead link]", "[who?]": lexicon
    ``maintenance_tags``).

    Algorithm: the shapes above are matched in the prose of each paragraph (never in code blocks,
    inline code, URLs or link targets, which the parser masks). The whole code is the region.

    Spared: numeric citations ("[12]", "[3, 4]"), editorial brackets in quotations ("[the
    president]", "[sic]": lower case, not a maintenance tag), a bracketed capitalised term used
    elsewhere in the document outside brackets (an acronym: "[NATO]"), the References section, and
    Markdown link text (the parser masks it), and a code glued to a slash, a backslash, an equals sign
    or a following letter (part of a path, a pattern or an expression: ``/Perl/${version}``,
    ``/[[:alpha:]]/``). (R201)-style codes in parentheses are orphan-token's.
    """

    id = "stray-token/orphan-code"
    severity = Severity.WARNING
    scope = "document"
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        lex = _lex()
        tags = lex["maintenance_re"]
        code = doc.inline_code_spans if "`" in doc.text else []
        transcript = len(_STAMP.findall(prose)) >= _TRANSCRIPT_STAMPS
        for block in doc.prose_blocks:
            if block.kind == "code" or doc.in_role(block, "references"):
                continue
            seg = prose[block.start : block.end]
            if not _ANY.search(seg):
                continue
            found = []
            for m in _CODE.finditer(prose, block.start, block.end):
                kind = _SHAPES[int(m.lastgroup[1:])][0]
                found.append((m.start(), m.end(), kind))
            if tags is not None and "[" in seg:
                for m in tags.finditer(prose, block.start, block.end):
                    found.append((m.start(), m.end(), "wiki maintenance tag"))
            for s, e, kind in sorted(found):
                if code and inside(s, e, code):
                    continue
                if prose[s - 1 : s] in _CODE_GLUE or prose[e : e + 1] in _CODE_GLUE or prose[e : e + 1].isalnum():
                    continue  # part of a longer code: a path '/Perl/${version}', a pattern /[[:alpha:]]/
                token = prose[s:e]
                if kind == "timestamp" and transcript:
                    continue
                if kind == "figure reference" and _has_figures(doc):
                    continue  # a figure the text refers to (twice or more, or shown)
                if kind == "wire credit" and _DATELINE.fullmatch(prose[block.start : s]):
                    continue  # the story's dateline: "WASHINGTON (AP) --", "(CNN) --"
                if kind == "wire credit" and not (_STORY_START.search(prose, block.start, s)
                                                  and _STORY_WORD.match(prose, e)):
                    continue  # an aside mid-sentence: a ticker "Apple (AAPL) — up 3% —"
                if kind == "wire credit" and _expansion(prose, s, token):
                    continue  # an acronym after its expansion: "the European Union (EU) -- and its partners"
                if kind == "placeholder" and (_defined(prose, token[1:-1], s, e)
                                              or not lex["placeholder_words"] & set(re.findall(r"[A-Z]+", token))):
                    continue
                if token.startswith("[") and prose[e : e + 1] in "([":
                    continue  # the text of a link in Markdown syntax: [SIGN UP](https://...)
                yield ctx.diagnostic(s, e, f"{kind} '{token[:60]}' left in the text: it refers to nothing")


def _expansion(prose: str, s: int, token: str) -> bool:
    """The capitalised words right before the parenthesis spell the acronym in it ("the Centers for
    Disease Control (CDC) —"): the text introducing an abbreviation, not an agency's credit."""
    acronym = re.sub(r"[^A-Z]", "", token)
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’]*", prose[max(0, s - 120) : s]) if w[0].isupper())
    return initials.endswith(acronym)


def _has_figures(doc: Document) -> bool:
    """The text mentions figures, or shows images, more than once (the reported "Fig. 3" is one of the
    mentions): its figure numbers refer to something."""
    return doc.memo("stray-token/has-figures", lambda d: len(_FIGURE.findall(d.text)) > 1)


def _defined(prose: str, term: str, s: int, e: int) -> bool:
    """A bracketed capitalised term that the document also uses outside the brackets (an acronym)."""
    words = term.split()
    if len(words) != 1:
        return False
    for x in TOKEN_RE.finditer(prose):
        if x.group() == term and not (s <= x.start() < e):
            return True
    return False
