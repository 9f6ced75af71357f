"""Issue item 19: every SARIF helpUri points at a heading that exists in docs/rules.md.

Anchors are computed here independently of prose_lint, with GitHub's algorithm (github-slugger): lower case,
every character that is not a letter, mark, number, connector (``_``), hyphen or space removed, spaces
turned into hyphens, and ``-1``, ``-2`` appended to repeated headings. Headings inside fenced code blocks
(the rules' help texts) are not headings."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path
from urllib.parse import urldefrag

from output_fixture import fixture_results
from prose_lint.output.sarif import rule_descriptor, write_sarif
from prose_lint.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
DOC = "https://github.com/prose-lint/prose-lint/blob/main/docs/rules.md"


def _slug(heading: str) -> str:
    kept = "".join(ch for ch in heading.strip().lower()
                   if ch in "-_ " or unicodedata.category(ch)[0] in "LMN" or unicodedata.category(ch) == "Pc")
    return kept.replace(" ", "-")


def doc_anchors() -> set[str]:
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    fenced = False
    for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or not line.startswith("#"):
            continue
        hashes = len(line) - len(line.lstrip("#"))
        if hashes > 6 or not line[hashes:hashes + 1].isspace():
            continue
        slug = _slug(line[hashes:].strip().rstrip("#").strip())
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        anchors.add(slug if n == 0 else f"{slug}-{n}")
    return anchors


def _check(help_uri: str, anchors: set[str]) -> None:
    base, fragment = urldefrag(help_uri)
    assert base == DOC, help_uri
    assert fragment in anchors, f"{help_uri}: no heading #{fragment} in docs/rules.md"


def test_slug_matches_github_on_known_headings():
    assert _slug("stray-token/foreign-word") == "stray-tokenforeign-word"
    assert _slug("Rules") == "rules"
    assert _slug("What's new? (v2)") == "whats-new-v2"


def test_help_uris_of_fixture_diagnostics_resolve():
    anchors = doc_anchors()
    out = io.StringIO()
    write_sarif(fixture_results(), out, registry=load_registry())
    rules = json.loads(out.getvalue())["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"grammar/EN_TEST", "repeated-word", "self-contradiction", "wordy"}
    for rule in rules:
        _check(rule["helpUri"], anchors)


def test_help_uris_of_every_rule_and_dynamic_detail_resolve():
    anchors = doc_anchors()
    registry = load_registry()
    ids = [rule.id for rule in registry]
    ids += ["grammar/ENGLISH_WORD_REPEAT_RULE", "spelling/MORFOLOGIK_RULE_EN_US", "boilerplate/forum",
            "boilerplate/comment-form", "no-such-rule", "no-such-family/detail"]
    for rule_id in ids:
        _check(rule_descriptor(rule_id, registry)["helpUri"], anchors)
    for rule_id in ids:
        _check(rule_descriptor(rule_id, None)["helpUri"], anchors)
    # a detail of a family links to the family's own section, not merely the top of the page
    assert rule_descriptor("grammar/ENGLISH_WORD_REPEAT_RULE", registry)["helpUri"].endswith("#grammar")
    assert rule_descriptor("boilerplate/forum", registry)["helpUri"].endswith("#boilerplate")
