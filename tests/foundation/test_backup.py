"""Backup → restore round trip with equal row counts; restore refuses a file that is not a backup."""

from __future__ import annotations

import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from taizhang.core.backup import BackupError, backup, read_manifest, restore, row_counts
from taizhang.people import services as people
from taizhang.people.models import Person
from tests.trust.test_backups import drop_side_databases

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def own_files(settings, tmp_path):
    """A restore switches the attachments folder: keep it away from other tests."""
    settings.MEDIA_ROOT = tmp_path / "files"
    yield
    if connection.vendor == "postgresql":
        drop_side_databases()  # the restored copies and the dated originals


def test_round_trip_restores_every_row_count(world, tmp_path):
    target = tmp_path / "taizhang.backup"
    manifest = backup(target)
    assert manifest["counts"]["people_person"] == 5
    assert read_manifest(target)["counts"] == row_counts()
    people.person_create(name="备份后新增", unit=world.village1)
    Person.objects.filter(name="钱二").update(name="钱二改")
    assert row_counts() != manifest["counts"]
    restored = restore(target, replace=True)
    after = row_counts()
    assert after.pop("core_auditevent") == manifest["counts"]["core_auditevent"] + 1  # the restore
    assert after == {t: n for t, n in manifest["counts"].items() if t != "core_auditevent"}
    assert restored["counts"] == manifest["counts"]
    assert not Person.objects.filter(name="备份后新增").exists()
    assert Person.objects.filter(name="钱二").exists()


def test_backup_and_restore_commands_print_chinese_summaries(world, tmp_path, capsys):
    target = tmp_path / "cmd.backup"
    call_command("backup", str(target))
    assert "已备份到" in capsys.readouterr().out
    call_command("restore", str(target), "--replace")
    assert "行数校验一致" in capsys.readouterr().out


def test_restore_refuses_a_file_that_is_not_a_backup(world, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("这不是备份", encoding="utf-8")
    plain_zip = tmp_path / "other.zip"
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("manifest.json", '{"format": "something-else"}')
    before = row_counts()
    for path in (text, plain_zip, tmp_path / "missing.backup"):
        with pytest.raises(BackupError, match="不是台账备份文件"):
            restore(path)
    with pytest.raises(CommandError, match="不是台账备份文件"):
        call_command("restore", str(text))
    assert row_counts() == before
