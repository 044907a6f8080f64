"""Properties of the fixer (hypothesis), over BBC paragraphs with artifacts injected.

A generated document is a list of blocks, each a (dirty, clean) pair: the
text as injected and the text as it must read once fixed (None: the block
goes). Adding a kind of artifact is one line in ARTIFACTS.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BBC_SAMPLE, bbc_corpora
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.fix.fixer import FixPolicy, fix_document
from corpuslint.model.document import Document

URLS = (
    "https://www.radiohc.cu/en/noticias/357113-blinken",
    "https://www.state.gov/secretary-blinken-remarks/",
    "http://news.bbc.co.uk/1/hi/business/4",
)


@dataclass(frozen=True)
class Artifact:
    """One kind of artifact: the rule that owns it, where it goes, and its dirty and clean forms.

    `place` is "paragraph" (a block of its own, which the fix removes), "inline"
    (appended to a body paragraph, `clean` what the fix leaves) or "headline"
    (the headline again, right after it).
    """

    code: str
    place: str
    dirty: Callable[[str], str]
    clean: Callable[[str], str] = lambda url: ""


ARTIFACTS = (
    Artifact("M101", "inline", lambda url: f"$\\frac{{{url}$", lambda url: url),
    Artifact("M101", "inline", lambda url: f"$\\url{{{url}}}$", lambda url: url),
    Artifact(
        "M101", "inline", lambda url: f"\\href{{{url}}}{{the report}}", lambda url: "the report"
    ),
    Artifact(
        "M101", "paragraph", lambda url: f" $\\frac{{{url}$ ", lambda url: url
    ),  # alone: bare URL
    Artifact("B101", "paragraph", lambda url: "Exit mobile version"),
    Artifact("B101", "paragraph", lambda url: "Skip to content"),
    Artifact("B101", "paragraph", lambda url: "Link from www.aljazeera.com"),
    Artifact("B101", "paragraph", lambda url: "Live updates: Follow the latest on Israel-Gaza"),
    Artifact("S101", "headline", lambda url: ""),
)
CODES = sorted({a.code for a in ARTIFACTS})


def _articles() -> list[tuple[str, list[str]]]:
    articles = []
    for path in sorted(BBC_SAMPLE.rglob("*.txt")):
        headline, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        articles.append((headline.strip(), paragraphs))
    return articles


ARTICLES = _articles()
SELECTED = Linter(Settings(select=tuple(CODES)))
DEFAULT = Linter(Settings())


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """A (dirty, clean) pair of texts: the same article with and without its artifacts."""
    headline, paragraphs = draw(st.sampled_from(ARTICLES))
    count = draw(st.integers(1, min(5, len(paragraphs))))
    blocks: list[tuple[str, str | None]] = [(headline, headline)]
    blocks += [(p, p) for p in paragraphs[:count]]
    for artifact in draw(st.lists(st.sampled_from(ARTIFACTS), min_size=1, max_size=4)):
        url = draw(st.sampled_from(URLS))
        if artifact.place == "headline":
            if all(d != headline for d, _ in blocks[1:]):
                blocks.insert(1, (headline, None))
        elif artifact.place == "paragraph":
            at = draw(st.integers(2, len(blocks)))  # after the headline and the first paragraph
            text = artifact.dirty(url)
            blocks.insert(at, (text, artifact.clean(url) or None))
        else:
            bodies = [i for i, (d, c) in enumerate(blocks) if i > 0 and c is not None and c == d]
            if bodies:
                i = draw(st.sampled_from(bodies))
                dirty, clean = blocks[i]
                blocks[i] = (f"{dirty} {artifact.dirty(url)}", f"{clean} {artifact.clean(url)}")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    end = newline if draw(st.booleans()) else ""
    dirty = (newline * 2).join(d for d, _ in blocks) + end
    clean = (newline * 2).join(c for _, c in blocks if c is not None) + end
    return dirty, clean


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(documents())
def test_fixing_removes_the_artifacts_and_changes_nothing_else(pair: tuple[str, str]) -> None:
    """The strong form of "text outside the edited spans is unchanged": the clean article."""
    dirty, clean = pair
    result = fix_document(Document(dirty), SELECTED.lint)
    assert result.unsettled == ()
    assert result.doc.text == clean


@PROPERTY
@given(documents())
def test_fixing_twice_equals_fixing_once(pair: tuple[str, str]) -> None:
    once = fix_document(Document(pair[0]), DEFAULT.lint, FixPolicy(unsafe=True)).doc
    twice = fix_document(once, DEFAULT.lint, FixPolicy(unsafe=True))
    assert twice.doc.text == once.text
    assert twice.applied == ()


@PROPERTY
@given(documents())
def test_after_a_fix_no_fixable_diagnostic_is_left(pair: tuple[str, str]) -> None:
    policy = FixPolicy(unsafe=True)
    result = fix_document(Document(pair[0]), DEFAULT.lint, policy)
    assert [d.code for d in DEFAULT.lint(result.doc) if policy.allows(d)] == []


@pytest.mark.slow
def test_a_document_check_finds_clean_is_byte_identical_after_fix(
    corpuslint_exe: str, tmp_path: Path
) -> None:
    """Every BBC article on which `check` reports nothing comes out of `--fix` byte for byte."""
    copies = []
    for corpus in bbc_corpora():
        copy = tmp_path / corpus.name
        shutil.copytree(corpus, copy, copy_function=shutil.copyfile)  # writable, unlike ../shared
        copies.append(copy)
    files = sorted(p for c in copies for p in c.rglob("*.txt"))
    before = {p: p.read_bytes() for p in files}
    report = subprocess.run(
        [
            corpuslint_exe,
            "check",
            "--isolated",
            "--no-corpus",  # the sample is a subset of bbc-dev: every copy is a duplicate
            "--output-format",
            "concise",
            "--exit-zero",
            "-q",
            *map(str, copies),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    flagged = {Path(line.split(":", 1)[0]).resolve() for line in report.stdout.splitlines() if line}
    clean = [p for p in files if p.resolve() not in flagged]
    assert len(clean) >= 0.9 * len(files)
    subprocess.run(
        [
            corpuslint_exe,
            "check",
            "--isolated",
            "--no-corpus",
            "--fix",
            "--unsafe-fixes",
            "--exit-zero",
            "-q",
            *map(str, copies),
        ],
        capture_output=True,
        check=True,
    )
    changed = [p for p in clean if p.read_bytes() != before[p]]
    assert changed == []


@pytest.mark.parametrize("artifact", ARTIFACTS, ids=lambda a: f"{a.code}-{a.place}")
def test_every_kind_of_artifact_is_found_by_its_rule(artifact: Artifact) -> None:
    """An injector whose artifact its rule does not report would make the properties vacuous."""
    headline, paragraphs = ARTICLES[0]
    text = artifact.dirty(URLS[0])
    if artifact.place == "headline":
        doc = f"{headline}\n\n{headline}\n\n{paragraphs[0]}\n"
    elif artifact.place == "paragraph":
        doc = f"{headline}\n\n{paragraphs[0]}\n\n{text}\n"
    else:
        doc = f"{headline}\n\n{paragraphs[0]} {text}\n"
    assert [d.code for d in SELECTED.lint(Document(doc))] == [artifact.code]
