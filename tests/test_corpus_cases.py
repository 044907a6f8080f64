"""The corpus rules' cases (tests/cases/D*.yaml, `corpus: true`), run in memory and through the CLI.

A per-document case is one text; a corpus case is a set of files:

    code: D101
    corpus: true
    report:
      - name: same-body-new-headline
        documents:                 # file name -> text, or {seed: NAME} for a file in seeds/
          a.txt: "Headline\\n\\nBody.\\n"
          b.txt: "Other headline\\n\\nBody.\\n"
        reported: ["b.txt:1"]      # every finding of the rule, as file:row, in report order
        config: {near-duplicate-threshold: 0.9}   # optional: the [corpus] table
    pass:
      - name: ...
        documents: {...}
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CASES, SEEDS

from corpuslint.config import Settings, settings_from_table
from corpuslint.corpus.features import extract
from corpuslint.engine.linter import Linter
from corpuslint.model.document import Document


def _corpus_files() -> list[Path]:
    return [p for p in sorted(CASES.glob("*.yaml"))
            if yaml.safe_load(p.read_text(encoding="utf-8")).get("corpus")]


def _cases(kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [(p.stem, case) for p in _corpus_files()
            for case in yaml.safe_load(p.read_text(encoding="utf-8")).get(kind, [])]


REPORT, PASS = _cases("report"), _cases("pass")
ALL = [*REPORT, *PASS]


def _texts(case: dict[str, Any]) -> dict[str, str]:
    return {name: (SEEDS / value["seed"]).read_text(encoding="utf-8") if isinstance(value, dict)
            else value for name, value in case["documents"].items()}


def _settings(code: str, case: dict[str, Any], root: Path = Path()) -> Settings:
    table = {"select": [code], "corpus": case.get("config", {})}
    return settings_from_table(table, root)


def _in_memory(code: str, case: dict[str, Any]) -> list[str]:
    linter = Linter(_settings(code, case))
    features = [extract(Document(text, name)) for name, text in _texts(case).items()]
    return [f"{f.path}:{f.location.row}" for f in linter.corpus_findings(features)]


def _expected(case: dict[str, Any]) -> list[str]:
    return case.get("reported", [])


@pytest.mark.parametrize(("code", "case"), ALL, ids=[f"{c}-{k['name']}" for c, k in ALL])
def test_in_memory(code: str, case: dict[str, Any]) -> None:
    assert _in_memory(code, case) == _expected(case)


@pytest.mark.parametrize(("code", "case"), ALL, ids=[f"{c}-{k['name']}" for c, k in ALL])
def test_through_cli(code: str, case: dict[str, Any], tmp_path: Path, corpuslint_exe: str) -> None:
    for name, text in _texts(case).items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    config = {"corpus": case.get("config", {})}
    lines = [f"{key} = {value}" for key, value in config["corpus"].items()]
    (tmp_path / "corpuslint.toml").write_text("[corpus]\n" + "\n".join(lines) + "\n")
    result = subprocess.run(
        [corpuslint_exe, "check", "--select", code, "--output-format", "json", "--exit-zero", "."],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    items = json.loads(result.stdout)
    found = [f"{Path(i['filename']).name}:{i['location']['row']}" for i in items]
    assert found == _expected(case)


def test_no_corpus_skips_the_pass(corpuslint_exe: str) -> None:
    """`--no-corpus`: a single file still gets every per-document rule, and no D finding."""
    def codes(*args: str) -> set[str]:
        result = subprocess.run([corpuslint_exe, "check", "--isolated", "--output-format", "json",
                                 "--exit-zero", *args, str(SEEDS)],
                                capture_output=True, text=True, check=True)
        return {i["code"] for i in json.loads(result.stdout)}
    with_pass, without = codes(), codes("--no-corpus")
    assert {"D103", "D105"} <= with_pass
    assert not {c for c in without if c.startswith("D")}
    assert without == {c for c in with_pass if not c.startswith("D")}
