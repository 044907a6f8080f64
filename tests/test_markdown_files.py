"""Markdown syntax rules skip documents stored as markdown, where the syntax is the format."""

from __future__ import annotations

import pytest

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.model.document import Document

TEXT = "## Blinken meets Gantz\n\n[Blinken](https://www.state.gov/x) met \\#Gantz.\n"
MARKDOWN_RULES = ("M104", "M105", "M107")


@pytest.mark.parametrize("code", MARKDOWN_RULES)
def test_reported_in_a_text_file(code: str) -> None:
    found = Linter(Settings(select=(code,))).lint(Document(TEXT, "article.txt"))
    assert [d.code for d in found] == [code]


@pytest.mark.parametrize("path", ["article.md", "notes/ARTICLE.Markdown"])
def test_not_reported_in_a_markdown_file(path: str) -> None:
    assert Linter(Settings(select=MARKDOWN_RULES)).lint(Document(TEXT, path)) == []
