"""Build a false-positive ground of other genres from Debian packages: benchmarks/out/wild-genres/*.md.

    apt-get install bible-kjv bible-kjv-text fortunes fortunes-min fortune-anarchism jargon-text \
        dict-devil doc-debian debian-history
    python3 benchmarks/wild_genres.py                 # ~2 s; then:
    .venv/bin/python benchmarks/quality/wild.py --corpus benchmarks/out/wild-genres --select stray-token

The technical documentation of `build_corpus.py` is one genre; the test split's hosts are others (old speeches,
forum threads, shop and personal pages, transcripts, news). This script writes plain Markdown documents of about
``WORDS`` words each, in no split and with nothing planted, from prose of other registers that Debian ships:

| source (file name) | package | text | licence |
|---|---|---|---|
| kjv | bible-kjv-text (read with bible-kjv's `bible -f`) | the King James Bible (1611): archaic English, names | public domain (copyright expired); the package's data "for unrestricted use" |
| fortune | fortunes, fortunes-min | fortune cookies: literature, people, politics, poems, law, love, news, wisdom... quotations with attributions, dialogue, mixed registers | BSD (fortune-mod); the quotations are short citations of many authors |
| anarchism | fortune-anarchism | political quotations and speeches, many translated | public domain (BLAG Fortune Assortment) / GPL-2+ |
| jargon | jargon-text | the Jargon File 4.4.7: hacker slang, Usenet culture, emoticons, anecdotes | public domain |
| devil | dict-devil | Ambrose Bierce, The Devil's Dictionary (1881-1906): satire, verse, Latin tags | public domain |
| history | debian-history | A Brief History of Debian (HTML, English) | GPL-2+ |
| debdoc | doc-debian | the Debian Manifesto (1994), Social Contract, Constitution | GPL / Open Publication Licence |

Conversion only: overstrikes (``_\\bx``) removed, indentation stripped (it would make Markdown code blocks),
fortune cookies (``%`` lines) and dictionary entries become paragraphs, HTML becomes paragraphs, and a source's
paragraphs are cut into documents of ``WORDS`` words in order. Sources missing on the machine are skipped with a
note. The output is the same on every run with the same packages (sorted inputs, no randomness). Evaluation only:
nothing here is a dependency of prose-lint, and nothing of it is committed.
"""

from __future__ import annotations

import gzip
import html
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "wild-genres"
WORDS = 3000
FORTUNES = Path("/usr/share/games/fortunes")
# prose fortune files; left out: ascii-art and art (pictures), computers/linux/perl/debian/linuxcookie
# (the technical genre wild.py already holds), translate-me (whole sentences in other languages, which
# mixed-language reports by design)
FORTUNE_FILES = ("literature", "people", "politics", "songs-poems", "wisdom", "humorists", "education", "law",
                 "love", "men-women", "miscellaneous", "news", "science", "work", "food", "kids", "medicine",
                 "sports", "pets", "magic", "platitudes", "fortunes", "riddles", "startrek", "pratchett", "drugs",
                 "ethnic", "goedel", "paradoxum", "tao", "zippy", "cookie", "definitions", "disclaimer",
                 "knghtbrd")
# books of the Bible kept (its ~800k words would outweigh every other source): narrative, law, poetry,
# prophecy, gospel and letters
KJV_BOOKS = ("Ge", "Ruth", "Est", "Job", "Psa", "Prv", "Eccl", "Isa", "Mat", "Acts", "Rom", "Heb")
KJV_MAX_WORDS = 150_000


def read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix in (".gz", ".dz"):
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    while re.search(r"[^\x08]\x08", text):  # overstrike: "_\bw" underlines w, "___\b\b\bnot" a word
        text = re.sub(r"[^\x08]\x08", "", text, count=1) if "\x08\x08" in text else re.sub(r"[^\x08]\x08", "", text)
    return text.replace("\x08", "")


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: blank-line separated, each line's indentation stripped."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r", "")):
        lines = [line.strip() for line in chunk.split("\n")]
        lines = [line for line in lines if line and not re.fullmatch(r"[═=\-_*~.]{4,}", line)]
        if lines:
            out.append("\n".join(lines))
    return out


