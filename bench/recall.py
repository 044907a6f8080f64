"""Recall per artifact family, on cases nobody tuned the rules on.

    python bench/recall.py              # held-out half of the AEB lines + generated cases
    python bench/recall.py --half tune  # the half the rules were grown on
    python bench/recall.py --misses caption   # list what a family missed

Two sources of cases:

- Real lines (bench/recall/aeb-lines.tsv): boilerplate, caption and timestamp lines
  taken from the crude page text of the Article Extraction Benchmark (../shared/
  corpora/aeb, MIT licence, Scrapinghub), lines that are not in the page's
  ground-truth article body, labelled by hand. Pages whose id starts with 0-7 are
  the tuning half, 8-f the held-out half (the split every helper uses).
- Generated cases (bench/recall/generated.py): mojibake made with Python's codecs
  over sentences in many languages, misspellings and confusions in sentences,
  timestamps, captions, markdown residue, site names after headlines.

Each case is one artifact put into a clean article (HOST): it is found when a
finding of one of its family's codes overlaps the artifact's characters.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from recall.generated import PARAGRAPHS, generated_cases  # noqa: E402
from recall.generated import hosted as generated_hosted  # noqa: E402

from corpuslint.config import Settings  # noqa: E402
from corpuslint.engine.linter import Linter  # noqa: E402
from corpuslint.model.document import Document  # noqa: E402

LINES = BENCH / "recall" / "aeb-lines.tsv"

# Which codes count as finding each family.
FAMILY_CODES = {
    "copyright": {"B101", "S105"},
    "comments": {"B101"},
    "share": {"B103"},
    "subscribe": {"B102", "B108"},
    "readmore": {"B101", "B106"},
    "sitename": {"S105", "B101"},
    "caption": {"B109", "S102", "S103"},
    "timestamp": {"S104"},
    "headline-site": {"S107"},
    "markdown": {"M108", "Q103"},
    "misspelling": {"W104", "W102"},
    "confusion": {"W102", "W104", "W101"},
    "mojibake": {"U101"},
}
# Families placed at the end of the article; the rest go between paragraphs 2 and 3.
AT_END = {"copyright", "sitename"}
BOILERPLATE = {"copyright", "comments", "share", "subscribe", "readmore", "sitename"}


class Case(NamedTuple):
    family: str
    text: str  # the whole document
    start: int  # the artifact's characters
    end: int
    label: str


def hosted(family: str, line: str) -> Case:
    """`line` as a line of its own in the clean article (the headline itself for headline-site)."""
    if family == "headline-site":
        text = line + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
        return Case(family, text, 0, len(line), line)
    return Case(*generated_hosted(family, line, at_end=family in AT_END))


def aeb_cases(half: str) -> Iterator[Case]:
    with LINES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["half"] == half:
                yield hosted(row["family"], row["line"])


def found(linter: Linter, case: Case) -> bool:
    codes = FAMILY_CODES[case.family]
    for diagnostic in linter.lint(Document(case.text, "case.txt")):
        if diagnostic.code in codes and diagnostic.start < case.end and diagnostic.end > case.start:
            return True
    return False


def measure(cases: list[Case]) -> dict[str, tuple[int, int, list[str]]]:
    linter = Linter(Settings(extend_select=("W104",)))  # W104 is off by default
    results: dict[str, list] = defaultdict(lambda: [0, 0, []])
    for case in cases:
        entry = results[case.family]
        entry[1] += 1
        if found(linter, case):
            entry[0] += 1
        else:
            entry[2].append(case.label)
    return {family: (hit, total, misses) for family, (hit, total, misses) in results.items()}


def table(results: dict[str, tuple[int, int, list[str]]], source: dict[str, str]) -> str:
    rows = ["| family | source | cases | found | recall |", "| --- | --- | ---: | ---: | ---: |"]
    boiler = [0, 0]
    for family in sorted(results):
        hit, total, _ = results[family]
        rows.append(f"| {family} | {source[family]} | {total} | {hit} | {hit / total:.3f} |")
        if family in BOILERPLATE:
            boiler[0] += hit
            boiler[1] += total
    if boiler[1]:
        rows.append(f"| **boilerplate (all of the above marked B)** | | {boiler[1]} | {boiler[0]} "
                    f"| {boiler[0] / boiler[1]:.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("held", "tune"), default="held")
    parser.add_argument("--misses", metavar="FAMILY", help="print what this family missed")
    args = parser.parse_args(argv)
    cases = list(aeb_cases(args.half))
    source = {c.family: f"AEB {args.half}" for c in cases}
    for family, text, start, end, label in generated_cases(args.half):
        cases.append(Case(family, text, start, end, label))
        source.setdefault(family, f"generated ({args.half})")
    results = measure(cases)
    print(table(results, source))
    if args.misses:
        for label in results.get(args.misses, (0, 0, []))[2]:
            print("MISS", repr(label))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
