"""List where OpenCC chose between several Traditional characters, for an editor to check.

``park-digest review [--article SLUG] [--variant CODE] [--all]`` reads the imported articles and,
for each variant, prints every place in the text a reader sees where a one-to-many character
(发 -> 發/髮, 后 -> 後/后 ...) was converted: file and line, context, the choice made and who made
it (OpenCC, the project dictionary or the article's ``opencc`` front matter). Each choice is
also asked of a second, independent converter built from MediaWiki's conversion tables
(zhconv-rs). By default only a short list an editor can read for every article is shown: the
places where the two disagree, and the known-risky characters (``WATCHED``: 发/髮, 干/幹/乾,
后/後 ...) that no phrase decided, neither OpenCC's phrase dictionary nor a correction, so that
OpenCC fell back on the character's usual form. ``--all`` lists every one-to-many character. A
wrong choice is fixed by a line in the dictionary (``content/opencc-corrections.txt``) or by the
article's front matter. ``park-digest build`` prints how many places the short lists hold
(``review_cache.py``).
"""

from __future__ import annotations

import argparse
import difflib
import functools
import logging
import re
import sys
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import yaml

from park_digest.settings import read_project, resolve
from park_digest.site.scripts import Variant, VariantsError, find_variant, variant_table
from park_digest.site.yaml_reader import LOADER, FrontMatterError, load_front_matter
from park_digest.variants.convert import (
    ScriptConverter,
    build_converter,
    front_matter_phrases,
    load_corrections,
)
from park_digest.variants.one_to_many import ONE_TO_MANY

logger = logging.getLogger(__name__)

# Front-matter keys a reader sees on the page; the other keys are never converted for show.
VISIBLE_KEYS = frozenset({
    "title", "summary", "source", "authors", "author", "editor", "copyright", "category",
    "tags", "images",
})
# The one-to-many characters OpenCC most often gets wrong in news text; --all lists every one.
WATCHED = frozenset(
    "发干后里面台制系"  # the classic pairs: 發髮 幹乾 後后 裏里 面麪 臺台 製制 係繫
    "余于冲复只几松采范钟征尽卷历谷斗划占当志扎朴板汇注涂烟症种纤药表游蒙夸"
)
KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
# OpenCC config -> (zhconv-rs target, OpenCC config that reads the region's forms as standard
# Traditional, so that 裡 and 裏 of one choice compare equal).
SECOND_OPINION = {
    "s2t": ("zh-hant", None), "s2hk": ("zh-hk", "hk2t"), "s2hkp": ("zh-hk", "hk2t"),
    "s2tw": ("zh-tw", "tw2t"), "s2twp": ("zh-tw", "tw2t"),
}
CONTEXT_CHARS = 8
FRONT_MATTER_RE = re.compile(r"\s*---\n(.*?)\n(?:---|\.\.\.)\s*\n", re.S)


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One one-to-many character of the source and what the variant made of it."""

    line: int
    column: int
    char: str
    choice: str
    candidates: str
    context: str
    origin: str  # "opencc", "dictionary" or "article"
    second: str = ""  # the second converter's choice when it differs, else ""
    unphrased: bool = False  # a WATCHED character OpenCC converted alone, no phrase deciding it


# OpenCC's phrase coverage: a converter whose phrases are the stock config's and whose character
# table writes each WATCHED character as a mark of its own (plane 16, private use: clear of the
# converter's placeholders), so a mark in its output is a character no phrase covered.
UNPHRASED_BASE = 0x100000
UNPHRASED = {char: chr(UNPHRASED_BASE + i) for i, char in enumerate(sorted(WATCHED))}


@functools.cache
def phrase_probe(config: str) -> Any:
    """The OpenCC converter that marks the WATCHED characters no phrase of ``config`` decides;
    None when ``config`` is not one of OpenCC's own (a project's config file)."""
    import json
    import tempfile

    import opencc

    share = Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"
    stock = share / f"{config.removesuffix('.json')}.json"
    try:
        segmentation = json.loads(stock.read_text(encoding="utf-8"))["segmentation"]
    except (OSError, ValueError, KeyError):
        return None
    phrases = _absolute(segmentation["dict"], share)
    probe = {
        "name": f"{config}: phrases only",
        "segmentation": {**segmentation, "dict": phrases},
        "conversion_chain": [{"dict": {"type": "group", "match_policy": "short_circuit",
                                       "dicts": [phrases, {"type": "inline",
                                                           "entries": UNPHRASED}]}}],
    }
    with tempfile.TemporaryDirectory(prefix="park-digest-review-") as folder:
        path = Path(folder) / "probe.json"
        path.write_text(json.dumps(probe, ensure_ascii=False), encoding="utf-8")
        try:
            return opencc.OpenCC(str(path))  # reads its dictionaries now
        except Exception as e:  # the binding raises plain RuntimeError on a config it rejects
            logger.debug("no phrase probe for %s: %s", config, e)
            return None


def _absolute(spec: Any, share: Path) -> Any:
    """A dictionary spec of a stock config with its files named by absolute path."""
    if isinstance(spec, dict):
        return {key: str(share / value) if key == "file" else _absolute(value, share)
                for key, value in spec.items()}
    if isinstance(spec, list):
        return [_absolute(item, share) for item in spec]
    return spec


@functools.cache
def second_converter(config: str) -> tuple[Callable[[str], str], Any]:
    """(zhconv-rs converter, OpenCC regional-to-standard converter or None) for ``config``."""
    import opencc
    import zhconv_rs

    target, normaliser = SECOND_OPINION.get(config.removesuffix(".json"), ("zh-hant", None))
    def convert(text: str) -> str:
        return zhconv_rs.zhconv(text, target, False)  # plain text, no MediaWiki markup

    return convert, (opencc.OpenCC(normaliser) if normaliser else None)


def second_opinions(lines: Sequence[str], config: str) -> list[str]:
    """Every line of ``lines`` as the second converter writes it (one call for all)."""
    convert, _ = second_converter(config)
    converted = convert("\n".join(lines)).split("\n")
    if len(converted) != len(lines):  # a line break written differently: one by one
        converted = [convert(line) for line in lines]
    return converted


@functools.lru_cache(maxsize=4096)
def agree(first: str, second: str, config: str) -> bool:
    """Whether two choices are the same character, regional forms aside."""
    if first == second:
        return True
    _, normaliser = second_converter(config)
    return normaliser is not None and normaliser.convert(first) == normaliser.convert(second)


def visible_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of a Markdown article that a reader sees: body and visible keys."""
    lines = text.splitlines()
    in_header = bool(lines) and lines[0].strip() == "---"
    key = None
    for number, line in enumerate(lines, start=1):
        if in_header:
            if number == 1:
                continue
            if line.strip() in ("---", "..."):
                in_header = False
                continue
            match = KEY_RE.match(line)
            if match:
                key = match.group(1).lower()
            if key in VISIBLE_KEYS:
                yield number, line
        else:
            yield number, line


