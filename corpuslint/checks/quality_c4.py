"""H3xx: C4's heuristics, decision for decision as datatrove's C4QualityFilter.

H301-H303 are the filter's reasons to drop a document. H311-H315 are the lines
it removes from a document it keeps: each is a finding on that line with an
unsafe fix that deletes it, so `--fix --unsafe-fixes` leaves the text C4 would
keep. Only H301-H303 say "C4 drops this document". Off by default: `--extend-select H3`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from corpuslint.article.linestats import C4Stats, c4
from corpuslint.checks.quality_limits import QualityRule, number
from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Fix, Severity
from corpuslint.model.document import Document
from corpuslint.model.edits import delete_lines

_DROPPED = """
    ## Fix safety
    There is no fix: the document is dropped.
"""


class _C4Rule(QualityRule):
    stats = c4


class TooFewSentences(_C4Rule):
    __doc__ = """Fewer sentences than C4 requires in the lines it keeps (datatrove: too_few_sentences).

    ## What it finds
    A document with fewer than `c4-min-num-sentences` (5) sentences once C4
    has removed its unpunctuated, short, javascript and policy lines.

    ## Why it matters
    What is left after C4's line filter is too little prose: a menu, a form,
    a caption, a list of headlines.

    ## Example
    Before: `Home` / `News` / `Sign in to continue.`
    After: the document is dropped.
    """ + _DROPPED

    code = "H301"
    name = "too-few-sentences"
    keys = ("c4-min-num-sentences",)

    def verdict(self, s: C4Stats) -> str | None:
        limit = self.limits["c4-min-num-sentences"]
        if s.drop is None and limit > 0 and s.sentences < limit:
            return f"sentences in the lines C4 keeps {s.sentences}; at least {number(limit)} required"
        return None


class _C4DropRule(_C4Rule):
    reason: ClassVar[str]
    what: ClassVar[str]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        stats: C4Stats = doc.derived(c4)
        if stats.drop != self.reason:
            return
        lines = doc.lines
        if len(lines) == len(doc.text.splitlines()):
            line = lines[stats.drop_line]
            yield self.diagnostic(line.start, line.end, f"{self.what} on line {line.row}, which C4 keeps")
        else:
            yield from super().check(doc)

    def verdict(self, s: C4Stats) -> str | None:
        return f"{self.what} on line {s.drop_line + 1}, which C4 keeps" if s.drop == self.reason else None


class LoremIpsum(_C4DropRule):
    __doc__ = """A kept line contains "lorem ipsum" (datatrove: lorem_ipsum).

    ## What it finds
    "lorem ipsum", in any case, on a line C4 would otherwise keep.

    ## Why it matters
    Placeholder text means a template page, never an article.

    ## Example
    Before: `Lorem ipsum dolor sit amet, consectetur adipiscing elit.`
    After: the document is dropped.
    """ + _DROPPED

    code = "H302"
    name = "lorem-ipsum"
    reason = "lorem-ipsum"
    what = '"lorem ipsum"'


class CurlyBracket(_C4DropRule):
    __doc__ = """A kept line contains a curly bracket (datatrove: curly_bracket).

    ## What it finds
    A `{` on a line C4 would otherwise keep.

    ## Why it matters
    Braces in prose are almost always code, CSS or template residue.

    ## Example
    Before: `function init() { var x = 1; return x; }`
    After: the document is dropped.
    """ + _DROPPED

    code = "H303"
    name = "curly-bracket"
    reason = "curly-bracket"
    what = "a curly bracket"


class _C4LineRule(Rule):
    """A line C4 removes from the documents it keeps, with an unsafe fix that deletes it."""

    severity = Severity.INFO
    enabled_by_default = False
    fix_availability = FixAvailability.ALWAYS
    reason: ClassVar[str]
    message: ClassVar[str]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        stats: C4Stats = doc.derived(c4)
        lines = doc.lines
        if len(lines) != len(stats.lines):
            return  # form feeds or Unicode line separators: C4's lines are not the file's rows
        for line, verdict in zip(lines, stats.lines):
            if verdict.removed == self.reason and line.text.strip():
                fix = Fix.unsafe("Delete the line", delete_lines(doc, line.row, line.row))
                yield self.diagnostic(line.start, line.end, self.message, fix)


_LINE_FIX = """
    ## Fix safety
    Unsafe: deleting the line gives the text C4 keeps, but a headline or a
    list may be worth keeping for another use.
"""


class UnterminatedLine(_C4LineRule):
    __doc__ = """A line C4 removes because it does not end in terminal punctuation.

    ## What it finds
    A non-blank line that does not end in `.`, `?`, `!`, `"` or `'`, or ends in `...`.

    ## Why it matters
    Such lines are headings, menus, buttons and captions; C4 keeps sentences only.

    ## Example
    Before: `Related topics` / `The minister said the plan would go ahead.`
    After: `The minister said the plan would go ahead.`
    """ + _LINE_FIX

    code = "H311"
    name = "unterminated-line"
    reason = "unterminated"
    message = "Line does not end in terminal punctuation: C4 removes it"


class FewWordsLine(_C4LineRule):
    __doc__ = """A line C4 removes because it has fewer than three words.

    ## What it finds
    A punctuated line of one or two words.

    ## Why it matters
    "Thanks!" and "Read more." are interface text, not prose.

    ## Example
    Before: `Thanks.` / `The minister said the plan would go ahead.`
    After: `The minister said the plan would go ahead.`
    """ + _LINE_FIX

    code = "H312"
    name = "few-words-line"
    reason = "few-words"
    message = "Line has fewer than 3 words: C4 removes it"


class JavascriptLine(_C4LineRule):
    __doc__ = """A line C4 removes because it mentions javascript.

    ## What it finds
    A line containing "javascript" in any case.

    ## Why it matters
    "Please enable JavaScript to view this page." is a browser notice, not content.

    ## Example
    Before: `Please enable JavaScript to watch this video.` / `The minister said the plan would go ahead.`
    After: `The minister said the plan would go ahead.`
    """ + _LINE_FIX

    code = "H313"
    name = "javascript-line"
    reason = "javascript"
    message = 'Line mentions "javascript": C4 removes it'


class PolicyLine(_C4LineRule):
    __doc__ = """A line C4 removes because it speaks of cookies or terms of use.

    ## What it finds
    A line containing "terms of use", "privacy policy", "cookie policy",
    "uses cookies", "use of cookies" or "use cookies".

    ## Why it matters
    Cookie banners and legal footers repeat on every page of a site.

    ## Example
    Before: `This site uses cookies to improve your experience.` / `The plan will go ahead.`
    After: `The plan will go ahead.`
    """ + _LINE_FIX

    code = "H314"
    name = "policy-line"
    reason = "policy"
    message = "Line speaks of cookies or terms of use: C4 removes it"


class OverlongWordLine(_C4LineRule):
    __doc__ = """A line C4 removes because one of its words is over 1,000 characters.

    ## What it finds
    A line with a whitespace-free run of more than 1,000 characters.

    ## Why it matters
    Such a "word" is base64, minified code or a data URI.

    ## Example
    Before: `data:image/png;base64,iVBORw0KGgo...` (2,000 characters) / `The plan will go ahead.`
    After: `The plan will go ahead.`
    """ + _LINE_FIX

    code = "H315"
    name = "overlong-word-line"
    reason = "overlong-word"
    message = "Line has a word over 1,000 characters: C4 removes it"


RULES = (TooFewSentences, LoremIpsum, CurlyBracket, UnterminatedLine, FewWordsLine, JavascriptLine,
         PolicyLine, OverlongWordLine)
