"""stray-token: tokens that do not belong in the running text.

Foreign function words, converter residue (escapes, entities, tags, emphasis
markers, mojibake), orphan codes, unpaired brackets and quotes, runs of
another language or script, and paragraphs broken by a page break.

Heavy libraries (wordfreq, lingua, ftfy) are imported inside ``check()`` and
their models are cached in module globals; this module imports only the
standard library.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable, Iterator

from prose_lint.diagnostic import Edit, Fix, Related, Severity
from prose_lint.document import Block, Document
from prose_lint.rule import Rule, RuleContext

# ----------------------------------------------------------------------------
# shared helpers


@lru_cache(maxsize=1)
def _lex() -> dict:
    from prose_lint.lexicon import load_lexicon

    raw = load_lexicon("stray_token")
    phrases = sorted({p.lower() for p in raw.get("loan_phrases", [])}, key=len, reverse=True)
    loan_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.I) if phrases else None
    return {
        "loan_re": loan_re,
        "homographs": frozenset(w.lower() for w in raw.get("english_homographs", [])),
        "non_final": frozenset(w.lower() for w in raw.get("non_final_words", [])),
        "label_words": frozenset(w.lower() for w in raw.get("label_words", [])),
        "common_codes": frozenset(w.lower() for w in raw.get("common_codes", [])),
    }


_ZIPF_CACHE: dict[tuple[str, str], float] = {}


def _zipf(word: str, lang: str) -> float:
    """wordfreq Zipf frequency. English uses the large list (rare English words matter); other
    languages the small one (only their frequent words matter): 10 ms and a few MB per language
    instead of 0.1-0.3 s and ~40 MB."""
    key = (word, lang)
    value = _ZIPF_CACHE.get(key)
    if value is None:
        from wordfreq import zipf_frequency

        value = _ZIPF_CACHE[key] = zipf_frequency(word, lang, wordlist="best" if lang == "en" else "small")
    return value


def _primary(language: str) -> str:
    return (language or "en").split("-")[0].split("_")[0].lower() or "en"


class _BlockIndex:
    """Offset -> block, by bisection (Document.block_at is linear)."""

    def __init__(self, doc: Document) -> None:
        self.blocks = sorted(doc.blocks, key=lambda b: b.start)
        self.starts = [b.start for b in self.blocks]

    def at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0:
            b = self.blocks[i]
            if b.start <= offset < b.end:
                return b
            if b.end <= offset and b.kind != "code":
                return None
            i -= 1
        return None


def _block_index(doc: Document) -> _BlockIndex:
    cached = doc.__dict__.get("_stray_block_index")
    if cached is None:
        cached = doc.__dict__["_stray_block_index"] = _BlockIndex(doc)
    return cached


_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", "‹": "›", "「": "」", "『": "』"}
_BACKTICKS = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (document offsets) inside double quotation marks in text[start:end]."""
    spans = []
    segment = text[start:end]
    # straight double quotes: pair them in order
    opened = None
    for m in re.finditer(r'"', segment):
        if opened is None:
            opened = m.start()
        else:
            spans.append((start + opened, start + m.end()))
            opened = None
    for m in re.finditer(r"“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]|「[^」]*」|‘[^‘’]{2,}?’(?!\w)", segment):
        spans.append((start + m.start(), start + m.end()))
    return spans


_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?!\*|\s)([^*\n]{1,200}?)(?<!\s)\*(?!\*)"
    r"|(?<![_\w])_(?!_|\s)([^_\n]{1,200}?)(?<!\s)_(?![_\w])"
    r"|<(i|em|cite)\b[^>]*>.{1,300}?</\3\s*>",
    re.I | re.S,
)


def _italic_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _EMPHASIS.finditer(text[start:end])]


_REFERENCE_HEADING = re.compile(r"^\W*(?:\d+\.?\s*)?(?:references?|bibliography|works cited|literature cited|sources|"
                                r"further reading|notes|endnotes|参考文献)\W*$", re.I)


def _in_references(doc: Document, block: Block) -> bool:
    """Whether the block sits in a reference list section (titles there keep their own language)."""
    section = doc.sections[block.section] if block.section < len(doc.sections) else None
    return bool(section and section.heading is not None and _REFERENCE_HEADING.match(doc.heading_text(section)))


def _inside(pos: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos and end <= e for s, e in spans)


# ----------------------------------------------------------------------------
# foreign-word

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_JOINERS = frozenset("-‐/'’@#_.")
_ENGLISH_DETERMINERS = frozenset(
    "a an the this that these those his her its their our your my i we you they he she it some any no "
    "every each one two to will would can could should must may might".split()
)


