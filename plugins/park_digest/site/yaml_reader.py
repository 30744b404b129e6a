"""Read the articles' YAML front matter with libyaml, and say what is wrong with a broken one.

pelican-yaml-metadata parses front matter with PyYAML's pure-Python loader, which on a long
front matter (authors, images with captions) costs more than converting the Markdown body. This
reader is that plugin's reader with the C loader; which keys there are and how they become
Pelican metadata is the plugin's. It is registered on ``readers_init`` after the plugin's own
(``PLUGINS`` lists ``yaml_metadata`` before ``park_digest``), so it takes over the same suffixes.

A front matter that cannot be read (no closing ``---``, invalid YAML, a date that is no date, an
empty title) raises :class:`FrontMatterError`, whose message names the file and the line of the
file (not of the front matter) and what to do. Pelican then skips the file and logs "Could not
process <file>" without a reason; :class:`ExplainFailure` puts the reason into that message.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from typing import Any

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import (
    HEADER_RE,
    YAMLMetadataReader,
    _convert_py_to_meta,
)
from pelican.readers import MarkdownReader
from pelican.utils import get_date, pelican_open

from park_digest.site import prerender
from park_digest.site.strict import describe_error

logger = logging.getLogger(__name__)

# libyaml's loader when PyYAML was built with it, else the pure-Python one (same results).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A file whose first non-blank line is "---" opens a front matter.
OPENING = re.compile(r"\s*^---[ \t]*$", re.MULTILINE)
DATE_KEYS = ("date", "modified")
DATE_EXAMPLE = "2021-07-06T22:13:53+08:00"


class FrontMatterError(ValueError):
    """A front matter that cannot be read; the message names the file and line and the fix."""


class _Loader(LOADER):  # type: ignore[misc, valid-type]
    """The loader, with a timestamp that is no date (``2021-13-45``) reported at its line."""


class _NotADate(yaml.constructor.ConstructorError):
    """A value written as a date that is none (``2021-13-45``), with its place."""


def _timestamp(loader: Any, node: yaml.Node) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as e:
        raise _NotADate(None, None, f"{node.value!r} is not a date ({e})", node.start_mark) from e


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def display_path(path: str) -> str:
    """``path`` relative to the working folder (the project) when inside it."""
    rel = os.path.relpath(os.path.abspath(path))
    return path if rel.startswith("..") else rel


def key_line(text: str, key: str) -> int | None:
    """The line (0-based, within ``text``) of ``key`` at the top of the YAML mapping ``text``."""
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        return None
    if isinstance(root, yaml.MappingNode):
        for key_node, _value in root.value:
            if str(key_node.value).lower() == key:
                return key_node.start_mark.line
    return None


def load_front_matter(text: str, name: str, first_line: int) -> dict[str, Any]:
    """The mapping of a front matter ``text`` whose first line is line ``first_line`` of the
    file ``name``; :class:`FrontMatterError` when it is not one, or a date or title is wrong."""
    try:
        metadata = yaml.load(text, Loader=_Loader)
    except _NotADate as e:
        raise FrontMatterError(
            f"{name}:{first_line + e.problem_mark.line}: {e.problem}; write it like "
            f"{DATE_EXAMPLE} (year-month-day, then the time and its zone)") from e
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or str(e)
        if mark is e.problem_mark and e.context_mark and mark.index >= len(text.rstrip()):
            # the front matter ended first (an unclosed bracket or quote): where it opened
            mark, problem = e.context_mark, f"{problem} before the closing ---"
        line = first_line + (mark.line if mark else 0)
        if e.problem and e.context and e.context_mark and e.context_mark.line != mark.line:
            problem += f" ({e.context} that begins on line {first_line + e.context_mark.line})"
        raise FrontMatterError(
            f"{name}:{line}: the front matter between the --- lines is not valid YAML: "
            f"{problem}; fix that line (a value holding ': ' or starting with [, {{, \" or ' "
            "needs quotes), or delete the file to import its seed again") from e
    except yaml.YAMLError as e:
        raise FrontMatterError(
            f"{name}:{first_line}: the front matter between the --- lines is not valid YAML: "
            f"{e}; fix it, or delete the file to import its seed again") from e
    if not isinstance(metadata, dict):
        raise FrontMatterError(
            f"{name}:{first_line}: the front matter is not a list of `key: value` lines; "
            "write one `key: value` per line between the --- lines")

    for key, value in metadata.items():
        if str(key).lower() == "title" and (value is None or not str(value).strip()):
            raise FrontMatterError(f"{_where(name, text, first_line, key)}: the title is empty; "
                                   "write the article's title after `title:`")
    return metadata


def _where(name: str, text: str, first_line: int, key: str) -> str:
    """``file:line`` of ``key`` in the front matter ``text`` (``file`` when not found)."""
    line = key_line(text, key)
    return f"{name}:{first_line + line}" if line is not None else name


def date_problem(metadata: dict[str, Any], text: str, name: str, first_line: int) -> str | None:
    """What is wrong with a date of ``metadata`` that Pelican cannot read, if one is.

    Only asked once reading the metadata failed: a date is parsed once per article."""
    for key, value in metadata.items():
        if str(key).lower() not in DATE_KEYS or value is None or hasattr(value, "year"):
            continue
        try:
            get_date(str(value).strip().replace("_", " "))
        except (ValueError, OverflowError):
            return (f"{_where(name, text, first_line, key)}: {key} {str(value)!r} is not a date; "
                    f"write it like {DATE_EXAMPLE} (year-month-day, then the time and its zone)")
    return None


class FastYAMLMetadataReader(YAMLMetadataReader):
    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        with pelican_open(source_path) as text:
            match = HEADER_RE.fullmatch(text)
        name = display_path(source_path)
        if not match:
            opening = OPENING.match(text)
            if opening:
                line = text.count("\n", 0, opening.end()) + 1
                raise FrontMatterError(
                    f"{name}:{line}: the front matter opened by --- on this line has no closing "
                    "--- line; add a line of three dashes after its last `key: value` line")
            return MarkdownReader.read(self, source_path)  # no front matter at all
        first_line = text.count("\n", 0, match.start("metadata")) + 1
        metadata = load_front_matter(match.group("metadata"), name, first_line)
        try:
            metadata = self._parse_yaml_metadata(metadata, source_path)
        except (ValueError, TypeError, OverflowError) as e:
            front = match.group("metadata")
            problem = date_problem(metadata, front, name, first_line) or (
                f"{name}:{first_line}: the front matter cannot be read ({describe_error(e)}); "
                "fix it")
            raise FrontMatterError(problem) from e
        # as the plugin's reader: the Markdown object's Meta, then the body
        self._md.Meta = {k: _convert_py_to_meta(v) for k, v in metadata.items()}
        body = match.group("content")
        html = prerender.take(os.path.abspath(source_path), body)
        return html if html is not None else self._md.reset().convert(body), metadata


class ExplainFailure(logging.Filter):
    """Gives Pelican's "Could not process <file>" the reason it leaves out (unless DEBUG).

    Pelican logs it while handling the exception, without the exception; the reason is still
    the one being handled. A :class:`FrontMatterError` names the file itself.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != "Could not process %s" or record.exc_info:
            return True
        error = sys.exc_info()[1]
        if isinstance(error, FrontMatterError):
            record.msg, record.args = "%s", (str(error),)
        elif error is not None:
            record.msg = "Could not process %s: %s"
            record.args = (*record.args, describe_error(error))
        return True


EXPLAIN_FAILURE = ExplainFailure()


def add_reader(readers: Any) -> None:
    """``readers_init`` signal: read front-matter Markdown with :class:`FastYAMLMetadataReader`."""
    for suffix in FastYAMLMetadataReader.file_extensions:
        readers.reader_classes[suffix] = FastYAMLMetadataReader
    logging.getLogger("pelican.generators").addFilter(EXPLAIN_FAILURE)
