"""variety.count: British and American forms counted with their weights; capitalised words are names."""

from prose_lint.variety import count


def test_count_weights_and_names():
    # colour x2 (British, 1 each), organised (1); color (American, 1), realize and organize (-ize, 0.25 each);
    # "Colour" is capitalised: a name, not counted.
    assert count("The colour of the Colour organised color colour realize organize") == (3.0, 1.5, 3, 3)


def test_count_without_forms():
    assert count("Nothing here is spelt one way or the other.") == (0.0, 0.0, 0, 0)
    assert count("") == (0.0, 0.0, 0, 0)
