"""One set of fixture diagnostics that every formatter is tested on."""

from __future__ import annotations

from prose_lint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from prose_lint.result import FileResult

TEXT_A = "Title\r\n\r\nThe the cat said 😀 hello.\r\nIt is  free, then it is not free.\r\n"
TEXT_B = "Alpha line.\nSecond: in order to win, 100% \"quoted\" & <tag>.\n"


def fixture_results() -> list[FileResult]:
    the = TEXT_A.index("The the") + 4
    hello = TEXT_A.index("hello")
    free1 = TEXT_A.index("free")
    free2 = TEXT_A.rindex("not free")
    order = TEXT_B.index("in order to")
    a = FileResult("docs/a.md", TEXT_A, [
        Diagnostic("repeated-word", Severity.WARNING, the, the + 3, "'the' is repeated.", ("",),
                   fix=Fix((Edit(the - 1, the + 3, ""),))),
        Diagnostic("grammar/EN_TEST", Severity.ERROR, hello, hello + 5, "Odd greeting", ("hi", "hey")),
        Diagnostic("self-contradiction", Severity.WARNING, free2, free2 + 8, "Contradicts line 4",
                   related=(Related(free1, free1 + 4, "the earlier claim"),), properties={"confidence": 0.9}),
    ])
    b = FileResult("docs/b.txt", TEXT_B, [
        Diagnostic("wordy", Severity.INFO, order, order + 11, "Use 'to' instead of 'in order to'.", ("to",),
                   fix=Fix((Edit(order, order + 11, "to"),))),
    ])
    broken = FileResult("docs/broken.txt", error="docs/broken.txt: not valid UTF-8 (invalid byte 0xff at offset 3)")
    return [a, b, broken]


# (path, line, column, end_line, end_column, rule) expected for the diagnostics above.
EXPECTED_POSITIONS = [
    ("docs/a.md", 3, 5, 3, 8, "repeated-word"),
    ("docs/a.md", 3, 20, 3, 25, "grammar/EN_TEST"),
    ("docs/a.md", 4, 25, 4, 33, "self-contradiction"),
    ("docs/b.txt", 2, 9, 2, 20, "wordy"),
]
