"""JUnit XML for CI test reports: a test suite per file, a failing test case per finding.

With no findings the report holds one passing case, so a CI that counts
tests shows the lint as run and green rather than as missing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from itertools import groupby
from typing import TextIO

from corpuslint.model.finding import Finding
from corpuslint.report import Style


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    total = str(max(len(findings), 1))
    root = ET.Element(
        "testsuites", name="corpuslint", tests=total, failures=str(len(findings)), errors="0"
    )
    if not findings:
        suite = ET.SubElement(
            root, "testsuite", name="corpuslint", tests="1", failures="0", errors="0"
        )
        ET.SubElement(suite, "testcase", name="corpuslint", classname="corpuslint")
    for path, group in groupby(findings, key=lambda f: f.path):
        cases = list(group)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(len(cases)),
            failures=str(len(cases)),
            errors="0",
        )
        for f in cases:
            d = f.diagnostic
            where = f"{f.location.row}:{f.location.column}"
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.name} at {where}",
                classname=path,
                file=path,
                line=str(f.location.row),
            )
            failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{path}:{where}: {d.code} {d.message}"
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
