"""Preview the site: build, serve output/ on 127.0.0.1, rebuild on change, reload the page.

``park-digest serve [--port 8000] [--bind 127.0.0.1]`` watches the seeds, the content, the
theme, the plugins and the settings file. A change to one article rebuilds only that article's
pages (see :mod:`park_digest.build.incremental`); anything else rebuilds everything. Open pages reload
after each good build and show an overlay listing the problems after a bad one.
"""

from __future__ import annotations

import argparse
import http.server
import ipaddress
import logging
import os
import signal
import threading
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from park_digest.build.incremental import Selection, plan
from park_digest.preview import livereload
from park_digest.preview.preview_builder import BuildResult, BuildWorker
from park_digest.settings import read_project

logger = logging.getLogger(__name__)

# Content types by file ending; the longest matching ending wins (".atom.xml" before ".xml").
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".atom.xml": "application/atom+xml; charset=utf-8",
    ".rss.xml": "application/rss+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".ico": "image/vnd.microsoft.icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"

NOT_FOUND_PAGE = "404.html"
FALLBACK_404 = (
    '<!DOCTYPE html><html lang="zh-hans"><head><meta charset="utf-8"><title>404</title></head>'
    "<body><h1>404</h1><p>页面不存在。Not found.</p></body></html>"
).encode()

# Seconds of quiet after a fast rebuild before the listings are brought up to date.
CATCH_UP_SECONDS = 20.0


class Forbidden(Exception):
    """A request for a path outside the output folder."""


def content_type(path: Path) -> str:
    name = path.name.lower()
    for ending in sorted(CONTENT_TYPES, key=len, reverse=True):
        if name.endswith(ending):
            return CONTENT_TYPES[ending]
    return DEFAULT_CONTENT_TYPE


