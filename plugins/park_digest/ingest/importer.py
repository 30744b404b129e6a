"""Import raw seeds into ``content/articles/``: ``park-digest import [SEED …] [--out DIR]``.

Runs at the start of every Pelican build too. Seeds are only read. A Markdown file is written
only when its text changes, and never over a file an editor changed by hand: the importer keeps
the hash of what it wrote in ``.imported.json`` beside the articles.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import multiprocessing
import os
import re
import runpy
import shutil
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path

from unidecode import unidecode

from park_digest import settings as park_settings
from park_digest.ingest.dates import FUTURE_KEY, is_ahead
from park_digest.ingest.htmlpage import PAGE_SUFFIXES, picture_folders
from park_digest.ingest.markdown_out import ImageOut, article_markdown
from park_digest.ingest.parse import parse_article
from park_digest.ingest.rawtext import SeedError, decode, without_pinyin_glosses
from park_digest.ingest.record import Article
from park_digest.statefile import read_json, write_json

logger = logging.getLogger(__name__)

STATE_FILE = ".imported.json"
SEEDS_STATE_FILE = ".imported-seeds.json"  # beside STATE_FILE, not committed
STAT_CACHE_FILE = ".imported-stats.json"  # beside STATE_FILE, not committed
SEED_SUFFIXES = {".txt", ".text", "", *PAGE_SUFFIXES}  # text, or a saved web page
SLUG_SYLLABLES = 8
RAW_FIELD = re.compile(r"^raw: *(.+?) *$", re.MULTILINE)  # front matter: the seed's path
FRONT_MATTER_READ = 32768  # characters read to find it


class ImportFailed(RuntimeError):
    """Strict mode: one or more seeds could not be imported."""


@dataclass(slots=True)
class Result:
    """What happened to one seed."""

    seed: Path
    status: str  # written | unchanged | kept-edited | duplicate | removed | failed
    slug: str | None = None
    output: Path | None = None
    message: str = ""
    missing_images: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about the article as imported

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Where the importer reads and writes, and how it names and tags articles."""

    project: Path
    out_dir: Path
    images_dir: Path
    originals_dir: Path
    category: str | None = None
    keywords: Mapping[str, str] = field(default_factory=dict)
    fullwidth: bool = True
    # file sizes and times of seeds and outputs from the last run (not committed: clones differ)
    stat_cache: Path | None = None


# --- pure helpers --------------------------------------------------------------------------------
def make_slug(article: Article) -> str:
    """ASCII slug from the date and the title's pinyin: ``2021-07-06-xiang-xiang-jing-kai-qu-…``."""
    words = re.findall(r"[a-z0-9]+", unidecode(article.title).lower())
    stem = "-".join(words[:SLUG_SYLLABLES]) or "article"
    return f"{article.date:%Y-%m-%d}-{stem}"


def load_keywords(path: Path) -> dict[str, str]:
    """Editors' keyword list: ``keyword`` or ``keyword = tag`` per line, ``#`` comments."""
    keywords: dict[str, str] = {}
    if not path.is_file():
        return keywords
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, tag = line.partition("=")
        keywords[word.strip()] = (tag.strip() or word.strip())
    return keywords


def find_tags(article: Article, keywords: Mapping[str, str]) -> list[str]:
    text = article.title + "\n" + "\n".join(b.text or (b.figure.caption or "") if b.figure else b.text
                                           for b in article.blocks)
    return list(dict.fromkeys(tag for word, tag in keywords.items() if word and word in text))


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def script_of(text: str) -> tuple[str, str]:
    """(``zh-hant`` or ``zh-hans``, the text in Simplified characters)."""
    t2s = _converter("t2s").convert(text)
    if t2s == text:
        return "zh-hans", text
    traditional = sum(map(str.__ne__, text, t2s))
    if traditional < 3:
        return "zh-hans", text
    simplified = sum(map(str.__ne__, text, _converter("s2t").convert(text)))
    # mostly Simplified with Traditional parts: the Simplified reading serves the parser
    return ("zh-hant", t2s) if traditional > 2 * simplified else ("zh-hans", t2s)


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


