"""Tell the CDN what changed: purgers, and sending a purge plan within the CDN's limits.

Purgers: ``none``; ``webhook`` (POST of a JSON array of absolute URLs); ``cloudfront`` (an
invalidation through boto3, credentials from the standard AWS chain); ``aliyun`` and
``tencent`` (:mod:`.aliyun`, :mod:`.tencent`, through the vendors' SDKs). Each takes absolute
URLs, purges URLs and, where the CDN can, directories, and raises :class:`PurgeError` (or its
:class:`QuotaError`, :class:`ThrottleError`) with a one-line message; nothing is swallowed.

:func:`send` carries a :class:`~.purgeplan.PurgePlan` out request by request, at most
``calls_per_second``, retrying throttled requests with backoff, and clears each batch from
the pending list (and counts it against the day's quota) as soon as it succeeded.
"""

from __future__ import annotations

import json
import logging
import random
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from botocore.exceptions import BotoCoreError, ClientError

from park_digest.publish.sync.errors import PurgeError, QuotaError, ThrottleError
from park_digest.publish.sync.pending import PendingPurges
from park_digest.publish.sync.purgeplan import Limits, PurgePlan
from park_digest.publish.sync.remote import describe_failure

logger = logging.getLogger(__name__)

PURGERS = ("none", "cloudfront", "webhook", "aliyun", "tencent")
CLOUDFRONT_BATCH = 3000  # paths per invalidation request
MAX_BACKOFF = 30.0  # seconds


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


def public_urls(keys: Iterable[str], bases: Sequence[str]) -> list[str]:
    """Every absolute URL serving ``keys`` under each public base URL."""
    paths = url_paths(keys)
    return sorted({url for base in bases for url in absolute_urls(paths, base)})


class Purger(Protocol):
    name: str
    limits: Limits

    def purge_urls(self, urls: Sequence[str]) -> None: ...

    def purge_dirs(self, dirs: Sequence[str]) -> None: ...


class WebhookPurger:
    """POST ``["https://site/a/b/", …]`` as JSON to a URL; any non-2xx answer is a failure."""

    name = "webhook"
    limits = Limits()

    def __init__(self, url: str, *, timeout: float = 30) -> None:
        self.url = url
        self.timeout = timeout

    def purge_urls(self, urls: Sequence[str]) -> None:
        body = json.dumps(list(urls), ensure_ascii=False).encode()
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

    def purge_dirs(self, dirs: Sequence[str]) -> None:
        raise PurgeError("the webhook purger takes URLs only")


class CloudFrontPurger:
    """One CloudFront invalidation per batch of paths (the URLs' paths)."""

    name = "cloudfront"
    limits = Limits(urls_per_request=CLOUDFRONT_BATCH)

    def __init__(self, distribution_id: str, client: Any | None = None) -> None:
        self.distribution_id = distribution_id
        self.client = client

    def purge_urls(self, urls: Sequence[str]) -> None:
        if self.client is None:
            from park_digest.publish.sync.remote import make_session

            self.client = make_session().client("cloudfront")
        items = sorted({urlsplit(u).path or "/" for u in urls})
        try:
            self.client.create_invalidation(
                DistributionId=self.distribution_id,
                InvalidationBatch={
                    "Paths": {"Quantity": len(items), "Items": items},
                    "CallerReference": f"park-digest-{time.time_ns()}",
                },
            )
        except (BotoCoreError, ClientError) as e:
            raise PurgeError(
                f"CloudFront invalidation of {self.distribution_id} failed: {describe_failure(e)}"
            ) from e

    def purge_dirs(self, dirs: Sequence[str]) -> None:
        raise PurgeError("the cloudfront purger takes URLs only")


class RateLimit:
    """At most ``per_second`` calls in any second (``None``: no limit)."""

    def __init__(
        self,
        per_second: float | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.per_second = per_second
        self.clock = clock
        self.sleep = sleep
        self.recent: deque[float] = deque()

    def wait(self) -> None:
        if not self.per_second:
            return
        window = int(self.per_second) or 1
        now = self.clock()
        while self.recent and now - self.recent[0] >= 1.0:
            self.recent.popleft()
        if len(self.recent) >= window:
            self.sleep(1.0 - (now - self.recent[0]))
            self.recent.popleft()
        self.recent.append(self.clock())

    def finished(self) -> None:
        """Count the last call from its answer: the CDN saw it arrive somewhere in between."""
        if self.per_second and self.recent:
            self.recent[-1] = self.clock()


@dataclass(slots=True, kw_only=True)
class SendResult:
    urls: int = 0  # URLs purged
    dirs: int = 0  # directories purged
    requests: int = 0
    retries: int = 0
    quota_error: QuotaError | None = None  # the CDN said today's quota is spent


def send(
    result: PurgePlan,
    purger: Purger,
    pending: PendingPurges,
    *,
    day: str,
    retries: int = 4,
    backoff: float = 0.5,
    limiter: RateLimit | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SendResult:
    """Send ``result`` batch by batch; stop at the first failure, keeping the rest pending.

    A throttled request is retried ``retries`` times with exponential backoff from
    ``backoff`` seconds. A quota error stops the purge quietly (the rest stays pending and the
    day's quota is marked as used); any other failure raises :class:`PurgeError`.
    """
    limiter = limiter or RateLimit(purger.limits.calls_per_second, sleep=sleep)
    outcome = SendResult()
    usage = pending.used(purger.name, day)
    work = [("dirs", b) for b in result.dir_batches] + [("urls", b) for b in result.url_batches]
    for kind, batch in work:
        call = purger.purge_dirs if kind == "dirs" else purger.purge_urls
        for attempt in range(retries + 1):
            limiter.wait()
            outcome.requests += 1
            try:
                call(batch)
                break
            except ThrottleError as e:
                limiter.finished()
                if attempt == retries:
                    raise PurgeError(f"{e} (still throttled after {retries} retries)") from e
                outcome.retries += 1
                pause = min(backoff * 2**attempt, MAX_BACKOFF) * random.uniform(0.5, 1.0)
                logger.debug("purge throttled; retry %s in %.2f s", attempt + 1, pause)
                sleep(pause)
            except QuotaError as e:
                outcome.quota_error = e
                if e.kind == "dirs":
                    usage.dirs = max(usage.dirs, purger.limits.dirs_per_day or 0)
                else:
                    usage.urls = max(usage.urls, purger.limits.urls_per_day or 0)
                pending.save()
                return outcome
        limiter.finished()
        if kind == "dirs":
            usage.dirs += len(batch)
            outcome.dirs += len(batch)
            pending.done(dirs=batch)
        else:
            usage.urls += len(batch)
            outcome.urls += len(batch)
            pending.done(urls=batch)
    return outcome
