"""The docs stay true: generated parts match the code and its real output.

After a reviewed change, `CORPUSLINT_UPDATE_GOLDEN=1 pytest tests/test_docs.py` rewrites them.
"""

from __future__ import annotations

import os
import re

import pytest
from clirun import corpuslint
from conftest import ROOT

TOUR = ROOT / "docs" / "tour.md"
RULES_DOC = ROOT / "docs" / "rules.md"
UPDATE = bool(os.environ.get("CORPUSLINT_UPDATE_GOLDEN"))


def _block(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- {name}:start -->\n)(.*?)(<!-- {name}:end -->)", re.S)


def _compare_block(name: str, expected: str) -> None:
    text = TOUR.read_text(encoding="utf-8")
    match = _block(name).search(text)
    assert match, f"{TOUR.name} lacks the {name} markers"
    if UPDATE:
        text = text[: match.start(2)] + expected + text[match.end(2) :]
        TOUR.write_text(text, encoding="utf-8")
        match = _block(name).search(text)
        assert match
    assert match.group(2) == expected


def test_rule_table_links_into_the_rules_doc() -> None:
    """The table alone links into docs/rules.md; docs/rules.md's own copy links to its headings."""
    table = corpuslint("rules", "--output-format", "markdown", cwd=ROOT).stdout
    assert "| [M101](docs/rules.md#m101-latex-wrapped-url) | `latex-wrapped-url` |" in table
    own = table.replace("](docs/rules.md#", "](#")
    assert own in RULES_DOC.read_text(encoding="utf-8")


def test_rules_doc_is_generated_from_the_registry() -> None:
    expected = corpuslint("rules", "--output-format", "markdown-docs", cwd=ROOT).stdout
    if UPDATE:
        RULES_DOC.write_text(expected, encoding="utf-8")
    assert RULES_DOC.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    ("block", "args"),
    [("tour:check", ["check"]),
     ("tour:full", ["check", "seeds/001_407f6368bc9a3485.txt", "--output-format", "full"])],
)
def test_tour_shows_real_output(block: str, args: list[str]) -> None:
    result = corpuslint(*args, cwd=ROOT, env={"NO_COLOR": "1"})
    shown = f"```console\n$ corpuslint {' '.join(args)}\n{result.stdout}{result.stderr}```\n"
    _compare_block(block, shown)
