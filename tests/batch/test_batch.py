"""Year-end batch: every document of the chosen townships and kinds, one zip, resumable."""

from __future__ import annotations

import io
import threading
import zipfile

import pytest
from django.core.management import call_command
from docx import Document as DocxDocument

from taizhang.batch.models import BatchItem, BatchRun, ItemState
from taizhang.batch.services import batch_archive, batch_create, batch_item_run, batch_run_inline
from taizhang.core.models import OrgUnit

YEAR = 2025


def _township(name: str = "烽火乡") -> OrgUnit:
    return OrgUnit.objects.get(kind="township", name=name)


def test_cli_writes_one_zip_of_documents_with_a_checker_report(demo, tmp_path, capsys):
    out = tmp_path / "year.zip"
    call_command(
        "batch", "--year", str(YEAR), "--township", "烽火乡", "--kind", "presidium", "-o", str(out)
    )
    run = BatchRun.objects.get()
    items = list(run.items.all())
    assert items and all(i.state in (ItemState.DONE, ItemState.REFUSED) for i in items)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        report = archive.read("校对报告.txt").decode()
        done = [i for i in items if i.state == ItemState.DONE]
        assert done, "the demo township has a full presidium ledger"
        for item in done:
            assert item.name in names and item.name.startswith("烽火乡/")
            body = DocxDocument(io.BytesIO(archive.read(item.name)))
            assert any("烽火乡" in p.text for p in body.paragraphs)
    for item in items:
        assert item.name in report
    printed = capsys.readouterr().out
    assert f"[1/{len(items)}]" in printed and "已写出" in printed


def test_people_get_their_own_documents_named_by_township_kind_and_subject(demo):
    run = batch_create(year=YEAR, townships=[_township()], kinds=["deputy"])
    items = list(run.items.select_related("person"))
    assert len(items) > 10  # one per deputy of the township
    assert len({i.name for i in items}) == len(items)
    assert all(i.person.name in i.name for i in items)


def test_a_run_survives_an_interrupted_worker_without_duplicates(demo, tmp_path):
    run = batch_create(year=YEAR, townships=[_township()], kinds=["presidium"])
    first, *rest = list(run.items.values_list("pk", flat=True))
    assert batch_item_run(first) in (ItemState.DONE, ItemState.REFUSED)
    # A worker killed mid-document leaves its item "running"; nothing is finished yet.
    BatchItem.objects.filter(pk__in=rest).update(state=ItemState.RUNNING, attempts=1)
    assert batch_archive(run) is None
    # The re-delivered task of a finished item does nothing.
    before = BatchItem.objects.get(pk=first)
    assert batch_item_run(first) == "skipped"
    assert BatchItem.objects.get(pk=first).attempts == before.attempts
    archive = batch_run_inline(run)
    assert archive is not None and archive.exists()
    assert BatchItem.objects.filter(run=run).exclude(state__in=["done", "refused"]).count() == 0
    with zipfile.ZipFile(archive) as z:
        docs = [n for n in z.namelist() if n.endswith(".docx")]
        assert len(docs) == len(set(docs))
        assert len(docs) == run.items.filter(state=ItemState.DONE).count()


def test_an_unknown_kind_is_refused_in_chinese(demo, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="没有这种文稿类型"):
        call_command(
            "batch", "--year", str(YEAR), "--kind", "speech", "-o", str(tmp_path / "x.zip")
        )


@pytest.mark.django_db(transaction=True)
def test_county_user_starts_a_run_follows_it_and_downloads_the_zip(client):
    from taizhang.accounts.models import User
    from taizhang.demo.loader import load_demo

    load_demo()
    client.force_login(User.objects.get(username="demo-xian"))
    page = client.get("/batch/")
    assert page.status_code == 200
    response = client.post(
        "/batch/",
        {"year": YEAR, "townships": [_township().pk], "kinds": ["presidium"]},
    )
    assert response.status_code == 302
    run = BatchRun.objects.get()
    # The page answered at once; the local worker thread generates in the background.
    worker = next(t for t in threading.enumerate() if t.name == f"batch-{run.pk}")
    worker.join(timeout=180)
    run.refresh_from_db()
    assert run.archive, "the local worker thread built the zip"
    detail = client.get(f"/batch/{run.pk}/").content.decode()
    assert "下载压缩包" in detail
    download = client.get(f"/batch/{run.pk}/download/")
    assert download.status_code == 200
    data = b"".join(download.streaming_content)
    assert zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_other_roles_cannot_start_a_batch(demo, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="demo-renda"))
    assert client.get("/batch/").status_code == 403
