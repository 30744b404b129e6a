"""The second baseline: Hugo building the same articles in both scripts, where ``hugo`` is installed.

``prepare`` writes the synthetic articles as Hugo content (YAML front matter), Simplified and
(through OpenCC, untimed) Traditional, and a minimal multilingual site: Simplified at the root,
Traditional under ``zh-hant/``, the same URL layout as the project, list pages of 10 with tag,
category and author pages and an Atom-like feed per language. ``build`` runs ``hugo``.

    python -m bench.hugo prepare WORK --n 1000
    python -m bench.hugo build WORK
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path

from . import generate

LANGS = {"zh-hans": "", "zh-hant": "zh-hant"}
OPENCC_CONFIG = "s2hk"

CONFIG = """\
baseURL = "/"
defaultContentLanguage = "zh-hans"
defaultContentLanguageInSubdir = false
disableKinds = ["robotsTXT"]
[languages.zh-hans]
  languageCode = "zh-Hans"
  contentDir = "content/zh-hans"
  weight = 1
[languages.zh-hant]
  languageCode = "zh-Hant"
  contentDir = "content/zh-hant"
  weight = 2
[taxonomies]
  tag = "tags"
  category = "categories"
  author = "authors"
[permalinks]
  posts = "/:year/:month/:slug/"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
"""
BASEOF = """<!doctype html><html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title></head><body><header><a href="{{ "" | relLangURL }}">{{ .Site.Title }}</a>
{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02 15:04" }}
{{ range .Params.tags }}<a href="{{ (printf "tags/%s" (. | urlize)) | relLangURL }}">{{ . }}</a>{{ end }}</p>
{{ .Content }}</article>{{ end }}
"""
LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .RegularPagesRecursive 10 }}
{{ range $p.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>{{ end }}
{{ with $p.Next }}<a href="{{ .URL }}">next</a>{{ end }}{{ end }}
"""
TERMS = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
"""


def site_dir(work: Path) -> Path:
    return work / "hugo"


def available() -> str | None:
    """The hugo binary, or None."""
    return shutil.which("hugo")


def prepare(work: Path, n: int, seed: int = 0) -> None:
    """Write the Hugo site of ``n`` synthetic articles under ``work/hugo``."""
    import opencc  # only the untimed preparation needs it

    root = site_dir(work)
    shutil.rmtree(root, ignore_errors=True)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    layouts = {"baseof.html": BASEOF, "single.html": SINGLE, "list.html": LIST,
               "terms.html": TERMS}
    for name, text in layouts.items():
        (root / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    converter = opencc.OpenCC(OPENCC_CONFIG)
    for lang in LANGS:
        convert = converter.convert if lang != "zh-hans" else str
        folder = root / "content" / lang / "posts"
        folder.mkdir(parents=True)
        for article in generate.articles(n, seed):
            front = {
                "title": convert(article.title), "date": article.date.isoformat(),
                "slug": generate.slug(article), "categories": [convert(article.category)],
                "tags": [convert(t) for t in article.tags],
                "authors": [convert(a) for a in article.authors],
            }
            body = []
            for block in article.blocks:
                text = convert(block.text)
                if block.kind == "heading":
                    body.append(f"## {text}")
                elif block.kind == "figure":
                    body.append(f"![{text}](/images/{generate.slug(article)}/{block.image}.jpg)")
                else:
                    body.append(text)
            (folder / f"{generate.slug(article)}.md").write_text(
                f"---\n{json.dumps(front, ensure_ascii=False)}\n---\n\n" + "\n\n".join(body) + "\n",
                encoding="utf-8",
            )


def build(work: Path) -> None:
    root = site_dir(work)
    shutil.rmtree(root / "public", ignore_errors=True)
    subprocess.run([available() or "hugo", "--quiet", "--source", str(root)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("prepare", "build"))
    parser.add_argument("work", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.action == "prepare":
        prepare(args.work, args.n, args.seed)
    else:
        build(args.work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
