"""Debian's headless Chromium, driven by playwright over the DevTools protocol.

playwright's Python package brings its driver but no browser; it runs the
system's /usr/bin/chromium (installed by .ci/run with apt) with a fresh
profile and everything that would reach the network turned off.
"""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    exe = shutil.which("chromium")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return exe


@contextmanager
def browser(profile: Path) -> Iterator[object]:
    """A browser context on a fresh user-data-dir; yields playwright's BrowserContext."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path(), headless=True, args=FLAGS,
            viewport={"width": 1200, "height": 900})
        try:
            yield context
        finally:
            context.close()


# Decodes the screenshot in the browser itself (no imaging library needed):
# the share of pixels that differ from the top-left one, and how many colours.
PIXEL_STATS = """async (src) => {
  const img = new Image(); img.src = src; await img.decode();
  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  let differ = 0; const colours = new Set();
  for (let i = 0; i < d.length; i += 4) {
    if (d[i] !== d[0] || d[i+1] !== d[1] || d[i+2] !== d[2]) differ++;
    if (colours.size < 1000) colours.add((d[i] << 16) | (d[i+1] << 8) | d[i+2]);
  }
  return {share: differ / (d.length / 4), colours: colours.size};
}"""


def pixel_stats(context: object, png: bytes) -> dict[str, float]:
    """Share of non-background pixels and number of colours of a PNG, measured in Chromium."""
    page = context.new_page()  # type: ignore[attr-defined]
    try:
        page.set_content("<html><body></body></html>")
        src = "data:image/png;base64," + base64.b64encode(png).decode()
        return page.evaluate(PIXEL_STATS, src)  # type: ignore[no-any-return]
    finally:
        page.close()
