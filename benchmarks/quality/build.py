"""Build the evaluation corpus: real hosts with planted defects, controls, and clean hosts, per split.

    python3 benchmarks/quality/build.py [--out benchmarks/out/quality] [--per-class 160] [--seed 11]

Writes ``<out>/<split>/docs/<class>/<n>.<suffix>`` and ``<out>/<split>/cases.jsonl`` (one record per
document: class, form, host, source, defects with character spans), and ``<out>/manifest.json``. Everything is
seeded: the same data and seed give byte-identical output. The test split is *frozen*: its digest is kept in
``benchmarks/quality/FROZEN.json`` and the build fails when the test split changes, unless ``--refreeze`` is
given (a deliberate, reviewed change of the yardstick; say so in the report).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sources  # noqa: E402
from common import CLASSES, SPLITS, Host, PlantContext, Planted  # noqa: E402

FORM_MODULES = {
    "boilerplate": "forms.boilerplate",
    "stray-token": "forms.stray_token",
    "self-contradiction": "forms.contradiction",
    "off-topic": "forms.off_topic",
    "duplicated-conclusion": "forms.conclusion",
}
FROZEN = HERE / "FROZEN.json"
DEFAULT_OUT = HERE.parents[0] / "out" / "quality"
TRIES = 40  # hosts tried per instance before a form gives up on it


def forms(cls: str) -> tuple[dict, dict]:
    module = importlib.import_module(FORM_MODULES[cls])
    return dict(module.FORMS), dict(getattr(module, "CONTROLS", {}))


def _plant(fn, rng: random.Random, pool: list[Host], ctx: PlantContext) -> tuple[Host, Planted] | None:
    for _ in range(TRIES):
        host = rng.choice(pool)
        planted = fn(random.Random(rng.random()), host, ctx)
        if planted is not None:
            return host, planted
    return None


def _document(host: Host, planted: Planted) -> tuple[str, int]:
    """The file text (the host's title on top, as the original has it) and the offset of the body."""
    if not host.title:
        return planted.text, 0
    head = host.title.strip() + "\n\n"
    return head + planted.text, len(head)


def build_split(split: str, per_class: int, controls_per_form: int, clean: int, seed: int, out: Path) -> list[dict]:
    hosts = sources.hosts(split)
    ctx = PlantContext(split=split, hosts=hosts, chrome=sources.chrome_blocks(split), nli=sources.nli(split))
    rng = random.Random(f"{seed}:{split}")
    cases: list[dict] = []

    def emit(cls: str, form: str, host: Host, planted: Planted, control: bool) -> None:
        n = len(cases)
        text, shift = _document(host, planted)
        rel = Path("docs") / cls / f"{n:05d}{host.suffix}"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
        defects = [{"span": [d.span[0] + shift, d.span[1] + shift],
                    "accept": [[a + shift, b + shift] for a, b in d.accept], "note": d.note}
                   for d in planted.defects]
        for d in defects:
            a, b = d["span"]
            assert 0 <= a < b <= len(text), (cls, form, host.id, d)
        cases.append({"id": f"{split}-{n:05d}", "file": str(rel), "split": split, "class": cls, "form": form,
                      "control": control, "host": host.id, "source": host.source, "genre": host.genre,
                      "words": len(text.split()), "defects": defects, "meta": planted.meta})

    for cls in CLASSES:
        fmap, cmap = forms(cls)
        names = sorted(fmap)
        for i in range(per_class):
            form = names[i % len(names)]
            got = _plant(fmap[form], rng, hosts, ctx)
            if got:
                emit(cls, form, *got, control=False)
        for form in sorted(cmap):
            for _ in range(controls_per_form):
                got = _plant(cmap[form], rng, hosts, ctx)
                if got:
                    emit(cls, form, *got, control=True)
    for host in rng.sample(hosts, min(clean, len(hosts))):
        emit("clean", "unmodified", host, Planted(text=host.text, defects=[]), control=True)
    with open(out / "cases.jsonl", "w", encoding="utf-8") as fh:
        for case in cases:
            fh.write(json.dumps(case, sort_keys=True) + "\n")
    return cases


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--per-class", type=int, default=160, help="planted documents per class and split")
    ap.add_argument("--controls-per-form", type=int, default=24)
    ap.add_argument("--clean", type=int, default=80, help="unmodified hosts per split (false positives)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--split", choices=SPLITS, action="append", help="only this split (repeatable)")
    ap.add_argument("--refreeze", action="store_true", help="accept a changed test split and record its digest")
    args = ap.parse_args(argv)
    if not sources.DATA.is_dir():
        print(f"build: {sources.DATA} not found (set PROSE_LINT_SHARED to the shared/ folder)", file=sys.stderr)
        return 2
    manifest = {"seed": args.seed, "per_class": args.per_class, "splits": {}}
    for split in args.split or SPLITS:
        out = args.out / split
        if out.exists():
            import shutil

            shutil.rmtree(out)
        out.mkdir(parents=True)
        cases = build_split(split, args.per_class, args.controls_per_form, args.clean, args.seed, out)
        manifest["splits"][split] = {
            "host_sources": list(sources.HOST_SOURCES[split]), "web_sources": list(sources.WEB_SOURCES[split]),
            "hosts_by_source": {src: sum(1 for h in sources.hosts(split) if h.source == src)
                                for src in sources.HOST_SOURCES[split]},
            "documents": len(cases), "planted": sum(len(c["defects"]) for c in cases),
            "words": sum(c["words"] for c in cases), "digest": digest(out)}
        print(f"{split}: {len(cases)} documents, {manifest['splits'][split]['planted']} planted defects, "
              f"{manifest['splits'][split]['words']:,} words", file=sys.stderr)
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    if "test" in manifest["splits"] and args.per_class == 160 and args.seed == 11:
        frozen = json.loads(FROZEN.read_text()) if FROZEN.exists() else {}
        now = manifest["splits"]["test"]["digest"]
        if args.refreeze or not frozen:
            FROZEN.write_text(json.dumps({"test_digest": now, "seed": args.seed, "per_class": args.per_class},
                                         indent=1) + "\n", encoding="utf-8")
        elif frozen.get("test_digest") != now:
            print("build: the test split differs from the frozen one (benchmarks/quality/FROZEN.json); "
                  "rerun with --refreeze only for a deliberate change of the yardstick", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
