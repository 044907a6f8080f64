"""The long fuzz run: many random hostile inputs through the real CLI (tests/fuzz_inputs.py).

    python bench/fuzz.py --examples 500

Each input goes through `check`, `check --fix` (twice: a fixed point) and
`export`; the run stops at the first input that breaks a property and
hypothesis prints it, shrunk. tests/test_fuzz.py runs a dozen of the same.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_inputs import Input, exercise, inputs  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=500)
    args = parser.parse_args()
    seen = []

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(item: Input) -> None:
        seen.append(item.name)
        with tempfile.TemporaryDirectory() as folder:
            exercise(Path(folder), item)

    start = time.monotonic()
    fuzz()
    kinds = ", ".join(f"{seen.count(k)} {k}" for k in sorted(set(seen)))
    print(f"{len(seen)} inputs passed in {time.monotonic() - start:.0f} s ({kinds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
