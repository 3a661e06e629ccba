"""Batch pages: start a run for chosen townships and kinds, follow it, download the zip."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from taizhang.batch.models import BatchItem, BatchRun, ItemState
from taizhang.batch.services import (
    batch_create,
    batch_dispatch,
    batch_download_record,
    kinds_offered,
)
from taizhang.core.inputs import GuardedForm
from taizhang.core.models import OrgUnit
from taizhang.core.permissions import require
from taizhang.documents.models import VARIANTS, DraftKind

KIND_LABELS = dict(DraftKind.choices)


class BatchForm(GuardedForm):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    townships = forms.ModelMultipleChoiceField(
        label="乡镇", queryset=OrgUnit.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    kinds = forms.MultipleChoiceField(label="文稿类型", widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["townships"].queryset = (
            OrgUnit.objects.for_user(user).filter(kind="township").order_by("name")
        )
        self.fields["kinds"].choices = [(k, KIND_LABELS.get(k, k)) for k in kinds_offered()]
        self.fields["year"].initial = timezone.localdate().year - 1


def _runs(user):
    """Runs started by the user, or every run of the county for county-wide roles."""
    runs = BatchRun.objects.all()
    return runs if user.can("county.rollup") else runs.filter(created_by=user)


@require("county.rollup")
@require_http_methods(["GET", "POST"])
def index(request):
    form = BatchForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        run = batch_create(
            year=d["year"],
            townships=list(d["townships"]),
            kinds=d["kinds"],
            actor=request.user,
        )
        batch_dispatch(run)
        messages.success(request, f"已开始批量生成，共 {run.items.count()} 份文稿。")
        return redirect("batch:detail", pk=run.pk)
    return render(request, "batch/index.html", {"form": form, "runs": _runs(request.user)[:20]})


def _run(request, pk: int) -> BatchRun:
    run = _runs(request.user).filter(pk=pk).first()
    if run is None:
        raise Http404("未找到该批量生成，或您无权查看。")
    return run


@require("county.rollup")
@require_safe
def detail(request, pk: int):
    run = _run(request, pk)
    items = list(run.items.select_related("township"))
    counts = {state.label: sum(i.state == state for i in items) for state in ItemState}
    pending = counts[ItemState.QUEUED.label] + counts[ItemState.RUNNING.label]
    return render(
        request,
        "batch/detail.html",
        {"run": run, "items": items, "counts": counts, "pending": pending, "labels": VARIANTS},
    )


@require("county.rollup")
@require_POST
def resume(request, pk: int):
    run = _run(request, pk)
    batch_dispatch(run)
    messages.info(request, "已继续生成尚未完成的文稿。")
    return redirect("batch:detail", pk=run.pk)


@require("county.rollup")
@require_safe
def download(request, pk: int):
    run = _run(request, pk)
    if not run.archive:
        raise Http404("压缩包还没有生成。")
    batch_download_record(run=run)
    return FileResponse(
        open(run.archive, "rb"),  # noqa: SIM115 - FileResponse closes it
        as_attachment=True,
        filename=f"{run.year}年年终文稿-{run.pk}.zip",
    )


__all__ = ["BatchItem", "detail", "download", "index", "resume"]
