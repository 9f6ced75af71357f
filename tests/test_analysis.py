"""The text-analysis layer (prose_lint/analysis.py, analysis_inline.py, Document's derived properties)."""

from __future__ import annotations

from prose_lint.analysis import (
    TOKEN_RE,
    WORD_RE,
    ends_sentence,
    heading_name,
    heading_roles,
    is_caption,
    stem,
    stopwords,
)
from prose_lint.parse import parse_source
from prose_lint.source import Source


def md(text: str, path: str = "doc.md"):
    return parse_source(Source(path, text), "auto")


# -- tokenizer --------------------------------------------------------------------------------------
def test_words_keep_inner_apostrophes_and_hyphens_and_skip_codes():
    text = "Don't use well-known H2O or S1 here; l’état, 3 cats."
    assert WORD_RE.findall(text) == ["Don't", "use", "well-known", "or", "here", "l’état", "cats"]


def test_tokens_of_claims_include_numbers_and_signs():
    assert TOKEN_RE.findall("Sales rose 12% to $4,000 in 2019.") == \
        ["Sales", "rose", "12", "%", "to", "$", "4", "000", "in", "2019"]


def test_document_words_are_offsets_in_the_file():
    doc = md("A *bold* claim.\n")
    words = [(m.group(), m.start()) for m in doc.words()]
    assert words == [("A", 0), ("bold", 3), ("claim", 9)]
    assert doc.word_count == 3


# -- sentence ends and sentences ------------------------------------------------------------------------
def test_sentence_end_test_and_its_knobs():
    assert ends_sentence("It ended.")
    assert ends_sentence("He said “stop!”  ")
    assert ends_sentence("**Done.**")
    assert ends_sentence("完了。")
    assert not ends_sentence("and then the")
    assert ends_sentence("as follows:")
    assert not ends_sentence("as follows:", clause="")
    assert not ends_sentence("first, second,")
    assert ends_sentence("first, second,", clause=":;,")
    assert not ends_sentence("Results (2020)")
    assert ends_sentence("Results (2020)", closer_ends=True)
    assert not ends_sentence("")


def test_sentences_of_a_block_are_trimmed_spans():
    doc = md("First one here. Second one, with a comma! Third?\n")
    block = doc.paragraphs[0]
    spans = doc.sentences(block)
    assert [doc.text[s:e] for s, e in spans] == ["First one here.", "Second one, with a comma!", "Third?"]
    assert doc.sentences(block) is spans  # computed once per block


def test_a_sentence_that_ends_inside_two_quotations_keeps_its_closing_marks():
    # sentencex cuts ".'” The next" between the marks and does not cut ".’” We" at all.
    doc = md("He said: 'Why seek ye the living among the dead? He is risen.'” The treaty held. "
             "She wrote: “It is done.’” We left. Dr. Smith stayed.\n")
    spans = doc.sentences(doc.paragraphs[0])
    assert [doc.text[s:e] for s, e in spans] == [
        "He said: 'Why seek ye the living among the dead? He is risen.'”", "The treaty held.",
        "She wrote: “It is done.’”", "We left.", "Dr. Smith stayed."]


# -- stemmer ------------------------------------------------------------------------------------------------
def test_british_and_american_spellings_share_a_stem():
    assert stem("organisations") == stem("organization") == stem("Organizations") == stem("organize")
    assert stem("analysed") == stem("analyzed")
    assert stem("analysis") != stem("analyse")  # the noun keeps its own stem


def test_plurals_and_possessives_share_a_stem():
    assert stem("markets") == stem("market") == stem("market's") == stem("market’s")
    assert stem("universities") == stem("university")


def test_derivations_only_when_asked():
    assert stem("extremists", derivations=True) == stem("extremism", derivations=True)
    assert stem("terrorist", derivations=True) == stem("terrorism", derivations=True)
    assert stem("extremists") != stem("extremism")
    assert stem("exist", derivations=True) == "exist"  # too short to be an agent noun


# -- stop words -------------------------------------------------------------------------------------------
def test_one_stop_word_list():
    stop = stopwords()
    assert {"the", "of", "which", "shall", "theirs", "having"} <= stop
    assert not {"market", "conclusion", "extremism"} & stop
    assert all(w == w.lower() for w in stop)
    assert stopwords() is stop


# -- section roles ------------------------------------------------------------------------------------------
DOC = """# A study of harbours

## Abstract

We studied harbours. In conclusion, they matter.

### Conclusion

A structured abstract's conclusion.

## 1. Introduction

Harbours are old. Table 2 shows the figures for every year of the survey.

Table 1: Harbours by country

## Conclusions

Harbours matter a great deal.

## References

Smith, J. (2020). Harbours. Journal of Ports.

## Acknowledgements

We thank the harbour masters.

## Appendix B

More tables.
"""


def test_section_roles_from_the_one_lexicon():
    doc = md(DOC + "\n" + "Filler text for length. " * 40 + "\n")
    roles = {doc.heading_text(s): r for s, r in zip(doc.sections, doc.section_roles)}
    assert roles["Abstract"] == {"abstract"}
    assert roles["Conclusion"] == {"abstract"}  # a subsection of the front abstract
    assert roles["1. Introduction"] == frozenset()
    assert roles["Conclusions"] == {"conclusion"}
    assert roles["References"] == {"references", "tail"}
    assert roles["Acknowledgements"] == {"back_matter", "tail"}
    assert roles["Appendix B"] == {"back_matter", "tail"}
    refs = doc.sections_with("references")
    assert [doc.heading_text(doc.sections[i]) for i in refs] == ["References"]
    entry = next(b for b in doc.paragraphs if doc.block_text(b).startswith("Smith"))
    assert doc.in_role(entry, "references") and not doc.in_role(entry, "conclusion")


