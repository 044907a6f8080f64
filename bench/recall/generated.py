"""Generated recall cases (filled in below, family by family)."""
from __future__ import annotations
from collections.abc import Iterator

def generated_cases(half: str) -> Iterator[tuple[str, str, int, int, str]]:
    return iter(())
