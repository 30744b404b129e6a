"""Purge Aliyun CDN through its official SDK: ``RefreshObjectCaches`` (API 2018-05-10).

Credentials come only from Aliyun's standard places: the environment variables
``ALIBABA_CLOUD_ACCESS_KEY_ID`` and ``ALIBABA_CLOUD_ACCESS_KEY_SECRET`` (and
``ALIBABA_CLOUD_SECURITY_TOKEN`` for STS), else the profile ``ALIBABA_CLOUD_PROFILE`` (or
``default``) of the credentials file (``ALIBABA_CLOUD_CREDENTIALS_FILE``, default
``~/.alibabacloud/credentials.ini``) or of the Aliyun CLI (``~/.aliyun/config.json``).
URLs of a request go newline-separated in ``ObjectPath`` with ``ObjectType`` ``File``;
directories (ending in "/") with ``ObjectType`` ``Directory``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from park_digest.publish.sync.errors import CdnErrors, ConfigError, PurgeError
from park_digest.publish.sync.purgeplan import Limits

ERRORS = CdnErrors(
    name="Aliyun CDN",
    quota=frozenset({"QuotaExceeded.Refresh", "QuotaExceeded"}),
    throttle=("Throttling",),
    domain=("InvalidDomain", "Domain.NotFound", "DomainNotFound", "InvalidObjectPath.Domain"),
    credential=("InvalidAccessKeyId", "SignatureDoesNotMatch", "IncompleteSignature"),
    credential_hint="the access key is wrong; check ALIBABA_CLOUD_ACCESS_KEY_ID and "
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    permission=("Forbidden", "NoPermission", "Forbidden.RAM"),
    permission_hint="the key may not purge; grant it cdn:RefreshObjectCaches (RAM policy "
                    "AliyunCDNFullAccess or a custom one)",
)
MISSING_CREDENTIALS = (
    "no Aliyun credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
    "in the environment, or a profile in ~/.alibabacloud/credentials.ini (ALIBABA_CLOUD_PROFILE)"
)


def credentials_provider(environ: Any = None) -> Any:
    """The SDK's credentials provider for the environment variables, else a profile."""
    from alibabacloud_credentials.exceptions import CredentialException
    from alibabacloud_credentials.provider import (
        CLIProfileCredentialsProvider,
        ProfileCredentialsProvider,
        StaticAKCredentialsProvider,
        StaticSTSCredentialsProvider,
    )

    env = os.environ if environ is None else environ
    key_id = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID", "")
    secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "")
    token = env.get("ALIBABA_CLOUD_SECURITY_TOKEN", "")
    if key_id and secret:
        if token:
            return StaticSTSCredentialsProvider(
                access_key_id=key_id, access_key_secret=secret, security_token=token
            )
        return StaticAKCredentialsProvider(access_key_id=key_id, access_key_secret=secret)
    profile = env.get("ALIBABA_CLOUD_PROFILE") or "default"
    ini = env.get("ALIBABA_CLOUD_CREDENTIALS_FILE") or os.path.expanduser(
        "~/.alibabacloud/credentials.ini"
    )
    if os.path.isfile(ini):
        provider = ProfileCredentialsProvider(profile_file=ini, profile_name=profile)
    elif os.path.isfile(os.path.expanduser("~/.aliyun/config.json")):
        provider = CLIProfileCredentialsProvider(profile_name=env.get("ALIBABA_CLOUD_PROFILE"))
    else:
        raise ConfigError(MISSING_CREDENTIALS)
    try:
        provider.get_credentials()
    except CredentialException as e:
        raise ConfigError(f"{MISSING_CREDENTIALS} ({e})") from e
    return provider


class AliyunPurger:
    """Aliyun CDN: one ``RefreshObjectCaches`` call per batch of URLs or directories."""

    name = "aliyun"

    def __init__(self, endpoint: str, limits: Limits, *, timeout: float = 30) -> None:
        from alibabacloud_cdn20180510.client import Client
        from alibabacloud_credentials.client import Client as Credentials
        from alibabacloud_tea_openapi import models

        scheme, _, host = endpoint.partition("://")
        self.endpoint = endpoint
        self.limits = limits
        self.client = Client(
            models.Config(
                credential=Credentials(provider=credentials_provider()),
                endpoint=host.rstrip("/"),
                protocol=scheme,
                connect_timeout=int(timeout * 1000),
                read_timeout=int(timeout * 1000),
            )
        )

    def purge_urls(self, urls: Sequence[str]) -> None:
        self.refresh(urls, "File")

    def purge_dirs(self, dirs: Sequence[str]) -> None:
        self.refresh(dirs, "Directory")

    def refresh(self, paths: Sequence[str], object_type: str) -> None:
        from alibabacloud_cdn20180510 import models
        from darabonba.runtime import RuntimeOptions

        request = models.RefreshObjectCachesRequest(
            object_path="\n".join(paths), object_type=object_type
        )
        try:
            self.client.refresh_object_caches_with_options(request, RuntimeOptions())
        except Exception as e:  # the SDK raises its own classes and those of requests
            raise self.failure(e, "dirs" if object_type == "Directory" else "urls") from e

    def failure(self, error: Exception, kind: str) -> PurgeError:
        """One line for the user about a failed call."""
        code = str(getattr(error, "code", "") or "")
        message = str(getattr(error, "message", "") or error)
        if not code:  # the SDK reached no server: say what the transport said
            message = f"{type(error).__name__}: {message}"
        return ERRORS.failure(self.endpoint, code, message, kind)
