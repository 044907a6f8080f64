"""The parsed flags as the API's Options: the one place a flag becomes a setting."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from corpuslint import api

if TYPE_CHECKING:
    from corpuslint.config import Settings
    from corpuslint.engine.linter import Linter


def configure(args: argparse.Namespace) -> tuple[Settings, Linter]:
    """Settings from config and flags, and the Linter they select.

    `check` and `export` share this; options only `check` has read as unset for `export`.
    """
    given = vars(args)
    return api.configure(api.Options(
        config=args.config,
        isolated=args.isolated,
        select=args.select,
        extend_select=(*(args.extend_select or ()),
                       *(("C101",) if given.get("warn_unused_ignores") else ())),
        ignore=tuple(args.ignore or ()),
        force_exclude=given.get("force_exclude"),
        respect_gitignore=given.get("respect_gitignore"),
        fail_on=given.get("fail_on"),
        output_format=given.get("output_format"),
        text_field=args.text_field,
        id_field=args.id_field,
        executor=args.executor,
        ray_address=args.ray_address,
        corpus=not given.get("no_corpus"),
        fast_path=not given.get("no_fast_path"),
        max_document_size=given.get("max_document_size"),
        finding_cap=not given.get("no_finding_cap"),
        skip_unreadable=given.get("skip_unreadable"),
    ))
