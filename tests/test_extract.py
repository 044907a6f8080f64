"""What extract() reads from each seed, field by field, and that it invents nothing on BBC news."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import BBC_DEV, SEEDS

from corpuslint.article.dates import to_iso
from corpuslint.article.extract import Article, extract
from corpuslint.model.document import Document
from corpuslint.sources.files import read_document


def _seed(prefix: str) -> tuple[Document, Article]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    doc = read_document(str(path))
    assert isinstance(doc, Document)
    return doc, extract(doc)


def _value(field):  # the value of a Field, None when absent
    return None if field is None else field.value


# headline, standfirst, published, updated, dateline (place, date, agency), source
EXPECTED = {
    "000": ("Blinken in Israel as he pushes for Gaza ceasefire deal",
            "US Secretary of State to meet key opposition figure Benny Gantz",
            None, "2024-06-11T06:28:00", None, None),
    "001": ("Blinken meets with Israeli opposition leaders amid Gaza truce push",
            None, "--06-11", None, ("Amman", "--06-11", "RHC"), "Radio Habana Cuba"),
    "002": ("Blinken Engages with Israeli Opposition Figures in Effort to Secure Gaza Ceasefire",
            None, None, None, None, "aljazeera.com"),
    "003": ("Blinken ramps up pressure on Hamas amid doubts about Gaza cease-fire",
            None, None, None, ("TEL AVIV", None, None), None),
    "004": (None, None, None, None, None, None),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_fields(prefix: str) -> None:
    doc, article = _seed(prefix)
    headline, standfirst, published, updated, dateline, source = EXPECTED[prefix]
    assert _value(article.headline) == headline
    assert _value(article.standfirst) == standfirst
    assert article.byline is None
    assert _value(article.published) == published
    assert _value(article.updated) == updated
    assert (tuple(article.dateline.value) if article.dateline else None) == dateline
    assert _value(article.source) == source
    assert article.language is not None and article.language.value.code == "en"
    for field in (article.headline, article.standfirst, article.source):
        if field is not None:  # a text field's span holds the text it was read from
            assert field.value in doc.text[field.start : field.end]


def test_spans_point_at_their_text() -> None:
    doc, article = _seed("000")
    assert doc.text[article.updated.start : article.updated.end] == "June 11, 2024, 6:28 AM"
    doc, article = _seed("001")
    assert doc.text[article.published.start : article.published.end] == "June 11"
    assert doc.text[article.dateline.start : article.dateline.end] == "Amman, June 11 (RHC)-- "
    assert doc.location(article.source.start).row == 41


def test_seed_captions_and_urls() -> None:
    _, article = _seed("000")
    assert [tuple(c.value) for c in article.captions] == [(
        "US Secretary of State Antony Blinken meeting with Israeli Prime Minister Benjamin "
        "Netanyahu in Jerusalem on Monday.", "AFP")]
    _, article = _seed("001")
    assert [c.value.credit for c in article.captions] == ["Alaa Al Sukhni/Pool via Reuters"]
    assert [u.value for u in article.urls] == [
        "https://www.radiohc.cu/en/noticias/internacionales/"
        "357113-blinken-meets-with-israeli-opposition-leaders-amid-gaza-truce-push"]


@pytest.mark.parametrize(("text", "field", "expected"), [
    ("Blinken meets Gantz\n\nBy Jane Doe | June 11, 2024\n\nBlinken met Gantz.\n", "published", "2024-06-11"),
    ("Blinken meets Gantz\n\nBy Jane Doe | June 11, 2024\n\nBlinken met Gantz.\n", "byline", "Jane Doe"),
    ("Fed holds\n\nWASHINGTON, March 3, 2024 (Reuters) - The Fed held.\n", "published", "2024-03-03"),
    ("Fed holds\n\nWASHINGTON, March 3, 2024 (Reuters) - The Fed held.\n", "source", "Reuters"),
    ("Talks\n\nPublished 11 June 2024 14:05 GMT\n\nThey met.\n", "published", "2024-06-11T14:05:00+00:00"),
    ("Talks\n\nPublished June 9 | Updated June 11, 2024 6:28 pm EDT\n\nThey met.\n", "updated",
     "2024-06-11T18:28:00-04:00"),
    ("Talks\n\nThey met on June 11, 2024 in Cairo.\n", "published", None),
    ("Scotland v Italy (Sat)\n\nMurrayfield, Edinburgh\n\nSaturday, 26 February\n\n1400 GMT\n\nThey play.\n",
     "published", None),
])
def test_labelled_places_only(text: str, field: str, expected: str | None) -> None:
    assert _value(getattr(extract(Document(text), language=False), field)) == expected


@pytest.mark.parametrize(("text", "iso"), [
    ("June 11, 2024, 6:28 AM", "2024-06-11T06:28:00"),
    ("Tue 11 Jun 2024 06.28 BST", "2024-06-11T06:28:00+01:00"),
    ("2024-06-11T06:28:00Z", "2024-06-11T06:28:00+00:00"),
    ("June 11", "--06-11"),
    ("figures show a rise in June", None),
])
def test_to_iso(text: str, iso: str | None) -> None:
    assert to_iso(text) == iso


def test_short_text_has_no_language() -> None:
    assert extract(Document("Oil up\n\nShares rose.\n")).language is None


@pytest.mark.skipif(not BBC_DEV.is_dir(), reason="../shared/corpora/bbc-dev is absent")
def test_bbc_dev_headlines_found_and_nothing_invented() -> None:
    paths = sorted(BBC_DEV.glob("*/*.txt"))
    articles = [extract(read_document(str(p)), language=False) for p in paths]  # type: ignore[arg-type]
    with_headline = sum(a.headline is not None for a in articles)
    assert with_headline * 100 >= 99 * len(paths), f"{with_headline}/{len(paths)}"
    assert [p for p, a in zip(paths, articles, strict=False) if a.byline is not None] == []
    assert [p for p, a in zip(paths, articles, strict=False)
            if a.published is not None or a.updated is not None] == []


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_show_through_cli(fmt: str, corpuslint_exe: str, tmp_path: Path) -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    result = subprocess.run([corpuslint_exe, "show", str(seed), "--output-format", fmt],
                            capture_output=True, text=True, check=True, cwd=tmp_path,
                            env={"NO_COLOR": "1", "COLUMNS": "200", "PATH": ""})
    if fmt == "json":
        data = json.loads(result.stdout)
        headline = "Blinken meets with Israeli opposition leaders amid Gaza truce push"
        assert data["headline"]["value"] == headline
        assert data["dateline"]["value"] == {"place": "Amman", "date": "--06-11", "agency": "RHC"}
        assert data["source"]["value"] == "Radio Habana Cuba"
        assert data["byline"] is None
    else:
        rows = {line.split()[0]: line for line in result.stdout.splitlines()[2:] if line.strip()}
        assert "Radio Habana Cuba" in rows["source"] and " 41 " in rows["source"]
        assert "place=Amman, date=--06-11, agency=RHC" in rows["dateline"]


def test_show_missing_file_is_a_usage_error(corpuslint_exe: str, tmp_path: Path) -> None:
    result = subprocess.run([corpuslint_exe, "show", "absent.txt"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 2 and "absent.txt" in result.stderr


# --- the cheap forms must agree with the plain ones they replace ------------------------------

def test_re2_space_class_is_pythons_whitespace() -> None:
    import re2

    from corpuslint.article.dates import SPACE_RE2

    every = "".join(chr(c) for c in range(0x3100) if not 0xD800 <= c <= 0xDFFF)
    assert "".join(re2.findall(SPACE_RE2, every)) == "".join(filter(str.isspace, every))


@pytest.mark.parametrize("text", [
    "Headline here now\n\nPublished: 11 June\n\nBody text follows.\n",
    "Headline here now\n\nBody text follows.\n\nPublished: 11\u00a0June\n",
    "Headline here now\n\n\u00a0First published on june 11\n\nBody text follows.\n",
    "Headline here now\r\rWritten by Jane Doe, June 11\r\rBody text follows.\r",
    "Headline here now\n\nAMMAN,\u00a0June 11th (RHC)-- Body text follows.\n",
    "Headline here now\n\nGaza, 11 June /AP/ \u2014 Body text follows.\n",
])
def test_dated_prefilter_passes_every_partial_date(text: str) -> None:
    import re2

    from corpuslint.article.extract import DATED_PREFILTER
    from corpuslint.checks.metadata import PartialDate

    assert [d.code for d in PartialDate().check(Document(text))] == ["S204"]
    assert re2.search(DATED_PREFILTER, text) is not None


def test_dated_prefilter_skips_dates_in_prose() -> None:
    import re2

    from corpuslint.article.extract import DATED_PREFILTER

    text = ("Cup final preview\n\nThe match on 5 May, the day after May 4, sold out.\n\n"
            "Saturday, 26 February\n")
    assert re2.search(DATED_PREFILTER, text) is None


@pytest.mark.parametrize(("text", "key"), [
    ("Blinken  meets\u00a0GANTZ", "blinken meets gantz"),
    ("Blinken meets Gantz in Israel on a long day of talks", "blinken meets gantz"),
    ("Straße closed", "strasse closed"),
    ("## Blinken meets Gantz", "blinken meets gantz"),
    ("", "blinken"),
])
def test_repeats_headline_is_the_key_comparison(text: str, key: str) -> None:
    from corpuslint.article.parts import headline_key, repeats_headline

    assert repeats_headline(text, key) is (headline_key(text) == key)


@pytest.mark.parametrize("limit", [None, 1, 3, 4, 50])
def test_count_words_counts_regex_words_up_to_the_limit(limit: int | None) -> None:
    import re

    from corpuslint.article.extract import count_words

    text = "Head\n\n one\u00a0two\u2028three\tfour  "
    every = len(re.findall(r"\S+", text[4:]))
    assert every == 4
    assert count_words(text, 4, limit) == (every if limit is None else min(every, limit))
