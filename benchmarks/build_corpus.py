"""Build the throughput corpus (>= 1M words of varied real English) from Debian documentation packages.

    apt-get install -y python3.11-doc debian-reference-en debian-handbook perl-doc   # once (root; Debian 12)
    .venv/bin/python benchmarks/build_corpus.py [--dest benchmarks/out/corpus]

Sources (nothing is downloaded by this script; the packages come from Debian's archive), four
documentation sets by different authors, in different styles, written over 25 years:

- ``python3.11-doc``: the reStructuredText sources of the Python 3.11 documentation,
  ``/usr/share/doc/python3.11/html/_sources/**/*.rst.txt`` (tutorial, HOWTOs, FAQ, language reference,
  library reference, "What's New" for every release since 2.0; many authors);
- ``debian-reference-en``: the Debian Reference by Osamu Aoki, ``/usr/share/debian-reference/*.en.html``;
- ``debian-handbook``: The Debian Administrator's Handbook by Raphaël Hertzog and Roland Mas (narrative
  prose about a fictional company's administrators), ``/usr/share/doc/debian-handbook/html/en-US/*.html``;
- ``perl-doc``: Perl's manual in POD, ``/usr/share/perl/5.36/pod/*.pod`` (tutorials, FAQs, the
  language reference, release notes; many authors).

Each file becomes one Markdown file: reST headings -> ``#`` headings, roles (``:func:`x```) -> inline
code, literal blocks / doctests / code directives dropped (as a manuscript would not have them), admonition
bodies (note, warning, versionadded...) kept as paragraphs; HTML -> the text of its paragraphs, list items
and headings, inline code kept as Markdown code; POD -> headings, list items and text paragraphs,
verbatim (code) paragraphs dropped. Files with fewer than 200 words are skipped. Output:
``<dest>/NNNN_<source>_<name>.md`` and ``<dest>/MANIFEST.tsv`` (file, words, source path). No file is
repeated and no text is duplicated. The corpus (~12 MB) is not committed; ``benchmarks/out/`` is
git-ignored.
"""

from __future__ import annotations

import argparse
import html
import re
from html.parser import HTMLParser
from pathlib import Path

PY_DOCS = Path("/usr/share/doc/python3.11/html/_sources")
DEB_REF = Path("/usr/share/debian-reference")
HANDBOOK = Path("/usr/share/doc/debian-handbook/html/en-US")
PERL_POD = Path("/usr/share/perl/5.36/pod")
PACKAGES = ("python3.11-doc", "debian-reference-en", "debian-handbook", "perl-doc")
ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[^\W\d_]+")

KEEP_DIRECTIVES = {"note", "warning", "seealso", "versionadded", "versionchanged", "deprecated", "tip",
                   "important", "impl-detail", "attention", "caution", "hint", "admonition", "topic", "sidebar"}
UNDERLINE = re.compile(r"^([=\-~^*#\"'`+.:])\1{2,}\s*$")
ROLE = re.compile(r":[\w:.-]+:`~?!?([^`<]*?)(?:\s*<[^>]*>)?`")


def words(text: str) -> int:
    return len(WORD.findall(text))


