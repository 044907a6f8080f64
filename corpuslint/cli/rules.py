"""`corpuslint rules` (every rule) and `corpuslint rule CODE` (one rule's documentation)."""

from __future__ import annotations

import argparse
import json
import sys

from corpuslint import api
from corpuslint.cli.console import EXIT_CLEAN, print_table


def list_rules(args: argparse.Namespace) -> int:
    infos = api.rules()
    if args.output_format == "json":
        json.dump([api.rule_dict(i) for i in infos], sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif args.output_format == "markdown":
        sys.stdout.write(api.rule_table(infos))
    elif args.output_format == "markdown-docs":
        sys.stdout.write(api.rule_pages(infos))
    else:
        print_table(("code", "name", "default", "severity", "fix", "summary"),
                    ((i.code, i.name, "on" if i.enabled_by_default else "off", i.severity.label,
                      i.fix.value, i.summary) for i in infos))
    return EXIT_CLEAN


def show_rule(args: argparse.Namespace) -> int:
    info = api.rule(args.code)
    if args.output_format == "json":
        json.dump(api.rule_dict(info), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    state = "on by default" if info.enabled_by_default else "off by default (select it to run it)"
    print(f"{info.code} {info.name}\n\n{info.summary}\n")
    print(f"Severity: {info.severity.label}. {state.capitalize()}. Fix: {info.fix.value}.\n")
    print(info.doc.to_markdown())
    return EXIT_CLEAN
