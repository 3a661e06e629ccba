"""Markdown, HTML and .docx input: offsets into the file itself, --fix leaves markup alone."""

from __future__ import annotations

import json

import docx

from taizhang.checker import check
from taizhang.checker.cli import main
from taizhang.checker.markup import html_source, markdown

MARKDOWN = (
    "# 一、工作情况\n"
    '<p align="right">烽火乡人大主席团</p>\n'
    "\n"
    "本人认真履职,**重点**推进[乡村振兴](https://example.org/a,b)工作,代码`a,b`不查。\n"
    "- 召开会议3次,已布署到位。\n"
    "| 项目 | 数量 |\n"
    "|---|---|\n"
    "| 道路硬化 | 3公里 |\n"
)
HTML = (
    "<!DOCTYPE html><html><head><title>标题,不查</title>"
    "<style>p{margin:0}</style></head><body>\n"
    "<h1>一、工作情况</h1>\n"
    '<p align="right">本人认真履职,推进\n工作，已布署到位。</p><!-- 注释, 不查 -->\n'
    "<p>全镇&amp;全乡,共同推进。</p></body></html>\n"
)


def places(original: str, source) -> list[tuple[str, str]]:
    found = source.map_findings(check(source.text, profile="generic"))
    return [(f.rule, original[s:e]) for f in found for s, e in f.spans]


def test_markdown_is_checked_as_its_text_with_offsets_into_the_file():
    source = markdown(MARKDOWN)
    assert '"' not in source.text and "https" not in source.text and "a,b" not in source.text
    assert "烽火乡人大主席团" in source.text and "乡村振兴工作" in source.text
    found = places(MARKDOWN, source)
    assert ("typo.confusion", "布署") in found
    commas = [text for rule, text in found if rule == "punctuation.halfwidth"]
    assert commas == [",", ",", ","]
    for f in source.map_findings(check(source.text, profile="generic")):
        for s, e in f.spans:
            assert MARKDOWN[s:e] == f.text  # the characters the finding names


def test_html_is_checked_as_its_text_with_offsets_into_the_file():
    source = html_source(HTML)
    assert "不查" not in source.text and "margin" not in source.text and "<" not in source.text
    assert "推进工作" in source.text  # a source line break inside a paragraph is not a break
    assert "全镇&全乡" in source.text
    found = places(HTML, source)
    assert ("typo.confusion", "布署") in found
    assert [t for r, t in found if r == "punctuation.halfwidth"] == [",", ","]


def test_fix_round_trips_markdown_markup_unchanged(tmp_path, capsys):
    src, out = tmp_path / "a.md", tmp_path / "b.md"
    src.write_text(MARKDOWN, encoding="utf-8")
    main([str(src), "--fix", str(out), "--profile", "generic"])
    fixed = out.read_text(encoding="utf-8")
    assert fixed == MARKDOWN.replace("履职,", "履职，").replace("工作,", "工作，").replace(
        "3次,", "3次，"
    )
    assert '<p align="right">' in fixed and "(https://example.org/a,b)" in fixed
    assert "`a,b`" in fixed


def test_fix_round_trips_html_markup_unchanged(tmp_path, capsys):
    src, out = tmp_path / "a.html", tmp_path / "b.html"
    src.write_text(HTML, encoding="utf-8")
    assert main([str(src), "--fix", str(out), "--profile", "generic"]) in (0, 1)
    fixed = out.read_text(encoding="utf-8")
    assert fixed == HTML.replace("履职,", "履职，").replace("全乡,", "全乡，")


def test_html_json_offsets_point_into_the_file(tmp_path, capsys):
    path = tmp_path / "a.htm"
    path.write_text(HTML, encoding="utf-8")
    main([str(path), "--json", "--profile", "generic"])
    (report,) = json.loads(capsys.readouterr().out)
    assert report["chars"] == len(HTML)
    typo = next(f for f in report["findings"] if f["rule"] == "typo.confusion")
    assert HTML[typo["start"] : typo["end"]] == "布署"


def test_docx_findings_carry_paragraph_and_offset(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("一、工作情况")
    document.add_paragraph("本人认真履职，已布署到位。")
    path = tmp_path / "a.docx"
    document.save(str(path))
    main([str(path), "--json", "--profile", "generic"])
    (report,) = json.loads(capsys.readouterr().out)
    finding = next(f for f in report["findings"] if f["rule"] == "typo.confusion")
    assert (finding["paragraph"], finding["offset"]) == (2, 8)
    assert "本人认真履职，已布署到位。"[8:10] == "布署"


RICH = (
    "---\n"
    'title: "年度总结,草稿"\n'
    "tags: [总结, 2025]\n"
    "---\n"
    "# 一、工作情况\n"
    "\n"
    "- [x] 完成代表培训,效果较好。\n"
    "  - 嵌套条目：见[通知][1]与`run(a,b)`。\n"
    "> 引文：依法履职,服务群众。\n"
    "\n"
    "| 项目 | 说明 |\n"
    "|:---|---:|\n"
    "| 道路 | 硬化3公里,已验收 |\n"
    "\n"
    "```python\n"
    'print("代码,不查")\n'
    "```\n"
    "\n"
    "[1]: https://example.org/notice?a=1,b=2\n"
)


def test_markdown_front_matter_lists_links_code_and_tables_produce_no_findings_in_markup():
    source = markdown(RICH)
    for gone in ("title", "草稿", "tags", "[x]", "run(a,b)", "代码", "example.org", "[1]", "|"):
        assert gone not in source.text, gone
    assert "完成代表培训,效果较好。" in source.text and "见通知与。" in source.text
    found = source.map_findings(check(source.text, profile="generic"))
    assert found, "the slips in the text itself are found"
    for f in found:
        for s, e in f.spans:
            assert RICH[s:e] == f.text
            line = RICH[RICH.rfind("\n", 0, s) + 1 : RICH.find("\n", s)]
            assert not line.startswith(("title", "tags", "print", "[1]", "|:")), (f.rule, line)
    commas = sorted(s for f in found if f.rule == "punctuation.halfwidth" for s, _ in f.spans)
    expected = [RICH.index("培训,") + 2, RICH.index("履职,") + 2, RICH.index("公里,") + 2]
    assert commas == expected


def test_fix_round_trips_rich_markdown_unchanged_outside_the_text(tmp_path, capsys):
    src, out = tmp_path / "a.md", tmp_path / "b.md"
    src.write_text(RICH, encoding="utf-8")
    main([str(src), "--fix", str(out), "--profile", "generic"])
    fixed = out.read_text(encoding="utf-8")
    assert fixed == (
        RICH.replace("培训,", "培训，").replace("履职,", "履职，").replace("公里,", "公里，")
    )


def test_a_chinese_line_in_brackets_is_not_taken_for_a_link_definition():
    text = "[注]: 本表数据截至12月31日。\n"
    assert "本表数据" in markdown(text).text
