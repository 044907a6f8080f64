"""Resolved settings as TOML that pastes into `[tool.corpuslint]` (what `--show-settings` prints).

The keys and values are those the config file takes, so reading the output
back gives the same settings: paths and packs relative to the config's folder,
severities by name, the corpus thresholds as their own table.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path

from corpuslint.config import _KEYS, CorpusSettings, Settings
from corpuslint.model.diagnostic import Severity

TABLE = "tool.corpuslint"
_BARE = re.compile(r"[A-Za-z0-9_-]+")


def to_toml(settings: Settings) -> str:
    source = str(settings.config_file) if settings.config_file else "the defaults (no config file found)"
    head = [f"# Resolved from {source}.",
            "# In pyproject.toml as it is; in corpuslint.toml, without the `tool.corpuslint` prefixes.",
            f"[{TABLE}]"]
    tables = []
    for key, (attribute, _) in _KEYS.items():
        value = getattr(settings, attribute)
        if key == "packs":
            value = tuple(_relative(p, settings.root) for p in value)
        if value is None:
            head.append(f"# {key} is unset: {_UNSET.get(key, 'the default')}")
        elif isinstance(value, CorpusSettings):
            table = {f.name.replace("_", "-"): getattr(value, f.name)
                     for f in fields(CorpusSettings) if f.name != "enabled"}
            tables.append(_table(key, table))
        elif isinstance(value, Mapping):
            tables.append(_table(key, value))
        else:
            head.append(f"{key} = {_value(value)}")
    return "\n".join(head + tables) + "\n"


_UNSET = {"select": "the rules on by default", "fixable": "every rule"}


def _table(key: str, values: Mapping[str, object]) -> str:
    lines = [f"\n[{TABLE}.{key}]"]
    lines += [f"{_key(name)} = {_value(v)}" for name, v in sorted(values.items())]
    return "\n".join(lines)


def _key(name: str) -> str:
    """A bare key when TOML allows one (`near-duplicate-threshold`), else a quoted one (a glob)."""
    return name if _BARE.fullmatch(name) else json.dumps(name, ensure_ascii=False)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _value(value: object) -> str:
    """A TOML value: JSON's strings, numbers and arrays are TOML's too; booleans are lower-case."""
    if isinstance(value, Severity):
        return json.dumps(value.label)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"no TOML for {value!r}")
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)
