"""boilerplate's bars and rows of links (checks/boilerplate_bars.py): chrome by their shape, but only where
other chrome would be, and never a text's own line of verse, contents or links to its parts. Written for the
review of 1ece0a9, not tuned on."""

from __future__ import annotations

from prose_lint.checks.boilerplate_bars import link_row
from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.source import Source

RULE = "boilerplate"
PARA = ("The tide comes in across the sand and the gulls go quiet one by one, and the last light lies along "
        "the water like a thread that someone has let fall from a window.")
PARA2 = ("I walked there every evening of that summer with my father, and he would name the boats as they "
         "came in, one after another, until it was too dark to see them.")


def _diags(text: str, path: str = "t.md"):
    return Linter(Settings(select=[RULE])).lint_source(Source(path, text)).diagnostics


def _flagged(text: str, path: str = "t.md") -> list[str]:
    return [text[d.start:d.end] for d in _diags(text, path)]


def test_a_verse_line_with_one_generic_label_is_no_bar():
    text = f"# Evening on the Shore\n\n{PARA}\n\nSalt · Wind · Stone · Home\n\n{PARA2}\n"
    assert _flagged(text) == []


def test_bars_of_labels_inside_a_poem_support_no_one():
    text = f"Evening\n\n{PARA}\n\nBread · Milk · Print · Privacy\n\nRain · Sea · Home · Contact\n\n{PARA2}\n"
    assert _flagged(text, "t.txt") == []


def test_a_readme_row_of_links_to_its_docs_is_its_own():
    text = (f"# tidyframe\n\n{PARA}\n\n{PARA2}\n\n[Read the guide](docs/guide.md) [Browse the API](docs/api.md)\n\n"
            "## License\n\nReleased under the MIT License by the tidyframe authors.\n")
    assert _flagged(text) == []


def test_an_in_page_table_of_contents_is_the_texts_own():
    text = (f"# A Field Guide\n\n{PARA}\n\n[Introduction](#introduction) · [Finches](#finches) · [Thrushes](#thrushes)\n\n"
            f"[Part One](#part-one) [Part Two](#part-two) [Part Three](#part-three)\n\n## Introduction\n\n{PARA2}\n")
    assert _flagged(text) == []


def test_an_essays_links_to_earlier_pieces_are_its_own():
    text = (f"# What the river knows\n\n{PARA}\n\n[The flood of 2007](flood.md) · [Fishing with my grandfather](fishing.md)"
            f"\n\n{PARA2}\n")
    assert _flagged(text) == []


def test_a_flagged_block_never_takes_the_heading_under_it():
    text = (f"# Ferry services resume\n\n{PARA}\n\n{PARA2}\n\n[Sign in](/signin) [Subscribe](/subscribe) [Log in](/login)\n\n"
            "## License\n\nReleased under the MIT License by the authors of the site and its contributors.\n")
    flagged = _flagged(text)
    assert flagged and all("License" not in f for f in flagged)


def test_a_site_header_row_of_links_is_chrome():
    text = f"[Register](/register) [Sign in](/signin)\n\n# Volunteers restore the pond\n\n{PARA}\n\n{PARA2}\n"
    (flagged,) = _flagged(text)
    assert "Register" in flagged and "Sign in" in flagged


def test_a_row_of_linked_images_is_a_row_of_links():
    assert link_row("[![logo](/logo.png)](/) [Blog](/blog)")
    assert not link_row("[Read the guide](docs/guide.md) [Browse the API](docs/api.md)")
    assert not link_row("[Part One](#part-one) [Part Two](#part-two)")


FERRY = ("Ferry services between the mainland and the islands resumed on Tuesday morning after three days of "
         "cancellations caused by high winds and heavy seas across the region.\n\nOperators said the first sailings "
         "were full and that extra crossings would be added through the week to clear the backlog of passengers "
         "and freight waiting at both ports.\n")


def test_a_pages_h1_between_chrome_is_its_title():
    # Without page_titles the menu, the title and the share bar are one block and the fix deletes the title.
    text = f"[Home](/) | [News](/news) | [Sport](/sport) | [Weather](/weather)\n\n# Ferry services resume\n\nShare | Print | Email\n\n{FERRY}"
    flagged = _flagged(text)
    assert len(flagged) == 2 and all("Ferry services resume" not in f for f in flagged)


def test_an_h1_that_is_a_bar_is_no_title():
    text = (f"[Skip to content](#content)\n\n[Sign in](/signin) [Subscribe](/subscribe)\n\n# News | Sport | Weather | Travel | Home"
            f"\n\nSearch\n\n## Ferry services resume after three days of storms\n\nBy Tom Hale | 12 March 2024\n\n{FERRY}\n"
            "Islanders said shops had run short of fresh food and newspapers, and that several people had missed "
            "hospital appointments on the mainland during the closure.\n\nShare | Print | Email\n\n"
            "Privacy Policy | Terms of Use | Contact | Site Map\n\n© 2024 Island Times. All rights reserved.\n")
    flagged = _flagged(text)[0]
    assert "News | Sport | Weather" in flagged and "Search" in flagged
