"""Horizontal bar charts as inline SVG: drawn once, here, so the report needs no script.

Each bar may be stacked from segments (a family's errors, warnings and info);
labels are escaped, as every string in the report is.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import NamedTuple

WIDTH = 520
LABEL = 230  # the label column
COUNT = 60  # the count column
ROW = 22
BAR = 16


class Segment(NamedTuple):
    value: int
    css: str
    """The class that colours it (sev-error, sev-warning, sev-info)."""


class Bar(NamedTuple):
    label: str
    segments: tuple[Segment, ...]
    anchor: str = ""
    """An id in the page the label links to, or nothing."""

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


def bar_chart(bars: Sequence[Bar], title: str) -> str:
    """An <svg> with one row per bar, scaled so the largest fills the bar column."""
    top = max((b.total for b in bars), default=0) or 1
    span = WIDTH - LABEL - COUNT
    height = ROW * len(bars) + 4
    rows = []
    for i, bar in enumerate(bars):
        y = 2 + i * ROW
        label = escape(bar.label)
        if bar.anchor:
            label = f'<a href="#{escape(bar.anchor)}">{label}</a>'
        parts = [f'<text class="label" x="{LABEL - 8}" y="{y + BAR - 3}" text-anchor="end">{label}</text>']
        x = float(LABEL)
        for seg in bar.segments:
            if seg.value:
                w = max(1.0, span * seg.value / top)
                parts.append(f'<rect class="bar {escape(seg.css)}" x="{x:.1f}" y="{y}" '
                             f'width="{w:.1f}" height="{BAR}"><title>{seg.value:,}</title></rect>')
                x += w
        parts.append(f'<text class="count" x="{x + 6:.1f}" y="{y + BAR - 3}">{bar.total:,}</text>')
        rows.append(f'<g class="row">{"".join(parts)}</g>')
    return (f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{WIDTH}" '
            f'height="{height}" viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">'
            f'<title>{escape(title)}</title>{"".join(rows)}</svg>')
