"""Peak memory of `corpuslint export` on a JSONL corpus, measured with /usr/bin/time -v.

Builds the corpus with bench/corpus.py (JSONL only), exports it to Parquet,
and prints the command, the wall time, the rows written and the peak RSS
(the largest of the main process and each worker: `time -v` reports the
largest resident set of the process tree's members). The export streams
batch by batch, so peak RSS should not grow with the corpus.

    python bench/export_bench.py --size-mb 1000
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, articles, default_source, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=1000)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    out = args.out or ROOT / "bench" / "out" / f"export-{args.size_mb:g}mb"
    corpus = out / "corpus.jsonl"
    if not corpus.exists():
        count, size = write(out, articles(default_source(), args.size_mb), files=False)
        print(f"built {corpus}: {count} documents, {size / 1e6:.1f} MB")
    target = out / "corpus.parquet"
    command = ["/usr/bin/time", "-v", shutil.which("corpuslint") or "corpuslint", "export",
               str(corpus), "-o", str(target), "--isolated"]
    if args.jobs:
        command += ["--jobs", str(args.jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tree_peak = 0
    while process.poll() is None:
        tree_peak = max(tree_peak, _tree_rss_kb(process.pid))
        time.sleep(0.2)
    stdout, stderr = process.communicate()
    done = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    seconds = time.perf_counter() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    print("$ " + " ".join(command[2:]))
    print(done.stderr.strip().splitlines()[0] if done.stderr.strip() else "")
    print(f"exit {done.returncode}, {seconds:.0f} s, corpus {corpus.stat().st_size / 1e6:.0f} MB, "
          f"peak RSS {int(peak[1]) / 1024 if peak else float('nan'):.0f} MB (time -v: largest process), "
          f"{tree_peak / 1024:.0f} MB (sampled sum of the process tree)")
    return done.returncode


def _tree_rss_kb(root: int) -> int:
    """The summed VmRSS of `root` and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


if __name__ == "__main__":
    sys.exit(main())
