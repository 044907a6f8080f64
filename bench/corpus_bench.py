"""The corpus pass against datasketch used directly, at 10k, 20k and 40k documents.

The corpus is bbc-dev replicated with random word edits (0-5% of words), so
it holds many near copies, as a scraped corpus does. Each run is a separate
process timed by /usr/bin/time (wall time and peak RSS of the main process,
which holds every document's features):

- corpuslint D101,D102: hashes and MinHash signatures computed in the
  per-document pass (every core), then the corpus pass;
- corpuslint D (all five corpus rules);
- datasketch directly: one process, MinHash(128) over word 5-grams with
  update_batch, MinHashLSH(0.8) insert and query: the usual recipe.

    python bench/corpus_bench.py [--sizes 10000 20000 40000] [--results bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import replace_section  # bench/ is not a package: found by the path above

# ../shared beside the checkout, found as tests/conftest.py finds it.
BBC_DEV = next((f / "shared" / "corpora" / "bbc-dev" for f in Path(__file__).resolve().parents
                if (f / "shared" / "corpora" / "bbc-dev").is_dir()), Path("bbc-dev"))
SECTION = "## Corpus pass (D rules)"

DATASKETCH = r'''
import re, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import replace_section  # bench/ is not a package: found by the path above
from datasketch import MinHash, MinHashLSH
word = re.compile(r"\w+")
lsh = MinHashLSH(threshold=0.8, num_perm=128)
pairs = 0
for i, path in enumerate(sorted(Path(sys.argv[1]).rglob("*.txt"))):
    words = word.findall(path.read_text(encoding="utf-8").lower())
    m = MinHash(num_perm=128)
    m.update_batch([" ".join(words[j:j + 5]).encode() for j in range(max(1, len(words) - 4))])
    pairs += len(lsh.query(m))
    lsh.insert(i, m)
print(pairs)
'''


def build(size: int, folder: Path) -> None:
    """`size` documents: bbc-dev over and over, each copy with its own random edits."""
    rng = random.Random(size)
    sources = [p.read_text(encoding="utf-8") for p in sorted(BBC_DEV.glob("*/*.txt"))]
    for i in range(size):
        headline, _, body = sources[i % len(sources)].partition("\n")
        words = body.split(" ")
        rate = rng.uniform(0, 0.05)
        edited = [rng.choice(words) if rng.random() < rate else w for w in words]
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(headline + "\n" + " ".join(edited), encoding="utf-8")


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB, and stdout of a command run under /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", *command],
                            capture_output=True, text=True, check=True)
    seconds, kilobytes = re.search(r"TIME (\S+) (\S+)", result.stderr).groups()
    return float(seconds), int(kilobytes) / 1024, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 20000, 40000])
    parser.add_argument("--results", type=Path, default=Path(__file__).parent / "RESULTS.md")
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "corpuslint")
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            build(size, folder)
            check = [exe, "check", "--isolated", "--no-progress", "--exit-zero",
                     "--statistics", "--output-format", "json"]
            for label, command in (
                ("corpuslint D101,D102", [*check, "--select", "D101,D102", str(folder)]),
                ("corpuslint D (all five)", [*check, "--select", "D", str(folder)]),
                ("datasketch directly", [sys.executable, "-c", DATASKETCH, str(folder)]),
            ):
                seconds, megabytes, _ = timed(command)
                rows.append((size, label, seconds, megabytes))
                print(f"{size:>6} {label:<26} {seconds:7.1f} s {megabytes:7.0f} MB", flush=True)
    write(args.results, rows)
    return 0


def write(path: Path, rows: list[tuple[int, str, float, float]]) -> None:
    """Replace this benchmark's section of RESULTS.md, leaving the others alone."""
    lines = [SECTION, "",
             f"`python bench/corpus_bench.py` on {os.cpu_count()} cores: bbc-dev replicated with "
             "0-5% random word edits; wall time and peak RSS of the main process.", "",
             "| documents | tool | wall (s) | peak RSS (MB) | ms per document |",
             "|---:|---|---:|---:|---:|"]
    lines += [f"| {n:,} | {label} | {s:.1f} | {mb:.0f} | {1000 * s / n:.2f} |"
              for n, label, s, mb in rows]
    replace_section(path, lines)


if __name__ == "__main__":
    sys.exit(main())
