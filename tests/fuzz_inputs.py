"""Hostile inputs and what the CLI must do with any of them (tests/test_fuzz.py, bench/fuzz.py).

An input is random bytes, random Unicode, a huge line of one token, deep
nesting of brackets and quotes, or a JSONL or Parquet file of random records.
Whatever it is, `check`, `check --fix` and `export`, run as a user runs them,
print no traceback, exit 0, 1 or 2, print valid JSON when asked, and a fixed
file is at a fixed point (a second `--fix` changes nothing).
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from clirun import corpuslint
from hypothesis import strategies as st


@dataclass(frozen=True)
class Input:
    name: str
    data: bytes


_TOKENS = ["word ", "the ", ")", "(", "[", "“", "”", '"', "$\\url{", "&amp;", "<b>", "\\_", "'", "\u200b",
           "é", "\r", "\n", "\n\n\n", " \t"]
_RECORD_TEXT = st.one_of(st.text(max_size=400), st.integers(), st.none(), st.lists(st.text(max_size=5)))


def _jsonl(records: list[object]) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def _parquet(rows: list[tuple[str, str | None]]) -> bytes:
    import io

    import polars as pl

    out = io.BytesIO()
    pl.DataFrame({"id": [r[0] for r in rows], "text": [r[1] for r in rows]},
                 schema={"id": pl.String, "text": pl.String}).write_parquet(out)
    return out.getvalue()


inputs = st.one_of(
    st.binary(max_size=4_000).map(lambda b: Input("bytes.txt", b)),
    st.text(max_size=3_000).map(lambda t: Input("unicode.txt", t.encode("utf-8", "surrogatepass"))),
    st.tuples(st.sampled_from(_TOKENS), st.integers(1, 60_000)).map(
        lambda p: Input("line.txt", ("Title\n\n" + p[0] * p[1]).encode("utf-8"))),
    st.tuples(st.text(alphabet="()[]{}“”‘’\"' x", max_size=3_000), st.integers(0, 3_000)).map(
        lambda p: Input("nested.txt", ("Title\n\n" + "(“" * p[1] + p[0] + "”)" * p[1]).encode("utf-8"))),
    st.lists(st.one_of(st.fixed_dictionaries({"id": st.text(max_size=8), "text": _RECORD_TEXT}),
                       st.binary(max_size=40).filter(lambda b: b"\n" not in b)), max_size=8).map(
        lambda rs: Input("records.jsonl", _jsonl(rs))),
    st.lists(st.tuples(st.text(max_size=8), st.one_of(st.none(), st.text(max_size=400))),
             max_size=8).map(lambda rows: Input("records.parquet", _parquet(rows))),
)


def _ran(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr)
    return result


def exercise(folder: Path, item: Input) -> None:
    """Check, fix and export one input through the real CLI; assert what must hold for any input."""
    path = folder / item.name
    path.write_bytes(item.data)
    base = ("--isolated", "--no-cache", "--skip-unreadable")
    checked = _ran(corpuslint("check", *base, item.name, "--output-format", "json", cwd=folder))
    if checked.returncode != 2:
        assert isinstance(json.loads(checked.stdout), list)
    fixed = _ran(corpuslint("check", *base, item.name, "--fix", "--output-format", "json", cwd=folder))
    if fixed.returncode != 2:
        assert isinstance(json.loads(fixed.stdout), list)
        once = path.read_bytes()
        _ran(corpuslint("check", *base, item.name, "--fix", cwd=folder))
        assert path.read_bytes() == once, "a second --fix changed the file: not a fixed point"
    exported = _ran(corpuslint("export", "--isolated", item.name, "--output", "out.jsonl", cwd=folder))
    if exported.returncode == 0:
        rows = (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()
        assert all(isinstance(json.loads(row), dict) for row in rows)
