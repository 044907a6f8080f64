"""`corpuslint report`: the HTML page, read as text and rendered in headless Chromium.

The corpus text is hostile on purpose in one test: markup and links in the
documents, in file names and in record ids must show as text, never run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from browser import browser, pixel_stats
from conftest import ROOT, SEEDS

from corpuslint import api
from corpuslint.config import Settings
from corpuslint.report import html as html_report
from corpuslint.report.digest import Limits

DOCS_SHOT = ROOT / "docs" / "report.png"


def _seeds(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    return corpus


def test_report_on_the_seeds_holds_counts_clusters_and_marked_examples(tmp_path: Path) -> None:
    corpus = _seeds(tmp_path)
    out = tmp_path / "report.html"
    run = api.write_report([str(corpus)], str(out), Settings())
    page = out.read_text(encoding="utf-8")
    by_severity = {s: sum(f.diagnostic.severity.label == s for f in run.findings)
                   for s in ("error", "warning", "info")}
    fixable = sum(f.diagnostic.safely_fixable for f in run.findings)
    assert (f"{len(run.findings)} findings in 5 files: {by_severity['error']} errors, "
            f"{by_severity['warning']} warnings, {by_severity['info']} info ({fixable} fixable with --fix)."
            ) in page
    # Seed 002 rewrites seed 001: the cluster's head is 001 and 002 is its member.
    rewrites = page[page.index('id="clusters-D103"'):]
    assert rewrites.index("001_407f6368bc9a3485.txt") < rewrites.index("002_71ed27c29c43aa56.txt")
    # Every code found has an example section, and the M101 example marks the LaTeX wrapper
    # and shows its fix as a diff.
    for code in {f.code for f in run.findings}:
        assert f'id="code-{code}"' in page
    m101 = page[page.index('id="code-M101"'):]
    assert "<mark>$\\frac{https://www.radiohc.cu/en/noticias/internacionales/357113-blinken" in m101
    assert '<span class="add">+ https://www.radiohc.cu/' in m101
    assert "script" not in re.sub(r"<style>.*?</style>", "", page, flags=re.S).lower()


HOSTILE_TEXT = """\
Markets rally <script>document.title='pwned-text'</script>

"><img src=x onerror="document.body.dataset.pwned='img'"> and </svg><script>document.body.dataset.pwned='svg'</script>

Read <a href="javascript:document.body.dataset.pwned='link'">the story</a> &amp; more.

