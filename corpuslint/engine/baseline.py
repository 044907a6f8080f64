"""A baseline: today's findings recorded, so that a run reports only the new ones.

Adopting a linter on an old corpus means thousands of findings nobody will fix
this week; a baseline lets CI fail only on what a change adds. A finding is
matched by file, code, a hash of the text it flags and its occurrence index
among equal findings in that file (see fingerprint.py), never by row, so
adding or removing lines above it does not make it new.

The file is JSON, one object per finding with its message, so a review of a
baseline change is readable. Paths are relative to the baseline file's folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpuslint.model.finding import Finding
from corpuslint.model.fingerprint import occurrences

VERSION = 1
Key = tuple[str, str, str, int]


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names it."""


def _records(findings: Sequence[Finding], folder: Path) -> list[dict[str, Any]]:
    return [
        {
            "file": Path(os.path.relpath(os.path.abspath(f.path), folder)).as_posix(),
            "code": f.code,
            "fingerprint": f.fingerprint,
            "occurrence": n,
            "message": f.diagnostic.message,
        }
        for f, n in occurrences(findings)
    ]


def _key(record: dict[str, Any]) -> Key:
    return (record["file"], record["code"], record["fingerprint"], int(record["occurrence"]))


def write(path: Path, findings: Sequence[Finding]) -> None:
    """Record `findings` in `path` (replacing it)."""
    document = {
        "corpuslint-baseline": VERSION,
        "findings": _records(findings, path.resolve().parent),
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load(path: Path) -> frozenset[Key]:
    """The recorded findings' keys."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot read: {error.strerror or error}") from None
    except ValueError as error:
        raise BaselineError(f"{path}: not valid JSON: {error}") from None
    if not isinstance(document, dict) or document.get("corpuslint-baseline") != VERSION:
        raise BaselineError(f"{path}: not a corpuslint baseline (version {VERSION})")
    try:
        return frozenset(_key(r) for r in document["findings"])
    except (KeyError, TypeError, ValueError) as error:
        raise BaselineError(f"{path}: malformed finding record: {error!r}") from None


def new_findings(findings: Sequence[Finding], path: Path) -> list[Finding]:
    """The findings that the baseline at `path` does not record, in their order."""
    known = load(path)
    records = _records(findings, path.resolve().parent)
    return [f for f, r in zip(findings, records, strict=True) if _key(r) not in known]
