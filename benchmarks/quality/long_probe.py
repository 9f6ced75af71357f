"""Off-topic-content on LONG hosts of genres in no split: a probe outside the tune and test splits.

    PYTHONPATH=src .venv/bin/python benchmarks/quality/long_probe.py [--jobs 2] [--per-genre 6] [--json OUT]
    PYTHONPATH=src .venv/bin/python benchmarks/quality/long_probe.py --cache FILE   # candidates, as the calibration

Why: on the tune split the rule's recall falls with the host's length (hosts < 2,000 words 0.91, 4,000+
0.25), and the test split's hosts are longer. The splits hold few long hosts, so this probe makes its own,
from texts that neither split holds, read where they lie (nothing is copied into the repository):
- hosts: benchmarks/out/wild-genres/*.md (KJV books, the Jargon File, the anarchism FAQ, the Devil's
  Dictionary, Debian history and docs, fortune files; a chunk is continued by the next chunk of the same
  source) and benchmarks/out/corpus/*.md (Python's and Perl's docs, the Debian Reference; not the Debian
  Administrator's Handbook, a tune host), 2,000+ words, cut at a paragraph end (outside a code fence) at a
  length drawn uniformly from 2,000-6,000 words;
- articles: the Dragnet news/blog documents of ../shared/data/news (the tune split's news pool; never L3S,
  the test split's), their lead (running-text paragraphs from the first), under their headline half the time.
Forms, each host once (seed SEED): "append" (one article's 3-6 paragraphs after the host), "insert" (three
paragraphs of an article between two running-text paragraphs near the middle), "two" (two articles of 2-4
paragraphs appended, one defect each), "same" (the article whose content words are closest to the host's,
appended, when that closeness is at least SAME_MIN: a same-subject append); negatives: the host as it is
("as-is"), with 45-70% cut out ("jump") or 40-65% moved to the end ("moved"), as scripts/calibrate-off-topic
makes its hard negatives. Printed: recall per form and per host length bucket, findings outside planted
blocks per form, and which negatives were flagged.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
WILD, CORPUS = ROOT / "benchmarks" / "out" / "wild-genres", ROOT / "benchmarks" / "out" / "corpus"
NEWS = SHARED / "data" / "news"
SEED = 20261202
SAME_MIN = 0.12  # cosine of content-word counts for a "same-subject" article
SKIP_SOURCES = ("handbook",)  # a tune-split host
BUCKETS = ((2000, 3000), (3000, 4000), (4000, 6001))
_PROSE_END = re.compile(r"[.!?][\"'”’)]*$")


def _prose(par: str, min_words: int = 12) -> bool:
    """A running-text paragraph: one line, enough words, ends like a sentence, not Markdown structure."""
    return ("\n" not in par and len(par.split()) >= min_words and par.lstrip()[:1] not in "#|>*-`+="
            and bool(_PROSE_END.search(par.rstrip())))


def _source(path: Path) -> tuple[str, str]:
    """(source, chunk stem) of NNNN_<source>_<name>.md."""
    parts = path.stem.split("_", 2)
    return parts[1], parts[2]


def _stem(path: Path) -> str:
    """The text a chunk belongs to: its name without the chunk number (kjv001 -> kjv)."""
    return re.sub(r"-?\d+$", "", _source(path)[1])


def hosts(rng: random.Random, per_genre: int) -> list[tuple[str, str]]:
    """(key, text) of the long hosts: per_genre of each source, a length drawn in 2,000-6,000 words."""
    files = sorted(WILD.glob("*.md")) + sorted(CORPUS.glob("*.md"))
    by_source: dict[str, list[Path]] = collections.defaultdict(list)
    for f in files:
        by_source[_source(f)[0]].append(f)
    out = []
    for src in sorted(by_source):
        if src in SKIP_SOURCES:
            continue
        chain = by_source[src]
        texts = {f: f.read_text(encoding="utf-8") for f in chain}
        ok = [i for i, f in enumerate(chain) if len(texts[f].split()) >= 2000]
        for i in sorted(rng.sample(ok, min(per_genre, len(ok)))):
            text = texts[chain[i]].strip()
            if chain[i].parent == WILD and i + 1 < len(chain) and _stem(chain[i]) == _stem(chain[i + 1]):
                # a chunk: the next chunk of the same text continues it
                text += "\n\n" + texts[chain[i + 1]].strip()
            target = rng.randint(2000, 6000)
            paras, kept, words = text.split("\n\n"), [], 0
            for p in paras:
                if words + len(p.split()) > target:
                    break
                kept.append(p)
                words += len(p.split())
            while kept and ("\n\n".join(kept).count("```") % 2 or kept[-1].lstrip()[:1] in "#|`"):
                kept.pop()
            if sum(len(p.split()) for p in kept) >= 2000:
                out.append((f"{src}/{_source(chain[i])[1]}", "\n\n".join(kept)))
    return out


def articles() -> list[dict]:
    """The Dragnet documents: title and running-text paragraphs (those after the first, the title)."""
    out = []
    for line in (NEWS / "index.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if not r["dataset"].startswith("dragnet"):
            continue
        paras = [p.strip() for p in (NEWS / r["file"]).read_text(encoding="utf-8").split("\n\n") if p.strip()]
        starts = [i for i, p in enumerate(paras) if i > 0 and _prose(p)]
        if starts:
            title = (r.get("title") or "").strip()
            out.append({"id": r["id"], "title": title if 3 <= len(title.split()) <= 20 and "\n" not in title else "",
                        "paras": paras[starts[0]:]})
    return out


_STOP = set("""that with this from have were which their there been would about into they will said what when
    more than also after over some other them only could says those these such most very just like made make
    being where while because should between under first last year years time people your then each here
    does must shall upon unto""".split())


def _words(text: str) -> collections.Counter:
    """Content words (4+ letters, not the commonest function words)."""
    return collections.Counter(w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP)


def _cosine(a: collections.Counter, b: collections.Counter) -> float:
    num = sum(v * b[k] for k, v in a.items() if k in b)
    return num / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()) or 1)


def _lead(art: dict, n: int, headline: bool) -> str | None:
    paras = art["paras"][:n]
    if len(paras) < n or any("\n" in p or "```" in p or len(p.split()) < 3 for p in paras) or not _prose(paras[-1], 6):
        return None
    return "\n\n".join(([art["title"]] if headline and art["title"] else []) + paras)


def _paste(host: str, block: str, pos: int | None = None) -> tuple[str, tuple[int, int]]:
    """The host with block as its own paragraphs at pos (the end by default); the block's span."""
    pos = len(host) if pos is None else pos
    return host[:pos] + "\n\n" + block + host[pos:], (pos + 2, pos + 2 + len(block))


