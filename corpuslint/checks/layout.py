"""M2xx: layout residue: blank-line runs and trailing whitespace.

The M family holds what a scraper or converter left behind; layout is its
mildest part (info by default), kept in its own module because its rules
look at lines, not at markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.checks.markup import is_latex_url_line
from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document, Line
from corpuslint.model.edits import is_blank

_BREAK = r"(?:\r\n|\r|\n)"
# Horizontal white space, including the no-break and typographic spaces a
# CMS leaves at the end of a paragraph (form feed and vertical tab are
# controls: U103's).
_SPACE = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_TRAILING = re.compile(f"[{_SPACE}]+$")


def blank_runs(doc: Document) -> Iterator[tuple[Line, Line]]:
    """The first and last line of each run of two or more blank lines."""
    run: list[Line] = []
    for line in (*doc.lines, None):
        if line is not None and is_blank(line.text):
            run.append(line)
            continue
        if len(run) >= 2:
            yield run[0], run[-1]
        run = []


class MultipleBlankLines(Rule):
    """More than one blank line in a row.

    ## What it finds
    Two or more consecutive lines that are empty or hold only white space.
    Between paragraphs one blank line is the convention; at the start or the
    end of the document none is needed.

    ## Why it matters
    Runs of blank lines are where a scraper dropped an image, a widget or an
    advertisement. They make paragraph counts, paragraph-level deduplication
    and chunking disagree between documents that say the same thing.

    ## Example
    Before: `## Blinken meets…` / blank / blank / blank / `U.S. Secretary…`
    After: `## Blinken meets…` / blank / `U.S. Secretary…`

    ## Fix safety
    Safe: only blank lines go. Between paragraphs the run becomes one empty
    line, keeping the line break of the document (CRLF stays CRLF); at the
    start or the end of the document the whole run goes, and a final line
    break is kept.
    """

    code = "M201"
    name = "multiple-blank-lines"
    severity = Severity.INFO
    fix_availability = FixAvailability.ALWAYS
    prefilter = f"(?:^|{_BREAK})[{_SPACE}]*{_BREAK}[{_SPACE}]*(?:{_BREAK}|$)"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        lines = doc.lines
        for first, last in blank_runs(doc):
            if first.row == 1:
                end = lines[last.row].start if last.row < len(lines) else len(doc.text)
                fix = Fix.safe("Delete the blank lines", Edit(0, end))
            elif last.row == len(lines):
                fix = Fix.safe("Delete the blank lines", Edit(first.start, len(doc.text)))
            else:  # the last blank line's own break is the one kept
                fix = Fix.safe("Keep one blank line", Edit(first.start, last.end))
            count = last.row - first.row + 1
            yield self.diagnostic(first.start, last.end, f"{count} blank lines in a row", fix)


class TrailingWhitespace(Rule):
    """White space at the end of a line.

    ## What it finds
    Spaces, tabs and no-break or typographic spaces before a line break or
    the end of the document, including lines that hold nothing else. Left to
    other rules: whitespace-only lines inside a run of blank lines (M201
    removes them whole) and the spaces around a LaTeX-wrapped URL that
    stands alone on its line (M101's fix trims them; the issue's seed
    001:37 is one artifact, reported once).

    ## Why it matters
    Invisible to readers, trailing white space makes identical paragraphs
    hash differently, so exact deduplication misses them, and it shows up
    as noise in every diff of the corpus.

    ## Example
    Before: `The talks ended on Tuesday.␠␠`
    After: `The talks ended on Tuesday.`

    ## Fix safety
    Safe: white space at the end of a line carries no text and no layout
    that a reader of plain text can see.
    """

    code = "M202"
    name = "trailing-whitespace"
    severity = Severity.INFO
    fix_availability = FixAvailability.ALWAYS
    prefilter = f"[{_SPACE}](?:{_BREAK}|$)"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        in_runs = {row for first, last in blank_runs(doc) for row in range(first.row, last.row + 1)}
        for line in doc.lines:
            match = _TRAILING.search(line.text)
            if match is None or line.row in in_runs or is_latex_url_line(line.text):
                continue
            start, end = line.start + match.start(), line.end
            fix = Fix.safe("Remove the trailing whitespace", Edit(start, end))
            yield self.diagnostic(start, end, "Trailing whitespace", fix)


RULES = (MultipleBlankLines, TrailingWhitespace)
