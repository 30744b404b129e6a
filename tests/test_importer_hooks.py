"""What the importer hands the parser, and what makes it re-import seeds."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import yaml

from park_digest.ingest import importer
from park_digest.ingest.importer import Options, import_seeds

PACKAGE = Path(importer.__file__).parent


def _package_imports(module: str) -> set[str]:
    text = (PACKAGE / f"{module}.py").read_text(encoding="utf-8")
    found = set(re.findall(r"^\s*from \.(\w+) import", text, re.M))
    for names in re.findall(r"^\s*from \. import ([\w, ]+)", text, re.M):
        found |= {n.split()[0] for n in names.split(",")}
    return found


def test_editing_any_module_the_parser_reads_with_reimports_seeds() -> None:
    # the surname list is data, but a new list reads names differently: seeds must re-import
    files = {p.name for p in importer.code_files()}
    assert {"surnames.py", "patterns.py", "parse.py", "htmlseed.py"} <= files
    for module in ("parse", "htmlseed", "markdown_out"):
        assert {f"{m}.py" for m in _package_imports(module)} <= files, module


def test_a_dateline_without_year_takes_the_year_of_the_seed_files_time(
        tmp_path: Path, monkeypatch) -> None:
    # the parser gets the seed's time from the importer, whatever the working folder is
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / "a.txt"
    seed.write_text("园区新建厂房投用\n红网时刻12月25日讯（记者 张三）今天，园区新建厂房投用。\n"
                    "厂房共六栋。\n", encoding="utf-8")
    saved = datetime(2019, 3, 1, 12).timestamp()
    os.utime(seed, (saved, saved))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    content = tmp_path / "content"
    opts = Options(project=tmp_path, out_dir=content / "articles", images_dir=content / "images",
                   originals_dir=content / "originals")
    [result] = import_seeds([seed], opts)
    assert result.ok, result.message
    meta = yaml.safe_load(result.output.read_text(encoding="utf-8").split("---\n")[1])
    assert str(meta["date"]).startswith("2018-12-25")
    assert meta["date_inferred"] is True
