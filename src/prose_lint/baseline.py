"""Baselines: record today's diagnostics so that only new ones are reported (``apply_baseline``, a step on
a check's results).

The file is JSON: {"version": 1, "fingerprints": {path: [fingerprint, ...]}}.
Fingerprints (fingerprint.py) survive edits elsewhere in the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from prose_lint.result import FileResult
from prose_lint.errors import ConfigError
from prose_lint.fingerprint import fingerprints
from prose_lint.positions import LineIndex
from prose_lint.source import WriteRefused, write_atomically


def _key(path: str) -> str:
    return Path(path).as_posix()


def load_baseline(path: Path) -> dict[str, set[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != 1 or not isinstance(data.get("fingerprints"), dict):
            raise ValueError("not a prose-lint baseline (version 1)")
        return {k: set(v) for k, v in data["fingerprints"].items()}
    except (OSError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc}") from None


def write_baseline(path: Path, results: list[FileResult], force: bool = False) -> int:
    data: dict[str, list[str]] = {}
    count = 0
    for result in results:
        if result.diagnostics:
            prints = fingerprints(result.text, LineIndex(result.text), result.diagnostics)
            data[_key(result.path)] = sorted(prints)
            count += len(prints)
    payload = json.dumps({"version": 1, "fingerprints": data}, indent=2, sort_keys=True) + "\n"
    try:
        write_atomically(str(path), payload.encode("utf-8"), force=force)
    except WriteRefused as exc:
        raise ConfigError(f"{exc}; baseline not written (--force-write writes it anyway)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return count


def filter_baseline(results: list[FileResult], baseline: dict[str, set[str]]) -> int:
    """Drop diagnostics recorded in the baseline; return how many were dropped."""
    dropped = 0
    for result in results:
        known = baseline.get(_key(result.path))
        if not known or not result.diagnostics:
            continue
        prints = fingerprints(result.text, LineIndex(result.text), result.diagnostics)
        kept = [d for d, fp in zip(result.diagnostics, prints) if fp not in known]
        dropped += len(result.diagnostics) - len(kept)
        result.diagnostics = kept
    return dropped


def apply_baseline(results: list[FileResult], path: Path, update: bool = False, force: bool = False) -> list[FileResult]:
    """``--baseline``: the first run (or ``--update-baseline``) records the results' diagnostics and reports
    none of them; later runs report only the diagnostics the file does not record."""
    if update or not path.exists():
        count = write_baseline(path, results, force=force)
        print(f"prose-lint: wrote {count} diagnostic(s) to baseline {path}", file=sys.stderr)
        for result in results:
            result.diagnostics = []
    else:
        filter_baseline(results, load_baseline(path))
    return results
