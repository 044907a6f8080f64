"""`--executor` and the `executor` key: checked when read, and Ray asked for without Ray is a usage error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from clirun import corpuslint

TEXT = "Markets slide\n\nShares fell on Monday in every market the traders watched.\n"
# Ray made unimportable in this one process, as on a machine without the extra.
WITHOUT_RAY = ("import sys; sys.modules['ray'] = None; from corpuslint.cli import main; "
               "sys.exit(main(sys.argv[1:]))")


def test_an_unknown_executor_in_config_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "corpuslint.toml").write_text('executor = "spark"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = corpuslint("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "'executor': unknown executor 'spark' (expected one of: local, ray)" in result.stderr


def test_the_ray_executor_without_ray_says_how_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for command in (["check", "--isolated", "--executor", "ray", "a.txt"],
                    ["export", "--isolated", "--executor", "ray", "a.txt", "-o", "out.parquet"]):
        result = subprocess.run([sys.executable, "-c", WITHOUT_RAY, *command], cwd=tmp_path,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 2, result.stderr
        assert "the ray executor needs Ray Data" in result.stderr
        assert "pip install 'corpuslint-text[ray]'" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.parquet").exists()


def test_the_local_executor_never_imports_ray(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", WITHOUT_RAY, "check", "--isolated", "a.txt"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
