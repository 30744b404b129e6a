"""What `park-digest build` prints: problems, a bar per stage on a terminal, one summary line.

Per-file lines (each page written, each theme file copied) only with -v.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios
import time
from datetime import datetime
from pathlib import Path

import pytest

from bench import site as bench_site
from park_digest.build.buildlog import Summary, summary_line

ARTICLES = 6
BUILD_TIMEOUT_S = 300
SUMMARY = re.compile(
    r"^built (\d+) articles: pages (\d+) zh-hans, (\d+) zh-hant; .*search: (\d+) shard\(s\) "
    r"indexed; .*\d s$", re.M)

# (summary, line) — what the one line says in each kind of build
SUMMARIES = [
    (Summary(articles=3, pages={"zh-hans": 40, "zh-hant": 40}, seconds=2.04),
     "built 3 articles: pages 40 zh-hans, 40 zh-hant; search index reused; 2.0 s"),
    (Summary(articles=1, pages={"zh-hans": 9}, seconds=1.0, shards_indexed=2, removed=5),
     "built 1 article: pages 9 zh-hans; search: 2 shard(s) indexed; "
     "removed 5 file(s) of earlier builds; 1.0 s"),
    (Summary(articles=3, pages={"zh-hans": 40}, seconds=0.5, written=7, left=33,
             reused_cache=True, shards_indexed=1),  # a selective rebuild
     "built 3 articles: pages 40 zh-hans; only article text changed: wrote 7 pages and "
     "feeds, left 33 as they were; reused the sources Pelican read last time; "
     "search: 1 shard(s) indexed; 0.5 s"),
    (Summary(articles=0, pages={}, seconds=0.3, skipped=True),
     "nothing changed since the last build; skipped (--force rebuilds); 0.3 s"),
]


@pytest.mark.parametrize(("summary", "line"), SUMMARIES)
def test_the_summary_is_one_line_of_facts(summary, line):
    assert summary_line(summary) == line


def park_digest_build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "park_digest.cli", "build", *args], cwd=root,
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False)


def html_pages(output: Path, variant: str = "zh-hant") -> tuple[int, int]:
    """HTML pages of the root site and of the variant site."""
    root = [p for p in output.rglob("*.html")
            if p.relative_to(output).parts[0] not in (variant, "pagefind")]
    return len(root), len(list((output / variant).rglob("*.html")))


@pytest.fixture
def site(tmp_path: Path) -> bench_site.Site:
    project = bench_site.make_site(tmp_path, ARTICLES)
    (project.seeds / "zz-empty.txt").write_bytes(b"")  # a bad seed: its warning must show
    return project


def test_a_build_prints_problems_and_one_summary_not_each_file(site):
    done = park_digest_build(site.root)

    assert done.returncode == 0, done.stderr[-3000:]
    log = done.stdout + done.stderr
    assert "Copying" not in log and "Writing" not in log and "Done: Processed" not in log
    assert "zz-empty.txt" in done.stderr  # the bad seed's warning stays
    found = SUMMARY.findall(done.stdout)
    assert len(found) == 1, done.stdout
    root_pages, hant_pages = html_pages(site.output)
    assert found[0] == (str(ARTICLES), str(root_pages), str(hant_pages), "1")  # one index
    assert len(log.splitlines()) < 20, log

    again = park_digest_build(site.root)
    assert again.stdout.startswith("nothing changed since the last build; skipped")


def test_verbose_brings_back_each_file(site):
    done = park_digest_build(site.root, "-v")

    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r'^INFO: Writing ".*/index\.html"', done.stderr, re.M)
    assert "zz-empty.txt" in done.stderr
    assert len(SUMMARY.findall(done.stdout)) == 1


def test_a_project_without_its_content_folder_builds_from_its_seeds(site):
    shutil.rmtree(site.root / "content")

    done = park_digest_build(site.root)

    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert len(SUMMARY.findall(done.stdout)) == 1
    assert len(list((site.root / "content" / "articles").glob("*.md"))) == ARTICLES


def test_outside_the_project_the_error_says_where_to_run(tmp_path):
    done = park_digest_build(tmp_path)

    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "pelicanconf.py: no such settings file" in done.stderr
    assert "run park-digest from the project folder" in done.stderr


def run_on_terminal(root: Path, *args: str, columns: int = 100) -> str:
    """Run the build with a terminal as its stdout and stderr; what the terminal showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "park_digest.cli", "build", *args], cwd=root,
        stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
        env={**os.environ, "COLUMNS": str(columns)},
    )
    os.close(follower)
    chunks, deadline = [], time.monotonic() + BUILD_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the build exited and closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        process.wait(timeout=30)
        os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_on_a_terminal_each_stage_has_a_bar(site):
    shown = run_on_terminal(site.root)

    assert re.search(r"import\s*: 100%\|", shown), shown[-2000:]
    # the first build has no count of pages to expect: the bar counts the files it writes
    assert re.search(r"render\s*: \d\d+ files", shown), shown[-2000:]
    assert re.search(r"index\s*: 1", shown), shown[-2000:]
    assert "Copying" not in shown and "Writing" not in shown
    assert "zz-empty.txt" in shown
    assert SUMMARY.search(shown.replace("\r", "\n"))


def test_missing_pictures_are_named_when_imported_then_counted_once(site):
    first = park_digest_build(site.root)
    assert first.returncode == 0, first.stderr[-3000:]
    lacking = [line for line in first.stderr.splitlines() if "images not found beside" in line]
    assert lacking, "the synthetic seeds name pictures that are not beside them"

    again = park_digest_build(site.root, "--force")  # nothing imported this time

    assert again.returncode == 0, again.stderr[-3000:]
    assert "images not found beside" not in again.stderr
    reminders = [line for line in again.stderr.splitlines() if "caption card" in line]
    assert len(reminders) == 1, again.stderr
    assert reminders[0].startswith(f"WARNING: {len(lacking)} article(s) still show")


def test_a_date_ahead_is_said_once_a_build(site):
    seed = site.seed_files()[0]
    text = seed.read_text(encoding="utf-8")
    year = datetime.now().year + 10  # a mistyped year
    seed.write_text(re.sub(r"20\d\d-(\d\d-\d\d)", rf"{year}-\1", text, count=1), encoding="utf-8")

    done = park_digest_build(site.root)

    assert done.returncode == 0, done.stderr[-3000:]
    said = [line for line in done.stderr.splitlines() if "in the future" in line]
    assert len(said) == 1, done.stderr
    assert f"the date {year}-" in said[0] and "future: true" in said[0]


def test_an_inferred_year_is_said_once_a_build(site):
    (site.seeds / "dateline.txt").write_text(
        "园区新厂房落成投用\n湘潭在线3月5日讯 园区新建的六栋厂房今天落成，首批三家企业搬入。\n"
        "厂房配套的道路和绿化也已同步完工，企业可以直接入驻。\n", encoding="utf-8")

    done = park_digest_build(site.root)

    assert done.returncode == 0, done.stderr[-3000:]
    said = [line for line in done.stderr.splitlines() if "inferred" in line or "no year" in line]
    assert len(said) == 1, done.stderr
    assert "date_inferred: true" in said[0]