def rst_to_markdown(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    levels: list[str] = []
    i = 0
    skip_indent: int | None = None  # dropping an indented block (code, directive body)
    literal_next = False
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if stripped == "" or indent > skip_indent:
                i += 1
                continue
            skip_indent = None
        if literal_next and stripped and indent > 0:
            skip_indent = indent - 1
            literal_next = False
            continue
        if stripped:
            literal_next = False
        # headings: text over an underline (optionally with an overline)
        if i + 1 < len(lines) and stripped and UNDERLINE.match(lines[i + 1]) and not UNDERLINE.match(line) \
                and len(lines[i + 1].strip()) >= len(stripped) - 2:
            ch = lines[i + 1].strip()[0]
            if ch not in levels:
                levels.append(ch)
            out += ["", "#" * min(6, levels.index(ch) + 1) + " " + ROLE.sub(r"`\1`", stripped), ""]
            i += 2
            continue
        if UNDERLINE.match(line):
            i += 1
            continue
        m = re.match(r"\s*\.\.\s+([\w:-]+)::\s*(.*)$", line)
        if m:
            name = m.group(1).split(":")[-1]
            if name in KEEP_DIRECTIVES:
                if m.group(2) and not m.group(2)[0].isdigit():
                    out.append(ROLE.sub(r"`\1`", m.group(2)))
                i += 1
                # keep the body, dedented, but drop its option lines
                while i < len(lines) and re.match(r"\s+:[\w-]+:", lines[i]):
                    i += 1
                continue
            skip_indent = indent
            i += 1
            continue
        if re.match(r"\s*\.\.(\s|$)", line):  # comments, targets, substitutions
            skip_indent = indent
            i += 1
            continue
        if re.match(r"\s*:[\w -]+:\s", line) and not out or re.match(r"^:[\w -]+:(\s|$)", line):  # field lists
            i += 1
            continue
        if stripped.startswith(">>>") or stripped.startswith("$ "):
            skip_indent = indent  # the prompt line and what is indented under it
            i += 1
            continue
        text_line = ROLE.sub(r"`\1`", stripped)
        text_line = re.sub(r"`([^`]+?)\s*<[^>]+>`_+", r"\1", text_line)  # links
        text_line = re.sub(r"``([^`]+)``", r"`\1`", text_line)
        text_line = re.sub(r"(\w)_\b", r"\1", text_line)
        if text_line.endswith("::"):
            text_line = text_line[:-2].rstrip() + (":" if text_line[:-2].strip() else "")
            literal_next = True
        if text_line or (out and out[-1] != ""):
            out.append(text_line)
        i += 1
    md = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", md).strip() + "\n"


class _HtmlText(HTMLParser):
    """Paragraphs, list items and headings of an HTML page; ``<div class="para">`` is a paragraph
    (DocBook output: the Debian Administrator's Handbook); inline ``<code>`` becomes Markdown code."""

    BLOCKS = {"p": "", "li": "- ", "h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "dd": "", "dt": ""}
    SKIP = ("pre", "script", "style", "table")
    SKIP_DIVS = ("toc", "navheader", "navfooter")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.cur: list[str] | None = None
        self.prefix = ""
        self.skip = 0
        self.divs: list[str] = []  # for each open div: "para", "skip" (contents, navigation) or ""

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "div":
            cls = dict(attrs).get("class") or ""
            kind = "para" if cls == "para" else "skip" if cls in self.SKIP_DIVS else ""
            self.divs.append(kind)
            if kind == "skip":
                self.skip += 1
            elif kind == "para" and not self.skip:
                self._flush()
                self.cur, self.prefix = [], ""
        elif tag == "code" and self.cur is not None and not self.skip:
            self.cur.append("`")
        elif tag in self.BLOCKS and not self.skip:
            self._flush()
            self.cur, self.prefix = [], self.BLOCKS[tag]

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "div":
            kind = self.divs.pop() if self.divs else ""
            if kind == "skip":
                self.skip = max(0, self.skip - 1)
            elif kind == "para":
                self._flush()
        elif tag == "code" and self.cur is not None and not self.skip:
            self.cur.append("`")
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.cur is not None and not self.skip:
            self.cur.append(data.replace("`", "'"))

    def _flush(self):
        if self.cur:
            text = " ".join("".join(self.cur).split())
            text = re.sub(r"`\s*`", "", text)
            if words(text) >= 3 and text.count("`") % 2 == 0:
                self.parts.append(self.prefix + text)
        self.cur = None


POD_CODE = re.compile(r"([A-Z])<(?:<+\s(.*?)\s>+|([^<>]*))>")


def pod_to_markdown(text: str) -> str:
    """Perl's POD: ``=head1`` -> ``#``, ``=item`` -> list item, verbatim (indented) paragraphs dropped,
    formatting codes -> text (``C<x>`` -> inline code, ``L<text|target>`` -> text, ``E<gt>`` -> ``>``)."""
    entities = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}

    def code(m: re.Match) -> str:
        kind, inner = m.group(1), m.group(2) if m.group(2) is not None else m.group(3)
        if kind == "E":
            return entities.get(inner, "")
        if kind in "XZ":
            return ""
        if kind == "L":
            if "|" in inner:
                inner = inner.split("|", 1)[0]
            elif "://" not in inner:
                inner = inner.split("/", 1)[0].strip('"')
        if kind in "CF":
            return "`" + inner.replace("`", "'") + "`" if inner.strip() else ""
        return inner

    out: list[str] = []
    in_pod, skip_block = True, False
    for para in re.split(r"\n\s*\n", text):
        if not para.strip():
            continue
        first = para.lstrip("\n")
        if first.startswith("=cut"):
            in_pod = False
            continue
        if first.startswith("="):
            in_pod = True
            cmd, _, rest = first.partition(" ")
            rest = " ".join(rest.split())
            if cmd in ("=begin", "=for"):
                skip_block = cmd == "=begin"
            elif cmd == "=end":
                skip_block = False
            elif cmd.startswith("=head") and rest:
                out.append("#" * min(6, int(cmd[5:] or 1)) + " " + rest)
            elif cmd == "=item" and rest.strip("*0123456789. "):
                out.append("- " + rest.lstrip("*0123456789. "))
            continue
        if not in_pod or skip_block or para[:1] in (" ", "\t"):
            continue  # code outside POD, =begin blocks, verbatim paragraphs
        out.append(" ".join(para.split()))
    md = "\n\n".join(out)
    for _ in range(4):  # nested codes, innermost first
        md = POD_CODE.sub(code, md)
    return md + "\n"


def html_to_markdown(text: str) -> str:
    parser = _HtmlText()
    parser.feed(text)
    parser._flush()
    return "\n\n".join(html.unescape(p) for p in parser.parts) + "\n"


SOURCES = [  # (kind, root, glob, short name); each is a Debian package (see the docstring)
    ("rst", PY_DOCS, "**/*.rst.txt", "py"),
    ("html", DEB_REF, "*.en.html", "debref"),
    ("html", HANDBOOK, "*.html", "handbook"),
    ("pod", PERL_POD, "*.pod", "perl"),
]
SKIP_FILES = {"perltoc.pod"}  # a generated table of contents, not prose
CONVERT = {"rst": rst_to_markdown, "html": html_to_markdown, "pod": pod_to_markdown}


def sources() -> list[tuple[Path, str, Path, str]]:
    found = [(p, kind, root, short) for kind, root, pattern, short in SOURCES for p in sorted(root.glob(pattern))
             if p.name not in SKIP_FILES]
    if not found:
        raise SystemExit(f"no sources: apt-get install -y {' '.join(PACKAGES)}")
    return found


def build(dest: Path, min_words: int = 200) -> tuple[list[Path], int]:
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.md"):
        old.unlink()
    files, total, manifest = [], 0, ["file\twords\tsource"]
    for src, kind, root, short in sources():
        raw = src.read_text(encoding="utf-8", errors="replace")
        md = CONVERT[kind](raw)
        count = words(md)
        if count < min_words:
            continue
        rel = str(src.relative_to(root))
        name = re.sub(r"[^\w.-]+", "_", re.sub(r"(\.rst\.txt|\.en\.html|\.html|\.pod)$", "", rel))
        out = dest / f"{len(files):04d}_{short}_{name}.md"
        out.write_text(md, encoding="utf-8")
        files.append(out)
        total += count
        manifest.append(f"{out.name}\t{count}\t{src}")
    (dest / "MANIFEST.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return files, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dest", default=str(ROOT / "benchmarks" / "out" / "corpus"))
    args = ap.parse_args()
    files, total = build(Path(args.dest))
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} files, {total:,} words, {size / 1e6:.1f} MB in {args.dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
