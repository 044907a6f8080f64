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
    # The recall round's forms: each new screen (prefilter) must pass the document it reports.
    "cp1251-mojibake": "\u0420\u045b\u0420\u0405 \u0421\u0403\u0420\u0454\u0420\u00b0\u0420\u00b7\u0420\u00b0\u0420\u00bb \u0432\u0402\u201d \u0420\u0405\u0420\u00b5\u0421\u201a.",
    "macroman-mojibake": "The caf\u221a\u00a9 reopened on Monday.",
    "copyright": "\u00a9 2019 Vox Media, LLC. All Rights Reserved",
    "comment-count": "12 comments",
    "share-row": "Facebook Twitter LinkedIn",
    "account-call": "Sign in with Google",
    "pointer": "MORE ON THIS STORY",
    "paren-caption": "Firefighters tackle the blaze in Bradford on Monday (Photo: PA)",
    "bare-stamp": "19 Nov 2019 05:44 GMT",
    "relative-stamp": "3 hours ago",
    "emphasis": "The plan was **not negotiable**, aides said.",
    "stray-bracket": "The two sides met in Geneva] on Tuesday.",
    "misspelling": "The goverment denied the claims.",
    "its": "The company said its a difficult time.",
    "than": "Sales were better then expected.",
}
# Appended to an article's first line (its headline), as a page title glues the site's name.
HEADLINE_SUFFIXES = {"site-suffix": " | VentureBeat", "site-domain": " - cleveland.com"}


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
    for (name, suffix), base in zip(HEADLINE_SUFFIXES.items(), reversed(articles), strict=False):
        headline, _, body = base.read_text(encoding="utf-8").partition("\n")
        (folder / f"injected-{name}.txt").write_text(f"{headline}{suffix}\n{body}", encoding="utf-8")
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
