"""A JSON array in ruff's shape, plus `severity` and `name`.

A finding in a record of a data file adds `record` (its number), `record_id`
and `text_location` (the row and column inside the record's text).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from corpuslint.engine.rule import docs_url
from corpuslint.model.document import Location
from corpuslint.model.finding import Finding
from corpuslint.report import Style


def _location(location: Location) -> dict[str, int]:
    return {"row": location.row, "column": location.column}


def to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as ruff's JSON output has it (`noqa_row` is always null here)."""
    d = finding.diagnostic
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "message": d.fix.title,
            "edits": [
                {
                    "content": e.content,
                    "location": _location(e.location),
                    "end_location": _location(e.end_location),
                }
                for e in finding.edits
            ],
        }
        if d.fix.encoding:
            fix["encoding"] = d.fix.encoding
    data = {
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity.label,
        "filename": finding.path,
        "location": _location(finding.location),
        "end_location": _location(finding.end_location),
        "fix": fix,
        "url": docs_url(d.code, d.name),
        "noqa_row": None,
    }
    if finding.record is not None:  # a record of a JSONL or Parquet corpus
        data["record"] = finding.record.number
        data["record_id"] = finding.record.id
        data["text_location"] = _location(finding.text_location) if finding.text_location else None
    return data


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    json.dump([to_dict(f) for f in findings], out, indent=2, ensure_ascii=False)
    out.write("\n")
