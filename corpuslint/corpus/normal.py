"""How duplicates compare text: one normal form for the body's hash and its words."""

from __future__ import annotations

import unicodedata

# Straight quotes and hyphens for the typographic ones: str.replace per character, which
# finds each by a C search, where str.translate looks every character up in a table.
_QUOTES = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))


def normalise(text: str) -> str:
    """Text as duplicates compare: NFKC, case-folded, straight quotes, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    for typographic, straight in _QUOTES:
        if typographic in text:
            text = text.replace(typographic, straight)
    text = text.casefold()
    return " ".join(text.split())  # str.split's whitespace is exactly re's \s
