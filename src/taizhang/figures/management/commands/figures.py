"""Print every figure for a township and year, with label, value, unit and source ids."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from taizhang.core.models import OrgUnit
from taizhang.figures.registry import figures_for


class Command(BaseCommand):
    help = "输出某乡镇某年度的全部统计数字及其来源记录"

    def add_arguments(self, parser):
        parser.add_argument("--township", required=True, help="乡镇名称")
        parser.add_argument("--year", required=True, type=int, help="年度，如 2025")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, township, year, json: bool = False, **options):
        unit = OrgUnit.objects.filter(kind="township", name=township).first()
        if unit is None:
            raise CommandError(f"没有名为“{township}”的乡镇。")
        rows = figures_for(unit, year)
        if json:
            self.stdout.write(
                _dumps(
                    [
                        {
                            "key": f.key,
                            "label": f.label,
                            "value": _plain(f.value),
                            "unit": f.unit,
                            "sources": list(f.sources),
                        }
                        for f in rows
                    ]
                )
            )
            return
        for f in rows:
            ids = "，".join(f.sources[:8]) + ("…" if len(f.sources) > 8 else "")
            self.stdout.write(
                f"{f.label}：{_plain(f.value)}{f.unit}  [{f.key}]  来源：{ids or '—'}"
            )


def _plain(value):
    if value is None or isinstance(value, int | float | str):
        return value
    return float(value)


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)
