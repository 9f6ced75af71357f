"""The scorer's arithmetic, on hand-made cases: what counts as found, as a true and a false positive."""

from __future__ import annotations

from score import sample_cases, score_cases
from scoring import flagged_lines, overlaps, prf, seed_rows


def case(cid, cls, form, defects, control=False, words=1000):
    return {"id": cid, "class": cls, "form": form, "control": control, "words": words, "file": f"{cid}.txt",
            "defects": [{"span": list(s), "accept": [list(a) for a in acc], "note": ""} for s, acc in defects]}


def test_overlap_counts_an_empty_region_as_its_first_character():
    assert overlaps(5, 5, 5, 6) and not overlaps(6, 6, 5, 6)
    assert overlaps(0, 10, 9, 20) and not overlaps(0, 10, 10, 20)


def test_found_true_and_false_positives():
    cases = [
        case("a", "stray-token", "html-tag", [((100, 105), [])]),
        case("b", "self-contradiction", "antonym", [((500, 560), [(10, 40)])]),
        case("c", "clean", "unmodified", [], control=True, words=2000),
        case("d", "self-contradiction", "control-nli-neutral", [], control=True),
    ]
    results = {
        "a": [("stray-token/residue", 101, 103), ("stray-token/foreign-word", 300, 303), ("boilerplate", 0, 5)],
        "b": [("self-contradiction", 20, 30)],  # on the accepted earlier sentence: found
        "c": [("off-topic-content", 0, 900), ("off-topic-content", 950, 990)],
        "d": [("self-contradiction", 1, 2)],
    }
    s = score_cases(cases, results)
    st = s["classes"]["stray-token"]
    assert (st["planted"], st["found"], st["tp"], st["fp"]) == (1, 1, 1, 1)
    assert st["recall"] == 1.0 and st["precision"] == 0.5
    sc = s["classes"]["self-contradiction"]
    assert (sc["found"], sc["tp"], sc["fp"]) == (1, 1, 1)  # the control's diagnostic is a false positive
    assert s["classes"]["boilerplate"]["fp"] == 1 and s["classes"]["boilerplate"]["precision"] == 0.0
    assert s["controls"]["self-contradiction/control-nli-neutral"]["flagged_docs"] == 1
    assert s["clean"]["fp_per_1000_words"]["off-topic"] == 1.0  # 2 diagnostics on 2,000 words
    assert s["forms"]["stray-token/html-tag"]["precision"] == 0.5


def test_a_missed_defect_and_the_wrong_family():
    cases = [case("a", "off-topic", "append-with-headline", [((1000, 3000), [])])]
    s = score_cases(cases, {"a": [("duplicated-conclusion", 1500, 1600)]})
    assert s["classes"]["off-topic"]["found"] == 0 and s["classes"]["off-topic"]["recall"] == 0.0
    assert s["classes"]["duplicated-conclusion"]["fp"] == 1


def test_internal_errors_are_reported():
    s = score_cases([case("a", "clean", "unmodified", [], True)], {"a": [("internal-error", 0, 0)]})
    assert s["internal_errors"] == [("a.txt", "internal-error")]


def test_prf_edge_cases():
    assert prf(0, 0, 0, 0)["precision"] == 1.0
    assert prf(0, 5, 0, 0) == {"recall": 0.0, "precision": 0.0, "f1": 0.0}
    assert prf(3, 4, 3, 1) == {"recall": 0.75, "precision": 0.75, "f1": 0.75}


def test_flagged_lines_span_the_region():
    text = "one\ntwo\nthree\nfour\n"
    assert flagged_lines(text, [("boilerplate", 4, 13), ("stray-token", 0, 2)], "boilerplate") == {2, 3}


def test_sample_keeps_every_form():
    cases = [case(str(i), "x", f"f{i % 3}", []) for i in range(30)]
    got = sample_cases(cases, 2)
    assert len(got) == 6 and {c["form"] for c in got} == {"f0", "f1", "f2"}


def test_seed_rows_are_parsed(tmp_path):
    expected = tmp_path / "EXPECTED.md"
    expected.write_text("## Must be found\n\n| file | line:col | family | what |\n|---|---|---|---|\n"
                        "| 000 | 32:1591 | `duplicated-conclusion` | x |\n"
                        "| 000 | 32:476 | `grammar` | lowercase |\n"
                        "| 003 | 1 through 12, 31 | `boilerplate` | chrome |\n"
                        "## Must not be flagged\n| 004 | 1:1 | `boilerplate` | no |\n", encoding="utf-8")
    rows = seed_rows(expected)
    assert rows == [("000", [(32, 1591)], ["duplicated-conclusion"]),
                    ("003", [(1, None), (12, None), (31, None)], ["boilerplate"])]


def test_wilson_interval_brackets_the_proportion_and_narrows_with_n():
    from scoring import wilson

    lo, hi = wilson(13, 20)
    assert 0.40 < lo < 0.65 < hi < 0.85
    lo2, hi2 = wilson(130, 200)
    assert lo < lo2 < 0.65 < hi2 < hi
    assert wilson(0, 0) == (0.0, 1.0)
    assert wilson(20, 20)[1] == 1.0
