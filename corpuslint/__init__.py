"""corpuslint: a data-quality linter and auto-fixer for text corpora."""

from __future__ import annotations

__version__ = "0.1.0"

# The public API lives in corpuslint.api; it is imported on first use so that
# `corpuslint --version` and the hook's start-up stay fast.
_API = frozenset({"CheckRun", "build_dataset", "check_paths", "discover", "export", "fix_text",
                  "lint_frame", "lint_text", "resolve_paths"})
_SCHEMA = frozenset({"ArticleSchema"})


def __getattr__(name: str) -> object:
    if name in _API or name in _SCHEMA:
        import importlib

        module = "corpuslint.api" if name in _API else "corpuslint.dataset.schema"
        return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module 'corpuslint' has no attribute {name!r}")
