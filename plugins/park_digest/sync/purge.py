"""Tell the CDN what changed: the URLs of uploaded and deleted objects, through a purger.

Purgers: ``none``; ``cloudfront`` (an invalidation through boto3, credentials from the standard
AWS chain); ``webhook`` (POST of a JSON array of absolute URLs, for Aliyun, Tencent or a custom
CDN behind a small relay). A failure raises :class:`PurgeError`; it is never swallowed.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from typing import Protocol
from urllib.parse import quote, urlsplit

from botocore.exceptions import BotoCoreError, ClientError

from .errors import ConfigError, PurgeError
from .remote import describe_failure

logger = logging.getLogger(__name__)

PURGERS = ("none", "cloudfront", "webhook")
CLOUDFRONT_BATCH = 3000  # paths per invalidation request


def url_paths(keys: Iterable[str]) -> list[str]:
    """The URL paths that serve ``keys``: ``a/b/index.html`` gives ``/a/b/`` and itself.

    Paths are percent-encoded (UTF-8), sorted and without duplicates.
    """
    paths = set()
    for key in keys:
        paths.add("/" + key)
        if key == "index.html" or key.endswith("/index.html"):
            paths.add("/" + key[: -len("index.html")])
    return sorted(quote(p, safe="/") for p in paths)


def absolute_urls(paths: Sequence[str], site_url: str) -> list[str]:
    """``paths`` below ``site_url`` (which may itself have a path, like ``https://x.org/news``)."""
    base = site_url.rstrip("/")
    return [base + p for p in paths]


class Purger(Protocol):
    def purge(self, paths: Sequence[str]) -> None: ...


class NoPurger:
    def purge(self, paths: Sequence[str]) -> None:
        logger.debug("purge: none configured; %s paths changed", len(paths))


class WebhookPurger:
    """POST ``["https://site/a/b/", …]`` as JSON to a URL; any non-2xx answer is a failure."""

    def __init__(self, url: str, site_url: str, *, timeout: float = 30) -> None:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(
                f"PARK_DIGEST_SYNC_PURGE_URL={url!r}: set an http(s) URL for the webhook purger"
            )
        self.url = url
        self.site_url = site_url
        self.timeout = timeout

    def purge(self, paths: Sequence[str]) -> None:
        body = json.dumps(absolute_urls(paths, self.site_url), ensure_ascii=False).encode()
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                status = answer.status
        except urllib.error.HTTPError as e:
            raise PurgeError(f"purge webhook {self.url} answered {e.code} {e.reason}") from e
        except (urllib.error.URLError, OSError) as e:
            raise PurgeError(f"purge webhook {self.url} unreachable: {e}") from e
        if not 200 <= status < 300:
            raise PurgeError(f"purge webhook {self.url} answered {status}")


class CloudFrontPurger:
    """One CloudFront invalidation per batch of paths (below the site's own path)."""

    def __init__(self, distribution_id: str, site_url: str, client: object | None = None) -> None:
        if not distribution_id:
            raise ConfigError(
                "PARK_DIGEST_SYNC_CLOUDFRONT_DISTRIBUTION is empty: set the distribution id "
                "for the cloudfront purger"
            )
        self.distribution_id = distribution_id
        self.base_path = urlsplit(site_url).path.rstrip("/")
        self.client = client

    def purge(self, paths: Sequence[str]) -> None:
        import boto3

        client = self.client or boto3.client("cloudfront")
        items = [self.base_path + p for p in paths]
        for start in range(0, len(items), CLOUDFRONT_BATCH):
            batch = items[start : start + CLOUDFRONT_BATCH]
            try:
                client.create_invalidation(
                    DistributionId=self.distribution_id,
                    InvalidationBatch={
                        "Paths": {"Quantity": len(batch), "Items": batch},
                        "CallerReference": f"park-digest-{time.time_ns()}-{start}",
                    },
                )
            except (BotoCoreError, ClientError) as e:
                raise PurgeError(
                    f"CloudFront invalidation of {self.distribution_id} failed: "
                    f"{describe_failure(e)}"
                ) from e


def make_purger(kind: str, *, url: str, distribution_id: str, site_url: str) -> Purger:
    """The purger named ``kind``; :class:`ConfigError` for an unknown one."""
    if kind == "none":
        return NoPurger()
    if kind == "webhook":
        return WebhookPurger(url, site_url)
    if kind == "cloudfront":
        return CloudFrontPurger(distribution_id, site_url)
    raise ConfigError(f"PARK_DIGEST_SYNC_PURGE={kind!r}: use one of {', '.join(PURGERS)}")
