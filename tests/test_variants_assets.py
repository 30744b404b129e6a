"""The theme's files live once, at the root, under names that change with their content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_variants_site import ROOT

from park_digest.site.assets import AssetError, build_manifest, fingerprinted_name


def test_a_name_carries_the_hash_of_the_content() -> None:
    one = fingerprinted_name("css/style.css", b"body{}")
    assert re.fullmatch(r"css/style\.[0-9a-f]{8}\.css", one)
    assert fingerprinted_name("css/style.css", b"body{}") == one
    assert fingerprinted_name("css/style.css", b"body{color:red}") != one
    assert fingerprinted_name("js/vendor/opencc/LICENSE", b"MIT") == "js/vendor/opencc/LICENSE"


def test_asset_urls_are_the_roots_for_every_script_and_unknown_names_fail() -> None:
    manifest = build_manifest(ROOT / "theme", ["static"], "theme", "https://news.example.org")
    url = manifest.url("css/style.css")
    assert re.fullmatch(r"https://news\.example\.org/theme/css/style\.[0-9a-f]{8}\.css", url)
    assert manifest.url("js/vendor/opencc/") == "https://news.example.org/theme/js/vendor/opencc/"
    with pytest.raises(AssetError, match=r"no static file 'css/nope\.css'"):
        manifest.url("css/nope.css")


def test_the_import_map_sends_plain_module_urls_to_fingerprinted_ones() -> None:
    manifest = build_manifest(ROOT / "theme", ["static"], "theme", "")
    text = str(manifest.import_map())
    assert text.startswith('<script type="importmap">')
    assert re.search(r'"/theme/js/search-convert\.js":"/theme/js/search-convert\.[0-9a-f]{8}\.js"',
                     text)
    assert '"/theme/js/vendor/opencc/dict/TSCharacters.js"' in text


def test_switching_script_downloads_nothing_again(tmp_path: Path) -> None:
    from test_variants_site import build_variants_site

    output = build_variants_site(tmp_path)
    css = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
    root = css.findall((output / "2021/07/stamping/index.html").read_text("utf-8"))
    for prefix in ("zh-hant", "zh-tw"):
        page = (output / prefix / "2021/07/stamping/index.html").read_text("utf-8")
        assert css.findall(page) == root
        assert not (output / prefix / "theme").exists()
    for href in root:
        assert (output / href.split("/", 3)[3]).is_file()  # https://host/theme/… at the root
