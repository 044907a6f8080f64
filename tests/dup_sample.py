"""A sample with every kind of duplication the corpus pass groups by key, in files and records.

Exact copies (between files, between records, and between a file and a record),
near copies, a rewrite (seeds 001 and 002) and a line of site chrome under many
articles: shared by the tests that compare ways of making the corpus pass's groupings.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import BBC_SAMPLE, ROOT

FOLLOW = "Follow us on Twitter @examplenews for every update"


def build_duplicates(folder: Path) -> Path:
    """news/*.txt and corpus.jsonl (in `folder`): copies, near copies, a rewrite and a repeated line."""
    articles = sorted(BBC_SAMPLE.rglob("*.txt"))[:40]
    texts = [path.read_text(encoding="utf-8") for path in articles]
    (folder / "news").mkdir()
    for i, text in enumerate(texts[:24]):
        tail = f"\n{FOLLOW}\n" if i % 3 == 0 else ""
        (folder / "news" / f"{i:02d}.txt").write_text(text + tail, encoding="utf-8")
    (folder / "news" / "copy-of-03.txt").write_text(texts[3], encoding="utf-8")
    head, body = texts[5].split("\n", 1)
    (folder / "news" / "near-05.txt").write_text(head + "\n" + body.replace(" the ", " a ", 2),
                                                 encoding="utf-8")
    for seed in ("001", "002"):
        source = next((ROOT / "seeds").glob(f"{seed}_*.txt"))
        (folder / "news" / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    records = [{"id": f"r{i}", "text": text + (f"\n{FOLLOW}\n" if i % 2 else "")}
               for i, text in enumerate(texts[20:])]
    records.append({"id": "copy-of-r1", "text": records[1]["text"]})
    records.append({"id": "copy-of-file-07", "text": texts[7]})
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder
