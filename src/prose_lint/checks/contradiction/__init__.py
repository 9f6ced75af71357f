"""self-contradiction: a statement that contradicts an earlier statement of the same document.

The rule and its documentation are in rule.py; the steps of its algorithm each have a module:
sentences (each sentence analysed once), candidates (earlier statements from an inverted index),
alignment (two statements compared token by token: pair_features; restatements: what a restatement adds
that is no other subject), claims (claim tokens, figures, quoted
words, attribution), polarity (negating verbs; contrasts that cancel out), antonyms (opposites swapped),
scorer (the learned pair scorer), explicit (tests that need no scorer: absolute claims and denials, null
effects, event years; exclusive: "the only N"), filters (which lowering filters are on), nli (the optional
NLI model), lexicon (the word lists).
"""

from __future__ import annotations

from .alignment import FEATURES, pair_features
from .filters import DISABLED, FILTERS
from .lexicon import _lexicon, _lexicon_raw
from .nli import _SCORERS, PairScorer, TransformersNLI, load_scorer, register_scorer
from .rule import SelfContradiction, find_contradictions
from .scorer import SCORER_TESTS, _model, pair_score
from .sentences import _make_sent

RULES = (SelfContradiction,)

__all__ = ["DISABLED", "FEATURES", "FILTERS", "PairScorer", "RULES", "SCORER_TESTS", "SelfContradiction",
           "TransformersNLI", "_SCORERS", "_lexicon", "_lexicon_raw", "_make_sent", "_model", "find_contradictions",
           "load_scorer", "pair_features", "pair_score", "register_scorer"]
