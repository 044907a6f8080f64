"""corpuslint: a data-quality linter and auto-fixer for text corpora."""

from __future__ import annotations

__version__ = "0.1.0"

# The public API lives in corpuslint.api; it is imported on first use so that
# `corpuslint --version` and the hook's start-up stay fast.
_API = frozenset({"CheckRun", "check_paths", "discover", "fix_text", "lint_text", "resolve_paths"})


def __getattr__(name: str) -> object:
    if name in _API:
        import importlib

        return getattr(importlib.import_module("corpuslint.api"), name)
    raise AttributeError(f"module 'corpuslint' has no attribute {name!r}")
