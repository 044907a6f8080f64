"""Which language a text is in, asking langdetect only when cheap tests leave it open.

langdetect judges about 100 documents a second: run on every document, it
would be slower than the rest of the linter put together. Most of a corpus is
plainly in its configured language, and plain cases are told apart by counting
common words. A text (a document or a paragraph) goes through these steps,
cheapest first, and langdetect runs only when none of them settled it:

1. Long enough? Shorter than `min_chars` (200 for a document, 100 for a
   paragraph), it is not judged: langdetect is unreliable on a line or two.
   From step 3 on, URLs and e-mail addresses are taken out first, and a text
   they leave too short is not judged either.
2. Markers: four frequent words of the configured language that no other
   language uses much (languages.MARKERS). A paragraph holding two of them,
   or a document where they make up at least 2.5% of the words (English news:
   about 10%), is in the configured language. Substring searches: no tokens.
3. Stop-word share: the share of its words among the ~100 commonest of the
   configured language (languages.STOPWORDS). At 20% or more it is in the
   configured language (English news: 40-50%; other languages: under 10%).
4. Evidence for another language: most words start lower-case, as prose
   does (a line-up of names or a results table is in no language), and
   another listed language's words make at least 20% of it, and more than
   the configured language's; or, for a language with no list, the
   configured language's words are under 8%. Without such evidence, nothing
   is reported.

Words are matched as written: a stop word counts only in lower case.

Only then does langdetect run (seeded, so a text always gets the same answer).
Its verdict counts when it names another language with at least 90%
probability and the step-4 evidence holds for that language.

`fast_path=False` runs langdetect on every text long enough to judge and then
applies the same tests, so it reports exactly the same: it exists to measure
what the cheap tests save (bench/language_bench.py) and to test that they
change nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from corpuslint.languages import MARKERS, STOPWORDS
from corpuslint.rule import compile_linear

DOCUMENT_MIN_CHARS = 200
PARAGRAPH_MIN_CHARS = 100
DOCUMENT_MARKER_SHARE = 0.025
PARAGRAPH_MARKERS = 2
CLEAR_SHARE = 0.20
EVIDENCE_SHARE = 0.20
UNLISTED_MAX_SHARE = 0.08
PROSE_LOWER_SHARE = 0.5
MIN_PROBABILITY = 0.90
SEED = 0

_WORD = re.compile(r"[^\W\d_]+")
# RE2: linear on any text, such as a 100,000-character run without spaces.
_URL = compile_linear(r"(?:https?://|www\.)\S*|[\w.+-]+@[\w-]+\.[\w.-]+")


class Verdict(NamedTuple):
    """A language other than the configured one, and langdetect's probability for it."""

    language: str
    probability: float


@dataclass(frozen=True, slots=True)
class Judge:
    """Tells whether texts are in `language` and, when they are not, in which one."""

    language: str = "en"
    fast_path: bool = True
    _markers: tuple[str, ...] = field(init=False, repr=False)
    _stopwords: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        markers = tuple(f" {word} " for word in MARKERS.get(self.language, ()))
        object.__setattr__(self, "_markers", markers)
        object.__setattr__(self, "_stopwords", STOPWORDS.get(self.language, frozenset()))

    def document(self, text: str) -> Verdict | None:
        """The language a whole document is in, when it is clearly not the configured one."""
        text = text.strip()
        if len(text) < DOCUMENT_MIN_CHARS:
            return None
        found = sum(map(text.count, self._markers))
        marked = bool(self._markers) and found >= DOCUMENT_MARKER_SHARE * (text.count(" ") + 1)
        return self._judge(text, marked, DOCUMENT_MIN_CHARS)

    def paragraph(self, text: str) -> Verdict | None:
        """The language of one paragraph, when it is clearly not the configured one."""
        text = text.strip()
        if len(text) < PARAGRAPH_MIN_CHARS:
            return None
        marked = _holds(text, self._markers, PARAGRAPH_MARKERS)
        return self._judge(text, marked, PARAGRAPH_MIN_CHARS)

    def identify(self, text: str) -> Verdict | None:
        """The language of a text and a confidence, for the dataset's `language` column.

        When the common-word test is decisive (as for nearly all of a corpus
        in its configured language) the answer is the configured language
        with confidence 1.0 and langdetect is not asked; otherwise it is
        langdetect's answer and probability. None for a text too short to judge.
        """
        text = _URL.sub(" ", text).strip()
        if len(text) < DOCUMENT_MIN_CHARS:
            return None
        words = _WORD.findall(text)
        if self.fast_path and _share(words, self._stopwords) >= CLEAR_SHARE:
            return Verdict(self.language, 1.0)
        return detect(text)

    def _judge(self, text: str, marked: bool, min_chars: int) -> Verdict | None:
        if marked and self.fast_path:
            return None
        text = _URL.sub(" ", text).strip()  # "noticias/internacionales" in a URL is no Spanish
        if len(text) < min_chars:
            return None
        words = _WORD.findall(text)
        share = _share(words, self._stopwords)
        clear = marked or share >= CLEAR_SHARE
        if clear and self.fast_path:
            return None
        prose = _prose_like(words)
        listed = {
            code for code, stopwords in STOPWORDS.items()
            if prose and code != self.language
            and (other := _share(words, stopwords)) >= EVIDENCE_SHARE and other > share
        }
        unlisted = prose and share < UNLISTED_MAX_SHARE
        if not (listed or unlisted) and self.fast_path:
            return None
        verdict = detect(text)
        if verdict is None or verdict.language == self.language or clear:
            return None
        if verdict.probability < MIN_PROBABILITY:
            return None
        evidence = verdict.language in listed if verdict.language in STOPWORDS else unlisted
        return verdict if evidence else None


def _holds(text: str, markers: tuple[str, ...], needed: int) -> bool:
    """Whether `needed` of the markers occur in `text`; stops at the last one needed.

    Called on nearly every paragraph of a corpus: the early exit makes it
    2.5 times faster than counting all four.
    """
    found = 0
    for marker in markers:
        if marker in text:
            found += 1
            if found == needed:
                return True
    return False


def _share(words: list[str], stopwords: frozenset[str]) -> float:
    """The share of `words` in a lower-case list: as written, so that the initials
    of a line-up ("A Masi, L Orquera") do not count as Italian "a" and "l"."""
    return sum(map(stopwords.__contains__, words)) / len(words) if words else 0.0


def _prose_like(words: list[str]) -> bool:
    """Most words start lower-case (or in a script without case), as running text does."""
    lower = sum(1 for word in words if not word[0].isupper())
    return bool(words) and lower >= PROSE_LOWER_SHARE * len(words)


def detect(text: str) -> Verdict | None:
    """langdetect's most probable language for `text`; None when it finds no letters."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return None
    return Verdict(ranked[0].lang, ranked[0].prob) if ranked else None


@functools.cache
def _factory() -> Any:
    """langdetect's profiles, loaded on first use (0.6 s), once per process.

    A factory of our own rather than langdetect's module-level one, seeded
    here: each detector it creates seeds its own random generator with SEED,
    so a text gets the same answer whatever was detected before it. The cache
    holds read-only profiles, not results.
    """
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(SEED)
    return factory


@functools.cache
def judge(language: str) -> Judge:
    """The fast-path Judge for a configured language, built once per process."""
    return Judge(language)
