"""Batch writes: plan a run, generate one item (idempotent), build the zip, dispatch."""

from __future__ import annotations

import json
import logging
import threading
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import OperationalError, close_old_connections, transaction
from django.db.models import Q
from django.utils import timezone

from taizhang.batch.models import TERMINAL, BatchItem, BatchRun, ItemState
from taizhang.core.audit import AuditKind, audit_record
from taizhang.documents.models import VARIANTS
from taizhang.people.models import CadrePost, Deputy

log = logging.getLogger(__name__)
KIND_ORDER = ("presidium", "personal", "deputy")


def batch_dir(run: BatchRun) -> Path:
    return Path(settings.VAR_DIR) / "batch" / str(run.pk)


def kinds_offered() -> list[str]:
    """The document kinds a batch can make: every kind the documents app offers."""
    return list(VARIANTS)


def _current(qs, year: int, start: str = "start", end: str = "end"):
    """Rows in office at some time of ``year``."""
    first, last = f"{year}-01-01", f"{year}-12-31"
    return qs.filter(Q(**{f"{start}__lte": last}) | Q(**{f"{start}__isnull": True})).filter(
        Q(**{f"{end}__gte": first}) | Q(**{f"{end}__isnull": True})
    )


def _subjects(kind: str, township, year: int) -> list:
    """Who gets a document of ``kind`` in ``township``: None for the township's own kinds."""
    if kind == "personal":
        posts = _current(CadrePost.objects.filter(unit__township=township), year)
        people = {p.person_id: p.person for p in posts.select_related("person")}
        return sorted(people.values(), key=lambda p: p.name)
    if kind == "deputy":
        deputies = _current(Deputy.objects.filter(township=township), year)
        people = {d.person_id: d.person for d in deputies.select_related("person")}
        return sorted(people.values(), key=lambda p: p.name)
    return [None]


def _file_name(township, kind: str, variant: str, person) -> str:
    label = VARIANTS.get(kind, {}).get(variant, kind)
    subject = person.name if person is not None else township.name
    suffix = f"-{person.pk}" if person is not None else ""
    return f"{township.name}/{label}-{subject}{suffix}.docx"


@transaction.atomic
def batch_create(*, year: int, townships, kinds: list[str], actor=None) -> BatchRun:
    """Plan a run: one queued item per document of each township and kind."""
    unknown = [k for k in kinds if k not in VARIANTS]
    if unknown:
        raise ValueError(f"没有这种文稿类型：{'、'.join(unknown)}（可选：{'、'.join(VARIANTS)}）")
    run = BatchRun.objects.create(year=year, kinds=list(kinds), created_by=actor)
    items = []
    for township in townships:
        for kind in sorted(kinds, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 9):
            for variant in [v for v in VARIANTS[kind] if v or len(VARIANTS[kind]) == 1]:
                for person in _subjects(kind, township, year):
                    items.append(
                        BatchItem(
                            run=run,
                            township=township,
                            kind=kind,
                            variant=variant,
                            person=person,
                            name=_file_name(township, kind, variant, person),
                        )
                    )
    BatchItem.objects.bulk_create(items)
    audit_record(
        kind=AuditKind.CREATE,
        user=actor,
        obj=run,
        summary=f"批量生成 {year}年 {len(items)}份 类型={','.join(kinds)}",
    )
    return run


def _claim(item_id: int) -> BatchItem | None:
    """Mark an item running unless another worker finished it (idempotent tasks)."""
    with transaction.atomic():
        item = BatchItem.objects.select_for_update().filter(pk=item_id).first()
        if item is None or item.state in TERMINAL:
            return None
        item.state = ItemState.RUNNING
        item.attempts += 1
        item.save(update_fields=["state", "attempts", "updated_at"])
        return item


def _finish_item(item: BatchItem, state: str, reason: str = "", errors=0, warnings=0) -> None:
    item.state, item.reason, item.errors, item.warnings = state, reason[:2000], errors, warnings
    item.save(update_fields=["state", "reason", "errors", "warnings", "updated_at"])


def batch_item_run(item_id: int) -> str:
    """Generate one document; a finished item is left alone, so a re-delivery is harmless."""
    from taizhang.batch.generate import generate_docx

    item = _claim(item_id)
    if item is None:
        return "skipped"
    try:
        outcome = generate_docx(item)
    except OperationalError:
        # The database was busy (SQLite under concurrent writes): put the item back so the
        # caller can try again, instead of reporting a document that never had a chance.
        BatchItem.objects.filter(pk=item.pk).update(state=ItemState.QUEUED)
        raise
    except Exception as exc:  # a failed document is reported, the run goes on
        log.exception("batch item %s failed", item_id)
        _finish_item(item, ItemState.FAILED, f"{type(exc).__name__}：{exc}"[:500])
        return ItemState.FAILED
    if outcome.refused:
        _finish_item(item, ItemState.REFUSED, outcome.reason)
        return ItemState.REFUSED
    path = batch_dir(item.run) / item.name
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    tmp.write_bytes(outcome.data)
    tmp.replace(path)  # a killed worker never leaves half a file under the real name
    _finish_item(item, ItemState.DONE, outcome.reason, outcome.errors, outcome.warnings)
    return ItemState.DONE


