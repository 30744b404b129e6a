"""Script variants of the site: the variant table, OpenCC with the project dictionary, and the
Pelican edge of both ways of making a variant.

The Simplified site is built at the root of the output; every prefix of ``PARK_DIGEST_VARIANTS``
is a Traditional site with the same paths. By default the root run lists the pages it writes
(with their article's ``opencc`` overrides) and ``derive.py`` makes each variant from them. With
``PARK_DIGEST_VARIANT_RUNS = "pelican"`` every variant is a full Pelican run of its own instead
(``build/pipeline.py`` runs them side by side): a plain variant run converts each file as it is written;
under ``build/pipeline.py`` the run lists them (``PARK_DIGEST_DEFER_CONVERSION``) and the build converts
them at the end on every core. Either way, visible text and the attributes a reader sees go
through the project dictionary and OpenCC; URLs, ids, code and scripts stay as they are.

Editors correct OpenCC with a dictionary in ``content/`` (:func:`parse_corrections`) and, for one
article, with an ``opencc`` mapping in its front matter. An article that came in Traditional
keeps its original text (``content/originals/<slug>.md``) on the Traditional sites.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from park_digest.settings import resolve
from park_digest.site.context import SKIPPED
from park_digest.site.scripts import (
    ROOT,
    Variant,
    VariantsError,
    find_variant,
    site_url,
    variant_table,
    variant_url,
)
from park_digest.variants.one_to_many import ONE_TO_MANY

logger = logging.getLogger(__name__)

# Text between these marks is already in the target script and is never converted.
PROTECT_OPEN = "\ue000"
PROTECT_CLOSE = "\ue001"
# Joins the pieces of one page into a single OpenCC call; OpenCC passes private-use characters.
SEPARATOR = "\ue002"
# Dictionary phrases are swapped for placeholders (plane 15, private use) around the OpenCC call.
PLACEHOLDER_BASE = 0xF0000
PLACEHOLDER_RE = re.compile("[\U000f0000-\U000ffffd]")

# Key under which a variant run keeps its converter in the Pelican settings (and so the context).
CONVERTER_KEY = "PARK_DIGEST_CONVERTER"
# ...and, when ``PARK_DIGEST_DEFER_CONVERSION`` is set, the written files left to convert.
PENDING_KEY = "PARK_DIGEST_PENDING_CONVERSIONS"
# In the root run of a derived build: the pages and feeds it wrote, for derive.py.
WRITTEN_KEY = "PARK_DIGEST_WRITTEN"
# In the root run of a derived build: phrase -> original text of the articles that came in
# Traditional (title, summary, each text of the body), for derive.py.
ORIGINALS_KEY = "PARK_DIGEST_ORIGINAL_PHRASES"
# Whether this variant run writes 「」 quotation marks (PARK_DIGEST_CORNER_QUOTES).
QUOTES_KEY = "PARK_DIGEST_QUOTES_ON"

def run_overrides(settings: Mapping[str, Any], variant: Variant, table: Sequence[Variant]) -> dict:
    """Pelican settings overrides for building ``variant`` next to the other sites.

    ``settings`` are the root site's, as read from the settings file. The root keeps the variant
    folders when it cleans its output; a variant writes into its own folder, with its own
    SITEURL, feed domain and cache, and does not import seeds again.
    """
    prefixes = [v.prefix for v in table if v.prefix]
    if not variant.prefix:
        # Pelican runs of the variants clean their own folders; derived ones are made anew
        # after the root run, which may then empty them with the rest (DELETE_OUTPUT_DIRECTORY).
        derived = resolve(settings)["PARK_DIGEST_VARIANT_RUNS"] == "derive"
        retention = [*settings.get("OUTPUT_RETENTION", []), *([] if derived else prefixes)]
        return {"PARK_DIGEST_VARIANT": "", "OUTPUT_RETENTION": retention}
    root_siteurl = settings.get("SITEURL", "")
    feed_domain = settings.get("FEED_DOMAIN", root_siteurl)
    return {
        "PARK_DIGEST_VARIANT": variant.prefix,
        "PARK_DIGEST_ROOT_SITEURL": root_siteurl,
        "PARK_DIGEST_IMPORT_ON_BUILD": False,
        "SITEURL": site_url(root_siteurl, variant),
        "FEED_DOMAIN": site_url(feed_domain, variant),
        "OUTPUT_PATH": str(Path(settings["OUTPUT_PATH"]) / variant.prefix),
        "CACHE_PATH": str(Path(settings.get("CACHE_PATH", "cache")) / variant.prefix),
    }


# ---------------------------------------------------------------------------------------------
# The project dictionary


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """One line of the project dictionary: ``phrase`` is written ``conversion`` on ``variants``."""

    phrase: str
    conversion: str
    variants: tuple[str, ...] = ()  # empty: every variant
    source: str = ""
    line: int = 0


def parse_corrections(text: str, source: str = "opencc-corrections.txt") -> list[Correction]:
    """Read the dictionary: ``phrase conversion [variant,variant]`` per line, ``#`` comments."""
    corrections = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) not in (2, 3):
            raise VariantsError(
                f"{source}:{number}: expected 'phrase conversion' or 'phrase conversion variant', "
                f"got {raw.strip()!r}; separate the Simplified phrase and its conversion by a space"
            )
        variants = tuple(v for v in fields[2].split(",") if v) if len(fields) == 3 else ()
        corrections.append(
            Correction(
                phrase=fields[0], conversion=fields[1], variants=variants,
                source=source, line=number,
            )
        )
    return corrections


