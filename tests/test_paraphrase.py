"""duplicate-text's paraphrase test: when the embedding model is loaded, and the candidate index.

Rule cases (restated paragraph and sentence, one-topic paragraphs, an announced recap) are in
tests/cases/duplicate-text.toml; the calibration is benchmarks/paraphrase_eval.py."""

from __future__ import annotations

import subprocess
import sys

from prose_lint.checks import paraphrase
from prose_lint.checks.duplication_common import structure
from prose_lint.parse import parse_source
from prose_lint.source import Source

_LOADED = """
from prose_lint import embeddings
from prose_lint.config import RuleSettings, Settings
from prose_lint.engine import Linter
from prose_lint.source import Source
from prose_lint.warmup import warm_up

settings = Settings(select=[{rules}], no_grammar=True)
settings.rules["duplicate-text"] = RuleSettings(options={{"paraphrase": {paraphrase}}})
linter = Linter(settings)
{action}
print(embeddings.loaded())
"""


def _model_loaded(rules: str, paraphrase_on: bool, action: str) -> bool:
    code = _LOADED.format(rules=rules, paraphrase=paraphrase_on, action=action)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.split()[-1] == "True"


def test_warm_up_loads_the_model_only_when_a_selected_rule_needs_it():
    """The pool (a --no-server run) calls warm_up before forking its workers."""
    assert not _model_loaded('"duplicate-text"', False, "warm_up(linter)")
    assert not _model_loaded('"stray-token"', True, "warm_up(linter)")
    assert _model_loaded('"duplicate-text"', True, "warm_up(linter)")


def test_a_document_without_candidate_pairs_does_not_load_the_model():
    text = "A short note about the weather. It rained all day in the valley and the roads were closed.\n"
    assert not _model_loaded('"duplicate-text"', True, f"linter.lint_source(Source('a.txt', {text!r}))")


def test_one_topic_words_are_not_candidates():
    """A word in more than ``paraphrase_postings`` units is a topic word: twenty paragraphs on one harbour
    that share only topic words give no candidate pair, so no embedding is computed."""
    paras = [f"The harbour at Portlew handled ships and boats in year {1800 + n}, when the quay, the harbour "
             f"wall and the lighthouse were repaired by workers number {n}. Trade at the harbour grew." for n in range(20)]
    doc = parse_source(Source("h.txt", "\n\n".join(paras) + "\n"))
    units = paraphrase.units(doc, structure(doc), set())
    assert len(units) >= 20
    assert paraphrase.candidates(units, 3, 0.3, 4) == []
