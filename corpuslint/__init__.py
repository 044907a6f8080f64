"""corpuslint: a data-quality linter and auto-fixer for text corpora."""

from __future__ import annotations

__version__ = "0.1.0"

# The public API, and the module each name lives in (no name may be a subpackage's:
# `corpuslint.report` is the report formats, so the HTML report is `write_report`). Names are imported on
# first use so that `corpuslint --version` and the hook's start-up stay fast.
_PUBLIC = {
    "lint_text": "corpuslint.api",
    "fix_text": "corpuslint.api",
    "lint_frame": "corpuslint.frames",
    "filter_frame": "corpuslint.frames",
    "check_paths": "corpuslint.api",
    "discover": "corpuslint.api",
    "resolve_paths": "corpuslint.api",
    "CheckRun": "corpuslint.api",
    "write_report": "corpuslint.api",
    "build_dataset": "corpuslint.api",
    "export": "corpuslint.api",
    "ArticleSchema": "corpuslint.dataset.schema",
    "Settings": "corpuslint.config",
    "load_settings": "corpuslint.config",
}
__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        import importlib

        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'corpuslint' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public API (what `help()` and completion show), not the loader's internals."""
    return sorted(__all__)
