"""Config discovery, validation and precedence, through the API and the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import corpuslint

from corpuslint.config import ConfigError, find_config, load_settings
from corpuslint.model.diagnostic import Severity

ARTICLE = "Markets rally\n\nSee $\\url{https://example.org/a}$ for the data.\n\nExit mobile version\n"


def _project(tmp_path: Path, config: str, name: str = "pyproject.toml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_found_by_walking_up(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.corpuslint]\nselect = ["M"]\n')
    deep = tmp_path / "corpus" / "x" / "y"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    settings = load_settings(cwd=deep)
    assert settings.select == ("M",)
    assert settings.root == tmp_path.resolve()


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None


def test_corpuslint_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.corpuslint]\nselect = ["M"]\n')
    (tmp_path / "corpuslint.toml").write_text('select = ["B"]\n', encoding="utf-8")
    assert load_settings(cwd=tmp_path).select == ("B",)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[tool.corpuslint]\nselct = ["M"]\n', "unknown setting 'selct'"),
        ('[tool.corpuslint]\nselect = "M"\n', "'select' must be a list of strings"),
        ('[tool.corpuslint]\nrespect-gitignore = "yes"\n', "'respect-gitignore' must be true or false"),
        ('[tool.corpuslint]\nseverity = { B101 = "fatal" }\n', "unknown severity 'fatal'"),
        ('[tool.corpuslint\n', "not valid TOML"),
    ],
)
def test_invalid_config_names_the_problem(tmp_path: Path, config: str, message: str) -> None:
    _project(tmp_path, config)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_settings(cwd=tmp_path)
    result = corpuslint("check", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unknown_code_in_config_is_exit_2(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.corpuslint]\nignore = ["Z999"]\n')
    result = corpuslint("check", "corpus", cwd=tmp_path)
    assert result.returncode == 2
    assert "'Z999'" in result.stderr


def test_paths_are_relative_to_the_config_and_used_by_a_bare_check(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.corpuslint]\npaths = ["corpus"]\n')
    sub = tmp_path / "elsewhere"
    sub.mkdir()
    result = corpuslint("check", "--output-format", "json", cwd=sub)
    assert result.returncode == 1
    files = {Path(f["filename"]).name for f in json.loads(result.stdout)}
    assert files == {"a.txt"}


def test_severity_override_reaches_output_and_exit_code(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.corpuslint]\nselect = ["B101"]\nseverity = { B101 = "info" }\n')
    result = corpuslint("check", "corpus", "--output-format", "json", cwd=tmp_path)
    found = json.loads(result.stdout)
    assert [f["severity"] for f in found] == ["info"]
    assert result.returncode == 0  # info is below the default --fail-on warning
    assert corpuslint("check", "corpus", "--fail-on", "info", cwd=tmp_path).returncode == 1


def test_per_file_ignores(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.corpuslint]\nselect = ["M101", "B101"]\n'
                       '[tool.corpuslint.per-file-ignores]\n"corpus/*.txt" = ["M"]\n')
    result = corpuslint("check", "corpus", "--output-format", "json", cwd=tmp_path)
    assert [f["code"] for f in json.loads(result.stdout)] == ["B101"]


def test_isolated_and_explicit_config(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.corpuslint]\nselect = ["B101"]\n')
    other = tmp_path / "other.toml"
    other.write_text('select = ["M101"]\n', encoding="utf-8")
    codes = lambda *args: [f["code"] for f in json.loads(  # noqa: E731
        corpuslint("check", "corpus", "--output-format", "json", *args, cwd=tmp_path).stdout)]
    assert codes() == ["B101"]
    assert codes("--config", str(other)) == ["M101"]
    assert [c for c in codes("--isolated") if c != "S207"] == ["M101", "B101"]  # S207: a short body
    missing = corpuslint("check", "--config", "missing.toml", cwd=tmp_path)
    assert missing.returncode == 2
    assert "missing.toml: no such config file" in missing.stderr


def test_show_settings_prints_the_resolved_values(tmp_path: Path) -> None:
    _project(tmp_path, '[tool.corpuslint]\nselect = ["B101"]\nfail-on = "error"\n')
    result = corpuslint("check", "--show-settings", cwd=tmp_path)
    assert result.returncode == 0
    assert 'select = ["B101"]' in result.stdout
    assert 'fail-on = "error"' in result.stdout
    assert f"# Resolved from {tmp_path.resolve() / 'pyproject.toml'}." in result.stdout
    assert "# The rules these settings select: B101" in result.stdout


def test_default_severity_is_warning() -> None:
    assert load_settings(isolated=True).fail_on is Severity.WARNING
