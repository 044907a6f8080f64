"""Which lines of a crude page are chrome, in runs the B2 rules report: one analysis per document.

The trees (model.py) give each non-blank line a probability of belonging to
the article; `decide` turns those into verdicts with jusText's two levels. Two things the
trees cannot be trusted with are decided here: the headline (a short Title
Case line, like every menu entry, but the article's; the page title on the
first line often repeats it, so the copy nearest the body is kept) and the
byline or dateline between it and the body. Chrome lines next to each other (blank lines aside)
form one run, and the run's shape picks the rule that reports it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from corpuslint.model.document import Document
from corpuslint.weblines.features import NAMES, line_features
from corpuslint.weblines.model import shipped

# The screen's prefilter: a page has a run of three short lines with no sentence end.
PAGE_PREFILTER = r"(?:^|\n)[^\n.!?]{1,60}\n[^\n.!?]{1,60}\n[^\n.!?]{1,60}(?:\n|$)"
_PAGE = re.compile(PAGE_PREFILTER)
WORDS, ENDS_SENTENCE, TITLE, PROSE, BLOCK = (
    NAMES.index(name) for name in ("words", "ends_sentence", "title_overlap", "prose", "block_size"))
_BYLINE = re.compile(r"^(?:by|written by|von|par|por|di)\s+\S", re.IGNORECASE)
# A dateline or timestamp under the headline: a year, or a month's name and a day.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DATED = re.compile(rf"\b(?:19|20)\d{{2}}\b|\b{_MONTH}\.? \d{{1,2}}\b", re.IGNORECASE)
LABEL_MAX_WORDS = 12
LIST_MAX_LINES = 30
HEADLINE_REACH = 8  # lines above the article's first line where its headline may sit
HEADLINE_OVERLAP = 0.4
BLOCK_MIN_LINES = 3
NEAR_REACH = 3
LINK_TITLE_WORDS = (2, 14)


class RunKind(enum.Enum):
    BLOCK = "boilerplate-block"
    LINKS = "link-list"
    LINE = "page-chrome-line"


@dataclass(frozen=True, slots=True)
class ChromeRun:
    """Chrome lines next to each other: 1-based rows, inclusive, and what they look like."""

    first_row: int
    last_row: int
    lines: int
    kind: RunKind


def decide(lines: Sequence[str], rows: Sequence[int], x: np.ndarray, p: np.ndarray,
           keep_at: float, near_at: float) -> np.ndarray:
    """Keep (True) or drop each non-blank line, from its probability, its neighbours and the headline.

    jusText's two levels: a line at or above `keep_at` is article; a line at
    or above `near_at` is article too when kept lines stand within NEAR_REACH
    lines on both sides of it (a short line inside the article: a subheading,
    a list item, a one-line quote).
    """
    keep = p >= keep_at
    if not keep.any():
        return keep
    index = np.arange(len(p))
    kept = np.where(keep, index, -1)
    before = np.maximum.accumulate(kept)
    after = np.minimum.accumulate(np.where(keep, index, len(p))[::-1])[::-1]
    keep |= (p >= near_at) & (before >= 0) & (index - before <= NEAR_REACH) & (after - index <= NEAR_REACH)
    first = int(np.argmax(keep))
    title = x[:, TITLE]  # word overlap with the page's first line, the <title> in crude text
    reach = range(max(first - HEADLINE_REACH, 0), first)
    candidates = [k for k in reach if title[k] >= HEADLINE_OVERLAP and x[k, WORDS] >= 3 and k > 0]
    if candidates:
        headline = candidates[-1]
        keep[headline] = True
        for k in range(headline + 1, first):
            text = lines[rows[k]].strip()
            label = x[k, WORDS] <= LABEL_MAX_WORDS and (_BYLINE.match(text) or _DATED.search(text))
            if label or x[k, PROSE]:  # a byline or dateline, or the lede: prose before the body
                keep[k] = True
    elif first > 0 and x[0, WORDS] >= 3:
        keep[0] = True  # no copy near the body: the page title is the only headline there is
    _keep_introduced_lists(lines, rows, keep)
    return keep


def _keep_introduced_lists(lines: Sequence[str], rows: Sequence[int], keep: np.ndarray) -> None:
    """Keep dropped runs between article lines that a colon introduces: the article's own lists.

    The colon ends the article line before the run or the run's first line ("You will need:").
    """
    k = 0
    while k < len(keep):
        if keep[k]:
            k += 1
            continue
        end = k
        while end < len(keep) and not keep[end]:
            end += 1
        introduced = any(lines[rows[i]].rstrip().endswith(":") for i in (k - 1, k) if i >= 0)
        if k > 0 and end < len(keep) and end - k <= LIST_MAX_LINES and introduced:
            keep[k:end] = True
        k = end


def _kind(x: np.ndarray) -> RunKind:
    if len(x) < BLOCK_MIN_LINES:
        return RunKind.LINE
    low, high = LINK_TITLE_WORDS
    words = x[:, WORDS]
    titles = (words >= low) & (words <= high) & (x[:, ENDS_SENTENCE] == 0) & (x[:, BLOCK] >= BLOCK_MIN_LINES)
    return RunKind.LINKS if titles.mean() >= 0.6 else RunKind.BLOCK


def chrome_runs(doc: Document) -> tuple[ChromeRun, ...]:
    """The document's chrome, run by run; `doc.derived` shares it between the three rules."""
    return doc.derived(_chrome_runs)


def _chrome_runs(doc: Document) -> tuple[ChromeRun, ...]:
    if _PAGE.search(doc.text) is None:
        return ()  # the rules' prefilter, kept here too: `fast-path = false` must report the same
    lines = [line.text for line in doc.lines]
    rows, x = line_features(lines)
    model = shipped()
    keep = decide(lines, rows, x, model.trees.probabilities(x), model.keep, model.near)
    if keep.all() or not keep.any():
        return ()  # nothing to cut, or nothing would be left: not a page this model understands
    runs = []
    start = None
    for k in range(len(rows) + 1):
        if k < len(rows) and not keep[k]:
            start = k if start is None else start
        elif start is not None:
            runs.append(ChromeRun(rows[start] + 1, rows[k - 1] + 1, k - start, _kind(x[start:k])))
            start = None
    # A page's chrome comes in blocks (its menus, its footer); a clean article with one odd
    # line has none, and the rules leave it alone rather than cut a line from a list.
    if not any(run.lines >= BLOCK_MIN_LINES for run in runs):
        return ()
    return tuple(runs)
