"""self-contradiction: seed rows, held-out positives/negatives, related location, NLI plumbing.

HELD_OUT_* were written after the rule's tests were fixed on tests/cases/self-contradiction.toml and were
not used to tune it. Run `python tests/test_contradiction.py` to print recall and precision.
"""

from __future__ import annotations

import pytest

from prose_lint.config import RuleSettings, Settings
from prose_lint.checks import contradiction
from prose_lint.engine import Linter
from prose_lint.positions import LineIndex
from prose_lint.source import Source
from seedutil import clean_files, lint, lines_of, matches, seed_path

RULE = "self-contradiction"

# (text, the later sentence that must be flagged)
HELD_OUT_POSITIVE = [
    ("Fjordtek was established in 1987 in Oslo by two marine engineers.\n\n"
     "The firm builds sensors for fish farms and offshore platforms.\n\n"
     "Fjordtek, which was established in 1991, employs three hundred people.\n",
     "Fjordtek, which was established in 1991"),
    ("The new vaccine reduced hospital admissions by 40 percent among people over seventy.\n\n"
     "The trial ran in twelve hospitals over two winters.\n\n"
     "The vaccine had no measurable impact on hospital admissions.\n",
     "The vaccine had no measurable impact"),
    ("Unemployment in the region fell sharply over the decade as new factories opened.\n\n"
     "Wages, however, stagnated for most workers.\n\n"
     "Unemployment in the region rose sharply over the decade as new factories opened.\n",
     "Unemployment in the region rose sharply"),
    ("Flooding struck the village in three consecutive springs, destroying the bridge and the school.\n\n"
     "Residents raised money for a new embankment.\n\n"
     "The village has never experienced flooding.\n",
     "The village has never experienced flooding."),
    ("Regular exercise lowers blood pressure in older adults with mild hypertension.\n\n"
     "The effect was similar in men and women.\n\n"
     "Regular exercise does not lower blood pressure in older adults with mild hypertension.\n",
     "Regular exercise does not lower blood pressure"),
    ("Pollution from the nearby factories has spread across the lake, and fish stocks have collapsed.\n\n"
     "Local anglers formed an association to monitor the water.\n\n"
     "The lake is completely free of pollution.\n",
     "The lake is completely free of pollution."),
    ("The dock workers' union supported the merger from the start because it protected pensions.\n\n"
     "The two companies signed the agreement in March.\n\n"
     "The dock workers' union opposed the merger from the start because it protected pensions.\n",
     "The dock workers' union opposed the merger"),
    ("Armed violence has increased in the border districts, where rival gangs fight over smuggling routes.\n\n"
     "The government sent additional police units to the border districts.\n\n"
     "The border districts are totally violence-free.\n",
     "The border districts are totally violence-free."),
]
HELD_OUT_NEGATIVE = [
    "Exports increased in the first quarter. However, imports decreased as the currency weakened.\n",
    "Inflation rose in 2021. Inflation fell in 2023 after the central bank raised rates.\n",
    "The minister insisted that the country is completely debt-free. Public debt has grown for a decade.\n",
    "The drug did not reduce mortality in the first trial. In a larger trial published later, the drug reduced "
    "mortality by a fifth.\n",
    "Opponents argue that the plan had no effect on rents. The plan lowered rents in the old town by 5%.\n",
    "The school was founded in 1905. Its library was founded in 1932 with a gift from a former pupil.\n",
    "Some people think the island is malaria-free. Malaria cases are reported on the island every year.\n",
    "Poverty has declined in the cities. Poverty has not declined in the countryside.\n",
    "The bridge was never finished. The road to the bridge was finished in 1932.\n",
    "Crime rose in the suburbs. Crime fell in the city centre.\n",
]


def run(text: str, **options):
    settings = Settings(select=[RULE])
    if options:
        settings.rules[RULE] = RuleSettings(options=options)
    result = Linter(settings).lint_source(Source("doc.txt", text))
    return result


