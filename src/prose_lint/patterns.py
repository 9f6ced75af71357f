"""The one glob matcher: ``exclude``/``extend-exclude`` and ``per-file-ignores`` patterns mean the same.

Gitignore-style, as ruff's are, so that a pattern a user already knows from .gitignore means what they
expect in both keys (before, "drafts" excluded a drafts/ directory at any depth but per-file-ignores
"drafts" applied only to the top-level one). ``include`` patterns use it too, ignoring case (walk.py).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path, PurePath

# What docs/configuration.md says about the patterns (options.render_markdown).
SEMANTICS = """\
`include`, `extend-include`, `exclude`, `extend-exclude` and the keys of `per-file-ignores` are gitignore-style
patterns (`include`'s ignoring case), matched
against paths relative to the directory of the config file that declares them (as ruff does):

- a pattern without a `/` (other than a trailing one) matches a file or directory name at any depth:
  `drafts` excludes every `drafts/` directory and, in `per-file-ignores`, applies to every file under one;
  `*.txt` matches text files anywhere;
- a pattern with a `/` is anchored at the config file's directory: `docs/drafts` or `/CHANGELOG.md`;
- a pattern that matches a directory matches everything below it;
- a trailing `/` matches directories only: `drafts/`;
- `*` and `?` do not cross a `/`; `**` does: `docs/**/*.md`;
- `!` (negation) is not supported."""


@lru_cache(maxsize=1024)
def _compiled(pattern: str):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([pattern])


def relative(path: str | os.PathLike, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form; as given when it lies outside ``root``."""
    absolute = os.path.abspath(path)
    try:
        return Path(absolute).relative_to(root).as_posix()
    except ValueError:
        return PurePath(path).as_posix()


def matches(rel: str, pattern: str, is_dir: bool = False) -> bool:
    """Whether ``rel`` (a path from ``relative``) or a directory above it matches ``pattern``."""
    return _compiled(pattern).match_file(rel + "/" if is_dir else rel)


def matches_any(rel: str, patterns, is_dir: bool = False) -> bool:
    return any(matches(rel, pattern, is_dir) for pattern in patterns)
