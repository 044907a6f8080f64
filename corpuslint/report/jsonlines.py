"""One JSON object a line, each as in the `json` format: for streaming and `jq -c`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from corpuslint.model.finding import Finding
from corpuslint.report import Style
from corpuslint.report.json import to_dict


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    for finding in findings:
        out.write(json.dumps(to_dict(finding), ensure_ascii=False) + "\n")
