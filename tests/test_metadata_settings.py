"""S207's `min-body-words` setting: read from config and handed to the rule by the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint.api import lint_text
from corpuslint.config import ConfigError, Settings, load_settings

TEXT = "Blinken meets Gantz\n\n" + " ".join(["word"] * 30) + "\n"


def _short_body(settings: Settings) -> list[str]:
    return [d.message for d in lint_text(TEXT, select=["S207"], settings=settings)]


def test_default_threshold_reports_thirty_words() -> None:
    assert _short_body(Settings()) == ["Body has 30 words, fewer than the minimum of 50"]


def test_config_lowers_the_threshold(tmp_path: Path) -> None:
    (tmp_path / "corpuslint.toml").write_text("min-body-words = 20\n")
    assert _short_body(load_settings(cwd=tmp_path)) == []


@pytest.mark.parametrize("value", ["0", "\"fifty\"", "true"])
def test_bad_values_are_config_errors(tmp_path: Path, value: str) -> None:
    (tmp_path / "corpuslint.toml").write_text(f"min-body-words = {value}\n")
    with pytest.raises(ConfigError, match="min-body-words"):
        load_settings(cwd=tmp_path)