# --- files ----------------------------------------------------------------------------------------
def seed_files(paths: Iterable[Path]) -> list[Path]:
    """The seed files named, folders expanded to the text files they hold (not the image folders)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            with os.scandir(path) as listing:  # file or folder from the listing, no stat
                found = [Path(e.path) for e in listing if not e.name.startswith(".")
                         and e.is_file()]
            files += sorted(f for f in found if f.suffix.lower() in SEED_SUFFIXES)
        else:
            files.append(path)
    return files


def _relative(path: Path, project: Path) -> str:
    """``path`` relative to the project, with ``/``; outside it, as given."""
    full, base = os.path.abspath(path), os.path.abspath(project)
    if full.startswith(base + os.sep):  # the usual case, without relpath's work
        return full[len(base) + 1:].replace(os.sep, "/")
    return "." if full == base else path.as_posix()


def _image_size(path: Path) -> tuple[int | None, int | None]:
    try:
        from PIL import Image

        with Image.open(path) as im:
            return im.size
    except Exception:
        return None, None


def copy_images(seed: Path, article: Article, slug: str, opts: Options
                ) -> tuple[dict[str, ImageOut], list[str]]:
    """Copy the images found beside the seed (folder named like it) to ``images/<slug>/``."""
    if seed.suffix.lower() in PAGE_SUFFIXES:  # a saved page: its pictures are in its save
        return _copy_page_pictures(seed, article, slug, opts)
    folder = seed.with_suffix("")
    try:  # one listing of the folder; names match whatever their case
        files = {f.name.lower(): f for f in folder.iterdir() if f.is_file()}
    except OSError:
        files = {}
    images: dict[str, ImageOut] = {}
    missing: list[str] = []
    for fig in article.figures:
        src = files.get(fig.name.lower())
        if src is None:
            missing.append(fig.name)
            continue
        dest = opts.images_dir / slug / fig.name
        if not dest.is_file() or dest.read_bytes() != src.read_bytes():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
        width, height = _image_size(dest)
        url = f"{opts.images_dir.name}/{slug}/{fig.name}"  # relative to the content folder
        images[fig.name] = ImageOut(name=fig.name, url=url, width=width, height=height)
    return images, missing


def move_images(images_dir: Path, old_slug: str, new_slug: str) -> None:
    """Move the images the importer copied for ``old_slug`` to ``new_slug``'s folder."""
    old, new = images_dir / old_slug, images_dir / new_slug
    if not old.is_dir():
        return
    if not new.exists():
        os.replace(old, new)
        return
    for path in old.iterdir():
        if not (new / path.name).exists():
            os.replace(path, new / path.name)
    shutil.rmtree(old)


def _previous_slug(state: State, rel: str, slug: str, taken: Mapping[str, Path],
                   out_dir: Path) -> str | None:
    """The slug the seed ``rel`` was last imported under, when it differs from ``slug`` now
    (its date or title was corrected), its file is still there and no other seed's.

    The local seed state says it; without it (a fresh clone) the articles' ``raw`` field does,
    looked up only when no file has the new name yet."""
    entry = state.seeds.get(rel)
    if entry:
        candidates = [entry.get("slug")]
    elif not (out_dir / f"{slug}.md").exists():
        candidates = state.slugs_from_seed(rel)
    else:
        return None
    candidates = [c for c in candidates if c and c != slug and c not in taken]
    if not candidates:  # the common case: the seed keeps its slug
        return None
    others = {e.get("slug") for other, e in state.seeds.items() if other != rel}
    found = [c for c in candidates if c not in others and (out_dir / f"{c}.md").is_file()]
    return found[0] if len(found) == 1 else None


def _raw_of(path: Path) -> str | None:
    """The ``raw`` field (the seed it came from) of a Markdown file's front matter."""
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            text = file.read(FRONT_MATTER_READ)
    except OSError:
        return None
    end = text.find("\n---", 3)
    match = RAW_FIELD.search(text[:end]) if text.startswith("---") and end > 0 else None
    if not match:
        return None
    try:
        value = json.loads(match.group(1))
    except ValueError:
        value = match.group(1).strip().strip("'\"")
    return value if isinstance(value, str) else None


