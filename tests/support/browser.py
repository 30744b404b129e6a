"""Launch Debian's Chromium through Playwright, and watch a page for errors.

Playwright's own browser download does not work offline, so the browser is the system one
(``apt-get install chromium``), given by ``executable_path``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")

# Headless, no sandbox (tests run as root in CI), nothing that talks to the network by itself.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chromium_path() -> Path | None:
    """The system Chromium executable, or None when it is not installed."""
    for candidate in CHROMIUM_PATHS:
        if Path(candidate).is_file():
            return Path(candidate)
    found = shutil.which("chromium")
    return Path(found) if found else None


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can (for ``pytest.skip``)."""
    if chromium_path() is None:
        return "Debian chromium is not installed; run: bash .ci/install-system-deps"
    try:
        import playwright.sync_api  # noqa: F401 - only checking that it imports
    except ImportError:
        return "playwright (python) is not installed; run: make test (it installs the lock)"
    return None


# One Playwright driver per process, shared: the sync API allows only one running at a time,
# and several session fixtures (theme, search) may each hold a browser.
_driver: object | None = None
_driver_users = 0


@contextmanager
def chromium(timeout_ms: int = 30_000) -> Iterator[object]:
    """Yield a headless Playwright ``Browser`` running the system Chromium; close it after.

    Use one per test session: starting Chromium costs about a second. Several may be open at
    once; they share one Playwright driver, stopped when the last one closes.
    """
    global _driver, _driver_users
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError(chromium_missing())
    if _driver is None:
        _driver = sync_playwright().start()
    _driver_users += 1
    try:
        browser = _driver.chromium.launch(
            executable_path=str(path), headless=True, args=list(CHROMIUM_ARGS), timeout=timeout_ms
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        _driver_users -= 1
        if _driver_users == 0:
            _driver.stop()
            _driver = None


@dataclass
class PageProblems:
    """What went wrong while a page loaded: console errors, script errors, failed requests."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)  # "STATUS URL" or "failed URL"

    def any(self) -> bool:
        return bool(self.console_errors or self.page_errors or self.failed_requests)


def watch_page(page: object) -> PageProblems:
    """Attach listeners to a Playwright ``Page``; the returned record fills as the page runs."""
    problems = PageProblems()

    def on_console(message: object) -> None:
        if message.type == "error":
            problems.console_errors.append(message.text)

    def on_response(response: object) -> None:
        if response.status >= 400:
            problems.failed_requests.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.page_errors.append(str(error)))
    page.on("requestfailed", lambda request: problems.failed_requests.append(
        f"failed {request.url}"))
    page.on("response", on_response)
    return problems