Exit mobile version
"""
HOSTILE_NAMES = [
    '"><img src=x onerror="document.body.dataset.pwned=1">.txt',
    "<script>document.body.dataset.pwned=2<",  # a folder: with the file below, the path holds </svg>
    "javascript:alert(3).txt",
]


def _hostile(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / HOSTILE_NAMES[0]).write_text(HOSTILE_TEXT, encoding="utf-8")
    nested = corpus / HOSTILE_NAMES[1]
    nested.mkdir()
    (nested / "svg><script>x<.txt").write_text(HOSTILE_TEXT, encoding="utf-8")  # ".../<" + "svg>"
    (corpus / HOSTILE_NAMES[2]).write_text(HOSTILE_TEXT.replace("Markets", "Stocks"), encoding="utf-8")
    records = [{"id": '</svg><img src=x onerror="document.body.dataset.pwned=4">', "text": HOSTILE_TEXT},
               {"id": "javascript:alert(5)", "text": "Quiet day\n\nExit mobile version\n"}]
    (corpus / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records),
                                          encoding="utf-8")
    return corpus


def test_hostile_text_paths_and_ids_render_as_text_in_the_browser(tmp_path: Path) -> None:
    corpus = _hostile(tmp_path)
    out = tmp_path / "report.html"
    run = api.write_report([str(corpus), str(corpus / "records.jsonl")], str(out), Settings(),
                     title='<script>document.title="pwned-title"</script>')
    assert any("</svg>" in f.path for f in run.findings)  # the path trick worked
    assert any(f.record is not None and f.record.id and "</svg>" in f.record.id for f in run.findings)
    with browser(tmp_path / "profile") as context:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(out.as_uri())
        page.wait_for_load_state("load")
        state = page.evaluate("""() => ({
            title: document.title,
            pwned: document.body.dataset.pwned || null,
            scripts: document.querySelectorAll('script').length,
            imgs: document.querySelectorAll('img').length,
            jsLinks: [...document.querySelectorAll('a')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href') || '')).length,
            charts: [...document.querySelectorAll('svg.chart')].map(s => s.getBoundingClientRect().height),
            text: document.body.innerText,
        })""")
    assert dialogs == []
    assert state["pwned"] is None
    assert state["scripts"] == 0 and state["imgs"] == 0 and state["jsLinks"] == 0
    assert "pwned" not in state["title"].replace('<script>document.title="pwned-title"</script>', "")
    # The page still renders: three charts with height, and the hostile strings as visible text.
    assert len(state["charts"]) == 3 and all(h > 20 for h in state["charts"])
    for shown in ['"><img src=x onerror="document.body.dataset.pwned=1">.txt',
                  "<script>document.body.dataset.pwned=2</svg><script>x<.txt",
                  "javascript:alert(3).txt", "javascript:alert(5)",
                  "</svg><img src=x onerror=\"document.body.dataset.pwned=4\">"]:
        assert shown in state["text"], shown


def test_charts_draw_in_chromium_and_the_screenshot_is_not_blank(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    api.write_report([str(_seeds(tmp_path))], str(out), Settings(), title="seeds/")
    with browser(tmp_path / "profile") as context:
        page = context.new_page()
        page.goto(out.as_uri())
        boxes = page.evaluate("""() => [...document.querySelectorAll('svg.chart')].map(s => {
            const bars = [...s.querySelectorAll('rect.bar')].map(r => r.getBoundingClientRect());
            return {id: s.parentElement.id, bars: bars.length,
                    sized: bars.filter(b => b.width >= 1 && b.height >= 10).length};
        })""")
        shot = page.screenshot(full_page=False)
        stats = pixel_stats(context, shot)
    assert [b["id"] for b in boxes] == ["chart-severity", "chart-family", "chart-code"]
    assert all(b["bars"] > 0 and b["sized"] == b["bars"] for b in boxes), boxes
    assert stats["share"] > 0.05 and stats["colours"] > 8, stats
    if os.environ.get("CORPUSLINT_UPDATE_GOLDEN"):
        DOCS_SHOT.write_bytes(shot)  # the README links it


@pytest.mark.slow
def test_report_stays_usable_at_100000_findings(tmp_path: Path) -> None:
    """10,000 records with 10 boilerplate lines each: every count exact, every list capped."""
    body = "Rates held\n\n" + "".join(f"Exit mobile version\n\nParagraph {i} of news.\n\n" for i in range(10))
    data = tmp_path / "big.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for n in range(10_000):
            fh.write(json.dumps({"id": f"rec-{n}", "text": body}) + "\n")
    out = tmp_path / "report.html"
    run = api.write_report([str(data)], str(out), Settings().with_overrides(select=("B101",)))
    assert len(run.findings) == 100_000
    page = out.read_text(encoding="utf-8")
    limits = Limits()
    assert len(page) < 2_000_000
    assert "100,000 findings in 1 file: 0 errors, 100,000 warnings, 0 info" in page
    assert f"The first {limits.findings} of 100,000" in page
    assert f"{limits.worst} of 10,000 records with findings" in page
    assert page.count('<div class="example">') == limits.examples_per_code
    with browser(tmp_path / "profile") as context:
        page_ = context.new_page()
        page_.goto(out.as_uri())
        rows = page_.evaluate("document.querySelectorAll('#findings tr').length")
    assert rows == limits.findings + 1


def test_render_escapes_a_code_name_and_message_it_is_given() -> None:
    """The renderer escapes by itself, whatever a rule pack puts in a message."""
    import io

    from corpuslint.model.diagnostic import Diagnostic, Severity
    from corpuslint.model.document import Document
    from corpuslint.model.finding import locate

    doc = Document("one <b>two</b>\n", 'a"b<i>.txt')
    found = locate(doc, Diagnostic("X101", "odd-name", 'Message <script>x</script> "q"', 4, 7,
                                   Severity.WARNING), with_excerpt=True)
    buf = io.StringIO()
    html_report.render([found], buf, title="t", files=1)
    page = buf.getvalue()
    assert "Message &lt;script&gt;x&lt;/script&gt; &quot;q&quot;" in page
    assert "a&quot;b&lt;i&gt;.txt" in page
    assert "<mark>&lt;b&gt;</mark>" in page