def _copy_page_pictures(seed: Path, article: Article, slug: str, opts: Options
                        ) -> tuple[dict[str, ImageOut], list[str]]:
    from park_digest.ingest.htmlseed import page_pictures
    from park_digest.ingest.pictures import copy_pictures

    pictures = page_pictures(seed, seed.read_bytes(), _relative(seed, opts.project))
    written, missing = copy_pictures(pictures, [f.name for f in article.figures], slug,
                                     opts.images_dir)
    return {name: ImageOut(name=name, url=url, width=w, height=h)
            for name, (url, w, h) in written.items()}, missing


class State:
    """What the importer wrote, beside the articles.

    ``files`` (in ``.imported.json``, committed with the articles): hash of each Markdown file
    as written, to tell the importer's own files from files an editor changed. ``seeds`` (in
    ``.imported-seeds.json``, local): for each seed, the hashes that produced its file, so an
    unchanged seed is recognised without parsing it again; it changes with the importer's code,
    so it is not committed.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_FILE
        self.seeds_path = folder / SEEDS_STATE_FILE
        self.files: dict[str, str] = _load_json(self.path).get("files", {})
        self.seeds: dict[str, dict] = _load_json(self.seeds_path).get("seeds", {})
        self.files_changed = self.seeds_changed = False
        self._by_seed: dict[str, list[str]] | None = None

    def slugs_from_seed(self, rel: str) -> list[str]:
        """Slugs of the Markdown files whose front matter names ``rel`` as their seed (all
        files are read on the first call, once)."""
        if self._by_seed is None:
            self._by_seed = {}
            for path in sorted(self.path.parent.glob("*.md")):
                raw = _raw_of(path)
                if raw is not None:
                    self._by_seed.setdefault(raw, []).append(path.stem)
        return self._by_seed.get(rel, [])

    def write_if_ours(self, target: Path, text: str) -> str:
        """Write ``text`` to ``target`` unless an editor changed it: written/unchanged/kept-edited."""
        key = target.name
        if target.is_file():
            current = target.read_text(encoding="utf-8")
            if current == text:
                if self.files.get(key) != sha256(text):
                    self.files[key], self.files_changed = sha256(text), True
                return "unchanged"
            if self.files.get(key) != sha256(current):
                return "kept-edited"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        self.files[key], self.files_changed = sha256(text), True
        return "written"

    def is_ours(self, target: Path) -> bool | None:
        """Whether ``target`` is as the importer wrote it (``None``: there is no such file)."""
        try:
            current = target.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeError):
            return False
        return self.files.get(target.name) == sha256(current)

    def remove(self, target: Path) -> None:
        """Delete ``target`` if it is as the importer wrote it, and forget it."""
        if self.is_ours(target):
            target.unlink()
            del self.files[target.name]
            self.files_changed = True

    def remember_seed(self, rel: str, entry: dict) -> None:
        if self.seeds.get(rel) != entry:
            self.seeds[rel], self.seeds_changed = entry, True

    def unchanged_seed(self, rel: str, stamp: dict, target_dir: Path) -> dict | None:
        """The remembered entry when the seed, its images and its output are as last time."""
        entry = self.seeds.get(rel)
        if not entry or any(entry.get(k) != v for k, v in stamp.items()):
            return None
        target = target_dir / f"{entry['slug']}.md"
        try:
            written = sha256(target.read_bytes())
        except OSError:
            return None
        return entry if written == self.files.get(target.name) else None

    def save(self) -> None:
        # the hashes of the written files, kept in version control, one per line; the seeds'
        # stamps (a cache) on one line, which json writes several times faster
        for changed, path, data, indent in (
                (self.files_changed, self.path, {"files": self.files}, 1),
                (self.seeds_changed, self.seeds_path, {"seeds": self.seeds}, None)):
            if changed:
                write_json(path, data, indent=indent, sort_keys=True)


def _load_json(path: Path) -> dict:
    data = read_json(path)
    return data if isinstance(data, dict) else {}


# --- the batch -----------------------------------------------------------------------------------
_PACKAGE_IMPORT = re.compile(
    r"^[ \t]*from park_digest((?:\.\w+)*) import (?:\(([^)]*)\)|([\w, ]*))", re.M)


def code_files() -> list[Path]:
    """This module and every module of the package it imports, directly or through another
    (lazy imports inside functions too): the parser, its patterns and data such as the surname
    list, the page reader."""
    root = Path(__file__).resolve().parents[1]  # the package: plugins/park_digest

    def source(dotted: str) -> Path | None:
        base = root.joinpath(*dotted.split(".")) if dotted else root
        found = [p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()]
        return found[0] if found else None

    seen: dict[str, Path] = {}
    todo = [f"{Path(__file__).parent.name}.{Path(__file__).stem}"]
    while todo:
        name = todo.pop()
        path = source(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        for module, listed, names in _PACKAGE_IMPORT.findall(path.read_text(encoding="utf-8")):
            names = listed or names
            module = module.lstrip(".")  # "": the package, whose __init__ wires Pelican
            if module:
                todo.append(module)
            # `from park_digest.ingest import parse` names modules; names of functions are not
            todo += [f"{module}.{n}".lstrip(".") for n in
                     (item.split()[0] for item in names.split(",") if item.strip())]
    return sorted(seen.values())


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Hash of the importer's code and of all it reads with: a new importer re-imports every seed."""
    return sha256(b"".join(path.read_bytes() for path in code_files()))


