"""The one error a user can fix by asking differently: kept apart so the CLI can catch it
without importing the engine (start-up time)."""

from __future__ import annotations


class UsageError(ValueError):
    """A request that cannot run as asked (config, rule selection, flags, paths, baseline, output):
    the command line prints it as one line and exits 2."""
