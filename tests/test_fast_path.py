"""The fast paths (prefilter screening, the cheap language test) change no finding.

With `fast-path = false` every check runs on every document and langdetect
judges every text; a sample corpus (the vendored BBC sample, the seeds and a
few injected artifacts) must give exactly the same diagnostics both ways.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sample_corpus import build_sample

from corpuslint import api
from corpuslint.config import Settings, settings_from_table
from corpuslint.engine.linter import Linter
from corpuslint.engine.rule import Check
from corpuslint.engine.screen import HYPERSCAN_AFTER, HyperscanScreen, PrefilterSet, Re2Screen


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample"))


def _findings(folder: Path, fast_path: bool) -> list[tuple]:
    settings = Settings(root=folder, select=("ALL",), fast_path=fast_path)
    files, _ = api.discover([str(folder)], settings)
    run = api.check_paths(files, settings)
    return [(f.path, f.code, f.location, f.end_location, f.diagnostic.message, f.diagnostic.fix)
            for f in run.findings]


@pytest.mark.slow
def test_fast_and_slow_paths_give_the_same_diagnostics(sample: Path) -> None:
    fast = _findings(sample, fast_path=True)
    slow = _findings(sample, fast_path=False)
    assert fast == slow
    codes = {finding[1] for finding in fast}
    # The sample must exercise the screened rules for the comparison to mean anything.
    assert {"U101", "M101", "B101", "B102", "B103", "B104", "W101", "W102", "W103", "W104", "L102",
            "Q102", "Q103", "S102", "S104", "S107", "S204", "M108"} <= codes, sorted(codes)


def test_without_the_fast_path_every_check_runs_on_every_document() -> None:
    checks = Linter(Settings(select=("ALL",)))._checks
    assert any(c.prefilter is not None for c in checks)
    clean = "Headline\n\nA clean body.\n"
    assert len(PrefilterSet(checks, screen=False).candidates(clean)) == len(checks)
    assert len(PrefilterSet(checks).candidates(clean)) < len(checks)


def test_fast_path_is_a_setting_and_a_hidden_flag(tmp_path: Path, corpuslint_exe: str) -> None:
    assert settings_from_table({"fast-path": False}, tmp_path).fast_path is False
    assert Settings().fast_path is True
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nIt was one of the the largest deals.\n", encoding="utf-8")
    runs = [subprocess.run([corpuslint_exe, "check", "--isolated", "--no-progress", "--output-format",
                            "json", *flag, str(article)], capture_output=True, text=True, cwd=tmp_path)
            for flag in ([], ["--no-fast-path"])]
    assert runs[0].stdout == runs[1].stdout
    assert '"W103"' in runs[0].stdout
    assert "--no-fast-path" not in subprocess.run([corpuslint_exe, "check", "--help"],
                                                  capture_output=True, text=True).stdout


def test_minhash_permutations_are_datasketchs() -> None:
    from datasketch import MinHash

    from corpuslint.corpus import minhash

    expected = MinHash(num_perm=minhash.NUM_PERM, seed=minhash.MINHASH_SEED, scheme="legacy")
    assert (minhash._permutations() == expected.permutations).all()


def test_minhash_matches_the_modulo_it_replaces() -> None:
    import numpy as np

    from corpuslint.corpus import minhash

    words = ("the quick brown fox jumps over the lazy dog while the cat sleeps " * 7).split()
    shingles = minhash.minhash(words)
    hashed = minhash.word_hashes(words)
    count = len(hashed) - minhash.SHINGLE + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for i in range(minhash.SHINGLE):
        mixed += hashed[i : i + count] * minhash._SHINGLE_MULTIPLIERS[i]
    mixed = np.unique((mixed ^ (mixed >> np.uint64(29))) & minhash.MAX_HASH)
    a, b = minhash._permutations()
    plain = ((mixed[:, None] * a + b) % minhash._MERSENNE & minhash.MAX_HASH).min(axis=0)
    assert (shingles == plain.astype(np.uint32)).all()


def _screened_checks() -> list[Check]:
    return [c for c in Linter(Settings(select=("ALL",)))._checks if c.prefilter is not None]


# Texts where Hyperscan's reading of a pattern could drift from RE2's: case folding beyond
# ASCII (long s, the Kelvin sign), `$` before a final newline, \s and \v, non-ASCII classes.
TRICKY = [
    "Headline\n\nExit mobile version\n",
    "Headline\n\nExit mobile verſion\n",
    "Headline\n\n\u212aeep reading: Related posts\n",
    "Ends with a space \n",
    "Vertical\x0btab and form\x0cfeed",
    "Price: &#163;5 and \u00a05\u2009%",
    "“Quoted” and «guillemets» and \u200bzero-width",
    "CAFÉ CAFé café — Ümlaut",
]


def test_the_hyperscan_screen_finds_what_the_re2_screen_finds(sample: Path) -> None:
    pytest.importorskip("hyperscan")
    re2_screen = Re2Screen([c.prefilter for c in _screened_checks()])  # type: ignore[misc]
    patterns = re2_screen.patterns
    hyperscan_screen = HyperscanScreen.build(re2_screen)
    assert hyperscan_screen is not None
    assert len(hyperscan_screen.ids) > len(patterns) // 2  # it takes most of them, not none
    texts = [path.read_text(encoding="utf-8") for path in sorted(sample.glob("*.txt"))] + TRICKY
    for text in texts:
        encoded = text.encode()
        assert hyperscan_screen.matches(encoded) == re2_screen.matches(encoded), text[:80]


def test_a_long_run_switches_to_hyperscan_and_keeps_the_same_candidates(sample: Path) -> None:
    pytest.importorskip("hyperscan")
    checks = Linter(Settings(select=("ALL",)))._checks
    texts = [path.read_text(encoding="utf-8") for path in sorted(sample.glob("*.txt"))] + TRICKY
    switching = PrefilterSet(checks, hyperscan_after=1)
    re2_only = PrefilterSet(checks, hyperscan_after=0)
    for text in texts:
        assert switching.candidates(text) == re2_only.candidates(text)
    assert switching._hyperscan is not None and re2_only._hyperscan is None


def test_a_worker_told_of_a_long_run_builds_hyperscan_at_once_and_a_short_run_never() -> None:
    pytest.importorskip("hyperscan")
    checks = Linter(Settings(select=("ALL",)))._checks
    long_run, short_run = PrefilterSet(checks), PrefilterSet(checks)
    long_run.expect(HYPERSCAN_AFTER)
    short_run.expect(HYPERSCAN_AFTER - 1)
    assert long_run._hyperscan is not None and short_run._hyperscan is None