def _options_fingerprint(opts: Options) -> str:
    return sha256(json.dumps([_code_fingerprint(), opts.category, sorted(opts.keywords.items()),
                              opts.fullwidth], ensure_ascii=False))


def _images_stamp(seed: Path) -> list:
    folders = _image_folders(seed)
    return sorted([f.name, f.stat().st_size, f.stat().st_mtime_ns]
                  for folder in folders for f in folder.iterdir())


def _image_folders(seed: Path) -> tuple[Path, ...]:
    """The folders that hold a seed's images: ``abc/`` for ``abc.txt``; ``abc_files/`` … for a page."""
    if seed.suffix.lower() in PAGE_SUFFIXES:
        return picture_folders(seed)
    folder = seed.with_suffix("")
    return (folder,) if folder.is_dir() else ()


def read_seed(seed: Path, opts: Options, data: bytes | None = None
              ) -> tuple[Article, Article | None, str, tuple[str, ...]]:
    """Parse one seed; for a Traditional seed also the record in its own script. Last: what was
    repaired in the text as it came, said to the editor."""
    data = seed.read_bytes() if data is None else data
    name = _relative(seed, opts.project)
    if seed.suffix.lower() in PAGE_SUFFIXES:  # a saved web page: htmlseed reads it
        from park_digest.ingest.htmlseed import read_page

        return (*read_page(seed, data, name, fullwidth=opts.fullwidth), sha256(data), ())
    text, glosses = without_pinyin_glosses(decode(data, name))
    notes = (f"{name}: {glosses} pinyin glosses a mirror put after characters were left out "
             "(關(guān)系 read as 關系)",) if glosses else ()
    script, simplified = script_of(text)
    # the seed's time gives the year of a dateline without one (name is project-relative)
    mtime = seed.stat().st_mtime
    if script == "zh-hant":
        article = parse_article(simplified, name, fullwidth=opts.fullwidth, seed_mtime=mtime)
        original = parse_article(simplified, name, fullwidth=opts.fullwidth, display=text,
                                 seed_mtime=mtime)
        return replace(article, original_script="zh-hant"), original, sha256(data), notes
    if simplified != text:  # a Traditional story on a Simplified page: its structure read in
        # Simplified (记者, 报导 …), its words kept as the seed gives them
        return (parse_article(simplified, name, fullwidth=opts.fullwidth, display=text, seed_mtime=mtime),
                None, sha256(data), notes)
    return parse_article(text, name, fullwidth=opts.fullwidth, seed_mtime=mtime), None, sha256(data), notes


def _article_keys(article: Article) -> list:
    keys: list = [["url", article.source_url]] if article.source_url else []
    keys.append(["title-date", article.title, article.date.isoformat()])
    return keys


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """A seed read, parsed and, when it has no images to copy, rendered (in a worker)."""

    digest: str
    keys: list
    slug: str
    article: Article | None  # None once rendered in a worker: the text is what comes back
    original: Article | None
    text: str | None = None  # Markdown under ``slug``; None when images must be copied first
    original_text: str | None = None
    missing: tuple[str, ...] = ()  # with ``text``: the figures, none of which has a file
    notes: tuple[str, ...] = ()  # what was repaired in the text as it came


