"""B2: the chrome of a whole web page flattened to text, found line by line by a classifier.

B1's rules know boilerplate by its wording; a page's menus, footers and
related-story lists share no wording, only a shape. One classifier
(corpuslint/weblines: learned trees over jusText's and trafilatura's signals)
marks each line as article or chrome, once per document; each rule here
reports the runs of one shape. Off by default: a clean article corpus has no
chrome to find, and `--extend-select B2` turns the family on for crude pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Fix, Severity
from corpuslint.model.document import Document
from corpuslint.model.edits import delete_lines
from corpuslint.weblines.classify import PAGE_PREFILTER, RunKind, chrome_runs


class _ChromeRule(Rule):
    """The family's shared check: the runs of the rule's kind, each with a fix that deletes them."""

    severity = Severity.WARNING
    enabled_by_default = False
    fix_availability = FixAvailability.ALWAYS
    prefilter = PAGE_PREFILTER
    kind: ClassVar[RunKind]
    message: ClassVar[str]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for run in chrome_runs(doc):
            if run.kind is not self.kind:
                continue
            start, end = doc.lines[run.first_row - 1].start, doc.lines[run.last_row - 1].end
            noun = "line" if run.lines == 1 else "lines"
            fix = Fix.unsafe(f"Delete the {noun}", delete_lines(doc, run.first_row, run.last_row))
            yield self.diagnostic(start, end, self.message.format(lines=run.lines, noun=noun), fix)


class BoilerplateBlock(_ChromeRule):
    """A run of page chrome: navigation, footer, share row, comment furniture.

    ## What it finds
    Three or more lines in a row (blank lines aside) that the page classifier
    puts outside the article: short, few stop words, no sentence punctuation,
    far from the page's run of prose, among neighbours that look the same.
    Runs that are mostly link titles are B202's.

    ## Why it matters
    Text flattened from a whole page (html-text, inscriptis, Common Crawl's
    WET files) carries its menus and footers into every document; in training
    data they are the most repeated text there is, and in an archive they bury
    the article.

    ## Example
    Before: `Home` / `World` / `Business` / `Sign in` / blank / `The Bank of England held rates…`
    After: `The Bank of England held rates…`

    ## Fix safety
    Unsafe: the lines are deleted on a classifier's word (about 97% of article
    text kept on the benchmark's held-out pages); review a sample first.
    """

    code = "B201"
    name = "boilerplate-block"
    kind = RunKind.BLOCK
    message = "Page chrome: {lines} {noun} outside the article"


class LinkList(_ChromeRule):
    """A list of link titles: related stories, most read, categories.

    ## What it finds
    Three or more chrome lines in a row, most of them Title Case or headline
    length (2 to 14 words) with no sentence punctuation, one to a line: the
    text of a list of links. A list inside the article (a recipe's
    ingredients, a numbered list between paragraphs) is kept: the classifier
    sees the prose around it.

    ## Why it matters
    "Most read" and "Related" lists put other articles' headlines into every
    page; a corpus learns them as if each article said them, and
    deduplication cannot tell two pages apart by their bodies.

    ## Example
    Before: `…said the spokesperson.` / blank / `Most Read` /
    `Brookings: AI will affect white-collar jobs` / `Qualcomm: 5G will cover major metros in 2020`
    After: `…said the spokesperson.`

    ## Fix safety
    Unsafe: deleted on a classifier's word; review a sample first.
    """

    code = "B202"
    name = "link-list"
    kind = RunKind.LINKS
    message = "List of links: {lines} {noun} of link titles outside the article"


class PageChromeLine(_ChromeRule):
    """One or two lines of page chrome on their own, between article or chrome blocks.

    ## What it finds
    A short run (one or two lines) the page classifier puts outside the
    article: a "Share this", "Image Credit: …", a lone section label, a date
    widget, the page title's copy when the headline below repeats it. The
    article's own headline, byline and subheadings are kept.

    ## Why it matters
    Single lines of chrome survive where block rules look for runs; left in,
    they split paragraphs and put site furniture into the article text.

    ## Example
    Before: `…in a matter of weeks.` / blank / `Image Credit: WeWork` / blank / `The company, which…`
    After: `…in a matter of weeks.` / blank / `The company, which…`

    ## Fix safety
    Unsafe: deleted on a classifier's word; review a sample first.
    """

    code = "B203"
    name = "page-chrome-line"
    kind = RunKind.LINE
    message = "Page chrome: {lines} {noun} outside the article"


RULES = (BoilerplateBlock, LinkList, PageChromeLine)
