"""S107: the outlet's name glued to the end of the headline by the page title."""

from __future__ import annotations

from collections.abc import Iterator

from corpuslint.article.outlets import headline_suffix
from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document


class HeadlineSiteSuffix(Rule):
    """The outlet's name is glued to the end of the headline.

    ## What it finds
    A headline (the first line of text) that ends with a spaced separator
    (dash, en or em dash, pipe, colon, bullet) and the name of the site, as a
    page's `<title>` writes it: `… - BBC News`, `… | VentureBeat`, `… –
    TechCrunch`, `… - cleveland.com`. The name must be a listed outlet
    (corpuslint/article/data/outlets.txt), a web domain, or a short name
    holding an outlet word ("Houston Chronicle", "The GiveWell Blog"); a
    real dash in a headline is left alone ("Fear will help France -
    Laporte").

    ## Why it matters
    The headline is a field of the dataset: with the suffix, every headline
    of a site shares its last words, headline deduplication and search see
    the site rather than the story, and a model learns to end headlines with
    a brand.

    ## Example
    Before: `Blinken in Israel as he pushes for ceasefire - BBC News`
    After: `Blinken in Israel as he pushes for ceasefire`

    ## Fix safety
    Safe when the name is confirmed (listed, or a domain): the separator and
    the name are deleted. Unsafe when only an outlet word suggests it: "…
    - Sunday Times" could be a headline's own words.
    """

    code = "S107"
    name = "headline-site-suffix"
    severity = Severity.WARNING
    fix_availability = FixAvailability.ALWAYS
    # The first line of text ends with a spaced separator and a short name.
    prefilter = r"\A\s*[^\n\r]*\S\s+(?:[-–—|:•·]|::)\s+[^\n\r]{1,50}(?:\n|\r|\z)"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        line = next((line for line in doc.lines if line.text.strip()), None)
        if line is None or len(line.text) > 300:
            return
        found = headline_suffix(line.text.rstrip())
        if found is None:
            return
        start, end = line.start + found.cut, line.start + len(line.text.rstrip())
        title = f"Delete {found.name!r} from the headline"
        edit = Edit(start, end, "")
        fix = Fix.safe(title, edit) if found.confirmed else Fix.unsafe(title, edit)
        yield self.diagnostic(start, end, f"Site name {found.name!r} glued to the headline", fix)


RULES = (HeadlineSiteSuffix,)
