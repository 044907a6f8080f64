"""S2xx: the article's metadata, as corpuslint/extract.py reads it: present, complete, well formed.

These rules report what the extracted fields lack, so they read the fields
with the same functions the export uses. A document-level finding (no byline,
no date) is placed on the headline, where an editor would add it, or on the
first line when there is no headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpuslint.article.dates import is_partial
from corpuslint.article.extract import DATED_PREFILTER, Field, count_words, labels, layout
from corpuslint.config import Settings
from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document

_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|etc|No)\.|\.\.)$"
)


def _anchor(doc: Document) -> tuple[int, int]:
    """Where a document-level finding goes: the headline, else the first non-empty line."""
    headline = layout(doc).headline
    if headline is not None:
        return headline.start, headline.end
    for line in doc.lines:
        if line.text.strip():
            return line.start, line.end
    return 0, 0


def _dated(*dates: Field[str] | None) -> bool:
    return any(f is not None and not is_partial(f.value) for f in dates)


class MissingHeadline(Rule):
    """The article has no headline line.

    ## What it finds
    A text whose first line (after any site chrome) is not a headline: a
    long sentence run straight into the next one, with no blank line after
    it, as when a scraper kept only the body paragraphs.

    ## Why it matters
    Datasets key, deduplicate and display articles by headline; a row
    without one is usually a scrape that lost the page's title, and its
    first sentence would be taken for the title by any naive reader.

    ## Example
    Before: `US Secretary of State Antony Blinken landed in Israel on Monday …` /
    `After a stop in Egypt …`
    After: `Blinken lands in Israel to push Gaza truce plan` / blank / `US Secretary of State …`

    ## Fix safety
    There is no fix: a headline has to be written or recovered from the source.
    """

    code = "S201"
    name = "missing-headline"
    severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if layout(doc).headline is None and doc.text.strip():
            start, end = _anchor(doc)
            yield self.diagnostic(start, end, "No headline: the text opens with body prose")


class MissingByline(Rule):
    """The article has no byline.

    ## What it finds
    A text with no byline among its first lines ("By Jane Doe", "By Jane Doe,
    Reuters", "Posted by Jane Doe on June 11, 2024").

    ## Why it matters
    Corpora used for attribution, provenance or licensing must say who wrote
    each article. Many clean corpora carry no bylines at all (BBC News
    exports), so the rule is off by default and info-level: select it for
    corpora that must carry them (`extend-select = ["S202"]`) and raise it
    (`severity = { S202 = "warning" }`) to fail the run.

    ## Example
    Before: `Blinken meets Gantz` / blank / `Blinken met …`
    After: `Blinken meets Gantz` / blank / `By Jane Doe` / blank / `Blinken met …`

    ## Fix safety
    There is no fix: the author has to come from the source.
    """

    code = "S202"
    name = "missing-byline"
    severity = Severity.INFO
    enabled_by_default = False

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.text.strip() and labels(doc).byline is None:
            start, end = _anchor(doc)
            yield self.diagnostic(start, end, "No byline")


class MissingDate(Rule):
    """The article has no publication or update date.

    ## What it finds
    A text with no dated timestamp line ("Updated: June 11, 2024, 6:28 AM",
    "Published …", "Posted on …"), no dated byline and no dateline with a
    full date. Dates in the body, in captions or on a line of their own (a
    sport preview's "Saturday, 26 February") do not count. A dateline with a
    day but no year is reported by S204 instead.

    ## Why it matters
    Time-sliced datasets, deduplication by recency and any study over time
    need a date per article. Many clean corpora carry none (BBC News
    exports), so the rule is off by default and info-level: select it for
    corpora that must carry them (`extend-select = ["S203"]`) and raise it
    (`severity = { S203 = "warning" }`) to fail the run.

    ## Example
    Before: `…will conclude his travels on Wednesday in Qatar.` (no date anywhere)
    After: `…will conclude his travels on Wednesday in Qatar.` / blank / `Published: June 11, 2024`

    ## Fix safety
    There is no fix: the date has to come from the source.
    """

    code = "S203"
    name = "missing-date"
    severity = Severity.INFO
    enabled_by_default = False

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if not doc.text.strip():
            return
        found = labels(doc)
        if found.published is None and found.updated is None:
            start, end = _anchor(doc)
            yield self.diagnostic(start, end, "No publication or update date")


class PartialDate(Rule):
    """The article's only date has no year.

    ## What it finds
    An article dated only by a dateline with a day and month ("Amman, June 11
    (RHC)--"): the extractor keeps it as the partial date `--06-11` and never
    guesses the year.

    ## Why it matters
    A month and day cannot place an article in time; a dataset that needs
    dates must get the year from elsewhere (the URL, the crawl date) and
    should know which rows lack it.

    ## Example
    Before: `Amman, June 11 (RHC)-- U.S. Secretary of State …` (no other date)
    After: `Amman, June 11, 2024 (RHC)-- U.S. Secretary of State …`

    ## Fix safety
    There is no fix: the year is not in the text, and a guess would be wrong
    for any article not from the year guessed.
    """

    code = "S204"
    name = "partial-date"
    severity = Severity.INFO
    prefilter = DATED_PREFILTER

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        found = labels(doc)
        published = found.published
        if published is not None and is_partial(published.value) and not _dated(published, found.updated):
            yield self.diagnostic(published.start, published.end,
                                  f"Date without a year ({published.value}): the only date given")


class HeadlineTrailingFullStop(Rule):
    """The headline ends with a full stop.

    ## What it finds
    A headline line that ends with a single full stop. An ellipsis, an
    abbreviation ("U.S.", "Inc.") and question or exclamation marks are left
    alone.

    ## Why it matters
    News headlines carry no full stop; one is usually a lead sentence
    promoted to a headline, or a converter's artefact, and it makes the
    corpus's headlines inconsistent for any model that learns to write them.

    ## Example
    Before: `Blinken meets Gantz in Israel.`
    After: `Blinken meets Gantz in Israel`

    ## Fix safety
    Safe: one full stop at the end of the headline goes, every word stays.
    """

    code = "S205"
    name = "headline-trailing-full-stop"
    severity = Severity.INFO
    fix_availability = FixAvailability.ALWAYS

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        headline = layout(doc).headline
        if headline is None:
            return
        value = headline.value
        if value.endswith(".") and not _ABBREVIATION_END.search(value):
            fix = Fix.safe("Remove the full stop", Edit(headline.end - 1, headline.end, ""))
            yield self.diagnostic(headline.end - 1, headline.end,
                                  "Headline ends with a full stop", fix)


class HeadlineAllCapitals(Rule):
    """The headline is written in capitals.

    ## What it finds
    A headline of three or more words whose letters are all capitals, as a
    site's CSS showed it and a scraper stored it: `BLINKEN MEETS GANTZ IN
    ISRAEL`.

    ## Why it matters
    Capitals hide proper nouns and acronyms from every tokenizer and
    case-sensitive tool; headline search and deduplication miss the match
    with the same headline in normal case.

    ## Example
    Before: `BLINKEN MEETS GANTZ IN ISRAEL`
    After: `Blinken meets Gantz in Israel`

    ## Fix safety
    There is no fix: restoring case needs to know which words are names
    and acronyms, which a human (or a truecaser) has to decide.
    """

    code = "S206"
    name = "headline-all-capitals"
    severity = Severity.INFO

    MIN_LETTERS = 10

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        headline = layout(doc).headline
        if headline is None:
            return
        letters = "".join(filter(str.isalpha, headline.value))
        if len(letters) < self.MIN_LETTERS or not all(map(str.isupper, letters)):
            return  # the common case, decided by the first lower-case letter
        words = [w for w in headline.value.split() if any(map(str.isalpha, w))]
        if len(words) >= 3:
            yield self.diagnostic(headline.start, headline.end, "Headline is in capitals")


class ShortBody(Rule):
    """The article's body is shorter than `min-body-words`.

    ## What it finds
    A body (the text after the headline and standfirst) of fewer words than
    the `min-body-words` setting (50 by default):
    `[tool.corpuslint] min-body-words = 100`.

    ## Why it matters
    A stub is usually a failed scrape: a paywall teaser, a cookie wall, a
    page that held only a video. It adds a headline and no content, and
    dilutes any corpus statistic per article. Length is a filtering choice
    rather than a defect in the text, so the rule is info-level; raise it
    with `severity = { S207 = "warning" }`.

    ## Example
    Before: `Markets rally` / blank / `Subscribe to read the full story.`
    After: the document is dropped or scraped again.

    ## Fix safety
    There is no fix: the missing text has to be fetched again.
    """

    code = "S207"
    name = "short-body"
    severity = Severity.INFO

    def __init__(self, min_words: int = Settings.min_body_words) -> None:
        super().__init__()
        self.min_words = min_words

    def configure(self, settings: Settings) -> ShortBody:
        return ShortBody(settings.min_body_words)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        top = layout(doc)
        words = count_words(doc.text, top.body_start, self.min_words)  # stops at the minimum
        if words >= self.min_words:
            return
        if top.headline is None and words == 0:
            return  # an empty file is not an article with a short body
        start, end = _anchor(doc)
        if top.body_start < len(doc.text):
            line = doc.lines[doc.location(top.body_start).row - 1]
            start, end = top.body_start, line.end
        yield self.diagnostic(start, end,
                              f"Body has {words} word{'' if words == 1 else 's'}, fewer than the "
                              f"minimum of {self.min_words}")


RULES = (MissingHeadline, MissingByline, MissingDate, PartialDate, HeadlineTrailingFullStop,
         HeadlineAllCapitals, ShortBody)
