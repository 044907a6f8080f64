"""The L rules beyond their cases: the `language` setting, determinism, and the cheap tests.

The cheap tests in front of langdetect (corpuslint/langid.py) must change
no finding, only how often langdetect runs: the fast and the slow path are
compared on every case text and on the vendored BBC sample.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import BBC_SAMPLE, CASES

from corpuslint.article import langid
from corpuslint.checks.language import ForeignLanguageDocument, ForeignLanguageParagraph
from corpuslint.config import ConfigError, Settings, settings_from_table
from corpuslint.engine.linter import Linter
from corpuslint.model.document import Document

GERMAN = (
    "Bahn-Streik legt Fernverkehr in ganz Deutschland lahm\n\n"
    "Die Gewerkschaft Deutscher Lokomotivführer (GDL) hat erneut zu einem mehrtägigen Streik bei "
    "der Deutschen Bahn aufgerufen. Nach Angaben des Unternehmens fallen im Fernverkehr rund 80 "
    "Prozent der Verbindungen aus.\n\n"
    "Ein Bahnsprecher sagte am Mittwoch, man bedauere die Einschränkungen für die Fahrgäste sehr "
    "und habe einen Notfahrplan eingerichtet. Reisende sollten sich vor Fahrtantritt über ihre "
    "Verbindung informieren.\n"
)
ENGLISH = (
    "German rail strike halts most long-distance trains\n\n"
    "A strike by train drivers has brought most of Germany's long-distance rail services to a "
    "standstill, with Deutsche Bahn saying about 80% of its intercity trains had been "
    "cancelled.\n\n"
    "The GDL union is demanding a cut in the working week from 38 to 35 hours with no loss of "
    "pay, which the company has so far rejected.\n"
)
RULES = (ForeignLanguageDocument, ForeignLanguageParagraph)


def _case_texts() -> list[str]:
    texts = []
    for code in ("L101", "L102"):
        data = yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8"))
        texts.extend(case["text"] for case in [*data["report"], *data["pass"]])
    return texts


def _findings(rule: ForeignLanguageDocument | ForeignLanguageParagraph, text: str) -> list[tuple]:
    return [(d.code, d.start, d.end, d.message) for d in rule.check(Document(text))]


def test_the_language_setting_reaches_the_rules() -> None:
    german = Linter(Settings(select=("L",), language="de"))
    assert german.lint(Document(GERMAN)) == []
    found = german.lint(Document(ENGLISH))
    assert [d.code for d in found] == ["L101"]
    assert "English (en" in found[0].message and "configured German (de)" in found[0].message
    english = Linter(Settings(select=("L",)))
    assert [d.code for d in english.lint(Document(GERMAN))] == ["L101"]
    assert english.lint(Document(ENGLISH)) == []


def test_an_unknown_language_is_a_config_error() -> None:
    assert settings_from_table({"language": "de"}, Path(".")).language == "de"
    with pytest.raises(ConfigError, match="'language': unknown language 'english'"):
        settings_from_table({"language": "english"}, Path("."))


def test_same_result_twice_and_in_any_order() -> None:
    texts = _case_texts()
    first = {(rule, text): _findings(rule(), text) for rule in RULES for text in texts}
    again = {(rule, text): _findings(rule(), text) for rule in RULES for text in reversed(texts)}
    assert first == again
    assert any(first.values()), "the case texts must give findings for this test to mean anything"


@pytest.mark.slow
def test_the_fast_path_changes_no_finding() -> None:
    bbc = [path.read_text(encoding="utf-8") for path in sorted(BBC_SAMPLE.glob("*/*.txt"))]
    texts = _case_texts() + bbc
    for rule in RULES:
        fast, slow = rule(), rule(fast_path=False)
        for text in texts:
            assert _findings(fast, text) == _findings(slow, text), text[:80]


def test_clean_english_never_reaches_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    detect = langid.detect
    monkeypatch.setattr(langid, "detect", lambda text: calls.append(text) or detect(text))
    linter = Linter(Settings(select=("L",)))
    for path in sorted(BBC_SAMPLE.glob("*/*.txt")):
        assert linter.lint(Document(path.read_text(encoding="utf-8"))) == []
    assert calls == []
    linter.lint(Document(GERMAN))
    assert len(calls) == 1  # a foreign document does reach it, judged once for L101 and L102


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_foreign_paragraph_is_found_whatever_the_line_breaks(newline: str) -> None:
    text = ENGLISH.replace("\n\nThe GDL", "\n\n" + GERMAN.split("\n\n")[2] + "The GDL")
    doc = Document(text.replace("\n", newline))
    found = list(ForeignLanguageParagraph().check(doc))
    assert [(d.code, doc.location(d.start).row) for d in found] == [("L102", 5)]
    assert doc.text[found[0].start:found[0].end].startswith("Ein Bahnsprecher sagte am Mittwoch")
    assert doc.text[found[0].end - 1] == "."


def test_language_from_pyproject_through_the_cli(tmp_path: Path, corpuslint_exe: str) -> None:
    config = '[tool.corpuslint]\nlanguage = "de"\n'
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    (tmp_path / "bahn.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "rail.txt").write_text(ENGLISH, encoding="utf-8")
    result = subprocess.run(
        [corpuslint_exe, "check", "--select", "L", "--output-format", "json", "--exit-zero", "."],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    found = [(Path(f["filename"]).name, f["code"], f["location"]["row"])
             for f in json.loads(result.stdout)]
    assert found == [("rail.txt", "L101", 1)]
