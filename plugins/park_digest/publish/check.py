"""Check a built site: every internal link resolves, every page has a title, canonical and lang.

``park-digest check [--output DIR] [--site-url URL]`` reads every HTML page under the output
folder, the script variants included, and reports each link, image, stylesheet, script, hreflang
alternate and script-switch target that does not resolve to a file there, each hreflang alternate
that does not link back, and each page without ``<title>``, canonical URL or ``lang``. It prints
what is broken and exits non-zero when anything is.

The site's URL is read from the home page's canonical link (so a production build with absolute
URLs checks out as well as a development one); ``--site-url`` overrides it.
"""

from __future__ import annotations

import argparse
import html
import logging
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

logger = logging.getLogger(__name__)

# Stand-in site URL for outputs whose links are root-relative (SITEURL = "").
LOCAL_SITE_URL = "http://site.invalid/"

# Pages that need no canonical URL (they answer for every missing address).
NO_CANONICAL = frozenset({"404.html"})

# URL schemes that never point into the site.
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "about:")

# <link rel=…> values whose href is a hint, not a resource.
HINT_RELS = frozenset({"preconnect", "dns-prefetch"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    page: str  # path of the page relative to the output folder
    what: str

    def __str__(self) -> str:
        return f"{self.page}: {self.what}"


@dataclass(slots=True, kw_only=True)
class PageFacts:
    """What the checker needs from one HTML page."""

    lang: str | None = None
    title: str = ""
    canonical: str | None = None
    refs: list[tuple[str, str]] = field(default_factory=list)  # (kind, url)
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, url)


# Pages are scanned with regular expressions (a full HTML parser costs five times as much on a
# site of thousands of pages): comments and inline script bodies are dropped first, then only
# the start tags that can point somewhere are read.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT_BODY = re.compile(r"(<script\b[^>]*>).*?(</script\s*>)", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<(a|link|img|script|source|html|iframe|video|audio)(\s[^>]*)?>", re.IGNORECASE)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.DOTALL | re.IGNORECASE)


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text or ""):
        name = match.group(1).lower()
        if name not in found:
            value = next((g for g in match.groups()[1:] if g is not None), "")
            found[name] = html.unescape(value)
    return found


def _add_refs(facts: PageFacts, tag: str, a: dict[str, str]) -> None:
    refs = facts.refs
    if tag == "html":
        facts.lang = a.get("lang") or None
    elif tag == "a" and "href" in a:
        kind = "switch" if a.get("hreflang") or "lang-switch" in a.get("class", "") else "link"
        refs.append((kind, a["href"]))
    elif tag == "link" and "href" in a:
        rels = set(a.get("rel", "").lower().split())
        if "canonical" in rels:
            facts.canonical = a["href"]
            refs.append(("canonical", a["href"]))
        elif "alternate" in rels and a.get("hreflang"):
            facts.alternates.append((a["hreflang"], a["href"]))
            refs.append(("hreflang", a["href"]))
        elif "stylesheet" in rels:
            refs.append(("stylesheet", a["href"]))
        elif not rels & HINT_RELS:
            refs.append(("link", a["href"]))
    elif tag == "script" and a.get("src"):
        refs.append(("script", a["src"]))
    elif tag in ("img", "source", "video", "audio", "iframe"):
        kind = "image" if tag in ("img", "source") else tag
        if a.get("src"):
            refs.append((kind, a["src"]))
        for candidate in a.get("srcset", "").split(","):
            if candidate.strip():
                refs.append((kind, candidate.split()[0]))


def parse_page(text: str) -> PageFacts:
    """The title, lang, canonical link, hreflang alternates and every reference of a page."""
    text = _SCRIPT_BODY.sub(r"\1\2", _COMMENT.sub("", text))
    facts = PageFacts()
    title = _TITLE.search(text)
    facts.title = html.unescape(title.group(1)) if title else ""
    for match in _TAG.finditer(text):
        _add_refs(facts, match.group(1).lower(), _attributes(match.group(2)))
    return facts


def page_url(site_url: str, relative: str) -> str:
    """The public URL of the page stored at ``relative`` (``a/index.html`` -> ``a/``)."""
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return site_url + relative


