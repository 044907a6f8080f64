"""S: the article's structure: headline, and later byline, dates and body."""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.diagnostic import Diagnostic, Fix, Severity
from corpuslint.document import Document, Line
from corpuslint.edits import delete_lines
from corpuslint.rule import FixAvailability, Rule

_HEADING_MARKER = re.compile(r"^\s*#{1,6}\s+")
_SPACE = re.compile(r"\s+")


def headline_key(text: str) -> str:
    """A line as a headline compares: no markdown `#`, case or surrounding space."""
    return _SPACE.sub(" ", _HEADING_MARKER.sub("", text)).strip().casefold()


class DuplicatedHeadline(Rule):
    """The headline is repeated at the top of the article.

    ## What it finds
    One of the first few non-empty lines that comes back, verbatim apart
    from markdown `#` markers, case and surrounding space, among the next few
    non-empty lines: a page's title, heading and social-card title scraped
    one after another.

    ## Why it matters
    A repeated headline doubles the weight of the title in search and
    training data and breaks headline extraction, which takes the first line.

    ## Example
    Before: `Blinken Engages with Israeli Opposition` / blank / the same again / body
    After: `Blinken Engages with Israeli Opposition` / blank / body

    ## Fix safety
    Safe: the repeats are identical to a line that stays, so no words are
    lost; the fix deletes them with one neighbouring blank line.
    """

    code = "S101"
    name = "duplicated-headline"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS

    HEAD_LINES = 3  # a headline is among the first non-empty lines…
    LOOKAHEAD = 4  # …and its repeats follow within this many non-empty lines
    MAX_CHARS = 300  # a longer line is a paragraph, whatever it repeats

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        top = list(_non_empty(doc.lines, self.HEAD_LINES + self.LOOKAHEAD))
        for i, candidate in enumerate(top[: self.HEAD_LINES]):
            if len(candidate.text) > self.MAX_CHARS:
                continue
            key = headline_key(candidate.text)
            if len(key.split()) < 2:
                continue  # "World News" twice is chrome, not a headline; leave it to B rules
            repeats = [line for line in top[i + 1 : i + 1 + self.LOOKAHEAD]
                       if len(line.text) <= self.MAX_CHARS and headline_key(line.text) == key]
            if repeats:
                yield from self._report(doc, candidate, repeats)
                return

    def _report(self, doc: Document, headline: Line, repeats: list[Line]) -> Iterator[Diagnostic]:
        """One finding per run of adjacent repeats (blank lines between them allowed)."""
        runs: list[list[Line]] = []
        for line in repeats:
            if runs and all(not gap.text.strip() for gap in doc.lines[runs[-1][-1].row : line.row - 1]):
                runs[-1].append(line)
            else:
                runs.append([line])
        for run in runs:
            first, last = run[0], run[-1]
            times = "twice" if len(run) == 1 else f"{len(run) + 1} times"
            fix = Fix.safe("Delete the repeated headline", delete_lines(doc, first.row, last.row))
            yield self.diagnostic(
                first.start, last.end, f"Headline from line {headline.row} appears {times}", fix
            )


def _non_empty(lines: tuple[Line, ...], limit: int) -> Iterator[Line]:
    count = 0
    for line in lines:
        if line.text.strip():
            yield line
            count += 1
            if count == limit:
                return


RULES = (DuplicatedHeadline,)
