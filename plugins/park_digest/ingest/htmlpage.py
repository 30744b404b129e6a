"""A saved web page as a seed: its HTML text and the files it names.

Three shapes, as browsers save them: ``name.html`` with a folder ``name_files/`` ("Webpage,
complete"), ``name.html`` alone ("HTML only") and ``name.mhtml`` (one MIME file holding the page
and its parts). :func:`open_page` gives the decoded HTML and a way to fetch each picture's bytes.

Charsets: a byte order mark; then UTF-8 when the bytes are valid UTF-8 (pages re-saved as UTF-8
often keep an old GBK declaration; GBK and Big5 text is almost never valid UTF-8); then the
page's own declaration (``<meta charset>``, ``http-equiv``, the MHTML part's header), tried
strictly in the encoding family it names (GB2312 and GBK are read as their superset GB18030, Big5
as Big5-HKSCS or CP950); failing that, the candidate among GB18030 and Big5 whose text is made of
common characters. A page that none of these reads clearly is an error naming the file.
"""

from __future__ import annotations

import base64
import email
import email.policy
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from park_digest.ingest import patterns as p
from park_digest.ingest.rawtext import SeedError, check_not_mojibake

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".mhtml", ".mht"})
ARCHIVE_SUFFIXES = frozenset({".mhtml", ".mht"})
# where browsers put a complete page's files: Chrome/Firefox "name_files", older ones "name.files"
FOLDER_SUFFIXES = ("_files", ".files", "")

_DECLARED = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# each declared charset is tried as the encodings that read every page labelled so
_FAMILIES = {
    "utf-8": ("utf-8",), "utf8": ("utf-8",),
    "gb2312": ("gb18030",), "gbk": ("gb18030",), "x-gbk": ("gb18030",), "gb18030": ("gb18030",),
    "cp936": ("gb18030",), "euc-cn": ("gb18030",),
    "big5": ("big5hkscs", "cp950"), "big5-hkscs": ("big5hkscs", "cp950"),
    "x-x-big5": ("big5hkscs", "cp950"), "cp950": ("cp950", "big5hkscs"),
}
_GUESSES = ("gb18030", "big5hkscs")
MIN_CJK_TO_GUESS = 12
# the share of characters among the common ones that a right decoding reaches, and the lead
# it needs over the other candidate (a wrong double-byte decoding gives rare characters)
COMMON_SHARE = 0.3
COMMON_LEAD = 0.15
# Simplified characters frequent in news text; their Traditional forms are added at first use.
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制"
    "机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正"
    "心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党"
    "程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角"
    "期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压"
    "志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万"
    "每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林"
    "律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史"
    "感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始专"
    "状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞港台湾湘乡园企项目服务记者编辑来源香"
)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    import opencc

    traditional = opencc.OpenCC("s2t").convert(_COMMON_SIMPLIFIED)
    return frozenset(_COMMON_SIMPLIFIED) | frozenset(traditional)


def _declared(data: bytes) -> str | None:
    m = _DECLARED.search(data[:8192])
    return (m.group(1) or m.group(2)).decode("ascii").lower() if m else None


def common_share(text: str) -> float:
    """The share of CJK characters in ``text`` that are common ones (0 when there are few)."""
    cjk = p.CJK_CHAR.findall(text)
    if len(cjk) < MIN_CJK_TO_GUESS:
        return 0.0
    common = _common_chars()
    return sum(c in common for c in cjk) / len(cjk)


def decode_page(data: bytes, name: str, declared: str | None = None) -> str:
    """The page's text; :class:`SeedError` when its charset cannot be decided."""
    if not data.strip():
        raise SeedError(name, 1, "the file is empty; save the page again from the browser")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    # Valid UTF-8 holding Chinese is UTF-8 whatever the page declares (a GBK or Big5 text is
    # almost never valid UTF-8, while pages re-saved as UTF-8 often keep their old declaration).
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        check_not_mojibake(text, name)
        return text
    declared = (declared or _declared(data) or "").lower()
    for enc in _FAMILIES.get(declared, (declared,) if declared else ()):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        check_not_mojibake(text, name)
        return text
    scored = []
    for enc in _GUESSES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((common_share(text), enc, text))
    scored.sort(reverse=True)
    if scored and scored[0][0] >= COMMON_SHARE and (
            len(scored) == 1 or scored[0][0] - scored[1][0] >= COMMON_LEAD):
        return scored[0][2]
    said = f" (it declares {declared!r}, which does not read it)" if declared else ""
    raise SeedError(name, 1, "cannot tell the character set of this page: it is not UTF-8 and "
                    f"reads clearly neither as GBK/GB18030 nor as Big5{said}; open it in a browser "
                    "and save it again, or add <meta charset=\"…\"> naming its charset")


