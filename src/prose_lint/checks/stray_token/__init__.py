"""stray-token: tokens that do not belong in the running text.

Foreign function words, converter residue (escapes, entities, tags, emphasis
markers, mojibake), orphan codes, unpaired brackets and quotes, runs of
another language or script, and paragraphs broken by a page break.

Heavy libraries (wordfreq, lingua, ftfy) are imported inside ``check()`` and
their models are cached in module globals; this module imports only the
standard library.
"""

from prose_lint.checks.stray_token.brackets import UnpairedBracket
from prose_lint.checks.stray_token.broken_paragraph import BrokenParagraph
from prose_lint.checks.stray_token.foreign_word import ForeignWord
from prose_lint.checks.stray_token.language import MixedLanguage, WrongLanguage
from prose_lint.checks.stray_token.mojibake import Mojibake
from prose_lint.checks.stray_token.nonsense import NonsenseWord
from prose_lint.checks.stray_token.ocr import OcrGarbage
from prose_lint.checks.stray_token.orphan import OrphanCode
from prose_lint.checks.stray_token.orphan_token import OrphanToken
from prose_lint.checks.stray_token.markup_residue import HtmlEntity, HtmlTag, UnpairedEmphasis
from prose_lint.checks.stray_token.residue import EscapeResidue

RULES = (
    ForeignWord,
    EscapeResidue,
    HtmlEntity,
    HtmlTag,
    UnpairedEmphasis,
    Mojibake,
    NonsenseWord,
    OcrGarbage,
    OrphanToken,
    OrphanCode,
    UnpairedBracket,
    MixedLanguage,
    WrongLanguage,
    BrokenParagraph,
)
