"""Purge Tencent Cloud CDN through its official SDK: ``PurgeUrlsCache`` and ``PurgePathCache``
(API 2018-06-06), signed TC3-HMAC-SHA256 by the SDK.

Credentials come only from Tencent's standard places: the environment variables
``TENCENTCLOUD_SECRET_ID`` and ``TENCENTCLOUD_SECRET_KEY``, else the ``default`` profile of
``~/.tencentcloud/credentials`` (or ``/etc/tencentcloud/credentials``). The instance-role
lookup of the SDK's default chain is not used: it would call a metadata server.
"""

from __future__ import annotations

from collections.abc import Sequence

from park_digest.publish.sync.errors import CdnErrors, ConfigError, PurgeError
from park_digest.publish.sync.purgeplan import Limits

ERRORS = CdnErrors(
    name="Tencent Cloud CDN",
    quota=frozenset({
        "LimitExceeded.CdnPurgeUrlExceedDayLimit",
        "LimitExceeded.CdnPurgePathExceedDayLimit",
        "LimitExceeded.CdnPurgeExceedDayLimit",
    }),
    throttle=("RequestLimitExceeded",),
    domain=(
        "ResourceNotFound.CdnHostNotExists",
        "UnauthorizedOperation.CdnHostUnauthorized",
        "InvalidParameter.CdnHostInvalidParam",
    ),
    credential=("AuthFailure.SecretIdNotFound", "AuthFailure.SignatureFailure"),
    credential_hint="the secret is wrong; check TENCENTCLOUD_SECRET_ID and "
                    "TENCENTCLOUD_SECRET_KEY",
    permission=("UnauthorizedOperation", "AuthFailure.UnauthorizedOperation"),
    permission_hint="the key may not purge; grant it cdn:PurgeUrlsCache and "
                    "cdn:PurgePathCache in CAM",
    network=frozenset({"ClientNetworkError", "ServerNetworkError", "ClientError"}),
)
MISSING_CREDENTIALS = (
    "no Tencent Cloud credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in "
    "the environment, or a [default] profile in ~/.tencentcloud/credentials"
)


def credential():
    """The SDK credential from the environment, else from the profile file."""
    from tencentcloud.common.credential import EnvironmentVariableCredential, ProfileCredential

    found = EnvironmentVariableCredential().get_credential() or ProfileCredential().get_credential()
    if found is None:
        raise ConfigError(MISSING_CREDENTIALS)
    return found


class TencentPurger:
    """Tencent Cloud CDN: ``PurgeUrlsCache`` per batch of URLs, ``PurgePathCache`` of dirs."""

    name = "tencent"

    def __init__(
        self, endpoint: str, limits: Limits, *, flush_type: str = "flush", timeout: float = 30
    ) -> None:
        from tencentcloud.cdn.v20180606 import cdn_client
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile

        scheme, _, host = endpoint.partition("://")
        self.endpoint = endpoint
        self.limits = limits
        self.flush_type = flush_type
        profile = ClientProfile(
            httpProfile=HttpProfile(
                endpoint=host.rstrip("/"), protocol=scheme, reqTimeout=int(timeout)
            )
        )
        self.client = cdn_client.CdnClient(credential(), "", profile)

    def purge_urls(self, urls: Sequence[str]) -> None:
        from tencentcloud.cdn.v20180606 import models

        request = models.PurgeUrlsCacheRequest()
        request.Urls = list(urls)
        self.call(self.client.PurgeUrlsCache, request, "urls")

    def purge_dirs(self, dirs: Sequence[str]) -> None:
        from tencentcloud.cdn.v20180606 import models

        request = models.PurgePathCacheRequest()
        request.Paths = list(dirs)
        request.FlushType = self.flush_type
        self.call(self.client.PurgePathCache, request, "dirs")

    def call(self, method, request, kind: str) -> None:
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import (
            TencentCloudSDKException,
        )

        try:
            method(request)
        except TencentCloudSDKException as e:
            raise self.failure(str(e.code or ""), str(e.message or ""), kind) from e

    def failure(self, code: str, message: str, kind: str) -> PurgeError:
        return ERRORS.failure(self.endpoint, code, message, kind)
