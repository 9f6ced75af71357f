"""Grammar and spelling by LanguageTool (``grammar/<LT_RULE_ID>``, ``spelling/<LT_RULE_ID>``).

Both rules share one LanguageTool call per document through the Linter's
``LanguageToolService`` (``RuleContext.languagetool``); all the machinery
(install, daemon, remote servers, cache, positions) is in
``prose_lint.languagetool``. This module imports none of it until a check runs.
"""

from __future__ import annotations

import re
import sys
from typing import Iterable

from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.document import Document
from prose_lint.rule import Rule, RuleContext

MAX_SUGGESTIONS = 3


class _LanguageToolRule(Rule):
    scope = "document"
    dynamic_details = True
    spelling = False

    def __init__(self) -> None:
        self._rule_ids = None  # ruleids.RuleIds, made when ids are first checked

    def prepare(self, doc: Document, ctx: RuleContext) -> bool:
        _service(ctx).prefetch(doc, ctx.vocabulary)
        return True

    def known_details(self, language: str, compute: bool = True) -> frozenset[str] | None:
        """Every id of the installed LanguageTool, both families (``grammar/X``, ``spelling/Y``), so that
        a detail under the wrong family is unknown but its closest id is the right one."""
        if self._rule_ids is None:
            from prose_lint.languagetool.ruleids import RuleIds

            self._rule_ids = RuleIds()
        return self._rule_ids.known(language, compute)

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Diagnostic]:
        for m in _service(ctx).matches(doc, ctx.vocabulary):
            if m.spelling != self.spelling:
                continue
            message = m.message.strip() or "LanguageTool: possible problem"
            if m.spelling:
                message = spelling_message(message, doc.text[m.start:m.end], m.replacements)
            if m.occurrences > 1:
                message += f" ({m.occurrences} occurrences in this document; reported once)"
            properties = {"languagetool_rule": m.rule_id, "category": m.category, "category_name": m.category_name,
                          "issue_type": m.issue_type}
            if m.sub_id:
                properties["languagetool_sub_id"] = m.sub_id
            if m.occurrences > 1:
                properties["occurrences"] = m.occurrences
            yield ctx.diagnostic(m.start, m.end, message, rule=sys.intern(f"{self.id}/{m.rule_id}"),
                                 suggestions=[r for r in m.replacements[:MAX_SUGGESTIONS] if r],
                                 properties=properties)


def _service(ctx: RuleContext):
    """The Linter's LanguageTool service; a context made without a Linter (a test, a tool) gets its own."""
    if ctx.languagetool is None:
        from prose_lint.languagetool.service import LanguageToolService

        ctx.languagetool = LanguageToolService(ctx.settings.get("languagetool"))
    return ctx.languagetool


_GENERIC_SPELLING = re.compile(r"^(Possible (?:spelling|typo)(?: mistake)?)(?: found)?\.?$", re.I)


def spelling_message(message: str, word: str, replacements: Iterable[str]) -> str:
    """Name the flagged word, and the first suggestions, in a spelling message that does not:
    LanguageTool's ``Possible spelling mistake found.`` becomes
    ``Possible spelling mistake: "recieve" (suggestions: receive, relieve)``. A message that already
    quotes the word ("'organisation' is British English.") is kept."""
    word = " ".join(word.split())
    if not word or word.casefold() in message.casefold():
        return message
    generic = _GENERIC_SPELLING.match(message)
    head = generic.group(1) if generic else message.rstrip(" .")
    shown = [r for r in replacements if r][:MAX_SUGGESTIONS]
    tail = f" (suggestions: {', '.join(shown)})" if shown else ""
    return f'{head}: "{word}"{tail}'


class Grammar(_LanguageToolRule):
    """Grammar, punctuation, casing and style problems found by LanguageTool.

    Every LanguageTool rule except the spelling rules is reported as
    ``grammar/<LT_RULE_ID>`` (e.g. ``grammar/UPPERCASE_SENTENCE_START``,
    ``grammar/EN_UNPAIRED_BRACKETS``) with LanguageTool's message, its first
    replacements as suggestions, and its category and rule id as properties.
    Select or ignore single LanguageTool rules like any rule id
    (``ignore = ["grammar/COMMA_COMPOUND_SENTENCE"]``), or turn them off in
    LanguageTool itself (faster; also works for categories)::

        [tool.prose-lint.languagetool]
        extend-disabled-rules = ["COMMA_COMPOUND_SENTENCE"]
        disabled-categories = ["TYPOGRAPHY"]
        level = "picky"            # more rules

    What LanguageTool sees: every prose block (paragraphs, list items,
    headings, table cells) as annotated text; markup (emphasis markers, link
    targets, HTML tags, footnote marks ``<sup>1</sup>``, inline code, URLs,
    e-mail addresses) is passed as markup, so nothing is reported inside it
    and every position is the exact source position. Defaults for
    manuscripts: LanguageTool rules that only fire on removed markup or on
    headings and table cells are off (``WHITESPACE_RULE``,
    ``CONSECUTIVE_SPACES``, ``COMMA_PARENTHESIS_WHITESPACE``,
    ``PUNCTUATION_PARAGRAPH_END``, ``UNLIKELY_OPENING_PUNCTUATION`` and a few
    more: ``prose_lint.languagetool.settings.DEFAULT_DISABLED_RULES``);
    ``disabled-rules = [...]`` replaces that list.

    Where LanguageTool runs: by default a local LanguageTool server
    (``prose-lint languagetool install`` once; the first check starts a
    daemon on 127.0.0.1 that later runs reuse and that stops after
    ``idle-timeout`` minutes). ``server = "https://lt.example.org"`` (or
    ``PROSE_LINT_LANGUAGETOOL_SERVER``) uses a team's server instead;
    ``servers = [...]`` spreads requests over several. Results are cached per
    paragraph in the user cache dir, so re-checking a file sends only the
    paragraphs that changed. If LanguageTool cannot check a file (not
    installed, no Java, server down after one retry), the file gets an error
    (exit 2), never an empty result. See docs/languagetool.md.
    """

    id = "grammar"
    severity = Severity.WARNING


class Spelling(_LanguageToolRule):
    """Misspelled words found by LanguageTool's spell checker (``spelling/MORFOLOGIK_RULE_EN_US`` ...).

    LanguageTool's spelling rules (issue type "misspelling") are reported as
    ``spelling/<LT_RULE_ID>``, with its suggestions. The message names the
    word and the first suggestions (LanguageTool's ``Possible spelling mistake
    found.`` becomes ``Possible spelling mistake: "recieve" (suggestions:
    receive, relieve)``). For manuscripts full of names:

    - a misspelled word is reported once per document, at its first
      occurrence, with the number of occurrences ("Marwat ... 2 occurrences;
      reported once") - recurring names (Pakhtunkhwa, Shehbaz) do not flood the
      output;
    - words in the project vocabulary file (``vocabulary = "words.txt"`` in
      ``[tool.prose-lint]``, one word per line) are accepted, with or without a
      possessive ``'s``.

    The LanguageTool HTTP API has no per-request word list, so the vocabulary
    is applied to LanguageTool's spelling matches before they are reported.
    Turn spelling off with ``ignore = ["spelling"]``. British or American: with
    the default ``language = "en"`` each document is checked as en-GB or en-US
    by its own spellings (colour/color, -ise/-ize, metre/meter...,
    ``rules/lexicons/english_variants.toml``); ``language = "en-GB"`` (or
    ``"en-US"``) forces one.
    """

    id = "spelling"
    severity = Severity.WARNING
    spelling = True


RULES = (Grammar, Spelling)
