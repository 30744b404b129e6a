"""The purge plan within a CDN's daily quota, as a pure function: exact URLs, directories, rest.

Limits are the documented defaults of Aliyun CDN (10,000 URLs and 100 directories a day, 1,000
URLs or 100 directories per request, 10 domains per request) and Tencent Cloud CDN (20
directories per request), from the settings.
"""

from __future__ import annotations

import pytest

from park_digest.publish.sync.purge import public_urls
from park_digest.publish.sync.purgeplan import (
    DIRECTORIES,
    EXACT,
    PARTIAL,
    Limits,
    batches,
    parent_dirs,
    plan_purge,
)
from park_digest.settings import DEFAULTS

SITE = "https://news.example.org/"
ALIYUN = Limits(**DEFAULTS["PARK_DIGEST_SYNC_ALIYUN_LIMITS"], url_reserve=500, dir_reserve=5)
TENCENT = Limits(**DEFAULTS["PARK_DIGEST_SYNC_TENCENT_LIMITS"], url_reserve=500, dir_reserve=5)


def site_keys(n: int) -> list[str]:
    """The files of an n-article site in two scripts, laid out like the theme's output."""
    keys = ["index.html", "feeds/all.atom.xml", "sitemap.xml", "theme/css/style.css"]
    for prefix in ("", "zh-hant/"):
        for i in range(n):
            month = 1 + i % 12
            keys.append(f"{prefix}{2012 + i % 12}/{month:02d}/article-{i:05d}/index.html")
        keys += [f"{prefix}page/{p}/index.html" for p in range(2, n // 10 + 2)]
        keys += [f"{prefix}tag/tag-{t}/index.html" for t in range(40)]
        keys += [f"{prefix}{2012 + y}/index.html" for y in range(12)]
    keys += [f"images/article-{i:05d}/1.jpg" for i in range(n)]
    return keys


def pages(keys: list[str]) -> list[str]:
    return [k for k in keys if k.endswith((".html", ".xml"))]


def test_one_edited_article_is_purged_exactly_in_one_request() -> None:
    changed = public_urls(
        ["2021/07/article-00001/index.html", "index.html", "feeds/all.atom.xml"], [SITE]
    )
    result = plan_purge(changed, ALIYUN, roots=[SITE])
    assert result.mode == EXACT
    assert set(result.urls) == set(changed) and len(changed) == 5
    assert result.dirs == () and result.requests == 1
    assert (result.url_budget, result.url_budget_after) == (9500, 9495)


def test_theme_change_at_1000_articles_falls_back_to_the_site_root_within_budget() -> None:
    keys = site_keys(1000)
    site = set(public_urls(keys, [SITE]))
    changed = public_urls(pages(keys), [SITE])  # every page rewritten, images unchanged
    assert len(changed) > 4000
    # earlier today another rebuild used most of the URL quota
    result = plan_purge(changed, ALIYUN, used_urls=6000, roots=[SITE], site=site)
    assert result.mode == DIRECTORIES
    assert result.dirs == (SITE,)  # the root, once: fewest directories
    assert result.urls == () and result.deferred == ()
    assert len(result.dirs) <= result.dir_budget and len(result.urls) <= result.url_budget
    assert "directories" in result.summary()


def test_changes_in_one_script_purge_that_scripts_folder_not_the_root() -> None:
    keys = site_keys(1000)
    site = set(public_urls(keys, [SITE]))
    changed = public_urls([k for k in pages(keys) if k.startswith("zh-hant/")], [SITE])
    result = plan_purge(changed, ALIYUN, used_urls=8000, roots=[SITE], site=site)
    assert result.dirs == (SITE + "zh-hant/",)


def test_each_domain_gets_its_own_root() -> None:
    keys = pages(site_keys(300))
    bases = ["https://a.example.org/", "https://b.example.org/"]
    changed = public_urls(keys, bases)
    result = plan_purge(changed, ALIYUN, used_urls=9000, roots=bases)
    assert sorted(result.dirs) == bases


def test_when_even_directories_do_not_fit_what_fits_is_purged_and_the_rest_stays() -> None:
    changed = public_urls(pages(site_keys(1000)), [SITE])
    result = plan_purge(changed, ALIYUN, used_urls=9000, used_dirs=95, roots=[SITE])
    assert result.mode == PARTIAL
    assert result.dirs == ()
    assert len(result.urls) == 500  # 10,000 - 9,000 used - 500 reserve
    assert len(result.urls) + len(result.deferred) == len(changed)
    assert result.url_budget_after == 0


@pytest.mark.parametrize(
    ("limits", "per_request", "dirs_per_request"), [(ALIYUN, 1000, 100), (TENCENT, 1000, 20)]
)
def test_batches_respect_the_per_request_limits(limits, per_request, dirs_per_request) -> None:
    many = [f"https://d{i % 12}.example.org/p/{i}.html" for i in range(2500)]
    result = plan_purge(many, limits)
    assert result.mode == EXACT
    assert all(len(b) <= per_request for b in result.url_batches)
    assert sum(len(b) for b in result.url_batches) == 2500
    if limits.domains_per_request:
        assert all(len({u.split("/")[2] for u in b}) <= 10 for b in result.url_batches)
    dirs = [f"https://d{i % 12}.example.org/d{i}/" for i in range(250)]
    dir_batches = batches(dirs, size=limits.dirs_per_request, domains=limits.domains_per_request)
    assert max(len(b) for b in dir_batches) == dirs_per_request
    assert sorted(d for b in dir_batches for d in b) == sorted(dirs)


def test_directories_stop_at_the_site_root() -> None:
    root = "https://x.org/news/"
    assert list(parent_dirs(root + "a/b/c.html", [root])) == [
        root + "a/b/",
        root + "a/",
        root,
    ]


def test_bench_theme_change_plans_within_the_quota(tmp_path) -> None:
    from bench.purge_plan import measure

    result = measure(n=200, source="synthetic", work=tmp_path)
    assert result["changed_files"] > 200  # every page was rewritten
    assert result["meets_bar"]
    assert result["plans"]["aliyun: after an earlier rebuild today"]["dirs"] == [SITE]
