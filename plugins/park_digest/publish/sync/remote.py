"""The remote side: objects under the prefix of an S3-compatible bucket, through boto3.

Credentials come only from boto3's standard chain (environment, profile, instance role); they
are never read from the project nor printed. Every key this module touches is the prefix plus a
relative key, so nothing outside the prefix is listed, written or deleted.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, ProfileNotFound

from park_digest.publish.sync.errors import ConfigError, SyncError
from park_digest.publish.sync.headers import ObjectHeaders

logger = logging.getLogger(__name__)

# Object metadata key holding the hex MD5 of the uploaded bytes (x-amz-meta-md5), for objects
# whose ETag is not their MD5 (multipart uploads by other tools).
HASH_METADATA = "md5"
DELETE_BATCH = 1000  # the S3 limit per DeleteObjects call


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    bucket: str
    prefix: str = ""  # "" or ending in "/"
    endpoint_url: str | None = None
    region: str | None = None
    addressing_style: str = "auto"  # "auto" | "path" | "virtual"


@dataclass(frozen=True, slots=True, kw_only=True)
class RemoteObject:
    key: str  # relative to the prefix
    size: int
    md5: str | None  # None when neither the ETag nor our metadata gives it
    last_modified: datetime | None = None


def normalise_prefix(prefix: str) -> str:
    """``"/site"`` and ``"site/"`` both become ``"site/"``; ``""`` and ``"/"`` become ``""``."""
    prefix = prefix.strip("/")
    return f"{prefix}/" if prefix else ""


def make_session() -> boto3.session.Session:
    """A boto3 session on the standard chain; an unknown ``AWS_PROFILE`` is a ConfigError."""
    try:
        return boto3.session.Session()
    except ProfileNotFound as e:
        raise ConfigError(
            f"AWS_PROFILE names a profile that does not exist ({e}); name one of "
            "~/.aws/config or ~/.aws/credentials, or unset AWS_PROFILE and set "
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        ) from e


def check_profile(environ: Any) -> None:
    """Raise :class:`ConfigError` when ``environ``'s ``AWS_PROFILE`` names no known profile."""
    name = environ.get("AWS_PROFILE")
    if not name:
        return
    try:
        boto3.session.Session(profile_name=name)
    except ProfileNotFound as e:
        raise ConfigError(
            f"AWS_PROFILE={name!r}: no such profile in ~/.aws/config or ~/.aws/credentials; "
            "name an existing profile, or unset AWS_PROFILE and set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY"
        ) from e


def make_client(target: Target, *, workers: int = 8, attempts: int = 3, timeout: float = 30) -> Any:
    """A boto3 S3 client for ``target``, credentials from the standard AWS chain."""
    config = Config(
        s3={"addressing_style": target.addressing_style},
        retries={"max_attempts": attempts, "mode": "standard"},
        connect_timeout=min(timeout, 10),
        read_timeout=timeout,
        max_pool_connections=workers + 2,
    )
    return make_session().client(
        "s3", endpoint_url=target.endpoint_url, region_name=target.region, config=config
    )


def etag_md5(etag: str) -> str | None:
    """The hex MD5 an ETag stands for, or None for multipart ETags (``"…-3"``)."""
    etag = etag.strip('"').lower()
    if len(etag) == 32 and all(c in "0123456789abcdef" for c in etag):
        return etag
    return None


def describe_failure(error: Exception) -> str:
    """One line for the user about a boto3 failure, never including credentials."""
    if isinstance(error, NoCredentialsError):
        return (
            "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
            "or AWS_PROFILE in the environment"
        )
    if isinstance(error, ClientError):
        info = error.response.get("Error", {})
        return f"{info.get('Code', 'error')}: {info.get('Message', '')}".strip()
    return str(error)


def error_code(error: Exception) -> str:
    """The S3 error code of a boto3 failure ("" when it has none)."""
    if isinstance(error, ClientError):
        return str(error.response.get("Error", {}).get("Code", ""))
    return ""