def target_file(output: Path, site_url: str, url: str) -> Path | None:
    """The file an absolute URL inside the site names, or None when it is outside the site."""
    if not url.startswith(site_url):
        return None
    rest = unquote(urlsplit(url).path)[len(urlsplit(site_url).path):]
    target = output / rest
    if rest == "" or rest.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def infer_site_url(output: Path) -> str:
    """The site URL, from the canonical link of the home page; a stand-in when it is relative."""
    home = output / "index.html"
    if home.is_file():
        canonical = parse_page(home.read_text(encoding="utf-8", errors="replace")).canonical
        if canonical and urlsplit(canonical).scheme in ("http", "https"):
            base = canonical.split("#")[0].split("?")[0]
            if base.endswith("index.html"):
                base = base[: -len("index.html")]
            return base if base.endswith("/") else base + "/"
    return LOCAL_SITE_URL


def html_pages(output: Path) -> Iterator[Path]:
    for dirpath, dirnames, files in os.walk(output):
        dirnames.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                yield Path(dirpath) / name


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0].split("?", 1)[0]


def _page_form(url: str) -> str:
    """``…/index.html`` and ``…/`` name the same page."""
    return url[: -len("index.html")] if url.endswith("/index.html") else url


def check_site(output: Path, site_url: str | None = None) -> tuple[list[Problem], int]:
    """Every problem of the site in ``output``, and the number of pages read."""
    output = output.resolve()
    site_url = site_url or infer_site_url(output)
    if not site_url.endswith("/"):
        site_url += "/"
    site = urlsplit(site_url)
    problems: list[Problem] = []
    alternates: dict[str, list[tuple[str, str]]] = {}  # page URL -> [(hreflang, absolute URL)]
    verdicts: dict[str, str | None] = {}  # absolute URL -> problem text, shared by every page
    pages = 0
    for path in html_pages(output):
        pages += 1
        relative = path.relative_to(output).as_posix()
        here = page_url(site_url, relative)
        facts = parse_page(path.read_text(encoding="utf-8", errors="replace"))
        problems.extend(_page_problems(relative, facts))
        seen: set[tuple[str, str]] = set()
        for kind, ref in facts.refs:
            ref = ref.strip()
            if not ref or ref.startswith("#") or ref.lower().startswith(SKIPPED_SCHEMES):
                continue
            absolute = _without_fragment(urljoin(here, ref))
            if (kind, absolute) in seen:
                continue
            seen.add((kind, absolute))
            if absolute not in verdicts:
                verdicts[absolute] = _verdict(output, site_url, site, absolute)
            if verdicts[absolute]:
                problems.append(Problem(page=relative, what=f"{kind} {ref} {verdicts[absolute]}"))
        alternates[here] = [
            (lang, _page_form(_without_fragment(urljoin(here, href))))
            for lang, href in facts.alternates
        ]
    problems.extend(_one_way_alternates(alternates, site_url))
    return problems, pages


def _verdict(output: Path, site_url: str, site: SplitResult, absolute: str) -> str | None:
    """What is wrong with an absolute URL met on a page, or None (fine, or another site's)."""
    parts = urlsplit(absolute)
    if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        return None
    target = target_file(output, site_url, absolute)
    if target is None:
        return "points outside the site"
    return None if target.is_file() else "-> not found"


def _page_problems(relative: str, facts: PageFacts) -> list[Problem]:
    problems = []
    if not facts.title.strip():
        problems.append(Problem(page=relative, what="no <title>"))
    if not facts.lang:
        problems.append(Problem(page=relative, what='no lang on <html> (add lang="zh-hans")'))
    if facts.canonical is None and relative.rsplit("/", 1)[-1] not in NO_CANONICAL:
        problems.append(Problem(page=relative, what='no <link rel="canonical">'))
    return problems


def _one_way_alternates(
    alternates: dict[str, list[tuple[str, str]]], site_url: str
) -> list[Problem]:
    """hreflang alternates whose target page does not list the page back."""
    problems = []
    for here, links in alternates.items():
        for lang, there in links:
            if lang.lower() == "x-default" or there == here or there not in alternates:
                continue  # missing targets are reported as not found
            if here not in {url for _lang, url in alternates[there]}:
                page = here[len(site_url):] or "index.html"
                problems.append(
                    Problem(page=page, what=f"hreflang {lang} {there} does not link back")
                )
    return problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", type=Path, default=Path("output"), help="built site folder")
    parser.add_argument(
        "--site-url", default=None,
        help="the site's public URL (default: read from the home page's canonical link)",
    )


def run(args: argparse.Namespace) -> int:
    if not (args.output / "index.html").is_file():
        print(f"{args.output}/index.html not found: build the site first (make html)",
              file=sys.stderr)
        return 2
    problems, pages = check_site(args.output, args.site_url)
    for problem in problems:
        print(problem)
    print(f"checked {pages} pages in {args.output}: {len(problems)} problem(s)")
    return 1 if problems else 0