def resolve_request(root: Path, url_path: str) -> Path:
    """The file or folder under ``root`` that ``url_path`` names (it may not exist).

    Raises :class:`Forbidden` for ``..`` segments, NUL bytes, backslashes, or a symlink that
    leads outside ``root``.
    """
    path = unquote(urlsplit(url_path).path)
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if any(part == ".." or "\\" in part or "\x00" in part for part in parts):
        raise Forbidden(url_path)
    root = root.resolve()
    candidate = root.joinpath(*parts)
    if not candidate.resolve().is_relative_to(root):
        raise Forbidden(url_path)
    return candidate


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    """Serves the output folder with live reload; nothing outside it."""

    server_version = "park-digest-preview"
    protocol_version = "HTTP/1.1"

    def __init__(self, *args: object, root: Path, state: livereload.BuildState,
                 stopping: threading.Event, **kwargs: object) -> None:
        self.root = root
        self.state = state
        self.stopping = stopping
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("%s %s", self.address_string(), format % args)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == livereload.SCRIPT_PATH:
            self._send(200, livereload.LIVE_JS.encode(), CONTENT_TYPES[".js"])
        elif path == livereload.STATUS_PATH:
            self._send(200, self.state.as_json().encode(), CONTENT_TYPES[".json"])
        elif path == livereload.EVENTS_PATH:
            self._stream_events()
        else:
            self._send_file()

    def _send_file(self) -> None:
        try:
            target = resolve_request(self.root, self.path)
        except Forbidden:
            self._send(403, b"403 Forbidden: outside the site\n", CONTENT_TYPES[".txt"])
            return
        url = urlsplit(self.path)
        try:
            folder = target.is_dir()
        except OSError:  # a name longer than the file system allows: no such page
            folder = False
        if folder and not url.path.endswith("/"):
            location = url.path + "/" + (f"?{url.query}" if url.query else "")
            self._send(301, b"", CONTENT_TYPES[".txt"], {"Location": location})
            return
        if folder:
            target = target / "index.html"
        try:
            body = self._read(target) if target.is_file() else None
        except OSError:  # as above, or a file that cannot be read
            body = None
        if body is None:
            self._send_not_found()
            return
        self._send(200, body, content_type(target))

    def _send_not_found(self) -> None:
        page = self.root / NOT_FOUND_PAGE
        body = self._read(page) if page.is_file() else self._inject(FALLBACK_404)
        self._send(404, body, CONTENT_TYPES[".html"])

    def _read(self, path: Path) -> bytes:
        body = path.read_bytes()
        return self._inject(body) if content_type(path).startswith("text/html") else body

    def _inject(self, html: bytes) -> bytes:
        return livereload.inject(html, self.state.generation)

    def _send(self, status: int, body: bytes, ctype: str,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _stream_events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.command == "HEAD":
            return
        try:
            for event in self.state.events(self.stopping):
                self.wfile.write((event or ": ping\n\n").encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True


def make_server(root: Path, bind: str, port: int, state: livereload.BuildState,
                stopping: threading.Event) -> PreviewServer:
    handler = partial(PreviewHandler, root=root, state=state, stopping=stopping)
    return PreviewServer((bind, port), handler)


def is_loopback(bind: str) -> bool:
    try:
        return ipaddress.ip_address(bind).is_loopback
    except ValueError:
        return bind == "localhost"


def stat_snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every file under ``folder``, by absolute path."""
    snapshot = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            snapshot[os.path.abspath(path)] = (stat.st_mtime_ns, stat.st_size)
    return snapshot


def changed_since(snapshot: dict[str, tuple[int, int]], folder: Path) -> list[str]:
    """Files under ``folder`` added, changed or removed since ``snapshot`` was taken."""
    now = stat_snapshot(folder)
    return [path for path in now.keys() | snapshot.keys() if now.get(path) != snapshot.get(path)]


def unexplained(
    changed: Iterable[str], snapshot: dict[str, tuple[int, int]], folder: Path
) -> set[Path]:
    """The changed paths, less those under ``folder`` already as the last build left them.

    The build itself writes into ``folder`` (the import writes Markdown into the content);
    those writes must not trigger another build. Changes elsewhere always count.
    """
    folder_text = os.path.join(os.path.abspath(folder), "")
    left = set()
    for path in changed:
        path = os.path.abspath(path)
        if path.startswith(folder_text):
            try:
                stat = os.stat(path)
                now = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                now = None
            if snapshot.get(path) == now:
                continue
        left.add(Path(path))
    return left


class Rebuilder:
    """Watches the sources and rebuilds through the worker; publishes each result."""

    def __init__(self, *, settings_path: Path, output: Path, state: livereload.BuildState,
                 verbose: bool = False, catch_up: float = CATCH_UP_SECONDS) -> None:
        settings = read_project(settings_path)
        project = settings_path.resolve().parent
        self.content = Path(settings["PATH"]).resolve()
        self.seeds = (project / settings.get("SEEDS_PATH", "seeds")).resolve()
        self.code = [
            (project / p).resolve() for p in settings.get("PLUGIN_PATHS", []) or []
        ]
        self.watched = [
            p for p in (
                self.content,
                self.seeds,
                (project / settings["THEME"]).resolve(),
                *self.code,
            ) if p.exists()
        ]
        self.settings_files = sorted({settings_path.resolve(), project / "pelicanconf.py"})
        self.state = state
        self.catch_up = catch_up
        self.worker = BuildWorker(settings_path, output, verbose)
        self.snapshot: dict[str, tuple[int, int]] = {}
        self.seeds_snapshot: dict[str, tuple[int, int]] = {}
        self.settings_stamp = self._settings_stamp()
        self.stale_since: float | None = None
        self.last_start_ns: int | None = None

    def _settings_stamp(self) -> tuple:
        return tuple(p.stat().st_mtime_ns if p.exists() else None for p in self.settings_files)

    def build(self, selection: Selection | None, import_seeds: bool = True) -> BuildResult:
        started_ns = time.time_ns()
        self.state.set_building(True)
        result = self.worker.build(selection, import_seeds)
        self.snapshot = stat_snapshot(self.content)
        self.seeds_snapshot = stat_snapshot(self.seeds)
        self.last_start_ns = started_ns
        generation = self.state.publish(
            result.problems, result.seconds, result.full, result.cpu_seconds
        )
        kind = "full" if result.full else "fast"
        if result.ok:
            logger.info("build %d (%s) done in %.2f s (%.2f s of CPU)", generation, kind,
                        result.seconds, result.cpu_seconds)
        else:
            logger.error(
                "build %d (%s) has %d problem(s):\n  %s", generation, kind,
                len(result.problems), "\n  ".join(result.problems),
            )
        self.stale_since = None if result.full else time.monotonic()
        return result

    def handle(self, changed: set[Path]) -> None:
        """Rebuild for a set of changed paths (already filtered)."""
        if any(any(p.is_relative_to(code) for code in self.code) for p in changed):
            logger.info("plugin code changed: restarting the build process")
            self.worker.restart()
            self.build(None)
            return
        seeds_changed = any(p.is_relative_to(self.seeds) for p in changed)
        selection = plan(changed, self.content, self.seeds, self.last_start_ns)
        self.build(selection, import_seeds=selection is None or seeds_changed)

    def loop(self, stopping: threading.Event) -> None:
        import watchfiles

        first = True
        for changes in watchfiles.watch(
            *self.watched, stop_event=stopping, debounce=400, step=50,
            rust_timeout=1000, yield_on_timeout=True, raise_interrupt=False,
        ):
            paths = {path for _change, path in changes}
            if first:  # a save between the last build and the watch starting: catch it here
                first = False
                paths |= set(changed_since(self.snapshot, self.content))
                paths |= set(changed_since(self.seeds_snapshot, self.seeds))
            changed = unexplained(paths, self.snapshot, self.content)
            stamp = self._settings_stamp()
            if stamp != self.settings_stamp:
                self.settings_stamp = stamp
                logger.info("settings changed: full rebuild")
                self.build(None)
            elif changed:
                logger.info("changed: %s", ", ".join(sorted(p.name for p in changed)[:5]))
                self.handle(changed)
            elif (self.stale_since is not None and self.catch_up > 0
                  and time.monotonic() - self.stale_since > self.catch_up):
                logger.info("bringing listings up to date: full rebuild")
                self.build(None)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free)")
    parser.add_argument("--bind", default="127.0.0.1", help="address (default 127.0.0.1)")
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("--output", type=Path, default=Path("output"))
    parser.add_argument(
        "--catch-up", type=float, default=CATCH_UP_SECONDS,
        help="seconds of quiet before a fast rebuild is followed by a full one (0: never)",
    )
    parser.add_argument("--no-watch", action="store_true", help="build once and serve, no reload")


def run(args: argparse.Namespace) -> int:
    if not args.settings.is_file():
        raise SystemExit(f"{args.settings}: settings file not found; run from the project folder")
    if not is_loopback(args.bind):
        logger.warning("serving on %s: other machines can reach this preview", args.bind)
    output = args.output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    state = livereload.BuildState()
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stopping.set())
    try:
        server = make_server(output, args.bind, args.port, state, stopping)
    except OSError as error:
        raise SystemExit(f"cannot serve on {args.bind}:{args.port}: {error}; "
                         "choose another port with --port (make serve PORT=8001)") from error
    rebuilder = Rebuilder(
        settings_path=args.settings, output=output, state=state,
        verbose=getattr(args, "verbose", False), catch_up=args.catch_up,
    )
    thread = threading.Thread(target=server.serve_forever, name="preview-http", daemon=True)
    try:
        rebuilder.build(None)
        host, port = server.server_address[:2]
        print(f"Serving {output.name}/ on http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
        thread.start()
        if args.no_watch:
            stopping.wait()
        else:
            rebuilder.loop(stopping)
    except KeyboardInterrupt:
        pass
    finally:
        stopping.set()
        if thread.is_alive():
            server.shutdown()
        server.server_close()
        rebuilder.worker.stop()
    return 0
