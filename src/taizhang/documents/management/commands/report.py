"""Generate a year-end document from the registers: personal, presidium or deputy."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from taizhang.core.models import OrgUnit
from taizhang.documents.polishing import document_polish
from taizhang.documents.selfcheck import blocking, findings_text, self_check
from taizhang.documents.services import compose_for
from taizhang.figures.sources import sources_listing
from taizhang.people.models import Person
from taizhang.writer import render_document
from taizhang.writer.posts import VOICES, UnknownPost
from taizhang.writer.render.docx import render_docx
from taizhang.writer.render.html import render_html
from taizhang.writer.requirements import missing_records

FORMATS = {".docx": "docx", ".md": "md", ".html": "html", ".json": "json"}
# Exit codes beyond CommandError's 1: the ledger is too thin for the kind.
THIN_DATA = 3
# The self-check found the document contradicting itself or the ledger (a writer bug).
INCONSISTENT = 4


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--date 的格式应为 YYYY-MM-DD（例如 2025-12-31），收到“{value}”。"
        ) from None


class Command(BaseCommand):
    help = (
        "生成年终文稿：personal（个人总结/述职报告）、presidium（主席团工作总结）、"
        "presidium_report（主席团工作报告）、deputy（代表述职）"
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["personal", "presidium", "presidium_report", "deputy"])
        parser.add_argument("--person", help="人员姓名（personal、deputy）")
        parser.add_argument("--unit", help="所在单位名称，姓名重复时用来区分")
        parser.add_argument("--township", help="乡镇名称（presidium）")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--variant", default="", help="personal: duty；presidium: report")
        parser.add_argument("-o", "--output", required=True, help="输出文件 .docx/.md/.html/.json")
        parser.add_argument(
            "--polish",
            action="store_true",
            help="用本单位的语言模型润色（需设置 TAIZHANG_LLM_BASE_URL 和 TAIZHANG_LLM_MODEL）；"
            "数字、人名、日期、标题不变，未通过核对的部分保持原文",
        )
        parser.add_argument(
            "--date", help="成文日期 YYYY-MM-DD；默认为该年度最后一个工作日（未到则为今天）"
        )
        parser.add_argument(
            "--voice",
            choices=list(VOICES),
            help="职务名称不在职务表中时，按哪种职务的口吻撰写（如 deputy_head、station、civil）",
        )
        parser.add_argument(
            "--draft-anyway",
            action="store_true",
            help="台账资料不全时仍然生成（文稿标注“资料不全”）",
        )

    def handle(
        self,
        *args,
        kind,
        year,
        output,
        variant="",
        person=None,
        unit=None,
        township=None,
        polish=False,
        date=None,
        draft_anyway=False,
        voice=None,
        **options,
    ):
        fmt = FORMATS.get(Path(output).suffix.lower())
        if fmt is None:
            raise CommandError("输出文件的扩展名必须是 .docx、.md、.html 或 .json。")
        variants = {
            "personal": {"", "summary", "duty"},
            "presidium": {"", "summary", "report"},
            "presidium_report": {""},
            "deputy": {""},
        }
        if variant not in variants[kind]:
            raise CommandError(f"{kind} 没有“{variant}”体例。")
        variant = variant or {"personal": "summary", "presidium": "summary"}.get(kind, "")
        subject, town = None, None
        if kind in ("presidium", "presidium_report"):
            town = OrgUnit.objects.filter(kind="township", name=township or "").first()
            if town is None:
                raise CommandError(f"没有名为“{township}”的乡镇，请用 --township 指定。")
        else:
            subject = self._person(person, unit)
            town = OrgUnit.objects.filter(pk=subject.township_id).first()
        try:
            doc, facts = compose_for(
                kind=kind,
                variant=variant,
                year=year,
                township=town,
                person=subject,
                inputs={"voice": voice} if voice else None,
                document_date=parse_date(date),
            )
        except UnknownPost as exc:
            choices = "、".join(
                f"{k}（{v.title.replace('{tier}', '乡/镇')}）" for k, v in VOICES.items()
            )
            raise CommandError(
                f"{exc}\n命令行请加 --voice 指定最接近的职务，可选：{choices}"
            ) from None
        missing = missing_records(facts)
        if missing and not draft_anyway:
            raise CommandError(
                "台账资料不全，未生成文稿：\n"
                + "\n".join(f"  - {m}" for m in missing)
                + "\n补齐台账后再生成，或加 --draft-anyway 仍然生成（标注“资料不全”）。",
                returncode=THIN_DATA,
            )
        if polish:
            doc = self._polish(doc, town, subject, kind, variant)
        findings = self_check(doc.plain_text, facts, town)
        if blocking(findings):
            raise CommandError(
                "自检发现文稿前后不一致或与台账不符，未生成文稿：\n"
                + findings_text(blocking(findings)),
                returncode=INCONSISTENT,
            )
        if findings:
            self.stderr.write("自检提示：\n" + findings_text(findings))
        if fmt == "docx":
            data = render_docx(doc, created=timezone.now())
        elif fmt == "html":
            # The records' titles and dates, as on the site's printed page.
            listing = sources_listing(f.sources for f in doc.figures())
            data = render_html(doc, full_page=True, listing=listing)
        else:
            data = render_document(doc, fmt)
        path = Path(output)
        if isinstance(data, bytes):
            path.write_bytes(data)
        elif isinstance(data, dict):
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            path.write_text(data, encoding="utf-8")
        self.stdout.write(f"已生成 {doc.title} → {output}（{len(doc.figures())} 个数字均附来源）")
        if missing:
            self.stderr.write("资料不全：" + "；".join(missing))

    def _polish(self, doc, town, subject, kind, variant):
        names = tuple(n for n in (doc.subject, town.name if town else "") if n)
        if subject is not None and subject.unit_id:
            names += (subject.unit.name,)
        try:
            doc, lines = document_polish(
                doc, names=names, genre="duty" if variant == "duty" else kind
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for line in lines:
            self.stderr.write(line)
        return doc

    def _person(self, name: str | None, unit: str | None) -> Person:
        if not name:
            raise CommandError("请用 --person 指定人员姓名。")
        people = Person.objects.filter(name=name)
        if unit:
            people = people.filter(unit__name=unit) | people.filter(township__name=unit)
        found = list(people.distinct()[:3])
        if not found:
            raise CommandError(f"没有找到人员“{name}”。")
        if len(found) > 1:
            raise CommandError(f"有多名“{name}”，请用 --unit 指定所在单位。")
        return found[0]
