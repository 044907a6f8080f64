"""SARIF 2.1.0, for GitHub code scanning and every SARIF viewer: one run, a rule per code found.

Columns are counted in code points (`columnKind`), as every corpuslint format
counts them; `partialFingerprints` carries the finding's stable id (code and
flagged text, see fingerprint.py), so code scanning follows an alert across
edits that move lines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from corpuslint import __version__
from corpuslint.engine.rule import docs_url
from corpuslint.model.document import Location
from corpuslint.model.finding import Finding
from corpuslint.model.fingerprint import occurrences
from corpuslint.report import Style

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/corpuslint/corpuslint"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_uri() if p.is_absolute() else p.as_posix()


def _region(start: Location, end: Location) -> dict[str, int]:
    return {"startLine": start.row, "startColumn": start.column,
            "endLine": end.row, "endColumn": end.column}


def _fix(finding: Finding) -> dict[str, Any]:
    fix = finding.diagnostic.fix
    assert fix is not None
    return {
        "description": {"text": fix.title},
        "artifactChanges": [{
            "artifactLocation": {"uri": _uri(finding.path)},
            "replacements": [
                {"deletedRegion": _region(e.location, e.end_location),
                 "insertedContent": {"text": e.content}}
                for e in finding.edits
            ],
        }],
    }


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    results = []
    for finding, occurrence in occurrences(findings):
        d = finding.diagnostic
        if d.code not in rules:
            rules[d.code] = len(descriptors)
            descriptors.append({"id": d.code, "name": d.name, "helpUri": docs_url(d.code, d.name),
                                "shortDescription": {"text": d.name.replace("-", " ")}})
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": rules[d.code],
            "level": _LEVEL[d.severity.label],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(finding.path)},
                "region": _region(finding.location, finding.end_location),
            }}],
            "partialFingerprints": {"corpuslintFinding/v1": f"{finding.fingerprint}:{occurrence}"},
        }
        if d.fixable and finding.edits:
            result["fixes"] = [_fix(finding)]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "corpuslint", "version": __version__,
                                "informationUri": HOME, "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(log, out, indent=2, ensure_ascii=False)
    out.write("\n")
