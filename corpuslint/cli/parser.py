"""The command line's grammar: every command, its options and its examples (argparse)."""

from __future__ import annotations

import argparse

from corpuslint import __version__

CHECK_EXAMPLES = """\
examples:
  corpuslint check                          lint the paths set in config (here: seeds/)
  corpuslint check corpus/ --statistics     count findings by rule
  corpuslint check a.txt --output-format full
  corpuslint check --select B,M --ignore B101 corpus/
  cat article.txt | corpuslint check - --stdin-filename article.txt
  corpuslint check corpus/ --output-format github   annotations in GitHub Actions
  corpuslint check corpus/ --fix            apply safe fixes, report what remains
  corpuslint check corpus/ --diff --unsafe-fixes   show every fix as a diff, write nothing
  cat article.txt | corpuslint check --fix -   fixed text on stdout, findings on stderr
  corpuslint check corpus/ --add-baseline baseline.json   accept today's findings
  corpuslint check corpus/ --baseline baseline.json       report only new ones
  corpuslint check corpus/ --watch              lint again whenever a file changes
  corpuslint check corpus.jsonl --text-field body   lint each record of a JSONL corpus
"""
EXPORT_EXAMPLES = """\
examples:
  corpuslint export corpus/ -o corpus.parquet      one validated row per article
  corpuslint export corpus.jsonl -o clean.jsonl --text-field body --id-field url
  corpuslint export corpus/ -o corpus.csv --raw    text as it was; urls, codes as JSON arrays
"""


def _codes(value: str) -> list[str]:
    """`--select B,M101` and repeated `--select` both work."""
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    from corpuslint.report import FORMATS

    parser = argparse.ArgumentParser(
        prog="corpuslint",
        description="A linter and auto-fixer for text corpora of scraped news articles.",
        epilog="Run 'corpuslint COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"corpuslint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="lint files and report findings",
        description="Lint files, directories or stdin and report each finding with its rule code.",
        epilog=CHECK_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or directories to lint ('-' for stdin); default: `paths` in config")
    config = _selection_and_config(check)
    config.add_argument("--force-exclude", action="store_true", default=None,
                        help="apply exclude patterns to paths named on the command line too")
    config.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction, default=None,
                        help="skip files that .gitignore ignores (default: true)")
    config.add_argument("--stdin-filename", metavar="NAME", help="the name to report stdin as")
    _record_options(config)
    config.add_argument("--show-settings", action="store_true", help="print the resolved settings")
    config.add_argument("--show-files", action="store_true", help="print the files that would be linted")
    config.add_argument("--no-corpus", action="store_true",
                        help="skip the corpus pass (D rules): for a hook given only some files")
    config.add_argument("--max-document-size", metavar="SIZE",
                        help="above this many characters (e.g. 50MB) a document gets U005 and "
                             "only the cheap rules (default: 50MB)")
    config.add_argument("--no-finding-cap", action="store_true",
                        help="show every finding (default: at most 50 of one code per document)")
    config.add_argument("--skip-unreadable", action="store_true", default=None,
                        help="a named path that is skipped (binary, not text, unreadable) "
                             "does not make the run fail")
    # Hidden: run every check on every document, to compare with the fast paths (tests, bench).
    config.add_argument("--no-fast-path", action="store_true", help=argparse.SUPPRESS)
    output = check.add_argument_group("output")
    output.add_argument("--output-format", choices=list(FORMATS), metavar="FORMAT",
                        help=f"one of: {', '.join(FORMATS)} (default: concise)")
    output.add_argument("--output-file", metavar="PATH", help="write the report to a file")
    output.add_argument("--statistics", action="store_true",
                        help="print the number of findings per rule instead of the findings")
    output.add_argument("--fail-on", choices=["error", "warning", "info"],
                        help="lowest severity that makes the exit code 1 (default: warning)")
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    output.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    output.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    adoption = check.add_argument_group("adoption")
    baseline = adoption.add_mutually_exclusive_group()
    baseline.add_argument("--add-baseline", metavar="FILE",
                          help="record today's findings in FILE and exit 0")
    baseline.add_argument("--baseline", metavar="FILE",
                          help="report only findings that FILE does not record")
    adoption.add_argument("--warn-unused-ignores", action="store_true",
                          help="report suppressions that suppressed nothing (C101)")
    adoption.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    adoption.add_argument("--cache-dir", metavar="DIR",
                          help="where to keep the cache (default: .corpuslint_cache beside the config)")
    adoption.add_argument("--watch", action="store_true", help="lint again whenever a file changes")
    fixing = check.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true",
                        help="apply safe fixes, then report what remains")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="apply unsafe fixes too (with --fix, --fix-only or --diff)")
    fixing.add_argument("--fix-only", action="store_true",
                        help="apply fixes and report nothing of what remains (implies --fix)")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and write nothing; exit 1 if any")
    fixing.add_argument("--show-fixes", action="store_true",
                        help="list what was fixed, by file and rule")
    fixing.add_argument("--exit-non-zero-on-fix", action="store_true",
                        help="exit 1 when a file was fixed, even if nothing remains (for hooks)")

    export = commands.add_parser(
        "export", help="write the corpus as one validated table",
        description="Lint and clean every article and write one row per article (metadata, "
                    "cleaned text, counts, codes), validated against the schema. Nothing is "
                    "written unless every row validates.",
        epilog=EXPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("paths", nargs="*", metavar="PATH",
                        help="files, directories, JSONL or Parquet corpora; default: `paths` in config")
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the table to write: .parquet, .jsonl, .ndjson or .csv")
    export.add_argument("--raw", action="store_true", help="keep the text as it was (no safe fixes)")
    export.add_argument("--unsafe-fixes", action="store_true",
                        help="apply unsafe fixes too to the text column (B2's page chrome)")
    export.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: every core)")
    _record_options(_selection_and_config(export))
    schema = commands.add_parser("schema", help="print the exported table's schema",
                                 description="Print every column of an export: dtype, nullability, "
                                             "checks; or the row as JSON Schema.")
    schema.add_argument("--output-format", choices=["table", "json"], default="table")

    rules = commands.add_parser("rules", help="list every rule with its default state",
                                description="List every rule: code, name, severity, default state, fix.")
    rules.add_argument("--output-format", choices=["table", "json", "markdown", "markdown-docs"],
                       default="table",
                       help="markdown: the README's rule table; markdown-docs: every rule's doc")
    rule = commands.add_parser("rule", help="print one rule's documentation",
                               description="Print a rule's documentation, e.g. 'corpuslint rule M101'.")
    rule.add_argument("code", metavar="CODE")
    rule.add_argument("--output-format", choices=["text", "json"], default="text")
    clean = commands.add_parser("clean", help="remove the cache",
                                description="Remove the cache folder (.corpuslint_cache beside the config).")
    clean.add_argument("--cache-dir", metavar="DIR", help="remove this cache folder instead")
    show = commands.add_parser("show", help="print the fields extracted from an article",
                               description="Print the headline, byline, dates, dateline, source, "
                                           "URLs, captions and language read from one file.")
    show.add_argument("file", metavar="FILE")
    show.add_argument("--output-format", choices=["table", "json"], default="table")
    return parser


