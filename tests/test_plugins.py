"""Third-party rules take the same path as built-ins: the `corpuslint.rules` entry-point group."""

from __future__ import annotations

import json
import os
from pathlib import Path

from clirun import corpuslint

PLUGIN = '''
from corpuslint.engine.rule import Rule
from corpuslint.model.diagnostic import Severity


class ShoutedDateline(Rule):
    """A dateline in capitals followed by two hyphens.

    ## What it finds
    "LONDON--" at the start of a paragraph.
    ## Why it matters
    It is wire-service residue.
    ## Example
    Before: "LONDON-- Shares rose." After: "Shares rose."
    ## Fix safety
    No fix.
    """

    code = "B901"
    name = "shouted-dateline"
    severity = Severity.WARNING
    prefilter = r"[A-Z]{3,}--"

    def check(self, doc):
        import re
        for m in re.finditer(r"(?m)^[A-Z]{3,}--", doc.text):
            yield self.diagnostic(m.start(), m.end(), "Wire dateline residue")


RULES = (ShoutedDateline,)
'''


def _install_plugin(site: Path) -> None:
    """A distribution on the path, as pip would leave it: a module and its dist-info."""
    (site / "house_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "house_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: house-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[corpuslint.rules]\nhouse = house_rules\n")


def test_plugin_rule_is_listed_selected_and_reported(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(site)
    (tmp_path / "a.txt").write_text("Markets\n\nLONDON-- Shares rose on Monday.\n", encoding="utf-8")
    env = {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    rules = json.loads(corpuslint("rules", "--output-format", "json", cwd=tmp_path, env=env).stdout)
    assert {"code": "B901", "name": "shouted-dateline"}.items() <= next(
        r for r in rules if r["code"] == "B901").items()
    result = corpuslint("check", "--isolated", "--select", "B9", "--output-format", "json", "a.txt",
                        cwd=tmp_path, env=env)
    assert [(f["code"], f["location"]["row"]) for f in json.loads(result.stdout)] == [("B901", 3)]
