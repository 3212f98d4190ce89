"""Headless Chromium from Debian's package, driven by Playwright (no browser download).

A missing browser fails the test: these checks are the issue's acceptance, not optional.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")


@contextmanager
def browser_page(base_url: str, shots: Path) -> Iterator[tuple[Page, list[str]]]:
    """A page on ``base_url``; yields it and the list of every URL it requested."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/apt-packages.txt)")
    shots.mkdir(parents=True, exist_ok=True)
    requested: list[str] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, accept_downloads=True, base_url=base_url
            )
            page = context.new_page()
            page.on("request", lambda r: requested.append(r.url))
            page.set_default_timeout(120_000)
            yield page, requested
        finally:
            browser.close()


def shoot(page: Page, shots: Path, name: str) -> None:
    """Write a screenshot of the page as it is now (the test's output folder)."""
    page.screenshot(path=str(shots / f"{name}.png"), full_page=False)


def external(requested: list[str], base_url: str) -> list[str]:
    """Requests that went anywhere but our server (data: and blob: URLs are the page's own)."""
    return [u for u in requested if not u.startswith((base_url, "data:", "blob:"))]
