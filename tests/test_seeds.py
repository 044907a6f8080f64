"""The five seeds: a golden snapshot of every finding, and each named artifact on its line.

The snapshot changes only on purpose: after reviewing the difference, run
`CORPUSLINT_UPDATE_GOLDEN=1 pytest tests/test_seeds.py` and commit the file.
"""

from __future__ import annotations

import json
import os

import pytest
from clirun import corpuslint
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "seeds.json"

# (seed prefix, first row, last row, code): the artifacts the issues name, each reported once.
ARTIFACTS = [
    ("001", 37, 37, "M101"),  # LaTeX-wrapped URL
    ("002", 3, 3, "S101"),  # repeated headline
    ("002", 29, 29, "B101"),  # Link from www.aljazeera.com
    ("002", 31, 31, "B101"),  # Exit mobile version
    ("003", 6, 7, "S101"),  # headline twice more
    ("000", 7, 7, "B101"),  # Live updates promo
    ("003", 52, 64, "B101"),  # Related posts block
    ("004", 14, 16, "B101"),  # comments block
]


@pytest.fixture(scope="module")
def seed_findings() -> list[dict]:
    result = corpuslint("check", "seeds", "--output-format", "json", cwd=ROOT)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_golden_snapshot(seed_findings: list[dict]) -> None:
    rendered = json.dumps(seed_findings, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("CORPUSLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize(("seed", "first", "last", "code"), ARTIFACTS,
                         ids=[f"{a[0]}:{a[1]}-{a[3]}" for a in ARTIFACTS])
def test_artifact_reported_once_on_its_lines(seed_findings: list[dict], seed: str, first: int,
                                             last: int, code: str) -> None:
    hits = [f for f in seed_findings
            if f["filename"].startswith(f"seeds/{seed}_")
            and f["location"]["row"] == first and f["end_location"]["row"] == last]
    assert [f["code"] for f in hits] == [code]
