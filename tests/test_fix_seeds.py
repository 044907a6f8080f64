"""The seeds after `check --fix --unsafe-fixes`: golden texts, no artifact left, no sentence lost.

The fix runs on a copy in tmp_path; seeds/ itself is never written. To
regenerate the goldens after a rule change, read the diff, then:

    CORPUSLINT_UPDATE_GOLDEN=1 pytest tests/test_fix_seeds.py

and review tests/golden/fixed/ as a snapshot: every change in it is a change in what --fix does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "fixed"
UPDATE = os.environ.get("CORPUSLINT_UPDATE_GOLDEN") == "1"
NEEDS_RULES = pytest.mark.xfail(reason="needs the rules of issue 3 (other branches)", strict=False)

# The artifacts of issue 3 that a fix removes, by text, per seed (file prefix).
GONE = {
    "000": [
        "in Jerusalem on Monday. AFP",
        "Live updates: Follow the latest",
        "will co-hosted",
        "Updated: June 11",
    ],
    "001": ["Pool via Reuters]", "$\\frac{", "Radio Habana Cuba"],
    "002": ["Link from www.aljazeera.com", "Exit mobile version"],
    "003": ["My Blog", "World News", "break though", "Related posts", "newsconquest"],
    "004": ["COMMENTS", "Comments are moderated", "Comments FAQ"],
}
# Rows (1-based) of each seed that are artifacts, not article body: their sentences may go.
ARTIFACT_ROWS = {
    "000": {5, 7, 63},
    "001": {41},
    "002": {3, 29, 31},
    "003": {1, 2, 6, 7, *range(52, 65)},
    "004": {14, 15, 16},
}
# A sentence ends in . ! or ? (perhaps inside a closing quote or bracket) before white space or
# the end. Headlines, chrome and link titles end in none, so they count zero either way.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")  # noqa: RUF001


def sentences(text: str) -> int:
    """How many sentences a text holds, counted by their ends."""
    return len(_SENTENCE_END.findall(text))


def body_sentences(text: str, prefix: str) -> int:
    """The sentences of a seed's body: every row but the artifacts issue 3 names."""
    rows = text.splitlines()
    return sentences("\n".join(r for i, r in enumerate(rows, 1) if i not in ARTIFACT_ROWS[prefix]))


@pytest.fixture(scope="module")
def fixed_seeds(tmp_path_factory: pytest.TempPathFactory, corpuslint_exe: str) -> dict[str, str]:
    copy = tmp_path_factory.mktemp("fix") / "seeds"
    shutil.copytree(SEEDS, copy)
    subprocess.run(
        [corpuslint_exe, "check", "--fix", "--unsafe-fixes", "--exit-zero", "-q", str(copy)],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(copy.glob("*.txt"))}


def _prefix(name: str) -> str:
    return name[:3]


def test_the_fix_never_touches_seeds_itself(fixed_seeds: dict[str, str]) -> None:
    assert sorted(fixed_seeds) == sorted(p.name for p in SEEDS.glob("*.txt"))
    originals = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert any(fixed_seeds[name] != originals[name] for name in originals)


@NEEDS_RULES
def test_fixed_seeds_match_the_golden_files(fixed_seeds: dict[str, str]) -> None:
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for name, text in fixed_seeds.items():
            (GOLDEN / name).write_text(text, encoding="utf-8", newline="")
    missing = [name for name in fixed_seeds if not (GOLDEN / name).is_file()]
    assert not missing, (
        f"no golden file for {missing}: CORPUSLINT_UPDATE_GOLDEN=1 pytest {__file__}"
    )
    for name, text in fixed_seeds.items():
        assert text == (GOLDEN / name).read_text(encoding="utf-8"), name


@NEEDS_RULES
@pytest.mark.parametrize("prefix", sorted(GONE))
def test_every_seed_artifact_is_gone(fixed_seeds: dict[str, str], prefix: str) -> None:
    (name,) = [n for n in fixed_seeds if _prefix(n) == prefix]
    text = fixed_seeds[name]
    left = [artifact for artifact in GONE[prefix] if artifact in text]
    lines = text.splitlines()
    headline = next(line for line in lines if line.strip())
    if text.startswith("#"):
        left.append("markdown heading marker")
    if sum(line.strip().casefold() == headline.strip().casefold() for line in lines) > 1:
        left.append("duplicated headline")
    if re.search(r"(?:\r?\n){3,}", text):
        left.append("run of blank lines")
    if re.search(r"[ \t]+$", text, re.MULTILINE):
        left.append("trailing whitespace")
    assert left == []


@pytest.mark.parametrize("prefix", sorted(GONE))
def test_no_body_sentence_is_lost(fixed_seeds: dict[str, str], prefix: str) -> None:
    (name,) = [n for n in fixed_seeds if _prefix(n) == prefix]
    original = (SEEDS / name).read_text(encoding="utf-8")
    assert sentences(fixed_seeds[name]) >= body_sentences(original, prefix)


@NEEDS_RULES
@pytest.mark.parametrize("prefix", sorted(GONE))
def test_the_fixed_seed_holds_exactly_its_body_sentences(
    fixed_seeds: dict[str, str], prefix: str
) -> None:
    """No more either: a caption or chrome sentence that survived would show here."""
    (name,) = [n for n in fixed_seeds if _prefix(n) == prefix]
    original = (SEEDS / name).read_text(encoding="utf-8")
    assert sentences(fixed_seeds[name]) == body_sentences(original, prefix)


def test_sentences_are_counted_by_their_ends() -> None:
    assert sentences("“Yes,” he said. “No!” She left? Fine.") == 4  # a comma ends none
    assert sentences("Blinken in Israel as he pushes for Gaza ceasefire deal") == 0
    assert sentences("The U.S. plan. It ends (as agreed.) Then") == 3