@dataclass(slots=True, kw_only=True)
class SavedPage:
    """A page's HTML and where the files it names are: a folder beside it or MIME parts."""

    html: str
    base_url: str | None = None  # the URL the page was saved from, when the file says
    seed: Path | None = None
    parts: dict[str, bytes] = field(default_factory=dict)  # MHTML: URL or cid: -> bytes
    folders: tuple[Path, ...] = ()

    def fetch(self, src: str) -> bytes | None:
        """The bytes of the file ``src`` (as the page names it), or None when it is not saved."""
        src = src.strip()
        if not src:
            return None
        if src.startswith("data:"):
            return _data_uri(src)
        if self.parts:
            url = urljoin(self.base_url or "", src)
            return self.parts.get(url) or self.parts.get(src) or self.parts.get(unquote(url))
        path = self.locate(src)
        try:
            return path.read_bytes() if path else None
        except OSError:
            return None

    def locate(self, src: str) -> Path | None:
        """The saved file ``src`` names, in the page's folder (not in a web archive)."""
        if self.seed is None or self.parts or src.startswith("data:"):
            return None
        split = urlsplit(src)
        rel = unquote(split.path)
        root = os.path.realpath(self.seed.parent)
        if not split.scheme and not split.netloc and rel:
            path = os.path.realpath(os.path.join(root, rel.lstrip("/") if rel.startswith("/") else rel))
            if path.startswith(root + os.sep) and os.path.isfile(path):
                return Path(path)
        # a page saved "HTML only" names its pictures by URL: look for the same file name in
        # the folder of the complete save or the one a text seed would use
        base = rel.rsplit("/", 1)[-1].lower()
        for folder in self.folders:
            hit = _listing(folder).get(base)
            if hit is not None:
                return hit
        return None


def _listing(folder: Path) -> dict[str, Path]:
    try:
        return {f.name.lower(): f for f in folder.iterdir() if f.is_file()}
    except OSError:
        return {}


def _data_uri(src: str) -> bytes | None:
    head, _, payload = src.partition(",")
    try:
        return base64.b64decode(payload) if head.endswith(";base64") else unquote(payload).encode()
    except ValueError:
        return None


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def picture_folders(seed: Path) -> tuple[Path, ...]:
    """The folders beside ``seed`` that may hold its files, in the order they are searched."""
    return tuple(seed.with_name(seed.stem + s) for s in FOLDER_SUFFIXES
                 if seed.with_name(seed.stem + s).is_dir())


def open_page(seed: Path, data: bytes, name: str) -> SavedPage:
    """The saved page in ``data`` (the bytes of ``seed``)."""
    if seed.suffix.lower() in ARCHIVE_SUFFIXES:
        return _open_archive(data, name)
    text = decode_page(data, name)
    m = _SAVED_FROM.search(text[:4096])
    return SavedPage(html=text, base_url=m.group(1) if m else None, seed=seed,
                     folders=picture_folders(seed))


def _open_archive(data: bytes, name: str) -> SavedPage:
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    html_part = None
    parts: dict[str, bytes] = {}
    for part in msg.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        if html_part is None and part.get_content_type() == "text/html":
            html_part = (part, payload)
            continue
        for key in (part.get("Content-Location"), part.get("Content-ID")):
            if key:
                key = key.strip()
                if key.startswith("<") and key.endswith(">"):
                    key = "cid:" + key[1:-1]
                parts[key] = payload
    if html_part is None:
        raise SeedError(name, 1, "this web archive holds no HTML page; save the page again "
                        "as \"Webpage, single file\" (MHTML) or as \"Webpage, complete\"")
    part, payload = html_part
    text = decode_page(payload, name, declared=part.get_content_charset())
    base = (msg.get("Snapshot-Content-Location") or part.get("Content-Location") or "").strip()
    return SavedPage(html=text, base_url=base or None, parts=parts)

