"""Score the importer on a corpus of real layouts: ``python -m bench.fidelity [FOLDER] [--json P]``.

Every fixture ``X.txt`` of the folder (default ``tests/fidelity/corpus/``) with its ``X.json``
(format: ``tests/fidelity/corpus/README.md``) goes through the real import pipeline
(:func:`park_digest.ingest.importer.import_seeds` into a throw-away folder); the Markdown it writes is
read back and compared with what a careful editor reads in the page. The report gives the share
of facts right per field and overall, the share of articles fully right, and every miss.

Comparison: strings are compared after the normalisation the importer applies to text
(:func:`~park_digest.ingest.punctuation.to_fullwidth`, spaces folded) and after converting both sides
to Simplified characters (OpenCC ``t2s``): the importer's record is Simplified, a Traditional
seed is converted. Body facts (``first_sentence``, ``last_sentence``, ``body_must_keep``,
``must_drop``) are looked up in the body text with every space removed. A time of ``00:00`` in
the front matter counts as no time (the importer writes midnight for a date without a time).
A date the importer marks ``date_inferred: true`` (a dateline without its year) is right when
the fixture's ``date`` is null: the text holds no full date, and the importer says so. A seed
the importer refuses counts every fact of its fixture wrong, with one exception: a fixture whose
``date`` is null, refused for want of a date, is *rightly refused* (the page holds no date and the
importer says so, naming the seed's file and line, as it must). It counts among the articles fully right,
and its other facts are left out of the fact share: refusing was the right outcome, and there is
no article to compare them with.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from park_digest.ingest.importer import Options, import_seeds
from park_digest.ingest.punctuation import to_fullwidth

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "tests" / "fidelity" / "corpus"
# One fact each; body_must_keep and must_drop count as one fact when the fixture lists any.
FIELDS = ("title", "date", "time", "source", "authors", "editor", "first_sentence",
          "last_sentence", "body_must_keep", "must_drop")


@dataclass(slots=True)
class Miss:
    fixture: str
    field: str
    expected: object
    got: object


@dataclass(slots=True)
class Score:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    articles: int = 0
    articles_right: int = 0
    refused: list[str] = field(default_factory=list)
    # no date in the text, none expected: right outcomes, counted in articles_right, their facts
    # outside right/total
    refused_rightly: list[str] = field(default_factory=list)
    fixture_facts: dict[str, int] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    @property
    def facts(self) -> int:
        return sum(self.total.values())

    @property
    def facts_right(self) -> int:
        return sum(self.right.values())

    @property
    def share(self) -> float:
        return self.facts_right / self.facts if self.facts else 0.0


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def norm(text: str | None) -> str | None:
    """The text as the importer would write it, in Simplified characters, spaces folded."""
    if text is None:
        return None
    text = " ".join(str(text).split())
    return _t2s().convert(to_fullwidth(text))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", norm(text) or "")


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]#|+\-.)])")


def unescape_markdown(body: str) -> str:
    """The text the body's Markdown shows: escapes undone, headings and image syntax bare."""
    lines = []
    for line in body.splitlines():
        line = re.sub(r"^#{1,6} ", "", line)
        line = re.sub(r"^!\[(.*)\]\([^)]*\)(?:\{:[^}]*\})?$", r"\1", line)
        lines.append(html.unescape(_ESCAPED.sub(r"\1", line)))
    return "\n".join(lines)


def read_markdown(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta) or {}, unescape_markdown(body)


def fixtures(folder: Path) -> list[tuple[Path, Path]]:
    """``(X.txt, X.json)`` pairs of the folder, by name."""
    return [(txt, txt.with_suffix(".json")) for txt in sorted(folder.glob("*.txt"))
            if txt.with_suffix(".json").is_file()]


def import_one(seed: Path) -> tuple[dict, str] | str:
    """Front matter and body text the importer writes for ``seed``, or its error message."""
    with tempfile.TemporaryDirectory(prefix="fidelity-") as tmp:
        root = Path(tmp)
        content = root / "content"
        opts = Options(project=root, out_dir=content / "articles", images_dir=content / "images",
                       originals_dir=content / "originals")
        [result] = import_seeds([seed], opts)
        if not result.ok or result.output is None:
            return result.message or result.status
        return read_markdown(result.output)


def _split_date(value: object) -> tuple[str | None, str | None]:
    text = str(value or "")
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", text)
    if not m:
        return None, None
    time = m.group(2)
    return m.group(1), (None if time in (None, "00:00") else time)


def _names(values: Iterable[str] | None) -> list[str]:
    return sorted(norm(v).replace(" ", "") for v in values or ())


