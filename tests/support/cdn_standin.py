"""Stand-ins for the Aliyun and Tencent Cloud CDN purge APIs, on 127.0.0.1, for the SDK tests.

Each server checks what the vendor documents, on every request, and answers as the vendor does:

Aliyun CDN ``RefreshObjectCaches`` (API 2018-05-10, V3 signature as the SDK sends it)
  - ``Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=…,Signature=…``: the
    signature is recomputed from the canonical request (method, path, sorted query, the signed
    headers lower-cased and sorted, the SHA-256 of the body) with the test secret; ``host``
    and every ``x-acs-*`` header must be signed; ``x-acs-content-sha256`` must be the body's
    hash; a nonce is accepted once.
  - ``x-acs-action: RefreshObjectCaches``, ``x-acs-version: 2018-05-10``; form body with
    ``ObjectPath`` (URLs separated by newlines, with scheme) and ``ObjectType`` ``File`` or
    ``Directory`` (directories end in "/").
  - At most 1,000 URLs or 100 directories per request, within 10 domains, each a domain of
    the account; at most 10,000 URLs and 100 directories a day (``QuotaExceeded.Refresh``);
    50 calls a second (``Throttling.User``).

Tencent Cloud CDN ``PurgeUrlsCache`` / ``PurgePathCache`` (API 2018-06-06)
  - ``Authorization: TC3-HMAC-SHA256 Credential=<id>/<date>/cdn/tc3_request, SignedHeaders=…,
    Signature=…``: recomputed with the derived key (``TC3``+secret → date → service →
    ``tc3_request``); the date must be the UTC date of ``X-TC-Timestamp``.
  - ``X-TC-Action``, ``X-TC-Version: 2018-06-06``; JSON body with ``Urls`` (a list of URLs
    with scheme) or ``Paths`` and ``FlushType`` (``flush`` or ``delete``).
  - At most 1,000 URLs or 20 directories per request
    (``LimitExceeded.CdnPurgeUrlExceedBatchLimit`` / ``…PathExceedBatchLimit``); 10,000 URLs
    and 100 directories a day (``LimitExceeded.CdnPurgeUrlExceedDayLimit`` /
    ``…PathExceedDayLimit``); 20 calls a second (``RequestLimitExceeded``); a host that is no
    CDN domain of the account: ``ResourceNotFound.CdnHostNotExists``.

The quota day is given by ``day()`` (tests inject it); ``throttle_next`` makes the next N
requests fail with the vendor's throttling code, as a burst of other callers would.
"""

from __future__ import annotations

import hashlib
import hmac
import http.server
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qsl, quote, urlsplit

ALIYUN_KEY = ("LTAI-test-key-id", "aliyun-test-secret")
TENCENT_KEY = ("AKID-test-secret-id", "tencent-test-secret")


@dataclass
class Account:
    """What the stand-in knows and counts: domains, quotas, and each accepted purge."""

    domains: set[str]
    urls_per_day: int = 10_000
    dirs_per_day: int = 100
    urls_per_request: int = 1000
    dirs_per_request: int = 100
    domains_per_request: int | None = None
    calls_per_second: int = 50
    day: Callable[[], str] = lambda: datetime.now(UTC).date().isoformat()
    throttle_next: int = 0
    used: dict[tuple[str, str], int] = field(default_factory=dict)  # (day, kind) -> count
    purged_urls: list[str] = field(default_factory=list)
    purged_dirs: list[str] = field(default_factory=list)
    requests: int = 0
    throttled: int = 0
    recent: deque = field(default_factory=deque)
    nonces: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def rate_exceeded(self) -> bool:
        now = time.monotonic()
        while self.recent and now - self.recent[0] >= 1.0:
            self.recent.popleft()
        self.recent.append(now)
        if self.throttle_next > 0:
            self.throttle_next -= 1
            return True
        return len(self.recent) > self.calls_per_second

    def take(self, kind: str, items: list[str]) -> bool:
        """Count ``items`` against today's quota of ``kind``; False when they do not fit."""
        key = (self.day(), kind)
        limit = self.urls_per_day if kind == "urls" else self.dirs_per_day
        if self.used.get(key, 0) + len(items) > limit:
            return False
        self.used[key] = self.used.get(key, 0) + len(items)
        (self.purged_urls if kind == "urls" else self.purged_dirs).extend(items)
        return True


