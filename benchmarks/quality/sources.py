"""Where the evaluation corpus comes from, and which split each source belongs to.

Splits are by *source*: every document of a data set is in one split, so the test split holds genres,
sites and years that nobody looked at while tuning.

| split | hosts for planted defects | web pages (line labels) | NLI pairs |
|---|---|---|---|
| tune | news-dragnet (2012 news and blogs), Debian documentation (when installed), shared/corpus/clean | readability (Apache-2.0), dragnet | SICK pairs whose id hashes even |
| test | news-l3s (2008 Google News), inaugural addresses, State of the Union addresses, CleanEval long documents | l3s, cleaneval | SICK pairs whose id hashes odd |

Everything is read from ``../shared`` (``PROSE_LINT_SHARED`` overrides), never copied into the repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from common import ChromeBlock, Host, NliPair

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("PROSE_LINT_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"

HOST_SOURCES = {
    "tune": ("news-dragnet", "debian-docs", "clean-corpus"),
    "test": ("news-l3s", "longform-inaugural", "longform-sotu", "longform-cleaneval"),
}
WEB_SOURCES = {"tune": ("readability", "dragnet"), "test": ("l3s", "cleaneval")}
# Planted documents are capped so that a 15,000-word report does not dominate the run time.
MAX_HOST_WORDS = 6000
MIN_HOST_WORDS = 250


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paras = [" ".join(p.split()) if "\n" not in p.strip() else p.strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p) + "\n"


def _cap(text: str) -> str:
    """At most MAX_HOST_WORDS words, cut at a paragraph end."""
    out, words = [], 0
    for para in text.split("\n\n"):
        n = len(para.split())
        if out and words + n > MAX_HOST_WORDS:
            break
        out.append(para)
        words += n
    return "\n\n".join(out).rstrip() + "\n"


def _news(dataset_prefix: str, source: str) -> list[Host]:
    hosts = []
    for rec in _records(DATA / "news" / "index.jsonl"):
        if not rec["dataset"].lower().startswith(dataset_prefix):
            continue
        raw = (DATA / "news" / rec["file"]).read_text(encoding="utf-8")
        title, _, body = raw.partition("\n\n")
        if rec.get("title") and title.strip() != rec["title"].strip():
            title, body = rec["title"], raw  # no headline line in this gold
        hosts.append(Host(id=f"news/{rec['id']}", source=source, genre="news", title=title.strip(),
                          text=_cap(_normalise(body)), license=rec["license"], category=rec.get("category", "unknown")))
    return hosts


def _longform(prefix: str, source: str, genre: str) -> list[Host]:
    hosts = []
    for rec in _records(DATA / "longform" / "index.jsonl"):
        if not rec["id"].startswith(prefix):
            continue
        raw = (DATA / "longform" / rec["file"]).read_text(encoding="utf-8")
        title = rec.get("title") or ""
        body = raw
        if prefix == "cleaneval":  # the first line stands in as the title
            first, _, body = raw.partition("\n")
            title = first.strip()
        hosts.append(Host(id=f"longform/{rec['id']}", source=source, genre=genre, title=title,
                          text=_cap(_normalise(body)), license=rec["license"]))
    return hosts


def _clean_corpus() -> list[Host]:
    hosts = []
    folder = SHARED / "corpus" / "clean"
    for path in sorted(folder.glob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        raw = path.read_text(encoding="utf-8")
        genre = re.sub(r"\d+$", "", path.stem)
        hosts.append(Host(id=f"clean/{path.name}", source="clean-corpus", genre=genre, title="",
                          text=_cap(raw.strip() + "\n"), license="see shared/corpus/clean/SOURCES.md",
                          suffix=path.suffix))
    return hosts


# The HTML pages' own navigation, which html_to_markdown keeps: a host must be free of chrome, or every
# boilerplate finding on it counts as a false alarm.
_HANDBOOK_CHROME = re.compile(r"(?:- )?(?:Prev|Next)(?:Chapter |Appendix |The Debian|\d+\.|[A-Z]\.\d).{0,120}$|- The Debian Administrator's Handbook$|sect\.[\w.-]+$")


def _debian_docs() -> list[Host]:
    """The Debian Administrator's Handbook, rendered as build_corpus.py renders it (only when installed)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import build_corpus  # noqa: E402
    except ImportError:
        return []
    hosts = []
    if not build_corpus.HANDBOOK.is_dir():
        return hosts
    for path in sorted(build_corpus.HANDBOOK.glob("*.html")):
        try:
            text = build_corpus.html_to_markdown(path.read_text(encoding="utf-8", errors="replace"))
        except Exception:  # noqa: BLE001 - a page the converter cannot read is skipped
            continue
        body = "\n\n".join(p for p in re.split(r"\n\s*\n", text)
                             if p.strip() and not p.startswith("#") and not _HANDBOOK_CHROME.match(p.strip()))
        hosts.append(Host(id=f"debian/{path.stem}", source="debian-docs", genre="documentation", title=path.stem,
                          text=_cap(_normalise(body)), license="GPL-2.0+ (debian-handbook)", suffix=".md"))
    return hosts


