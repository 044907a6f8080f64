"""`corpuslint show FILE` (the fields read from one article) and `corpuslint clean` (the cache)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from corpuslint import api
from corpuslint.cli.console import EXIT_CLEAN, print_table
from corpuslint.model.document import Document


def show(args: argparse.Namespace) -> int:
    doc, fields = api.article_fields(args.file)
    if args.output_format == "json":
        json.dump({"path": doc.path, **fields}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    print_table(("field", "line", "value"), _rows(doc, fields), title=doc.path)
    return EXIT_CLEAN


def _rows(doc: Document, fields: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """One row per value: a field found at a place shows its line; a missing one shows '-'."""
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                shown = item["value"]
                if isinstance(shown, dict):
                    shown = ", ".join(f"{k}={v}" for k, v in shown.items() if v is not None)
                yield name, str(doc.location(item["start"]).row), str(shown)
            else:
                yield name, "", "-" if item is None else str(item)
        if value == []:
            yield name, "", "-"


def clean(args: argparse.Namespace) -> int:
    folder, removed = api.clean_cache(args.cache_dir)
    print(f"Removed {folder}" if removed else f"No cache at {folder}")
    return EXIT_CLEAN
