"""The offset <-> (row, column) index: rows split at \\n, \\r\\n and lone \\r; columns count code points."""

from __future__ import annotations

import pytest

from corpuslint.model.document import Document, Location

MIXED = "one\r\ntwo\rthree\nfour"


@pytest.mark.parametrize(
    ("offset", "location"),
    [
        (0, Location(1, 1)),
        (3, Location(1, 4)),  # at the \r of \r\n: still row 1
        (5, Location(2, 1)),  # after \r\n
        (8, Location(2, 4)),  # at a lone \r
        (9, Location(3, 1)),  # after the lone \r
        (15, Location(4, 1)),
        (19, Location(4, 5)),  # end of text
    ],
)
def test_location_across_newline_styles(offset: int, location: Location) -> None:
    doc = Document(MIXED)
    assert doc.location(offset) == location
    assert doc.index.offset(location) == offset


def test_columns_count_code_points_not_utf16_units() -> None:
    doc = Document("Gaza 😀 ceasefire\n𝒳 marks")
    assert doc.location(doc.text.index("ceasefire")) == Location(1, 8)
    assert doc.location(doc.text.index("marks")) == Location(2, 3)


def test_lines_without_break_characters() -> None:
    doc = Document(MIXED)
    assert [(line.row, line.text) for line in doc.lines] == [
        (1, "one"), (2, "two"), (3, "three"), (4, "four")]
    assert [doc.text[line.start:line.end] for line in doc.lines] == ["one", "two", "three", "four"]


def test_final_newline_adds_no_empty_line_but_blank_lines_count() -> None:
    assert len(Document("a\n").lines) == 1
    assert [line.text for line in Document("a\n\n\nb\n").lines] == ["a", "", "", "b"]
    assert [line.text for line in Document("").lines] == [""]


def test_offset_outside_the_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        Document("abc").location(4)


def test_lines_are_the_same_whichever_break_the_text_uses() -> None:
    text = "Headline\n\n  Body one\nBody two\n\n"
    for other in (text.replace("\n", "\r\n"), text.replace("\n", "\r")):
        same = Document(other).lines
        assert [(line.row, line.text) for line in same] == [(line.row, line.text)
                                                            for line in Document(text).lines]
    assert [line.start for line in Document(text).lines] == [0, 9, 10, 21, 30]
