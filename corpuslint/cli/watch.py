"""`corpuslint check --watch`: lint, then lint again after every change, until interrupted."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from watchfiles import DefaultFilter
from watchfiles import watch as watch_changes

from corpuslint import api
from corpuslint.cli.console import EXIT_CLEAN, error, info
from corpuslint.cli.options import configure
from corpuslint.config import Settings
from corpuslint.errors import UsageError


def watch(args: argparse.Namespace, check_once: Callable[[argparse.Namespace], int]) -> int:
    """Config is re-read each time, so a change to it is seen as any other."""

    def once() -> list[str]:
        try:
            check_once(args)
            settings, _ = configure(args)
        except UsageError as problem:
            error(str(problem))
            return list(args.paths) or ["."]
        finally:
            sys.stdout.flush()
        return _watched(args, settings)

    watched = once()
    quiet_dirs = (*DefaultFilter.ignore_dirs, api.CACHE_DIR)
    while True:
        # The watcher is running once it yields its first (empty) timeout: only then is it
        # announced, so a change made after the announcement is never missed.
        changes = watch_changes(*watched, watch_filter=DefaultFilter(ignore_dirs=quiet_dirs),
                                yield_on_timeout=True, rust_timeout=200)
        announced = False
        try:
            for changed in changes:
                if changed:
                    break
                if not announced:
                    info(f"Watching {', '.join(watched)} for changes (Ctrl-C to stop)")
                    announced = True
        except KeyboardInterrupt:
            return EXIT_CLEAN
        info(f"{len(changed)} change(s) seen, linting again")
        watched = once()


def _watched(args: argparse.Namespace, settings: Settings) -> list[str]:
    """The folders to watch: the paths linted, and the config file so a change to it counts."""
    paths = [p for p in api.resolve_paths(args.paths, settings) if p != "-"]
    if settings.config_file is not None:
        paths.append(str(settings.config_file))
    return [p for p in paths if os.path.exists(p)] or ["."]
