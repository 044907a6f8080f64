"""The wording rules' screens never miss what their exact regexes find.

Each screen may over-report; these tests hold it to the one promise that
keeps findings identical with the fast path on: no miss. Texts are built from
the awkward parts: Unicode words and the letters `re` folds to ASCII (ſ, ı, İ,
the Kelvin sign), apostrophes, punctuation and line breaks between repeats,
and every mix of case.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpuslint.checks.wording import (
    _CONFUSABLE,
    _CONFUSABLE_STARTS,
    _DOUBLED,
    CONFUSABLES,
    ConfusedWords,
    DoubledWord,
    ModalWithoutBe,
)
from corpuslint.engine.regex_screens import doubled_words, screened_finditer
from corpuslint.engine.rule import compile_linear
from corpuslint.model.document import Document

WORDS = ("the", "The", "THE", "tHe", "a", "A", "had", "in", "it", "s", "i", "kin", "\u212ain", "u\u017fe",
         "use", "\u0130n", "\u0131n", "th\u00e9", "caf\u00e9", "don't", "it\u2019s", "word_", "5m", "bn",
         "will", "could", "taken", "co-hosted", "needed", "of", "been", "loose", "weight", "break",
         "though", "that", "alot", "per", "say", "Duran", "\u00e9the")
SEPARATORS = (" ", "  ", "\t", " \t ", "\n", "\n\n", "\r\n", ", ", ". ", "-", "'", "\u2019", "\"", "(",
              "\u00a0", "\u2028", "_", "1", "", "\x0b", "? ", "\u00a3")
texts = st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(WORDS)), max_size=12).map(
    lambda parts: "".join(sep + word for sep, word in parts))
raw_texts = st.text(alphabet="thTHeE \t\n.,'\u2019\u017f\u0131\u212ak\u00e9_1", max_size=40)


def _doubled(text: str) -> set[str]:
    return {match[2].lower() for match in _DOUBLED.finditer(text)}


@given(st.one_of(texts, raw_texts))
@settings(max_examples=300, deadline=None)
@example("the the")
@example("\"The the.\"")
@example("the, The the")
@example("Roddick\n\nroddick")
@example("\u212ain kin")
@example("i \u0130")
def test_the_doubled_word_screen_names_every_repeat_the_regex_finds(text: str) -> None:
    screened = doubled_words(text)
    if screened is not None:
        assert _doubled(text) <= screened


@pytest.mark.parametrize(("text", "found"), [
    ("one of the the largest", {"the"}),
    ("THE The the", {"the"}),
    ("(the\tthe)", {"the"}),
    ("it\u2019s the the end", {"the"}),
    ("caf\u00e9 the  the", {"the"}),
    ("the, the", set()),  # a comma between: the regex asks for spaces only
    ("the\nthe", set()),  # a line break between
    ("the the\u00e9", set()),  # screen's extra: é is a word character to `re`, so no match there
])
def test_the_doubled_word_screen_on_tricky_cases(text: str, found: set[str]) -> None:
    assert _doubled(text) <= doubled_words(text)  # type: ignore[operator]
    if not found:
        assert _doubled(text) == set()
    else:
        assert doubled_words(text) == found == _doubled(text)


def test_the_doubled_word_screen_leaves_folded_letters_to_the_regex() -> None:
    assert doubled_words("kin \u212ain") is None  # re reads the Kelvin sign as "k"
    assert doubled_words("\u00a3 caf\u00e9 the the") == {"the"}


@given(st.one_of(texts, raw_texts))
@settings(max_examples=150, deadline=None)
@example("could of been")
@example("Could of course")
@example("to loose to loose weight")
@example("break though the")
def test_confusions_screened_by_re2_are_exactly_the_regex_matches(text: str) -> None:
    exact = [(m.span(), m.lastgroup) for m in _CONFUSABLE.finditer(text)]
    screened = screened_finditer(_CONFUSABLE, _CONFUSABLE_STARTS, text)
    assert [(m.span(), m.lastgroup) for m in screened] == exact


# One slip per entry of CONFUSABLES, in its order.
SLIPS = ("sift though the files", "to loose weight", "could of been", "per say", "for all intensive purposes",
         "baited breath", "free reign", "towed the party line", "a sneak peak", "peaked his interest",
         "deep seeded", "wreck havoc", "one in the same", "case and point", "a mute point",
         "the statue of limitations", "slight of hand", "nip it in the butt", "Alot", "its a pity",
         "it's own goal", "lost it's way", "and it's fans", "whose going", "who's car", "may loose patience",
         "a lose tile", "lose ends", "better then the", "and than")


def test_every_confusion_is_found_through_the_screen() -> None:
    doc = Document(". ".join(SLIPS) + ".")
    fast = list(ConfusedWords(fast_path=True).check(doc))
    assert fast == list(ConfusedWords(fast_path=False).check(doc))
    found = [m.lastgroup for m in screened_finditer(_CONFUSABLE, _CONFUSABLE_STARTS, doc.text)]
    assert found == [f"c{i}" for i in range(len(CONFUSABLES))] == [f"c{i}" for i in range(len(SLIPS))]


@given(st.one_of(texts, raw_texts))
@settings(max_examples=150, deadline=None)
def test_doubled_word_findings_are_the_same_with_and_without_the_screen(text: str) -> None:
    doc = Document(text)
    assert list(DoubledWord(fast_path=True).check(doc)) == list(DoubledWord(fast_path=False).check(doc))


MODAL_PREFILTER = compile_linear(ModalWithoutBe.prefilter)


@given(texts)
@settings(max_examples=150, deadline=None)
@example("It will co-hosted by Egypt")
@example("will taken-")
def test_every_modal_without_be_finding_matches_its_prefilter(text: str) -> None:
    if list(ModalWithoutBe().check(Document(text))):
        assert MODAL_PREFILTER.search(text.encode()) is not None
