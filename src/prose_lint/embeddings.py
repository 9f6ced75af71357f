"""Static sentence embeddings: ONE model for every rule that compares meaning (off-topic-content,
duplicated-conclusion, duplicate-text, self-contradiction).

The model is WordLlama's ``l2_supercat`` at 256 dimensions (pip package ``wordllama`` 0.4): a token
embedding table (32,000 x 256, float16, 16 MB) and the Llama-2 tokenizer, both shipped inside the wheel.
A text's vector is the mean of its tokens' vectors, scaled to length 1; inference is a table look-up and
an average in numpy.

wordllama's own loader (``WordLlama.load``) looks for the tokenizer file in the wrong folder and then
downloads it from Hugging Face, and importing the ``wordllama`` package configures the root logger. So we
never import it: the two files are located with ``importlib.util.find_spec`` and read directly (the
table is mapped from its .safetensors file, see ``_map_table``; ``tokenizers`` reads the tokenizer).
Nothing is ever downloaded; a missing file is an error naming the file (tests/test_embeddings.py checks
that no socket is opened).

Import cost matters (the pre-commit hook imports the rules): this module imports nothing heavy at import
time; the model is loaded on first use (or by warmup.warm_up before worker processes fork, so that they
share its pages) and kept for the life of the process.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from prose_lint.document import Document

PACKAGE = "wordllama"
WEIGHTS = ("weights", "l2_supercat_256.safetensors")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
TENSOR = "embedding.weight"
DIM = 256

_LOCK = threading.Lock()
_MODEL: _Model | None = None


class _Model:
    """The token table and the tokenizer; ``embed`` averages token vectors."""

    def __init__(self) -> None:
        import importlib.util
        import os

        from tokenizers import Tokenizer

        spec = importlib.util.find_spec(PACKAGE)  # locates the package without running its __init__
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError(f"the {PACKAGE!r} package is not installed (pip install {PACKAGE})")
        root = list(spec.submodule_search_locations)[0]
        weights = os.path.join(root, *WEIGHTS)
        tokenizer = os.path.join(root, *TOKENIZER)
        for path in (weights, tokenizer):
            if not os.path.isfile(path):
                raise RuntimeError(f"embedding model file missing: {path} (reinstall {PACKAGE})")
        self.table = _map_table(weights)  # float16, read-only; the rows used are cast to float32
        self.tokenizer = Tokenizer.from_file(tokenizer)
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self._word_ids: dict[str, list[int]] = {}  # word -> its token ids (see embed)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Mean token vector of each text, scaled to length 1.

        The tokenizer has no pre-tokenizer: it prepends "▁", turns each space into "▁" and runs BPE over
        the whole text as one word, which is slow on long texts (no word cache). No merge of the
        Llama-2 vocabulary joins a piece to a following "▁"-piece except runs of "▁", so a text whose
        words are separated by single spaces tokenizes as the concatenation of its words tokenized
        alone: each distinct word is tokenized once (and kept in ``_word_ids``), a text's vector is
        (texts x words counts) @ (words x tokens counts) @ token vectors, computed only for the tokens
        used. Other texts (leading, trailing or double spaces) take the tokenizer's own path."""
        from itertools import chain

        import numpy as np
        from scipy import sparse

        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        if not texts:
            return out
        rows: list[int] = []
        flat_words: list[str] = []
        slow: list[int] = []
        for r, text in enumerate(texts):
            if not text:
                continue
            words = text.split(" ")
            if "" in words:
                slow.append(r)
                continue
            rows.extend([r] * len(words))
            flat_words.extend(words)
        # Word columns in order of first use (dict keeps insertion order), looked up in C (map).
        vocab = list(dict.fromkeys(flat_words))
        cols = list(map({w: k for k, w in enumerate(vocab)}.__getitem__, flat_words))
        cache = self._word_ids
        missing = [w for w in vocab if w not in cache]
        if missing:
            if len(cache) > 200_000:
                cache.clear()
            for w, e in zip(missing, self.tokenizer.encode_batch(missing, add_special_tokens=False)):
                cache[w] = e.ids
        word_ids = list(map(cache.__getitem__, vocab))
        ids_by_text = [e.ids for e in self.tokenizer.encode_batch([texts[r] for r in slow], add_special_tokens=False)] \
            if slow else []
        # Token columns: the distinct token ids used.
        flat = list(chain.from_iterable(word_ids))
        flat += chain.from_iterable(ids_by_text)
        if not flat:
            return out
        tokens, inverse = np.unique(np.asarray(flat, dtype=np.int64), return_inverse=True)
        vectors = self.table[np.clip(tokens, 0, self.table.shape[0] - 1)].astype(np.float32)
        lengths = list(map(len, word_ids))
        nw = sum(lengths)
        wrows = np.repeat(np.arange(len(word_ids)), lengths)
        W = sparse.csr_matrix((np.ones(nw, dtype=np.float32), (wrows, inverse[:nw])),
                              shape=(len(word_ids), len(tokens)))
        A = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                              shape=(len(texts), len(word_ids)))
        sums = np.asarray((A @ W) @ vectors, dtype=np.float32)
        if slow:
            srows = np.repeat(np.asarray(slow), [len(ids) for ids in ids_by_text])
            S = sparse.csr_matrix((np.ones(len(srows), dtype=np.float32), (srows, inverse[nw:])),
                                  shape=(len(texts), len(tokens)))
            sums += np.asarray(S @ vectors, dtype=np.float32)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        np.divide(sums, norms, out=out, where=norms > 0)
        return out


