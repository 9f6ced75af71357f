from __future__ import annotations

from pathlib import Path

import pytest

from prose_lint.config import Settings
from prose_lint.engine import Linter
from prose_lint.errors import ConfigError
from prose_lint.packs import load_pack
from prose_lint.registry import builtin_pack_dir
from prose_lint.source import Source


def pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, message", [
    ('[[rule]]\nid = "x"\ntype = "magic"\nmessage = "m"\n',
     r"mine\.toml: rule #1 \(x\): key 'type': unknown rule type 'magic' \(valid types: consistency, existence, occurrence, repetition, substitution\)"),
    ('[[rule]]\nid = "x"\ntype = "existence"\nmessage = "m"\ntokens = ["a"]\ncolour = 1\n',
     r"rule #1: unknown key 'colour' for a existence rule \(allowed: .*tokens"),
    ('[[rule]]\nid = "x"\ntype = "existence"\nmessage = "m"\npatterns = ["(unclosed"]\n',
     r"\(rule x\): key 'patterns': bad regex"),
    ('[[rule]]\nid = "Bad Id"\ntype = "existence"\nmessage = "m"\ntokens = ["a"]\n', r"invalid rule id 'Bad Id'"),
    ('[[rule]]\nid = "x"\ntype = "substitution"\nmessage = "m"\n', r"rule #1: missing key 'swap'"),
    ('[[rule]]\nid = "x"\ntype = "existence"\nmessage = "m"\nseverity = "loud"\ntokens = ["a"]\n',
     r"\(rule x\): key 'severity': unknown severity 'loud'"),
    ('[[rule]]\nid = "x"\ntype = "occurrence"\nmessage = "m"\ntokens = ["a"]\n', r"needs 'max' or 'min'"),
    ('[[rule]]\nid = "x"\ntype = "consistency"\nmessage = "m"\neither = [["a", "b"]]\n', r"need exactly one capture group"),
    ('[[rule]]\nid = "x"\ntype = "repetition"\nmessage = "m"\nwindow = "2"\n',
     r"\(rule x\): key 'window' must be an integer, got '2'"),
    ('[[rule]]\nid = "x"\ntype = "occurrence"\nmessage = "m"\ntokens = ["a"]\nmax = 2\nper = "page"\n',
     r"\(rule x\): key 'per' must be one of sentence, paragraph, document, got 'page'"),
    ('[[rule]]\nid = "x"\ntype = "existence"\nmessage = "m"\ntokens = ["a", ""]\n',
     r"\(rule x\): key 'tokens' must be a list of non-empty strings"),
    ('rules = 3\n', r"unknown top-level key 'rules'"),
    ('[[rule]\n', r"invalid TOML"),
])
def test_pack_errors_name_file_rule_and_key(tmp_path, body, message):
    with pytest.raises(ConfigError, match=message):
        load_pack(pack(tmp_path, body))


def test_builtin_packs_load():
    rules = [r for path in sorted(builtin_pack_dir().glob("*.toml")) for r in load_pack(path)]
    assert {"repeated-word", "wordy", "spelling-consistency"} <= {r.id for r in rules}
    assert all(r.doc and r.summary for r in rules)


def test_user_pack_directory_adds_rules(tmp_path):
    pack(tmp_path, '[[rule]]\nid = "house/banned"\ntype = "existence"\nmessage = "Avoid {match}."\n'
                   'description = "House style."\ntokens = ["synergy"]\n')
    linter = Linter(Settings(select=["house"], pack_dirs=[tmp_path]))
    (d,) = linter.lint_source(Source("a.md", "Real synergy here.\n")).diagnostics
    assert d.rule == "house/banned" and d.message == "Avoid synergy."


def test_duplicate_rule_id_is_an_error(tmp_path):
    pack(tmp_path, '[[rule]]\nid = "wordy"\ntype = "existence"\nmessage = "m"\ntokens = ["a"]\n')
    with pytest.raises(ConfigError, match=r"rule id 'wordy' already declared"):
        Linter(Settings(pack_dirs=[tmp_path]))


def test_consistency_word_lookup_equals_the_full_scan():
    """Consistency patterns that can only match a word are looked up per distinct word; the result must
    be the scan's, on real documents and on text with digits, underscores, accents and capitals."""
    from seedutil import CLEAN, SEEDS

    from prose_lint.parse import parse_source
    from prose_lint.registry import load_registry
    from prose_lint.rule import RuleContext

    rule = load_registry().find("spelling-consistency")
    assert all(whole is not None for sides in rule.pairs for _, whole in sides)  # the fast path is taken
    scan_only = type(rule).__new__(type(rule))
    scan_only.__dict__.update(rule.__dict__)
    scan_only.pairs = [tuple((scan, None) for scan, _ in sides) for sides in rule.pairs]
    texts = [p.read_text(encoding="utf-8") for p in [*CLEAN.glob("*.*"), *SEEDS.glob("*.txt")]]
    texts.append("Organise the organisation_2; the organization and Organization's 3organizes. "
                 "Colour, colours, COLOR, colorful; centre_x centre centers. Analysed analyzing défense "
                 "défence catalogue catalog catalogs. organise\norganize")
    ctx = RuleContext(rule.id, rule.severity, {})
    for text in texts:
        doc = parse_source(Source("doc.md", text), "auto", "en-US")
        fast = [(d.start, d.end, d.message) for d in rule.check(doc, ctx)]
        slow = [(d.start, d.end, d.message) for d in scan_only.check(doc, ctx)]
        assert fast == slow
    assert any(True for _ in rule.check(parse_source(Source("d.md", texts[-1]), "auto", "en-US"), ctx))
