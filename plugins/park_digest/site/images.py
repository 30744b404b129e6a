"""Responsive images: resized copies made with Pillow, and ``srcset``/``width``/``height``.

Real image files under ``content/images/`` get smaller copies (``1-480w.jpg``…) written beside
the copy Pelican makes in the output. Every written HTML page then has its ``<img>`` tags that
point at such a file completed with ``width``, ``height``, ``srcset`` and ``sizes``. Articles
get ``article.thumbnail`` (their first figure, or None when the file is missing) for the home
page and Open Graph. Missing images are left to the figure placeholder.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from park_digest.settings import resolve
from park_digest.site.context import SKIPPED

logger = logging.getLogger(__name__)

IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# An <img> whose src is a file, not an inline placeholder.
LOCAL_IMG = re.compile(r'<img\b[^>]*\bsrc="(?!data:)', re.IGNORECASE)
ATTR = re.compile(r'([a-zA-Z][\w:-]*)\s*=\s*"([^"]*)"')
# Widths offered to the browser, when smaller than the original.
WIDTHS = (480, 960)
ARTICLE_SIZES = "(max-width: 44rem) 100vw, 42rem"
JPEG_QUALITY = 82


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageInfo:
    """A real image: its site-relative path, size and resized copies (site-relative, width)."""

    path: str
    width: int
    height: int
    variants: tuple[tuple[str, int], ...]

    def srcset(self, folder_url: str) -> str:
        """``srcset`` value, each file named under ``folder_url`` (the URL of its folder + "/")."""
        pairs = [*self.variants, (self.path, self.width)]
        return ", ".join(f"{folder_url}{posixpath.basename(p)} {w}w" for p, w in pairs)


def target_widths(width: int, widths: tuple[int, ...] = WIDTHS) -> list[int]:
    """The resized widths worth making for an image ``width`` pixels wide."""
    return [w for w in widths if w < width]


def variant_path(path: str, width: int) -> str:
    """``images/a/1.jpg`` -> ``images/a/1-480w.jpg``."""
    stem, ext = posixpath.splitext(path)
    return f"{stem}-{width}w{ext}"


def make_variants(source: Path, path: str, output: Path) -> ImageInfo | None:
    """Open ``source`` (site path ``path``), write its resized copies under ``output``.

    Copies that already exist and are newer than the source are kept. Returns None when the
    file is not an image Pillow can read.
    """
    try:
        with Image.open(source) as image:
            width, height = image.size
            variants = []
            for target in target_widths(width):
                rel = variant_path(path, target)
                dest = output / rel
                variants.append((rel, target))
                if dest.exists() and dest.stat().st_mtime >= source.stat().st_mtime:
                    continue
                dest.parent.mkdir(parents=True, exist_ok=True)
                copy = image.copy()
                copy.thumbnail((target, round(height * target / width)))
                if dest.suffix.lower() in {".jpg", ".jpeg"}:
                    copy = copy.convert("RGB")
                    copy.save(dest, quality=JPEG_QUALITY, optimize=True, progressive=True)
                else:
                    copy.save(dest, optimize=True)
    except (OSError, UnidentifiedImageError) as error:
        logger.warning("%s: not a readable image (%s); it is published without srcset",
                       source, error)
        return None
    return ImageInfo(path=path, width=width, height=height, variants=tuple(variants))


class ImageIndex:
    """Images of one build, opened once each: site-relative path -> :class:`ImageInfo`."""

    def __init__(self, content: Path, output: Path) -> None:
        self.content = content
        self._content = str(content)
        self.output = output
        self._seen: dict[str, ImageInfo | None] = {}

    def get(self, path: str) -> ImageInfo | None:
        path = posixpath.normpath(path).lstrip("/")
        if path.startswith("..") or not path.lower().endswith((".jpg", ".jpeg", ".png", ".webp")):
            return None
        if path not in self._seen:
            source = os.path.join(self._content, path)  # str: this runs for every article
            self._seen[path] = (
                make_variants(Path(source), path, self.output) if os.path.isfile(source) else None
            )
        return self._seen[path]


def site_path(src: str, siteurl: str, page: str) -> str | None:
    """The site-relative path an ``<img src>`` points at, or None when it is elsewhere.

    ``page`` is the written file's path in the output (for a relative ``src``).
    """
    if siteurl and src.startswith(siteurl + "/"):
        return src[len(siteurl) + 1:]
    if src.startswith(("data:", "http:", "https:", "//")):
        return None
    if src.startswith("/"):
        return src[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), src))


def complete_img_tags(text: str, lookup: Any, sizes: str = ARTICLE_SIZES) -> str:
    """Add ``width``/``height``/``srcset``/``sizes`` to ``<img>`` tags ``lookup`` knows.

    ``lookup(src)`` returns the :class:`ImageInfo` of a real image, or None.
    Tags that already carry ``srcset`` are left as they are.
    """

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        attrs = dict(ATTR.findall(tag))
        if "srcset" in attrs or "src" not in attrs:
            return tag
        found = lookup(html.unescape(attrs["src"]))
        if found is None:
            return tag
        info = found
        extra = []
        if "width" not in attrs and "height" not in attrs:
            extra.append(f'width="{info.width}" height="{info.height}"')
        if info.variants:
            srcset = info.srcset(_folder_url(html.unescape(attrs["src"])))
            extra.append(f'srcset="{html.escape(srcset)}" sizes="{sizes}"')
        if not extra:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return tag[: -len(end)].rstrip() + " " + " ".join(extra) + end

    return IMG_TAG.sub(replace, text)


_index: ImageIndex | None = None


def _build_index(settings: dict[str, Any]) -> ImageIndex:
    """A fresh index for this build (a preview server builds many times in one process)."""
    global _index
    _index = ImageIndex(Path(settings["PATH"]), Path(settings["OUTPUT_PATH"]))
    return _index


def add_thumbnails(generator: Any) -> None:
    """``article_generator_finalized``: set ``article.thumbnail`` from the first real figure."""
    index = _build_index(generator.settings)
    images_dir = resolve(generator.settings)["PARK_DIGEST_IMAGES_DIR"].strip("/")
    for article in generator.articles:
        article.thumbnail = None
        for image in getattr(article, "images", None) or ():
            src = image.get("src") if isinstance(image, dict) else None
            if not src:
                continue
            # the importer writes the path in the content folder (images/<slug>/1.jpg); an
            # editor may write the bare file name of an image of this article
            src = str(src)
            path = src.lstrip("/") if "/" in src else posixpath.join(images_dir, article.slug, src)
            info = index.get(path)
            if info is not None:
                article.thumbnail = info
                break


def complete_written_page(path: str, context: dict[str, Any]) -> None:
    """``content_written``: complete the ``<img>`` tags of a written article or page.

    List pages are skipped (their thumbnails come complete from the theme), and so are articles
    whose text holds no image file, so most written files are never read back.
    """
    item = context.get("article") or context.get("page")
    if not path.endswith(".html") or _index is None or item is None or context.get(SKIPPED):
        return
    if not LOCAL_IMG.search(getattr(item, "_content", None) or ""):
        return
    page = Path(path)
    output = _index.output.resolve()
    try:
        rel = page.resolve().relative_to(output).as_posix()
    except ValueError:
        return
    siteurl = str(context.get("SITEURL") or "")

    def lookup(src: str) -> ImageInfo | None:
        target = site_path(src, siteurl, rel)
        return None if target is None else _index.get(target)

    text = page.read_text(encoding="utf-8")
    if "<img" not in text:
        return
    new = complete_img_tags(text, lookup)
    if new != text:
        page.write_text(new, encoding="utf-8")


def _folder_url(src: str) -> str:
    """The URL of the folder holding ``src``, with a trailing slash (or "" for a bare name)."""
    folder = posixpath.dirname(src)
    return folder + "/" if folder else ""
