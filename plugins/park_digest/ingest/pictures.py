"""The pictures of a saved page: which are the article's, and their copies beside the articles.

Only pictures inside the article's zone are considered (logos, navigation and sidebar pictures
stand outside it). Among those, a picture is page furniture, and left out, when

1. its file name, the ``class``/``id`` of it or its near ancestors, or its link say so
   (logo, QR code, share/WeChat/Weibo icon, avatar, banner, advert, spacer, tracker …);
2. it is tiny (a side under ``MIN_SIDE`` px: icons, 1×1 trackers) or small all round (both
   sides at most ``SMALL_SIDE`` px: avatars, badges);
3. it is a strip (one side ``STRIP_RATIO`` times the other or more: banners, dividers);
4. it is a square of two tones without grey (a QR code);
5. it links to another site than the page's (an advert or a promotion).

Sizes come from the file (Pillow), or from ``width``/``height`` when the file was not saved.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

MIN_SIDE = 60
SMALL_SIDE = 120
STRIP_RATIO = 4.0
# Words of furniture in file names, class/id names and link targets (not in alt texts: a
# caption may well say 分享会 or 广告节).
FURNITURE_WORDS = re.compile(
    r"logo|qr_?code|(?<![a-z])qr(?![a-z])|erweima|(?<![a-z])ewm(?![a-z])|二维码|share|fenxiang|"
    r"weixin|wechat|weibo|(?<![a-z])wx(?![a-z])|icon|avatar|touxiang|头像|banner|guanggao|广告|"
    r"(?<![a-z])ads?(?![a-z])|advert|spacer|blank\.gif|pixel|tracker|counter|(?<![a-z])btn|"
    r"button|loading|placeholder|sprite",
    re.IGNORECASE,
)
_IMAGE_LINK = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp)(?:[?#].*)?$", re.IGNORECASE)
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp", "BMP": ".bmp",
           "TIFF": ".tif"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A picture the page shows in the article's zone, with what tells its role."""

    src: str
    alt: str = ""
    title: str = ""
    hints: str = ""  # class and id of the picture and its near ancestors
    link: str | None = None  # the href of the link around it
    declared: tuple[int | None, int | None] = (None, None)  # width/height attributes
    data: bytes | None = None  # the saved file, None when the save lacks it
    path: Path | None = None  # where it is saved, when in a folder (not in a web archive)


@lru_cache(maxsize=256)  # a picture is sized for the filter, its name and the copy
def picture_size(data: bytes | None) -> tuple[str | None, int | None, int | None]:
    """(file suffix, width, height) of an image file, or Nones when Pillow cannot read it."""
    if not data:
        return None, None, None
    try:
        with Image.open(io.BytesIO(data)) as im:
            return FORMATS.get(im.format or ""), im.width, im.height
    except (UnidentifiedImageError, OSError, ValueError):
        return None, None, None


def is_two_tone_square(data: bytes) -> bool:
    """A square picture of black and white without grey between: a QR code."""
    try:
        with Image.open(io.BytesIO(data)) as im:
            if not 0.85 <= im.width / max(im.height, 1) <= 1.18:
                return False
            counts = im.convert("L").histogram()
    except (UnidentifiedImageError, OSError, ValueError):
        return False
    total = sum(counts) or 1
    dark, light = sum(counts[:64]) / total, sum(counts[192:]) / total
    return dark > 0.15 and light > 0.15 and dark + light > 0.9


def furniture_reason(c: Candidate, page_host: str | None = None) -> str | None:
    """Why the picture is page furniture, or None when it belongs to the article."""
    named = " ".join((urlsplit(c.src).path.rsplit("/", 1)[-1] if not c.src.startswith("data:")
                      else "", c.hints, c.link or ""))
    m = FURNITURE_WORDS.search(named)
    if m:
        return f"named {m.group()!r}"
    _, width, height = picture_size(c.data)
    if width is None:
        width, height = c.declared
    if width is not None and height is not None:
        if min(width, height) < MIN_SIDE:
            return f"tiny ({width}×{height})"
        if max(width, height) <= SMALL_SIDE:
            return f"small ({width}×{height}): an avatar or a badge"
        if max(width, height) >= STRIP_RATIO * min(width, height):
            return f"a strip ({width}×{height}): a banner or a divider"
    if c.data and width and height and 0.85 <= width / height <= 1.18 \
            and is_two_tone_square(c.data):
        return "a square of two tones: a QR code"
    if c.link and page_host and not _IMAGE_LINK.search(c.link):
        host = urlsplit(c.link).hostname
        if host and not _same_site(host, page_host):
            return f"links to another site ({host})"
    return None


def _same_site(a: str, b: str) -> bool:
    """``www.rednet.cn`` and ``xt.rednet.cn`` are one site."""
    return a.split(".")[-2:] == b.split(".")[-2:]


def copy_pictures(pictures: Mapping[str, bytes | Path | None], names: list[str], slug: str,
                  images_dir: Path) -> tuple[dict[str, tuple[str, int | None, int | None]], list[str]]:
    """Write the saved pictures ``names`` to ``images_dir/slug/``: (name → (URL relative to the
    content folder, width, height)) and the names the save lacks."""
    written: dict[str, tuple[str, int | None, int | None]] = {}
    missing: list[str] = []
    for name in names:
        data = pictures.get(name)
        if isinstance(data, Path):
            try:
                data = data.read_bytes()
            except OSError:
                data = None
        if not data:
            missing.append(name)
            continue
        dest = images_dir / slug / name
        if not dest.is_file() or dest.read_bytes() != data:
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{name}.tmp")
            tmp.write_bytes(data)
            tmp.replace(dest)
        _, width, height = picture_size(data)
        written[name] = (f"{images_dir.name}/{slug}/{name}", width, height)
    return written, missing
