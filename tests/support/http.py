"""Serve a folder over HTTP on 127.0.0.1, on a free port, from a background thread."""

from __future__ import annotations

import http.server
from contextlib import AbstractContextManager
from pathlib import Path
from typing import ClassVar

from bench import serving


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that keeps test output clean and serves the site's own 404 page."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".json": "application/json",
        ".xml": "application/xml; charset=utf-8",
    }

    def log_message(self, format: str, *args: object) -> None:
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_folder(root: Path) -> AbstractContextManager[str]:
    """Serve ``root`` at ``http://127.0.0.1:<free port>/`` (the site's own 404 page for a
    missing file); the block yields that base URL (with its slash)."""
    return serving.serve_folder(root, _QuietHandler)


def first_article_url(site: Path) -> str:
    """Site-relative URL (``2021/07/slug/``) of the first article page built in ``site``."""
    pages = sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
    assert pages, f"no article page was built in {site}"
    return pages[0].parent.relative_to(site).as_posix() + "/"
