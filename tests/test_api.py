"""The Python API: what `import corpuslint` offers, the frame functions, and the README's examples."""

from __future__ import annotations

import doctest
import re
import shutil
from pathlib import Path

import polars as pl
import pytest
from conftest import ROOT, SEEDS

import corpuslint
from corpuslint.config import Settings

ARTICLE = "Markets rally\n\nShares rose on Monday after the bank held rates.\n\nExit mobile version\n"


def test_all_and_dir_list_the_public_api() -> None:
    public = {"lint_text", "fix_text", "lint_frame", "filter_frame", "check_paths", "discover",
              "resolve_paths", "write_report", "build_dataset", "export", "ArticleSchema", "Settings",
              "load_settings", "CheckRun", "__version__"}
    assert set(corpuslint.__all__) == public
    assert dir(corpuslint) == sorted(public)
    for name in corpuslint.__all__:
        assert getattr(corpuslint, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'lint_files'"):
        corpuslint.lint_files  # noqa: B018


def test_lint_frame_takes_a_lazy_frame_without_an_id_column() -> None:
    lazy = pl.LazyFrame({"body": [ARTICLE, None, "Rates held\n\nThe bank held rates today.\n"]})
    found = corpuslint.lint_frame(lazy, text="body", settings=Settings(select=("B101",)))
    assert found.select("index", "id", "code", "row", "column").rows() == [(0, None, "B101", 5, 1)]


def test_lint_frame_runs_the_corpus_rules_across_rows() -> None:
    df = pl.DataFrame({"id": ["x", "y"], "text": [ARTICLE, ARTICLE]})
    found = corpuslint.lint_frame(df, settings=Settings(select=("D101",)))
    assert found.select("index", "id", "code", "message").rows() == [(1, "y", "D101", "Same body as 0")]


def test_a_large_frame_on_a_pool_gives_what_one_process_gives() -> None:
    from corpuslint import frames

    n = frames.PARALLEL_MIN_ROWS + 300
    texts = [f"Story {i}\n\nShares rose {i} points on Monday.\n\n" + ("Exit mobile version\n" if i % 7 == 0 else "")
             for i in range(n)]
    df = pl.DataFrame({"text": texts})
    settings = Settings(select=("B101", "D101", "S101"))
    pooled = corpuslint.lint_frame(df, settings=settings, jobs=2)
    single = corpuslint.lint_frame(df, settings=settings, jobs=1)
    assert pooled.equals(single)
    assert pooled.filter(pl.col("code") == "B101")["index"].to_list() == list(range(0, n, 7))


def test_filter_frame_drops_or_keeps_rows_by_code() -> None:
    df = pl.DataFrame({"id": ["a", "b", "c", "d"],
                       "text": [ARTICLE, "Rates held\n\nThe bank held rates today.\n", ARTICLE,
                                "Rates held\n\nThe bank held rates today.\n\nSee $\\url{https://a.org}$.\n"]})
    assert corpuslint.filter_frame(df, drop=["B"])["id"].to_list() == ["b", "d"]
    assert corpuslint.filter_frame(df, drop=["D101"])["id"].to_list() == ["a", "b", "d"]
    assert corpuslint.filter_frame(df.lazy(), keep=["M101"])["id"].to_list() == ["d"]
    with pytest.raises(ValueError, match="one of drop= or keep="):
        corpuslint.filter_frame(df)
    with pytest.raises(ValueError, match="unknown rule selector 'Z9'"):
        corpuslint.filter_frame(df, drop=["Z9"])


def test_filter_frame_drops_near_duplicates_but_keeps_the_first() -> None:
    words = " ".join(f"word{i}" for i in range(300))
    near = words.replace("word150", "changed")
    df = pl.DataFrame({"text": [f"One\n\n{words}\n", f"Two\n\n{near}\n", "Three\n\nSomething else entirely.\n"]})
    assert corpuslint.filter_frame(df, drop=["D102"])["text"].str.slice(0, 5).to_list() == ["One\n\n", "Three"]


def _readme_python() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## From Python\n(.*?)^## ", text, re.S | re.M)
    assert match, "README.md lacks its 'From Python' section"
    return "\n".join(re.findall(r"```pycon\n(.*?)```", match.group(1), re.S))


def test_readme_python_examples_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SEEDS, tmp_path / "my-corpus")
    monkeypatch.chdir(tmp_path)
    examples = _readme_python()
    shown = set(re.findall(r"corpuslint\.(\w+)\(", examples))
    assert shown >= {"lint_text", "fix_text", "lint_frame", "filter_frame", "load_settings", "discover",
                     "check_paths", "write_report", "build_dataset", "export"}
    test = doctest.DocTestParser().get_doctest(examples, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert (tmp_path / "report.html").stat().st_size > 0 and (tmp_path / "corpus.parquet").exists()


def test_docstring_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from corpuslint import api, frames

    monkeypatch.chdir(tmp_path)
    for module in (api, frames):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0 and result.failed == 0, module.__name__