def front_matter(text: str) -> dict:
    """The YAML front matter of an article, or {}."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return {}
    data = yaml.load(match.group(1), Loader=LOADER)  # libyaml's safe loader
    return data if isinstance(data, dict) else {}


def _aligned(source: str, converted: str) -> Iterator[tuple[int, str]]:
    """(index in ``source``, what it became) for every character of ``source``."""
    if len(source) == len(converted):
        yield from enumerate(converted)
        return
    matcher = difflib.SequenceMatcher(None, source, converted, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for offset in range(i2 - i1):
                yield i1 + offset, converted[j1 + offset]
        elif tag == "replace":
            for offset in range(i2 - i1):
                yield i1 + offset, converted[j1:j2]


def _chosen(source: str, converted: str, indices: Iterable[int]) -> dict[int, str]:
    """index -> what that character of ``source`` became in ``converted``, for ``indices``."""
    if len(source) == len(converted):
        return {index: converted[index] for index in indices}
    aligned = dict(_aligned(source, converted))
    return {index: aligned[index] for index in indices if index in aligned}


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(phrases, key=len, reverse=True)  # longest first, as the converter does
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def _origins(
    line: str, pattern: re.Pattern[str] | None, article_phrases: Mapping[str, str]
) -> dict[int, str]:
    """Who decides each character covered by a correction: the article or the dictionary."""
    origins: dict[int, str] = {}
    if pattern is None:
        return origins
    for match in pattern.finditer(line):
        origin = "article" if match.group() in article_phrases else "dictionary"
        for index in range(match.start(), match.end()):
            origins[index] = origin
    return origins


def review_line(
    number: int, line: str, converter: ScriptConverter, article_phrases: Mapping[str, str],
    watched: Container[str] = WATCHED, config: str | None = None, *,
    converted: str | None = None, second: str | None = None,
    pattern: re.Pattern[str] | None = None, probed: str | None = None,
    listed_only: bool = False,
) -> list[Finding]:
    """Every ``watched`` one-to-many character of ``line`` with the choice ``converter`` made;
    with the OpenCC ``config``, the second converter's choice where it differs and whether a
    WATCHED character was converted with no phrase deciding it.

    ``converted``, ``second`` and ``probed`` are the line as both converters and the phrase
    probe wrote it and ``pattern`` the converter's phrases, when already known (a whole article
    is converted in one call). With ``listed_only``, only the places of the short list."""
    indices = [m.start() for m in _char_class(_chars(watched)).finditer(line)]
    if not indices:
        return []
    converted = converter.convert(line) if converted is None else converted
    choices = _chosen(line, converted, indices)
    seconds: dict[int, str] = {}
    alone: set[int] = set()
    if config:
        second = second_opinions([line], config)[0] if second is None else second
        seconds = _chosen(line, second, indices)
        if probed is None:
            probed = _probe(converter, config, [line])[0]
        if probed:
            risky = [i for i in indices if line[i] in UNPHRASED]
            alone = {i for i, mark in _chosen(line, probed, risky).items()
                     if mark == UNPHRASED[line[i]]}
    if pattern is None:
        pattern = _phrase_pattern({**converter.phrases, **article_phrases})
    origins = _origins(line, pattern, article_phrases)
    findings = []
    for index in indices:
        if index not in choices:
            continue
        char, choice = line[index], choices[index]
        origin = origins.get(index, "opencc")
        other = seconds.get(index, choice)
        other = "" if config is None or agree(choice, other, config) else other
        unphrased = index in alone and index not in origins
        if listed_only and not _listed(origin, other, unphrased):
            continue
        start, end = max(0, index - CONTEXT_CHARS), index + CONTEXT_CHARS + 1
        context = f"{line[start:index]}【{char}】{line[index + 1 : end]}".strip()
        findings.append(
            Finding(
                line=number, column=index + 1, char=char, choice=choice,
                candidates=ONE_TO_MANY[char], context=context, origin=origin, second=other,
                unphrased=unphrased,
            )
        )
    return findings


def _listed(origin: str, second: str, unphrased: bool) -> bool:
    """Whether a place is on the short list: no correction decided it, and the second
    converter disagrees or no phrase decided a known-risky character."""
    return origin == "opencc" and bool(second or unphrased)


@functools.lru_cache(maxsize=8)
def _char_class(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile(f"[{''.join(map(re.escape, sorted(chars)))}]" if chars else "(?!)")


def _chars(watched: Container[str]) -> frozenset[str]:
    """The one-to-many characters among ``watched``."""
    if watched is ONE_TO_MANY or watched is WATCHED:  # the two every review asks, line by line
        return _KNOWN_CHARS[id(watched)]
    if isinstance(watched, (frozenset, set, dict)):
        return frozenset(ONE_TO_MANY.keys() & watched)
    return frozenset(char for char in ONE_TO_MANY if char in watched)


_KNOWN_CHARS = {id(ONE_TO_MANY): frozenset(ONE_TO_MANY), id(WATCHED): frozenset(ONE_TO_MANY.keys() & WATCHED)}


def review_article(
    text: str, converter: ScriptConverter, source: str, watched: Container[str] = WATCHED,
    config: str | None = None, meta: Mapping[str, Any] | None = None,
    listed_only: bool = False,
) -> list[Finding]:
    """Findings for one article's Markdown ``text`` under ``converter`` (and, with ``config``,
    the second converter); ``meta`` is its front matter when already read. With
    ``listed_only``, only the places of the short list."""
    article_phrases = front_matter_phrases(front_matter(text) if meta is None else meta, source)
    converter = converter.with_phrases(frozenset(article_phrases.items()))
    chars = _char_class(_chars(watched))
    lines = [(number, line) for number, line in visible_lines(text) if chars.search(line)]
    if not lines:
        return []
    texts = [line for _, line in lines]
    converted = converter.convert_many(texts)  # one call per article, as a page is converted
    nothing: list[str | None] = [None] * len(texts)
    seconds = list(second_opinions(texts, config)) if config else nothing
    probed = list(_probe(converter, config, texts)) if config else nothing
    pattern = _phrase_pattern(converter.phrases)
    findings = []
    for (number, line), mine, theirs, alone in zip(lines, converted, seconds, probed,
                                                    strict=True):
        findings.extend(review_line(number, line, converter, article_phrases, watched, config,
                                    converted=mine, second=theirs, pattern=pattern,
                                    probed=alone, listed_only=listed_only))
    return findings


def _probe(converter: ScriptConverter, config: str, lines: Sequence[str]) -> list[str]:
    """``lines`` through the phrase probe of ``config`` with the converter's corrections (each
    "" when ``config`` has none)."""
    probe = phrase_probe(config)
    if probe is None:
        return [""] * len(lines)
    return ScriptConverter(probe, converter.phrases).convert_many(lines)


def disputed(findings: list[Finding]) -> list[Finding]:
    """The findings the second converter disagrees with and no correction decided."""
    return [f for f in findings if f.second and f.origin == "opencc"]


def short_list(
    text: str, converter: ScriptConverter, source: str, config: str,
    meta: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """The places of one article an editor should check on the variant of ``config``: the
    short list of ``park-digest review`` (and the count the build prints). Where the second
    converter disagrees (any one-to-many character), or a known-risky character got its usual
    form because no phrase decided it; never what a correction decided."""
    findings = review_article(text, converter, source, ONE_TO_MANY, config, meta,
                              listed_only=True)
    return [f for f in findings if _listed(f.origin, f.second, f.unphrased)]


def kept_original(meta: Mapping[str, Any], slug: str, originals: Path) -> bool:
    """Whether the Traditional sites show the article's Traditional original (never converted)."""
    return bool(meta.get("original_script")) and (originals / f"{slug}.md").is_file()


