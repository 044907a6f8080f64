"""GitLab Code Quality JSON: findings shown in merge requests (`artifacts: reports: codequality`).

GitLab tells a new finding from a known one by its `fingerprint`, so it is the
finding's stable id (file, code, hash of the flagged text, occurrence), never
its row: moving a paragraph does not make its findings new.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from corpuslint.model.finding import Finding
from corpuslint.model.fingerprint import occurrences, stable_id
from corpuslint.report import Style

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    issues = [
        {
            "description": f"{f.code} {f.diagnostic.message}",
            "check_name": f"{f.code} {f.diagnostic.name}",
            "fingerprint": hashlib.md5(stable_id(f, n).encode(), usedforsecurity=False).hexdigest(),
            "severity": _SEVERITY[f.diagnostic.severity.label],
            "location": {
                "path": Path(f.path).as_posix(),
                "positions": {
                    "begin": {"line": f.location.row, "column": f.location.column},
                    "end": {"line": f.end_location.row, "column": f.end_location.column},
                },
            },
        }
        for f, n in occurrences(findings)
    ]
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")