class ForeignWord(Rule):
    """A function word of another language inside an English sentence ("Les analysts say").

    Algorithm: every short word of a sentence is looked up in wordfreq. It is a candidate when its
    Zipf frequency in English is low (at most ``max_english_zipf``) while in one of ``languages``
    it is among that language's most frequent words (at least ``min_foreign_zipf``, and
    ``min_zipf_gap`` above English): only closed-class words (articles, prepositions, pronouns)
    are that frequent. The candidate is reported only when it sits in English: the next word is a
    lowercase English content word (more frequent in English than in the candidate's language, and
    not an English function word, which would show the candidate is an English noun or verb: "a den
    of"), and the previous word, if any, is English and not a determiner or pronoun.

    Not reported: words in a References/Bibliography section, parts of compounds (ctrl-alt-del),
    words inside a loan phrase of the lexicon (de facto, per se, coup d'état, à la
    carte...), name particles (a capitalised word not at the start of the sentence, or followed by a
    capitalised word: Des Moines, Van Gogh, de Gaulle, Le Monde), words inside quotation marks or
    italics, English homographs listed in the lexicon (den, pour, par...), all-caps words, and the
    project's vocabulary.

    Options: ``languages`` (ISO codes searched), ``max_english_zipf`` (4.4), ``min_foreign_zipf``
    (6.0), ``min_zipf_gap`` (2.0), ``max_length`` (6).
    Limits: two-letter words are judged like the others; a foreign word that is also frequent in
    English ("die", "de", "la") is never reported.
    """

    id = "stray-token/foreign-word"
    severity = Severity.WARNING
    scope = "document"
    options = {
        "languages": ["fr", "de", "nl", "es", "it", "pt"],
        "max_english_zipf": 4.4,
        "min_foreign_zipf": 6.0,
        "min_zipf_gap": 2.0,
        "max_length": 6,
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        if _primary(doc.language) != "en" or _document_language(doc, ctx) is not None:
            return
        opts = ctx.options
        lex = _lex()
        vocab = {w.lower() for w in ctx.vocabulary}
        langs = [l for l in opts["languages"] if l != "en"]
        for block in doc.prose_blocks:
            if _in_references(doc, block):
                continue
            block_text = doc.prose[block.start : block.end]
            if not re.search(r"[^\x00-\x7f]|\b[a-zA-Z]{2,6}\b", block_text):
                continue
            quotes = italics = loans = None
            for s, e in doc.sentences(block):
                words = list(_WORD_RE.finditer(doc.prose, s, e))
                for i, m in enumerate(words):
                    w = m.group()
                    lw = w.lower()
                    if len(lw) < 2 or len(lw) > opts["max_length"]:
                        continue
                    if not (w.islower() or (i == 0 and w[0].isupper() and w[1:].islower())):
                        continue
                    if lw in lex["homographs"] or lw in vocab:
                        continue
                    if doc.text[m.start() - 1 : m.start()] in _JOINERS or doc.text[m.end() : m.end() + 1] in _JOINERS:
                        continue  # part of a compound or a handle: ctrl-alt-del, d'un, @les
                    en = _zipf(lw, "en")
                    if en > opts["max_english_zipf"]:
                        continue
                    best = None
                    for lang in langs:
                        f = _zipf(lw, lang)
                        if f >= opts["min_foreign_zipf"] and f - en >= opts["min_zipf_gap"]:
                            if best is None or f > best[1]:
                                best = (lang, f)
                    if best is None:
                        continue
                    lang = best[0]
                    if i + 1 >= len(words):
                        continue
                    nxt = words[i + 1]
                    if doc.prose[m.end() : nxt.start()].strip() or not nxt.group().islower():
                        continue
                    if not _english_content(nxt.group().lower(), lang, lex):
                        continue
                    if i > 0:
                        prev = words[i - 1]
                        pw = prev.group()
                        gap = doc.prose[prev.end() : m.start()]
                        if pw[0].isupper() and i - 1 > 0 and not re.search(r"[.,;:!?)]", gap):
                            continue  # Charles de ...
                        if pw.lower() in _ENGLISH_DETERMINERS:
                            continue
                        if _zipf(pw.lower(), "en") < 3.0 or _zipf(pw.lower(), lang) > _zipf(pw.lower(), "en"):
                            continue
                    if quotes is None:
                        quotes = _quote_spans(doc.text, block.start, block.end)
                        italics = _italic_spans(doc.text, block.start, block.end)
                        loans = [(block.start + x.start(), block.start + x.end())
                                 for x in lex["loan_re"].finditer(doc.text[block.start : block.end])] \
                            if lex["loan_re"] else []
                    if _inside(m.start(), m.end(), quotes) or _inside(m.start(), m.end(), italics):
                        continue
                    if _inside(m.start(), m.end(), loans):
                        continue
                    name = _LANGUAGE_NAMES.get(lang, lang)
                    yield ctx.diagnostic(
                        m.start(), m.end(),
                        f"'{w}' is a {name} function word inside an English sentence",
                        properties={"language": lang, "zipf_en": en, "zipf_foreign": best[1]},
                    )


def _english_content(word: str, lang: str, lex: dict) -> bool:
    en = _zipf(word, "en")
    if en < 2.5 or _zipf(word, lang) >= en:
        return False
    return word not in lex["non_final"] and en < 6.0


# ----------------------------------------------------------------------------
# converter residue

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


class EscapeResidue(Rule):
    """A backslash escape left in the text by a converter (``\\_This``, ``\\*``, ``\\#``).

    Algorithm: in plain text, where nothing interprets escapes, every backslash before an ASCII
    punctuation character in prose is residue (a backslash after a backslash, as in a path, is not).
    In Markdown an escape is legitimate syntax, so only escaped emphasis markers glued to one side
    of a word (``\\_This``, ``word\\*``) are reported: they render as a stray underscore or asterisk.
    Code blocks, inline code, URLs and e-mail addresses are never looked at.
    A fix that removes the backslash is offered, marked unsafe (the escaped character may itself be
    residue).
    """

    id = "stray-token/escape-residue"
    severity = Severity.WARNING
    scope = "document"
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        text, prose = doc.text, doc.prose
        index = _block_index(doc)
        for m in _ESCAPE.finditer(text):
            i = m.start()
            if i > 0 and text[i - 1] == "\\":
                continue
            if i + 2 < len(text) and text[i + 2] == "\\" and m.group(1) == "\\":
                continue
            block = index.at(i + 1)
            if block is None or block.kind == "code":
                continue
            if prose[i + 1] != text[i + 1]:
                continue  # masked: inline code, URL, markup
            ch = m.group(1)
            if doc.markup == "markdown":
                if ch not in "_*":
                    continue
                before = text[i - 1] if i > 0 else " "
                after = text[i + 2] if i + 2 < len(text) else " "
                if not ((before.isspace() or before in "([{\"'“‘") and after.isalnum()) and not (
                        before.isalnum() and (after.isspace() or after in ".,;:!?)]}\"'”’")):
                    continue
            else:
                if prose[i] != "\\":
                    continue
                if ch in "/" or (ch == "\\"):
                    continue
            yield ctx.diagnostic(
                i, m.end(), f"backslash escape '{m.group()}' left by a converter",
                suggestions=[ch],
                fix=Fix((Edit(i, i + 1, ""),), safe=False, description="remove the backslash"),
            )


_ENTITY = re.compile(r"&(?:amp;)?(#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Entities Markdown authors need to write literal markup characters.
_MARKDOWN_ENTITIES = frozenset({"lt", "gt", "amp", "nbsp", "quot", "#124", "#42", "#95", "#35", "#96", "#91",
                                "#93", "#60", "#62", "#38", "#x7c", "ast", "lowbar", "verbar", "num", "grave"})


class HtmlEntity(Rule):
    """An HTML character reference in the text (``&amp;``, ``&#8217;``, ``&rsquo;``).

    Algorithm: every ``&name;`` / ``&#NNN;`` / ``&#xHH;`` that Python's ``html.unescape`` decodes
    is a candidate. In plain text every one is residue of an HTML export. In Markdown, character
    references are legitimate syntax, so only double-escaped ones (``&amp;#8217;``, which render
    literally) and typographic ones that a person would have typed as the character (``&#8217;``,
    ``&rsquo;``, ``&eacute;``) are reported; the references needed to write markup characters
    (``&lt;``, ``&gt;``, ``&amp;``, ``&nbsp;``...) are not. Code and inline code are skipped.
    Fix (safe): replace the reference with the character it stands for.
    """

    id = "stray-token/html-entity"
    severity = Severity.WARNING
    scope = "document"
    fixable = True
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        import html

        text = doc.text
        if "&" not in text:
            return
        index = _block_index(doc)
        for m in _ENTITY.finditer(text):
            ref = m.group(1)
            double = m.group().startswith("&amp;") and m.group() != "&amp;"
            entity = f"&{ref};"
            char = html.unescape(entity)
            if char == entity:
                continue
            block = index.at(m.start())
            if block is None or block.kind == "code" or _in_inline_code(text, block, m.start()):
                continue
            if doc.markup == "markdown":
                if not double and ref.lower() in _MARKDOWN_ENTITIES:
                    continue
            elif doc.prose[m.start()] != "&":
                continue  # URL or e-mail
            shown = char if char.strip() else repr(char)
            yield ctx.diagnostic(
                m.start(), m.end(), f"HTML entity '{m.group()}' in the text (stands for {shown})",
                suggestions=[char],
                fix=Fix((Edit(m.start(), m.end(), char),), safe=True, description=f"replace with {shown}"),
            )


def _in_inline_code(text: str, block: Block, offset: int, span: tuple[int, int] | None = None) -> bool:
    start, end = span or (block.start, block.end)
    seg = text[start:end]
    if "`" not in seg:
        return False
    return any(start + c.start() <= offset < start + c.end() for c in _BACKTICKS.finditer(seg))


_HTML_TAGS = ("a|abbr|b|big|blockquote|br|center|cite|code|dd|del|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|"
              "kbd|li|mark|nobr|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|"
              "tt|u|ul|wbr")
_TAG = re.compile(rf"<(/?)({_HTML_TAGS})\b([^<>\n]{{0,200}}?)(/?)>|<!--.{{0,500}}?-->", re.I | re.S)
_VOID = frozenset({"br", "hr", "img", "wbr"})
_PAIRED_INLINE = frozenset({"b", "i", "em", "strong", "sup", "sub", "span", "u", "a", "font", "small",
                            "mark", "s", "del", "ins", "big", "tt", "kbd", "abbr", "cite", "q", "strike"})


class HtmlTag(Rule):
    """An HTML tag that is not part of the markup (``<p>`` in a plain-text file, a lone ``</span>``).

    Algorithm: in plain text, every HTML tag or comment in prose is residue of an export. In
    Markdown, HTML is part of the markup, so only inline tags that are not paired within their
    paragraph are reported (an opening ``<b>`` never closed, a ``</sup>`` never opened); block-level
    HTML and balanced inline tags are left alone.
    """

    id = "stray-token/html-tag"
    severity = Severity.WARNING
    scope = "document"
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        text = doc.text
        if "<" not in text:
            return
        if doc.markup != "markdown":
            index = _block_index(doc)
            for m in _TAG.finditer(text):
                block = index.at(m.start())
                if block is None or block.kind == "code" or doc.prose[m.start()] != "<":
                    continue
                yield ctx.diagnostic(m.start(), m.end(), f"HTML tag '{m.group()[:40]}' in plain text")
            return
        lines = doc.lines
        done = -1
        for block in doc.blocks:
            if block.kind == "code":
                continue
            # tags sit outside the block's prose span: look at its whole lines
            start = max(lines.starts[lines.line_of(block.start)], done)
            end = lines.ends[lines.line_of(max(block.start, block.end - 1))]
            if start >= end:
                continue
            done = end
            stacks: dict[str, list[re.Match]] = {}
            unmatched = []
            for m in _TAG.finditer(text, start, end):
                if m.group(2) is None:
                    continue
                name = m.group(2).lower()
                if name not in _PAIRED_INLINE or m.group(4) or _in_inline_code(text, block, m.start(), (start, end)):
                    continue
                if m.group(1):
                    if stacks.get(name):
                        stacks[name].pop()
                    else:
                        unmatched.append(m)
                else:
                    stacks.setdefault(name, []).append(m)
            for left in stacks.values():
                unmatched.extend(left)
            for m in sorted(unmatched, key=lambda x: x.start()):
                kind = "closing" if m.group(1) else "opening"
                yield ctx.diagnostic(m.start(), m.end(), f"{kind} tag '{m.group()[:40]}' without its pair")


_EMPH_RUN = re.compile(r"\*{1,3}|_{1,3}")


class UnpairedEmphasis(Rule):
    """An emphasis marker with no partner (``**Results`` with no closing ``**``, ``_word``).

    Algorithm: in Markdown, markdown-it masks emphasis delimiters that it pairs; a ``*``/``_`` run
    left in the prose was not paired. It is reported when it is glued to a word on one side only
    (an opening or closing delimiter): ``_`` inside a word (snake_case), a lone `` * `` between
    spaces and a single ``*`` right after a word (a footnote mark) are not. In plain text, ``**``,
    ``__`` and ``_`` delimiters glued to a word are paired in order within the paragraph, and a
    delimiter left over is reported; single ``_`` only in texts that use ``_italics_`` elsewhere
    (otherwise ``_name`` is an identifier).
    """

    id = "stray-token/unpaired-emphasis"
    severity = Severity.WARNING
    scope = "document"
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        # plain text: single underscores are emphasis only where the text uses _italics_
        underscore_italics = doc.markup != "markdown" and re.search(r"(?<!\w)_[^\W_][^_\n]*_(?!\w)", prose)
        for block in doc.prose_blocks:
            seg = prose[block.start : block.end]
            if "*" not in seg and "_" not in seg:
                continue
            candidates = []
            for m in _EMPH_RUN.finditer(prose, block.start, block.end):
                s, e = m.start(), m.end()
                before = prose[s - 1] if s > 0 else " "
                after = prose[e] if e < len(prose) else " "
                left = after.isalnum() and not before.isalnum()
                right = before.isalnum() and not after.isalnum()
                if not (left or right):
                    continue
                run = m.group()
                if s > 0 and doc.text[s - 1] == "\\":
                    continue  # an escaped marker: escape-residue's business
                if doc.markup == "markdown":
                    if run == "*" and right:
                        continue  # footnote mark
                    yield ctx.diagnostic(s, e, f"emphasis marker '{run}' without its pair")
                else:
                    if run == "*" or (run == "_" and not underscore_italics):
                        continue  # footnote marks; identifiers like _private in technical text
                    candidates.append((m, left))
            # plain text: pair opening and closing delimiters of the same kind in order
            open_by_kind: dict[str, list] = {}
            leftovers = []
            for m, left in candidates:
                kind = m.group()
                if left:
                    open_by_kind.setdefault(kind, []).append(m)
                elif open_by_kind.get(kind):
                    open_by_kind[kind].pop()
                else:
                    leftovers.append(m)
            for rest in open_by_kind.values():
                leftovers.extend(rest)
            for m in sorted(leftovers, key=lambda x: x.start()):
                yield ctx.diagnostic(m.start(), m.end(), f"emphasis marker '{m.group()}' without its pair")


_NON_ASCII_TOKEN = re.compile(r"\S*[^\x00-\x7f]\S*")


class Mojibake(Rule):
    """Text decoded with the wrong encoding ("donâ€™t", "cafÃ©") or replacement characters (�).

    Algorithm: a paragraph whose text ftfy's ``badness.is_bad`` marks as suspicious is split into
    tokens; each token with non-ASCII characters that ftfy's ``fix_encoding`` changes, and that is
    itself suspicious, is reported with the repaired text as a safe fix. U+FFFD replacement
    characters are reported without a fix (the original character is lost).
    """

    id = "stray-token/mojibake"
    severity = Severity.WARNING
    scope = "document"
    fixable = True
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        if prose.isascii():
            return
        import ftfy
        from ftfy.badness import is_bad

        for block in doc.prose_blocks:
            seg = prose[block.start : block.end]
            if seg.isascii():
                continue
            if "\ufffd" in seg:
                for m in re.finditer("\ufffd+", seg):
                    yield ctx.diagnostic(block.start + m.start(), block.start + m.end(),
                                         "replacement character: a character was lost in a conversion")
            if not is_bad(seg):
                continue
            for m in _NON_ASCII_TOKEN.finditer(seg):
                token = m.group()
                if "\ufffd" in token:
                    continue
                fixed = ftfy.fix_encoding(token)
                if fixed != token and is_bad(token):
                    s, e = block.start + m.start(), block.start + m.end()
                    yield ctx.diagnostic(s, e, f"mojibake: '{token}' should read '{fixed}'",
                                         suggestions=[fixed],
                                         fix=Fix((Edit(s, e, fixed),), safe=True, description=f"replace with {fixed!r}"))


# ----------------------------------------------------------------------------
# orphan tokens and brackets

_CODE_IN_PARENS = re.compile(r"\((\s?)([A-Z][A-Za-z]{0,3}-?\d{1,6}(?:\.\d+)?[A-Za-z]?)(\s?)\)")


_CODE_TOKEN = re.compile(r"(?<![\w-])([A-Za-z]+-?)\d+(?:\.\d+)?[A-Za-z]?(?![\w-])")


class OrphanToken(Rule):
    """A code-like token in parentheses that explains nothing ("... integration (R201).").

    Algorithm: a parenthesised token made of 1-4 letters (the first a capital) and digits
    (``R201``, ``XB12``) is reported unless it is a known code (lexicon ``common_codes``: CO2, G20,
    COVID-19...), a frequent word (wordfreq Zipf >= ``min_zipf``), used elsewhere in the document
    outside this parenthesis (a defined label), one of a series (H1 and H2, P3 and P7), or follows
    a label word (Table, Figure, participant, step...). Citations never match: they hold spaces,
    commas or years.
    """

    id = "stray-token/orphan-token"
    severity = Severity.WARNING
    scope = "document"
    options = {"min_zipf": 2.0}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        matches = [m for m in _CODE_IN_PARENS.finditer(prose) if m.group(1) == m.group(3) == ""]
        if not matches:
            return
        lex = _lex()
        index = _block_index(doc)
        vocab = {w.lower() for w in ctx.vocabulary}
        counts: dict[str, int] = {}
        series: dict[str, set[str]] = {}
        for x in _CODE_TOKEN.finditer(prose):
            counts[x.group()] = counts.get(x.group(), 0) + 1
            series.setdefault(x.group(1), set()).add(x.group())
        for m in matches:
            token = m.group(2)
            low = token.lower()
            block = index.at(m.start())
            if block is None or block.kind == "code":
                continue
            if low in lex["common_codes"] or low in vocab:
                continue
            if _zipf(low, "en") >= ctx.options["min_zipf"]:
                continue
            if counts[token] > 1:
                continue  # used elsewhere: a label the document defines or reuses
            prefix = re.match(r"[A-Za-z]+-?", token).group()
            if len(series.get(prefix, ())) > 1:
                continue  # one of a series: H1, H2...
            before = list(_WORD_RE.finditer(prose, max(block.start, m.start() - 40), m.start()))
            if before and before[-1].group().lower() in lex["label_words"]:
                continue
            yield ctx.diagnostic(m.start(), m.end(),
                                 f"'({token})' is neither a citation nor an abbreviation defined in the document")


_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_ENUMERATOR = re.compile(r"""(?:^|(?<=[\s("“‘']))(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})\)$""")
_EMOTICON = re.compile(r"[:;=8xX]-?[()\[\]]$|[()\[\]]-?[:;=]")


class UnpairedBracket(Rule):
    """A bracket or quotation mark without its partner ("... and Russia, Mehmood, 2022).").

    Algorithm: the brackets ``()``, ``[]``, ``{}`` of each prose block are matched with a stack; a
    closing bracket with no opener, or an opener never closed in the block, is reported. Enumerators
    ("a)", "2)", "iv)") and emoticons are not brackets. Curly double quotes are matched the same
    way, with the convention of multi-paragraph quotations: a paragraph may leave a quotation open
    when the next paragraph opens again with “, and then the next paragraph's closing ” is fine. A
    straight double quote is reported when it is the only one in its block and not an inch mark.
    Apostrophes and single quotes are never judged.
    """

    id = "stray-token/unpaired-bracket"
    severity = Severity.WARNING
    scope = "document"
    options = {"quotes": True}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        prose = doc.prose
        blocks = doc.prose_blocks
        quote_carry = False  # the previous paragraph left a quotation open
        quote_carry_straight = False
        from prose_lint.document import URL_RE

        urls = [(m.start(), m.end()) for m in URL_RE.finditer(doc.text)]
        url_starts = [u[0] for u in urls]
        url_ends = {u[1] for u in urls}
        # URL_RE stops before a closing bracket: ")" that close the URL's own "(" belong to it
        url_tail: set[int] = set()
        for us, ue in urls:
            extra = doc.text.count("(", us, ue) - doc.text.count(")", us, ue)
            for k in range(max(0, extra)):
                if ue + k < len(doc.text) and doc.text[ue + k] == ")":
                    url_tail.add(ue + k)
        for n, block in enumerate(blocks):
            seg = prose[block.start : block.end]
            stack: list[int] = []
            text = doc.text
            for i, ch in enumerate(seg):
                if ch not in _OPENERS and ch not in _CLOSERS:
                    continue
                pos = block.start + i
                if 0 < pos < len(text) - 1 and text[pos - 1] in "\"'“‘`" and text[pos + 1] in "\"'”’`":
                    continue  # the character itself, quoted: "("
                k = bisect.bisect_right(url_starts, pos) - 1
                if pos in url_tail or (k >= 0 and pos < urls[k][1]):
                    continue  # part of a URL
                url_end = pos in url_ends
                if ch in _OPENERS:
                    if _EMOTICON.search(seg[max(0, i - 2) : i + 1]) or _EMOTICON.match(seg[i : i + 3]):
                        continue
                    stack.append(i)
                elif ch in _CLOSERS:
                    if stack and seg[stack[-1]] == _CLOSERS[ch]:
                        stack.pop()
                        continue
                    if url_end:
                        continue
                    if ch == ")" and _ENUMERATOR.search(seg[max(0, i - 5) : i + 1]):
                        continue
                    if _EMOTICON.search(seg[max(0, i - 2) : i + 1]):
                        continue
                    if stack:
                        # a mismatched closer: report it, keep the opener for its own closer
                        pass
                    yield ctx.diagnostic(block.start + i, block.start + i + 1,
                                         f"closing '{ch}' without an opening '{_CLOSERS[ch]}'")
            for i in stack:
                yield ctx.diagnostic(block.start + i, block.start + i + 1,
                                     f"'{seg[i]}' is never closed in this paragraph")
            if not ctx.options["quotes"]:
                continue
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            next_opens = nxt is not None and prose[nxt.start : nxt.end].lstrip().startswith(("“", '"'))
            depth = 1 if quote_carry else 0
            open_at = []
            stray_close = []
            for i, ch in enumerate(seg):
                if ch == "“":
                    if quote_carry and depth == 1 and not open_at and i == len(seg) - len(seg.lstrip()):
                        open_at.append(i)  # reopening of the carried quotation
                        continue
                    depth += 1
                    open_at.append(i)
                elif ch == "”":
                    if open_at:
                        open_at.pop()
                        depth = max(0, depth - 1)
                    elif quote_carry and depth > 0:
                        depth -= 1
                    else:
                        stray_close.append(i)
            for i in stray_close:
                yield ctx.diagnostic(block.start + i, block.start + i + 1, "closing '”' without an opening '“'")
            if open_at and not next_opens:
                for i in open_at[:1]:
                    yield ctx.diagnostic(block.start + i, block.start + i + 1, "'“' is never closed")
            quote_carry = bool(open_at) and next_opens
            straight = [i for i, ch in enumerate(seg) if ch == '"']
            continues = quote_carry_straight and seg.lstrip().startswith('"')
            if len(straight) % 2 == 1 and next_opens:
                quote_carry = True
            elif len(straight) == 1 and not continues:
                i = straight[0]
                if not (i > 0 and (seg[i - 1].isdigit() or seg[i - 1] in "'′")):
                    yield ctx.diagnostic(block.start + i, block.start + i + 1, "unpaired '\"' in this paragraph")
            quote_carry_straight = len(straight) % 2 == 1 and next_opens


# ----------------------------------------------------------------------------
# mixed language and wrong language

_LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "nl": "Dutch", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "sr": "Serbian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "fa": "Persian", "ur": "Urdu",
    "hi": "Hindi", "bn": "Bengali", "el": "Greek", "he": "Hebrew", "tr": "Turkish", "pl": "Polish",
    "sv": "Swedish", "da": "Danish", "nb": "Norwegian", "fi": "Finnish", "cs": "Czech", "ro": "Romanian",
    "hu": "Hungarian", "th": "Thai", "vi": "Vietnamese", "id": "Indonesian", "ta": "Tamil", "ca": "Catalan",
}

_SCRIPT_RANGES = [
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"), (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"), (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0B80, 0x0BFF, "Tamil"),
    (0x0E00, 0x0E7F, "Thai"), (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"),
    (0x3040, 0x309F, "Kana"), (0x30A0, 0x30FF, "Kana"), (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"), (0x20000, 0x2FFFF, "Han"), (0xAC00, 0xD7AF, "Hangul"), (0x3130, 0x318F, "Hangul"),
]
_RANGE_STARTS = [r[0] for r in _SCRIPT_RANGES]
_SCRIPT_DEFAULT_LANG = {"Greek": "el", "Hebrew": "he", "Thai": "th", "Hangul": "ko", "Kana": "ja", "Han": "zh",
                        "Devanagari": "hi", "Bengali": "bn", "Tamil": "ta", "Armenian": "hy", "Georgian": "ka",
                        "Cyrillic": "ru", "Arabic": "ar"}
_CJK = frozenset({"Han", "Kana", "Hangul"})
_SORTED_RANGES = sorted(_SCRIPT_RANGES)
_SORTED_STARTS = [r[0] for r in _SORTED_RANGES]


def _script(ch: str) -> str | None:
    """The script of a letter outside Latin, or None (Latin, digits, punctuation, spaces)."""
    cp = ord(ch)
    if cp < 0x0370:
        return None
    i = bisect.bisect_right(_SORTED_STARTS, cp) - 1
    if i >= 0 and cp <= _SORTED_RANGES[i][1]:
        return _SORTED_RANGES[i][2] if ch.isalpha() else None
    return None


_DETECTOR = None
_DETECTOR_LANGS: tuple = ()


def _detector(codes: tuple[str, ...]):
    global _DETECTOR, _DETECTOR_LANGS
    if _DETECTOR is None or _DETECTOR_LANGS != codes:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        langs = []
        for code in codes:
            try:
                langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
            except (AttributeError, ValueError):
                continue
        if len(langs) < 2:
            return None
        _DETECTOR = LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()
        _DETECTOR_LANGS = codes
    return _DETECTOR


def _detect(text: str, codes: tuple[str, ...]) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of ``text`` among ``codes``."""
    det = _detector(codes)
    if det is None:
        return None, 0.0
    values = det.compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    top = values[0]
    return top.language.iso_code_639_1.name.lower(), top.value


_DETECT_LANGUAGES = ["en", "fr", "de", "nl", "es", "it", "pt", "ru", "uk", "bg", "sr", "zh", "ja", "ko", "ar",
                     "fa", "ur", "hi", "bn", "el", "he", "tr", "pl", "sv", "da", "nb", "fi", "cs", "ro", "hu",
                     "th", "vi", "id", "ca"]


def _document_language(doc: Document, ctx: RuleContext) -> tuple[str, float] | None:
    """(language, share) when the whole document is in another language than doc.language, else None."""
    cache = doc.__dict__.setdefault("_stray_doc_language", {})
    if "value" in cache:
        return cache["value"]
    cache["value"] = None
    expected = _primary(doc.language)
    paragraphs = [b for b in doc.prose_blocks if b.kind != "table_cell"]
    sample = []
    size = 0
    for b in paragraphs:
        t = " ".join(doc.prose[b.start : b.end].split())
        if len(t) < 20:
            continue
        sample.append(t)
        size += len(t)
        if size > 6000:
            break
    text = " ".join(sample)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 200:
        return None
    foreign_script = sum(1 for c in letters if _script(c) is not None) / len(letters)
    if expected in ("en", "fr", "de", "nl", "es", "it", "pt", "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu",
                    "tr", "id", "vi", "ca") and foreign_script > 0.5:
        lang, _ = _detect(text[:3000], tuple(_DETECT_LANGUAGES))
        cache["value"] = (lang or "?", foreign_script)
        return cache["value"]
    if foreign_script < 0.1 and expected == "en":
        # cheap test first: most words of an English text are common English words
        words = [m.group().lower() for m in _WORD_RE.finditer(text[:3000])][:400]
        if words and sum(1 for w in words if _zipf(w, "en") >= 3.5) / len(words) > 0.75:
            return None
    if foreign_script < 0.1:
        # same script: count paragraphs that a detector attributes to another language
        votes = total = 0
        foreign: dict[str, int] = {}
        for t in sample[:12]:
            if len(t.split()) < 8:
                continue
            lang, conf = _detect(t, tuple(_DETECT_LANGUAGES))
            total += 1
            if lang and lang != expected and conf >= 0.8:
                votes += 1
                foreign[lang] = foreign.get(lang, 0) + 1
        if total >= 1 and votes / total > 0.6:
            lang = max(foreign, key=foreign.get)
            cache["value"] = (lang, votes / total)
    return cache["value"]


class WrongLanguage(Rule):
    """A document written in another language than the configured one (one diagnostic per file).

    Algorithm: up to ~6,000 characters of paragraphs are sampled. When more than half of their
    letters are in a script the configured language does not use, or when lingua attributes more
    than 60% of the sampled paragraphs (each of 8+ words) to one other language with confidence
    >= 0.8, one diagnostic covering the first block names the language. The mixed-language and
    foreign-word rules then stay silent on that document.
    """

    id = "stray-token/wrong-language"
    severity = Severity.WARNING
    scope = "document"
    options = {}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        found = _document_language(doc, ctx)
        if found is None or not doc.prose_blocks:
            return
        lang, share = found
        first = doc.prose_blocks[0]
        name = _LANGUAGE_NAMES.get(lang, lang)
        yield ctx.diagnostic(first.start, first.end,
                             f"the document is in {name}, not in the configured language ({doc.language})",
                             properties={"language": lang, "share": round(share, 2)})


_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]+")


class MixedLanguage(Rule):
    """A run of another language or script inside English text (a heading with a Chinese translation).

    Algorithm: (1) scripts: each prose block is scanned for runs of letters of a script other than
    Latin (Han, Kana, Hangul, Cyrillic, Arabic, Greek, Hebrew, Devanagari...), joined across spaces,
    digits and punctuation. A run counts when it has at least ``min_cjk_chars`` characters (CJK) or
    ``min_words`` words (alphabetic scripts); short glosses in parentheses or quotation marks right
    after a word ("Beijing (北京)") are left alone. (2) Latin-script languages: each sentence of at
    least ``min_words_latin`` words outside quotes and italics is given to lingua; it is reported
    when lingua names another language with confidence >= ``min_confidence`` and most of its words
    are more frequent in that language than in English (wordfreq). One diagnostic per run, naming
    the language (lingua, limited to the languages of that script). Blocks in a References or
    Bibliography section are skipped (cited titles keep their language).
    """

    id = "stray-token/mixed-language"
    severity = Severity.WARNING
    scope = "document"
    options = {"min_cjk_chars": 2, "min_words": 2, "min_words_latin": 5, "min_confidence": 0.9,
               "max_gloss_chars": 12}

    def check(self, doc: Document, ctx: RuleContext) -> Iterator:
        if _document_language(doc, ctx) is not None:
            return
        expected = _primary(doc.language)
        opts = ctx.options
        for block in doc.prose_blocks:
            if _in_references(doc, block):
                continue
            seg = doc.prose[block.start : block.end]
            if not seg.isascii():
                yield from self._script_runs(doc, block, seg, ctx)
            if expected == "en":
                yield from self._latin_runs(doc, block, ctx, opts)

    def _script_runs(self, doc: Document, block: Block, seg: str, ctx: RuleContext) -> Iterator:
        opts = ctx.options
        runs = []
        i, n = 0, len(seg)
        while i < n:
            sc = _script(seg[i])
            if sc is None:
                i += 1
                continue
            group = "CJK" if sc in _CJK else sc
            start = end = i
            letters = 0
            j = i
            while j < n:
                s2 = _script(seg[j])
                if s2 is not None and ("CJK" if s2 in _CJK else s2) == group:
                    letters += 1
                    end = j + 1
                    j += 1
                    continue
                if s2 is None and not seg[j].isalpha() and seg[j] not in "\r\n":
                    j += 1
                    continue
                break
            runs.append((start, end, group, letters))
            i = max(end, i + 1)
        for start, end, group, letters in runs:
            text = seg[start:end]
            if group == "CJK":
                if letters < opts["min_cjk_chars"]:
                    continue
            else:
                if len(text.split()) < opts["min_words"]:
                    continue
            before = seg[:start].rstrip()
            after = seg[end:].lstrip()
            if before[-1:] in ("(", "“", '"', "«", "「") and after[:1] in (")", "”", '"', "»", "」") \
                    and len(text) <= opts["max_gloss_chars"]:
                continue
            s, e = block.start + start, block.start + end
            if _inside(s, e, _quote_spans(doc.text, block.start, block.end)) and len(text) <= opts["max_gloss_chars"]:
                continue
            lang = self._name_script_run(text, group)
            name = _LANGUAGE_NAMES.get(lang, lang)
            yield ctx.diagnostic(s, e, f"{name} text inside English text: '{text[:30]}'",
                                 properties={"language": lang, "script": group})

    @staticmethod
    def _name_script_run(text: str, group: str) -> str:
        if group == "CJK":
            if any(_script(c) == "Kana" for c in text):
                return "ja"
            if any(_script(c) == "Hangul" for c in text):
                return "ko"
            return "zh"
        candidates = {"Cyrillic": ("ru", "uk", "bg", "sr"), "Arabic": ("ar", "fa", "ur")}.get(group)
        if candidates:
            lang, _ = _detect(text, candidates)
            return lang or _SCRIPT_DEFAULT_LANG[group]
        return _SCRIPT_DEFAULT_LANG.get(group, group.lower())

    def _latin_runs(self, doc: Document, block: Block, ctx: RuleContext, opts) -> Iterator:
        quotes = italics = None
        for s, e in doc.sentences(block):
            words = [m.group().lower() for m in _LATIN_WORD.finditer(doc.prose, s, e)]
            if len(words) < opts["min_words_latin"]:
                continue
            # cheap prefilter: enough words that are rare in English
            rare = sum(1 for w in words if _zipf(w.strip("'’-"), "en") < 3.0)
            if rare / len(words) < 0.4:
                continue
            if quotes is None:
                quotes = _quote_spans(doc.text, block.start, block.end)
                italics = _italic_spans(doc.text, block.start, block.end)
            if _inside(s, e, quotes) or _inside(s, e, italics):
                continue
            sentence = doc.prose[s:e]
            lang, conf = _detect(sentence, tuple(_DETECT_LANGUAGES))
            if lang is None or lang == "en" or conf < opts["min_confidence"]:
                continue
            if lang not in _LANGUAGE_NAMES or _script_lang(lang):
                continue
            foreign = sum(1 for w in words if _zipf(w, lang) > max(_zipf(w, "en"), 1.0))
            if foreign / len(words) < 0.6:
                continue
            name = _LANGUAGE_NAMES[lang]
            yield ctx.diagnostic(s, e, f"{name} sentence inside English text",
                                 properties={"language": lang, "confidence": round(conf, 3)})


def _script_lang(lang: str) -> bool:
    return lang in ("ru", "uk", "bg", "sr", "zh", "ja", "ko", "ar", "fa", "ur", "hi", "bn", "el", "he", "th", "ta")


# ----------------------------------------------------------------------------
# broken paragraphs

_TERMINAL = re.compile(r"[.!?:;…。！？]['\"”’)\]»*_]*$")


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
    least ``min_words`` words (a short unpunctuated line is a title or a label). The region
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
        for a, b in zip(blocks, blocks[1:]):
            if a.kind != "paragraph" or b.kind != "paragraph" or a.in_quote != b.in_quote:
                continue
            between = doc.text[a.end : b.start]
            if between.count("\n") + between.replace("\r\n", "").count("\r") < 2:
                continue  # lines of one chunk (a hard-wrapped text), not two paragraphs
            first = prose[a.start : a.end].rstrip()
            if not first or _TERMINAL.search(first):
                continue
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
            last = words_a[-1]
            non_final = last.end() == a.start + len(first) and last.group().lower() in lex["non_final"]
            # a lowercase start continues the sentence when it is an ordinary English word (not an
            # identifier like "bpo-123") after a paragraph that does not end on a name or a signature
            lowercase_start = (first_word.group()[0].islower() and last.group()[0].islower()
                               and _zipf(first_word.group().lower(), "en") >= 3.0)
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


RULES = (
    ForeignWord,
    EscapeResidue,
    HtmlEntity,
    HtmlTag,
    UnpairedEmphasis,
    Mojibake,
    OrphanToken,
    UnpairedBracket,
    MixedLanguage,
    WrongLanguage,
    BrokenParagraph,
)