def render(seed: Path, prep: Prepared, slug: str, opts: Options,
           images: Mapping[str, ImageOut]) -> tuple[str, str | None]:
    """The Markdown of the article (and of its original-script record) under ``slug``."""
    common = {
        "slug": slug, "category": opts.category, "tags": find_tags(prep.article, opts.keywords),
        "raw": _relative(seed, opts.project), "raw_sha256": prep.digest, "images": images,
    }
    if prep.original is None:
        return article_markdown(prep.article, **common), None
    return (
        article_markdown(prep.article, extra={"original_script": "zh-hant"}, **common),
        article_markdown(prep.original, extra={"lang": "zh-hant", "original_script": "zh-hant"},
                         **common),
    )


def prepare(seed: Path, opts: Options) -> Prepared | str:
    """Read, parse and render one seed, or return the error message for it."""
    rel = _relative(seed, opts.project)
    try:
        data = seed.read_bytes()
    except OSError as e:
        return f"{rel}:1: cannot read the file ({e.strerror})"
    try:
        article, original, digest, notes = read_seed(seed, opts, data)
    except SeedError as e:
        return str(e)
    prep = Prepared(digest=digest, keys=_article_keys(article), slug=make_slug(article),
                    article=article, original=original, notes=notes)
    if article.figures and (seed.suffix.lower() in PAGE_SUFFIXES or _image_folders(seed)):
        return prep  # images to copy: rendered once they are in place
    text, original_text = render(seed, prep, prep.slug, opts, {})
    return replace(prep, text=text, original_text=original_text,
                   missing=tuple(f.name for f in article.figures))


def date_warnings(keys: list, rel: str, target: Path, opts: Options) -> list[str]:
    """A date more than a day ahead: most likely a mistyped year."""
    stamp = next((k[2] for k in keys if k[0] == "title-date"), None)
    if stamp is None or not is_ahead(datetime.fromisoformat(stamp)):
        return []
    return [f"{rel}: the date {stamp[:16].replace('T', ' ')} is in the future (a mistyped "
            f"year?); correct it in the seed, or, if the article is dated ahead on purpose, add "
            f"`{FUTURE_KEY}: true` to the front matter of {_relative(target, opts.project)}"]


