"""Telling text from something else that happens to decode: random bytes, images without a NUL.

Any byte string decodes as cp1252 (the fallback for what is not UTF-8), so a
JPEG fragment or random data "reads" as text and the rules then report
hundreds of control characters and paragraphs in Vietnamese. Real text, in
any encoding, has almost no C0/C1 control characters, unassigned code points
or private-use characters (bbc-dev and the article-extraction pages: at most
2 in a million); random bytes have about 11 %. A document where they make up
NOT_TEXT_SHARE or more is not text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

NOT_TEXT_SHARE = 0.05
MIN_ODD = 4  # a short text with a few stray controls is text (U103 reports them)
SAMPLE = 1 << 20  # a text longer than this is judged on 8 windows spread over it
_WINDOWS = 8
_ASCII_ODD = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@cache
def _odd() -> re.Pattern[str]:
    """C0 controls (but tab, line ends, form feed), surrogate, private-use and unassigned characters.

    C1 controls (U+0080-U+009F) are left out: UTF-8 read as latin-1 is full of
    them ("â\x80\x9c"), and that is mojibake to fix (U101), not binary data.
    """
    ranges = ["\x00-\x08", "\x0b", "\x0e-\x1f", "\x7f", "\ud800-\uf8ff", "\U000f0000-\U0010ffff"]
    start = None
    for code in range(0xA0, 0xF0000):
        unassigned = unicodedata.category(chr(code)) == "Cn"
        if unassigned and start is None:
            start = code
        elif not unassigned and start is not None:
            ranges.append(f"{chr(start)}-{chr(code - 1)}")
            start = None
    return re.compile("[" + "".join(ranges) + "]")


def odd_share(text: str) -> tuple[int, float]:
    """How many odd characters the text (or its sample) holds, and their share of it."""
    if len(text) <= SAMPLE:
        pieces = [text]
    else:
        step, width = len(text) // _WINDOWS, SAMPLE // _WINDOWS
        pieces = [text[i * step : i * step + width] for i in range(_WINDOWS)]
    odd = sum(len(p) - len(_odd().sub("", p)) for p in pieces)
    size = sum(map(len, pieces))
    return odd, odd / size if size else 0.0


def not_text(text: str) -> str | None:
    """Why `text` is not text (to be said in a finding), or None when it is text."""
    if text.isascii() and not _ASCII_ODD.search(text):
        return None  # the common case, without building the Unicode table (0.3 s)
    odd, share = odd_share(text)
    if odd >= MIN_ODD and share >= NOT_TEXT_SHARE:
        return f"{share:.0%} of its characters are control, unassigned or private-use characters"
    return None

