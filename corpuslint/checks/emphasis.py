"""M108: markdown emphasis markers left around words by an HTML-to-markdown conversion."""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document

# One to three asterisks, or one or two underscores, hugging a phrase on one line: the same
# marker opens (before a non-space) and closes (after a non-space), and neither touches a
# letter or digit outside ("f***ing", "snake_case_name" and "5 * 3 * 2" are not emphasis).
_EMPHASIS = re.compile(
    r"(?<![\w*\\])(?P<mark>\*{1,3}|_{1,2})(?=[^\s*_])(?P<words>[^\n]*?[^\s*_\\])(?P=mark)(?![\w*])"
)


class MarkdownEmphasis(Rule):
    """Markdown emphasis markers around a phrase or a whole paragraph.

    ## What it finds
    `**bold**`, `__bold__`, `*italic*`, `_italic_` and `***both***`
    wrapping words on one line, from a phrase to a whole paragraph: what an
    HTML-to-markdown conversion writes for `<strong>` and `<em>`. Asterisks
    inside a word ("f***ing"), underscores inside a name (`snake_case`) and
    spaced operators (`5 * 3 * 2`) are not emphasis and are left alone.

    ## Why it matters
    The markers are not text: a tokenizer splits them off as symbols, a
    model learns to emit them, and the emphasised words no longer match the
    same words elsewhere in search and deduplication.

    ## Example
    Before: `The minister said the plan was **not negotiable**.`
    After: `The minister said the plan was not negotiable.`

    ## Fix safety
    Safe: only the markers are deleted; the words they wrapped stay as they
    were.
    """

    code = "M108"
    name = "markdown-emphasis"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    prefilter = r"\*[^\s*]|__?[^\s_]"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for match in _EMPHASIS.finditer(text):
            mark = match["mark"]
            start, end = match.start(), match.end()
            edits = (Edit(start, start + len(mark), ""), Edit(end - len(mark), end, ""))
            fix = Fix.safe("Remove the emphasis markers", *edits)
            yield self.diagnostic(start, end, f"Markdown emphasis {mark}…{mark} around words", fix)


RULES = (MarkdownEmphasis,)
