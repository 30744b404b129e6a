"""The sync's pure parts as tables: the diff, its order, the delete guard, headers, purge URLs."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from park_digest.publish.sync import config as sync_config
from park_digest.publish.sync.errors import ConfigError, DeleteGuardError
from park_digest.publish.sync.headers import compile_rules, encode_body, headers_for
from park_digest.publish.sync.local import scan
from park_digest.publish.sync.plan import Phase, Rules, check_deletes, phase_of, plan
from park_digest.publish.sync.purge import CloudFrontPurger, absolute_urls, public_urls, url_paths
from park_digest.settings import DEFAULTS


@dataclass(frozen=True)
class Side:
    size: int
    md5: str | None


A = Side(10, "a" * 32)
A_OTHER_HASH = Side(10, "b" * 32)
A_OTHER_SIZE = Side(11, "a" * 32)
UNKNOWN = Side(10, None)
ART = "2021/07/2021-07-06-x/index.html"

DIFF_CASES = [
    # (local, remote, expected uploads as (key, reason), expected deletes)
    pytest.param({}, {}, [], [], id="both empty: nothing to do"),
    pytest.param({"a.css": A}, {}, [("a.css", "new")], [], id="missing remotely: new"),
    pytest.param({"a.css": A}, {"a.css": A}, [], [], id="same size and hash: unchanged"),
    pytest.param(
        {"a.css": A}, {"a.css": A_OTHER_HASH}, [("a.css", "changed")], [], id="hash differs"
    ),
    pytest.param(
        {"a.css": A}, {"a.css": A_OTHER_SIZE}, [("a.css", "changed")], [], id="size differs"
    ),
    pytest.param(
        {"a.css": A}, {"a.css": UNKNOWN}, [("a.css", "hash unknown")], [],
        id="multipart ETag without our metadata: upload again",
    ),
    pytest.param({}, {"old.html": A}, [], ["old.html"], id="gone locally: delete"),
    pytest.param(
        {"index.html": A, ART: A, "images/x/1.jpg": A},
        {},
        [("images/x/1.jpg", "new"), (ART, "new"), ("index.html", "new")],
        [],
        id="order: images, then article pages, then index pages",
    ),
    pytest.param(
        {"feeds/all.atom.xml": A, "theme/css/style.css": A, "zh-hant/" + ART: A},
        {"feeds/all.atom.xml": A_OTHER_HASH, "gone/index.html": A},
        [
            ("theme/css/style.css", "new"),
            ("zh-hant/" + ART, "new"),
            ("feeds/all.atom.xml", "changed"),
        ],
        ["gone/index.html"],
        id="order: css, variant article page, feed; deletes apart",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("local", "remote", "uploads", "deletes"), DIFF_CASES)
def test_plan_uploads_what_differs_in_phase_order_and_deletes_the_rest(
    local, remote, uploads, deletes
) -> None:
    result = plan(local, remote)
    assert [(u.key, u.reason) for u in result.uploads] == uploads
    assert [d.key for d in result.deletes] == deletes
    assert result.unchanged == len(local) - len(uploads)


def test_force_uploads_unchanged_files() -> None:
    result = plan({"a.css": A}, {"a.css": A}, Rules(force=True))
    assert [(u.key, u.reason) for u in result.uploads] == [("a.css", "forced")]


PHASE_CASES = [
    ("images/2021-07-06-x/1.jpg", Phase.ASSETS),
    ("theme/css/style.css", Phase.ASSETS),
    ("2021/07/2021-07-06-x/index.html", Phase.ARTICLES),
    ("zh-hant/2021/07/2021-07-06-x/index.html", Phase.ARTICLES),
    ("index.html", Phase.INDEXES),
    ("index2.html", Phase.INDEXES),
    ("2021/07/index.html", Phase.INDEXES),  # month archive, not an article
    ("tag/huda/index.html", Phase.INDEXES),
    ("feeds/all.atom.xml", Phase.INDEXES),
    ("sitemap.xml", Phase.INDEXES),
    ("pagefind/pagefind-entry.json", Phase.INDEXES),  # names the search index's chunks
    ("pagefind/pagefind.js", Phase.ASSETS),
    ("zh-hant/pagefind/fragment/zh-hant_03a93ea.pf_fragment", Phase.ASSETS),
    ("pagefind/pagefind.zh-hans_5f7e38a773ee8a7.pf_meta", Phase.ASSETS),
]


@pytest.mark.parametrize(("key", "phase"), PHASE_CASES)
def test_phase_of_key(key: str, phase: Phase) -> None:
    assert phase_of(key, Rules()) == phase


GUARD_CASES = [
    # (remote files, deletes, max count, max share, stops?)
    (100, 0, 0, 0.0, False),  # no deletes never stops
    (100, 5, 10, 0.2, False),  # under both limits
    (100, 11, 10, 0.5, True),  # over the count
    (100, 30, 50, 0.2, True),  # over the share
    (100, 100, 1000, 0.2, True),  # empty output/: everything would go
]


@pytest.mark.parametrize(
    ("remote_count", "deletes", "max_count", "max_share", "stops"), GUARD_CASES
)
def test_delete_guard(remote_count, deletes, max_count, max_share, stops) -> None:
    remote = {f"{i}.html": A for i in range(remote_count)}
    local = {f"{i}.html": A for i in range(deletes, remote_count)}
    result = plan(local, remote)
    if stops:
        with pytest.raises(DeleteGuardError, match="--allow-deletes"):
            check_deletes(result, max_count=max_count, max_share=max_share)
    else:
        check_deletes(result, max_count=max_count, max_share=max_share)


def test_guard_does_not_count_renamed_search_chunks() -> None:
    ignore = re.compile(DEFAULTS["PARK_DIGEST_SYNC_GUARD_IGNORE"])
    pages = {f"{i}/index.html": A for i in range(50)}
    old_chunks = {f"pagefind/fragment/zh-hans_{i:07x}.pf_fragment": A for i in range(60)}
    new_chunks = {f"pagefind/fragment/zh-hans_{i + 100:07x}.pf_fragment": A for i in range(60)}
    rebuild = plan({**pages, **new_chunks}, {**pages, **old_chunks})
    assert len(rebuild.deletes) == 60
    check_deletes(rebuild, max_count=10, max_share=0.1, ignore=ignore)
    emptied = plan({}, {**pages, **old_chunks})
    with pytest.raises(DeleteGuardError, match="delete 50 of 50"):
        check_deletes(emptied, max_count=10, max_share=0.1, ignore=ignore)


DEFAULT_RULES = compile_rules(DEFAULTS["PARK_DIGEST_SYNC_RULES"])
SHORT = "public, max-age=60, must-revalidate"
LONG = "public, max-age=31536000, immutable"
FALLBACK = "public, max-age=300, must-revalidate"
HEADER_CASES = [
    # (key, Content-Type, Cache-Control) with the default rules
    ("a/index.html", "text/html; charset=utf-8", "public, max-age=60, must-revalidate"),
    ("feeds/all.atom.xml", "application/xml; charset=utf-8", "public, max-age=60, must-revalidate"),
    ("theme/css/style.css", "text/css; charset=utf-8", "public, max-age=3600, must-revalidate"),
    ("theme/css/s.0123abcd.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"),
    ("theme/js/site.js", "text/javascript; charset=utf-8", "public, max-age=3600, must-revalidate"),
    # article images have no hash in their name: a replaced picture must revalidate
    ("images/x/1.jpg", "image/jpeg", "public, max-age=3600, must-revalidate"),
    ("images/x/1-800w.jpg", "image/jpeg", "public, max-age=3600, must-revalidate"),
    ("images/x/20210706.jpg", "image/jpeg", "public, max-age=3600, must-revalidate"),  # a date
    ("images/x/logo.svg", "image/svg+xml; charset=utf-8", "public, max-age=3600, must-revalidate"),
    # a content hash in the name: immutable, whatever the type
    ("images/x/1.9f86d081.jpg", "image/jpeg", LONG),
    ("theme/js/site-3f2a9c1e.js", "text/javascript; charset=utf-8", LONG),
    ("theme/fonts/x.0a1b2c3d4e.woff2", "font/woff2", LONG),
    ("robots.txt", "text/plain; charset=utf-8", "public, max-age=60, must-revalidate"),
    ("pagefind/index/zh-hans_0ea204c.pf_index", "application/octet-stream", LONG),
    ("pagefind/pagefind-entry.json", "application/json; charset=utf-8", SHORT),
    ("pagefind/wasm.unknown.pagefind", "application/octet-stream", FALLBACK),
]  # fmt: skip


@pytest.mark.parametrize(("key", "content_type", "cache_control"), HEADER_CASES)
def test_default_header_rules(key: str, content_type: str, cache_control: str) -> None:
    headers = headers_for(key, DEFAULT_RULES)
    assert (headers.content_type, headers.cache_control) == (content_type, cache_control)
    assert headers.content_encoding is None


def test_gzip_applies_to_text_types_only_and_is_deterministic() -> None:
    html = headers_for("index.html", DEFAULT_RULES, gzip_text=True)
    jpg = headers_for("images/x/1.jpg", DEFAULT_RULES, gzip_text=True)
    assert html.content_encoding == "gzip"
    assert jpg.content_encoding is None
    data = "<p>湘乡经开区</p>".encode() * 50
    assert encode_body(data, html) == encode_body(data, html)
    assert gzip.decompress(encode_body(data, html)) == data
    assert encode_body(data, jpg) == data


def test_immutable_is_only_ever_sent_for_fingerprinted_names() -> None:
    rules = compile_rules(
        [
            {"pattern": r"\.jpg$", "cache_control": "public, max-age=31536000, immutable"},
            {"pattern": r"\.jpg$", "cache_control": "no-cache"},
        ]
    )
    assert headers_for("images/x/1.jpg", rules).cache_control == "no-cache"
    assert headers_for("images/x/1.3f2a9c1e.jpg", rules).cache_control.endswith("immutable")
    bare = compile_rules([{"pattern": r"\.jpg$", "cache_control": "max-age=9, immutable"}])
    assert headers_for("images/x/1.jpg", bare).cache_control == FALLBACK


def test_first_matching_rule_wins_per_header() -> None:
    rules = compile_rules(
        [
            {"pattern": r"^special/", "cache_control": "no-store"},
            {"pattern": r"\.html$", "cache_control": "max-age=60", "content_type": "text/x-test"},
        ]
    )
    headers = headers_for("special/index.html", rules)
    assert headers.cache_control == "no-store"
    assert headers.content_type == "text/x-test"


@pytest.mark.parametrize(
    "bad",
    [{"cache_control": "x"}, {"pattern": "("}, {"pattern": "x", "cache": "typo"}],
    ids=["no pattern", "bad regex", "unknown key"],
)
def test_bad_rule_is_named(bad: dict) -> None:
    with pytest.raises(ValueError, match="PARK_DIGEST_SYNC_RULES rule 1"):
        compile_rules([bad])


def test_purge_paths_give_both_forms_of_a_folder_url() -> None:
    paths = url_paths(
        ["index.html", "2021/07/x/index.html", "images/x/1.jpg", "tag/湖大/index.html"]
    )
    assert paths == sorted(
        [
            "/",
            "/index.html",
            "/2021/07/x/",
            "/2021/07/x/index.html",
            "/images/x/1.jpg",
            "/tag/%E6%B9%96%E5%A4%A7/",
            "/tag/%E6%B9%96%E5%A4%A7/index.html",
        ]
    )
    assert absolute_urls(["/a/"], "https://news.example.org/") == ["https://news.example.org/a/"]


def test_environment_overrides_settings() -> None:
    settings = {"PARK_DIGEST_SYNC_BUCKET": "from-settings", "PARK_DIGEST_SYNC_WORKERS": 3}
    env = {"PARK_DIGEST_SYNC_BUCKET": "from-env", "PARK_DIGEST_SYNC_PREFIX": "/site"}
    cfg = sync_config.load(settings, env)
    assert cfg.target.bucket == "from-env"
    assert cfg.target.prefix == "site/"
    assert cfg.workers == 3


B = {"PARK_DIGEST_SYNC_BUCKET": "b"}
HOOK = {
    **B,
    "PARK_DIGEST_SYNC_PURGE": "webhook",
    "PARK_DIGEST_SYNC_PURGE_URL": "https://h.example/p",
}
BAD_CONFIGURATION = [
    # (environment, settings, what the message must say)
    ({}, {}, "PARK_DIGEST_SYNC_BUCKET is empty"),
    ({**B, "PARK_DIGEST_SYNC_WORKERS": "many"}, {}, "expected a int"),
    ({**B, "PARK_DIGEST_SYNC_WORKERS": "0"}, {}, "PARK_DIGEST_SYNC_WORKERS=0: write 1 or more"),
    ({**B, "PARK_DIGEST_SYNC_PURGE": "akamai"}, {}, "use one of"),
    # an endpoint without a scheme, as copied from a console
    ({**B, "PARK_DIGEST_SYNC_ENDPOINT": "oss-cn-hangzhou.aliyuncs.com"}, {},
     "PARK_DIGEST_SYNC_ENDPOINT='oss-cn-hangzhou.aliyuncs.com' is not an http(s) URL with a "
     "host: write it like 'https://oss-cn-hangzhou.aliyuncs.com'"),
    ({**B, "PARK_DIGEST_SYNC_RETRIES": "-1"}, {}, "PARK_DIGEST_SYNC_RETRIES=-1: write 0 or more"),
    ({**B, "PARK_DIGEST_SYNC_BACKOFF": "-0.5"}, {}, "PARK_DIGEST_SYNC_BACKOFF=-0.5: write 0 or"),
    (B, {"PARK_DIGEST_SYNC_MAX_DELETES": -1}, "PARK_DIGEST_SYNC_MAX_DELETES=-1: write 0 or more"),
    ({**B, "PARK_DIGEST_SYNC_MAX_DELETE_SHARE": "1.5"}, {}, "between 0 and 1"),
    # SITEURL empty: a webhook would get site-relative paths
    (HOOK, {"SITEURL": ""}, "SITEURL is empty: set SITEURL in publishconf.py"),
    ({**HOOK, "PARK_DIGEST_SYNC_PUBLIC_URL": "news.example.org"}, {},
     "PARK_DIGEST_SYNC_PUBLIC_URL='news.example.org' is not an http(s) URL"),
    ({**B, "PARK_DIGEST_SYNC_PURGE": "webhook", "PARK_DIGEST_SYNC_PURGE_URL": "h.example/p"},
     {"SITEURL": "https://news.example.org"}, "PARK_DIGEST_SYNC_PURGE_URL='h.example/p'"),
    ({**B, "PARK_DIGEST_SYNC_ALIYUN_LIMITS": '{"urls_per_day": -5}'}, {},
     "PARK_DIGEST_SYNC_ALIYUN_LIMITS['urls_per_day']=-5"),
    ({**B, "PARK_DIGEST_SYNC_TENCENT_LIMITS": '{"url_per_day": 5}'}, {}, "unknown keys"),
    ({**B, "PARK_DIGEST_SYNC_TENCENT_FLUSH_TYPE": "all"}, {}, "use one of flush, delete"),
    ({**B, "PARK_DIGEST_SYNC_PURGE_URL_RESERVE": "-1"}, {}, "PURGE_URL_RESERVE=-1"),
]  # fmt: skip


@pytest.mark.parametrize(("env", "settings", "message"), BAD_CONFIGURATION)
def test_bad_configuration_is_named(env: dict, settings: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        sync_config.load(settings, env)


def test_unknown_aws_profile_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    with pytest.raises(ConfigError, match="AWS_PROFILE='typo': no such profile"):
        sync_config.load({}, {**B, "AWS_PROFILE": "typo"})


def test_public_url_defaults_to_siteurl_and_may_list_several_domains() -> None:
    cfg = sync_config.load({"SITEURL": "https://news.example.org/zh"}, HOOK)
    assert cfg.public_urls == ("https://news.example.org/zh/",)
    both = {**HOOK, "PARK_DIGEST_SYNC_PUBLIC_URL": "https://a.example, https://b.example/"}
    assert sync_config.load({}, both).public_urls == ("https://a.example/", "https://b.example/")


def test_scan_keeps_symlinks_inside_output(tmp_path: Path) -> None:
    out = tmp_path / "output"
    (out / "a").mkdir(parents=True)
    (out / "a" / "index.html").write_text("<p>a</p>")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the bucket")
    (out / "leak.txt").symlink_to(secret)
    (out / "outside").symlink_to(tmp_path, target_is_directory=True)
    (out / "alias.html").symlink_to(out / "a" / "index.html")
    files = scan(out, DEFAULT_RULES)
    assert sorted(files) == ["a/index.html", "alias.html"]
    assert files["a/index.html"].md5 == files["alias.html"].md5


class RecordingCloudFront:
    """Stands in for CloudFront, which has no local server: records invalidation requests."""

    def __init__(self) -> None:
        self.batches: list[dict] = []

    def create_invalidation(self, DistributionId: str, InvalidationBatch: dict) -> dict:
        self.batches.append({"id": DistributionId, **InvalidationBatch})
        return {}


def test_cloudfront_invalidates_the_paths_of_the_urls() -> None:
    client = RecordingCloudFront()
    purger = CloudFrontPurger("E123", client=client)
    purger.purge_urls(public_urls(["index.html", "a/index.html"], ["https://example.org/news/"]))
    (batch,) = client.batches
    assert batch["id"] == "E123"
    assert batch["Paths"] == {
        "Quantity": 4,
        "Items": ["/news/", "/news/a/", "/news/a/index.html", "/news/index.html"],
    }


def test_cloudfront_without_distribution_is_a_config_error() -> None:
    env = {"PARK_DIGEST_SYNC_BUCKET": "b", "PARK_DIGEST_SYNC_PURGE": "cloudfront"}
    with pytest.raises(ConfigError, match="CLOUDFRONT_DISTRIBUTION"):
        sync_config.load({"SITEURL": "https://example.org"}, env)