def wild_hosts(per_source: int) -> list[Host]:
    """Hosts of no split, for resample.py only: the wild grounds' documents (benchmarks/out/wild-genres and the
    throughput corpus, without the Debian Administrator's Handbook, a tune host), at most ``per_source`` of each
    source, spread over it. Registers the splits do not hold: scripture, glossaries, quotation files, reference
    manuals."""
    by_source: dict[str, list[Path]] = {}
    for folder in ("wild-genres", "corpus"):
        for path in sorted((ROOT / "benchmarks" / "out" / folder).glob("[0-9]*_*.md")):
            source = path.name.split("_")[1]
            if source != "handbook":
                by_source.setdefault(source, []).append(path)
    hosts = []
    for source, paths in sorted(by_source.items()):
        step = max(1, len(paths) // per_source)
        for path in paths[::step][:per_source]:
            text = _cap(_normalise(path.read_text(encoding="utf-8")))
            if len(text.split()) >= MIN_HOST_WORDS:
                hosts.append(Host(id=f"wild/{path.name}", source=f"wild-{source}", genre=source, title="",
                                  text=text, license="see benchmarks/build_corpus.py", suffix=".md"))
    return hosts


_LOADERS = {
    "news-dragnet": lambda: _news("dragnet", "news-dragnet"),
    "news-l3s": lambda: _news("l3s", "news-l3s"),
    "longform-inaugural": lambda: _longform("inaugural", "longform-inaugural", "speech"),
    "longform-sotu": lambda: _longform("state_union", "longform-sotu", "speech"),
    "longform-cleaneval": lambda: _longform("cleaneval", "longform-cleaneval", "essay"),
    "clean-corpus": _clean_corpus,
    "debian-docs": _debian_docs,
}


@lru_cache(maxsize=None)
def hosts(split: str) -> list[Host]:
    out = []
    for source in HOST_SOURCES[split]:
        out.extend(h for h in _LOADERS[source]() if MIN_HOST_WORDS <= h.words)
    return out


def webpages(split: str) -> list[dict]:
    """Label records (../shared/data/webpages/labels.jsonl) of the split's data sets, with ``path`` added."""
    out = []
    for rec in _records(DATA / "webpages" / "labels.jsonl"):
        if rec["dataset"] in WEB_SOURCES[split]:
            rec["path"] = str(DATA / "webpages" / rec["file"])
            out.append(rec)
    return out


def _expand(ranges: list[list[int]]) -> set[int]:
    return {n for a, b in ranges for n in range(a, b + 1)}


def line_labels(rec: dict) -> dict[int, str]:
    """1-based line number -> "content" | "chrome" for the labelled, non-blank lines of a page."""
    lines = Path(rec["path"]).read_text(encoding="utf-8").split("\n")
    labels = {}
    for label in ("content", "chrome"):
        for n in _expand(rec[label]):
            if 1 <= n <= len(lines) and lines[n - 1].strip():
                labels[n] = label
    return labels


@lru_cache(maxsize=None)
def chrome_blocks(split: str) -> list[ChromeBlock]:
    """Runs of >= 2 consecutive chrome lines (blank lines inside a run kept) from the split's pages."""
    blocks = []
    for rec in webpages(split):
        lines = Path(rec["path"]).read_text(encoding="utf-8").split("\n")
        labels = line_labels(rec)
        content = [n for n, lab in labels.items() if lab == "content"]
        if not content:
            continue
        first, last = min(content), max(content)
        run: list[int] = []
        for n in range(1, len(lines) + 2):
            lab = labels.get(n)
            blank = n <= len(lines) and not lines[n - 1].strip() and n not in labels
            if lab == "chrome" or (blank and run):
                run.append(n)
                continue
            while run and not lines[run[-1] - 1].strip():
                run.pop()
            if len([m for m in run if m in labels]) >= 2:
                pos = "top" if run[-1] < first else "bottom" if run[0] > last else "interior"
                blocks.append(ChromeBlock(page=rec["file"], lines=[lines[m - 1] for m in run], position=pos,
                                          license=rec["license"]))
            run = []
    return blocks


def _nli_split(pair_id: str) -> str:
    return "tune" if hashlib.sha1(pair_id.encode()).digest()[0] % 2 == 0 else "test"


@lru_cache(maxsize=None)
def nli(split: str) -> list[NliPair]:
    out = []
    for rec in _records(DATA / "nli" / "sick_train.jsonl"):
        if _nli_split(rec["pair_id"]) == split:
            out.append(NliPair(rec["id"], rec["premise"], rec["hypothesis"], rec["label"]))
    return out
