"""The bar of the derived variants: every Traditional page is byte-identical whether derived from
the Simplified site (the default) or built by a full Pelican run of the variant (the reference,
``PARK_DIGEST_VARIANT_RUNS = "pelican"``), on the seed and on a small synthetic archive.

Both builds run here with the same content, three sites (root, zh-hant with s2hk, zh-tw with
s2twp), and the hand-written articles of ``test_variants_site`` (a dictionary correction, a
front-matter override, an article that came in Traditional).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from test_variants_site import ARTICLES, DICTIONARY, ORIGINAL, ROOT, SITEURL

from park_digest.build.pipeline import build_all
from park_digest.variants.derive import relative_to

sys.path.insert(0, str(ROOT))
from bench import generate

VARIANTS = {"zh-hant": "s2hk", "zh-tw": "s2twp"}
# Search bundles are written by the search indexer after the build, not by either way.
NOT_COMPARED = ("pagefind/",)


def make_content(base: Path, synthetic: int) -> Path:
    """The seed's content, the hand-written articles and ``synthetic`` generated ones."""
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    for slug, text in ARTICLES.items():
        (content / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
    (content / "originals").mkdir(exist_ok=True)
    # The article's summary and first paragraph are one Simplified text: the original gives it
    # one Traditional text (a derived page cannot tell two originals of one text apart).
    original = ORIGINAL.replace("summary: 園區裡面的新廠房落成。", "summary: 園區裡面的新廠房落成，原文用字。")
    (content / "originals" / "original.md").write_text(original, encoding="utf-8")
    dictionary = content / "opencc-corrections.txt"
    dictionary.write_text(dictionary.read_text("utf-8") + DICTIONARY, encoding="utf-8")
    generate.write_markdown(content / "articles" / "synthetic", synthetic)
    return content


def build(base: Path, content: Path, mode: str, siteurl: str) -> Path:
    output = base / f"out-{mode}"
    build_all(ROOT / "pelicanconf.py", {
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(base / f"c-{mode}"),
        "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "SITEURL": siteurl, "PARK_DIGEST_IMPORT_ON_BUILD": False,
        "PARK_DIGEST_VARIANTS": VARIANTS, "PARK_DIGEST_VARIANT_RUNS": mode,
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
    })
    return output


def files(output: Path, hand_written_root_urls: bool = False) -> dict[str, bytes]:
    """Every file of a build. With ``hand_written_root_urls``, the one listed difference: with
    an empty SITEURL, a root-relative URL written by hand in an article's Markdown
    (``/images/…``, not ``{static}/images/…``) cannot be told from the site's own links and gets
    the variant's prefix when derived (pointing at the variant's link to the same file)."""
    found = {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in output.rglob("*")
        if path.is_file() and not path.relative_to(output).as_posix().startswith(NOT_COMPARED)
    }
    if hand_written_root_urls:
        for rel, data in found.items():
            for prefix in VARIANTS:
                data = data.replace(f'src="/{prefix}/images/'.encode(), b'src="/images/')
                data = data.replace(f'src=&#34;/{prefix}/images/'.encode(), b'src=&#34;/images/')
            found[rel] = data
    return found


@pytest.fixture(scope="module", params=[SITEURL, ""], ids=["absolute", "root-relative"])
def both_ways(request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    base = tmp_path_factory.mktemp("derive")
    content = make_content(base, synthetic=25)
    derived = files(build(base, content, "derive", request.param), not request.param)
    reference = files(build(base, content, "pelican", request.param), not request.param)
    return derived, reference


def test_every_traditional_page_is_byte_identical_to_a_pelican_run_of_the_variant(
    both_ways: tuple[dict, dict],
) -> None:
    derived, reference = both_ways
    for prefix in VARIANTS:
        ours = {k: v for k, v in derived.items() if k.startswith(f"{prefix}/")}
        theirs = {k: v for k, v in reference.items() if k.startswith(f"{prefix}/")}
        assert sorted(ours) == sorted(theirs)
        assert len(ours) > 60
        different = [rel for rel in ours if ours[rel] != theirs[rel]]
        assert not different, different[:10]


def test_the_simplified_site_and_the_shared_assets_are_the_same_both_ways(
    both_ways: tuple[dict, dict],
) -> None:
    derived, reference = both_ways
    assert derived.keys() == reference.keys()
    root = [rel for rel in derived if not rel.startswith(tuple(f"{p}/" for p in VARIANTS))]
    assert [rel for rel in root if derived[rel] != reference[rel]] == []


def test_derived_pages_are_traditional_and_link_their_own_site(
    both_ways: tuple[dict, dict],
) -> None:
    derived, _ = both_ways
    page = derived["zh-tw/2021/07/stamping/index.html"].decode()
    assert '<html lang="zh-TW" data-variant="zh-tw">' in page
    assert "衝壓車間" in page
    assert 'property="og:locale" content="zh_TW"' in page
    assert '"inLanguage":"zh-TW"' in page
    assert '/zh-tw/2021/07/stamping/"' in page
    assert '<span class="current" lang="zh-TW" aria-current="true">' in page
    original = derived["zh-hant/2022/01/original/index.html"].decode()
    assert "園區裡面的新廠房落成，原文用字。" in original


def test_a_publish_build_leaves_no_stale_variant_page(tmp_path: Path) -> None:
    """DELETE_OUTPUT_DIRECTORY empties the variant folders too: they are derived anew."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text(ARTICLES["stamping"], encoding="utf-8")
    output = tmp_path / "out"
    stale = output / "zh-hant" / "2020" / "01" / "gone" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    build_all(ROOT / "pelicanconf.py", {
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(tmp_path / "c"),
        "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "SITEURL": SITEURL, "PARK_DIGEST_IMPORT_ON_BUILD": False,
        "DELETE_OUTPUT_DIRECTORY": True, "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
    })
    assert (output / "zh-hant" / "2021" / "07" / "stamping" / "index.html").is_file()
    assert not stale.exists()


def test_a_written_file_is_named_relative_to_the_output_through_links_too(tmp_path: Path) -> None:
    output = tmp_path / "output"
    (output / "2021/07/a").mkdir(parents=True)
    (output / "2021/07/a/index.html").write_text("<p>甲</p>", encoding="utf-8")
    (tmp_path / "linked").symlink_to(output, target_is_directory=True)
    real = output.resolve()

    assert relative_to(str(output / "2021/07/a/index.html"), real) == "2021/07/a/index.html"
    assert relative_to(str(tmp_path / "linked/2021/07/a/index.html"), real) \
        == "2021/07/a/index.html"
