"""The language of a document or a passage: lingua's detectors (one per set of candidate languages) and the
whole-document test that wrong-language, mixed-language and foreign-word share."""

from __future__ import annotations

from typing import Any

from prose_lint.checks.stray_token.common import _WORD_RE, _primary, _zipf
from prose_lint.checks.stray_token.scripts import _ANY_SCRIPT
from prose_lint.document import Document
from prose_lint.rule import RuleContext

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
