"""Runs of another language or script, and documents wholly in another language."""

from __future__ import annotations

from typing import Any, Iterator

from prose_lint.checks.stray_token.common import (
    _WORD_RE,
    _inside,
    _preload,
    _primary,
    _quote_spans,
    _zipf,
    _zipf_table,
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

_LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "nl": "Dutch", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "sr": "Serbian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "fa": "Persian", "ur": "Urdu",
    "hi": "Hindi", "bn": "Bengali", "el": "Greek", "he": "Hebrew", "tr": "Turkish", "pl": "Polish",
    "sv": "Swedish", "da": "Danish", "nb": "Norwegian", "fi": "Finnish", "cs": "Czech", "ro": "Romanian",
    "hu": "Hungarian", "th": "Thai", "vi": "Vietnamese", "id": "Indonesian", "ta": "Tamil", "ca": "Catalan",
}

_DETECTORS: dict[tuple[str, ...], Any] = {}  # one detector per set of candidate languages


def _detector(codes: tuple[str, ...]):
    if codes not in _DETECTORS:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        langs = []
        for code in codes:
            try:
                langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
            except (AttributeError, ValueError):
                continue
        _DETECTORS[codes] = (LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()
                             if len(langs) >= 2 else None)
    return _DETECTORS[codes]


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
    """(language, share) when the whole document is in another language than doc.language, else None.
    Computed once per document (Document.memo), for foreign-word, mixed- and wrong-language."""
    return doc.memo("stray-token/document-language", _detect_document_language)


def _detect_document_language(doc: Document) -> tuple[str, float] | None:
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
    letters = sum(map(str.isalpha, text))
    if letters < 200:
        return None
    # _script() is not None exactly for the letters that _ANY_SCRIPT finds
    foreign_script = sum(map(str.isalpha, _ANY_SCRIPT.findall(text))) / letters
    if expected in ("en", "fr", "de", "nl", "es", "it", "pt", "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu",
                    "tr", "id", "vi", "ca") and foreign_script > 0.5:
        lang, _ = _detect(text[:3000], tuple(_DETECT_LANGUAGES))
        return lang or "?", foreign_script
    if foreign_script < 0.1 and expected == "en":
        # cheap test first: most words of an English text are common English words
        words = [w.lower() for w in _WORD_RE.findall(text[:3000])][:400]
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
            return lang, votes / total
    return None


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
            words = [w.lower() for w in _WORD_RE.findall(doc.prose, s, e)]
            if len(words) < opts["min_words_latin"]:
                continue
            # cheap prefilter: enough words that are rare in English
            known = _zipf_table("en")
            rare = 0
            for w in words:
                w = w.strip("'’-")
                z = known.get(w)
                rare += (z if z is not None else _zipf(w, "en")) < 3.0
            if rare / len(words) < 0.4:
                continue
            if quotes is None:
                quotes = _quote_spans(doc.text, block.start, block.end)
                italics = doc.italic_spans
            if _inside(s, e, quotes) or _inside(s, e, italics):
                continue
            raw = _WORD_RE.findall(doc.prose, s, e)
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


def _script_lang(lang: str) -> bool:
    return lang in ("ru", "uk", "bg", "sr", "zh", "ja", "ko", "ar", "fa", "ur", "hi", "bn", "el", "he", "th", "ta")


# ----------------------------------------------------------------------------
# broken paragraphs