def _selection_and_config(command: argparse.ArgumentParser) -> argparse._ArgumentGroup:
    """The options `check` and `export` share: which rules run, and which config; returns
    the configuration group for the command's own additions."""
    rules_group = command.add_argument_group("rule selection")
    rules_group.add_argument("--select", type=_codes, action="extend", metavar="CODES",
                             help="run only these codes or prefixes (e.g. B,M101 or ALL)")
    rules_group.add_argument("--extend-select", type=_codes, action="extend", metavar="CODES",
                             help="run these in addition to the selected rules")
    rules_group.add_argument("--ignore", type=_codes, action="extend", metavar="CODES",
                             help="do not run these codes or prefixes")
    config = command.add_argument_group("configuration")
    config.add_argument("--config", metavar="PATH",
                        help="use this pyproject.toml or corpuslint.toml instead of searching")
    config.add_argument("--isolated", action="store_true", help="ignore every config file")
    scale = command.add_argument_group("executor")
    scale.add_argument("--executor", choices=["local", "ray"],
                       help="where the passes run: this machine's processes, or Ray (default: local)")
    scale.add_argument("--ray-address", metavar="ADDRESS",
                       help="the Ray cluster to run on (default: a local Ray, as ray.init() starts)")
    return config


def _record_options(group: argparse._ActionsContainer) -> None:
    group.add_argument("--text-field", metavar="NAME",
                       help="JSONL/Parquet corpora: the field holding the text (default: text)")
    group.add_argument("--id-field", metavar="NAME",
                       help="JSONL/Parquet corpora: the field holding the record's id (default: id)")
