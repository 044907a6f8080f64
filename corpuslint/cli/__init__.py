"""The command line: argument parsing and rendering over corpuslint.api."""

from __future__ import annotations

from corpuslint.cli.main import main

__all__ = ["main"]