# What to do about a failure no retry fixes, by S3 error code.
FATAL_ADVICE = {
    "AccessDenied": "the credentials lack write permission on {where}: grant them s3:PutObject, "
    "s3:DeleteObject and s3:ListBucket there (on Aliyun OSS oss:PutObject, oss:DeleteObject, "
    "oss:ListObjects; on Tencent COS cos:PutObject, cos:DeleteObject, cos:GetBucket)",
    "AllAccessDisabled": "all access to {where} is disabled; check the bucket in its console",
    "InvalidAccessKeyId": "the access key is unknown to the server of {where}; check "
    "AWS_ACCESS_KEY_ID (or AWS_PROFILE)",
    "SignatureDoesNotMatch": "the secret key does not match the access key for {where}; check "
    "AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)",
    "NoSuchBucket": "there is no bucket {where}; check PARK_DIGEST_SYNC_BUCKET and "
    "PARK_DIGEST_SYNC_ENDPOINT",
    "InvalidBucketName": "{where} is not a valid bucket name; check PARK_DIGEST_SYNC_BUCKET",
}


class Bucket:
    """The objects under one prefix of one bucket."""

    def __init__(self, client: Any, target: Target) -> None:
        self.client = client
        self.name = target.bucket
        self.prefix = normalise_prefix(target.prefix)

    def full_key(self, key: str) -> str:
        return self.prefix + key

    def list(self) -> dict[str, RemoteObject]:
        """Every object under the prefix, by relative key; raise :class:`SyncError` on failure."""
        objects = {}
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.name, Prefix=self.prefix
            )
            for page in pages:
                for item in page.get("Contents", []):
                    full = item["Key"]
                    if not full.startswith(self.prefix) or full.endswith("/"):
                        continue  # folder markers, or a server ignoring Prefix
                    key = full[len(self.prefix) :]
                    md5 = etag_md5(item.get("ETag", ""))
                    if md5 is None:
                        md5 = self.stored_hash(key)
                    objects[key] = RemoteObject(
                        key=key,
                        size=item["Size"],
                        md5=md5,
                        last_modified=item.get("LastModified"),
                    )
        except (BotoCoreError, ClientError) as e:
            raise SyncError(
                f"cannot list s3://{self.name}/{self.prefix}: {describe_failure(e)}"
            ) from e
        return objects

    def stored_hash(self, key: str) -> str | None:
        """Our hash from the object's metadata (one HEAD request), or None."""
        head = self.client.head_object(Bucket=self.name, Key=self.full_key(key))
        return head.get("Metadata", {}).get(HASH_METADATA)

    def put(self, key: str, body: bytes, md5: str, headers: ObjectHeaders) -> None:
        """Upload one object in a single request, checked by the server against its MD5."""
        self.client.put_object(
            Bucket=self.name,
            Key=self.full_key(key),
            Body=body,
            ContentMD5=base64.b64encode(bytes.fromhex(md5)).decode("ascii"),
            Metadata={HASH_METADATA: md5},
            **headers.as_put_args(),
        )

    def delete(self, keys: Iterable[str]) -> dict[str, str]:
        """Delete objects by relative key; return ``{key: reason}`` for those that failed."""
        failed: dict[str, str] = {}
        batch = list(keys)
        for start in range(0, len(batch), DELETE_BATCH):
            chunk = batch[start : start + DELETE_BATCH]
            try:
                answer = self.client.delete_objects(
                    Bucket=self.name,
                    Delete={"Objects": [{"Key": self.full_key(k)} for k in chunk], "Quiet": True},
                )
            except (BotoCoreError, ClientError) as e:
                failed.update(dict.fromkeys(chunk, describe_failure(e)))
                continue
            for error in answer.get("Errors", []):
                key = error.get("Key", "")[len(self.prefix) :]
                failed[key] = f"{error.get('Code', 'error')}: {error.get('Message', '')}"
        return failed
