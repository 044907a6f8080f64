"""How a run's skipped paths are reported, and when they fail it."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from corpuslint.cli.console import EXIT_ERROR, error

if TYPE_CHECKING:
    from corpuslint.config import Settings
    from corpuslint.sources.files import Notice


def finish(code: int, notices: Sequence[Notice], paths: Sequence[str], settings: Settings, *,
           quiet: bool) -> int:
    """The exit code once skips are counted: EXIT_ERROR when a path named outright went unread.

    A walk's skips are summed up ("3 files skipped: 2 binary, 1 not text").
    A check that passes on a file it never read says nothing, so a skipped
    path named outright fails the run, unless `skip-unreadable` says skipping is fine.
    """
    kinds = Counter(n.kind for n in notices if n.kind)
    total = sum(kinds.values())
    if total and not quiet:
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda k: (-k[1], k[0])))
        sys.stderr.write(f"{total} file{'s' if total > 1 else ''} skipped: {parts}\n")
    refused = [] if settings.skip_unreadable else [n for n in notices if n.kind and n.path in set(paths)]
    for notice in refused:
        error(f"{notice.path} was named but not read ({notice.kind}); "
              "--skip-unreadable lets a run pass without it")
    return EXIT_ERROR if refused else code

