"""Big and bad inputs: bounded memory, bounded output, and no run that passes on what it did not read.

The limits are measured on the real CLI in a child process: its peak RSS from
`resource.getrusage(RUSAGE_CHILDREN)` in a fresh wrapper process (so no other
test's child counts), its wall time around it.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from clirun import corpuslint

MEASURE = """
import json, resource, shutil, subprocess, sys, time
start = time.monotonic()
done = subprocess.run([shutil.which("corpuslint"), *sys.argv[1:]], capture_output=True)
print(json.dumps({"code": done.returncode, "seconds": time.monotonic() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "stdout": done.stdout.decode("utf-8", "replace"),
                  "stderr": done.stderr.decode("utf-8", "replace")}))
"""


def measured(cwd: Path, *args: str) -> dict:
    """`corpuslint check --isolated --no-cache ARGS` with its exit code, time and peak memory."""
    wrapper = subprocess.run([sys.executable, "-c", MEASURE, "check", "--isolated", "--no-cache", *args],
                             cwd=cwd, capture_output=True, text=True, timeout=600, check=True)
    result = json.loads(wrapper.stdout)
    assert "Traceback" not in result["stderr"], result["stderr"]
    return result


def within_limits(run: dict) -> None:
    """The issue's limits for one document of up to 100 MB: a minute, 2 GB."""
    assert run["seconds"] < 60, run["seconds"]
    assert run["peak_mb"] < 2048, run["peak_mb"]


@cache
def vocabulary() -> list[str]:
    """20,000 made-up words, the same in every test."""
    rng = random.Random(0)
    return ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9))) for _ in range(20_000)]


