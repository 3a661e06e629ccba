"""Generate the year's documents for chosen townships and kinds into one zip."""

from __future__ import annotations

import shutil

from django.core.management.base import BaseCommand, CommandError

from taizhang.batch.models import BatchRun
from taizhang.batch.services import batch_create, batch_run_inline, kinds_offered
from taizhang.core.models import OrgUnit


class Command(BaseCommand):
    help = "批量生成年终文稿：所选乡镇、所选类型的全部文稿打成一个压缩包，附校对报告"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="年度")
        parser.add_argument("--township", action="append", default=[], help="乡镇名称，可重复")
        parser.add_argument(
            "--kind",
            action="append",
            default=[],
            help=f"文稿类型，可重复：{'、'.join(kinds_offered())}",
        )
        parser.add_argument("-o", "--output", help="输出的 .zip 文件")
        parser.add_argument("--resume", type=int, help="继续一次中断的批量生成（编号）")

    def handle(self, *args, year=None, township=(), kind=(), output=None, resume=None, **options):
        if not output or not output.lower().endswith(".zip"):
            raise CommandError("请用 -o 指定输出的 .zip 文件。")
        if resume:
            run = BatchRun.objects.filter(pk=resume).first()
            if run is None:
                raise CommandError(f"没有编号为 {resume} 的批量生成。")
        else:
            run = self._create(year, township, kind)
        total = run.items.count()
        self.stdout.write(f"共 {total} 份文稿（批量生成编号 {run.pk}）")

        def progress(n, of, item, state):
            self.stdout.write(f"[{n}/{of}] {item.name} …… {item.get_state_display()}")

        archive = batch_run_inline(run, progress=progress)
        if archive is None:
            raise CommandError("还有文稿没有生成完，请用 --resume 继续。")
        shutil.copyfile(archive, output)
        self.stdout.write(f"已写出 {output}")

    def _create(self, year, names, kinds):
        if not year:
            raise CommandError("请用 --year 指定年度。")
        townships = OrgUnit.objects.filter(kind="township")
        if names:
            found = list(townships.filter(name__in=names))
            unknown = sorted(set(names) - {t.name for t in found})
            if unknown:
                raise CommandError(f"没有这些乡镇：{'、'.join(unknown)}")
            townships = found
        try:
            return batch_create(
                year=year, townships=list(townships), kinds=list(kinds) or kinds_offered()
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
