"""`--add-baseline` records the findings of today; `--baseline` reports only new ones."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from conftest import SEEDS

SEED = "002_71ed27c29c43aa56.txt"


def _check(cwd: Path, exe: str, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    result = subprocess.run(
        [exe, "check", "--isolated", "--no-cache", "--select", "B101,M101,S101",
         "--output-format", "json", *args, "corpus"],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    found = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, found, result.stderr


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copyfile(seed, tmp_path / "corpus" / seed.name)
    return tmp_path / "corpus"


def test_baseline_hides_recorded_findings_after_lines_move(
    tmp_path: Path, corpuslint_exe: str
) -> None:
    corpus = _corpus(tmp_path)
    code, today, _ = _check(tmp_path, corpuslint_exe)
    assert code == 1 and len(today) == 8
    code, _, err = _check(tmp_path, corpuslint_exe, "--add-baseline", "baseline.json")
    assert code == 0 and "recorded 8 finding(s) in baseline.json" in err
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert {r["file"] for r in recorded["findings"]} == {
        f"corpus/{p.name}" for p in SEEDS.glob("*.txt")
    }

    assert _check(tmp_path, corpuslint_exe, "--baseline", "baseline.json")[:2] == (0, [])

    # Lines added above the known findings move them; a new artifact appears at the end.
    article = corpus / SEED
    text = article.read_text(encoding="utf-8")
    article.write_text(
        "An editor's note.\n\nAnother line.\n\n" + text + "\nExit mobile version\n",
        encoding="utf-8",
    )
    code, new, _ = _check(tmp_path, corpuslint_exe, "--baseline", "baseline.json")
    assert code == 1
    assert [(Path(f["filename"]).name, f["code"], f["message"]) for f in new] == [
        (SEED, "B101", "Boilerplate line: Exit mobile version")
    ]
    # The second "Exit mobile version" is new (occurrence 1); the first still matches occurrence 0.
    all_now = _check(tmp_path, corpuslint_exe)[1]
    assert len(all_now) == 9


def test_fixed_findings_drop_out_and_a_bad_baseline_is_a_usage_error(
    tmp_path: Path, corpuslint_exe: str
) -> None:
    corpus = _corpus(tmp_path)
    _check(tmp_path, corpuslint_exe, "--add-baseline", "baseline.json")
    (corpus / SEED).unlink()
    assert _check(tmp_path, corpuslint_exe, "--baseline", "baseline.json")[:2] == (0, [])
    (tmp_path / "bad.json").write_text('{"findings": []}', encoding="utf-8")
    result = subprocess.run(
        [corpuslint_exe, "check", "--baseline", "bad.json", "corpus"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "bad.json: not a corpuslint baseline" in result.stderr