def load_corrections(path: Path) -> list[Correction]:
    """The dictionary file at ``path``; none when it does not exist."""
    if not path.is_file():
        return []
    return parse_corrections(path.read_text(encoding="utf-8"), str(path))


def phrases_for(
    corrections: Iterable[Correction], variant: Variant, table: Sequence[Variant]
) -> dict[str, str]:
    """The phrase -> conversion mapping that applies to ``variant`` (later lines win).

    A line for a variant that is not configured is skipped with a warning, so the dictionary
    can keep lines for /zh-tw/ while only /zh-hant/ is built.
    """
    codes = {v.code for v in table if v.prefix}
    phrases: dict[str, str] = {}
    unused: dict[tuple[str, str], list[str]] = {}
    for item in corrections:
        for code in item.variants:
            if code not in codes:
                unused.setdefault((item.source, code), []).append(str(item.line))
        if not item.variants or variant.code in item.variants:
            phrases[item.phrase] = item.conversion
    if variant is table[-1]:  # say it once per build, in the last variant
        for (source, code), lines in unused.items():
            logger.info(
                "%s: lines %s are for %s, which is not in PARK_DIGEST_VARIANTS (%s); "
                "unused in this build", source, ", ".join(lines), code, ", ".join(sorted(codes)),
            )
    return phrases


def front_matter_phrases(metadata: Mapping[str, Any], source: str) -> dict[str, str]:
    """The ``opencc`` mapping of one article's front matter, checked."""
    value = metadata.get("opencc")
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and k for k, v in value.items()
    ):
        raise VariantsError(
            f"{source}: front-matter key 'opencc' must map phrases to conversions, "
            "e.g. opencc: {理发: 理髮}"
        )
    return dict(value)


# ---------------------------------------------------------------------------------------------
# The converter


@functools.cache
def opencc_converter(config: str) -> Any:
    """The OpenCC converter for ``config``, built once per process (building loads dictionaries)."""
    import opencc

    try:
        return opencc.OpenCC(config)
    except Exception as e:  # the binding raises plain RuntimeError/ValueError on a bad name
        raise VariantsError(
            f"OpenCC has no config {config!r}; use one of s2t, s2hk, s2tw, s2twp"
        ) from e


