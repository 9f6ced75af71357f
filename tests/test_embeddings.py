"""The sentence-embedding model (prose_lint/embeddings.py): loaded from the installed wheel, never downloaded."""

from __future__ import annotations

import socket
import subprocess
import sys

import numpy as np
import pytest

from prose_lint import embeddings


def test_embedding_opens_no_socket(monkeypatch):
    """Load the model (a fresh instance, as a first use would) and embed with every network call failing."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(embeddings, "_MODEL", None)
    vectors = embeddings.embed(["The central bank raised interest rates.", "Monetary policy was tightened.",
                                "The striker scored twice in the cup final."])
    assert vectors.shape == (3, embeddings.DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # Meaning, not just words: the two sentences on monetary policy are closer than the football one.
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_no_network_in_a_fresh_process_offline():
    """In a new process with sockets disabled and no Hugging Face cache, the model still loads."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise SystemExit('network access attempted')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse\n"
        "from prose_lint import embeddings\n"
        "v = embeddings.embed(['hello world'])\n"
        "import sys; assert 'wordllama' not in sys.modules, 'the wordllama package was imported'\n"
        "print(v.shape)\n"
    )
    env = {"HOME": "/nonexistent", "HF_HOME": "/nonexistent", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "(1, 256)" in out.stdout


def test_empty_and_tokenless_texts_give_zero_rows():
    v = embeddings.embed(["", "word"])
    assert not v[0].any() and v[1].any()
    assert embeddings.embed([]).shape == (0, embeddings.DIM)


def test_spans_are_cached_per_document():
    from prose_lint.parse import parse_source
    from prose_lint.source import Source

    doc = parse_source(Source("d.md", "First paragraph about bonds.\n\nSecond paragraph about cooking.\n"),
                       "markdown", "en-US")
    spans = [(b.start, b.end) for b in doc.paragraphs]
    a = embeddings.embed_spans(doc, spans)
    b = embeddings.embed_spans(doc, spans[::-1])
    assert np.array_equal(a[::-1], b)
    assert len(doc.memo("embeddings", dict)) == 2


def test_cli_import_stays_light():
    code = "import sys, prose_lint.cli; print('numpy' in sys.modules, 'tokenizers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "False"], out.stdout + out.stderr


@pytest.mark.parametrize("missing", ["weights", "tokenizer"])
def test_missing_file_is_an_error_not_a_download(monkeypatch, missing):
    monkeypatch.setattr(embeddings, "_MODEL", None)
    if missing == "weights":
        monkeypatch.setattr(embeddings, "WEIGHTS", ("weights", "nope.safetensors"))
    else:
        monkeypatch.setattr(embeddings, "TOKENIZER", ("tokenizers", "nope.json"))
    with pytest.raises(RuntimeError, match="missing"):
        embeddings.model()
    monkeypatch.setattr(embeddings, "_MODEL", None)


def test_table_is_the_files_tensor_mapped_read_only():
    """The mapped table holds the bytes safetensors' own reader returns (the embeddings did not change
    when the table stopped being read into the heap), and cannot be written (a write after a fork would
    copy its pages into the worker)."""
    load_file = pytest.importorskip("safetensors.numpy").load_file
    import importlib.util
    import os

    root = list(importlib.util.find_spec(embeddings.PACKAGE).submodule_search_locations)[0]
    expected = load_file(os.path.join(root, *embeddings.WEIGHTS))[embeddings.TENSOR]
    table = embeddings.model().table
    assert table.dtype == expected.dtype and table.shape == expected.shape
    assert np.array_equal(table.view(np.uint16), expected.view(np.uint16))
    assert not table.flags.writeable


# A run that imports the CLI and lints one file in this process (no server, no worker), then says whether
# the model was loaded. Nothing loads it but ``embeddings.model()``; importing the rules must not.
_DRIVER = """
import json, sys
from prose_lint.cli import main
code = main(sys.argv[1:])
emb = sys.modules.get("prose_lint.embeddings")
print(json.dumps({"exit": code, "loaded": bool(emb and emb.loaded()),
                  "modules": [m for m in ("wordllama", "safetensors", "tokenizers") if m in sys.modules]}))
"""


@pytest.mark.parametrize("rule, files, loads", [
    ("repeated-word", 1, False),
    ("repeated-word", 2, False),  # two files: the pool's warm_up runs in this process before it forks
    ("off-topic-content", 1, True),
])
def test_a_no_server_run_loads_the_model_only_for_the_rules_that_use_it(tmp_path, rule, files, loads):
    import json
    import os

    from prose_lint.warmup import SAMPLE  # four paragraphs, 160 words: enough for off-topic-content to compare them

    paths = []
    for k in range(files):
        paths.append(tmp_path / f"doc{k}.md")
        paths[-1].write_text(SAMPLE, encoding="utf-8")
    env = {**os.environ, "PROSE_LINT_SERVER": "0", "PROSE_LINT_CACHE_DIR": str(tmp_path / "cache")}
    args = ["check", "--no-server", "--no-grammar", "--isolated", "--jobs", "2", "--select", rule, *map(str, paths)]
    out = subprocess.run([sys.executable, "-c", _DRIVER, *args], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=300)
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["exit"] in (0, 1), out.stderr
    assert report["loaded"] is loads, report
    assert "wordllama" not in report["modules"]
    assert ("tokenizers" in report["modules"]) is loads, report
