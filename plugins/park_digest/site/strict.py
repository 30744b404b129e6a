"""Strict builds: collect every error logged during a Pelican run and fail the run with the list.

Import errors, articles skipped for a missing title/date/slug or a broken front matter, dates to
check (:func:`check_dates`) and template errors are all logged at ERROR level by the importer,
by Pelican, by the front-matter reader, here or by :mod:`park_digest.build.incremental`'s writer. With
``PARK_DIGEST_STRICT = True`` (``publishconf.py``) the build collects them and raises
:class:`StrictBuildError` at the end instead of publishing a site with holes in it.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from typing import Any

import jinja2

from park_digest.ingest.dates import FUTURE_KEY, INFERRED_KEY, is_ahead, is_set
from park_digest.settings import resolve

logger = logging.getLogger(__name__)


class StrictBuildError(RuntimeError):
    """A strict build logged errors; ``problems`` lists them, most frequent first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(
            f"strict build failed with {len(problems)} problem(s); fix them and build again:\n"
            f"{lines}"
        )

    def __reduce__(self) -> tuple:
        # rebuilt from the list when it comes back from a variant's build process
        return (type(self), (self.problems,))


class ProblemLog(logging.Handler):
    """A logging handler that keeps the text of every ERROR (and worse) record it sees."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call must not hide the problem itself
            message = str(record.msg)
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {describe_error(record.exc_info[1])}"
        self.messages.append(message)

    def problems(self) -> list[str]:
        """Distinct messages, most frequent first, each with its count when it repeats."""
        counts = Counter(self.messages)
        return [
            message if count == 1 else f"{message} (x{count})"
            for message, count in counts.most_common()
        ]


def describe_error(error: BaseException) -> str:
    """One readable line for an exception; template errors name the template file and line."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = error.filename or error.name or "template"
        return f"{where}:{error.lineno}: template syntax error: {error.message}"
    if isinstance(error, jinja2.TemplateNotFound):
        return f"template not found: {error.name}; add it to the theme's templates/ folder"
    if isinstance(error, jinja2.TemplateError):
        return f"template error: {error}"
    text = str(error) or type(error).__name__
    return f"{type(error).__name__}: {text}"


# One collector per running Pelican object (several builds may share a process, e.g. variants).
_COLLECTORS: dict[int, ProblemLog] = {}


def is_strict(settings: dict) -> bool:
    return bool(resolve(settings)["PARK_DIGEST_STRICT"])


def start_collecting(pelican: object) -> None:
    """``initialized`` handler: in strict mode, start recording every logged error."""
    if not is_strict(pelican.settings):
        return
    collector = ProblemLog()
    logging.getLogger().addHandler(collector)
    _COLLECTORS[id(pelican)] = collector


def fail_on_problems(pelican: object) -> None:
    """``finalized`` handler: in strict mode, raise :class:`StrictBuildError` on logged errors."""
    collector = _COLLECTORS.pop(id(pelican), None)
    if collector is None:
        return
    logging.getLogger().removeHandler(collector)
    problems = collector.problems()
    if problems:
        raise StrictBuildError(problems)


def date_problems(article: Any, name: str) -> list[str]:
    """What is wrong with the date of ``article`` (from the file ``name``) for publishing."""
    problems = []
    meta = getattr(article, "metadata", {}) or {}
    if is_set(meta.get(INFERRED_KEY, False)):
        problems.append(
            f"{name}: the year of the date ({article.date:%Y-%m-%d}) was inferred, the dateline "
            f"gives only month and day; check the date, then delete the line "
            f"`{INFERRED_KEY}: true` from the front matter")
    if is_ahead(article.date) and not is_set(meta.get(FUTURE_KEY, False)):
        problems.append(
            f"{name}: the date {article.date:%Y-%m-%d %H:%M} is more than a day in the future "
            f"(a mistyped year?); correct it, or add `{FUTURE_KEY}: true` to the front matter "
            "if the article is dated ahead on purpose")
    return problems


def check_dates(generator: Any) -> None:
    """``article_generator_finalized``: a future or inferred date is an error in a strict build
    (a warning otherwise). Checked in the root run only: the variants read the same files."""
    conf = resolve(generator.settings)
    if conf["PARK_DIGEST_VARIANT"]:
        return
    strict = conf["PARK_DIGEST_STRICT"]
    level = logging.ERROR if strict else logging.WARNING
    # a development build names the first few; a strict one fails on every one, listed
    extra = {} if strict else {"limit_msg": "more articles have a date to check; "
                                            "a strict build (make publish) lists them all"}
    here = os.getcwd() + os.sep  # once: this runs for every article
    for name in ("articles", "translations", "hidden_articles", "hidden_translations"):
        for article in getattr(generator, name, None) or []:
            for problem in date_problems(article, _source_name(article, here)):
                logger.log(level, "%s", problem, extra=extra)


def _source_name(article: Any, here: str) -> str:
    """The article's file, relative to the working folder (the project) when inside it."""
    path = article.source_path or ""
    full = os.path.abspath(path) if path else ""
    return full[len(here):] if full.startswith(here) else path
