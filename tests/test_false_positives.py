"""The false-positive check: clean BBC news must stay (nearly) clean.

bbc-dev holds a few real artifacts; each one reviewed is listed in
tests/data/bbc-dev-known.tsv (path, code, line, why it is real). Everything
else a default rule reports there at warning or error level is a false
positive, and the budget for those is 5 per 1,000 documents, none of them
errors. The vendored sample always runs; the full set runs when ../shared is
there (CI, developers).
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, bbc_corpora

KNOWN = ROOT / "tests" / "data" / "bbc-dev-known.tsv"
BUDGET_PER_1000 = 5
FOUNDATION_RULES = "M101,B101,S101"


def _known() -> set[tuple[str, str, int]]:
    with KNOWN.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {(r["path"], r["code"], int(r["line"])) for r in rows}


def _check(exe: str, corpus: Path, *args: str) -> list[dict]:
    result = subprocess.run(
        [exe, "check", "--isolated", "--output-format", "json", "--exit-zero", *args, "."],
        capture_output=True, text=True, check=True, cwd=corpus,
    )
    return json.loads(result.stdout)


# A corpus finding names the earlier document it copies ("Same body as x.txt", "Rewrite of x.txt").
_OTHER_DOCUMENT = re.compile(r"(?:as|of) (\S+\.txt)")
_WORD = re.compile(r"\w+")
COPY_CONTAINMENT = 0.5


def _body_grams(path: Path) -> set[tuple[str, ...]]:
    words = _WORD.findall(path.read_text(encoding="utf-8").partition("\n")[2].lower())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def _verified_copy(corpus: Path, finding: dict) -> bool:
    """A D finding is true when the two bodies share half the shorter one's word 5-grams or more.

    Measured here, exactly and apart from the rule: bbc-dev's real copies pass this way.
    """
    match = _OTHER_DOCUMENT.search(finding["message"])
    if not finding["code"].startswith("D") or match is None:
        return False
    ours, theirs = _body_grams(corpus / finding["filename"]), _body_grams(corpus / match.group(1))
    shorter = min(len(ours), len(theirs)) or 1
    return len(ours & theirs) / shorter >= COPY_CONTAINMENT


def test_known_list_is_small_and_well_formed() -> None:
    known = _known()
    assert len(known) <= 40
    for path, code, line in known:
        assert path.count("/") == 1 and path.endswith(".txt"), path
        assert line >= 1, (path, code)


@pytest.mark.parametrize("corpus", bbc_corpora(), ids=lambda p: p.name)
def test_foundation_rules_report_nothing(corpus: Path, corpuslint_exe: str) -> None:
    assert _check(corpuslint_exe, corpus, "--select", FOUNDATION_RULES) == []


@pytest.mark.parametrize("corpus", bbc_corpora(), ids=lambda p: p.name)
def test_page_chrome_rules_report_nothing(corpus: Path, corpuslint_exe: str) -> None:
    """B2 is for crude pages; turned on for a clean corpus it must add nothing (issue 16)."""
    assert _check(corpuslint_exe, corpus, "--select", "B2") == []


@pytest.mark.parametrize("corpus", bbc_corpora(), ids=lambda p: p.name)
def test_default_rules_stay_within_the_budget(corpus: Path, corpuslint_exe: str) -> None:
    documents = len(list(corpus.glob("*/*.txt")))
    known = _known()
    unexplained = [
        f for f in _check(corpuslint_exe, corpus)
        if f["severity"] != "info"
        and (f["filename"].removeprefix("./"), f["code"], f["location"]["row"]) not in known
        and not _verified_copy(corpus, f)
    ]
    shown = [f"{f['filename']}:{f['location']['row']} {f['code']} {f['message']}" for f in unexplained]
    assert not [f for f in unexplained if f["severity"] == "error"], shown
    assert len(unexplained) * 1000 <= BUDGET_PER_1000 * documents, shown
