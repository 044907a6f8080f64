"""ANSI colours for the text formats, applied only when Style.color is set."""

from __future__ import annotations

BOLD, RED, YELLOW, CYAN, GREEN, DIM, RESET = (
    "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[32m", "\x1b[2m", "\x1b[0m",
)
SEVERITY_COLOR = {"error": RED, "warning": YELLOW, "info": CYAN}


def paint(text: str, color: str, enabled: bool) -> str:
    return f"{color}{text}{RESET}" if enabled else text
