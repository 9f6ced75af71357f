"""Off-topic and duplicated-conclusion forms planted into real hosts of each split.

For each form and split: >= 20 hosts tried with seeded rngs; enough of them take the form; spans lie inside
the text and are non-empty; undoing ``meta["edits"]`` gives back the host text byte for byte (the forms only
insert); the same seed gives the same result. Controls must plant no defect.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sources  # noqa: E402
from common import PlantContext  # noqa: E402

if not sources.DATA.is_dir():
    pytest.skip(f"shared data not found at {sources.DATA}", allow_module_level=True)

from forms import conclusion, off_topic  # noqa: E402

SPLITS = ("tune", "test")
N_HOSTS = 24
# natural-ending-restated needs a host whose own last paragraph is a restatable sentence (news often ends on
# a quote); overall-mid-paragraph needs a mid-document paragraph of >= 3 sentences opening with a plain one.
MIN_RATE = {"natural-ending-restated": 0.45, "overall-mid-paragraph": 0.4}


def _ctx(split: str) -> PlantContext:
    return PlantContext(split=split, hosts=sources.hosts(split), chrome=[], nli=[])


def _sample(split: str):
    hosts = sources.hosts(split)
    rng = random.Random(f"sample-{split}")
    return rng.sample(hosts, min(N_HOSTS, len(hosts)))


def _undo(planted) -> str:
    text = planted.text
    for start, end, original in sorted(planted.meta["edits"], key=lambda e: e[0], reverse=True):
        text = text[:start] + original + text[end:]
    return text


def _cases():
    for split in SPLITS:
        for name, fn in off_topic.FORMS.items():
            yield pytest.param("off-topic", name, fn, split, id=f"off-topic/{name}/{split}")
        for name, fn in conclusion.FORMS.items():
            yield pytest.param("duplicated-conclusion", name, fn, split, id=f"conclusion/{name}/{split}")
        for name, fn in conclusion.CONTROLS.items():
            yield pytest.param("control", name, fn, split, id=f"control/{name}/{split}")


def test_enough_forms():
    assert len(off_topic.FORMS) >= 8
    assert len(conclusion.FORMS) >= 8
    assert len(conclusion.CONTROLS) >= 3
    for fn in list(off_topic.FORMS.values()) + list(conclusion.FORMS.values()) + list(conclusion.CONTROLS.values()):
        assert fn.__doc__ and len(fn.__doc__) > 40


@pytest.mark.parametrize("kind,name,fn,split", list(_cases()))
def test_form(kind, name, fn, split):
    ctx = _ctx(split)
    hosts = _sample(split)
    ok = 0
    for i, host in enumerate(hosts):
        planted = fn(random.Random(1000 + i), host, ctx)
        again = fn(random.Random(1000 + i), host, ctx)
        if planted is None:
            assert again is None
            continue
        ok += 1
        # deterministic
        assert again is not None and again.text == planted.text
        assert [(d.span, d.accept, d.note) for d in again.defects] == [(d.span, d.accept, d.note) for d in planted.defects]
        text = planted.text
        assert text != host.text
        # everything outside the planted region is the host, byte for byte
        assert _undo(planted) == host.text, (name, host.id)
        if kind == "control":
            assert planted.defects == []
            continue
        expected = 2 if name == "append-two-articles" else 1
        assert len(planted.defects) == expected
        for d in planted.defects:
            s, e = d.span
            assert 0 <= s < e <= len(text)
            assert text[s:e].strip() == text[s:e], "span is trimmed"
            assert d.note
            for a, b in d.accept:
                assert 0 <= a < b <= len(text)
                assert not (a < e and s < b), "accept overlaps the span"
        if kind == "off-topic":
            # the spans are the pasted blocks: each starts with the donor's headline/date line or lead,
            # and the inserted material is exactly the blocks plus paragraph breaks
            inserted = sum(e - s for s, e, _ in planted.meta["edits"])
            covered = sum(d.span[1] - d.span[0] for d in planted.defects)
            assert inserted - covered == 2 * len(planted.defects)
            donors = {h.id: h for h in ctx.hosts}
            articles = planted.meta.get("articles", [planted.meta])
            for d, info in zip(planted.defects, articles):
                donor = donors[info["donor"]]
                assert donor.id != host.id
                block = text[d.span[0]:d.span[1]]
                body = [p for p in re.split(r"\n\n", block)][-info["paragraphs"]:]
                assert all(p in donor.text for p in body)
                if "headline" in info:
                    assert block.startswith(donor.title.strip())
        else:
            # the second conclusion comes after the first
            (s, e), (a, b) = planted.defects[0].span, planted.defects[0].accept[0]
            assert a < s
    rate = ok / len(hosts)
    assert rate >= MIN_RATE.get(name, 0.5), f"{name}/{split}: only {ok}/{len(hosts)} hosts took the form"


def test_inventories_are_split():
    """The test split never shows a marker, heading or date format that the tune split uses."""
    from common import by_split

    for items, salt in ((conclusion.MARKERS, "duplicated-conclusion:markers"),
                        (conclusion.RESTATE_MARKERS, "duplicated-conclusion:restate"),
                        (conclusion.HEADINGS, "duplicated-conclusion:headings"),
                        (conclusion.SYNONYMS, "duplicated-conclusion:synonyms"),
                        (sorted(off_topic.DATE_FORMATS), "off-topic-dates")):
        tune, test = by_split(items, "tune", salt), by_split(items, "test", salt)
        assert not set(map(repr, tune)) & set(map(repr, test))
        assert len(tune) >= 3 and len(test) >= 3


def test_same_category_donor():
    ctx = _ctx("test")
    hosts = [h for h in ctx.hosts if h.category == "sports"][:10]
    for i, host in enumerate(hosts):
        planted = off_topic.FORMS["append-same-category"](random.Random(i), host, ctx)
        if planted is not None and planted.meta["relation"] == "same-category":
            assert planted.meta["donor_category"] == host.category
