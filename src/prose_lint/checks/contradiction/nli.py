"""The optional NLI path: a pair scorer backed by a local transformers cross-encoder, or one registered."""

from __future__ import annotations

from typing import Protocol

from prose_lint.errors import ToolError


class PairScorer(Protocol):
    """Scores (premise, hypothesis) pairs; returns the probability that they contradict each other.

    The optional NLI path (option `nli_model`) provides one backed by a transformers cross-encoder;
    tests and embedders may register their own with `register_scorer`.
    """

    def contradiction(self, pairs: list[tuple[str, str]]) -> list[float]: ...


# -- optional NLI model ----------------------------------------------------
_SCORERS: dict[str, PairScorer] = {}


def register_scorer(model: str, scorer: PairScorer) -> None:
    """Use ``scorer`` whenever the option nli_model equals ``model`` (tests, embedding applications)."""
    _SCORERS[model] = scorer


def load_scorer(model: str) -> PairScorer:
    if model not in _SCORERS:
        _SCORERS[model] = TransformersNLI(model)
    return _SCORERS[model]


class TransformersNLI:
    """A local transformers sequence-classification NLI model (a cross-encoder directory)."""

    def __init__(self, path: str, batch_size: int = 16) -> None:
        try:
            import torch  # noqa: F401
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError:
            raise ToolError(f"self-contradiction: nli_model is set ({path}) but transformers/torch are not installed "
                            f"(pip install \"prose-lint[nli]\")") from None
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            self.model = AutoModelForSequenceClassification.from_pretrained(path, local_files_only=True).eval()
        except Exception as exc:  # missing directory, wrong files
            raise ToolError(f"self-contradiction: cannot load the NLI model in {path}: "
                            f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
        labels = {str(v).lower(): int(k) for k, v in self.model.config.id2label.items()}
        index = next((i for name, i in labels.items() if name.startswith("contradict")), None)
        if index is None:
            raise ToolError(f"self-contradiction: the NLI model in {path} has no 'contradiction' label "
                            f"(labels: {sorted(labels)})")
        self.index = index
        self.batch_size = batch_size

    def contradiction(self, pairs: list[tuple[str, str]]) -> list[float]:
        import torch

        out: list[float] = []
        with torch.no_grad():
            for k in range(0, len(pairs), self.batch_size):
                batch = pairs[k: k + self.batch_size]
                enc = self.tokenizer([p for p, _ in batch], [h for _, h in batch], padding=True, truncation=True,
                                     max_length=256, return_tensors="pt")
                probs = torch.softmax(self.model(**enc).logits, dim=-1)[:, self.index]
                out.extend(float(p) for p in probs)
        return out
