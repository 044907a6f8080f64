"""`corpuslint export` (the corpus as one validated table) and `corpuslint schema` (its columns)."""

from __future__ import annotations

import argparse
import json
import sys

from corpuslint import api
from corpuslint.cli.console import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error, print_table, warn
from corpuslint.cli.options import configure
from corpuslint.errors import UsageError


def export(args: argparse.Namespace) -> int:
    """Exit 0 when written, 1 when a row broke the schema, 2 for bad input; nothing written unless 0."""
    settings, _ = configure(args)
    files, notices = api.discover(api.resolve_paths(args.paths, settings), settings)
    if "-" in files:
        raise UsageError("export reads files, not stdin")
    result = api.export(files, args.output, settings, raw=args.raw, unsafe=args.unsafe_fixes,
                        jobs=args.jobs)
    for notice in [*notices, *result.notices]:
        warn(f"{notice.path}: {notice.reason}")
    for message in result.errors:
        error(message)
    if result.failures:
        sys.stderr.write(f"{len(result.failures)} schema failure(s):\n")
        for f in result.failures:
            sys.stderr.write(f"  row {f.row if f.row is not None else '-'}: column {f.column}, "
                             f"check {f.check}, value {f.value!r}\n")
    if result.errors:
        sys.stderr.write(f"Wrote nothing: {len(result.errors)} unreadable file(s) or malformed "
                         "record(s).\n")
        return EXIT_ERROR
    if result.failures:
        sys.stderr.write(f"Wrote nothing: {result.rows} rows, {len(result.failures)} failed the schema.\n")
        return EXIT_FINDINGS
    sys.stderr.write(f"Wrote {result.rows} rows to {args.output}.\n")
    return EXIT_CLEAN


def schema(args: argparse.Namespace) -> int:
    if args.output_format == "json":
        json.dump(api.row_json_schema(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    print_table(("column", "dtype", "null", "checks", "description"),
                ((c.name, c.dtype, "yes" if c.nullable else "no", ", ".join(c.checks), c.description)
                 for c in api.schema_columns()),
                title="corpuslint export: one row per article")
    return EXIT_CLEAN
