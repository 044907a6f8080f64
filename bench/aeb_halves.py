"""B2 on the article-extraction benchmark's crude pages, per half, beside the benchmark's own extractors.

    python bench/aeb_halves.py ../shared/corpora/aeb            # corpuslint on PATH (your venv)
    python bench/aeb_halves.py ../shared/corpora/aeb --extend-select B2 --ignore B1

Writes html-text's text of every page to a temporary folder, runs
`corpuslint check --isolated --fix --unsafe-fixes <options>` on it, and scores
the result with the benchmark's own evaluate.py (shingle F1, precision,
recall) on the tuning half (page ids 0-7, what tools/train_b2.py learned
from), the held-out half (8-f) and all pages; then the same for html-text
itself, jusText and trafilatura from the benchmark's `output/` files. Prints
a Markdown table (docs/web-text.md holds the last one).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PEERS = ("html-text", "justext", "trafilatura")
HALVES = (("tuning (0-7)", "01234567"), ("held out (8-f)", "89abcdef"), ("all", "0123456789abcdef"))


def _output(aeb: Path, name: str) -> dict[str, Any]:
    data = json.loads((aeb / "output" / f"{name}.json").read_text(encoding="utf-8"))
    return data["output"] if set(data) == {"version", "output"} else data


def _corpuslint(crude: dict[str, Any], options: list[str]) -> dict[str, dict[str, str]]:
    folder = Path(tempfile.mkdtemp())
    try:
        for key, page in crude.items():
            (folder / f"{key}.txt").write_text(page["articleBody"].rstrip("\n") + "\n", encoding="utf-8")
        done = subprocess.run(["corpuslint", "check", "--isolated", "--fix", "--unsafe-fixes", *options,
                               str(folder)], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode not in (0, 1):
            raise SystemExit(f"corpuslint failed (exit {done.returncode}): {done.stderr[-300:]}")
        return {key: {"articleBody": (folder / f"{key}.txt").read_text(encoding="utf-8")} for key in crude}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    aeb, options = Path(args[0]), args[1:] or ["--extend-select", "B2"]
    spec = importlib.util.spec_from_file_location("aeb_evaluate", aeb / "evaluate.py")
    assert spec and spec.loader
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    crude = _output(aeb, "html-text")
    systems = {f"corpuslint {' '.join(options)} (html-text)": _corpuslint(crude, options)}
    systems.update({name: _output(aeb, name) for name in PEERS})
    print("| system | " + " | ".join(f"{half} F1 / P / R" for half, _ in HALVES) + " |")
    print("|---|" + "---|" * len(HALVES))
    for name, predicted in systems.items():
        cells = []
        for _, digits in HALVES:
            keys = [k for k in truth if k[0] in digits]
            m = evaluate.evaluate({k: truth[k] for k in keys}, {k: predicted[k] for k in keys}, 1)
            cells.append(f"{m['f1']:.3f} / {m['precision']:.3f} / {m['recall']:.3f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
