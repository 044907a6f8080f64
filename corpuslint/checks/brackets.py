"""Q103: brackets left without their partner, paragraph by paragraph.

Brackets pair within a paragraph as quotation marks do, so this rule reads
paragraphs and mark positions the way quotes.py does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.checks.quotes import paragraph_bounds, paragraphs, positions
from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document

_PAIRS = {")": "(", "]": "["}
# A photo credit run into the text ("… Pool via Reuters] Amman"): the caption rule's artifact.
_CREDIT_BEFORE = re.compile(
    r"(?:Reuters|AFP|AP|Getty Images|Getty|Pool|EPA|EPA-EFE|Shutterstock|Alamy|Xinhua|Anadolu"
    r"|Bloomberg|PA|PA Media|AAP|ANI|NurPhoto|Sipa|SOPA Images|via [A-Z][\w ]*)\s*$"
)
# "a) the first, b) the second", "1) …", ":)", ":-)": closing brackets that close nothing.
_LOOK_BACK = 64  # longer than the credits a stray bracket follows ("… Pool via Reuters]")
_LIST_OR_SMILEY_BEFORE = re.compile(r"(?:(?:^|[\s(])(?:[a-zA-Z]|[0-9]{1,2}|[ivx]{1,4})|[:;]-?)$")


class UnbalancedBrackets(Rule):
    """A bracket without its partner, or closed by the wrong kind, in a paragraph.

    ## What it finds
    A closing `)`, `]` or `}` with no opening one before it in its paragraph,
    one that closes a different kind (`(… ]`), and an opening bracket never
    closed. List markers (`a)`, `2)`, `iv)`) and emoticons (`:)`) close
    nothing and are not reported; nor is a stray bracket right after a photo
    credit (`… Pool via Reuters] Amman`), which belongs to the caption rules
    that report the whole run-in caption.

    ## Why it matters
    A lone bracket can be the trace of text lost in conversion (an aside cut
    in half), and it leaves a reader or a parser unable to tell what the
    aside covers. It is info, not a warning: most lone brackets in edited
    news are typing slips ("in 3:48.82).") that lose no words.

    ## Example
    Before: `The deal (first agreed in May would free 33 hostages.`
    After: `The deal (first agreed in May) would free 33 hostages.`

    ## Fix safety
    A closing bracket with no opening one has an unsafe fix that deletes it
    (conversion residue such as `Geneva] on Tuesday` loses nothing); the
    others have none: where the aside ends needs a human.
    """

    code = "Q103"
    name = "unbalanced-brackets"
    severity = Severity.INFO
    fix_availability = FixAvailability.SOMETIMES
    prefilter = r"[()\[\]]"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        brackets = positions(text, "()[]")
        if not brackets:
            return
        for first, stop in paragraph_bounds(brackets, paragraphs(doc)):
            if first < stop:
                yield from self._paragraph(text, brackets[first:stop])

    def _paragraph(self, text: str, brackets: list[int]) -> Iterator[Diagnostic]:
        opened: list[tuple[str, int]] = []
        for at in brackets:
            char = text[at]
            if char in "([":
                opened.append((char, at))
                continue
            if opened and opened[-1][0] == _PAIRS[char]:
                opened.pop()
            elif opened:
                yield self.diagnostic(opened[-1][1], at + 1, f"{opened[-1][0]!r} closed by {char!r}")
                opened.pop()
            else:
                # What precedes it on its line, at most _LOOK_BACK characters: without the
                # bound, a line of 400,000 brackets costs 400,000 slices of itself.
                floor = max(0, at - _LOOK_BACK)
                line_start = max(floor, text.rfind("\n", floor, at) + 1, text.rfind("\r", floor, at) + 1)
                before = text[line_start:at]
                if not (_CREDIT_BEFORE.search(before) or _LIST_OR_SMILEY_BEFORE.search(before)):
                    message = f"Closing {char!r} with no opening one in its paragraph"
                    spaced = text[at - 1 : at] == " " and text[at + 1 : at + 2] in (" ", "")
                    fix = Fix.unsafe(f"Delete the {char!r}", Edit(at - spaced, at + 1, ""))
                    yield self.diagnostic(at, at + 1, message, fix)
        for char, at in opened:
            if text[at + 1 : at + 2].strip():
                message = f"Opening {char!r} never closed in its paragraph"
                yield self.diagnostic(at, at + 1, message)


RULES = (UnbalancedBrackets,)
