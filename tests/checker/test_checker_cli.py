"""The `taizhang check` command: output, exit codes, --fix and .docx input."""

from __future__ import annotations

import json

import docx

from taizhang.checker.cli import main


def test_it_exits_zero_on_a_clean_file(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("会议审议通过了政府工作报告。", encoding="utf-8")
    assert main([str(path), "--profile", "generic"]) == 0


def test_it_exits_one_and_prints_json_when_errors_are_found(tmp_path, capsys):
    path = tmp_path / "a.md"
    path.write_text("已布署到位。", encoding="utf-8")
    assert main([str(path), "--json"]) == 1
    (report,) = json.loads(capsys.readouterr().out)
    assert report["chars"] == 6
    assert report["findings"][0]["text"] == "布署"
    assert set(report["findings"][0]) == {
        "rule",
        "category",
        "severity",
        "start",
        "end",
        "text",
        "message",
        "suggestion",
        "positions",  # added with runs of one kind (issue 11); the old fields stay
    }


def test_it_exits_two_with_a_chinese_message_on_unreadable_input(tmp_path, capsys):
    assert main([str(tmp_path / "missing.txt")]) == 2
    assert "无法读取" in capsys.readouterr().err
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    assert main([str(bad)]) == 2


def test_fix_applies_only_mechanical_suggestions(tmp_path, capsys):
    src, out = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("投资2、5万元,工作的的重点已布署。", encoding="utf-8")
    main([str(src), "--fix", str(out), "--profile", "generic"])
    assert out.read_text(encoding="utf-8") == "投资2.5万元，工作的重点已布署。"
    assert "共修改 3 处" in capsys.readouterr().out


def test_docx_paragraphs_are_joined_with_newlines(tmp_path, capsys):
    document = docx.Document()
    document.add_paragraph("一、工作情况")
    document.add_paragraph("已布署到位。")
    path = tmp_path / "a.docx"
    document.save(str(path))
    main([str(path), "--json", "--profile", "generic"])
    (report,) = json.loads(capsys.readouterr().out)
    finding = report["findings"][0]
    assert "一、工作情况\n已布署到位。"[finding["start"] : finding["end"]] == "布署"
