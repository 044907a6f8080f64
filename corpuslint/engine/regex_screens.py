"""Cheap proofs that a slow Python regex has nothing to find, so rules run it only where it might.

Python's `re` tries a pattern at every position of a text; RE2 and the byte
methods scan in C. Each screen here is a proven superset of the regex it
stands for: it can report a place the regex does not match, never miss one
that it does. Rules use them behind `settings.fast_path`, so that
tests/test_fast_path.py can compare both ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.engine.rule import LinearPattern

# The non-ASCII characters that Python's case-insensitive matching equates with an ASCII
# letter (İ and ı with "i", ſ with "s", the Kelvin sign with "k"); RE2 and the byte screens
# below do not, so a text holding one is left to the exact regex.
ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


def has_ascii_folds(text: str) -> bool:
    """True when `text` holds a character that case-insensitive `re` reads as an ASCII letter."""
    return not text.isascii() and any(char in text for char in ASCII_FOLDS)


def screened_finditer(pattern: re.Pattern[str], starts: LinearPattern, text: str) -> Iterator[re.Match[str]]:
    """Exactly `pattern.finditer(text)`, trying `pattern` only where `starts` (RE2) matches.

    `starts` must match at every position where `pattern` can match (it may
    match at more): then the leftmost place `pattern` matches from `pos` is
    at or after the leftmost place `starts` matches, and trying each of
    those in turn finds it. `pattern` must not match the empty string.
    """
    pos = 0
    while (hit := starts.search(text, pos)) is not None:
        at = hit.start()
        match = pattern.match(text, at)
        if match is None:
            pos = at + 1
        else:
            yield match
            pos = match.end()


# A text's bytes as the doubled-word screen reads them: ASCII letters in lower case, digits
# and "_" kept (the rest of \w), space and tab a space, anything else a full stop (other white
# space, punctuation, and the "?" that stands for each non-ASCII character).
_REPEAT_BYTES = bytes(
    char | 0x20 if chr(char).isascii() and chr(char).isalpha()
    else char if chr(char).isascii() and (chr(char).isdigit() or char == ord("_"))
    else ord(" ") if char in b" \t"
    else ord(".")
    for char in range(256)
)
# After the full stops become ". ", every word the regex could take as the first of a pair
# follows a space, so the search skips to spaces (a literal first byte) instead of trying
# every position the way `\b` makes it; possessive runs never backtrack.
_ADJACENT_SAME = re.compile(rb" ([a-z]++) ++\1\b")


def doubled_words(text: str) -> frozenset[str] | None:
    """Every word, in lower case, that `\\b([a-z]+)[ \\t]+(\\1)\\b` (ignoring case) could find
    doubled in `text`, or more; None when the screen cannot tell (see ASCII_FOLDS).

    Proof of the superset: without those folds the regex's two words are ASCII
    letters, the character before the first and after the second is not a word
    character, and only spaces and tabs come between; in the screen's bytes the
    words are the same in lower case, a space precedes the first, spaces part
    them and `\\b` holds after the second. A screen match that overlaps one at
    the first word can only end on that word, with the same word in group 1.
    """
    if text.isascii():
        data = text.encode("ascii")
    elif has_ascii_folds(text):
        return None
    else:
        data = text.encode("ascii", "replace")
    data = (b" " + data.translate(_REPEAT_BYTES)).replace(b".", b". ")
    return frozenset(match[1].decode("ascii") for match in _ADJACENT_SAME.finditer(data))