def check(name: str, expected: dict, got: tuple[dict, str] | str) -> list[tuple[str, bool, object, object]]:
    """``(field, right, expected, got)`` for each fact of one fixture."""
    if isinstance(got, str):
        meta, body = {}, ""
        error = f"refused: {got}"
    else:
        meta, body = got
        error = None
    flat = re.sub(r"\s+", "", _t2s().convert(body))
    date, time = _split_date(meta.get("date"))
    results = []

    def fact(key: str, exp: object, value: object, right: bool) -> None:
        results.append((key, right and error is None, exp, error or value))

    fact("title", expected.get("title"), meta.get("title"),
         norm(meta.get("title")) == norm(expected.get("title")))
    inferred = bool(meta.get("date_inferred"))
    right = date == expected.get("date") or (inferred and expected.get("date") is None)
    fact("date", expected.get("date"), f"{date} (inferred)" if inferred else date, right)
    right = time == expected.get("time") or (inferred and expected.get("date") is None)
    fact("time", expected.get("time"), time, right)
    fact("source", expected.get("source"), meta.get("source"),
         norm(meta.get("source")) == norm(expected.get("source")))
    # a name as the page spaces it to line it up with longer ones (责 编:何 婧) is the same name
    editor, wanted = meta.get("editor"), expected.get("editor")
    fact("editor", wanted, editor, (editor is None) == (wanted is None)
         and _names([editor or ""]) == _names([wanted or ""]))
    fact("authors", expected.get("authors") or [], meta.get("authors") or [],
         _names(meta.get("authors")) == _names(expected.get("authors")))
    for key in ("first_sentence", "last_sentence"):
        sentence = expected.get(key)
        if sentence:
            fact(key, sentence, "(missing from the body)" if squeeze(sentence) not in flat
                 else "(kept)", squeeze(sentence) in flat)
    keep = [s for s in expected.get("body_must_keep") or () if squeeze(s)]
    if keep:
        lost = [s for s in keep if squeeze(s) not in flat]
        fact("body_must_keep", keep, {"lost": lost}, not lost)
    drop = [s for s in expected.get("must_drop") or () if squeeze(s)]
    if drop:
        left = [s for s in drop if squeeze(s) in flat]
        fact("must_drop", drop, {"left in body": left}, not left)
    return results


def rightly_refused(seed: Path, expected: dict, got: tuple[dict, str] | str) -> bool:
    """The importer refused, for want of a date and naming the seed's file and line, a page whose
    fixture expects no date."""
    return (isinstance(got, str) and expected.get("date") is None and "no date" in got
            and re.search(rf"{re.escape(seed.name)}:\d+", got) is not None)


def score(folder: Path) -> Score:
    result = Score()
    for txt, js in fixtures(folder):
        expected = json.loads(js.read_text(encoding="utf-8"))
        got = import_one(txt)
        result.articles += 1
        if rightly_refused(txt, expected, got):
            result.refused_rightly.append(txt.stem)
            result.articles_right += 1
            continue
        if isinstance(got, str):
            result.refused.append(txt.stem)
        facts = check(txt.stem, expected, got)
        result.fixture_facts[txt.stem] = len(facts)
        result.articles_right += all(right for _, right, _, _ in facts)
        for key, right, exp, value in facts:
            result.total[key] += 1
            result.right[key] += right
            if not right:
                result.misses.append(Miss(txt.stem, key, exp, value))
    return result


def report(s: Score, folder: Path) -> str:
    out = [f"fidelity of {folder}: {s.articles} fixtures"]
    for key in FIELDS:
        if s.total[key]:
            out.append(f"  {key:<15} {s.right[key]:>4}/{s.total[key]:<4} "
                       f"{100 * s.right[key] / s.total[key]:6.1f} %")
    out.append(f"  {'all facts':<15} {s.facts_right:>4}/{s.facts:<4} {100 * s.share:6.1f} %")
    if s.articles:
        out.append(f"  {'articles right':<15} {s.articles_right:>4}/{s.articles:<4} "
                   f"{100 * s.articles_right / s.articles:6.1f} %")
    if s.refused_rightly:
        out.append(f"  rightly refused {len(s.refused_rightly):>4}: {', '.join(s.refused_rightly)}")
        out.append("                  (no date in the text, none expected: counted among the articles"
                   " right, their facts left out of the fact share)")
    if s.refused:
        out.append(f"  refused         {len(s.refused):>4}: {', '.join(s.refused)}"
                   " (every fact wrong)")
        kept = [m for m in s.misses if m.fixture not in s.refused]
        facts = s.facts - sum(s.fixture_facts[f] for f in s.refused)
        if facts:
            out.append(f"  {'imported only':<15} {facts - len(kept):>4}/{facts:<4} "
                       f"{100 * (facts - len(kept)) / facts:6.1f} %  (facts of the articles imported)")
    if s.misses:
        out.append("misses (fixture, field: expected | got):")
        for m in s.misses:
            exp = json.dumps(m.expected, ensure_ascii=False)
            got = m.got if isinstance(m.got, str) else json.dumps(m.got, ensure_ascii=False)
            out.append(f"  {m.fixture}  {m.field}: {exp} | {got}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fidelity", description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER,
                        help="folder of X.txt + X.json fixtures (default: the committed corpus)")
    parser.add_argument("--json", type=Path, help="also write the figures and misses as JSON")
    args = parser.parse_args(argv)
    if not fixtures(args.folder):
        print(f"no fixtures (X.txt with X.json) in {args.folder}", file=sys.stderr)
        return 2
    s = score(args.folder)
    print(report(s, args.folder))
    if args.json:
        args.json.write_text(json.dumps({
            "folder": str(args.folder), "articles": s.articles, "articles_right": s.articles_right,
            "facts": s.facts, "facts_right": s.facts_right,
            "fields": {k: [s.right[k], s.total[k]] for k in FIELDS},
            "refused": s.refused, "refused_rightly": s.refused_rightly,
            "misses": [[m.fixture, m.field, m.expected, m.got] for m in s.misses],
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