def format_finding(path: str, finding: Finding) -> str:
    others = "".join(c for c in finding.candidates if c != finding.choice)
    second = f"  zhconv: {finding.second}" if finding.second else ""
    alone = "  no phrase decided it" if finding.unphrased else ""
    return (
        f"  {path}:{finding.line}:{finding.column}  {finding.context}  "
        f"{finding.char} -> {finding.choice}  (or {others or '-'})  [{finding.origin}]"
        f"{second}{alone}"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--article", metavar="SLUG", help="review only the article with this slug")
    parser.add_argument("--variant", metavar="CODE", help="review only this variant (e.g. zh-hant)")
    parser.add_argument(
        "--all", action="store_true",
        help="list every one-to-many character, not only where the two converters disagree "
        "or no phrase decided a known-risky character",
    )
    parser.add_argument(
        "--settings", type=Path, default=Path("pelicanconf.py"),
        help="settings file (default: pelicanconf.py)",
    )


def review(
    content: Path, settings: Mapping, article: str | None = None, variant: str | None = None,
    out: TextIO | None = None, watched: Container[str] = WATCHED, short: bool = False,
    unreadable: list[str] | None = None,
) -> int:
    """Print the findings of every article (or one) and variant (or one); return their count.

    With ``short``, only the places of :func:`short_list`: where the second converter
    disagrees (any one-to-many character), each with both choices, and the known-risky
    characters no phrase decided. An article whose front matter does not read is named
    in an error and added to ``unreadable``; the others are reviewed."""
    out = out or sys.stdout
    unreadable = [] if unreadable is None else unreadable
    conf = resolve(settings)
    table = variant_table(conf["PARK_DIGEST_VARIANTS"])
    targets: list[Variant] = [v for v in table if v.config]
    if variant:
        targets = [find_variant(table, variant)]
    corrections = load_corrections(content / conf["PARK_DIGEST_DICTIONARY_FILE"])
    originals = content / conf["PARK_DIGEST_ORIGINALS_DIR"]
    files = sorted((content / conf["PARK_DIGEST_ARTICLES_DIR"]).rglob("*.md"))
    converters = {
        t.code: build_converter(t.config, corrections, t, table) for t in targets if t.config
    }
    count = 0
    matched = False
    for file in files:
        text = file.read_text(encoding="utf-8")
        try:
            meta = front_matter(text)
            front_matter_phrases(meta, _shown(file))
        except (yaml.YAMLError, VariantsError) as e:
            if not article or article == file.stem:
                logger.error("%s; not reviewed", _problem(text, _shown(file), e))
                unreadable.append(str(file))
            continue
        slug = str(meta.get("slug") or file.stem)
        if article and slug != article:
            continue
        matched = True
        for target in targets:
            if target.code not in converters:
                continue
            if kept_original(meta, slug, originals):
                print(f"{slug}  {target.code}: Traditional original kept as is", file=out)
                continue
            if short:
                findings = short_list(text, converters[target.code], str(file), target.config,
                                      meta)
            else:
                findings = review_article(text, converters[target.code], str(file), watched,
                                          target.config, meta)
            print(f"{slug}  {target.code} ({target.config}): {len(findings)} to check", file=out)
            for finding in findings:
                print(format_finding(_shown(file), finding), file=out)
            count += len(findings)
    if article and not matched:
        raise VariantsError(f"no article with slug {article!r} under {content}")
    return count


def _problem(text: str, name: str, error: Exception) -> str:
    """What is wrong with an article's front matter, at its line, as the build says it."""
    match = FRONT_MATTER_RE.match(text)
    if isinstance(error, yaml.YAMLError) and match:
        first_line = text.count("\n", 0, match.start(1)) + 1
        try:
            load_front_matter(match.group(1), name, first_line)
        except FrontMatterError as e:
            return str(e)
    return str(error) if isinstance(error, VariantsError) else f"{name}: {error}"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def run(args: argparse.Namespace) -> int:
    settings = read_project(args.settings)
    unreadable: list[str] = []
    try:
        review(Path(settings["PATH"]), settings, args.article, args.variant,
               watched=ONE_TO_MANY, short=not args.all, unreadable=unreadable)
    except VariantsError as e:
        logger.error("%s", e)
        return 2
    return 1 if unreadable else 0
