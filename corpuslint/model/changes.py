"""Where two versions of a line differ, as replacements a fix can apply: U101's and U105's edits.

A re-decoded or normalised line differs from the original in a few runs of
non-ASCII characters; reporting each run (widened over the letters glued to
it) gives findings a reader recognises and edits that touch nothing else.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_NON_ASCII = re.compile(r"([^\x00-\x7f]+)")


def changes(before: str, after: str) -> list[tuple[int, int, str]]:
    """The stretches of `before` that differ in `after`, as (start, end, replacement).

    Each stretch is widened over the non-ASCII letters and signs glued to it
    (`Â£` -> `£` is reported whole, not as a deleted `Â`), and stretches
    that meet are merged. Applying every replacement gives `after`.
    """
    spans: list[list[int]] = []
    for i1, i2, j1, j2 in _by_runs(before, after) or _differences(before, after):
        floor = spans[-1][1] if spans else 0
        while i1 > floor and _glued(before[i1 - 1]):
            i1, j1 = i1 - 1, j1 - 1
        if spans and i1 == spans[-1][1]:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    widened = []
    for k, (i1, i2, j1, j2) in enumerate(spans):
        ceiling = spans[k + 1][0] if k + 1 < len(spans) else len(before)
        while i2 < ceiling and _glued(before[i2]):
            i2, j2 = i2 + 1, j2 + 1
        widened.append([i1, i2, j1, j2])
    merged: list[list[int]] = []
    for span in widened:
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1], merged[-1][3] = span[1], span[3]
        else:
            merged.append(span)
    return [(i1, i2, after[j1:j2]) for i1, i2, j1, j2 in merged]


def _by_runs(before: str, after: str) -> list[tuple[int, int, int, int]] | None:
    """The differences run by run, when `before` and `after` share their ASCII text.

    Re-decoding mojibake and NFC on accented letters leave every ASCII
    character where it was and change runs of other characters: then each
    differing pair of non-ASCII runs is diffed on its own, a few characters
    at a time, instead of the whole line. None (diff the whole line) when the
    ASCII text differs, as when NFC folds an ASCII letter into an accent.
    """
    old, new = _NON_ASCII.split(before), _NON_ASCII.split(after)
    if old[::2] != new[::2]:
        return None
    ops: list[tuple[int, int, int, int]] = []
    i = j = 0
    for k, (part, fixed) in enumerate(zip(old, new, strict=True)):
        if k % 2 and part != fixed:
            ops.extend((i1 + i, i2 + i, j1 + j, j2 + j) for i1, i2, j1, j2 in _differences(part, fixed))
        i, j = i + len(part), j + len(fixed)
    return ops


def _differences(before: str, after: str) -> list[tuple[int, int, int, int]]:
    """difflib's non-equal opcodes (i1, i2, j1, j2), on the middle left once the common
    prefix and suffix are trimmed."""
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    middle = SequenceMatcher(
        None, before[head : len(before) - tail], after[head : len(after) - tail], autojunk=False
    )
    return [(i1 + head, i2 + head, j1 + head, j2 + head)
            for tag, i1, i2, j1, j2 in middle.get_opcodes() if tag != "equal"]


def _glued(char: str) -> bool:
    return not char.isascii() and not char.isspace()
