"""The options that say how much of a bad input to take: sizes, caps, skipped paths."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from corpuslint.config import ConfigError, Settings, _size
from corpuslint.model.finding import Finding
from corpuslint.sources.files import Notice

EXIT_ERROR = 2


def add_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--max-document-size", metavar="SIZE",
                       help="above this many characters (e.g. 50MB) a document gets U005 and "
                            "only the cheap rules (default: 50MB)")
    group.add_argument("--no-finding-cap", action="store_true", default=None,
                       help="show every finding (default: at most 50 of one code per document)")
    group.add_argument("--skip-unreadable", action="store_true", default=None,
                       help="a named path that is skipped (binary, not text, unreadable) "
                            "does not make the run fail")


def apply(settings: Settings, given: dict[str, Any]) -> Settings:
    """The settings with these options laid over them; a bad size raises ConfigError."""
    size = given.get("max_document_size")
    try:
        parsed = _size("--max-document-size", size) if size is not None else None
    except ConfigError as error:
        raise ConfigError(str(error).replace("'--max-document-size'", "--max-document-size")) from None
    return settings.with_overrides(
        max_document_size=parsed,
        finding_cap=0 if given.get("no_finding_cap") else None,
        skip_unreadable=given.get("skip_unreadable"),
    )


def finish(code: int, notices: Sequence[Notice], paths: Sequence[str], settings: Settings, *,
           quiet: bool) -> int:
    """The run's exit code once skips are counted: 2 when a path named outright went unread.

    A walk's skips are summed up ("3 files skipped: 2 binary, 1 not text");
    a file named on the command line (or in `paths`) that was skipped fails
    the run, since a check that passes on a file it never read says nothing,
    unless `skip-unreadable` is set.
    """
    kinds = Counter(n.kind for n in notices if n.kind)
    total = sum(kinds.values())
    if total and not quiet:
        parts = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items(), key=lambda k: (-k[1], k[0])))
        sys.stderr.write(f"{total} file{'s' if total > 1 else ''} skipped: {parts}\n")
    named = set(paths)
    refused = [n for n in notices if n.kind and n.path in named]
    if not refused or settings.skip_unreadable:
        return code
    for notice in refused:
        sys.stderr.write(f"corpuslint: error: {notice.path} was named but not read ({notice.kind}); "
                         "--skip-unreadable lets a run pass without it\n")
    return EXIT_ERROR


def can_fix(finding: Finding) -> bool:
    """Whether `--fix` can apply this finding's fix: not in a JSONL or Parquet record.

    `--fix` refuses data files (`export` writes their cleaned copy), so the
    summary must not promise fixes it will not make.
    """
    return finding.record is None
