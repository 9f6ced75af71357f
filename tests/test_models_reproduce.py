"""The learned weights that ship are what their scripts train from the repository as it is now.

The models' features are computed by the rules' own analysis (sentences, units, alignment), so a change to
that analysis silently turns a shipped model into one nobody can rebuild: both had drifted before this test
existed. Each script is rerun here and compared with the file in rules/models/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=1200, env=env, cwd=ROOT)


def test_contradiction_scorer_reproduces(tmp_path):
    out = tmp_path / "contradiction.json"
    run = _run([str(ROOT / "scripts" / "train-contradiction"), "--seed", "14", "--threshold", "0.7", "--out", str(out)])
    assert run.returncode == 0, run.stderr[-2000:]
    fresh = json.loads(out.read_text(encoding="utf-8"))
    shipped = json.loads((ROOT / "rules" / "models" / "contradiction.json").read_text(encoding="utf-8"))
    fresh.pop("date", None)
    shipped.pop("date", None)
    assert fresh == shipped, "rules/models/contradiction.json is not what scripts/train-contradiction trains now"


def test_boilerplate_classifier_reproduces():
    sys.path.insert(0, str(ROOT / "benchmarks" / "quality"))
    import sources

    if not sources.DATA.is_dir():  # the training pages live in ../shared/data, as for the quality guard
        if os.environ.get("CI"):
            raise RuntimeError(f"{sources.DATA} is missing: the boilerplate model is trained from it")
        pytest.skip(f"{sources.DATA} not found (set PROSE_LINT_SHARED)")
    run = _run([str(ROOT / "scripts" / "train-boilerplate"), "--check"])
    assert run.returncode == 0, "rules/models/boilerplate.json is not what scripts/train-boilerplate trains now:\n" \
        + run.stderr[-2000:]


def test_off_topic_model_reproduces():
    """rules/lexicons/off_topic.toml [change_point.model]: the fitted weights (the bias and the length terms)
    are what scripts/calibrate-off-topic fits now (the length terms from the licence-clean fit set, the
    threshold, hence the bias, calibrated on the tune split of the evaluation corpus)."""
    quality = ROOT / "benchmarks" / "out" / "quality"
    if not (quality / "tune" / "cases.jsonl").is_file():  # a fresh clone (CI): build it, as the guard builds test
        sys.path.insert(0, str(ROOT / "benchmarks" / "quality"))
        import build
        import sources

        if not sources.DATA.is_dir():
            if os.environ.get("CI"):
                raise RuntimeError(f"{sources.DATA} is missing: the off-topic weights are fitted from it")
            pytest.skip(f"{sources.DATA} not found (set PROSE_LINT_SHARED)")
        assert build.main(["--split", "tune", "--out", str(quality)]) == 0
    run = _run([str(ROOT / "scripts" / "calibrate-off-topic"), "--jobs", "2", "--check"])
    assert run.returncode == 0, "rules/lexicons/off_topic.toml is not what scripts/calibrate-off-topic fits now:\n" \
        + run.stderr[-2000:]


def test_off_topic_fit_set_is_licence_clean():
    """The off-topic weights are fitted only on documents whose licence lets them ship (Apache-2.0, public
    domain): never on the tune split's Dragnet (AGPL) or L3S (research-only) records, nor CleanEval (none)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import off_topic_fit_set as fit_set

    if not (fit_set.SHARED / "data" / "webpages").is_dir():
        pytest.skip(f"{fit_set.SHARED} not found (set PROSE_LINT_SHARED)")
    licence = {}
    for line in (fit_set.SHARED / "data" / "webpages" / "labels.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        licence["web:" + Path(r["file"]).stem] = r["license"]
    for line in (fit_set.SHARED / "data" / "longform" / "index.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        licence["long:" + r["id"]] = r["license"]
    docs = fit_set.documents()
    assert len(docs) > 50
    for key, _text in docs:
        # never a presidential address: the test split's hosts are inaugural and State of the Union addresses
        assert not key.startswith("long:"), key
        if key.startswith("clean:"):  # SOURCES.md rows: Gutenberg essays, 18F (US gov.)
            assert key.split(":")[1].startswith(("essay", "report")), key
        else:
            assert "Apache-2.0" in licence[key] or "public domain" in licence[key], (key, licence[key])
    assert not any("dragnet" in k or "l3s" in k or "cleaneval" in k for k, _ in docs)
