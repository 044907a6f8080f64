"""`corpuslint report`: one self-contained HTML page about a corpus.

Charts of the findings by severity, family and code (inline SVG), the worst
files and records, the corpus pass's clusters, examples of each code with the
flagged span marked and its fix as a diff, and the first findings. The page
loads nothing: no script, no font, no image, and a Content-Security-Policy
that forbids them, so opening it never reaches the network.

Corpus text is untrusted: every string that comes from a document, a path, a
record id or a message goes through `html.escape` (quotes included) before
it reaches the page, and nothing from the corpus ever becomes a link.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from datetime import datetime, timezone
from html import escape
from importlib import resources
from typing import TextIO

from corpuslint import __version__
from corpuslint.engine.rule import docs_url
from corpuslint.model.diagnostic import Severity
from corpuslint.model.finding import Finding
from corpuslint.report.clusters import ClusterKind, clusters
from corpuslint.report.digest import SEVERITIES, Digest, Limits, Place, digest
from corpuslint.report.excerpt_html import diff_block, marked_block
from corpuslint.report.svgchart import Bar, Segment, bar_chart

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"
TOP_CODES = 30


def write(output: str, findings: Sequence[Finding], *, title: str, files: int) -> None:
    """The page in `output`: written beside it under this process's name, then renamed into
    place, so a failed run leaves no half page (the file gets the user's umask, as any)."""
    tmp = os.path.join(os.path.dirname(os.path.abspath(output)),
                       f".{os.path.basename(output)}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            render(findings, out, title=title, files=files)
        os.replace(tmp, output)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.remove(tmp)
        raise


def render(findings: Sequence[Finding], out: TextIO, *, title: str, files: int,
           limits: Limits | None = None) -> None:
    """Write the page for `findings` over `files` linted files."""
    limits = limits or Limits()
    found = digest(findings, files, limits)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    css = resources.files("corpuslint.report").joinpath("html.css").read_text(encoding="utf-8")
    out.write(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>corpuslint report: {escape(title)}</title><style>{css}</style></head><body>"
        f"<h1>corpuslint report: <span class=\"path\">{escape(title)}</span></h1>"
        f'<p class="summary" id="summary">{escape(summary_line(found))}</p>'
        f'<p class="muted">corpuslint {escape(__version__)}, {stamp}.</p>'
    )
    for section in (_charts(found), _places(found), _clusters(clusters(findings, limits.clusters),
                    limits.members), _examples(found), _findings(found)):
        out.write(section)
    out.write("</body></html>\n")


def summary_line(found: Digest) -> str:
    counts = ", ".join(_plural(found.by_severity[s], s.label) for s in SEVERITIES)
    return (f"{_plural(found.total, 'finding')} in {_plural(found.files, 'file')}: {counts} "
            f"({found.fixable:,} fixable with --fix).")


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n:,} info"
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _sev(severity: Severity) -> str:
    return f"sev-{severity.label}"


def _charts(found: Digest) -> str:
    if not found.total:
        return "<p>No findings.</p>"
    severity = [Bar(s.label, (Segment(found.by_severity[s], _sev(s)),)) for s in SEVERITIES]
    families = [Bar(name, tuple(Segment(c[s], _sev(s)) for s in SEVERITIES))
                for name, c in sorted(found.by_family.items())]
    codes = [Bar(f"{code} {found.code_name[code]}", (Segment(n, _sev(found.code_severity[code])),),
                 anchor=f"code-{code}") for code, n in found.by_code.most_common(TOP_CODES)]
    more = len(found.by_code) - len(codes)
    note = f'<p class="more">and {more:,} more codes, in the examples below.</p>' if more > 0 else ""
    figures = [("severity", severity, ""), ("family", families, ""), ("code", codes, note)]
    return ('<h2>Findings</h2><div class="charts">' + "".join(
        f'<figure id="chart-{name}"><figcaption>By {name}</figcaption>'
        f'{bar_chart(bars, f"Findings by {name}")}{extra}</figure>' for name, bars, extra in figures)
        + "</div>")


def _count_cells(place: Place) -> str:
    return "".join(f'<td class="num {_sev(s)}">{place.counts.get(s, 0):,}</td>' for s in SEVERITIES) + \
        f'<td class="num">{place.total:,}</td>'


def _places(found: Digest) -> str:
    if not found.worst_files:
        return ""
    heads = "".join(f'<th class="num">{s.label}</th>' for s in SEVERITIES) + '<th class="num">all</th>'
    rows = "".join(f'<tr><td class="path">{escape(p.path)}</td>{_count_cells(p)}</tr>'
                   for p in found.worst_files)
    html = (f'<h2>Worst files</h2><p class="more">{len(found.worst_files):,} of '
            f'{found.files_with_findings:,} files with findings.</p>'
            f'<table id="worst-files"><tr><th>file</th>{heads}</tr>{rows}</table>')
    if found.worst_records:
        rows = "".join(
            f'<tr><td class="path">{escape(p.path)}</td><td class="num">{p.record}</td>'
            f'<td class="path">{escape(p.record_id or "")}</td>{_count_cells(p)}</tr>'
            for p in found.worst_records)
        html += (f'<h3>Worst records</h3><p class="more">{len(found.worst_records):,} of '
                 f'{found.records_with_findings:,} records with findings.</p>'
                 f'<table id="worst-records"><tr><th>file</th><th class="num">record</th><th>id</th>'
                 f"{heads}</tr>{rows}</table>")
    return html


def _where(f: Finding) -> str:
    """path:row:col, and for a record its number and id."""
    where = f"{f.path}:{f.location.row}:{f.location.column}"
    if f.record is not None:
        where = f"{f.path} record {f.record.number}"
        if f.record.id is not None:
            where += f", id {f.record.id}"
        if f.text_location is not None:
            where += f", text {f.text_location.row}:{f.text_location.column}"
    return where


def _clusters(kinds: list[ClusterKind], members: int) -> str:
    if not kinds:
        return ""
    html = ["<h2>Across the corpus</h2>"]
    for kind in kinds:
        html.append(f'<h3 id="clusters-{kind.code}">{escape(kind.title)} ({kind.code}): '
                    f"{kind.total:,} clusters</h3>")
        for cluster in kind.clusters:
            items = "".join(f'<li class="path">{escape(_where(f))}</li>' for f in cluster.members[:members])
            rest = len(cluster.members) - members
            if rest > 0:
                items += f'<li class="more">and {rest:,} more</li>'
            html.append(f'<div class="cluster"><span class="path">{escape(cluster.head)}</span> '
                        f'<span class="muted">({len(cluster.members):,} more documents)</span>'
                        f"<ul>{items}</ul></div>")
        if kind.total > len(kind.clusters):
            html.append(f'<p class="more">and {kind.total - len(kind.clusters):,} smaller clusters.</p>')
    return "".join(html)


def _example(f: Finding) -> str:
    d = f.diagnostic
    html = (f'<div class="example"><div class="where"><span class="path">{escape(_where(f))}</span> '
            f'<span class="{_sev(d.severity)}">{d.severity.label}</span></div>'
            f"<div>{escape(d.message)}</div>")
    if f.excerpt is not None:
        html += marked_block(f.excerpt, f.location, f.end_location)
        if d.fix is not None and f.excerpt.fixed is not None:
            html += (f'<div class="muted">{escape(d.fix.applicability.value)} fix: '
                     f"{escape(d.fix.title)}</div>{diff_block(f.excerpt)}")
    elif d.fix is not None:
        html += f'<div class="muted">{escape(d.fix.applicability.value)} fix: {escape(d.fix.title)}</div>'
    return html + "</div>"


def _examples(found: Digest) -> str:
    if not found.examples:
        return ""
    html = ["<h2>Examples of each code</h2>"]
    for code, shown in found.examples.items():
        name = found.code_name[code]
        link = docs_url(code, name)
        html.append(f'<h3 id="code-{escape(code)}"><a href="{escape(link)}">{escape(code)}</a> '
                    f"<code>{escape(name)}</code> "
                    f'<span class="muted">{found.by_code[code]:,} findings</span></h3>')
        html.extend(_example(f) for f in shown)
    return "".join(html)


def _findings(found: Digest) -> str:
    if not found.shown:
        return ""
    rows = "".join(
        f'<tr><td class="path">{escape(_where(f))}</td><td>{escape(f.code)}</td>'
        f'<td class="{_sev(f.diagnostic.severity)}">{f.diagnostic.severity.label}</td>'
        f"<td>{escape(f.diagnostic.message)}</td></tr>" for f in found.shown)
    more = found.total - len(found.shown)
    note = (f'<p class="more">The first {len(found.shown):,} of {found.total:,}; '
            "`corpuslint check --output-format json` lists them all.</p>") if more > 0 else ""
    return (f"<h2>All findings</h2><details><summary>{found.total:,} findings</summary>{note}"
            f'<table id="findings"><tr><th>where</th><th>code</th><th>severity</th><th>message</th></tr>'
            f"{rows}</table></details>")
