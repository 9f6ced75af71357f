"""The rare tokens of a document's prose, which nonsense-word and ocr-garbage examine, and how often each
token occurs: computed once per document (Document.memo) and shared by both rules."""

from __future__ import annotations

from collections import Counter

from prose_lint.analysis import TOKEN_RE
from prose_lint.checks.stray_token.common import _inside, _zipf, _zipf_table
from prose_lint.checks.stray_token.token_context import _defined_after, _label_line
from prose_lint.document import Document

# characters that glue a token to an identifier, a path, a handle or markup
# (curly braces are never prose punctuation: "{xyzzy}" is a term marked up as a cross-reference)
_GLUE_BEFORE = frozenset("/\\_@#=+&<>$%~*^|`{")
_GLUE_AFTER = frozenset("/\\_@=+&<>(%*^|`}")
_MAX_ZIPF = 3.5  # rare: English Zipf below this

# Tokens, as written, that neither rule can report, whatever their context: shorter than three characters;
# not ASCII, or with two digits or more, or joined by a hyphen or an apostrophe without a digit (both rules
# drop those at once; ocr-garbage's corrections are letters only); frequent English in lower case (Zipf
# >= _MAX_ZIPF). Most tokens of any text are, and one set lookup lets them leave before any other test.
# Filled as tokens are met, and emptied at _CACHE_LIMIT: a warm server reads codes and numbers without end.
_NOT_CANDIDATES: set[str] = set()
_CACHE_LIMIT = 200_000


def _tokens(doc: Document) -> list[tuple[object, object, bool]]:
    """(match, block, sentence_initial) for every rare word-or-code token of the prose that stands
    alone: not glued to a path, an identifier, a handle or markup, not in references, code or italics.
    Rare: English Zipf below 3.5, ASCII, at most one digit (and hyphens or apostrophes only with it).
    nonsense-word and ocr-garbage look at no other token. Computed once per document."""
    return doc.memo("stray-token/rare-tokens", _rare_tokens)


def _rare_tokens(doc: Document) -> list[tuple[object, object, bool]]:
    text = doc.text
    prose = doc.prose
    # italics and inline code: a token inside either is spared (one list, one bisection per token)
    masked = doc.italic_spans + (doc.inline_code_spans if "`" in text else [])
    english = _zipf_table("en")
    if len(_NOT_CANDIDATES) > _CACHE_LIMIT:
        _NOT_CANDIDATES.clear()
    not_candidates = _NOT_CANDIDATES
    out = []
    for block in doc.prose_blocks:
        if block.kind == "code" or doc.in_role(block, "references"):
            continue
        for s, e in doc.sentences(block):
            # the sentence's first token is its first match (TOKEN_RE matches no empty string)
            for k, m in enumerate(TOKEN_RE.finditer(prose, s, e)):
                w = m.group()
                if w in not_candidates:
                    continue
                digits = sum(map(str.isdigit, w))
                if len(w) < 3 or not w.isascii() or digits > 1 or not digits and not w.isalpha():
                    not_candidates.add(w)
                    continue
                lw = w.lower()
                z = english.get(lw)
                if z is None:
                    z = _zipf(lw, "en")
                if z >= _MAX_ZIPF:
                    not_candidates.add(w)
                    continue
                a, b = m.start(), m.end()
                if _spared(doc, text, block, a, b, w, masked):
                    continue
                out.append((m, block, k == 0))  # sentence-initial
    return out


def _spared(doc: Document, text: str, block, a: int, b: int, w: str, masked) -> bool:
    """The rare token text[a:b] is part of something else or marked as no prose word."""
    before = text[a - 1] if a > 0 else " "
    after = text[b] if b < len(text) else " "
    if before in _GLUE_BEFORE or after in _GLUE_AFTER:
        return True
    if (after in ".:!" and b + 1 < len(text) and text[b + 1].isalnum()) or \
            (before in ".:!" and a > 1 and text[a - 2].isalnum()):
        return True  # file.txt, www.example, 10:30, a mail path uiucdcs!hummel
    if before in "-'’" or after in "-'’":
        return True  # inside a compound or an elision the tokenizer split
    if before == "." and (a < 2 or text[a - 2].isspace()):
        return True  # a dotfile: .cshrc, .profile
    if _defined_after(text, b, w):
        return True  # an abbreviation spelled out right after it: "the qotc (quote of the con)"
    if after == ":" and not doc.prose[block.start : a].strip():
        return True  # a label opening its paragraph ("dhcpd: DHCP server configuration")
    if masked and _inside(a, b, masked):
        return True
    return _label_line(text, a, b)


def _counts(doc: Document) -> dict[str, int]:
    """How often each token (lower case) occurs in the whole text, code included."""
    return doc.memo("stray-token/token-counts", _count_tokens)


def _count_tokens(doc: Document) -> dict[str, int]:
    return Counter(map(str.lower, TOKEN_RE.findall(doc.text)))