def documents(source: str, paras: list[str], words: int = WORDS) -> list[tuple[str, str]]:
    """Cut a source's paragraphs, in order, into documents of about ``words`` words."""
    docs, current, size = [], [], 0
    for p in paras:
        current.append(p)
        size += len(p.split())
        if size >= words:
            docs.append((f"{source}{len(docs) + 1:03d}", "\n\n".join(current)))
            current, size = [], 0
    if size >= words // 4:
        docs.append((f"{source}{len(docs) + 1:03d}", "\n\n".join(current)))
    return docs


def kjv() -> list[tuple[str, str]]:
    if not shutil.which("bible"):
        return []
    text = subprocess.run(["bible", "-f", "Ge1:1-Re22:21"], capture_output=True, text=True, check=True).stdout
    chapters: dict[tuple[str, str], list[str]] = {}
    for line in text.splitlines():
        m = re.match(r"(\d?[A-Za-z]+)(\d+):\d+ (.*)", line)
        if m and m.group(1) in KJV_BOOKS:
            chapters.setdefault((m.group(1), m.group(2)), []).append(m.group(3).strip())
    paras, total = [], 0
    for book in KJV_BOOKS:  # a share of each book, so that every kind of text is there
        kept = [(k, v) for k, v in chapters.items() if k[0] == book]
        budget = KJV_MAX_WORDS // len(KJV_BOOKS)
        for (b, chapter), verses in kept:
            if budget <= 0:
                break
            paras.append(f"## {b} {chapter}")
            for i in range(0, len(verses), 4):  # four verses a paragraph
                p = " ".join(verses[i : i + 4])
                paras.append(p)
                budget -= len(p.split())
                total += len(p.split())
    return documents("kjv", paras)


def fortune_paragraphs(path: Path) -> list[str]:
    paras = []
    for cookie in re.split(r"\n%\n", read(path)):
        paras.extend(paragraphs(cookie))
    return paras


def fortunes() -> list[tuple[str, str]]:
    docs = []
    for name in FORTUNE_FILES:
        path = FORTUNES / name
        if path.exists():
            docs += [(f"{name}-{n}", t) for n, t in documents("", fortune_paragraphs(path))]
    return docs


def anarchism() -> list[tuple[str, str]]:
    path = FORTUNES / "anarchism"
    return documents("anarchism", fortune_paragraphs(path)) if path.exists() else []


def jargon() -> list[tuple[str, str]]:
    path = Path("/usr/share/doc/jargon-text/jargon.txt.gz")
    return documents("jargon", paragraphs(read(path))) if path.exists() else []


def devil() -> list[tuple[str, str]]:
    path = Path("/usr/share/dictd/devil.dict.dz")
    if not path.exists():
        return []
    text = read(path)
    text = text[text.find("PREFACE") :] if "PREFACE" in text else text  # after dictd's own header entries
    return documents("devil", paragraphs(text))


class _Text(HTMLParser):
    """The paragraphs of an HTML page: block elements end a paragraph; scripts and styles are dropped."""

    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "ul", "ol", "dd", "dt",
              "pre", "blockquote", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def history() -> list[tuple[str, str]]:
    path = Path("/usr/share/doc/debian-history/docs/detailed.en.html")
    if not path.exists():
        return []
    parser = _Text()
    parser.feed(read(path))
    text = html.unescape("".join(parser.parts))
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return documents("history", [p for p in paras if p])


def debdoc() -> list[tuple[str, str]]:
    base = Path("/usr/share/doc/debian")
    docs = []
    for name in ("debian-manifesto.gz", "social-contract.txt.gz", "constitution.txt.gz"):
        path = base / name
        if path.exists():
            stem = name.split(".")[0]
            docs += [(f"{stem}-{n}", t) for n, t in documents("", paragraphs(read(path)))]
    return docs


SOURCES = {"kjv": kjv, "fortune": fortunes, "anarchism": anarchism, "jargon": jargon, "devil": devil,
           "history": history, "debdoc": debdoc}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.md"):
        old.unlink()
    n = 0
    for source, make in SOURCES.items():
        docs = make()
        if not docs:
            print(f"{source}: not installed, skipped", file=sys.stderr)
            continue
        words = 0
        for name, text in docs:
            (OUT / f"{n:04d}_{source}_{name.strip('-')}.md").write_text(text.strip() + "\n", encoding="utf-8")
            words += len(text.split())
            n += 1
        print(f"{source}: {len(docs)} documents, {words:,} words")
    print(f"{n} documents in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
