"""Kept so that ``from prose_lint.checks.conclusion import DuplicatedConclusion, DuplicateText`` still works:
the rules are in duplicated_conclusion.py and duplicate_text.py (the registry loads those modules)."""

from prose_lint.checks.duplicate_text import DuplicateText
from prose_lint.checks.duplicated_conclusion import DuplicatedConclusion

__all__ = ["DuplicateText", "DuplicatedConclusion"]
