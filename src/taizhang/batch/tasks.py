"""Celery tasks of the batch: one task per document, acknowledged only when done."""

from __future__ import annotations

from celery import shared_task

from taizhang.batch.models import BatchItem


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def run_item(item_id: int) -> str:
    """Generate one document, then build the zip if it was the last one."""
    from taizhang.batch.services import batch_archive, batch_item_run

    state = batch_item_run(item_id)
    item = BatchItem.objects.select_related("run").filter(pk=item_id).first()
    if item is not None:
        batch_archive(item.run)
    return str(state)