def import_seeds(seeds: Sequence[Path], opts: Options) -> list[Result]:
    """Import every seed; one failure never stops the others."""
    state = State(opts.out_dir)
    originals_state = State(opts.originals_dir)
    results: list[Result] = []
    seen_keys: dict[tuple[str, ...], Path] = {}
    slugs: dict[str, Path] = {}
    options_fp = _options_fingerprint(opts)
    stats = _load_stats(opts.stat_cache)
    new_stats: dict[str, list] = {}

    def duplicate_of(keys: list[tuple[str, ...]]) -> Path | None:
        return next((seen_keys[k] for k in keys if k in seen_keys), None)

    # 1. seeds whose sizes and times are as last run are known without reading them
    plan: list[tuple[Path, str, list | None, dict | None]] = []
    for seed in seed_files(seeds):
        rel = _relative(seed, opts.project)
        quick = _stat_stamp(seed, state.seeds.get(rel), opts, options_fp)
        known = state.seeds.get(rel) if quick is not None and stats.get(rel) == quick else None
        plan.append((seed, rel, quick, known))
    # 2. the others are read, parsed and rendered, on every core when there are many
    unknown = [seed for seed, _, _, known in plan if known is None]
    prepared = dict(zip(unknown, _prepare_all(unknown, opts), strict=True))
    # 3. in order: duplicates, slugs, files
    for seed, rel, quick_before, known in plan:
        known_by_stats = known is not None
        prep = prepared.get(seed)
        if isinstance(prep, str):
            results.append(Result(seed, "failed", message=prep))
            continue
        stamp = {"sha": prep.digest, "options": options_fp, "images": _images_stamp(seed)} \
            if prep is not None else None
        if known is None:
            known = state.unchanged_seed(rel, stamp, opts.out_dir)
        keys = [tuple(map(str, k)) for k in known["keys"]] if known is not None else []
        if known is not None and duplicate_of(keys) is None and known["slug"] not in slugs:
            for k in keys:
                seen_keys[k] = seed
            slugs[known["slug"]] = seed
            target = opts.out_dir / f"{known['slug']}.md"
            results.append(Result(seed, "unchanged", slug=known["slug"], output=target,
                                  missing_images=list(known["missing"]),
                                  warnings=date_warnings(known["keys"], rel, target, opts)))
            if known_by_stats:  # its sizes and times, taken above, are still right
                new_stats[rel] = quick_before
            elif (quick := _stat_stamp(seed, known, opts, options_fp)) is not None:
                new_stats[rel] = quick
            continue
        if prep is None:  # known by its times but clashing with another seed: read it
            prep = prepare(seed, opts)
            if isinstance(prep, str):
                results.append(Result(seed, "failed", message=prep))
                continue
            stamp = {"sha": prep.digest, "options": options_fp, "images": _images_stamp(seed)}
        keys = [tuple(map(str, k)) for k in prep.keys]
        first = duplicate_of(keys)
        if first is not None:
            results.append(Result(seed, "duplicate", message=(
                f"{rel}: same article as {_relative(first, opts.project)} (same URL or same title "
                "and date); imported once, from the first. Remove one of the two seeds.")))
            continue
        for k in keys:
            seen_keys[k] = seed
        slug = prep.slug
        if slug in slugs:
            if prep.article is None:  # rendered in a worker under the clashing slug
                prep = prepare(seed, opts)
            article = prep.article
            slug = f"{slug}-{sha256(article.source_url or article.title + str(article.date))[:6]}"
        target = opts.out_dir / f"{slug}.md"
        # a seed whose date or title was corrected: its article moves to the new name
        previous = _previous_slug(state, rel, slug, slugs, opts.out_dir)
        old = opts.out_dir / f"{previous}.md" if previous else None
        if old is not None and not state.is_ours(old):
            slugs[previous] = seed
            results.append(Result(seed, "kept-edited", slug=previous, output=old, message=(
                f"{_relative(old, opts.project)} was edited by hand; left as it is, and not "
                f"imported again under the new date or title of {rel} either, which would list "
                f"the article twice. Delete it to import {rel} again.")))
            continue
        if old is not None and state.is_ours(target) is False:
            old = None  # an editor's file already has the new name: both stay as they are
        slugs[slug] = seed
        if old is not None:
            move_images(opts.images_dir, previous, slug)
        if prep.text is not None and slug == prep.slug:
            text, original_text, missing = prep.text, prep.original_text, list(prep.missing)
        else:
            images, missing = copy_images(seed, prep.article, slug, opts)
            text, original_text = render(seed, prep, slug, opts, images)
        status = state.write_if_ours(target, text)
        if original_text is not None:
            originals_state.write_if_ours(opts.originals_dir / f"{slug}.md", original_text)
        result = Result(seed, status, slug=slug, output=target, missing_images=missing)
        if status == "kept-edited":
            result.message = (f"{_relative(target, opts.project)} was edited by hand; left as it is. "
                              f"Delete it to import {rel} again.")
        else:
            if old is not None:
                state.remove(old)
                originals_state.remove(opts.originals_dir / old.name)
                result.message = f"replaces {old.name}: the seed's date or title changed"
            result.warnings = [*prep.notes, *date_warnings(prep.keys, rel, target, opts)]
            state.remember_seed(rel, {**stamp, "slug": slug, "keys": prep.keys, "missing": missing})
            if (quick := _stat_stamp(seed, state.seeds.get(rel), opts, options_fp)) is not None:
                new_stats[rel] = quick
        results.append(result)
    if seeds and all(path.is_dir() for path in seeds):  # a whole folder: its deleted seeds go
        results += retire_deleted(state, originals_state, seeds, {rel for _, rel, _, _ in plan}, opts)
    state.save()
    originals_state.save()
    _save_stats(opts.stat_cache, stats, new_stats)
    return results


