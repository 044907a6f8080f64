"""Every rule's cases, as data in tests/cases/<CODE>.yaml, run twice: in memory and through the CLI.

A case file looks like this (sqlfluff's rule cases, ruff's snapshots in spirit):

    code: M101
    report:                       # text the rule must report
      - name: frac-wrapped-url
        text: "See $\\frac{https://a.org/x$ now."
        flagged: "$\\frac{https://a.org/x$"   # what the first finding spans
        fixed: "See https://a.org/x now."     # after the rule's fixes; omit when it has none
        count: 1                              # optional: how many findings (default 1)
    pass:                         # text the rule must leave alone
      - name: dollar-amount
        text: "Shell is to pay $1m (£522,000)."

`flagged` may be followed by `occurrence: N` when it appears more than once;
`encoding: cp1252` stores the text in that encoding (for U002).
"""

from __future__ import annotations

import itertools
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CASES

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.engine.registry import Registry
from corpuslint.model.diagnostic import Applicability, Diagnostic
from corpuslint.model.document import Document
from corpuslint.model.edits import apply_edits
from corpuslint.sources.files import decode

# Rules that cannot be shown as text: the engine reports them from an OS error.
NO_TEXT_CASES = {
    "U001": "reported by the engine when the OS refuses to read a file",
    "U003": "reported by the engine when a record of a data file is not an article",
    "U004": "reported by the engine, which then skips the document: tests/test_big_inputs.py",
    "U005": "reported by the engine for a document over max-document-size: tests/test_big_inputs.py",
    "C101": "needs another rule's finding to suppress: tests/test_suppressions.py",
    "H102": "needs a text of over 100,000 words: the junk set of tests/test_quality_agreement.py has two",
    "H207": "an empty file is a notice, never linted: the junk set of test_quality_agreement.py has empty records",
}
MIN_CASES = 3


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["code"] == path.stem, f"{path.name} holds the cases of {data['code']}"
    return data


# Corpus rules (D) keep their cases in the same files, run by test_corpus_cases.py.
CASE_FILES = [p for p in sorted(CASES.glob("*.yaml")) if not _load(p).get("corpus")]
REPORT = [(p.stem, c) for p in CASE_FILES for c in _load(p).get("report", [])]
PASS = [(p.stem, c) for p in CASE_FILES for c in _load(p).get("pass", [])]


def _document(case: dict[str, Any], path: str = "case.txt") -> Document:
    if "encoding" in case:
        doc = decode(case["text"].encode(case["encoding"]), path)
        assert isinstance(doc, Document)
        return doc
    return Document(case["text"], path)


def _lint(code: str, doc: Document) -> list[Diagnostic]:
    return [d for d in Linter(Settings(select=(code,))).lint(doc) if d.code == code]


def _expected_span(case: dict[str, Any]) -> tuple[int, int]:
    text, flagged = case["text"], case["flagged"]
    start = -1
    for _ in range(case.get("occurrence", 1)):
        start = text.index(flagged, start + 1)
    return start, start + len(flagged)


def _fixed(text: str, diagnostics: list[Diagnostic]) -> str:
    """Every fix the findings offer (safe and unsafe), applied at once; overlaps are a case error."""
    edits = [e for d in diagnostics if d.fix and d.fix.applicability is not Applicability.DISPLAY_ONLY
             for e in d.fix.edits]
    edits.sort(key=lambda e: (e.start, e.end))
    for before, after in itertools.pairwise(edits):
        assert before.end <= after.start, f"overlapping edits {before} and {after}"
    return apply_edits(text, edits)


@pytest.mark.parametrize(("code", "case"), REPORT, ids=[f"{c}-{k['name']}" for c, k in REPORT])
def test_reports(code: str, case: dict[str, Any]) -> None:
    doc = _document(case)
    found = _lint(code, doc)
    assert len(found) == case.get("count", 1), [d.message for d in found]
    assert (found[0].start, found[0].end) == _expected_span(case)
    if "fixed" in case:
        assert _fixed(doc.text, found) == case["fixed"]
    else:
        assert all(not d.fixable for d in found)


@pytest.mark.parametrize(("code", "case"), PASS, ids=[f"{c}-{k['name']}" for c, k in PASS])
def test_passes(code: str, case: dict[str, Any]) -> None:
    assert [d.message for d in _lint(code, _document(case))] == []


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_cases_through_cli(path: Path, tmp_path: Path, corpuslint_exe: str) -> None:
    """The same cases, written to files and checked by the console script."""
    data = _load(path)
    expected: dict[str, tuple[int, tuple[int, int] | None]] = {}
    for i, case in enumerate([*data.get("report", []), *data.get("pass", [])]):
        name = f"case{i:02d}.txt"
        file = tmp_path / name
        doc = _document(case, str(file))
        file.write_bytes(case["text"].encode(case.get("encoding", "utf-8")))
        if "flagged" in case:
            start = doc.location(_expected_span(case)[0])
            expected[name] = (case.get("count", 1), (start.row, start.column))
        else:
            expected[name] = (0, None)
    result = subprocess.run(
        [corpuslint_exe, "check", "--isolated", "--select", data["code"], "--output-format", "json",
         "--exit-zero", str(tmp_path)],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    reported: dict[str, list[dict[str, Any]]] = {}
    for item in json.loads(result.stdout):
        reported.setdefault(Path(item["filename"]).name, []).append(item)
    for name, (count, location) in expected.items():
        items = reported.get(name, [])
        assert len(items) == count, (name, [i["message"] for i in items])
        if location is not None:
            first = min(items, key=lambda i: (i["location"]["row"], i["location"]["column"]))
            assert (first["location"]["row"], first["location"]["column"]) == location, name


def test_every_rule_has_cases() -> None:
    registry = Registry.load()
    for code in registry.infos:
        if code in NO_TEXT_CASES:
            continue
        path = CASES / f"{code}.yaml"
        assert path.is_file(), f"{code} has no tests/cases/{code}.yaml"
        data = _load(path)
        assert len(data.get("report", [])) >= MIN_CASES, f"{code}: fewer than {MIN_CASES} must-report cases"
        assert len(data.get("pass", [])) >= MIN_CASES, f"{code}: fewer than {MIN_CASES} must-not-report cases"
