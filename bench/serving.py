"""Serve a folder on 127.0.0.1, on a free port, from a background thread (bench and tests)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def serve_folder(root: Path, handler: type[http.server.SimpleHTTPRequestHandler]
                 ) -> Iterator[str]:
    """Serve ``root`` with ``handler`` at ``http://127.0.0.1:<free port>/``; yield that base URL
    (with its slash). The server thread is stopped and the socket closed when the block ends."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
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
