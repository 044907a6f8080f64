"""A small sample corpus that exercises most rules: BBC articles, the seeds, injected artifacts.

Shared by the fast-path test and the pipeline snapshot: both compare findings on it,
so it must stay the same from run to run (it is built from files in the repository).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import BBC_SAMPLE, SEEDS

# One artifact per document, appended to a BBC article: each is some rule's work.
INJECTED = {
    "mojibake": "The minister said it wasnâ€™t over.",
    "entity": "Shares rose 3&#37; to &#163;4.",
    "trailing": "A line with trailing spaces.   ",
    "doubled": "It was one of the the largest deals.",
    "latex": "$\\frac{https://www.example.org/news/2024/06/story-12345$",
    "boilerplate": "Exit mobile version",
    "advert": "ADVERTISEMENT - SCROLL TO CONTINUE",
    "nbsp": "Prices rose by 5\u00a0per cent.",
    "control": "A stray\x07 bell character.",
    "markdown": "Read [the report](https://example.org/report.pdf) here.",
    "german": ("Die Gewerkschaft hat erneut zu einem mehrtägigen Streik bei der Deutschen Bahn "
               "aufgerufen, und die Reisenden sollten sich vor der Fahrt über ihre Verbindung "
               "informieren, sagte ein Sprecher am Mittwoch."),
    "quote": 'He said: "We will not stop.\n\nThe talks resume on Monday.',
    "confused": "Negotiators hope to break though the deadlock.",
    "modal": "The summit will co-hosted by Egypt.",
    "caption": "Protesters gathered outside the parliament on Monday.\u00a0Pool via Reuters",
    "partial-date": "\u00a0Published: 11\u00a0June",
}


def build_sample(folder: Path) -> Path:
    """Text files in `folder`: every BBC sample article, every seed, one injected article per artifact."""
    articles = sorted(BBC_SAMPLE.glob("*/*.txt"))
    for path in articles:
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for (name, artifact), base in zip(INJECTED.items(), articles, strict=False):
        text = base.read_text(encoding="utf-8").rstrip("\n")
        (folder / f"injected-{name}.txt").write_text(f"{text}\n\n{artifact}\n", encoding="utf-8")
    return folder


def build_records(path: Path, folder: Path) -> Path:
    """A JSONL corpus of the sample's texts (ids from the file names), with one malformed line
    and one record whose text is missing: the record path and its notices are exercised too."""
    lines = []
    for i, text_file in enumerate(sorted(folder.glob("*.txt"))):
        lines.append(json.dumps({"id": text_file.stem, "text": text_file.read_text(encoding="utf-8")}))
        if i == 3:
            lines.append('{"id": "broken", "text": "unterminated')
        if i == 5:
            lines.append(json.dumps({"id": "no-text", "body": "A record without its text field."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
