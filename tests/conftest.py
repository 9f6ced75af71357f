from __future__ import annotations

import os
import sys
from pathlib import Path

# A rule that raises must fail the test that ran it, not become an internal-error diagnostic that a test
# looking only at its own rule's ids never sees (issue 11). Set before prose_lint is imported, and inherited by
# the worker processes and the CLI subprocesses the tests start. test_engine.py turns it off to test the
# diagnostic itself.
os.environ["PROSE_LINT_RAISE_INTERNAL_ERRORS"] = "1"

TESTS = Path(__file__).parent
sys.path.insert(0, str(TESTS))