class Rejected(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_urls(account: Account, items: list[str], *, directories: bool) -> None:
    """Every item a URL with scheme on a domain of the account (directories end in "/")."""
    for item in items:
        parts = urlsplit(item)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise Rejected(400, "InvalidObjectPath.Malformed", f"not a URL: {item}")
        if parts.netloc not in account.domains:
            raise Rejected(400, "InvalidDomain.NotFound", f"not a domain of yours: {item}")
        if directories and not item.endswith("/"):
            raise Rejected(400, "InvalidObjectPath.Malformed", f"not a directory: {item}")


# --- Aliyun ---------------------------------------------------------------------------------


def aliyun_canonical_request(method: str, path: str, query: str, headers, signed: list[str],
                             payload_hash: str) -> str:  # fmt: skip
    pairs = sorted(parse_qsl(query, keep_blank_values=True))
    canonical_query = "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in pairs)
    canonical_headers = "".join(f"{name}:{headers.get(name, '').strip()}\n" for name in signed)
    return "\n".join(
        [method, path or "/", canonical_query, canonical_headers, ";".join(signed), payload_hash]
    )


def aliyun_check(handler, body: bytes, account: Account) -> dict[str, str]:
    """Verify the ACS3-HMAC-SHA256 signature and the call; return the form parameters."""
    headers = {k.lower(): v for k, v in handler.headers.items()}
    auth = headers.get("authorization", "")
    algorithm, _, rest = auth.partition(" ")
    if algorithm != "ACS3-HMAC-SHA256":
        raise Rejected(400, "IncompleteSignature", f"unsupported signature {algorithm!r}")
    fields = dict(part.strip().split("=", 1) for part in rest.split(","))
    if fields.get("Credential") != ALIYUN_KEY[0]:
        raise Rejected(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
    signed = fields.get("SignedHeaders", "").split(";")
    required = {"host"} | {h for h in headers if h.startswith("x-acs-")}
    if not required <= set(signed) or signed != sorted(signed):
        raise Rejected(400, "IncompleteSignature", f"unsigned headers {required - set(signed)}")
    payload_hash = sha256_hex(body)
    if headers.get("x-acs-content-sha256") != payload_hash:
        raise Rejected(400, "IncompleteSignature", "x-acs-content-sha256 is not the body's")
    path, _, query = handler.path.partition("?")
    canonical = aliyun_canonical_request(
        handler.command, path, query, headers, signed, payload_hash
    )
    to_sign = f"ACS3-HMAC-SHA256\n{sha256_hex(canonical.encode())}"
    expected = hmac.new(ALIYUN_KEY[1].encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, fields.get("Signature", "")):
        raise Rejected(400, "SignatureDoesNotMatch", "The request signature does not conform.")
    nonce = headers.get("x-acs-signature-nonce", "")
    if not nonce or nonce in account.nonces:
        raise Rejected(400, "SignatureNonceUsed", "The request signature nonce has been used.")
    account.nonces.add(nonce)
    if headers.get("x-acs-action") != "RefreshObjectCaches":
        raise Rejected(400, "InvalidAction.NotFound", "Specified api is not found.")
    if headers.get("x-acs-version") != "2018-05-10":
        raise Rejected(400, "InvalidVersion", "Specified parameter Version is not valid.")
    if not headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        raise Rejected(400, "InvalidParameter", "parameters go in a form body")
    return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))


def aliyun_answer(handler, body: bytes, account: Account) -> tuple[int, dict]:
    with account.lock:
        account.requests += 1
        try:
            form = aliyun_check(handler, body, account)
            if account.rate_exceeded():
                account.throttled += 1
                raise Rejected(400, "Throttling.User", "Request was denied due to user flow "
                               "control.")  # fmt: skip
            kind = form.get("ObjectType", "File")
            if kind not in ("File", "Directory"):
                raise Rejected(400, "InvalidObjectType.ValueNotSupported", kind)
            items = [p for p in form.get("ObjectPath", "").replace("\r\n", "\n").split("\n") if p]
            if not items:
                raise Rejected(400, "MissingObjectPath", "ObjectPath is mandatory.")
            directories = kind == "Directory"
            limit = account.dirs_per_request if directories else account.urls_per_request
            if len(items) > limit:
                raise Rejected(400, "InvalidObjectPath.ExceedsMaximum", f"{len(items)} > {limit}")
            if len({urlsplit(i).netloc for i in items}) > (account.domains_per_request or 10):
                raise Rejected(400, "InvalidObjectPath.ExceedsMaximum", "more than 10 domains")
            check_urls(account, items, directories=directories)
            if not account.take("dirs" if directories else "urls", items):
                raise Rejected(400, "QuotaExceeded.Refresh", "Your refresh attempts exceed the "
                               "daily quota.")  # fmt: skip
        except Rejected as e:
            return e.status, {"RequestId": "standin", "Code": e.code, "Message": e.message}
    return 200, {"RequestId": "standin", "RefreshTaskId": str(account.requests)}


# --- Tencent --------------------------------------------------------------------------------


