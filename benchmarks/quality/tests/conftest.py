"""Put benchmarks/quality on sys.path so that tests import `common`, `sources` and `forms` as the builder does."""

import sys
from pathlib import Path

QUALITY = Path(__file__).resolve().parents[1]
if str(QUALITY) not in sys.path:
    sys.path.insert(0, str(QUALITY))
