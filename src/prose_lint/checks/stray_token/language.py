"""Runs of another language or script, and documents wholly in another language."""

from __future__ import annotations

from typing import Iterator

from prose_lint.checks.stray_token.common import (
    _inside,
    _preload,
    _primary,
    _quote_spans,
    _zipf,
    _zipf_table,
)
from prose_lint.checks.stray_token.detect import (  # noqa: F401  (_DETECTORS: re-exported for tests)
    _DETECT_LANGUAGES,
    _DETECTORS,
    _LANGUAGE_NAMES,
    _detect,
    _document_language,
)
from prose_lint.checks.stray_token.scripts import (
    _ANY_SCRIPT,
    _CJK,
    _SCRIPT_DEFAULT_LANG,
    _paragraph_script,
    _script,
)
from prose_lint.diagnostic import Related, Severity
from prose_lint.document import Block, Document
from prose_lint.rule import Rule, RuleContext


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


class MixedLanguage(Rule):
    """A run of another language or script inside English text (a heading with a Chinese translation).

    Algorithm: (1) scripts: each prose block is scanned for runs of letters of a script other than
    Latin (Han, Kana, Hangul, Cyrillic, Arabic, Greek, Hebrew, Devanagari...), joined across spaces,
    digits and punctuation. A run counts when it has at least ``min_cjk_chars`` characters (CJK) or
    ``min_words`` words (alphabetic scripts); short glosses in parentheses or quotation marks right
    after a word ("Beijing (北京)"), short runs that close a parenthesis or quotation, and a cited
    title after its source's name at the end of a paragraph ("Xinhua: 十七届七中全会在京举行") are left
    alone; a Latin-script sentence whose words are mostly capitalised (a title, a list of names) too.
    A paragraph written in another script (at least 20 of its letters, and 80% of them) is a section
    of a bilingual text, not a run inside English: it is not reported, nor are the blocks right
    before and after it (its heading, a caption or a link under it). (2) Latin-script languages: each sentence of at
    least ``min_words_latin`` words outside quotes and italics is given to lingua; it is reported
    when lingua names another language with confidence >= ``min_confidence`` and most of its words
    are more frequent in that language than in English (wordfreq). One diagnostic per run, naming
    the language (lingua, limited to the languages of that script), except that the script runs of
    one paragraph are one finding, at the first, with the others as related locations. Blocks in a
    References or Bibliography section are skipped (cited titles keep their language).
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
        if expected == "en":
            # the lists _latin_runs may consult: the Latin-script languages lingua can name
            _preload([lang for lang in _DETECT_LANGUAGES if lang in _LANGUAGE_NAMES and not _script_lang(lang)])
        opts = ctx.options
        blocks = doc.prose_blocks
        # paragraphs written in another script: sections of a bilingual text, with their neighbours
        # (the section's heading, a caption or link under it)
        written = [not seg.isascii() and _paragraph_script(seg)
                   for seg in (doc.prose[b.start : b.end] for b in blocks)]
        for n, block in enumerate(blocks):
            if doc.in_role(block, "references"):
                continue
            seg = doc.prose[block.start : block.end]
            section = any(written[max(0, n - 1) : n + 2])
            if not seg.isascii() and _ANY_SCRIPT.search(seg) and not section:
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
        found = []
        for start, end, group, letters in runs:
            text = seg[start:end]
            if group == "CJK":
                if letters < opts["min_cjk_chars"]:
                    continue
            else:
                if len(text.split()) < opts["min_words"]:
                    continue
            before = seg[:start].rstrip()
            after = seg[end:].lstrip().lstrip("\\")
            if after[:1] in (")", "”", '"', "»", "」", "]") and len(text) <= opts["max_gloss_chars"]:
                continue  # a gloss closing a parenthesis or a quotation: "Zhou Yongkang (周永康)"
            if before.endswith(":") and not after and "\n" not in before[-80:] and len(before) <= 80:
                continue  # a cited title after its source's name: "Xinhua: 十七届..."
            s, e = block.start + start, block.start + end
            if _inside(s, e, _quote_spans(doc.text, block.start, block.end)) and len(text) <= opts["max_gloss_chars"]:
                continue
            found.append((s, e, text, group))
        if not found:
            return
        # one finding per paragraph: "東京 Nikkei Seminar 10月4日" is one mixed line, not two defects
        (s, e, text, group), rest = found[0], found[1:]
        lang = self._name_script_run(text, group)
        name = _LANGUAGE_NAMES.get(lang, lang)
        more = f" (and {len(rest)} more run{'s' if len(rest) > 1 else ''} in this paragraph)" if rest else ""
        yield ctx.diagnostic(s, e, f"{name} text inside English text: '{text[:30]}'{more}",
                             related=[Related(a, b, f"also: '{t[:30]}'") for a, b, t, _ in rest],
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
            raw = doc.span_words(s, e)
            if len(raw) < opts["min_words_latin"]:
                continue
            # cheap prefilter: enough words that are rare in English
            if not _mostly_rare(raw, 0.4):
                continue
            words = [w.lower() for w in raw]
            if quotes is None:
                quotes = _quote_spans(doc.text, block.start, block.end)
                italics = doc.italic_spans
            if _inside(s, e, quotes) or _inside(s, e, italics):
                continue
            if sum(1 for w in raw if w[0].isupper()) * 2 > len(raw):
                continue  # a title or a list of names: "BMW K 1300 S 30 Jahre K-Modelle"
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


# Words as written (WORD_RE's: letters joined by inner apostrophes or hyphens) whose lower case is rare in
# English (Zipf below 3.0), and those known not to be: every sentence asks about each of its words, most of
# them met before. Filled as words are met, and emptied at _CACHE_LIMIT (a warm server reads without end).
_RARE_EN: set[str] = set()
_NOT_RARE_EN: set[str] = set()
_CACHE_LIMIT = 200_000


def _mostly_rare(words: list[str], share: float) -> bool:
    """Whether at least ``share`` of ``words`` are rare in English (lower-cased Zipf below 3.0). The words met
    before are counted first; the others are looked up only when they can change the answer."""
    if len(_RARE_EN) + len(_NOT_RARE_EN) > _CACHE_LIMIT:
        _RARE_EN.clear()
        _NOT_RARE_EN.clear()
    n = len(words)
    rare = sum(map(_RARE_EN.__contains__, words))
    if rare / n >= share:
        return True
    unseen = [w for w in words if w not in _RARE_EN and w not in _NOT_RARE_EN]
    if (rare + len(unseen)) / n < share:
        return False  # not even if every word not met before were rare
    for w in set(unseen):
        lw = w.lower()
        z = _zipf_table("en").get(lw)
        (_RARE_EN if (z if z is not None else _zipf(lw, "en")) < 3.0 else _NOT_RARE_EN).add(w)
    return sum(map(_RARE_EN.__contains__, words)) / n >= share


def _script_lang(lang: str) -> bool:
    return lang in ("ru", "uk", "bg", "sr", "zh", "ja", "ko", "ar", "fa", "ur", "hi", "bn", "el", "he", "th", "ta")
