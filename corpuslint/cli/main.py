"""The command line's entry point: parse, hand the command to its module, turn errors into exit codes.

Exit codes, as ruff's: 0 nothing at or above `--fail-on`, 1 findings, 2 a usage,
configuration or internal error. Each command lives in its own module, imported
only when it runs, so `corpuslint --version` and `--help` never load the engine.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from corpuslint.cli.console import EXIT_CLEAN, EXIT_ERROR, error
from corpuslint.cli.parser import build_parser
from corpuslint.errors import UsageError

# command -> "module:function", the function taking the parsed arguments and returning the exit code
COMMANDS = {
    "check": "corpuslint.cli.check:check",
    "export": "corpuslint.cli.export:export",
    "schema": "corpuslint.cli.export:schema",
    "rules": "corpuslint.cli.rules:list_rules",
    "rule": "corpuslint.cli.rules:show_rule",
    "clean": "corpuslint.cli.show:clean",
    "show": "corpuslint.cli.show:show",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        module, function = COMMANDS[args.command].split(":")
        return getattr(importlib.import_module(module), function)(args)  # type: ignore[no-any-return]
    except UsageError as problem:
        error(str(problem))
        return EXIT_ERROR
    except KeyboardInterrupt:
        error("interrupted")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`corpuslint rules | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN
    except Exception as problem:
        if os.environ.get("CORPUSLINT_DEBUG"):
            raise
        error(f"internal error: {type(problem).__name__}: {problem}\n"
              "  set CORPUSLINT_DEBUG=1 for the traceback, and please report it")
        return EXIT_ERROR
