"""`park-digest serve` on a small copy of the project: files, types, safety, rebuilds, reload.

One server process runs for the whole module on 127.0.0.1 and a free port; the fixture stops it
by its pid. Tests that change a source put it back before they end.
"""

from __future__ import annotations

import http.client
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from project_copy import ROOT, make_project

from park_digest.preview import devserver, livereload

PARK_DIGEST = Path(sys.executable).with_name("park-digest")


class Preview:
    """A running ``park-digest serve``: its project, base URL and process."""

    def __init__(self, project: Path, process: subprocess.Popen, url: str) -> None:
        self.project = project
        self.process = process
        self.url = url
        self.host, port = url.removeprefix("http://").rstrip("/").split(":")
        self.port = int(port)

    def get(self, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            conn.request(method, path)
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def status(self) -> dict:
        return json.loads(self.get(livereload.STATUS_PATH)[2])


def _wait_for_url(process: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            if line.startswith("Serving"):
                return line.split(" on ", 1)[1].split()[0]
    raise RuntimeError(f"park-digest serve did not start within {timeout} s")


def start_preview(project: Path, *extra: str) -> Preview:
    process = subprocess.Popen(
        [str(PARK_DIGEST), "serve", "--port", "0", "--catch-up", "0", *extra],
        cwd=project, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        return Preview(project, process, _wait_for_url(process, timeout=120))
    except BaseException:
        stop_preview(process)
        raise


def stop_preview(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    if process.stdout:
        process.stdout.close()


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    project = make_project(tmp_path_factory.mktemp("preview"))
    (project / "plugins").mkdir()  # PLUGIN_PATHS: watched as plugin code
    (project / "plugins/notes.py").write_text('"""Local notes."""\n', encoding="utf-8")
    running = start_preview(project)
    try:
        yield running
    finally:
        stop_preview(running.process)


class EventStream:
    """The server's build events, read from a real Server-Sent Events connection."""

    def __init__(self, preview: Preview) -> None:
        self.conn = http.client.HTTPConnection(preview.host, preview.port, timeout=5)
        self.conn.request("GET", livereload.EVENTS_PATH)
        self.response = self.conn.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type").startswith("text/event-stream")
        self.first = self.next_build(timeout=10)

    def next_build(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        event = None
        while time.monotonic() < deadline:
            line = self.response.readline().decode().rstrip("\n")
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == "build":
                return json.loads(line.removeprefix("data: "))
        raise AssertionError(f"no build event within {timeout} s")

    def build_after_first(self, timeout: float = 60) -> dict:
        """The next build event whose generation is newer than the first one seen."""
        while True:
            state = self.next_build(timeout)
            if state["generation"] > self.first["generation"]:
                return state

    def close(self) -> None:
        self.conn.close()


def _rewrite(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Serving files


def test_home_page_is_utf8_html_with_the_live_reload_script(preview: Preview) -> None:
    status, headers, body = preview.get("/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    assert int(headers["Content-Length"]) == len(body)
    html = body.decode("utf-8")
    assert html.rstrip().endswith("</html>")
    assert f'<script src="{livereload.SCRIPT_PATH}" data-generation="' in html
    assert html.index(livereload.SCRIPT_PATH) < html.rindex("</body>")


def test_folder_without_slash_redirects_and_folder_serves_its_index(preview: Preview) -> None:
    status, headers, _ = preview.get("/2021/07/a1?x=1")
    assert (status, headers["Location"]) == (301, "/2021/07/a1/?x=1")
    status, _, body = preview.get("/2021/07/a1/")
    assert status == 200
    assert "园区三项赋能齐步走" in body.decode()
    status, _, body = preview.get("/zh-hant/2021/07/a1/")
    assert status == 200
    assert "園區三項賦能齊步走" in body.decode()


def test_head_sends_headers_only(preview: Preview) -> None:
    status, headers, body = preview.get("/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    status, headers, body = preview.get(livereload.EVENTS_PATH, method="HEAD")  # no stream
    assert status == 200 and body == b""
    assert headers["Content-Type"].startswith("text/event-stream")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("feeds/all.atom.xml", "application/atom+xml; charset=utf-8"),  # the built feed
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("check.svg", "image/svg+xml"),
        ("check.webp", "image/webp"),
        ("check.css", "text/css; charset=utf-8"),
        ("check.js", "text/javascript; charset=utf-8"),
        ("check.woff2", "font/woff2"),
        ("check.pf_meta", "application/octet-stream"),  # search index pieces are binary
    ],
)
def test_each_file_type_is_served_with_its_content_type(
    preview: Preview, name: str, expected: str
) -> None:
    path = preview.project / "output" / name
    if not path.exists():
        assert name.startswith("check."), f"the build did not write {name}"
        path.write_bytes(b"x")
    status, headers, body = preview.get("/" + name)
    assert status == 200
    assert headers["Content-Type"] == expected
    assert body == path.read_bytes()


def test_missing_page_gets_the_sites_404_page(preview: Preview) -> None:
    status, headers, body = preview.get("/no/such/page/")
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    page = (preview.project / "output/404.html").read_text(encoding="utf-8")
    html = body.decode()
    assert html.startswith(page[:200])
    assert livereload.SCRIPT_PATH in html


@pytest.mark.parametrize(
    "path",
    [
        "/" + quote("园" * 100) + "/",  # one segment of 300 bytes: longer than a file name can be
        "/2021/" + quote("园" * 100) + ".html",
        "/" + "/".join(["a" * 250] * 20) + "/index.html",  # longer than a whole path can be
    ],
)
def test_a_path_too_long_for_the_file_system_is_not_found(preview: Preview, path: str) -> None:
    status, headers, _ = preview.get(path)
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert preview.get("/")[0] == 200  # and the server goes on answering


@pytest.mark.parametrize(
    "path",
    [
        "/../pelicanconf.py",  # plain parent segment
        "/%2e%2e/pelicanconf.py",  # encoded dots
        "/theme/..%2f..%2fpelicanconf.py",  # encoded slash inside a segment
        "/..%5cpelicanconf.py",  # backslash
        "/escape/pelicanconf.py",  # a symlink inside output/ that leads out of it
    ],
)
def test_paths_outside_the_output_folder_are_refused(preview: Preview, path: str) -> None:
    link = preview.project / "output" / "escape"
    if not link.exists():
        link.symlink_to(preview.project)
    status, _, body = preview.get(path)
    assert status == 403
    assert b"pelicanconf" not in body and b"SITENAME" not in body


def test_request_paths_resolve_inside_the_root_only(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert devserver.resolve_request(tmp_path, "/a/b.html?q=1#x") == tmp_path.resolve() / "a/b.html"
    spaced = devserver.resolve_request(tmp_path, "/./a//b%20c.html")
    assert spaced == tmp_path.resolve() / "a/b c.html"
    for bad in ("/a/../../x", "/%2e%2e/x", "/a%00.html"):
        with pytest.raises(devserver.Forbidden):
            devserver.resolve_request(tmp_path, bad)


def test_only_loopback_addresses_count_as_local() -> None:
    assert devserver.is_loopback("127.0.0.1") and devserver.is_loopback("::1")
    assert not devserver.is_loopback("0.0.0.0") and not devserver.is_loopback("192.168.1.5")


# ---------------------------------------------------------------------------------------------
# Rebuilds


def test_saving_an_article_rebuilds_only_it_and_tells_open_pages(preview: Preview) -> None:
    source = preview.project / "content/articles/a1.md"
    original = source.read_text(encoding="utf-8")
    untouched = preview.project / "output/archives/index.html"
    before = untouched.stat().st_mtime_ns
    events = EventStream(preview)
    try:
        _rewrite(source, original.replace("园区三项赋能齐步走", "园区三项赋能再出发"))
        state = events.build_after_first()
        assert state["problems"] == []
        assert state["full"] is False  # the fast path: only the changed article's pages
        assert "园区三项赋能再出发" in preview.get("/2021/07/a1/")[2].decode()
        assert "園區三項賦能再出發" in preview.get("/zh-hant/2021/07/a1/")[2].decode()
        assert untouched.stat().st_mtime_ns == before
    finally:
        _rewrite(source, original)
        events.build_after_first()  # the restore's own build
        events.close()


def test_a_broken_article_is_reported_and_the_next_good_save_recovers(preview: Preview) -> None:
    source = preview.project / "content/articles/a1.md"
    original = source.read_text(encoding="utf-8")
    events = EventStream(preview)
    try:
        _rewrite(source, original.replace("title: 园区三项赋能齐步走", "title: [unclosed"))
        state = events.build_after_first()
        assert state["problems"], state
        assert any("a1.md" in problem for problem in state["problems"]), state["problems"]
        assert preview.status()["problems"] == state["problems"]
        assert preview.process.poll() is None  # still serving
        events.first = state
        _rewrite(source, original)
        state = events.build_after_first()
        assert state["problems"] == []
    finally:
        events.close()


def test_a_template_error_names_the_template_and_line(preview: Preview) -> None:
    template = preview.project / "theme/templates/article.html"
    original = template.read_text(encoding="utf-8")
    events = EventStream(preview)
    try:
        _rewrite(template, original + "\n{% if %}\n")
        state = events.build_after_first()
        assert any("article.html:" in p and "syntax" in p for p in state["problems"]), state
        events.first = state
        _rewrite(template, original)
        state = events.build_after_first()
        assert state["problems"] == [] and state["full"] is True
    finally:
        template.write_text(original, encoding="utf-8")
        events.close()


def test_a_seed_that_cannot_be_imported_is_reported_until_it_is_removed(
    preview: Preview,
) -> None:
    bad = preview.project / "seeds" / "000_bad.txt"
    events = EventStream(preview)
    try:
        bad.write_text("当前位置:\n\n—分享—\n", encoding="utf-8")
        state = events.build_after_first()
        assert any("000_bad.txt" in problem for problem in state["problems"]), state
        events.first = state
        bad.unlink()
        assert events.build_after_first()["problems"] == []
    finally:
        bad.unlink(missing_ok=True)
        events.close()


def test_a_new_raw_seed_is_imported_and_published(preview: Preview) -> None:
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    events = EventStream(preview)
    try:
        shutil.copy(seed, preview.project / "seeds" / seed.name)
        state = events.build_after_first()
        assert state["problems"] == []
        articles = (preview.project / "content/articles").glob("*.md")
        imported = [p for p in articles if p.name != "a1.md"]
        assert len(imported) == 1
        assert "“三项赋能”齐步走" in imported[0].read_text(encoding="utf-8")
        pages = list((preview.project / "output").glob("20*/*/*/index.html"))
        assert any("“三项赋能”齐步走" in p.read_text(encoding="utf-8") for p in pages)
    finally:
        events.close()


def test_a_change_to_plugin_code_restarts_the_build_process_and_rebuilds_all(
    preview: Preview,
) -> None:
    code = preview.project / "plugins/notes.py"
    events = EventStream(preview)
    try:
        code.write_text('"""Local notes, edited."""\n', encoding="utf-8")
        state = events.build_after_first()
        assert state["full"] is True and state["problems"] == []
        assert preview.get("/2021/07/a1/")[0] == 200
    finally:
        events.close()


def test_after_a_quiet_spell_a_full_build_brings_the_listings_up_to_date(tmp_path: Path) -> None:
    running = start_preview(make_project(tmp_path), "--catch-up", "1")
    events = EventStream(running)
    try:
        source = running.project / "content/articles/a1.md"
        source.write_text(
            source.read_text(encoding="utf-8").replace("园区三项赋能齐步走", "园区三项赋能新篇章"),
            encoding="utf-8",
        )
        fast = events.build_after_first()
        assert fast["full"] is False
        events.first = fast
        full = events.build_after_first(timeout=30)
        assert full["full"] is True and full["problems"] == []
        archives = (running.project / "output/archives/index.html").read_text(encoding="utf-8")
        assert "园区三项赋能新篇章" in archives
    finally:
        events.close()
        stop_preview(running.process)


# ---------------------------------------------------------------------------------------------
# In a real browser


@pytest.mark.browser
def test_open_page_reloads_keeps_its_scroll_and_shows_then_clears_the_overlay(
    preview: Preview,
) -> None:
    from support import chromium, chromium_missing, watch_page

    if reason := chromium_missing():
        pytest.skip(reason)
    source = preview.project / "content/articles/a1.md"
    original = source.read_text(encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 800, "height": 600})
        problems = watch_page(page)
        page.goto(preview.url + "2021/07/a1/", wait_until="load")
        page.wait_for_function("window.parkDigestBuild !== undefined", timeout=10_000)
        page.evaluate("window.scrollTo(0, 900)")
        page.wait_for_function("window.scrollY >= 900")
        try:
            with page.expect_event("load", timeout=60_000):
                _rewrite(source, original.replace("园区三项赋能齐步走", "园区三项赋能又一年"))
            assert "园区三项赋能又一年" in page.title()
            page.wait_for_function("window.scrollY >= 850", timeout=5_000)

            _rewrite(source, original.replace("title: 园区三项赋能齐步走", "title: [unclosed"))
            overlay = page.locator("#park-digest-overlay")
            overlay.wait_for(state="visible", timeout=60_000)
            assert "a1.md" in overlay.inner_text()

            with page.expect_event("load", timeout=60_000):
                _rewrite(source, original)
            page.wait_for_function("window.parkDigestBuild !== undefined", timeout=10_000)
            assert page.locator("#park-digest-overlay").count() == 0
            assert "园区三项赋能齐步走" in page.title()
        finally:
            _rewrite(source, original)
    assert problems.page_errors == []