def words(rng: random.Random, count: int) -> list[str]:
    return rng.choices(vocabulary(), k=count)


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = corpuslint("check", "--isolated", "--no-cache", *args, cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def codes(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [f["code"] for f in json.loads(result.stdout)]


ARTICLE = ("Markets rally\n\nShares rose on Monday as investors cheered the news from the central "
           "bank and traders bought stocks across the board.\n")


def test_random_bytes_are_one_not_text_finding(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(20_000))  # no NUL: not "binary"
    (tmp_path / "noise.txt").write_bytes(data)
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    result = check(tmp_path, ".", "--output-format", "json")
    found = json.loads(result.stdout)
    assert [(f["filename"], f["code"]) for f in found if f["filename"] == "noise.txt"] == [("noise.txt", "U004")]
    assert "control, unassigned or private-use" in found[0]["message"]
    assert "noise.txt: not text" in result.stderr
    assert "1 file skipped: 1 not text" in result.stderr


def test_random_unicode_in_a_record_is_one_not_text_finding(tmp_path: Path) -> None:
    rng = random.Random(3)
    noise = "".join(chr(rng.randrange(0x20, 0x10FFFF)) for _ in range(3_000))
    noise = noise.encode("utf-8", "replace").decode("utf-8")
    lines = [json.dumps({"id": "a", "text": ARTICLE}), json.dumps({"id": "b", "text": noise})]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = json.loads(check(tmp_path, "corpus.jsonl", "--output-format", "json").stdout)
    assert [f["code"] for f in found if f["location"]["row"] == 2] == ["U004"]


def test_a_named_path_that_is_skipped_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    named = check(tmp_path, "image.txt", "ok.txt", "--select", "W")
    assert named.returncode == 2
    assert "image.txt was named but not read (binary)" in named.stderr
    assert check(tmp_path, "image.txt", "ok.txt", "--select", "W", "--skip-unreadable").returncode == 0
    (tmp_path / "corpuslint.toml").write_text("skip-unreadable = true\n", encoding="utf-8")
    configured = corpuslint("check", "--no-cache", "image.txt", "ok.txt", "--select", "W", cwd=tmp_path)
    assert configured.returncode == 0, configured.stderr
    assert check(tmp_path, ".", "--select", "W").returncode == 0  # found by a walk: counted, not fatal


def test_findings_of_one_code_are_capped_at_50_per_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\n" + "the the cat. " * 200 + "\n", encoding="utf-8")
    found = json.loads(check(tmp_path, "a.txt", "--select", "W103", "--output-format", "json").stdout)
    assert len(found) == 51
    assert found[-1]["message"] == "150 more W103 findings in this document not shown (--no-finding-cap shows all)"
    assert found[-1]["location"]["column"] > found[-2]["location"]["column"]
    everything = check(tmp_path, "a.txt", "--select", "W103", "--output-format", "json", "--no-finding-cap")
    assert codes(everything) == ["W103"] * 200
    fixed = check(tmp_path, "a.txt", "--select", "W103", "--fix")  # the fixer sees them all
    assert "200 fixed" in fixed.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").count("the the") == 0


def test_over_max_document_size_one_finding_and_cheap_rules(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("Title\n\nthe the cat\x01 sat.\n" * 100, encoding="utf-8")
    found = json.loads(check(tmp_path, "big.txt", "--max-document-size", "1kB",
                             "--output-format", "json").stdout)
    assert [f["code"] for f in found if f["code"] != "U103"] == ["U005"]
    assert "over max-document-size (1,000)" in found[0]["message"]
    assert {f["code"] for f in found} == {"U005", "U103"}
    assert "W103" in codes(check(tmp_path, "big.txt", "--output-format", "json"))
    (tmp_path / "corpuslint.toml").write_text('max-document-size = "1kB"\n', encoding="utf-8")
    configured = corpuslint("check", "--no-cache", "big.txt", "--output-format", "json", cwd=tmp_path)
    assert "U005" in codes(configured)
    bad = check(tmp_path, "big.txt", "--max-document-size", "lots")
    assert bad.returncode == 2
    assert "'--max-document-size' must be a number of characters or a size such as \"50MB\"" in bad.stderr


def test_fix_keeps_the_corpus_pass(tmp_path: Path) -> None:
    article = ARTICLE.replace("the news", "the the news") + "\nExit mobile version\n"
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(article, encoding="utf-8")
    before = set(codes(check(tmp_path, ".", "--output-format", "json")))
    fixed = check(tmp_path, ".", "--fix", "--output-format", "json")
    after = set(codes(fixed))
    assert {"B101", "W103"} <= before
    assert after == before - {"B101", "W103"}  # what --fix fixed, and nothing else, is gone
    assert "D101" in after


DIRTY = "Markets rally\n\nShares rose the the day.\n\nExit mobile version\n"
CLEANED = "Markets rally\n\nShares rose the day.\n"


def test_fix_on_jsonl_changes_only_the_fixed_records_text(tmp_path: Path) -> None:
    lines = [
        '{"id": "a", "meta": {"x": 1.50, "u": "caf\\u00e9"},  "text": ' + json.dumps(DIRTY) + ', "n": [1,2]}',
        "",
        '{"text":"Clean text, left alone.\\n","id":"b"}',
        "not json",
        '{"id":"c","text":' + json.dumps("Café " + DIRTY, ensure_ascii=False) + "}",
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    before = check(tmp_path, "corpus.jsonl")
    assert "(4 fixable with --fix)" in before.stderr
    fixed = check(tmp_path, "corpus.jsonl", "--fix")
    assert "4 fixed" in fixed.stderr
    after = path.read_bytes()
    expected = [
        lines[0].replace(json.dumps(DIRTY), json.dumps(CLEANED)),  # ASCII line: ASCII escapes kept
        "", lines[2], lines[3],
        '{"id":"c","text":' + json.dumps("Café " + CLEANED, ensure_ascii=False) + "}",
    ]
    assert after == b"\xef\xbb\xbf" + "\r\n".join(expected).encode("utf-8") + b"\r\n"
    check(tmp_path, "corpus.jsonl", "--fix")
    assert path.read_bytes() == after  # a fixed point


def test_fix_on_parquet_keeps_schema_and_row_order(tmp_path: Path) -> None:
    import polars as pl

    frame = pl.DataFrame({"id": ["a", "b", "c"], "text": [DIRTY, None, "Clean.\n"], "n": [3, 1, 2]},
                         schema={"id": pl.String, "text": pl.String, "n": pl.Int16})
    frame.write_parquet(tmp_path / "corpus.parquet")
    check(tmp_path, "corpus.parquet", "--fix")
    after = pl.read_parquet(tmp_path / "corpus.parquet")
    assert after.schema == frame.schema
    assert after.to_dicts() == frame.with_columns(pl.Series("text", [CLEANED, None, "Clean.\n"])).to_dicts()


@pytest.mark.slow
def test_doubled_word_and_brackets_on_huge_lines_finish_with_capped_output(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("Title\n\n" + "word " * 4_000_000 + "\n", encoding="utf-8")
    (tmp_path / "brackets.txt").write_text("Title\n\n" + ")" * 400_000 + "\n", encoding="utf-8")
    for name, code, total in (("words.txt", "W103", 2_000_000), ("brackets.txt", "Q103", 400_000)):
        run = measured(tmp_path, name, "--output-format", "json")
        found = [f for f in json.loads(run["stdout"]) if f["code"] == code]
        assert len(found) == 51
        assert found[-1]["message"].startswith(f"{total - 50:,} more {code} findings")
        within_limits(run)


@pytest.mark.slow
def test_a_100_mb_document_is_checked_in_bounded_time_and_memory(tmp_path: Path) -> None:
    rng = random.Random(1)
    line = " ".join(words(rng, 200_000)) + "\n"  # about 1.3 MB
    with (tmp_path / "dump.txt").open("w", encoding="utf-8") as out:
        out.write("A headline\n\n")
        for _ in range(100_000_000 // len(line) + 1):
            out.write(line)
    (tmp_path / "small.txt").write_text(ARTICLE, encoding="utf-8")
    run = measured(tmp_path, ".", "--output-format", "json")  # the corpus pass included
    assert [f["code"] for f in json.loads(run["stdout"]) if f["filename"] == "dump.txt"] == ["U005"]
    within_limits(run)


@pytest.mark.slow
def test_two_20_mb_documents_go_through_the_corpus_pass_in_bounded_memory(tmp_path: Path) -> None:
    rng = random.Random(2)
    body = ". ".join(" ".join(words(rng, 12)).capitalize() for _ in range(300_000))
    (tmp_path / "long.txt").write_text("A headline\n\n" + body + ".\n", encoding="utf-8")
    (tmp_path / "copy.txt").write_text("Other headline\n\n" + body + ".\n", encoding="utf-8")
    run = measured(tmp_path, ".", "--select", "D", "--output-format", "json")
    found = json.loads(run["stdout"])
    # The later path of two copies is the one reported; the hash covers the whole 20 MB body.
    assert ("long.txt", "D101") in {(f["filename"], f["code"]) for f in found}
    within_limits(run)