def split_protected(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` into (piece, protected) pairs; an unclosed mark protects to the end."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    while pos < len(text):
        start = text.find(PROTECT_OPEN, pos)
        if start < 0:
            pieces.append((text[pos:].replace(PROTECT_CLOSE, ""), False))
            break
        if start > pos:
            pieces.append((text[pos:start].replace(PROTECT_CLOSE, ""), False))
        end = text.find(PROTECT_CLOSE, start + 1)
        end = len(text) if end < 0 else end
        pieces.append((text[start + 1 : end].replace(PROTECT_OPEN, ""), True))
        pos = end + 1
    return [(piece, protected) for piece, protected in pieces if piece]


def protect(text: str) -> str:
    """Mark ``text`` as already converted."""
    return f"{PROTECT_OPEN}{text}{PROTECT_CLOSE}" if text else text


# Texts a converter remembers having converted (about 20 MB of short texts at the most).
MEMO_TEXTS = 100_000


class ScriptConverter:
    """OpenCC with phrase corrections applied first; reused for every page of a run."""

    def __init__(self, engine: Any, phrases: Mapping[str, str] | None = None) -> None:
        self.engine = engine
        self.phrases = dict(phrases or {})
        ordered = sorted(self.phrases, key=len, reverse=True)  # longest phrase wins
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._slot = {phrase: chr(PLACEHOLDER_BASE + i) for i, phrase in enumerate(ordered)}
        self._restore = {slot: self.phrases[phrase] for phrase, slot in self._slot.items()}
        self._memo: dict[str, str] = {}  # text -> converted, see convert_many

    def __reduce__(self) -> tuple:
        # Pelican's content cache pickles the settings that Author and Tag objects hold, this
        # converter among them; every run builds its own (on_initialized), so it travels as None.
        return (type(None), ())

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one converter per run, few overrides
    def with_phrases(self, extra: frozenset[tuple[str, str]]) -> ScriptConverter:
        """This converter with ``extra`` phrase corrections on top (for one article)."""
        if not extra:
            return self
        return ScriptConverter(self.engine, {**self.phrases, **dict(extra)})

    def convert(self, text: str) -> str:
        return self.convert_many([text])[0]

    def convert_many(self, texts: Sequence[str]) -> list[str]:
        """Convert every text, with one OpenCC call for all of them.

        A text is converted on its own whatever surrounds it (no phrase holds the separator),
        so a text seen before (the site's chrome, an article's title and summary on every
        listing) is taken from what this converter made of it then.
        """
        joined = SEPARATOR.join(texts)
        if PROTECT_OPEN not in joined and PROTECT_CLOSE not in joined:  # the common case
            memo = self._memo
            if len(memo) > MEMO_TEXTS:
                memo.clear()
            fresh = list(dict.fromkeys(text for text in texts if text not in memo))
            result = self._convert_text(SEPARATOR.join(fresh)).split(SEPARATOR) if fresh else []
            if len(result) == len(fresh):
                memo.update(zip(fresh, result, strict=True))
                return [memo[text] for text in texts]
        pieces: list[tuple[int, str, bool]] = []
        for index, text in enumerate(texts):
            if PROTECT_OPEN in text or PROTECT_CLOSE in text:
                pieces.extend((index, p, not prot) for p, prot in split_protected(text))
            else:
                pieces.append((index, text, not text.isascii()))
        todo = [piece for _, piece, convert in pieces if convert]
        done = iter(self._convert_pieces(todo))
        out = [""] * len(texts)
        for index, piece, convert in pieces:
            out[index] += next(done) if convert else piece
        return out

    def _convert_pieces(self, pieces: list[str]) -> list[str]:
        if not pieces:
            return []
        result = self._convert_text(SEPARATOR.join(pieces)).split(SEPARATOR)
        if len(result) != len(pieces):  # a separator in the text itself: convert one by one
            result = [self._convert_text(piece) for piece in pieces]
        return result

    def _convert_text(self, text: str) -> str:
        if self._pattern is not None:
            text = self._pattern.sub(lambda m: self._slot[m.group()], text)
        text = self.engine.convert(text)
        if self._restore:
            text = PLACEHOLDER_RE.sub(lambda m: self._restore.get(m.group(), ""), text)
        return text


def simplified_chars(text: str, engine: Any) -> list[str]:
    """Characters of ``text`` that exist only in Simplified (OpenCC changes them, and they are
    not one of their own Traditional candidates, as 余 is for 余/餘)."""
    return [
        char for char in dict.fromkeys(text)
        if engine.convert(char) != char and char not in ONE_TO_MANY.get(char, "")
    ]


def build_converter(
    config: str, corrections: Iterable[Correction], variant: Variant, table: Sequence[Variant]
) -> ScriptConverter:
    """The converter of one variant run: OpenCC ``config`` plus the project dictionary."""
    phrases = phrases_for(corrections, variant, table)
    engine = opencc_converter(config)
    for phrase, conversion in phrases.items():
        simplified = simplified_chars(conversion, engine)
        if simplified:
            logger.warning(
                "dictionary: %s -> %s: %s is Simplified; write the conversion fully in "
                "Traditional", phrase, conversion, "".join(simplified),
            )
    return ScriptConverter(engine, phrases)


# ---------------------------------------------------------------------------------------------
# HTML and XML

# Runs of non-ASCII characters: the only places a conversion can change anything.
NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
# Regions never converted: comments, scripts and styles (but JSON-LD), code.
SKIPPED_RE = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)\b(?P<attrs>[^>]*)>.*?</(?P=raw)\s*>"
    r"|<(?P<code>pre|code|kbd|samp|var)\b[^>]*>.*?</(?P=code)\s*>",
    re.S | re.I,
)
ATTR_RE = re.compile(r"""([^\s"'=<>/]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)""")
CDATA_OPEN = "<![CDATA["
KEEP_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "poster", "cite", "data", "id", "name",
    "for", "class", "xmlns", "rel", "type", "lang", "xml:lang", "hreflang", "style",
    "integrity", "nonce", "crossorigin", "referrerpolicy", "loading", "decoding", "width",
    "height", "method", "target", "media", "sizes", "role", "itemprop", "itemtype", "itemid",
    "property", "charset", "http-equiv", "headers", "datetime", "scheme", "uri", "xml:base",
    "ref", "list", "form", "autocomplete", "inputmode", "enctype", "accept", "pattern",
})


def keeps_attribute(attribute: str) -> bool:
    """Whether an attribute's value is never converted (URLs, ids, classes, machine values)."""
    name = attribute.lower()
    return (
        name in KEEP_ATTRIBUTES
        or name.startswith(("on", "xmlns:"))
        or name.endswith(("url", "href", "src"))
    )


def _skipped_regions(document: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end()) for m in SKIPPED_RE.finditer(document)
        if not (m.group("raw") and "ld+json" in (m.group("attrs") or ""))
    ]


def markup_spans(document: str) -> list[tuple[int, int]]:
    """(start, end) of every text node and reader-facing attribute value holding non-ASCII.

    Work is done only where a non-ASCII run is, so a page costs in proportion to its text, not
    to its markup: for each run, the nearest ``<`` and ``>`` before it tell a text node from a
    tag; in a tag, its attributes are read and the values a reader sees are kept.
    """
    skipped = _skipped_regions(document)
    spans: list[tuple[int, int]] = []
    size, pos, k = len(document), 0, 0
    while (run := NON_ASCII_RE.search(document, pos)) is not None:
        start = run.start()
        while k < len(skipped) and skipped[k][1] <= start:
            k += 1
        if k < len(skipped) and skipped[k][0] <= start:
            pos = skipped[k][1]
            continue
        lt, gt = document.rfind("<", 0, start), document.rfind(">", 0, start)
        if lt > gt and document.startswith(CDATA_OPEN, lt):
            end = document.find("]]>", start)
            end = size if end < 0 else end
            spans.append((lt + len(CDATA_OPEN), end))
            pos = end
        elif lt > gt:  # inside a tag: its attribute values
            end = document.find(">", start)
            end = size if end < 0 else end
            for attr in ATTR_RE.finditer(document, lt, end):
                value_start, value_end = attr.span(3)
                if not keeps_attribute(attr.group(1)) and not document[value_start:value_end].isascii():
                    spans.append((value_start, value_end))
            pos = end + 1
        else:  # a text node
            end = document.find("<", start)
            end = size if end < 0 else end
            spans.append((gt + 1, end))
            pos = end
    return spans


def convert_markup(document: str, converter: ScriptConverter) -> str:
    """Convert the visible text and reader-facing attributes of an HTML or XML document."""
    if document.isascii():
        return document
    spans = markup_spans(document)
    converted = converter.convert_many([document[start:end] for start, end in spans])
    parts, last = [], 0
    for (start, end), text in zip(spans, converted, strict=True):
        parts += [document[last:start], text]
        last = end
    parts.append(document[last:])
    out = "".join(parts)
    if PROTECT_OPEN in out or PROTECT_CLOSE in out:  # marks inside code: drop them
        out = out.replace(PROTECT_OPEN, "").replace(PROTECT_CLOSE, "")
    return out


TEXT_RUN_RE = re.compile(r"(<[^>]*>)")
PROTECTED_ATTR_RE = re.compile(r"""(\s(?:alt|title)=)(["'])(.*?)\2""")


def protect_html(html: str) -> str:
    """Mark every text run and alt/title of ``html`` (already Traditional) as converted."""
    out = []
    for part in TEXT_RUN_RE.split(html):
        if part.startswith("<"):
            part = PROTECTED_ATTR_RE.sub(
                lambda m: f"{m.group(1)}{m.group(2)}{protect(m.group(3))}{m.group(2)}", part
            )
            out.append(part)
        elif part.strip():
            out.append(protect(part))
        else:
            out.append(part)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Pelican edge: signal handlers


def _context_table(settings: Mapping[str, Any]) -> tuple[list[Variant], Variant, dict[str, Any]]:
    conf = resolve(settings)
    table = variant_table(conf["PARK_DIGEST_VARIANTS"])
    return table, find_variant(table, conf["PARK_DIGEST_VARIANT"] or ""), conf


def template_globals(
    table: Sequence[Variant], current: Variant, root_siteurl: str
) -> dict[str, Any]:
    """The names every template gets: ``variant``, ``variants``, ``variant_url``."""
    url: Callable[..., str] = functools.partial(variant_url, tuple(table), root_siteurl)
    return {
        "variant": current.as_context(),
        "variants": [v.as_context() for v in table],
        "variant_url": url,
    }


def on_initialized(pelican: Any) -> None:
    """Give templates the variant names; in a variant run, build its converter once."""
    settings = pelican.settings
    table, current, conf = _context_table(settings)
    root_siteurl = conf["PARK_DIGEST_ROOT_SITEURL"]
    if root_siteurl is None:
        root_siteurl = settings.get("SITEURL", "")
    settings["JINJA_GLOBALS"] = {
        **settings.get("JINJA_GLOBALS", {}),
        **template_globals(table, current, root_siteurl),
    }
    settings[CONVERTER_KEY] = None
    settings[PENDING_KEY] = [] if current.config and conf["PARK_DIGEST_DEFER_CONVERSION"] else None
    settings[QUOTES_KEY] = current.code in conf["PARK_DIGEST_CORNER_QUOTES"]
    derived = conf["PARK_DIGEST_VARIANT_RUNS"] == "derive" and len(table) > 1
    settings[WRITTEN_KEY] = [] if not current.config and derived else None
    if current.config:
        path = Path(settings["PATH"]) / conf["PARK_DIGEST_DICTIONARY_FILE"]
        settings[CONVERTER_KEY] = build_converter(
            current.config, load_corrections(path), current, table
        )
        logger.debug("variant %s: OpenCC %s, dictionary %s", current.code, current.config, path)


def _page_phrases(context: Mapping[str, Any]) -> frozenset[tuple[str, str]]:
    """The ``opencc`` front matter of the article or page being written, if any."""
    content = context.get("article") or context.get("page")
    if content is None:
        return frozenset()
    try:
        extra = front_matter_phrases(content.metadata, getattr(content, "source_path", "") or "")
    except VariantsError as e:  # this article's pages go out with the project dictionary only
        logger.error("%s", e, extra={"limit_msg": "more front-matter 'opencc' errors"})
        return frozenset()
    return frozenset(extra.items())


def _convert_file(path: str, converter: ScriptConverter, quotes: bool) -> None:
    from park_digest.variants.derive import convert_file

    convert_file(Path(path), Path(path), converter, None, quotes=quotes)


def _written(path: str, context: Mapping[str, Any], phrases: frozenset[tuple[str, str]]) -> None:
    converter = context.get(CONVERTER_KEY)
    if converter is None:
        written = context.get(WRITTEN_KEY)
        if written is not None:  # the root of a derived build: derive.py makes the variants
            written.append((path, phrases))
        return
    pending = context.get(PENDING_KEY)
    if pending is not None:  # build/pipeline.py converts them all at the end, on every core
        pending.append((path, phrases))
    else:
        _convert_file(path, converter.with_phrases(phrases), bool(context.get(QUOTES_KEY)))


def on_content_written(path: str, context: Mapping[str, Any]) -> None:
    """Convert one written page of a variant run, with its article's overrides on top."""
    if context.get(SKIPPED):  # left as the last build wrote it (incremental.DigestWriter)
        return
    if path.endswith((".html", ".htm", ".xml")) and (
        context.get(CONVERTER_KEY) is not None or context.get(WRITTEN_KEY) is not None
    ):
        _written(path, context, _page_phrases(context))


def on_feed_written(path: str, context: Mapping[str, Any], feed: Any = None) -> None:
    """Convert one written feed of a variant run."""
    _written(path, context, frozenset())


PendingConversions = tuple[
    str, dict[str, str], list[tuple[str, frozenset[tuple[str, str]]]], bool
]


def pending_conversions(settings: Mapping[str, Any]) -> PendingConversions | None:
    """What a variant run with ``PARK_DIGEST_DEFER_CONVERSION`` left to convert: its OpenCC
    config, its dictionary phrases, the (file, article phrases) it wrote and whether it writes
    「」; None otherwise."""
    converter, pending = settings.get(CONVERTER_KEY), settings.get(PENDING_KEY)
    if converter is None or pending is None:
        return None
    _, current, _ = _context_table(settings)
    return (str(current.config), dict(converter.phrases), list(pending),
            bool(settings.get(QUOTES_KEY)))


def convert_written(
    config: str, phrases: Mapping[str, str], items: Iterable[tuple[str, frozenset]],
    quotes: bool = False,
) -> int:
    """Convert written files in place (a share of :func:`pending_conversions`); return how many."""
    converter = ScriptConverter(opencc_converter(config), phrases)
    count = 0
    for path, extra in items:
        _convert_file(path, converter.with_phrases(frozenset(extra)), quotes)
        count += 1
    return count


def written_pages(settings: Mapping[str, Any]) -> list[tuple[str, frozenset[tuple[str, str]]]]:
    """The pages and feeds the root run of a derived build wrote, with their article's
    phrases (empty when the build derives nothing)."""
    return list(settings.get(WRITTEN_KEY) or [])


def on_article_generator_finalized(generator: Any) -> None:
    """In a Traditional run, give articles that came in Traditional their original text."""
    settings = generator.settings
    _, current, conf = _context_table(settings)
    derived = not current.config and settings.get(WRITTEN_KEY) is not None
    if not current.config and not derived:
        return
    if derived:
        settings[ORIGINALS_KEY] = {}
    folder = Path(generator.path) / conf["PARK_DIGEST_ORIGINALS_DIR"]
    reader = generator.readers.readers.get("md")
    articles = [*generator.articles, *generator.translations, *generator.drafts]
    for article in articles:
        script = article.metadata.get("original_script")
        if not script or script == ROOT.code:
            continue
        original = folder / f"{article.slug}.md"
        if not original.is_file() or reader is None:
            logger.warning(
                "%s: original_script is %s but %s is missing; the page is converted from "
                "Simplified instead (re-import the seed to restore the original)",
                article.source_path, script, original,
            )
            continue
        content, metadata = reader.read(str(original))
        if derived:
            settings[ORIGINALS_KEY].update(original_phrases(article, content, metadata))
        else:
            use_original(article, content, metadata)


def original_phrases(article: Any, content: str, metadata: Mapping[str, Any]) -> dict[str, str]:
    """Phrases that put an article's original text on a derived Traditional page: its title,
    summary and each text of its body (aligned in order with the Simplified one) -> the
    original's. The body is left to OpenCC when the two do not align."""
    from park_digest.variants.derive import page_texts

    pairs: list[tuple[str, str]] = []
    if metadata.get("title"):
        pairs.append((str(article.title), str(metadata["title"])))
    summary = article.metadata.get("summary")
    if summary and metadata.get("summary"):
        pairs += _aligned(page_texts(str(summary)), page_texts(str(metadata["summary"])))
    body = _aligned(page_texts(article._content or ""), page_texts(content))
    if not body:
        logger.warning(
            "%s: its original's paragraphs do not match the article's; the body is converted "
            "from Simplified on the Traditional sites (re-import the seed)", article.source_path,
        )
    pairs += body
    return {simplified: original for simplified, original in pairs
            if simplified.strip() and simplified != original}


def _aligned(simplified: list[str], original: list[str]) -> list[tuple[str, str]]:
    return list(zip(simplified, original, strict=True)) if len(simplified) == len(original) else []


def use_original(article: Any, content: str, metadata: Mapping[str, Any]) -> None:
    """Replace the body, title and summary of ``article`` with its protected original."""
    article._content = protect_html(content)
    if metadata.get("title"):
        article.title = protect(str(metadata["title"]))
        article.metadata["title"] = article.title
    if metadata.get("summary"):
        article.metadata["summary"] = article._summary = protect_html(str(metadata["summary"]))
    else:  # let Pelican cut the summary from the original body
        article.metadata.pop("summary", None)
        if hasattr(article, "_summary"):
            del article._summary
