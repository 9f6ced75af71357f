"""prose-lint: a text-quality linter for manuscripts."""

__version__ = "0.1.0"
