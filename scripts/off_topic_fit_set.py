"""The FIT set of scripts/calibrate-off-topic: documents whose licence lets the weights trained on them ship.

Project rule: weights that ship are trained only on records whose licence allows it (Apache-2.0, public
domain, or our own text); research-only (L3S-GN1), AGPL (Dragnet), unlicensed (CleanEval) and share-alike
records serve evaluation and calibration only. The tune split of benchmarks/quality is mostly Dragnet news,
so the fitted weights are learnt from here instead; the tune split only calibrates the threshold.

Texts (PROSE_LINT_SHARED, default ../shared):
- data/webpages: the labelled content lines of every page whose ``license`` contains "Apache-2.0" (the
  mozilla/readability test pages: news, blogs, docs, Wikipedia), one paragraph a content line;
- corpus/clean: the rows of SOURCES.md whose licence column says "public domain" (Gutenberg essays, the
  18F report), except presidential addresses.
Not data/longform's public-domain inaugural and State of the Union addresses, nor the clean corpus's
inaugural addresses: they are (or may be) hosts of the evaluation's TEST split, and weights fitted on them
would make that split's off-topic figures no longer held out.
Documents built from them (seeded, deterministic):
- positives, every form for every host (the licence-clean hosts are few): a block of 3-6 running-text
  paragraphs of ANOTHER document appended ("append"), 3 inserted half-way ("insert"), two blocks from two
  others appended ("two"), and 2 appended ("tail");
- negatives: the host as it is, and for long hosts a middle stretch cut out ("jump") or moved ("moved").
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PROSE_LINT_SHARED", ROOT.parent / "shared"))
TRAIN_LICENCES = ("Apache-2.0", "public domain")  # a record trains the shipped weights only under these
SEED = 20261201
MIN_PARAS = 8  # a host has at least this many paragraphs (the rule needs text around a block)


def _allowed(licence: str) -> bool:
    return any(t.lower() in licence.lower() for t in TRAIN_LICENCES)


def _webpages() -> list[tuple[str, str]]:
    data = SHARED / "data" / "webpages"
    out = []
    for line in (data / "labels.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if not _allowed(r["license"]):
            continue
        lines = (data / r["file"]).read_text(encoding="utf-8").split("\n")
        keep = [lines[i - 1].strip() for a, b in r["content"] for i in range(a, b + 1) if lines[i - 1].strip()]
        # markdown markup of the .md renderings is the parser's business; links would be noise: keep their text
        keep = [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", x) for x in keep]
        out.append((f"web:{Path(r['file']).stem}", "\n\n".join(keep)))
    return out


def _address(genre: str) -> bool:
    """A speech: the clean corpus's speeches are US presidential addresses (inaugurals, Ford's remarks on taking
    the oath), and the TEST split's hosts are inaugural and State of the Union addresses."""
    return genre.lower().startswith("speech")


def _clean() -> list[tuple[str, str]]:
    data = SHARED / "corpus" / "clean"
    out = []
    for row in (data / "SOURCES.md").read_text(encoding="utf-8").split("\n"):
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) >= 6 and (data / cells[0]).is_file() and _allowed(cells[5]) and not _address(cells[2]):
            out.append((f"clean:{cells[0]}", (data / cells[0]).read_text(encoding="utf-8")))
    return out


def documents() -> list[tuple[str, str]]:
    """(key, text) of every licence-clean document, sorted by key; the same text twice is kept once."""
    seen, out = set(), []
    for key, text in sorted(_webpages() + _clean()):
        sig = " ".join(text.split()[:60])
        if sig not in seen:
            seen.add(sig)
            out.append((key, text.strip()))
    return out


def _running(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if len(p.split()) > 12]


def _block(rng, text: str, n: int) -> list[str]:
    own = _running(text)
    if len(own) < n:
        return []
    i = rng.randrange(0, len(own) - n + 1)
    return own[i:i + n]


def fit_documents() -> list[tuple[str, str, str, list]]:
    """(key, name, text, planted spans) of the fit set: positives have one span per pasted block."""
    docs = documents()
    hosts = [(k, t) for k, t in docs if len(t.split("\n\n")) >= MIN_PARAS]
    rng = random.Random(SEED)
    out = []
    forms = ["append", "insert", "two", "tail"]
    for key, text in hosts:
        paras = text.split("\n\n")
        name = key.split(":", 1)[1].replace("/", "_") + ".txt"
        out.append((f"fit:{key}:as-is", name, text, []))
        if len(text.split()) >= 1500:
            n = len(paras)
            cut = lambda x: int(round(x * n))  # noqa: E731
            out.append((f"fit:{key}:jump", name, "\n\n".join(paras[:cut(.45)] + paras[cut(.7):]), []))
            out.append((f"fit:{key}:moved", name,
                        "\n\n".join(paras[:cut(.4)] + paras[cut(.65):] + paras[cut(.4):cut(.65)]), []))
        others = [d for d in docs if d[0] != key]
        for form in forms:
            donors = rng.sample(others, 2)
            size = {"append": rng.randint(3, 6), "insert": 3, "two": 3, "tail": 2}[form]
            blocks = [_block(rng, donors[0][1], size)]
            if form == "two":
                blocks.append(_block(rng, donors[1][1], size))
            if not all(blocks):
                continue
            if form == "insert":
                head, rest = paras[:len(paras) // 2], paras[len(paras) // 2:]
            else:
                head, rest = paras, []
            doc, spans = "\n\n".join(head), []
            for b in blocks:
                start = len(doc) + 2
                doc += "\n\n" + "\n\n".join(b)
                spans.append([[start, len(doc)]])
            if rest:
                doc += "\n\n" + "\n\n".join(rest)
            out.append((f"fit:{key}:{form}", name, doc, spans))
    return out
