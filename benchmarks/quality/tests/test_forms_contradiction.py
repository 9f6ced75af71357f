"""Self-contradiction forms and their controls: plant into real hosts of both splits and check the contract."""

from __future__ import annotations

import random
import re

import pytest

import sources
from common import PlantContext, by_split

if not sources.DATA.is_dir():  # pragma: no cover - the shared data is not in the repository
    pytest.skip("shared data (sources.DATA) is absent", allow_module_level=True)

from forms import contradiction as C  # noqa: E402

N_HOSTS = 24
# Forms that need something many hosts lack; the rate they reach is asserted instead of 50%.
MIN_RATE = {
    "changed-date": 0.05,  # needs a dated one-off event ("founded in 1998") in a plain sentence: few hosts have one
    "absolute-claim": 0.2,  # needs an existence/increase/occurrence pattern in a positive, non-modal sentence
    "control-time-difference": 0.1,  # needs a money/percent figure or a count of a plural noun
    "changed-number": 0.4,
    "restructured-restatement": 0.4,
}
ALL = {**C.FORMS, **C.CONTROLS}


def _ctx(split: str) -> PlantContext:
    return PlantContext(split=split, hosts=sources.hosts(split), chrome=[], nli=sources.nli(split))


def _sample(split: str) -> list:
    hosts = sources.hosts(split)
    return random.Random(f"contradiction-{split}").sample(hosts, min(N_HOSTS, len(hosts)))


def _strip_inserted(text: str, regions: list) -> str:
    for a, b in sorted(regions, reverse=True):
        text = text[:a] + text[b:]
    return text


def test_inventory_sizes():
    assert len(C.FORMS) >= 8
    assert len(C.CONTROLS) >= 5
    for inventory in (C.MARKERS, C.HEDGES, C.TIME_SHIFTS, C.ANTONYM_GROUPS, C.SYNONYMS, C.FIGURE_TEMPLATES):
        tune, test = by_split(inventory, "tune", "x"), by_split(inventory, "test", "x")
        assert len(tune) >= 5 and len(test) >= 5


def test_antonym_maps_are_disjoint_by_split():
    tune, test = C._antonym_map("tune"), C._antonym_map("test")
    assert len(tune) >= 60 and len(test) >= 60
    shared = {w for g in C.ANTONYM_GROUPS for pair in g for w in pair}
    repeated = {w for w in shared if sum(w in pair for g in C.ANTONYM_GROUPS for pair in g) > 1}
    assert not (set(tune) & set(test)) - repeated  # only words listed in two groups may appear in both


@pytest.mark.parametrize("split", ["tune", "test"])
@pytest.mark.parametrize("name", sorted(ALL))
def test_form(name, split):
    fn = ALL[name]
    ctx = _ctx(split)
    hosts = _sample(split)
    ok = 0
    for k, host in enumerate(hosts):
        planted = fn(random.Random(k), host, ctx)
        if planted is None:
            continue
        ok += 1
        text = planted.text
        # deterministic
        again = fn(random.Random(k), host, ctx)
        assert again is not None and again.text == text and again.defects == planted.defects
        assert again.meta == planted.meta
        # only insertions: removing them gives back the host, byte for byte
        regions = planted.meta["inserted"]
        assert _strip_inserted(text, regions) == host.text
        if name.startswith("control-"):
            assert planted.defects == []
            span = tuple(planted.meta["would_be_span"])
            accept = [tuple(a) for a in planted.meta["would_be_accept"]]
        else:
            assert len(planted.defects) == 1
            d = planted.defects[0]
            span, accept = d.span, d.accept
            assert d.note
        assert 0 <= span[0] < span[1] <= len(text)
        later = text[span[0]:span[1]]
        assert later.strip() == later and later[-1] in ".!?" and (later[0].isupper() or later[0].isdigit())
        assert "  " not in later and "\n" not in later
        assert any(a <= span[0] and span[1] <= b for a, b in regions), "the later sentence is inserted text"
        assert len(accept) == 1
        a0, a1 = accept[0]
        assert 0 <= a0 < a1 <= span[0], "the earlier sentence comes first"
        earlier = text[a0:a1]
        assert earlier.strip() == earlier and earlier
        # several paragraphs apart
        assert text.count("\n\n", a1, span[0]) >= 2 or planted.meta.get("paragraph_gap", 0) >= C.MIN_GAP
        if "nli" not in name:
            assert earlier in host.text and earlier != later
    rate = ok / len(hosts)
    assert rate >= MIN_RATE.get(name, 0.5), f"{name}/{split}: {ok}/{len(hosts)} hosts took the form"


@pytest.mark.parametrize("split", ["tune", "test"])
def test_nli_labels(split):
    ctx = _ctx(split)
    hosts = _sample(split)
    for name, label in (("nli-contradiction", "contradiction"), ("control-nli-entailment", "entailment"),
                        ("control-nli-neutral", "neutral")):
        planted = next(p for p in (ALL[name](random.Random(k), h, ctx) for k, h in enumerate(hosts)) if p)
        assert planted.meta["label"] == label
        assert planted.meta["nli_id"] in {p.id for p in ctx.nli}


def test_markers_split_disjoint():
    tune = set(by_split(C.MARKERS, "tune", "contradiction-marker"))
    test = set(by_split(C.MARKERS, "test", "contradiction-marker"))
    assert tune and test and not tune & test


def test_negation_examples():
    flips = dict(C._negations("The bridge was opened to traffic in 1932."))
    assert any("was not opened" in v or "wasn't opened" in v or "was never opened" in v for v in flips.values())
    flips = dict(C._negations("The company does not sell its products online."))
    assert flips and all("not" not in v for v in flips.values())
    changes = C._number_changes(random.Random(1), "The library holds 4,000 plates and 12 maps.")
    assert {c[0] for c in changes} == {"4,000", "12"}
    assert all(re.search(r"\d|[a-z]", c[1]) and c[1] != c[0] for c in changes)