def batch_item_finish(item_id: int) -> str:
    """The Celery task's body: one document, then the zip if it was the last one."""
    state = batch_item_run(item_id)
    item = BatchItem.objects.select_related("run").filter(pk=item_id).first()
    if item is not None:
        batch_archive(item.run)
    return str(state)


def batch_resume_stale(app) -> int:
    """Send again every unfinished item (a dead worker may hold them unacknowledged until
    the broker's visibility timeout); a second delivery of a finished item does nothing.
    Zip the runs that are complete."""
    stale = list(BatchItem.objects.pending().values_list("pk", flat=True))
    for item_id in stale:
        app.send_task("taizhang.batch_item", args=[item_id])
    for run in BatchRun.objects.filter(archive=""):
        batch_archive(run)
    return len(stale)


def batch_archive(run: BatchRun) -> Path | None:
    """Build the zip once every item is finished: the documents plus the checker report."""
    with transaction.atomic():
        run = BatchRun.objects.select_for_update().get(pk=run.pk)
        if run.items.pending().exists():
            return None
        items = list(run.items.select_related("township", "person"))
        folder = batch_dir(run)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{run.year}年年终文稿-{run.pk}.zip"
        tmp = target.with_suffix(".part")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for item in items:
                if item.state == ItemState.DONE:
                    archive.write(folder / item.name, item.name)
            archive.writestr("校对报告.txt", report_text(run, items))
            archive.writestr("校对报告.json", json.dumps(report_rows(items), ensure_ascii=False))
        tmp.replace(target)
        run.archive = str(target)
        run.finished_at = timezone.now()
        run.save(update_fields=["archive", "finished_at"])
        return target


def report_rows(items) -> list[dict]:
    return [
        {
            "文件": i.name,
            "状态": i.get_state_display(),
            "错误": i.errors,
            "警告": i.warnings,
            "说明": i.reason,
        }
        for i in items
    ]


def report_text(run: BatchRun, items) -> str:
    done = sum(i.state == ItemState.DONE for i in items)
    lines = [
        f"{run.year}年年终文稿批量生成校对报告",
        f"共{len(items)}份：已生成{done}份，"
        f"资料不全未生成{sum(i.state == ItemState.REFUSED for i in items)}份，"
        f"失败{sum(i.state == ItemState.FAILED for i in items)}份。",
        "",
    ]
    for i in items:
        detail = f"错误{i.errors}处，警告{i.warnings}处" if i.state == ItemState.DONE else i.reason
        lines.append(f"{i.name}\t{i.get_state_display()}\t{detail}")
    return "\n".join(lines) + "\n"


def _with_retries(item_id: int, attempts: int = 5) -> str:
    """Run an item, waiting and trying again while the database is busy."""
    for attempt in range(attempts):
        try:
            return batch_item_run(item_id)
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    return "skipped"


def batch_run_inline(run: BatchRun, progress=None) -> Path | None:
    """Run every pending item in this process, in order, then build the zip."""
    pending = list(run.items.pending().values_list("pk", flat=True))
    for n, item_id in enumerate(pending, 1):
        state = _with_retries(item_id)
        if progress:
            progress(n, len(pending), BatchItem.objects.get(pk=item_id), state)
    return batch_archive(run)


def broker_configured() -> bool:
    return bool(settings.CELERY_BROKER_URL)


def batch_dispatch(run: BatchRun) -> str:
    """Queue the run's pending items on Celery, or run them in a local worker thread."""
    if broker_configured():
        from taizhang.queue import app, make_app

        app = app or make_app()  # settings may have gained a broker after start-up
        if app is not None:
            for item_id in run.items.pending().values_list("pk", flat=True):
                app.send_task("taizhang.batch_item", args=[item_id])
            return "celery"

    def work() -> None:
        close_old_connections()
        try:
            batch_run_inline(run)
        finally:
            close_old_connections()

    # Start a moment later, so the request that started the run has saved its session
    # before the worker's first write (SQLite takes one writer at a time).
    worker = threading.Timer(0.5, work)
    worker.name, worker.daemon = f"batch-{run.pk}", True
    worker.start()
    return "thread"


def batch_download_record(*, run: BatchRun) -> None:
    """Record a download of the run's archive."""
    audit_record(kind=AuditKind.EXPORT, obj=run, summary=f"下载批量生成 {run.pk}")
