"""`make publish` on a small copy of the project: strict mode, the check, reproducible output.

The commands run as ``make publish`` runs them: ``park-digest build --publish`` then
``park-digest check``, in separate processes.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import jinja2
import pytest
from project_copy import ROOT, article_text, make_project

from park_digest.site import strict

PARK_DIGEST = Path(sys.executable).with_name("park-digest")

ARTICLES = {
    "a1.md": article_text("园区三项赋能齐步走", slug="a1", tags="埃普特, 湖南大学, 斌遥科技",
                          paragraphs=5),
    "a2.md": article_text("园区企业招工培训", slug="a2", date="2021-08-01T09:00:00+08:00",
                          author="李明", tags="埃普特, 科普特电子", paragraphs=3),
    "a3.md": article_text("园区新春走访", slug="a3", date="2022-01-10T10:30:00+08:00",
                          author="肖锦花", tags="湖南大学, 振添光学, 湘君电子", paragraphs=4),
    # Nine articles of one timestamp, as nine seeds of one evening often are: their order in
    # every listing, feed, archive, tag page and previous/next link must not depend on the
    # order Pelican happened to read them in (a set, whose order changes with the hash seed).
    **{f"t{i}.md": article_text(f"园区同一时刻第{i}则", slug=f"t{i}", author="孙妍",
                                date="2021-07-06T22:13:53+08:00", tags="埃普特, 湖南大学",
                                paragraphs=2)
       for i in range(1, 10)},
}


def park_digest(project: Path, *args: str, hash_seed: str = "0") -> subprocess.CompletedProcess:
    # publishconf.py takes the site's address from the environment (a publish needs one)
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "SITEURL": "https://news.example.org"}
    return subprocess.run(
        [str(PARK_DIGEST), *args], cwd=project, env=env, capture_output=True, text=True,
        timeout=300,
    )


def publish(
    project: Path, output: str = "output", hash_seed: str = "0"
) -> subprocess.CompletedProcess:
    return park_digest(project, "build", "--publish", "--output", output, hash_seed=hash_seed)


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only, recursively."""
    found = []
    compared = filecmp.dircmp(left, right)
    stack = [(compared, "")]
    while stack:
        node, prefix = stack.pop()
        found += [f"only in {left.name}: {prefix}{n}" for n in node.left_only]
        found += [f"only in {right.name}: {prefix}{n}" for n in node.right_only]
        _same, differ, errors = filecmp.cmpfiles(
            Path(node.left), Path(node.right), node.common_files, shallow=False
        )
        found += [f"differs: {prefix}{n}" for n in differ + errors]
        stack += [(sub, f"{prefix}{name}/") for name, sub in node.subdirs.items()]
    return found


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project published once, with a raw seed imported on the way."""
    project = make_project(tmp_path_factory.mktemp("publish"), ARTICLES)
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    (project / "seeds" / seed.name).write_bytes(seed.read_bytes())
    result = publish(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project


def test_published_site_passes_the_check(published: Path) -> None:
    result = park_digest(published, "check")
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 problem(s)" in result.stdout


def test_published_pages_use_absolute_urls_of_the_production_site(published: Path) -> None:
    home = (published / "output/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://news.example.org/"' in home
    assert (published / "output/feeds/all.atom.xml").is_file()


def test_check_fails_the_publish_when_a_page_is_broken(published: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    subprocess.run(["cp", "-a", str(published / "output"), str(broken)], check=True)
    stylesheets = sorted(broken.glob("theme/css/*.css"))
    assert stylesheets, "the theme has a stylesheet"
    stylesheets[0].unlink()
    article = next(broken.glob("zh-hant/2021/07/a1/index.html"))
    html = article.read_text(encoding="utf-8")
    old = 'href="https://news.example.org/2021/07/a1/"'
    assert old in html
    article.write_text(html.replace(old, 'href="https://news.example.org/2021/07/a9/"'), "utf-8")
    result = park_digest(published, "check", "--output", str(broken))
    assert result.returncode == 1
    assert f"stylesheet https://news.example.org/theme/css/{stylesheets[0].name} -> not found" \
        in result.stdout
    assert "zh-hant/2021/07/a1/index.html: hreflang https://news.example.org/2021/07/a9/ -> " \
        "not found" in result.stdout


def test_two_builds_of_the_same_sources_are_byte_identical(published: Path) -> None:
    # another process, another hash seed (set and dict orders), another time
    again = publish(published, "output-again", hash_seed="4242")
    assert again.returncode == 0, again.stderr[-3000:]
    assert differences(published / "output", published / "output-again") == []


# ---------------------------------------------------------------------------------------------
# Strict mode


def test_strict_build_lists_every_article_without_a_title(tmp_path: Path) -> None:
    articles = dict(ARTICLES)
    articles["no-title-1.md"] = article_text("x", slug="n1").replace("title: x\n", "")
    articles["no-title-2.md"] = article_text("y", slug="n2").replace("title: y\n", "")
    project = make_project(tmp_path, articles)
    result = publish(project)
    assert result.returncode != 0
    assert "strict build failed with 2 problem(s)" in result.stderr
    assert "no-title-1.md" in result.stderr and "no-title-2.md" in result.stderr
    # the same sources build in development (the articles are skipped, with an error logged)
    dev = park_digest(project, "build", "--output", "dev")
    assert dev.returncode == 0, dev.stderr[-3000:]


def test_strict_build_fails_on_a_template_error_naming_the_template(tmp_path: Path) -> None:
    project = make_project(tmp_path, ARTICLES)
    template = project / "theme/templates/article.html"
    text = template.read_text(encoding="utf-8")
    marker = "{% block content %}"
    assert marker in text
    template.write_text(text.replace(marker, marker + "{{ article.no_such_field.deeper }}", 1),
                        encoding="utf-8")
    result = publish(project)
    assert result.returncode != 0
    assert "article.html" in result.stderr
    assert "no_such_field" in result.stderr


def test_strict_build_fails_on_a_seed_that_cannot_be_imported(tmp_path: Path) -> None:
    project = make_project(tmp_path, ARTICLES)
    (project / "seeds/bad.txt").write_text("当前位置:\n\n—分享—\n", encoding="utf-8")
    result = publish(project)
    assert result.returncode != 0
    assert "bad.txt" in result.stderr


def test_strict_build_lists_every_problem_of_the_run_at_once(tmp_path: Path) -> None:
    articles = dict(ARTICLES)
    articles["bad-yaml.md"] = article_text("x", slug="b1").replace("tags: [", "tags: [[")
    articles["bad-date.md"] = article_text("y", slug="b2", date="2021-13-45")
    articles["no-closing.md"] = article_text("z", slug="b3").replace("\n---\n\n", "\n\n", 1)
    articles["empty-title.md"] = article_text('""', slug="b4")
    project = make_project(tmp_path, articles)
    for i in range(1, 16):
        (project / f"seeds/bad{i:02}.txt").write_bytes(b"")
    result = publish(project)
    assert result.returncode != 0
    assert "strict build failed with 19 problem(s)" in result.stderr, result.stderr[-3000:]
    for i in range(1, 16):
        assert f"seeds/bad{i:02}.txt:1: " in result.stderr
    assert "content/articles/bad-yaml.md:9: the front matter between the --- lines is not " \
        "valid YAML" in result.stderr
    assert "content/articles/bad-date.md:3: '2021-13-45' is not a date" in result.stderr
    assert "content/articles/no-closing.md:1: the front matter opened by --- on this line has " \
        "no closing --- line" in result.stderr
    assert "content/articles/empty-title.md:2: the title is empty" in result.stderr


def test_strict_build_fails_on_a_date_ahead_or_of_an_inferred_year(tmp_path: Path) -> None:
    ahead = f"{datetime.now().year + 10}-07-06T22:13:53+08:00"  # a mistyped year
    project = make_project(tmp_path, {
        "a1.md": ARTICLES["a1.md"],
        "ahead.md": article_text("园区十年后", slug="f1", date=ahead, paragraphs=1),
        # announced ahead on purpose: the editor says so
        "meant.md": article_text("园区明年计划", slug="f2", date=ahead, paragraphs=1)
        .replace("slug: f2\n", "slug: f2\nfuture: true\n"),
        # the dateline gave month and day; the parser guessed the year and flagged it
        "guessed.md": article_text("园区某月某日", slug="g1", date="2021-03-05T00:00:00+08:00",
                                   paragraphs=1).replace("slug: g1\n", "slug: g1\ndate_inferred: true\n"),
    })
    result = publish(project)
    assert result.returncode != 0
    assert "strict build failed with 2 problem(s)" in result.stderr, result.stderr[-3000:]
    assert f"content/articles/ahead.md: the date {ahead[:10]} 22:13 is more than a day in the " \
        "future (a mistyped year?); correct it, or add `future: true`" in result.stderr
    assert "content/articles/guessed.md: the year of the date (2021-03-05) was inferred" \
        in result.stderr and "delete the line `date_inferred: true`" in result.stderr
    assert "meant.md" not in result.stderr


def test_problem_log_counts_repeats_and_names_templates() -> None:
    log = strict.ProblemLog()
    for message in ("a.md: no title", "article.html: boom", "article.html: boom"):
        log.handle(strict.logging.LogRecord("x", strict.logging.ERROR, "", 0, message, (), None))
    assert log.problems() == ["article.html: boom (x2)", "a.md: no title"]
    error = jinja2.TemplateSyntaxError("unexpected '}'", 12, "article.html", "theme/article.html")
    assert strict.describe_error(error) == (
        "theme/article.html:12: template syntax error: unexpected '}'"
    )


def test_strict_error_keeps_its_list_when_it_comes_back_from_a_variant_process() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(strict.StrictBuildError(["a.md: no title", "b.md: no date"])))
    assert error.problems == ["a.md: no title", "b.md: no date"]
    assert "2 problem(s)" in str(error) and "  - b.md: no date" in str(error)


def test_a_date_is_ahead_only_past_a_day_whatever_its_zone() -> None:
    from park_digest.ingest.dates import is_ahead

    now = datetime(2021, 7, 6, 12, 0, tzinfo=UTC)
    china = timezone(timedelta(hours=8))
    assert not is_ahead(datetime(2021, 7, 7, 19, 0, tzinfo=china), now)  # 23 h ahead
    assert is_ahead(datetime(2021, 7, 7, 21, 0, tzinfo=china), now)  # 25 h ahead
    assert not is_ahead(datetime(2021, 7, 7, 11, 0), now)  # no zone: read as now's


def test_publish_without_a_site_url_stops_with_a_clear_message(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    result = subprocess.run([str(PARK_DIGEST), "build", "--publish"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "SITEURL is not set" in result.stderr and "make publish" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "output").exists()