def test_heading_names_and_roles():
    assert heading_name("**3. References:**") == "references"
    assert heading_name("IV. Notes") == "notes"
    assert "references" in heading_roles("Bibliography")
    assert "references" in heading_roles("参考文献")
    assert heading_roles("Concluding remarks") == {"conclusion"}
    assert heading_roles("License") == {"tail"}
    assert heading_roles("A long heading that goes on far too long to name a conclusion") == frozenset()


def test_a_front_summary_is_an_abstract_and_a_late_one_a_conclusion():
    filler = "Words of running prose go here and on. " * 30
    early = md(f"# T\n\n## Summary\n\nShort.\n\n## Body\n\n{filler}\n")
    assert early.section_roles[2] == {"abstract"}
    late = md(f"# T\n\n## Body\n\n{filler}\n\n## Summary\n\nShort.\n")
    assert late.section_roles[3] == {"conclusion"}


def test_end_matter_names_are_end_matter_only_in_the_second_half():
    filler = "Words of running prose go here and on. " * 30
    early = md(f"# T\n\n## History\n\n{filler}\n\n## Body\n\n{filler}\n")
    assert early.section_roles[2] == frozenset()  # an article's own "History"
    late = md(f"# T\n\n## Body\n\n{filler}\n\n## History\n\nShort.\n")
    assert late.section_roles[3] == {"tail"}  # a README's closing changelog
    refs = md(f"# T\n\n## References\n\nShort.\n\n## Body\n\n{filler}\n")
    assert refs.section_roles[2] == {"references", "tail"}  # a reference list anywhere


def test_captions():
    assert is_caption("Table 2: Harbours by country")
    assert is_caption("**Fig. 1** Harbours")
    assert is_caption("Table S1. Extra")
    assert not is_caption("Table 2 shows the figures")
    assert not is_caption("Tables are useful")
    doc = md(DOC)
    caption = next(b for b in doc.paragraphs if doc.block_text(b).startswith("Table 1"))
    prose = next(b for b in doc.paragraphs if doc.block_text(b).startswith("Harbours are"))
    assert doc.is_caption(caption.start, caption.end) and not doc.is_caption(prose.start, prose.end)


# -- inline spans -------------------------------------------------------------------------------------------
INLINE = ("Some *em* and **strong** `a code` <b>x</b> [link](http://x.y/(a) \"t\") <http://a.b> "
          "and [ref][r], www.example.org or ann@example.org.\n\n[r]: http://z\n")


def test_markdown_inline_spans_come_from_the_parser():
    doc = md(INLINE)
    text = doc.text
    assert [(text[s.start:s.end], s.kind) for s in doc.emphasis_spans] == [("*em*", "em"), ("**strong**", "strong")]
    assert [text[s.start:s.end] for s in doc.italic_spans] == ["*em*"]
    assert [text[s.start:s.end] for s in doc.inline_code_spans] == ["`a code`"]
    assert [text[s.start:s.end] for s in doc.html_spans] == ["<b>", "</b>"]
    assert [(text[s.start:s.end], s.kind) for s in doc.link_spans] == [
        ('[link](http://x.y/(a) "t")', "link"), ("<http://a.b>", "autolink"), ("[ref][r]", "link")]
    assert [(text[s.start:s.end], s.kind) for s in doc.url_spans] == [
        ("www.example.org", "url"), ("ann@example.org", "email")]
    for span in doc.inline_code_spans + doc.html_spans + doc.url_spans:
        assert not doc.prose[span.start:span.end].strip()  # masked: never prose


def test_plain_text_inline_spans_follow_plain_text_conventions():
    doc = parse_source(Source("doc.txt", "An *aside* and `cmd --x` and <i>Le Monde</i> at www.example.org.\n"), "text")
    text = doc.text
    assert [text[s.start:s.end] for s in doc.italic_spans] == ["*aside*", "<i>Le Monde</i>"]
    assert [text[s.start:s.end] for s in doc.inline_code_spans] == ["`cmd --x`"]
    assert doc.html_spans == [] and doc.link_spans == []
    assert [text[s.start:s.end] for s in doc.url_spans] == ["www.example.org"]


def test_block_at_and_memo():
    doc = md("# Title\n\nA paragraph.\n\n```\ncode\n```\n")
    assert doc.block_at(doc.text.index("Title")).kind == "heading"
    assert doc.block_at(0) is None  # the "# " is markup, outside the block
    assert doc.block_at(doc.text.index("paragraph")).kind == "paragraph"
    assert doc.block_at(doc.text.index("code\n")).kind == "code"
    assert doc.block_at(len("# Title\n")) is None
    calls = []
    assert doc.memo("family", lambda d: calls.append(1) or len(d.blocks)) == 3
    assert doc.memo("family", lambda d: calls.append(1) or -1) == 3
    assert calls == [1]