def retire_deleted(state: State, originals_state: State, folders: Sequence[Path],
                   present: set[str], opts: Options) -> list[Result]:
    """The articles of seeds deleted from ``folders`` since the last import: removed with their
    copied images when they are as the importer wrote them, kept (and said) when an editor
    changed them. The seed is forgotten either way."""
    prefixes = tuple(_relative(folder, opts.project).rstrip("/") + "/" for folder in folders)
    results = []
    for rel in sorted(r for r in state.seeds if r.startswith(prefixes) and r not in present):
        slug = state.seeds.pop(rel).get("slug")
        state.seeds_changed = True
        target = opts.out_dir / f"{slug}.md"
        if not slug or state.is_ours(target) is None:
            continue  # its article is gone already
        seed = opts.project / rel
        if state.is_ours(target):
            state.remove(target)
            originals_state.remove(opts.originals_dir / target.name)
            shutil.rmtree(opts.images_dir / slug, ignore_errors=True)
            results.append(Result(seed, "removed", slug=slug, output=target, message=(
                f"{rel} was deleted: its article {_relative(target, opts.project)} is removed")))
        else:
            results.append(Result(seed, "kept-edited", slug=slug, output=target, message=(
                f"{rel} was deleted, but {_relative(target, opts.project)} was edited by hand: "
                "left as it is; delete it too to take the article off the site")))
    return results


PARALLEL_FROM = 200  # seeds; below this a pool costs more than it saves


def _prepare_all(seeds: Sequence[Path], opts: Options) -> list:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if len(seeds) < PARALLEL_FROM or (cores or 1) < 2 \
            or "fork" not in multiprocessing.get_all_start_methods():
        return [prepare(seed, opts) for seed in seeds]
    with ProcessPoolExecutor(cores, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(partial(_prepare_in_worker, opts=opts), seeds, chunksize=64))


def _prepare_in_worker(seed: Path, opts: Options) -> Prepared | str:
    prep = prepare(seed, opts)
    if isinstance(prep, Prepared) and prep.text is not None:  # send back text, not records
        return replace(prep, article=None, original=None)
    return prep


def _stat_stamp(seed: Path, known: dict | None, opts: Options, options_fp: str) -> list | None:
    """Sizes and times of the seed, its images and its Markdown file: equal to last run's,
    the seed is unchanged without reading it."""
    if known is None:
        return None
    try:
        s, out = seed.stat(), (opts.out_dir / f"{known['slug']}.md").stat()
    except OSError:
        return None
    return [s.st_size, s.st_mtime_ns, out.st_size, out.st_mtime_ns, _images_stamp(seed), options_fp]


def _load_stats(path: Path | None) -> dict[str, list]:
    return _load_json(path) if path else {}


def _save_stats(path: Path | None, old: dict, new: dict) -> None:
    if path is None or new == old:
        return
    try:
        write_json(path, new, indent=None)
    except OSError as e:  # only a cache: the next run reads the seeds again
        logger.debug("cannot save %s: %s", path, e)


def options_from_settings(settings: Mapping, project: Path | None = None) -> Options:
    """Importer options from Pelican settings; relative paths are taken from ``project``."""
    conf = park_settings.resolve(settings)
    project = project or Path.cwd()
    content = project / settings.get("PATH", "content")  # an absolute PATH stays as it is
    return Options(
        project=project,
        out_dir=content / conf["PARK_DIGEST_ARTICLES_DIR"],
        images_dir=content / conf["PARK_DIGEST_IMAGES_DIR"],
        originals_dir=content / conf["PARK_DIGEST_ORIGINALS_DIR"],
        category=settings.get("DEFAULT_CATEGORY"),
        keywords=load_keywords(content / conf["PARK_DIGEST_KEYWORDS_FILE"]),
        fullwidth=conf["PARK_DIGEST_FULLWIDTH_PUNCTUATION"],
        stat_cache=content / conf["PARK_DIGEST_ARTICLES_DIR"] / STAT_CACHE_FILE,
    )


