"""duplicate-text's paraphrase test on a small generated evaluation: recall on restatements written by rule,
false positives per 1,000 words on unmodified documents.

    .venv/bin/python benchmarks/paraphrase_eval.py [--hosts 60] [--features out.jsonl] [--option key=value ...]

Hosts: the tune split's unmodified hosts (benchmarks/out/quality/tune, built by benchmarks/quality/build.py)
and ../shared/corpus/clean; never the test split. Into each host, seeded by its name, three documents are
generated, each with one defect inserted in the middle of the document (after the source, before the closing
fifth, which is duplicated-conclusion's):

* ``paragraph``: a paragraph of the first half restated in other words by rule: every synonym swap from the small
  lexicon below (written from general English for this script, not from the corpus generators' inventories),
  clauses reordered ("X, because Y." -> "Because Y, X."; "X, A said." -> "A said that X."), parentheticals
  dropped, sentences reordered and, of four or more, one dropped;
* ``sentence``: one long sentence restated the same way, appended to a later paragraph;
* ``verbatim``: a paragraph copied as it is (the rapidfuzz test's, checked so that it still holds).

Clean: the same hosts unmodified. A duplicate-text diagnostic is a hit when it overlaps the inserted text and
a false positive elsewhere; on clean hosts every paraphrase diagnostic is a false positive (a host may repeat
itself for real: read them). ``--features`` writes every candidate pair's evidence with its label, to
calibrate the thresholds (rules/duplicate_text.toml).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SYNONYMS = """
important significant; big large; small little; show demonstrate; help assist; begin start; buy purchase;
said stated; says states; get obtain; need require; use employ; used employed; uses employs; many numerous;
often frequently; also additionally; about roughly; people individuals; make create; makes creates;
made created; try attempt; end finish; enough sufficient; main principal; hard difficult; easy simple;
quick fast; quickly rapidly; whole entire; very highly; new novel; old former; problem issue; problems issues;
answer reply; choose select; chose selected; allow permit; allows permits; give provide; gives provides;
keep retain; want wish; wants wishes; change alter; changes alters; clear evident; build construct;
built constructed; goal aim; idea notion; job task; city town; country nation; world globe; car vehicle;
house home; money funds; company firm; children kids; student pupil; students pupils; rule regulation;
rules regulations; mistake error; mistakes errors; area region; areas regions; way method; ways methods;
however nevertheless; therefore consequently; because since; although though; near close; around approximately;
almost nearly; maybe perhaps; enormous huge; fix repair; find discover; found discovered; look appear;
looks appears; seem appear; seems appears; buyers purchasers; season period; team squad; game match;
increase rise; increased rose; decrease decline; fell dropped; rich wealthy; poor needy; speak talk;
spoke talked; told informed; ask request; asked requested; hope expect; believe think; think believe;
decided chose; plan scheme; plans schemes; result outcome; results outcomes; reason cause; reasons causes;
story account; stories accounts; method approach; methods approaches; system setup; systems setups;
feature characteristic; features characteristics; provide supply; provides supplies; support back;
supports backs; include contain; includes contains; including containing; option choice; options choices;
file document; files documents; user person; users people; directory folder; directories folders;
install set up; installed set up; run execute; runs executes; program application; programs applications
"""


def _lexicon() -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in SYNONYMS.replace("\n", " ").split(";"):
        words = pair.split()
        if len(words) >= 2:
            a, b = words[0], " ".join(words[1:])
            out.setdefault(a, b)
            if " " not in b:
                out.setdefault(b, a)
    return out


LEX = _lexicon()
_SUB = re.compile(r"^(?P<main>[A-Z][^,;:]{15,}?), (?P<conj>because|although|while|since|when|after|before|if|as|"
                  r"unless|until) (?P<sub>[^,;:]{10,})(?P<end>[.!?])$")
_SAID = re.compile(r"^(?P<quote>[A-Z][^\"“”]{20,}?), (?P<who>(?:he|she|they|the [a-z]+|[A-Z][\w.]+(?: [A-Z][\w.]+)?)) "
                   r"(?P<verb>said|says|added|wrote)(?P<end>[.!?])$")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _swap(rng: random.Random, sent: str, share: float) -> str:
    def one(m: re.Match[str]) -> str:
        w = m.group(0)
        alt = LEX.get(w.lower())
        if not alt or rng.random() > share:
            return w
        return alt[0].upper() + alt[1:] if w[0].isupper() else alt
    return re.sub(r"[A-Za-z]+", one, sent)


def _decap(s: str) -> str:
    first = s.split(" ", 1)[0]
    return s if first.isupper() or first in ("I",) or (len(first) > 1 and first[1:].lower() != first[1:]) \
        else s[0].lower() + s[1:]


def _reorder(sent: str) -> str:
    m = _SUB.match(sent)
    if m:
        return f"{m['conj'].capitalize()} {m['sub']}, {_decap(m['main'])}{m['end']}"
    m = _SAID.match(sent)
    if m:
        return f"{m['who'][0].upper() + m['who'][1:]} {m['verb']} that {_decap(m['quote'])}{m['end']}"
    return sent


def restate_sentence(rng: random.Random, sent: str) -> str:
    sent = re.sub(r"\s*\([^()]{1,80}\)", "", sent)
    return _swap(rng, _reorder(sent.strip()), 1.0)


def restate_paragraph(rng: random.Random, para: str) -> str:
    sents = [s for s in _SENT.split(" ".join(para.split())) if s]
    if len(sents) >= 4:
        del sents[rng.randrange(1, len(sents))]
    sents = [restate_sentence(rng, s) for s in sents]
    if len(sents) >= 2:
        k = rng.randrange(1, len(sents))
        sents = sents[k:] + sents[:k]
    return " ".join(sents)


def _prose_paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"(?:[^\n]+\n?)+", text):
        par = m.group(0).strip()
        if not par or par[0] in "#|`-*>![<0123456789" or "```" in par:
            continue
        words = len(par.split())
        if words >= 40 and len(_SENT.split(par)) >= 2:
            out.append((m.start(), m.start() + len(m.group(0).rstrip())))
    return out


def hosts(limit: int) -> list[Path]:
    tune = ROOT / "benchmarks/out/quality/tune"
    found = []
    if (tune / "cases.jsonl").is_file():
        for line in (tune / "cases.jsonl").read_text().splitlines():
            case = json.loads(line)
            if case["form"] == "unmodified":
                found.append(tune / case["file"])
    clean = ROOT.parent / "shared/corpus/clean"
    found += sorted(clean.glob("*.txt"))
    return found[:limit]


def plant(path: Path, kind: str) -> tuple[str, tuple[int, int], tuple[int, int]] | None:
    """(text, inserted span, source span) or None when the host has too few prose paragraphs."""
    text = path.read_text(encoding="utf-8")
    rng = random.Random(zlib.crc32(f"{path.name}/{kind}".encode()))
    paras = _prose_paragraphs(text)
    if len(paras) < 6:
        return None
    n = len(paras)
    a = rng.randrange(max(1, n // 10), max(2, n // 2))
    b = rng.randrange(min(a + 2, n - 2), max(a + 3, int(n * 0.75)))
    b = min(b, n - 2)
    s, e = paras[a]
    source = text[s:e]
    if kind == "sentence":
        sents = [(m.start(), m.end()) for m in re.finditer(r"[A-Z][^.!?]*[.!?]", source)
                 if len(m.group(0).split()) >= 18]
        if not sents:
            return None
        ss, se = rng.choice(sents)
        new = restate_sentence(rng, source[ss:se])
        at = paras[b][1]
        out = text[:at] + " " + new + text[at:]
        return out, (at + 1, at + 1 + len(new)), (s + ss, s + se)
    new = restate_paragraph(rng, source) if kind == "paragraph" else source
    at = paras[b][1]
    out = text[:at] + "\n\n" + new + text[at:]
    return out, (at + 2, at + 2 + len(new)), (s, e)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=int, default=200)
    ap.add_argument("--features", type=Path)
    ap.add_argument("--option", action="append", default=[], help="duplicate-text option key=value")
    ap.add_argument("--show", action="store_true", help="print false positives and misses")
    args = ap.parse_args(argv)

    from prose_lint.checks import paraphrase as P
    from prose_lint.checks.duplication_common import structure
    from prose_lint.config import RuleSettings, Settings
    from prose_lint.engine import Linter
    from prose_lint.parse import parse_source
    from prose_lint.source import Source

    options = {"paraphrase": True}
    for kv in args.option:
        k, v = kv.split("=", 1)
        options[k] = json.loads(v)
    settings = Settings(select=["duplicate-text"], no_grammar=True)
    settings.rules["duplicate-text"] = RuleSettings(options=options)
    linter = Linter(settings)
    feats = open(args.features, "w") if args.features else None
    # planted, found (any duplicate-text diagnostic), missed by the word-for-word test, of those found by
    # the paraphrase test, paraphrase false positives
    stats = {k: [0, 0, 0, 0, 0] for k in ("paragraph", "sentence", "verbatim")}
    clean_words = clean_fp = 0
    for path in hosts(args.hosts):
        docs = [("clean", path.read_text(encoding="utf-8"), None, None)]
        for kind in ("paragraph", "sentence", "verbatim"):
            got = plant(path, kind)
            if got:
                docs.append((kind, *got))
        for kind, text, span, source in docs:
            name = path.name if path.suffix == ".md" else path.stem + ".txt"
            result = linter.lint_source(Source(name, text))
            diags = [d for d in result.diagnostics if d.rule == "duplicate-text"]
            para = [d for d in diags if d.properties.get("kind") == "paraphrase"]
            if kind == "clean":
                clean_words += len(text.split())
                clean_fp += len(para)
                for d in para if args.show else []:
                    print("CLEAN FP", path.name, repr(text[d.start:d.end][:90]), "|", d.message)
            else:
                hit = [d for d in diags if d.start < span[1] and span[0] < d.end]
                stats[kind][0] += 1
                verbatim = [d for d in hit if d not in para]
                stats[kind][1] += bool(hit)
                stats[kind][2] += not verbatim
                stats[kind][3] += bool(hit) and not verbatim
                stats[kind][4] += sum(1 for d in para if d not in hit)
                if args.show and not hit:
                    print("MISS", kind, path.name, repr(text[span[0]:span[1]][:90]))
            if feats:
                doc = parse_source(Source(name, text))
                us = P.units(doc, structure(doc), set())
                for pr in P.pairs(doc, us, P.candidates(us, 1, 0.0, 4)):
                    pos = bool(span) and pr.later.start < span[1] and span[0] < pr.later.end \
                        and pr.earlier.start < source[1] and source[0] < pr.earlier.end
                    feats.write(json.dumps(dict(doc=path.name, kind=kind, unit=pr.later.kind, pos=pos, rare=pr.rare,
                                                overlap=round(pr.overlap, 3), cos=round(pr.cosine, 3),
                                                margin=round(pr.margin, 3))) + "\n")
    for kind, (n, found, hard, by_meaning, fp) in stats.items():
        print(f"{kind:10s} recall {found / max(1, n):.2f} ({found}/{n}); of the {hard} the word-for-word test "
              f"misses, the paraphrase test finds {by_meaning}; paraphrase false positives {fp}")
    print(f"clean: {clean_fp} paraphrase diagnostics in {clean_words} words "
          f"({1000 * clean_fp / max(1, clean_words):.3f} per 1,000 words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
