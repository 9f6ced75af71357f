"""Plain text -> Document.

Blocks are separated by blank lines. A chunk whose lines look hard-wrapped
(editor widths, most lines breaking mid-sentence) is one paragraph; in
other chunks each line is its own block, since many exported texts put one
paragraph per line with no blank line between them. A short line without
final punctuation that stands before prose is taken as a heading.
"""

from __future__ import annotations

from prose_lint.analysis import ends_sentence
from prose_lint.document import Block, Document, InlineSpans
from prose_lint.masking import mask_urls_and_emails
from prose_lint.positions import LineIndex



def _terminal(line: str) -> bool:
    """A line that ends a sentence or a clause (a closing quote or bracket counts by itself)."""
    return ends_sentence(line, clause=":;,", closer_ends=True)


def parse_text(path: str, text: str, language: str = "en-US") -> Document:
    lines = LineIndex(text)
    chars = list(text)
    urls = mask_urls_and_emails(chars, text)
    prose = "".join(chars)

    chunks: list[list[int]] = []
    current: list[int] = []
    for i in range(len(lines)):
        s, e = lines.line_span(i)
        if prose[s:e].strip():
            current.append(i)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)

    spans: list[tuple[int, int]] = []
    for chunk in chunks:
        if len(chunk) > 1 and _hard_wrapped(lines, chunk, prose):
            spans.append((_trim_start(prose, lines.starts[chunk[0]]), lines.ends[chunk[-1]]))
        else:
            spans.extend((_trim_start(prose, lines.starts[i]), lines.ends[i]) for i in chunk)

    blocks = []
    for n, (start, end) in enumerate(spans):
        while end > start and prose[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        following = spans[n + 1] if n + 1 < len(spans) else None
        if _looks_like_heading(prose[start:end], following and prose[following[0] : following[1]]):
            blocks.append(Block("heading", start, end, level=2))
        else:
            blocks.append(Block("paragraph", start, end))
    doc = Document(path, text, prose, "text", blocks, language, InlineSpans(urls=urls))
    doc.lines = lines  # Document.lines, already made here: the output layer and suppressions read it
    return doc


def _trim_start(prose: str, start: int) -> int:
    while start < len(prose) and prose[start] in " \t":
        start += 1
    return start


def _hard_wrapped(lines: LineIndex, chunk: list[int], prose: str) -> bool:
    """Lines of editor width, most of which break mid-sentence."""
    widths = [lines.ends[i] - lines.starts[i] for i in chunk]
    if max(widths) > 100 or min(widths[:-1]) < 30:
        return False
    mid_sentence = sum(1 for i in chunk[:-1] if not _terminal(prose[lines.starts[i] : lines.ends[i]]))
    return mid_sentence * 2 >= len(chunk) - 1


def _looks_like_heading(line: str, following: str | None) -> bool:
    words = line.split()
    if not words or len(words) > 14 or len(line) > 120:
        return False
    if _terminal(line) or not (line[0].isupper() or line[0].isdigit()):
        return False
    # A heading introduces something longer than itself.
    return following is not None and len(following) > len(line)
