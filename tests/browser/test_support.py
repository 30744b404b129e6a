"""The shared browser helpers work: a folder served on 127.0.0.1 opens in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import chromium, chromium_missing, serve_folder, watch_page

pytestmark = pytest.mark.browser


def test_served_folder_loads_in_chromium_and_errors_are_recorded(tmp_path: Path) -> None:
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang=zh-Hans><title>首页</title>"
        "<p id=t>你好</p><img src=missing.png alt=缺><script>console.error('boom')</script>",
        encoding="utf-8",
    )
    with serve_folder(tmp_path) as base, chromium() as browser:
        assert base.startswith("http://127.0.0.1:")
        page = browser.new_page()
        problems = watch_page(page)
        page.goto(base, wait_until="load")
        assert page.text_content("#t") == "你好"
        page.close()
    assert "boom" in problems.console_errors
    failed = problems.failed_requests
    assert any(r.startswith("404 ") and r.endswith("/missing.png") for r in failed)


def test_two_browsers_can_be_open_at_once(tmp_path: Path) -> None:
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    (tmp_path / "index.html").write_text("<title>一</title>", encoding="utf-8")
    with serve_folder(tmp_path) as base, chromium() as first, chromium() as second:
        for browser in (first, second):
            page = browser.new_page()
            page.goto(base)
            assert page.title() == "一"
            page.close()