def _map_table(path: str) -> np.ndarray:
    """The token table (float16), mapped read-only from the .safetensors file rather than read into the heap.

    Its pages are the file's, in the page cache: read from disk when a text first uses one of their rows,
    shared by every process that maps the file (the warm server, forked workers, other runs), never
    written (so never copied after a fork), and reclaimable by the kernel. Read into the heap, the table
    was 16 MB of every parent process from the start (benchmarks/README.md, "Sentence-embedding model
    cost"). The values are the file's bytes, as ``safetensors.numpy.load_file`` returns them
    (tests/test_embeddings.py compares the two). The format: an 8-byte little-endian header length, a JSON
    header (dtype, shape, byte offsets), the data. An upgrade replaces the file (pip and uv remove the old
    one first) rather than rewriting it in place, so a running server keeps reading the old one."""
    import json
    import mmap
    import struct

    import numpy as np

    with open(path, "rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        entry = json.loads(f.read(size))[TENSOR]
        begin, end = entry["data_offsets"]
        rows, dim = entry["shape"]
        if entry["dtype"] != "F16" or dim != DIM or end - begin != rows * dim * 2:
            raise RuntimeError(f"{path}: unexpected tensor {entry} (reinstall {PACKAGE})")
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    return np.frombuffer(data, dtype="<f2", count=rows * dim, offset=8 + size + begin).reshape(rows, dim)


def model() -> _Model:
    """The shared model, loaded on first use (thread-safe)."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = _Model()
    return _MODEL


def loaded() -> bool:
    return _MODEL is not None


def embed(texts: Sequence[str]) -> np.ndarray:
    """One row per text, float32, length 1 (a text without tokens gives a zero row)."""
    return model().embed(texts)


def embed_spans(doc: Document, spans: Sequence[tuple[int, int]], content_words: bool = True) -> np.ndarray:
    """Vectors of ``doc.prose[start:end]`` for each span, cached per document (``doc.memo``), so that the
    rules of a document embed each paragraph once.

    ``content_words``: embed the span's words minus stop words (analysis.stopwords), joined by spaces.
    Averaged token vectors are dominated by function words, which every English text shares; without
    them two paragraphs are as close as their subjects are.
    """
    import numpy as np

    cache: dict = doc.memo("embeddings", lambda _d: {})
    missing = [s for s in dict.fromkeys(spans) if (s, content_words) not in cache]
    if missing:
        texts = [_text(doc, s, e, content_words) for s, e in missing]
        for span, vec in zip(missing, embed(texts)):
            cache[(span, content_words)] = vec
    if not spans:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([cache[(s, content_words)] for s in spans])


def _text(doc: Document, start: int, end: int, content_words: bool) -> str:
    if not content_words:
        return " ".join(doc.prose[start:end].split())
    from prose_lint.analysis import stopwords

    stop = stopwords()
    return " ".join(w for w in doc.span_words(start, end) if w.lower() not in stop)
