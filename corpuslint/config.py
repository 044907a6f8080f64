"""Settings: `[tool.corpuslint]` in pyproject.toml or a corpuslint.toml, plus the command line.

The file is found as ruff finds its own: walking up from the current
directory, the first folder holding a corpuslint.toml (keys at the top level)
or a pyproject.toml with a `[tool.corpuslint]` table wins. Paths in it are
relative to that folder. An unknown key is an error that names it: a typo in
a linter's config must not pass silently.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from corpuslint.model.diagnostic import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("corpuslint.toml", ".corpuslint.toml")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__", "node_modules",
    ".corpuslint_cache", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist",
    "site-packages",
    "*.corpuslint-tmp",  # a fix's temporary file (safewrite.TEMP_SUFFIX), never an article
)


class ConfigError(ValueError):
    """A config file or option that cannot be used; the message names it."""


@dataclass(frozen=True)
class CorpusSettings:
    """The corpus pass's thresholds: `[tool.corpuslint.corpus.corpus_pass]`; `enabled` is `--no-corpus`."""

    enabled: bool = True
    near_duplicate_threshold: float = 0.8
    rewrite_threshold: float = 0.75
    repeated_line_min_documents: int = 5
    repeated_line_min_share: float = 0.01
    # Past this many documents the groupings by key (copies, LSH bands, lines) are made by
    # Polars over Parquet files (corpus/spill.py), not in memory; 0 spills every run.
    spill_over: int = 100_000


def _corpus(key: str, value: Any) -> CorpusSettings:
    """The `corpus` table; each threshold is named as in the file, with `-` for `_`."""
    if not isinstance(value, dict):
        raise ConfigError(f"{key!r} must be a table")
    known = {f.name.replace("_", "-"): f for f in fields(CorpusSettings) if f.name != "enabled"}
    values = {}
    for name, item in value.items():
        if name not in known:
            raise ConfigError(f"unknown setting {key}.{name} (known: {', '.join(sorted(known))})")
        kind = int if known[name].type in (int, "int") else float
        if isinstance(item, bool) or not isinstance(item, (int, float)) or item < 0 or (
                kind is int and not isinstance(item, int)) or (kind is float and item > 1):
            expected = "a whole number" if kind is int else "a number from 0 to 1"
            raise ConfigError(f"{key}.{name} must be {expected}")
        values[known[name].name] = kind(item)
    return CorpusSettings(**values)


