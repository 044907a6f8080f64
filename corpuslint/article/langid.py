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
from typing import TYPE_CHECKING, Any, NamedTuple

from corpuslint.article.languages import MARKERS, STOPWORDS
from corpuslint.engine.rule import compile_linear

if TYPE_CHECKING:
    from corpuslint.model.document import Document

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
_LETTERS_OR_SPACE = bytes(byte if chr(byte).isascii() and chr(byte).isalpha() else 32 for byte in range(256))
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
        return self._judge(text, self._document_marked(text), DOCUMENT_MIN_CHARS)

    def of_document(self, doc: Document) -> Verdict | None:
        """`document(doc.text)`, for Document.derived: L101 and L102 share one judgement."""
        return self.document(doc.text)

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
        text = _without_urls(text).strip()
        if len(text) < DOCUMENT_MIN_CHARS:
            return None
        words = _words(text)
        if self.fast_path and _share(words, self._stopwords) >= CLEAR_SHARE:
            return Verdict(self.language, 1.0)
        return detect(text)

    def _document_marked(self, text: str) -> bool:
        """Whether the markers make up DOCUMENT_MARKER_SHARE of the words.

        Counted one marker at a time, commonest first, stopping once there
        are enough: in English news " the " alone settles it, so a clean
        article costs two C-speed scans (spaces, then " the ").
        """
        if not self._markers:
            return False
        needed = DOCUMENT_MARKER_SHARE * (text.count(" ") + 1)
        found = 0
        for marker in self._markers:
            found += text.count(marker)
            if found >= needed:
                return True
        return False

    def _judge(self, text: str, marked: bool, min_chars: int) -> Verdict | None:
        if marked and self.fast_path:
            return None
        text = _without_urls(text).strip()  # "noticias/internacionales" in a URL is no Spanish
        if len(text) < min_chars:
            return None
        words = _words(text)
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


def _without_urls(text: str) -> str:
    """`text` with its URLs and e-mail addresses blanked out.

    _URL can only match where "://", "www." or "@" occurs; three substring
    searches spare the RE2 call on the many paragraphs that have none.
    """
    if "://" in text or "www." in text or "@" in text:
        return _URL.sub(" ", text)
    return text


def _words(text: str) -> list[str]:
    """The words of `text` as _WORD finds them: maximal runs of letters.

    An ASCII text (most paragraphs of an English corpus) is split with
    C-speed bytes operations instead, six times faster: every byte that is
    not an ASCII letter becomes a space. The two agree on ASCII text, where
    _WORD's class is exactly [A-Za-z].
    """
    if text.isascii():
        return text.encode("ascii").translate(_LETTERS_OR_SPACE).decode("ascii").split()
    return _WORD.findall(text)


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
    """langdetect's profiles, loaded on first use (0.1 s), once per process.

    A factory of our own rather than langdetect's module-level one, seeded
    here: each detector it creates seeds its own random generator with SEED,
    so a text gets the same answer whatever was detected before it. The cache
    holds read-only profiles, not results.

    langdetect's own loading turns 55 profiles into one table of 180,000
    n-grams in a Python loop (0.55 s, paid by every worker process of a run
    in which any text reaches langdetect). Here the profiles are only parsed,
    and _Probabilities builds the rows the texts actually look up.
    """
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    profiles: list[Any] = []
    sizes: list[int] = []

    def collect(profile: Any, index: int, langsize: int) -> None:
        profiles.append(profile)
        sizes.append(langsize)

    factory.add_profile = collect  # load_profile reads and parses; collect keeps the profiles
    factory.load_profile(PROFILES_DIRECTORY)
    factory.langlist = [profile.name for profile in profiles]
    factory.word_lang_prob_map = _Probabilities(profiles, sizes[0])
    factory.set_seed(SEED)
    return factory


class _Probabilities(dict[str, list[float]]):
    """langdetect's n-gram -> per-language probability table, each row built on first lookup.

    A row holds what DetectorFactory.add_profile would have stored for the
    n-gram: `langsize` zeros, and for each profile that has it (when it is
    1 to 3 characters long) its frequency over the profile's count of
    n-grams of that length, computed by the same expression, so detection
    gives the same floats. Detector only asks `in` and `[]` of the table.
    """

    def __init__(self, profiles: list[Any], langsize: int) -> None:
        super().__init__()
        self._profiles = profiles
        self._langsize = langsize
        self._known = frozenset().union(*(profile.freq for profile in profiles))

    def __contains__(self, word: object) -> bool:
        return word in self._known

    def __missing__(self, word: str) -> list[float]:
        if word not in self._known:
            raise KeyError(word)
        row = [0.0] * self._langsize
        length = len(word)
        if 1 <= length <= 3:
            for index, profile in enumerate(self._profiles):
                count = profile.freq.get(word)
                if count is not None:
                    row[index] = 1.0 * count / profile.n_words[length - 1]
        self[word] = row
        return row


@functools.cache
def judge(language: str, fast_path: bool = True) -> Judge:
    """The Judge for a configured language, built once per process.

    One instance per setting, so that the L rules' `Document.derived(judge.of_document)`
    keys agree and a document is judged once for both.
    """
    return Judge(language, fast_path)