def diags(text: str, **options):
    result = run(text, **options)
    assert result.error is None, result.error
    return [d for d in result.diagnostics if d.rule == RULE]


# -- seeds ---------------------------------------------------------------
def test_seed_000_extremism_free_claim():
    result = lint(seed_path("000"), [RULE])
    found = matches(result, 192, 210, RULE)
    assert len(found) == 1
    d = found[0]
    assert "extremism-free" in d.message
    # The earlier statement is a related location on a line that says terrorism/extremism exists.
    (rel,) = d.related
    line = LineIndex(result.text).line_col(rel.start)[0]
    assert line < 192
    assert f"line {line}" in d.message
    earlier = result.text[rel.start:rel.end].lower()
    assert "terrorism" in earlier or "extremis" in earlier
    assert 0 < d.properties["confidence"] <= 1


def test_seed_000_has_no_other_contradiction():
    assert lines_of(lint(seed_path("000"), [RULE]), RULE) == [192]


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_no_contradiction_in_other_seeds(seed):
    assert lines_of(lint(seed_path(seed), [RULE]), RULE) == []


def test_clean_corpus_has_no_contradiction():
    found = {p.name: lines_of(lint(p, [RULE]), RULE) for p in clean_files()}
    assert {k: v for k, v in found.items() if v} == {}


# -- held-out cases --------------------------------------------------------
def evaluate():
    found = total = correct = 0
    for text, later in HELD_OUT_POSITIVE:
        ds = diags(text)
        at = text.index(later)
        hit = [d for d in ds if d.start <= at < d.end or d.start == at]
        found += bool(hit)
        total += len(ds)
        correct += len(hit)
    false = sum(len(diags(text)) for text in HELD_OUT_NEGATIVE)
    return found, total + false, correct


def test_held_out_recall_and_precision():
    found, total, correct = evaluate()
    assert found >= 5, f"held-out recall {found}/{len(HELD_OUT_POSITIVE)}"
    assert correct == total, f"precision {correct}/{total}"


def test_diagnostic_is_on_the_later_sentence_with_the_earlier_as_related():
    text = ("Fjordtek was established in 1987 in Oslo.\n\nIt makes sensors for fish farms.\n\n"
            "Fjordtek, which was established in 1991, is growing.\n")
    (d,) = diags(text)
    assert text[d.start:d.end].startswith("Fjordtek, which was established in 1991")
    (rel,) = d.related
    assert text[rel.start:rel.end] == "Fjordtek was established in 1987 in Oslo."
    assert "1987" in d.message and "1991" in d.message


def test_max_reports_option():
    text = "".join(t for t, _ in HELD_OUT_POSITIVE[:4]).replace("\n\n", "\n\n")
    assert len(diags(text)) >= 2
    assert len(diags(text, max_reports=1)) == 1


def test_degenerate_documents():
    for text in ("", "\x00", "No.", "It is not.\r\nIt is.\r\n", "x " * 3000, "Never.\n" * 500):
        assert diags(text) == []


# -- NLI plumbing (a tiny scorer object; the transformers path is optional) --------------
class KeywordScorer:
    """Says 'contradiction' when exactly one of the two sentences contains 'green'."""

    def __init__(self):
        self.calls = []

    def contradiction(self, pairs):
        self.calls.append(list(pairs))
        return [1.0 if ("green" in p) != ("green" in h) else 0.0 for p, h in pairs]


NLI_TEXT = ("The old harbour bridge is painted blue by volunteers every spring.\n\n"
            "Tourists like the view of the fishing boats.\n\n"
            "The old harbour bridge is painted green by volunteers every spring.\n")


def test_nli_scorer_finds_what_the_explicit_tests_cannot():
    assert diags(NLI_TEXT) == []  # blue/green: no test fires (not antonyms, not a negation or a figure)
    scorer = KeywordScorer()
    contradiction.register_scorer("tiny-test-model", scorer)
    try:
        (d,) = diags(NLI_TEXT, nli_model="tiny-test-model", nli_threshold=0.5)
    finally:
        contradiction._SCORERS.pop("tiny-test-model", None)
    assert "green" in NLI_TEXT[d.start:d.end]
    assert d.properties["test"] == "natural-language inference model"
    # Only candidate pairs from the index are scored: never all pairs.
    assert sum(len(c) for c in scorer.calls) == 1


