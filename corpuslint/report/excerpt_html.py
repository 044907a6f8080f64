"""A finding's source lines as HTML: the flagged span marked, and its fix as a diff.

Long lines (a whole paragraph is one line in most articles) are cut to a
window around the span, with an ellipsis where text was left out.
"""

from __future__ import annotations

from html import escape

from corpuslint.model.document import Location
from corpuslint.model.finding import Excerpt

WINDOW = 240  # characters of a line shown
BEFORE = 60  # of them, before the span


def marked_block(excerpt: Excerpt, start: Location, end: Location) -> str:
    """The excerpt's lines with row numbers, the span between `start` and `end` in <mark>."""
    rows = []
    width = len(str(excerpt.first_row + len(excerpt.lines)))
    for offset, line in enumerate(excerpt.lines):
        row = excerpt.first_row + offset
        if start.row <= row <= end.row:
            a = start.column - 1 if row == start.row else 0
            b = end.column - 1 if row == end.row else len(line)
            b = max(a, min(b, len(line)))
        else:
            a = b = 0
        lo, hi = _window(line, a)
        b = min(b, hi)  # a span longer than the window is marked up to the window's end
        marked = f"<mark>{escape(line[a:b])}</mark>" if b > a else ""
        body = escape(line[lo:a]) + marked + escape(line[b:hi])
        body = ("…" if lo else "") + body + ("…" if hi < len(line) else "")
        rows.append(f'<span class="row">{row:>{width}} </span>{body}')
    return "<pre class=\"excerpt\">" + "\n".join(rows) + "</pre>"


def diff_block(excerpt: Excerpt) -> str:
    """The excerpt's lines as removed and the fixed lines as added."""
    removed = [f'<span class="del">- {_clipped(line)}</span>' for line in excerpt.lines]
    added = [f'<span class="add">+ {_clipped(line)}</span>' for line in excerpt.fixed or ()]
    return '<pre class="diff">' + "".join(removed + added) + "</pre>"


def _window(line: str, at: int) -> tuple[int, int]:
    """The slice of `line` shown: WINDOW characters, starting a little before `at`."""
    if len(line) <= WINDOW:
        return 0, len(line)
    lo = max(0, min(at - BEFORE, len(line) - WINDOW))
    return lo, lo + WINDOW


def _clipped(line: str) -> str:
    return escape(line[:WINDOW]) + ("…" if len(line) > WINDOW else "")