def documents(per_genre: int, seed: int = SEED) -> list[dict]:
    """Every probe document: {id, host, form, words, text, spans}."""
    rng = random.Random(seed)
    hs, arts = hosts(rng, per_genre), articles()
    vec = {a["id"]: _words(" ".join(a["paras"][:6])) for a in arts}
    docs = []
    for key, text in hs:
        words = len(text.split())
        add = lambda form, t, spans: docs.append(  # noqa: E731
            {"id": f"{key}:{form}", "host": key, "form": form, "words": words, "text": t, "spans": spans})
        paras = text.split("\n\n")
        n = len(paras)
        cut = lambda x: int(round(x * n))  # noqa: E731
        add("as-is", text, [])
        add("jump", "\n\n".join(paras[:cut(.45)] + paras[cut(.7):]), [])
        add("moved", "\n\n".join(paras[:cut(.4)] + paras[cut(.65):] + paras[cut(.4):cut(.65)]), [])
        hv = _words(text)
        close = sorted(arts, key=lambda a: -_cosine(hv, vec[a["id"]]))
        far = [a for a in close[len(close) // 3:]]  # not among the third closest to the host
        rng.shuffle(far)
        blocks = [b for a in far for b in [_lead(a, rng.randint(3, 6), rng.random() < 0.5)] if b][:1]
        if blocks:
            add("append", *(lambda t, s: (t, [s]))(*_paste(text, blocks[0])))
        ins = [_lead(a, 3, False) for a in far[1:20]]
        ins = [b for b in ins if b][:1]
        # a gap between two running-text paragraphs nearest the middle, outside a code fence
        offs, pos = [], 0
        for i, p in enumerate(paras):
            pos += len(p)
            if (0 < i < n - 2 and _prose(p, 8) and _prose(paras[i + 1], 8)
                    and "\n\n".join(paras[:i + 1]).count("```") % 2 == 0):
                offs.append((abs(i - n / 2), pos))
            pos += 2
        if ins and offs:
            t, s = _paste(text, ins[0], min(offs)[1])
            add("insert", t, [s])
        two = [b for a in far[20:] for b in [_lead(a, rng.randint(2, 4), rng.random() < 0.6)] if b][:2]
        if len(two) == 2:
            t, s1 = _paste(text, two[0])
            t, s2 = _paste(t, two[1])
            add("two", t, [s1, s2])
        if _cosine(hv, vec[close[0]["id"]]) >= SAME_MIN:
            b = next((b for a in close[:3] for b in [_lead(a, rng.randint(3, 6), rng.random() < 0.5)] if b), None)
            if b:
                add("same", *(lambda t, s: (t, [s]))(*_paste(text, b)))
    return docs


def _lint(doc: dict):
    """(id, [(start, end)]) of the rule's findings, or (id, candidates) with --cache."""
    from prose_lint.checks import off_topic
    from prose_lint.parse import parse_source
    from prose_lint.source import Source

    parsed = parse_source(Source(doc["id"].replace("/", "_").replace(":", "_") + ".md", doc["text"]), "auto", "en-US")
    if _CACHE:
        off_topic._DEBUG = []
        try:
            off_topic.analyse(parsed)
        finally:
            found, off_topic._DEBUG = off_topic._DEBUG, None
        return doc["id"], found
    return doc["id"], [(s, e) for s, e, _m, _p in off_topic.analyse(parsed)]


_CACHE = False


def bucket(words: int) -> str:
    return next(f"{a}-{b - 1 if b > 6000 else b}" for a, b in BUCKETS if a <= words < b)


def report(docs: list[dict], found: dict) -> dict:
    per = collections.defaultdict(lambda: [0, 0, 0])  # planted, hit, findings outside planted blocks
    flagged = []
    for d in docs:
        spans = d["spans"]
        for key in (d["form"], f"{d['form']} {bucket(d['words'])}", f"all-positive {bucket(d['words'])}"
                    if spans else f"all-negative {bucket(d['words'])}"):
            row = per[key]
            for a, b in spans:
                row[0] += 1
                row[1] += any(s < b and a < e for s, e in found[d["id"]])
            row[2] += sum(not any(s < b and a < e for a, b in spans) for s, e in found[d["id"]])
        if not spans and found[d["id"]]:
            flagged.append(d["id"])
    print(f"{len(docs)} documents, {len({d['host'] for d in docs})} hosts")
    for k in sorted(per):
        planted, hit, fp = per[k]
        rec = f"recall {hit:3d}/{planted:3d} = {hit / planted:.2f}" if planted else " " * 23
        print(f"  {k:28s} {rec}  findings outside planted blocks {fp}")
    print("negatives flagged:", *flagged or ["none"])
    return {k: v for k, v in per.items()}


def main() -> int:
    global _CACHE
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--per-genre", type=int, default=6)
    ap.add_argument("--seed", type=int, default=SEED, help="another draw of hosts, lengths and articles")
    ap.add_argument("--json", help="write per-document findings here")
    ap.add_argument("--cache", help="collect every candidate's features (the calibration's format) into a pickle")
    a = ap.parse_args()
    _CACHE = bool(a.cache)
    docs = documents(a.per_genre, a.seed)
    if a.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(a.jobs) as pool:
            found = dict(pool.imap_unordered(_lint, docs, chunksize=2))
    else:
        found = dict(map(_lint, docs))
    if a.cache:
        import pickle

        rows = [{"id": "probe:" + d["id"], "form": "probe/" + d["form"], "words": d["words"],
                 "zones": [[list(s)] for s in d["spans"]], "cands": found[d["id"]]} for d in docs]
        Path(a.cache).write_bytes(pickle.dumps(rows))
        print("written:", a.cache)
        return 0
    per = report(docs, found)
    if a.json:
        Path(a.json).write_text(json.dumps({"per": per, "found": found}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