def written_under(opts: Options, folder: Path) -> Options:
    """``opts`` writing everything under ``folder`` (``--out``): the Markdown, and beside it
    the originals, the images and the importer's state, as in a content folder of its own.
    The project is only read."""
    return replace(opts, out_dir=folder, images_dir=folder / opts.images_dir.name,
                   originals_dir=folder / opts.originals_dir.name,
                   stat_cache=folder / STAT_CACHE_FILE)


def report(results: Sequence[Result]) -> tuple[list[str], str]:
    """One line per seed and a summary line."""
    lines = []
    for r in results:
        if r.status == "failed":
            lines.append(f"FAILED     {r.message}")
            continue
        where = r.output.name if r.output else ""
        line = f"{r.status:<11}{_relative(r.seed, r.seed.parent.parent)} -> {where}"
        if r.message:
            line += f"  ({r.message})"
        if r.missing_images:
            line += f"  [missing images: {', '.join(r.missing_images)}]"
        lines.append(line)
        lines += [f"  warning: {warning}" for warning in r.warnings]
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = f"{len(results)} seeds: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    return lines, summary


# --- Pelican edge ----------------------------------------------------------------------------------
def import_on_build(pelican) -> None:
    """``initialized`` signal: import ``seeds/`` before Pelican reads the content."""
    settings = pelican.settings
    conf = park_settings.resolve(settings)
    if not conf["PARK_DIGEST_IMPORT_ON_BUILD"]:
        return
    project = Path(settings.get("PARK_DIGEST_PROJECT_PATH") or Path(settings["PATH"]).parent)
    seeds = project / conf["SEEDS_PATH"]
    if not seeds.is_dir():
        return
    opts = options_from_settings(settings, project)
    results = import_seeds([seeds], opts)
    # strict: each failure is an error, which the strict collector lists with every other
    # problem of the run once the build is over (the build goes on to find them)
    failed_level = logging.ERROR if conf["PARK_DIGEST_STRICT"] else logging.WARNING
    for r in results:
        if r.status == "failed":
            logger.log(failed_level, "import failed: %s", r.message)
        elif r.status in ("duplicate", "kept-edited"):
            logger.warning("%s", r.message)
        elif r.status == "removed":
            logger.info("%s", r.message)
        elif r.message:  # a corrected seed's article under its new name
            logger.info("%s: %s", _relative(r.seed, project), r.message)
        # r.warnings (a date ahead) are not repeated here: the build's own date check
        # (site/strict.py) says them for every article, hand-edited ones too
        if r.missing_images and r.status != "unchanged":
            logger.warning("%s: images not found beside the seed (put them in %s/): %s",
                           _relative(r.seed, project), _relative(r.seed.with_suffix(""), project),
                           ", ".join(r.missing_images))
    # said seed by seed when a seed is imported; afterwards once a build, not once a seed
    waiting = [r for r in results if r.missing_images and r.status == "unchanged"]
    if waiting:
        logger.warning("%d article(s) still show a caption card in place of pictures not found "
                       "beside their seed (first: %s); `park-digest import` lists them all",
                       len(waiting), _relative(waiting[0].seed, project))


# --- command line ------------------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("seeds", nargs="*", type=Path,
                        help="seed files or folders (default: the seeds/ folder)")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for everything the import writes: the Markdown files, "
                             "originals/, images/ and the importer's state (default: "
                             "content/articles, content/originals, content/images)")
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"),
                        help="settings file to read defaults from (default: pelicanconf.py)")


def run(args: argparse.Namespace) -> int:
    settings: dict = {}
    if args.settings.is_file():
        # the settings file's own names; Pelican's defaults are not needed here, and loading
        # Pelican would double the command's start-up time
        settings = {k: v for k, v in runpy.run_path(str(args.settings)).items() if k.isupper()}
    project = Path.cwd()
    settings.setdefault("PATH", "content")
    opts = options_from_settings(settings, project)
    if args.out:
        opts = written_under(opts, args.out)
    seeds = args.seeds or [project / park_settings.resolve(settings)["SEEDS_PATH"]]
    results = import_seeds(seeds, opts)
    lines, summary = report(results)
    for line in lines:
        print(line)
    print(summary)
    return 0 if all(r.ok for r in results) else 1
