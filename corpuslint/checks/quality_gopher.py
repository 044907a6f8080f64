"""H1xx: Gopher's quality heuristics, decision for decision as datatrove's GopherQualityFilter.

Off by default: `--extend-select H1` (or `H`) turns them on. Each rule is one
of the filter's reasons to drop a document (its name is in the docstring), with
the measured value and the limit in the message. A document any of them
reports is one GopherQualityFilter drops.
"""

from __future__ import annotations

from corpuslint.article.textstats import GopherStats, gopher
from corpuslint.checks.quality_limits import QualityRule, number


class _GopherRule(QualityRule):
    stats = gopher


class TooFewWords(_GopherRule):
    """Fewer words than Gopher's minimum (datatrove: gopher_short_doc).

    ## What it finds
    A document of fewer than `gopher-min-doc-words` (50) words, counting only
    tokens with a character that is not punctuation.

    ## Why it matters
    Gopher drops stubs: a teaser, a menu or an error page carries no prose to learn from.

    ## Example
    Before: `Subscribe to read the full story.` (6 words)
    After: the document is dropped.

    ## Fix safety
    There is no fix: a quality filter drops documents, it does not repair them.
    """

    code = "H101"
    name = "too-few-words"
    keys = ("gopher-min-doc-words",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-min-doc-words"]
        if limit and s.non_symbol_words < limit:
            return f"words {s.non_symbol_words}; at least {number(limit)} required"
        return None


class TooManyWords(_GopherRule):
    """More words than Gopher's maximum (datatrove: gopher_long_doc).

    ## What it finds
    A document of more than `gopher-max-doc-words` (100,000) words.

    ## Why it matters
    A document that long is a dump (a log, a concatenated site), not an article.

    ## Example
    Before: a 150,000-word scrape of a forum's archive.
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H102"
    name = "too-many-words"
    keys = ("gopher-max-doc-words",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-max-doc-words"]
        if limit and s.non_symbol_words > limit:
            return f"words {s.non_symbol_words}; at most {number(limit)} allowed"
        return None


class TooFewStopWords(_GopherRule):
    """Fewer distinct English stop words than Gopher requires (datatrove: gopher_enough_stop_words).

    ## What it finds
    A document holding fewer than `gopher-min-stop-words` (2) of the words
    "the", "be", "to", "of", "and", "that", "have", "with".

    ## Why it matters
    English prose cannot avoid them; a text without them is a list, a table,
    keywords for search engines, or not English.

    ## Example
    Before: `Home News Sport Weather iPlayer Sounds Bitesize CBeebies ...`
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H103"
    name = "too-few-stop-words"
    keys = ("gopher-min-stop-words",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-min-stop-words"]
        if limit and s.stop_words < limit:
            return f"stop words {s.stop_words} of {s.words} words; at least {number(limit)} required"
        return None


class ShortMeanWordLength(_GopherRule):
    """Words shorter on average than Gopher's minimum (datatrove: gopher_below_avg_threshold).

    ## What it finds
    A mean word length below `gopher-min-avg-word-length` (3 characters).

    ## Why it matters
    Runs of numbers, initials and single letters are tables or garbled text.

    ## Example
    Before: `1 2 3 a b c 4 5 6 ...`
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H104"
    name = "short-mean-word-length"
    keys = ("gopher-min-avg-word-length",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-min-avg-word-length"]
        if limit and s.mean_word_length < limit:
            return f"mean word length {number(s.mean_word_length)}; at least {number(limit)} required"
        return None


class LongMeanWordLength(_GopherRule):
    """Words longer on average than Gopher's maximum (datatrove: gopher_above_avg_threshold).

    ## What it finds
    A mean word length above `gopher-max-avg-word-length` (10 characters).

    ## Why it matters
    Long "words" are URLs, hashes, base64 or text whose spaces were lost.

    ## Example
    Before: `https://example.com/a/very/long/path?with=query ...`
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H105"
    name = "long-mean-word-length"
    keys = ("gopher-max-avg-word-length",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-max-avg-word-length"]
        if limit and s.mean_word_length > limit:
            return f"mean word length {number(s.mean_word_length)}; at most {number(limit)} allowed"
        return None


class TooManyHashes(_GopherRule):
    """More hash signs per word than Gopher allows (datatrove: gopher_too_many_hashes).

    ## What it finds
    A ratio of `#` characters to words above `gopher-max-symbol-word-ratio` (0.1).

    ## Why it matters
    Hashtag lists and markup headings are not prose.

    ## Example
    Before: `#news #sport #weather #bbc #uk ...`
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H106"
    name = "too-many-hashes"
    keys = ("gopher-max-symbol-word-ratio",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-max-symbol-word-ratio"]
        if limit and s.words and s.hashes / s.words > limit:
            return f"hashes {s.hashes} per {s.words} words ({number(s.hashes / s.words)}); at most {number(limit)}"
        return None


class TooManyEllipses(_GopherRule):
    """More ellipses per word than Gopher allows (datatrove: gopher_too_many_ellipsis).

    ## What it finds
    A ratio of `...` and `…` to words above `gopher-max-symbol-word-ratio` (0.1).

    ## Why it matters
    Truncated teasers ("Read more...") and search snippets are full of them.

    ## Example
    Before: `Police said... The man was... Read more...`
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H107"
    name = "too-many-ellipses"
    keys = ("gopher-max-symbol-word-ratio",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-max-symbol-word-ratio"]
        if limit and s.words and s.ellipses / s.words > limit:
            return (f"ellipses {s.ellipses} per {s.words} words ({number(s.ellipses / s.words)}); "
                    f"at most {number(limit)}")
        return None


class MostlyBulletLines(_GopherRule):
    """Nearly every line starts with a bullet (datatrove: gopher_too_many_bullets).

    ## What it finds
    A share of lines starting with `•` or `-` above `gopher-max-bullet-lines-ratio` (0.9).

    ## Why it matters
    A page that is all bullets is a menu, a list of links or a table of contents.

    ## Example
    Before: `- Home` / `- News` / `- Sport`
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H108"
    name = "mostly-bullet-lines"
    keys = ("gopher-max-bullet-lines-ratio",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-max-bullet-lines-ratio"]
        if limit and s.lines and s.bullet_lines / s.lines > limit:
            return (f"bullet lines {s.bullet_lines} of {s.lines} ({number(s.bullet_lines / s.lines)}); "
                    f"at most {number(limit)}")
        return None


class ManyEllipsisLines(_GopherRule):
    """Many lines end in an ellipsis (datatrove: gopher_too_many_end_ellipsis).

    ## What it finds
    A share of lines ending in `...` or `…` above `gopher-max-ellipsis-lines-ratio` (0.3).

    ## Why it matters
    Lines cut off with an ellipsis are teasers of other pages, not text.

    ## Example
    Before: `Minister resigns over...` / `Storm hits coast as...`
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H109"
    name = "many-ellipsis-lines"
    keys = ("gopher-max-ellipsis-lines-ratio",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-max-ellipsis-lines-ratio"]
        if limit and s.lines and s.ellipsis_lines / s.lines > limit:
            return (f"lines ending in an ellipsis {s.ellipsis_lines} of {s.lines} "
                    f"({number(s.ellipsis_lines / s.lines)}); at most {number(limit)}")
        return None


class FewAlphabeticWords(_GopherRule):
    """Too few words hold a letter (datatrove: gopher_below_alpha_threshold).

    ## What it finds
    A share of tokens with at least one letter below
    `gopher-max-non-alpha-words-ratio` (0.8); punctuation tokens count as words
    here, so news dense in figures and quotes can fall below it.

    ## Why it matters
    Tables, price lists and scores are mostly numbers and symbols.

    ## Example
    Before: `1-0 (45') 2-1 (67') 3-1 (89')`
    After: the document is dropped.

    ## Fix safety
    There is no fix.
    """

    code = "H110"
    name = "few-alphabetic-words"
    keys = ("gopher-max-non-alpha-words-ratio",)

    def verdict(self, s: GopherStats) -> str | None:
        limit = self.limits["gopher-max-non-alpha-words-ratio"]
        if limit and s.words and s.alphabetic_words / s.words < limit:
            return (f"words with a letter {s.alphabetic_words} of {s.words} "
                    f"({number(s.alphabetic_words / s.words)}); at least {number(limit)} required")
        return None


RULES = (TooFewWords, TooManyWords, TooFewStopWords, ShortMeanWordLength, LongMeanWordLength, TooManyHashes,
         TooManyEllipses, MostlyBulletLines, ManyEllipsisLines, FewAlphabeticWords)
