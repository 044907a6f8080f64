"""Random hostile inputs through the real CLI: no traceback, exit 0/1/2, valid JSON, fixed points.

A short run; `python bench/fuzz.py --examples 500` is the long one.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from fuzz_inputs import Input, exercise, inputs
from hypothesis import HealthCheck, given, settings

FUZZ = settings(max_examples=12, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.slow
@FUZZ
@given(inputs)
def test_any_input_through_check_fix_and_export(item: Input) -> None:
    with tempfile.TemporaryDirectory() as folder:
        exercise(Path(folder), item)


@pytest.mark.slow
@pytest.mark.parametrize("item", [
    Input("bytes.txt", bytes(range(1, 256)) * 40),
    Input("line.txt", b"Title\n\n" + b"word " * 50_000),
    Input("nested.txt", "Title\n\n".encode() + "(“".encode() * 3_000 + "”)".encode() * 3_000),
    Input("records.jsonl", b'{"id": "a", "text": "Exit mobile version\\n"}\nnot json\n{"text": 3}\n'),
], ids=lambda item: item.name)
def test_known_hostile_inputs(item: Input, tmp_path: Path) -> None:
    exercise(tmp_path, item)