def test_nli_threshold_is_respected():
    contradiction.register_scorer("tiny-test-model-2", KeywordScorer())
    try:
        assert diags(NLI_TEXT, nli_model="tiny-test-model-2", nli_threshold=1.5) == []
    finally:
        contradiction._SCORERS.pop("tiny-test-model-2", None)


def test_nli_model_configured_but_unavailable_is_a_one_line_error(tmp_path):
    result = run(NLI_TEXT, nli_model=str(tmp_path / "no-such-model"))
    assert result.error is not None
    assert "self-contradiction" in result.error and "\n" not in result.error
    contradiction._SCORERS.pop(str(tmp_path / "no-such-model"), None)


if __name__ == "__main__":
    f, t, c = evaluate()
    print(f"held-out: recall {f}/{len(HELD_OUT_POSITIVE)}, precision {c}/{t}")
    for text, later in HELD_OUT_POSITIVE:
        print(bool(diags(text)), later)
    for text in HELD_OUT_NEGATIVE:
        for d in diags(text):
            print("FP:", text[d.start:d.end], "|", d.message)


def test_transformers_backend_plumbing_with_stand_in_modules(monkeypatch, tmp_path):
    """TransformersNLI: label lookup, batching and softmax, with tiny stand-ins for torch/transformers
    (the real libraries are an optional extra and are not installed in the test environment)."""
    import contextlib
    import sys
    import types

    import numpy as np

    class Tensor:
        def __init__(self, a):
            self.a = np.asarray(a, dtype=float)

        def __getitem__(self, key):
            return Tensor(self.a[key])

        def __iter__(self):
            return iter(self.a.tolist())

    torch = types.ModuleType("torch")
    torch.no_grad = contextlib.nullcontext
    torch.softmax = lambda t, dim=-1: Tensor(np.exp(t.a) / np.exp(t.a).sum(axis=dim, keepdims=True))

    class Tokenizer:
        @classmethod
        def from_pretrained(cls, path, local_files_only=False):
            assert local_files_only, "must never download"
            return cls()

        def __call__(self, premises, hypotheses, **kwargs):
            return {"pairs": list(zip(premises, hypotheses))}

    class Model:
        config = types.SimpleNamespace(id2label={0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"})
        batches = []

        @classmethod
        def from_pretrained(cls, path, local_files_only=False):
            assert local_files_only
            return cls()

        def eval(self):
            return self

        def __call__(self, pairs):
            Model.batches.append(len(pairs))
            logits = [[0.0, 0.0, 5.0] if ("green" in p) != ("green" in h) else [5.0, 0.0, 0.0]
                      for p, h in pairs]
            return types.SimpleNamespace(logits=Tensor(logits))

    transformers = types.ModuleType("transformers")
    transformers.AutoTokenizer = Tokenizer
    transformers.AutoModelForSequenceClassification = Model
    monkeypatch.setitem(sys.modules, "torch", torch)
    monkeypatch.setitem(sys.modules, "transformers", transformers)

    scorer = contradiction.TransformersNLI(str(tmp_path), batch_size=2)
    assert scorer.index == 2
    probs = scorer.contradiction([("a", "b green"), ("a", "b"), ("green", "green"), ("x", "green")])
    assert Model.batches == [2, 2]
    assert probs[0] > 0.95 and probs[1] < 0.05 and probs[2] < 0.05 and probs[3] > 0.95
    model = str(tmp_path)
    try:
        contradiction._SCORERS.pop(model, None)
        (d,) = diags(NLI_TEXT, nli_model=model, nli_threshold=0.9)
        assert "green" in NLI_TEXT[d.start:d.end]
    finally:
        contradiction._SCORERS.pop(model, None)