def tencent_check(handler, body: bytes) -> tuple[str, dict]:
    """Verify the TC3-HMAC-SHA256 signature and the version; return the action and params."""
    headers = {k.lower(): v for k, v in handler.headers.items()}
    auth = headers.get("authorization", "")
    algorithm, _, rest = auth.partition(" ")
    if algorithm != "TC3-HMAC-SHA256":
        raise Rejected(200, "AuthFailure.InvalidAuthorization", "not TC3-HMAC-SHA256")
    fields = dict(part.strip().split("=", 1) for part in rest.split(","))
    secret_id, date, service, terminal = (fields.get("Credential", "").split("/") + [""] * 4)[:4]
    if secret_id != TENCENT_KEY[0]:
        raise Rejected(200, "AuthFailure.SecretIdNotFound", "The SecretId is not found.")
    timestamp = headers.get("x-tc-timestamp", "")
    if not timestamp.isdigit():
        raise Rejected(200, "MissingParameter", "X-TC-Timestamp")
    if date != datetime.fromtimestamp(int(timestamp), UTC).date().isoformat():
        raise Rejected(200, "AuthFailure.SignatureFailure", "the date is not the timestamp's")
    if service != "cdn" or terminal != "tc3_request":
        raise Rejected(200, "AuthFailure.SignatureFailure", "credential scope")
    signed = fields.get("SignedHeaders", "").split(";")
    if not {"content-type", "host"} <= set(signed):
        raise Rejected(200, "AuthFailure.SignatureFailure", "content-type and host are signed")
    canonical_headers = "".join(f"{h}:{headers.get(h, '').strip().lower()}\n" for h in signed)
    path, _, query = handler.path.partition("?")
    canonical = "\n".join(
        [handler.command, path or "/", query, canonical_headers, ";".join(signed),
         sha256_hex(body)]
    )  # fmt: skip
    scope = f"{date}/{service}/tc3_request"
    to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{sha256_hex(canonical.encode())}"
    key = ("TC3" + TENCENT_KEY[1]).encode()
    for part in (date, service, "tc3_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, fields.get("Signature", "")):
        raise Rejected(200, "AuthFailure.SignatureFailure", "The provided credentials could "
                       "not be validated.")  # fmt: skip
    if headers.get("x-tc-version") != "2018-06-06":
        raise Rejected(200, "InvalidParameterValue", "X-TC-Version")
    try:
        params = json.loads(body or b"{}")
    except ValueError as e:
        raise Rejected(200, "InvalidParameter", "the body is not JSON") from e
    return headers.get("x-tc-action", ""), params


def tencent_answer(handler, body: bytes, account: Account) -> tuple[int, dict]:
    with account.lock:
        account.requests += 1
        try:
            action, params = tencent_check(handler, body)
            if account.rate_exceeded():
                account.throttled += 1
                raise Rejected(200, "RequestLimitExceeded", "Your request frequency is too high.")
            if action == "PurgeUrlsCache":
                items, kind, directories = params.get("Urls"), "urls", False
                limit, batch_code = account.urls_per_request, "CdnPurgeUrlExceedBatchLimit"
                day_code = "LimitExceeded.CdnPurgeUrlExceedDayLimit"
            elif action == "PurgePathCache":
                items, kind, directories = params.get("Paths"), "dirs", True
                limit, batch_code = account.dirs_per_request, "CdnPurgePathExceedBatchLimit"
                day_code = "LimitExceeded.CdnPurgePathExceedDayLimit"
                if params.get("FlushType") not in ("flush", "delete"):
                    raise Rejected(200, "InvalidParameter.CdnPurgeFlushTypeInvalid", "FlushType")
            else:
                raise Rejected(200, "InvalidAction", f"unknown action {action!r}")
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise Rejected(200, "InvalidParameter", "a list of strings is expected")
            if len(items) > limit:
                raise Rejected(200, f"LimitExceeded.{batch_code}", f"{len(items)} > {limit}")
            try:
                check_urls(account, items, directories=directories)
            except Rejected as e:
                code = "ResourceNotFound.CdnHostNotExists" if "domain" in e.message else (
                    "InvalidParameter.CdnUrlParamError")  # fmt: skip
                raise Rejected(200, code, e.message) from e
            if not account.take(kind, items):
                raise Rejected(200, day_code, "Purge quota exceeded for today.")
        except Rejected as e:
            error = {"Code": e.code, "Message": e.message}
            return 200, {"Response": {"Error": error, "RequestId": "standin"}}
    return 200, {"Response": {"TaskId": str(account.requests), "RequestId": "standin"}}


# --- the server -----------------------------------------------------------------------------


@contextmanager
def cdn_standin(vendor: str, account: Account) -> Iterator[str]:
    """Serve ``vendor``'s stand-in on 127.0.0.1; yield its endpoint URL (``http://…``)."""
    answer = {"aliyun": aliyun_answer, "tencent": tencent_answer}[vendor]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, data = answer(self, body, account)
            out = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"{vendor}-standin", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
