"""The H rules' thresholds are config keys with datatrove's defaults, and messages give value and limit."""

from __future__ import annotations

import inspect

import pytest
from conftest import SEEDS

from corpuslint.checks.quality_limits import DEFAULTS
from corpuslint.config import ConfigError, Settings, settings_from_table
from corpuslint.engine.linter import Linter
from corpuslint.model.document import Document

filters = pytest.importorskip("datatrove.pipeline.filters")

TEASER = "Markets rally\n\nShares rose on Monday as investors took heart from the figures.\n"


def _messages(settings: Settings, text: str) -> list[str]:
    return [f"{d.code} {d.message}" for d in Linter(settings).lint(Document(text))]


def test_defaults_are_datatrove_defaults() -> None:
    gopher = inspect.signature(filters.GopherQualityFilter).parameters
    fineweb = inspect.signature(filters.FineWebQualityFilter).parameters
    c4 = inspect.signature(filters.C4QualityFilter).parameters
    repetition = inspect.signature(filters.GopherRepetitionFilter).parameters
    for key, value in DEFAULTS.items():
        family, _, name = key.partition("-")
        if family == "gopher":
            assert gopher[name.replace("-", "_")].default == value, key
        elif family == "fineweb" and name != "after-c4":
            datatrove = {"line-punct-thr": "line_punct_thr", "short-line-thr": "short_line_thr",
                         "char-duplicates-ratio": "char_duplicates_ratio", "new-line-ratio": "new_line_ratio"}
            assert fineweb[datatrove[name]].default == value, key
        elif family == "c4":
            assert c4["min_num_sentences"].default == value
        elif name.startswith(("top-", "dup-")) and name.endswith("-gram"):
            n = int(name.split("-")[1])
            pairs = dict(repetition["top_n_grams" if name.startswith("top") else "dup_n_grams"].default)
            assert pairs[n] == value, key
        elif family == "repetition":
            assert repetition[name.replace("-", "_")].default == value, key


def test_message_gives_the_measured_value_and_the_threshold() -> None:
    assert _messages(Settings(select=("H101",)), TEASER) == ["H101 words 13; at least 50 required"]


def test_a_threshold_from_config_changes_the_decision() -> None:
    lowered = settings_from_table({"select": ["H101"], "quality": {"gopher-min-doc-words": 10}}, SEEDS)
    assert _messages(lowered, TEASER) == []
    off = settings_from_table({"select": ["H101"], "quality": {"gopher-min-doc-words": 0}}, SEEDS)
    assert _messages(off, "One two.") == []


def test_an_unknown_quality_key_is_an_error_naming_it() -> None:
    with pytest.raises(ConfigError, match=r"unknown setting quality\.gopher-min-words"):
        settings_from_table({"quality": {"gopher-min-words": 3}}, SEEDS)
    with pytest.raises(ConfigError, match="must be a number"):
        settings_from_table({"quality": {"gopher-min-doc-words": "many"}}, SEEDS)


def test_h_and_p_are_off_by_default() -> None:
    codes = Linter(Settings()).codes
    assert not any(code.startswith(("H", "P")) for code in codes)
    assert {c[0] for c in Linter(Settings(extend_select=("H", "P"))).codes} >= {"H", "P"}
