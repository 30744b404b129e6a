"""A throw-away copy of the project for tests that run the real commands in it.

The real settings, theme and pages, a few articles of the test's own, and an empty seeds folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """---
title: {title}
date: {date}
slug: {slug}
source: 红网
authors: [{author}]
summary: 湘乡经开区负责人签约湘乡液晶显示屏生产基地项目。
category: 园区动态
tags: [{tags}]
---

{body}
"""
PARAGRAPH = "近年来，湘乡经开区围绕“进军全省产业园区综合实力20强”的工作目标，不断推动园区高质量发展。"


def article_text(
    title: str, *, slug: str = "a1", date: str = "2021-07-06T22:13:53+08:00",
    author: str = "孙妍", tags: str = "埃普特", paragraphs: int = 60,
) -> str:
    """One article in the importer's Markdown; 60 paragraphs make a page long enough to scroll."""
    body = "\n\n".join(f"{i}. {PARAGRAPH}" for i in range(1, paragraphs + 1))
    return ARTICLE.format(title=title, slug=slug, date=date, author=author, tags=tags, body=body)


def make_project(base: Path, articles: dict[str, str] | None = None) -> Path:
    """Write the project copy into ``base``; ``articles`` maps file names to Markdown."""
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, base / name)
    shutil.copytree(ROOT / "theme", base / "theme", ignore=shutil.ignore_patterns("node_modules"))
    content = base / "content"
    (content / "articles").mkdir(parents=True)
    (content / "images").mkdir()
    shutil.copytree(ROOT / "content/pages", content / "pages")
    for extra in ("keywords.txt", "opencc-corrections.txt"):
        if (ROOT / "content" / extra).is_file():
            shutil.copy(ROOT / "content" / extra, content / extra)
    if articles is None:
        articles = {"a1.md": article_text("园区三项赋能齐步走")}
    for name, text in articles.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    (base / "seeds").mkdir()
    return base