@dataclass(frozen=True)
class Settings:
    """Everything a run is configured by; the defaults are a bare `corpuslint check`."""

    root: Path = field(default_factory=Path.cwd)
    config_file: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fixable: tuple[str, ...] | None = None
    unfixable: tuple[str, ...] = ()
    paths: tuple[str, ...] = (".",)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = ("*.txt", "*.md")
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    respect_gitignore: bool = True
    severity: Mapping[str, Severity] = field(default_factory=dict)
    packs: tuple[Path, ...] = ()
    fail_on: Severity = Severity.WARNING
    output_format: str = "concise"
    min_body_words: int = 50
    corpus: CorpusSettings = field(default_factory=CorpusSettings)
    language: str = "en"
    text_field: str = "text"  # JSONL / Parquet corpora: the field holding the article
    id_field: str = "id"
    ignore_field: str = "corpuslint_ignore"  # a record's own suppressions: a list of codes
    # Off: every check runs on every document and the cheap tests (prefilters, the
    # language stop-word test) are skipped; the findings must be the same either way.
    fast_path: bool = True
    # The H rules' thresholds (`[tool.corpuslint.quality]`, keys in checks/quality_limits.py) and the
    # P rules' redaction placeholders (`[tool.corpuslint.placeholders]`); unset keys take the defaults.
    quality: Mapping[str, float] = field(default_factory=dict)
    placeholders: Mapping[str, str] = field(default_factory=dict)
    # Bad input (docs/bad-input.md): a document longer than this many characters gets
    # U005 and only the cheap rules; at most `finding_cap` findings of one code per
    # document are shown (0: all); a path named outright that is skipped fails the run.
    max_document_size: int = 50_000_000
    finding_cap: int = 50
    skip_unreadable: bool = False
    # Where the per-document pass and the corpus pass's groupings run: "local" (this
    # machine's processes) or "ray" (a Ray cluster: `ray_address`, or a local Ray when None).
    executor: str = "local"
    ray_address: str | None = None

    def with_overrides(self, **changes: Any) -> Settings:
        """These settings with command-line values laid over them (None means unset)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def describe(self) -> str:
        """The resolved settings, one `key = value` a line, for `--show-settings`."""
        lines = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Severity):
                value = value.label
            elif isinstance(value, Mapping):
                value = {k: getattr(v, "label", v) for k, v in value.items()}
            elif isinstance(value, tuple):
                value = [str(v) for v in value]
            lines.append(f"{f.name.replace('_', '-')} = {value}")
        return "\n".join(lines)


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key!r} must be a list of strings")
    return tuple(value)


def _string(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{key!r} must be a non-empty string")
    return value


def _boolean(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key!r} must be true or false")
    return value


def _severity(key: str, value: Any) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as error:
        raise ConfigError(f"{key!r}: {error}") from None


def _severity_map(key: str, value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key!r} must be a table of CODE = \"error\" | \"warning\" | \"info\"")
    return {str(code): _severity(f"{key}.{code}", level) for code, level in value.items()}


def _ignores_map(key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key!r} must be a table of \"glob\" = [CODES]")
    return {str(glob): _strings(f"{key}.{glob}", codes) for glob, codes in value.items()}


def _positive_int(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{key!r} must be a whole number of at least 1")
    return value


_SIZE = re.compile(r"(\d+)\s*([kmg]?)b?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


def parse_size(key: str, value: Any) -> int:
    """A size in characters: a whole number, or a string such as "50MB" (M = a million)."""
    match = _SIZE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is not None:
        value = int(match.group(1)) * _UNITS[match.group(2).lower()]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f'{key!r} must be a number of characters or a size such as "50MB"')
    return value


def _cap(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{key!r} must be a whole number (0 shows every finding)")
    return value


def _output_format(key: str, value: Any) -> str:
    from corpuslint.report import FORMATS

    if value not in FORMATS:
        raise ConfigError(f"{key!r}: unknown format {value!r} (expected one of: {', '.join(FORMATS)})")
    return str(value)


EXECUTORS = ("local", "ray")


def _executor(key: str, value: Any) -> str:
    if value not in EXECUTORS:
        raise ConfigError(f"{key!r}: unknown executor {value!r} (expected one of: {', '.join(EXECUTORS)})")
    return str(value)


def _language(key: str, value: Any) -> str:
    from corpuslint.article.languages import NAMES

    if value not in NAMES:
        raise ConfigError(f"{key!r}: unknown language {value!r} (expected an ISO 639-1 code "
                          f"such as \"en\" or \"de\"; known: {', '.join(sorted(NAMES))})")
    return str(value)


def _quality(key: str, value: Any) -> dict[str, float]:
    from corpuslint.checks.quality_limits import DEFAULTS

    if not isinstance(value, dict):
        raise ConfigError(f"{key!r} must be a table of threshold = number")
    for name, item in value.items():
        if name not in DEFAULTS:
            raise ConfigError(f"unknown setting {key}.{name} (known: {', '.join(sorted(DEFAULTS))})")
        if isinstance(item, bool) or not isinstance(item, (int, float)) or item < 0:
            raise ConfigError(f"{key}.{name} must be a number of at least 0 (0 turns the test off)")
    return {name: float(item) for name, item in value.items()}


def _placeholders(key: str, value: Any) -> dict[str, str]:
    from corpuslint.checks.personal import PLACEHOLDERS

    if not isinstance(value, dict):
        raise ConfigError(f"{key!r} must be a table of KIND = \"<PLACEHOLDER>\"")
    for name, item in value.items():
        if name not in PLACEHOLDERS:
            raise ConfigError(f"unknown setting {key}.{name} (known: {', '.join(sorted(PLACEHOLDERS))})")
        _string(f"{key}.{name}", item)
    return dict(value)


# key in the file -> (Settings field, parser). A new setting is one line here.
_KEYS: dict[str, tuple[str, Callable[[str, Any], Any]]] = {
    "select": ("select", _strings),
    "extend-select": ("extend_select", _strings),
    "ignore": ("ignore", _strings),
    "fixable": ("fixable", _strings),
    "unfixable": ("unfixable", _strings),
    "paths": ("paths", _strings),
    "per-file-ignores": ("per_file_ignores", _ignores_map),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "extend-exclude": ("extend_exclude", _strings),
    "force-exclude": ("force_exclude", _boolean),
    "respect-gitignore": ("respect_gitignore", _boolean),
    "severity": ("severity", _severity_map),
    "packs": ("packs", _strings),
    "fail-on": ("fail_on", _severity),
    "output-format": ("output_format", _output_format),
    "min-body-words": ("min_body_words", _positive_int),
    "corpus": ("corpus", _corpus),
    "language": ("language", _language),
    "text-field": ("text_field", _string),
    "id-field": ("id_field", _string),
    "ignore-field": ("ignore_field", _string),
    "fast-path": ("fast_path", _boolean),
    "quality": ("quality", _quality),
    "placeholders": ("placeholders", _placeholders),
    "max-document-size": ("max_document_size", parse_size),
    "finding-cap": ("finding_cap", _cap),
    "skip-unreadable": ("skip_unreadable", _boolean),
    "executor": ("executor", _executor),
    "ray-address": ("ray_address", _string),
}


def find_config(start: Path) -> Path | None:
    """The nearest corpuslint.toml, or pyproject.toml with [tool.corpuslint], at or above start."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "corpuslint" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_settings(config: Path | None = None, *, isolated: bool = False, cwd: Path | None = None) -> Settings:
    """Settings from `config`, or from the config found above `cwd`, or the defaults."""
    cwd = (cwd or Path.cwd()).resolve()
    if isolated:
        return Settings(root=cwd)
    path = config if config is not None else find_config(cwd)
    if path is None:
        return Settings(root=cwd)
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    table = _read_toml(path)
    if path.name == "pyproject.toml":
        table = table.get("tool", {}).get("corpuslint", {})
    return settings_from_table(table, path.resolve().parent, path)


def settings_from_table(table: Mapping[str, Any], root: Path, source: Path | None = None) -> Settings:
    values: dict[str, Any] = {}
    where = f"{source}: " if source else ""
    for key, value in table.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{where}unknown setting {key!r} (known settings: {known})")
        attribute, parse = _KEYS[key]
        try:
            values[attribute] = parse(key, value)
        except ConfigError as error:
            raise ConfigError(f"{where}{error}") from None
    if "packs" in values:
        values["packs"] = tuple(root / p for p in values["packs"])
    return Settings(root=root, config_file=source, **values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
