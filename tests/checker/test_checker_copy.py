"""Copy detection against a template library, built once and reused."""

from __future__ import annotations

from taizhang.checker import TemplateIndex, check

from .conftest import CORPUS


def test_copied_passages_name_the_template_and_the_share():
    index = TemplateIndex.from_folder(CORPUS / "templates")
    text = (CORPUS / "defects_copy.txt").read_text(encoding="utf-8")
    fs = [f for f in check(text, templates=index, profile="generic") if f.category == "copy"]
    assert len(fs) == 2
    assert all("《人大工作总结范文》" in f.message and "%" in f.message for f in fs)


def test_an_original_text_is_not_reported_as_copied():
    text = (CORPUS / "clean_presidium.txt").read_text(encoding="utf-8")
    assert check(text, templates=CORPUS / "templates", profile="presidium") == []


def test_alignment_cache_is_bounded():
    from taizhang.checker.copy import ALIGN_CACHE, Template, _seed_table

    for i in range(ALIGN_CACHE + 50):
        Template(f"范文{i}", f"第{i}篇范文的正文，内容各不相同，编号{i}。" * 3).seeds()
    assert _seed_table.cache_info().currsize <= ALIGN_CACHE
