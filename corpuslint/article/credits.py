"""Photo captions that carry their credit the way real sites print it.

parts.caption_paragraph knows one form, a sentence and a bare wire agency
(`… on Monday. AFP`). Sites also put the credit in parentheses (`(Photo:
Getty Images)`, `(AP Photo/Alan Diaz, File)`, `(Manu Fernandez/AP)`), after
a label at the line's end (`… Credit: The Siberian Times`, `Photograph: AFP
via Getty`), after a © sign, or put a label before the caption (`Image
caption Assange gestures …`). A caption may stand as a line or be run into
the end of a paragraph; then only its last sentence is the caption.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from corpuslint.engine.rule import compile_linear

# Wire and picture agencies whose name alone is a credit (in parentheses or after a slash).
AGENCIES = (
    "AFP", "Reuters", "AP", "Associated Press", "EPA", "EPA-EFE", "Getty Images", "Getty",
    "Bloomberg", "Shutterstock", "Alamy", "Alamy Stock Photo", "PA", "PA Media", "PA Wire",
    "Xinhua", "Anadolu", "Anadolu Agency", "AAP", "WAM", "dpa", "ANSA", "SIPA", "Sipa USA",
    "iStock", "NurPhoto", "ZUMA Press", "Rex Features", "Kyodo", "Yonhap", "UPI", "Pool",
)
# Words that label a credit: "Photo:", "Image credit:", "Picture by".
LABELS = (
    "photo", "photos", "photograph", "photography", "picture", "pictures", "pic", "pics",
    "image", "images", "illustration", "credit", "credits", "photo credit", "image credit",
    "picture credit", "image source", "file photo", "foto",
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_AGENCY = rf"(?:{_alternation(AGENCIES)})"
_LABEL = rf"(?:{_alternation(LABELS)})"
# What a credit says inside its brackets: "Photo: Getty Images", "AP Photo/Alan Diaz", "AFP",
# "Manu Fernandez/AP", "Photo courtesy of the family".
_CREDIT_INSIDE = (
    rf"(?:(?i:{_LABEL})\s*(?::|/|\bby\b|\bvia\b|\bcourtesy(?: of)?\b)\s*[^()\[\]\n]{{1,80}}"
    rf"|(?i:courtesy of)\s+[^()\[\]\n]{{1,60}}"
    rf"|{_AGENCY}(?: Photo| via {_AGENCY})?(?:\s*/\s*[^()\[\]\n]{{1,60}})?"
    rf"|[^()\[\]\n/]{{1,60}}(?:/[^()\[\]\n/]{{1,40}})?\s*/\s*(?i:{_AGENCY})(?:[ ,][^()\[\]\n]{{0,20}})?)"
)
# In parentheses, or in square brackets as Al Jazeera prints it ("[Mohammed Salem/Reuters]").
_PAREN_CREDIT = rf"(?:\({_CREDIT_INSIDE}\s*\)|\[{_CREDIT_INSIDE}\s*\])"
# A bare agency after a spaced dash or bar: "… on Monday - AP", "… | Reuters/Ammar Awad".
_DASHED_CREDIT = rf"(?<=\s)[-–—|]\s*{_AGENCY}(?: via {_AGENCY})?(?:\s*/\s*[^\n/]{{1,40}})?"
# A capitalised label after the caption: "… in May Credit: The Siberian Times".
_LABEL_HEAD = (rf"(?:{_alternation(tuple(w.capitalize() for w in LABELS))}|"
               rf"{_alternation(tuple(w.upper() for w in LABELS))})"
               r"\s*(?::|\bby\b|\bvia\b|\bcourtesy(?: of)?\b)")
_LABELLED_CREDIT = rf"{_LABEL_HEAD}\s*[^\n]{{1,80}}?"
_SIGNED_CREDIT = r"©\s*[^\n©\d]{1,60}?"  # a year makes it a copyright notice (B101)
_CAPTION_END = re.compile(
    rf"^\s*(?P<text>\S.{{9,}}?)\s*(?P<credit>{_PAREN_CREDIT}|{_LABELLED_CREDIT}|{_SIGNED_CREDIT}"
    rf"|{_DASHED_CREDIT})\s*$"
)
# A label before the caption: "Image caption Assange gestures …", "Image: Jose Mourinho has agreed
# a deal …" (a label then a credit, "Photo: Getty Images", is B109's: the caption needs five
# words and no slash).
_LABEL_LED = re.compile(
    r"^\s*(?P<credit>(?:Image|Photo|Picture|IMAGE|PHOTO|PICTURE) (?:caption|CAPTION)|Caption:"
    r"|(?:Image|Photo|Picture|Pic|IMAGE|PHOTO|PICTURE):(?=(?:\s+[^\s/]+){5}))"
    r"\s*:?\s+(?P<text>[^/\n]{10,})$"
)
# Where a sentence ends inside a paragraph: the caption run into it starts after the last one.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z‘“\"])")
# Article text this long before the caption's sentence makes it a paragraph, not a caption.
RUN_IN_MIN_CHARS = 100
MAX_CHARS = 1200
# Every caption this module finds holds one of these (the S102 screen asks for them).
SCREEN = rf"\(|\[|©|(?i:{_LABEL})|(?i:caption)|[-–—|]\s*{_AGENCY}"
# A credit ends its line and is short: the line ends with a bracket, or a label, a sign or a
# dashed agency lies in its last CREDIT_REACH characters. Lines without one are not tried (the
# full pattern is slow), nor are lines that open with no caption label.
CREDIT_REACH = 130
_CREDIT_TAIL = re.compile(rf"{_LABEL_HEAD}|©|{_DASHED_CREDIT}")
# The same over a whole text, in RE2 (one linear scan in C): a line ending with a bracket, or a
# label, a sign or a dashed agency anywhere. A text without one holds no caption of this module.
ANY_CREDIT = compile_linear(
    rf"(?m)[)\]][ \t]*(?:$|\r)|{_LABEL_HEAD}|©|\s[-–—|]\s*{_AGENCY}|(?i:caption)")
_LED_START = re.compile(r"\s*(?:Image|Photo|Picture|Pic|IMAGE|PHOTO|PICTURE|Caption)\b")


class Credited(NamedTuple):
    """A caption found in one line: offsets into the line, and its credit."""

    start: int
    end: int
    credit: str
    run_in: bool


def credited_caption(text: str) -> Credited | None:
    """The caption a line holds, with its credit; `run_in` when article text comes before it."""
    if len(text) > MAX_CHARS:
        return None
    if _LED_START.match(text):
        led = _LABEL_LED.match(text)
        if led is not None:
            return Credited(led.start("credit"), len(text.rstrip()), led["credit"], run_in=False)
    stripped = text.rstrip()
    if not stripped.endswith((")", "]")) and _CREDIT_TAIL.search(
            stripped, max(0, len(stripped) - CREDIT_REACH)) is None:
        return None
    match = _CAPTION_END.match(text)
    if match is None or len(match["text"].split()) < 3:
        return None
    start = match.start("text")
    ends = list(_SENTENCE_END.finditer(text, 0, match.start("credit")))
    if ends and ends[-1].start() >= RUN_IN_MIN_CHARS:
        start = ends[-1].end()
        if len(text[start : match.start("credit")].split()) < 3:
            return None
    return Credited(start, match.end("credit"), match["credit"].strip(), run_in=start > match.start("text"))
