"""Markdown becomes prose with markup masked and offsets kept."""

from __future__ import annotations

from prose_lint.parse import parse_source, sniff_markup
from prose_lint.source import Source
from seedutil import seed_path


def doc_of(text: str, path: str = "d.md"):
    return parse_source(Source(path, text))


def visible(doc) -> str:
    return " ".join(doc.prose.split())


def test_prose_has_the_same_length():
    text = "# T\n\n*a* `b` [c](http://d.e) <span>f</span> g@h.ij\n"
    doc = doc_of(text)
    assert len(doc.prose) == len(text)


def test_markup_is_masked():
    text = (
        "---\ntitle: Front matter words\n---\n"
        "# Heading here\n\n"
        "Text with `inline code`, a [link text](https://example.com/path) and https://bare.example.org/x.\n"
        "Mail me@example.com or <a href=\"x\">tag text</a> <!-- a comment -->.\n\n"
        "```\ncode block words\n```\n\n"
        "| Col A | Col B |\n|---|---|\n| cell one | cell two |\n"
    )
    doc = doc_of(text)
    shown = visible(doc)
    for hidden in ("Front", "inline", "example", "https", "me@", "href", "comment", "code block", "|", "---", "#"):
        assert hidden not in shown, hidden
    for kept in ("Heading here", "Text with", "link text", "Mail", "tag text", "cell one", "cell two"):
        assert kept in shown, kept


def test_structure_kinds():
    doc = doc_of("# H1\n\nPara one.\n\n- item a\n- item b\n\n> quoted para\n\n| a | b |\n|---|---|\n| c | d |\n\n**Bold heading**\n\nEnd.\n")
    kinds = [(b.kind, doc.block_text(b).strip()) for b in doc.blocks]
    assert ("heading", "H1") in kinds
    assert ("paragraph", "Para one.") in kinds
    assert ("list_item", "item a") in kinds
    assert ("table_cell", "c") in kinds
    assert ("heading", "Bold heading") in kinds  # a bold-only line is a pseudo-heading
    quoted = [b for b in doc.blocks if doc.block_text(b).strip() == "quoted para"]
    assert quoted and quoted[0].in_quote
    assert [doc.heading_text(s) for s in doc.sections] == ["", "H1", "Bold heading"]


def test_escapes_and_entities_map_to_source():
    text = "A \\*literal\\* star &amp; more.\n"
    doc = doc_of(text)
    assert doc.prose[text.index("literal")] == "l"
    assert doc.prose[text.index("\\*")] == " "  # the backslash is markup


def test_sniffing():
    assert sniff_markup(seed_path("000").read_text()) == "markdown"
    for seed in ("001", "002", "003", "004"):
        assert sniff_markup(seed_path(seed).read_text()) == "text"
    assert sniff_markup("Plain text with a * star and # hash.\n") == "text"


def test_seed_000_links_and_html_are_masked():
    text = seed_path("000").read_text()
    doc = parse_source(Source("000.txt", text))
    assert doc.markup == "markdown"
    for hidden in ("mailto", "waseem@ulm.edu.pk", "<sup>", "**", "###"):
        at = text.find(hidden)
        assert at >= 0
        assert doc.prose[at:at + len(hidden)].strip() == "", hidden


def test_plain_text_blocks():
    text = "Title line\n\nFirst paragraph is here and it ends.\nSecond line paragraph also ends.\n\n" \
           "A hard wrapped paragraph that goes on for a while and then\nwraps onto the next line because the\nauthor used a text editor.\n"
    doc = doc_of(text, "t.txt")
    kinds = [(b.kind, doc.block_text(b)[:20]) for b in doc.blocks]
    assert kinds[0] == ("heading", "Title line")
    assert kinds[1][1].startswith("First") and kinds[2][1].startswith("Second")
    assert len(doc.blocks) == 4


def test_a_nested_list_of_links_after_a_paragraph_is_a_list_not_code():
    # html2text indents a nested menu by its depth; after a paragraph CommonMark would read it as code.
    text = ("Lighthouses of the coast\n\n"
            "      * [Visiting hours](/visit/hours)\n"
            "      * [Guided tours](/visit/tours)\n"
            "        * [School groups](/visit/schools)\n"
            "      * [Contact us](/contact)\n\n"
            "The keepers' logbooks are now a record of the weather.\n")
    doc = doc_of(text)
    kinds = [(b.kind, text[b.start:b.end]) for b in doc.blocks]
    assert ("list_item", "Visiting hours") in kinds and ("list_item", "School groups") in kinds
    assert not any(kind == "code" for kind, _ in kinds)
    assert "Guided tours" in visible(doc) and "/visit" not in visible(doc)
    assert len(doc.prose) == len(text)


def test_an_indented_code_block_stays_code():
    text = ("Run the script:\n\n"
            "    * [x](y) is how a link is written\n"
            "    print('hello')\n\n"
            "Or list the items in a shell:\n\n"
            "    - one\n"
            "    - two\n")
    doc = doc_of(text)
    assert [b.kind for b in doc.blocks].count("code") == 2
    assert "hello" not in visible(doc) and "one" not in visible(doc)
