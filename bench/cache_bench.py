"""How much the results cache saves: a cold run, then a second run over unchanged files.

    python bench/cache_bench.py [--copies N] [--repeat R]

Builds a corpus of N copies of ../shared/corpora/bbc-dev (plus the seeds, so
rules have findings to cache) under a temporary folder, then times the
installed `corpuslint check` as a user runs it (a subprocess, start-up
included): with `--no-cache`, a first run that fills the cache, and second
runs that find every file unchanged. Prints a Markdown table for
bench/RESULTS.md. Output is compared too: a cache hit must change nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC_DEV = ROOT.parent.parent / "shared" / "corpora" / "bbc-dev"
if not BBC_DEV.is_dir():
    BBC_DEV = ROOT / "tests" / "data" / "bbc-sample"


def build(folder: Path, copies: int) -> tuple[int, int]:
    files = size = 0
    for copy in range(copies):
        for source in sorted(BBC_DEV.rglob("*.txt")):
            target = folder / f"copy{copy:02d}" / source.relative_to(BBC_DEV)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            files += 1
            size += source.stat().st_size
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copyfile(seed, folder / seed.name)
        files += 1
        size += seed.stat().st_size
    return files, size


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed: {result.stderr}")
    return elapsed, result.stdout


def in_process(corpus: Path, repeat: int) -> tuple[float, float]:
    """Median seconds of the linting step alone (files already discovered): uncached, all hits."""
    from corpuslint import api
    from corpuslint.config import Settings
    from corpuslint.engine.cache import Cache
    from corpuslint.engine.linter import Linter

    settings = Settings(root=corpus)
    linter = Linter(settings)
    files, _ = api.discover([str(corpus)], settings)
    folder = corpus / "in-process-cache"

    def run(cached: bool) -> float:
        cache = Cache.for_run(folder, settings, linter, False) if cached else None
        start = time.perf_counter()
        api.check_paths(files, settings, linter=linter, cache=cache)
        return time.perf_counter() - start

    cold = statistics.median(run(False) for _ in range(repeat))
    run(True)  # fill
    warm = statistics.median(run(True) for _ in range(repeat))
    return cold, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    exe = shutil.which("corpuslint")
    if exe is None:
        sys.exit("install corpuslint first: pip install -e .")
    with tempfile.TemporaryDirectory(prefix="corpuslint-cache-bench-") as tmp:
        corpus = Path(tmp)
        files, size = build(corpus, args.copies)
        base = [exe, "check", "--isolated", "--output-format", "json", "."]
        no_cache = [timed([*base, "--no-cache"], corpus) for _ in range(args.repeat)]
        first, first_out = timed(base, corpus)
        warm = [timed(base, corpus) for _ in range(args.repeat)]
        assert all(out == no_cache[0][1] for _, out in [*no_cache, (first, first_out), *warm]), (
            "cached output differs from uncached output"
        )
        cold_s = statistics.median(t for t, _ in no_cache)
        warm_s = statistics.median(t for t, _ in warm)
        print(
            f"corpus: {files} files, {size / 1e6:.1f} MB ({args.copies} copies of {BBC_DEV.name} "
            f"+ seeds), {os.cpu_count()} cores, median of {args.repeat}"
        )
        print()
        print("| run | wall time | MB/s | vs --no-cache |")
        print("|---|---|---|---|")
        for name, seconds in (
            ("--no-cache", cold_s),
            ("first run (fills the cache)", first),
            ("second run (all hits)", warm_s),
        ):
            print(
                f"| {name} | {seconds:.2f} s | {size / 1e6 / seconds:.0f} "
                f"| {cold_s / seconds:.1f}x |"
            )
        cold, hot = in_process(corpus, args.repeat)
        print()
        print("The linting step alone (api.check_paths, in process, files already discovered):")
        print()
        print("| run | time | MB/s | vs uncached |")
        print("|---|---|---|---|")
        for name, seconds in (("uncached", cold), ("all hits", hot)):
            print(
                f"| {name} | {seconds:.3f} s | {size / 1e6 / seconds:.0f} | {cold / seconds:.1f}x |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
