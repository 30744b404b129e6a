"""Serve a folder over HTTP on 127.0.0.1, on a free port, from a background thread."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar


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


@contextmanager
def serve_folder(root: Path) -> Iterator[str]:
    """Serve ``root`` at ``http://127.0.0.1:<free port>/``; yield that base URL (with slash).

    The server thread is stopped and the socket closed when the block ends.
    """
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="serve-folder", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def first_article_url(site: Path) -> str:
    """Site-relative URL (``2021/07/slug/``) of the first article page built in ``site``."""
    pages = sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
    assert pages, f"no article page was built in {site}"
    return pages[0].parent.relative_to(site).as_posix() + "/"
