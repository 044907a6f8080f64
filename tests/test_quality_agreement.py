"""The H families take datatrove's decisions, document by document (issue 17's first figure).

datatrove's four filters run here with their default parameters; for each
document and each filter, "datatrove drops it" must equal "corpuslint reports
a document-level H code of the mapped family" (H1 Gopher quality, H2 Gopher
repetition, H301-H303 C4, H4 FineWeb). The junk set must agree on every
document and trip every reason; the vendored BBC sample always runs, bbc-dev
and the 181 crude AEB pages when ../shared is there, at 99% or better.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pytest
from conftest import BBC_DEV, BBC_SAMPLE, SHARED
from quality_junk import junk_documents

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.model.document import Document

filters = pytest.importorskip("datatrove.pipeline.filters")
from datatrove.data import Document as DatatroveDocument  # noqa: E402

FAMILIES = {
    "H1": filters.GopherQualityFilter,
    "H2": filters.GopherRepetitionFilter,
    "H3": filters.C4QualityFilter,
    "H4": filters.FineWebQualityFilter,
}


def _is_decision(code: str, family: str) -> bool:
    """H311-H315 are lines C4 removes, not a drop; every other H code of the family is one."""
    return code.startswith(family) and not code.startswith("H31")


def disagreements(texts: Iterable[str]) -> tuple[int, dict[str, list[int]], set[str]]:
    """How many documents, which disagree per family, and the reasons datatrove gave."""
    linter = Linter(Settings(select=("H",)))
    built = {family: make() for family, make in FAMILIES.items()}
    wrong: dict[str, list[int]] = {family: [] for family in FAMILIES}
    reasons: set[str] = set()
    count = 0
    for i, text in enumerate(texts):
        count += 1
        codes = {d.code for d in linter.lint(Document(text))}
        for family, datatrove in built.items():
            result = datatrove.filter(DatatroveDocument(text=text, id=str(i)))
            dropped = result is not True
            if dropped:
                reasons.add(result[1])
            if dropped != any(_is_decision(code, family) for code in codes):
                wrong[family].append(i)
    return count, wrong, reasons


def test_junk_set_agrees_on_every_document_and_trips_every_reason() -> None:
    docs = junk_documents()
    assert len(docs) >= 50
    count, wrong, reasons = disagreements(text for _, text in docs)
    assert wrong == {family: [] for family in FAMILIES}
    expected = {
        "gopher_short_doc", "gopher_long_doc", "gopher_below_avg_threshold", "gopher_above_avg_threshold",
        "gopher_too_many_hashes", "gopher_too_many_ellipsis", "gopher_too_many_bullets",
        "gopher_too_many_end_ellipsis", "gopher_below_alpha_threshold", "gopher_enough_stop_words",
        "empty", "dup_para_frac", "dup_para_char_frac", "dup_line_frac", "dup_line_char_frac",
        "top_2_gram", "top_3_gram", "top_4_gram", "duplicated_5_n_grams",
        "lorem_ipsum", "curly_bracket", "too_few_sentences",
        "line_punct_ratio", "short_line_ratio", "char_dup_ratio", "list_ratio",
    }
    assert expected <= reasons, sorted(expected - reasons)


def test_junk_set_fires_every_h_code() -> None:
    linter = Linter(Settings(select=("H",)))
    fired = {d.code for _, text in junk_documents() for d in linter.lint(Document(text))}
    every = {code for code in linter.registry.infos if code.startswith("H")}
    assert fired == every


def _articles(folder: str) -> list[str]:
    from pathlib import Path

    return [p.read_text(encoding="utf-8") for p in sorted(Path(folder).rglob("*.txt"))]


def test_vendored_bbc_sample_agrees() -> None:
    count, wrong, _ = disagreements(_articles(str(BBC_SAMPLE)))
    assert count >= 5
    assert wrong == {family: [] for family in FAMILIES}


@pytest.mark.slow
@pytest.mark.skipif(SHARED is None, reason="../shared is not beside this checkout")
def test_bbc_dev_and_aeb_agree_at_99_percent() -> None:
    assert SHARED is not None
    aeb = json.loads((SHARED / "corpora" / "aeb" / "output" / "html-text.json").read_text(encoding="utf-8"))
    sets = {"bbc-dev": _articles(str(BBC_DEV)), "aeb": [v["articleBody"] for v in aeb["output"].values()]}
    assert (len(sets["bbc-dev"]), len(sets["aeb"])) == (1365, 181)
    for name, texts in sets.items():
        count, wrong, _ = disagreements(texts)
        for family, ids in wrong.items():
            assert 1 - len(ids) / count >= 0.99, f"{name} {family}: {len(ids)} of {count} disagree"
