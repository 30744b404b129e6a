"""What users rely on: idempotence, hand edits kept, duplicates, images, bad seeds, the command."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from PIL import Image

from park_digest.ingest.importer import Options, import_seeds
from park_digest.ingest.markdown_out import escape

ARTICLE = """园区新闻一则
来源:红网 作者:张三 编辑:李四 2022-05-06 10:00:00
第一段,园区举办活动。
1.jpg
活动现场。
第二段。
本文链接:https://example.cn/content/2022/05/06/1.html
"""


def options(tmp: Path) -> Options:
    content = tmp / "content"
    return Options(project=tmp, out_dir=content / "articles", images_dir=content / "images",
                   originals_dir=content / "originals", category="园区动态")


def write_seed(tmp: Path, name: str, text: str | bytes) -> Path:
    seeds = tmp / "seeds"
    seeds.mkdir(exist_ok=True)
    path = seeds / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def test_unchanged_seed_rewrites_nothing(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    [first] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    before = first.output.stat()
    [again] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert again.status == "unchanged"
    after = again.output.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def test_seed_is_never_modified(tmp_path: Path) -> None:
    seed = write_seed(tmp_path, "a.txt", ARTICLE)
    seed.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    mtime = seed.stat().st_mtime_ns
    import_seeds([seed], options(tmp_path))
    assert seed.read_text(encoding="utf-8") == ARTICLE and seed.stat().st_mtime_ns == mtime


def test_hand_edited_markdown_is_never_overwritten(tmp_path: Path) -> None:
    seed = write_seed(tmp_path, "a.txt", ARTICLE)
    [first] = import_seeds([seed], options(tmp_path))
    edited = first.output.read_text(encoding="utf-8").replace("第二段。", "第二段，编辑改过。")
    first.output.write_text(edited, encoding="utf-8")
    os.chmod(seed, 0o644)
    seed.write_text(ARTICLE.replace("第二段。", "第二段（新）。"), encoding="utf-8")
    [again] = import_seeds([seed], options(tmp_path))
    assert again.status == "kept-edited"
    assert "edited by hand" in again.message
    assert first.output.read_text(encoding="utf-8") == edited


def test_changed_seed_updates_the_importers_own_file(tmp_path: Path) -> None:
    seed = write_seed(tmp_path, "a.txt", ARTICLE)
    [first] = import_seeds([seed], options(tmp_path))
    seed.write_text(ARTICLE.replace("第二段。", "第二段，更新了。"), encoding="utf-8")
    [again] = import_seeds([seed], options(tmp_path))
    assert again.status == "written"
    assert "第二段，更新了。" in first.output.read_text(encoding="utf-8")


def test_two_seeds_of_one_article_give_one_article_and_name_both(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    write_seed(tmp_path, "b.txt", "\ufeff" + ARTICLE.replace("\n", "\r\n"))
    results = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert [r.status for r in results] == ["written", "duplicate"]
    assert "seeds/a.txt" in results[1].message and "seeds/b.txt" in results[1].message
    assert len(list((tmp_path / "content" / "articles").glob("*.md"))) == 1


def test_image_beside_the_seed_is_copied_with_its_size(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "seeds" / "a").mkdir()
    Image.new("RGB", (640, 360), "teal").save(tmp_path / "seeds" / "a" / "1.jpg")
    [result] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    slug = result.slug
    assert (tmp_path / "content" / "images" / slug / "1.jpg").is_file()
    text = result.output.read_text(encoding="utf-8")
    assert f"![活动现场。]({{static}}/images/{slug}/1.jpg){{: width=\"640\" height=\"360\"}}" in text
    assert result.missing_images == []


def test_missing_image_is_reported_and_written_as_placeholder(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    [result] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert result.missing_images == ["1.jpg"]
    assert "![活动现场。](1.jpg)" in result.output.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("园区新闻一则\n2022-05-06\n正文。\n".encode("gb18030"), "not valid UTF-8"),
        ("鍥尯鏂伴椈锛屽洯鍖烘柊闂伙紝銆傞€氳鍛橈紝鈥滄湰鏂団€濄€?\n".encode(), "mojibake"),
        ("Ã¥Â›Â­Ã¥ÂŒÂºÃ¦Â–Â°Ã©Â—Â»\n".encode(), "mojibake"),
        ("標題\n2021-03-26\n項目建設十分順利\ufffd\ufffd。\n".encode(), "replacement"),
    ],
    ids=["empty", "binary", "gbk", "gbk-mojibake", "latin1-mojibake", "fffd"],
)
def test_bad_seed_fails_alone_with_file_and_line(tmp_path: Path, data: bytes, says: str) -> None:
    write_seed(tmp_path, "bad.txt", data)
    write_seed(tmp_path, "good.txt", ARTICLE)
    bad, good = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert bad.status == "failed" and bad.message.startswith("seeds/bad.txt:")
    assert says in bad.message
    assert good.status == "written"


def test_a_mirrors_pinyin_glosses_are_left_out_and_said(tmp_path: Path) -> None:
    glossed = "標題\n2021-03-26\n湘潭縣20個(gè)重大產(chǎn)業(yè)項目開(kāi)工，記者(PDF)到場。\n"
    write_seed(tmp_path, "glossed.txt", glossed.encode())
    [result] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert result.status == "written"
    assert "湘潭县20个重大产业项目开工，记者（PDF）到场。" in result.output.read_text(encoding="utf-8")
    assert any("4 pinyin glosses" in warning for warning in result.warnings)
    assert (tmp_path / "seeds" / "glossed.txt").read_text(encoding="utf-8") == glossed  # the seed as it was


def test_traditional_seed_is_converted_and_keeps_its_original(tmp_path: Path) -> None:
    trad = ("園區舉辦招聘會\n來源:人民網 2021-06-03 20:09\n"
            "今天上午,園區舉辦招聘會,共有五十家企業參加。\n企業代表發表講話。\n")
    write_seed(tmp_path, "t.txt", trad)
    [result] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    meta = front(result.output)
    assert meta["title"] == "园区举办招聘会"
    assert meta["original_script"] == "zh-hant"
    assert "今天上午，园区举办招聘会" in result.output.read_text(encoding="utf-8")
    original = tmp_path / "content" / "originals" / result.output.name
    assert front(original)["title"] == "園區舉辦招聘會"
    assert "今天上午，園區舉辦招聘會" in original.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "shown_as"),
    [
        ("1. 第一项内容。", r"1\. 第一项内容。"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a*b*c 与 d_e_f", r"a\*b\*c 与 d\_e\_f"),
        ("# 不是标题", r"\# 不是标题"),
        ("- 不是列表", r"\- 不是列表"),
        ("[链接](http://x)", r"\[链接\](http://x)"),
    ],
)
def test_escape_makes_markdown_show_the_text(text: str, shown_as: str) -> None:
    assert escape(text) == shown_as


def test_command_prints_a_line_per_seed_and_exits_1_on_failure(tmp_path: Path) -> None:
    write_seed(tmp_path, "good.txt", ARTICLE)
    write_seed(tmp_path, "bad.txt", b"")
    proc = subprocess.run(
        [sys.executable, "-m", "park_digest.cli", "import", "seeds", "--out", "out"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[0].startswith("FAILED") and "seeds/bad.txt:1:" in lines[0]
    assert lines[1].startswith("written") and "good.txt" in lines[1]
    assert lines[-1] == "2 seeds: 1 failed, 1 written"
    assert len(list((tmp_path / "out").glob("*.md"))) == 1


def test_new_image_beside_an_unchanged_seed_is_picked_up(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    [first] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert first.missing_images == ["1.jpg"]
    (tmp_path / "seeds" / "a").mkdir()
    Image.new("RGB", (64, 48), "navy").save(tmp_path / "seeds" / "a" / "1.jpg")
    [again] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert again.status == "written" and again.missing_images == []


def test_changed_keyword_list_retags_unchanged_seeds(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    [first] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert "tags" not in front(first.output)
    [again] = import_seeds([tmp_path / "seeds"], replace(options(tmp_path), keywords={"活动": "活动"}))
    assert again.status == "written" and front(again.output)["tags"] == ["活动"]


def test_second_run_trusts_unchanged_sizes_and_times_like_rsync(tmp_path: Path) -> None:
    seed = write_seed(tmp_path, "a.txt", ARTICLE)
    opts = replace(options(tmp_path), stat_cache=tmp_path / "stats.json")
    import_seeds([seed], opts)
    import_seeds([seed], opts)  # records sizes and times
    before = seed.stat()
    # same size, same time, other bytes: the quick check does not read the file
    seed.write_text(ARTICLE.replace("第二段。", "第三段。"), encoding="utf-8")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    [quick] = import_seeds([seed], opts)
    assert quick.status == "unchanged"
    os.utime(seed, ns=(1, 1))  # touched: read again, and the change is seen
    [read] = import_seeds([seed], opts)
    assert read.status == "written" and "第三段。" in read.output.read_text(encoding="utf-8")


def test_a_large_batch_goes_through_worker_processes_alike(tmp_path: Path, monkeypatch) -> None:
    import park_digest.ingest.importer as importer

    for i in range(12):
        write_seed(tmp_path, f"s{i:02}.txt", ARTICLE.replace("园区新闻一则", f"园区新闻第{i}则")
                   .replace("/1.html", f"/{i}.html"))
    write_seed(tmp_path, "s99.txt", b"")
    serial = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert [r.status for r in serial] == ["written"] * 12 + ["failed"]
    serial_texts = {r.output.name: r.output.read_text(encoding="utf-8") for r in serial if r.ok}
    shutil.rmtree(tmp_path / "content")
    monkeypatch.setattr(importer, "PARALLEL_FROM", 2)
    pooled = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert [(r.status, r.slug, r.message) for r in pooled] == \
        [(r.status, r.slug, r.message) for r in serial]
    assert pooled[-1].status == "failed" and "seeds/s99.txt:1:" in pooled[-1].message
    assert {r.output.name: r.output.read_text(encoding="utf-8") for r in pooled if r.ok} \
        == serial_texts


def test_summary_starts_after_the_dateline() -> None:
    from park_digest.ingest.markdown_out import summarize
    from park_digest.ingest.parse import parse_article

    article = parse_article(
        "园区签约五个项目\n2023-12-18 20:01\n"
        "红网时刻岳阳12月18日讯(记者 刘一 通讯员 陈二)今天,岳阳经开区集中签约五个项目。\n后文。\n")
    assert summarize(article) == "今天，岳阳经开区集中签约五个项目。"
    assert article.paragraphs[0] == "今天，岳阳经开区集中签约五个项目。"  # the dateline is a byline


def test_summary_starts_after_a_subtitle_set_off_by_a_dash() -> None:
    from park_digest.ingest.markdown_out import summarize
    from park_digest.ingest.parse import parse_article

    article = parse_article(
        "园区签约五个项目\n——园区高质量发展系列报道之三\n2023-12-18 20:01 来源：园区网\n"
        "今天，园区集中签约五个项目，总投资十二亿元。\n后文。\n")
    assert summarize(article) == "今天，园区集中签约五个项目，总投资十二亿元。"
    assert article.paragraphs[0] == "——园区高质量发展系列报道之三"  # kept in the text


def test_a_date_in_the_future_is_imported_with_a_warning(tmp_path: Path) -> None:
    year = datetime.now().year + 10  # a mistyped year: 2031 for 2021
    seed = write_seed(tmp_path, "a.txt", ARTICLE.replace("2022-05-06", f"{year}-05-06"))
    write_seed(tmp_path, "b.txt", ARTICLE.replace("园区新闻一则", "园区新闻两则")
               .replace("/1.html", "/2.html"))
    first, other = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert first.status == "written" and other.warnings == []
    [warning] = first.warnings
    assert warning.startswith(f"seeds/a.txt: the date {year}-05-06 10:00 is in the future")
    assert f"add `future: true` to the front matter of content/articles/{first.output.name}" \
        in warning
    [again] = import_seeds([seed], options(tmp_path))  # unchanged: still said
    assert again.status == "unchanged" and again.warnings == [warning]


def test_the_command_prints_the_warning_under_its_seed(tmp_path: Path) -> None:
    year = datetime.now().year + 10
    write_seed(tmp_path, "a.txt", ARTICLE.replace("2022-05-06", f"{year}-05-06"))
    proc = subprocess.run(
        [sys.executable, "-m", "park_digest.cli", "import", "seeds"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("written") and lines[1].startswith(
        f"  warning: seeds/a.txt: the date {year}-05-06 10:00 is in the future")


def articles_in(tmp: Path) -> list[str]:
    return sorted(p.name for p in (tmp / "content" / "articles").glob("*.md"))


def test_a_corrected_date_or_title_moves_the_article_and_its_images(tmp_path: Path) -> None:
    seed = write_seed(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "seeds" / "a").mkdir()
    Image.new("RGB", (64, 48), "teal").save(tmp_path / "seeds" / "a" / "1.jpg")
    [first] = import_seeds([seed], options(tmp_path))
    images = tmp_path / "content" / "images"
    for changed in (ARTICLE.replace("2022-05-06", "2022-05-07"),  # the date corrected
                    ARTICLE.replace("2022-05-06", "2022-05-07").replace("一则", "二则")):  # title
        before = articles_in(tmp_path)
        seed.write_text(changed, encoding="utf-8")
        [again] = import_seeds([seed], options(tmp_path))
        assert again.status == "written" and again.output.name != before[0]
        assert articles_in(tmp_path) == [again.output.name]  # one article, not two
        assert f"replaces {before[0]}" in again.message
        assert sorted(p.name for p in images.iterdir()) == [again.slug]
        assert (images / again.slug / "1.jpg").is_file()
        assert f"images/{again.slug}/1.jpg" in again.output.read_text(encoding="utf-8")
        state = (tmp_path / "content" / "articles" / ".imported.json").read_text("utf-8")
        assert before[0] not in state and again.output.name in state
    assert first.output.name not in articles_in(tmp_path)
    [unchanged] = import_seeds([seed], options(tmp_path))  # and it stays that way
    assert unchanged.status == "unchanged" and articles_in(tmp_path) == [unchanged.output.name]


def test_a_corrected_traditional_seed_moves_its_original_too(tmp_path: Path) -> None:
    trad = "園區舉辦招聘會\n來源:人民網 2021-06-03 20:09\n今天上午,園區舉辦招聘會,共有五十家企業參加。\n"
    seed = write_seed(tmp_path, "t.txt", trad)
    [first] = import_seeds([seed], options(tmp_path))
    seed.write_text(trad.replace("2021-06-03", "2021-06-04"), encoding="utf-8")
    [again] = import_seeds([seed], options(tmp_path))
    originals = tmp_path / "content" / "originals"
    assert sorted(p.name for p in originals.glob("*.md")) == [again.output.name]
    assert again.output.name != first.output.name


def test_a_corrected_seed_leaves_a_hand_edited_article_and_says_so(tmp_path: Path) -> None:
    seed = write_seed(tmp_path, "a.txt", ARTICLE)
    [first] = import_seeds([seed], options(tmp_path))
    edited = first.output.read_text(encoding="utf-8").replace("第二段。", "第二段，编辑改过。")
    first.output.write_text(edited, encoding="utf-8")
    seed.write_text(ARTICLE.replace("2022-05-06", "2022-05-07"), encoding="utf-8")
    [again] = import_seeds([seed], options(tmp_path))
    assert again.status == "kept-edited" and again.output == first.output
    assert f"content/articles/{first.output.name} was edited by hand" in again.message
    assert "Delete it to import seeds/a.txt again" in again.message
    assert articles_in(tmp_path) == [first.output.name]  # no second article beside it
    assert first.output.read_text(encoding="utf-8") == edited
    first.output.unlink()  # the editor deletes it: the seed comes in under its new date
    [third] = import_seeds([seed], options(tmp_path))
    assert third.status == "written" and articles_in(tmp_path) == [third.output.name]
    assert third.slug.startswith("2022-05-07-")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_import_with_out_writes_everything_there_and_leaves_the_project_alone(
    tmp_path: Path,
) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    import_seeds([tmp_path / "seeds"], replace(  # the project as the importer left it
        options(tmp_path), stat_cache=tmp_path / "content/articles/.imported-stats.json"))
    trad = ("園區舉辦招聘會\n來源:人民網 2021-06-03 20:09\n今天上午,園區舉辦招聘會。\n"
            "1.jpg\n招聘會現場。\n企業代表發表講話。\n")
    write_seed(tmp_path, "t.txt", trad)
    (tmp_path / "seeds" / "t").mkdir()
    Image.new("RGB", (64, 48), "navy").save(tmp_path / "seeds" / "t" / "1.jpg")
    project = tree(tmp_path / "content")
    proc = subprocess.run(
        [sys.executable, "-m", "park_digest.cli", "import", "seeds", "--out", "trial"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert tree(tmp_path / "content") == project  # nothing written into the project
    out = tree(tmp_path / "trial")
    [article] = [name for name in out if name.endswith(".md") and "/" not in name
                 and "zhao-pin" in name]
    slug = article.removesuffix(".md")
    assert f"originals/{article}" in out  # the Traditional original
    assert f"images/{slug}/1.jpg" in out
    assert {".imported.json", ".imported-seeds.json", ".imported-stats.json"} <= set(out)
    assert f"images/{slug}/1.jpg" in out[article].decode()


def test_a_corrected_seed_is_recognised_by_its_articles_raw_field_in_a_fresh_clone(
    tmp_path: Path,
) -> None:
    seed = write_seed(tmp_path, "a.txt", ARTICLE)
    write_seed(tmp_path, "b.txt", ARTICLE.replace("园区新闻一则", "园区新闻两则")
               .replace("/1.html", "/2.html"))
    first, other = import_seeds([tmp_path / "seeds"], options(tmp_path))
    # a clone has the articles and .imported.json (committed), not the local seed state
    (tmp_path / "content" / "articles" / ".imported-seeds.json").unlink()
    seed.write_text(ARTICLE.replace("2022-05-06", "2022-05-07"), encoding="utf-8")
    again, same = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert again.status == "written" and f"replaces {first.output.name}" in again.message
    assert same.output == other.output
    assert articles_in(tmp_path) == sorted([again.output.name, other.output.name])



def test_garbled_picture_names_the_site_shows_do_not_refuse_the_seed(tmp_path: Path) -> None:
    write_seed(tmp_path, "names.txt", ARTICLE.replace(
        "第二段。", "1锛_018hubeitesegaozhixing_heying\n4锛歸uhan_xiaochang_canguan\n第二段。"))
    [result] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    assert result.ok, result.message


def test_a_deleted_seed_takes_its_article_and_images_away(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    write_seed(tmp_path, "b.txt", ARTICLE.replace("园区新闻一则", "园区新闻又一则").replace("1.html", "2.html"))
    opts = options(tmp_path)
    first = {r.seed.name: r for r in import_seeds([tmp_path / "seeds"], opts)}
    (opts.images_dir / first["a.txt"].slug).mkdir(parents=True)
    (opts.images_dir / first["a.txt"].slug / "1.jpg").write_bytes(b"copy")
    (tmp_path / "seeds" / "a.txt").unlink()

    results = import_seeds([tmp_path / "seeds"], opts)

    removed = [r for r in results if r.status == "removed"]
    assert [r.seed.name for r in removed] == ["a.txt"] and "was deleted" in removed[0].message
    assert not first["a.txt"].output.exists() and not (opts.images_dir / first["a.txt"].slug).exists()
    assert first["b.txt"].output.exists()
    assert [r.status for r in import_seeds([tmp_path / "seeds"], opts)] == ["unchanged"]  # said once


def test_a_deleted_seeds_hand_edited_article_stays_and_is_named(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    opts = options(tmp_path)
    [first] = import_seeds([tmp_path / "seeds"], opts)
    first.output.write_text(first.output.read_text(encoding="utf-8") + "\n编者补记。\n", encoding="utf-8")
    (tmp_path / "seeds" / "a.txt").unlink()

    [kept] = import_seeds([tmp_path / "seeds"], opts)

    assert kept.status == "kept-edited" and "edited by hand" in kept.message
    assert "编者补记" in first.output.read_text(encoding="utf-8")


def test_importing_one_seed_by_name_retires_no_other(tmp_path: Path) -> None:
    write_seed(tmp_path, "a.txt", ARTICLE)
    write_seed(tmp_path, "b.txt", ARTICLE.replace("园区新闻一则", "园区新闻又一则").replace("1.html", "2.html"))
    opts = options(tmp_path)
    first = {r.seed.name: r for r in import_seeds([tmp_path / "seeds"], opts)}

    import_seeds([tmp_path / "seeds" / "b.txt"], opts)

    assert first["a.txt"].output.exists()


def test_a_traditional_story_on_a_simplified_page_is_read_in_simplified_and_kept_as_given(
        tmp_path: Path) -> None:
    write_seed(tmp_path, "mixed.txt", "本网站使用相关技术提供更好的阅读体验，同时尊重使用者隐私，点这里了解本站隐私声明。"
               "当您关闭此视窗，代表您同意上述规范。\n園區新廠房落成 首批企業進駐\n2024/03/05 15:18\n"
               "【記者王曉明／湘潭報導】園區新建的六棟標準廠房今天落成啟用。\n廠房配套的道路也已完工。\n")
    [result] = import_seeds([tmp_path / "seeds"], options(tmp_path))
    meta, body = front(result.output), result.output.read_text(encoding="utf-8")
    assert meta["authors"] == ["王晓明"] and "記者" not in body  # facts in the record's script
    assert "園區新建的六棟標準廠房今天落成啟用。" in body  # the words as the seed gives them
