"""The CI formats through the console script: SARIF against its schema, JUnit, GitLab, Azure."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT

SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
# The foundation's rules, so that counts stay put as rules are added.
SELECT = "B101,M101,S101"
FINDINGS = 8  # the seeds' findings with SELECT


def _check(exe: str, fmt: str, *paths: str) -> str:
    result = subprocess.run(
        [exe, "check", "--no-cache", "--select", SELECT, "--output-format", fmt,
         *(paths or ("seeds",))],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def sarif(corpuslint_exe: str) -> dict[str, Any]:
    return json.loads(_check(corpuslint_exe, "sarif"))


def test_sarif_is_valid_against_the_2_1_0_schema(sarif: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(sarif)


def test_sarif_content(sarif: dict[str, Any]) -> None:
    run = sarif["runs"][0]
    results = run["results"]
    assert len(results) == FINDINGS
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["B101", "M101", "S101"]
    m101 = next(r for r in results if r["ruleId"] == "M101")
    assert rules[m101["ruleIndex"]]["id"] == "M101"
    location = m101["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "seeds/001_407f6368bc9a3485.txt"
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (37, 2)
    assert m101["level"] == "error" and m101["fixes"][0]["description"]["text"]
    prints = [r["partialFingerprints"]["corpuslintFinding/v1"] for r in results]
    assert len(set(prints)) == len(prints)


def test_sarif_with_no_findings_is_valid(tmp_path: Path, corpuslint_exe: str) -> None:
    (tmp_path / "clean.txt").write_text("Markets rally\n\nShares rose.\n", encoding="utf-8")
    result = subprocess.run(
        [corpuslint_exe, "check", "--no-cache", "--select", SELECT, "--output-format", "sarif", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(result.stdout))


def test_junit_parses_with_a_failure_per_finding(corpuslint_exe: str) -> None:
    root = ET.fromstring(_check(corpuslint_exe, "junit"))
    assert root.tag == "testsuites" and root.get("failures") == str(FINDINGS)
    suites = root.findall("testsuite")
    assert len(suites) == 5
    failures = root.findall("./testsuite/testcase/failure")
    assert len(failures) == FINDINGS
    m101 = next(f for f in failures if f.get("type") == "M101")
    assert m101.text == "seeds/001_407f6368bc9a3485.txt:37:2: M101 LaTeX wrapper around a URL"


def test_junit_with_no_findings_has_one_passing_case(tmp_path: Path, corpuslint_exe: str) -> None:
    (tmp_path / "clean.txt").write_text("Markets rally\n\nShares rose.\n", encoding="utf-8")
    result = subprocess.run(
        [corpuslint_exe, "check", "--no-cache", "--select", SELECT, "--output-format", "junit", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    root = ET.fromstring(result.stdout)
    assert root.get("failures") == "0" and len(root.findall("./testsuite/testcase")) == 1


def test_gitlab_code_quality(corpuslint_exe: str) -> None:
    issues = json.loads(_check(corpuslint_exe, "gitlab"))
    assert len(issues) == FINDINGS
    assert len({i["fingerprint"] for i in issues}) == FINDINGS
    first = issues[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["location"]["path"] == "seeds/000_66750ffbfb07dea2.txt"
    assert first["location"]["positions"]["begin"] == {"line": 7, "column": 1}
    assert {i["severity"] for i in issues} == {"major", "minor"}  # error -> major, warning -> minor


def test_gitlab_fingerprint_survives_moved_lines(tmp_path: Path, corpuslint_exe: str) -> None:
    text = "Markets rally\n\nShares rose.\n\nExit mobile version\n"
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    before = json.loads(_check(corpuslint_exe, "gitlab", str(article)))
    article.write_text("Note.\n\n" + text, encoding="utf-8")
    after = json.loads(_check(corpuslint_exe, "gitlab", str(article)))
    assert before[0]["location"]["positions"]["begin"]["line"] == 5
    assert after[0]["location"]["positions"]["begin"]["line"] == 7
    assert before[0]["fingerprint"] == after[0]["fingerprint"]


def test_azure_logging_commands(corpuslint_exe: str) -> None:
    lines = _check(corpuslint_exe, "azure").splitlines()
    assert len(lines) == FINDINGS
    assert (
        "##vso[task.logissue type=error;sourcepath=seeds/001_407f6368bc9a3485.txt;"
        "linenumber=37;columnnumber=2;code=M101;]LaTeX wrapper around a URL"
    ) in lines
    assert all(line.startswith("##vso[task.logissue type=") for line in lines)
