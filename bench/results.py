"""RESULTS.md is shared by every benchmark: each one rewrites its own section and leaves the others."""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, lines: list[str]) -> None:
    """Put `lines` (their first is the section's heading) in place of that section of `path`."""
    heading = lines[0]
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = text.find(heading)
    if start >= 0:
        end = text.find("\n## ", start + len(heading))
        text = text[:start] + text[end + 1:] if end >= 0 else text[:start]
    path.write_text(text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
