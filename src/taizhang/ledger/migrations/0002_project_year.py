"""Projects belong to a ledger year (LEDGER_FORMAT v1.1: key 编号+年度)."""

from django.db import migrations, models
from django.utils import timezone


def set_year(apps, schema_editor):
    Project = apps.get_model("ledger", "Project")
    for project in Project.objects.all().only("id", "created_at"):
        year = timezone.localtime(project.created_at).year
        Project.objects.filter(pk=project.pk).update(year=year)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="project",
            name="year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="年度"),
        ),
        migrations.RunPython(set_year, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="project",
            name="year",
            field=models.PositiveSmallIntegerField(verbose_name="年度"),
        ),
        migrations.AlterField(
            model_name="project",
            name="code",
            field=models.CharField(max_length=40, verbose_name="编号"),
        ),
        migrations.AlterModelOptions(
            name="project",
            options={"ordering": ["-year", "code"], "verbose_name": "项目", "verbose_name_plural": "项目"},
        ),
        migrations.RemoveIndex(model_name="project", name="ledger_proj_townshi_1eea91_idx"),
        migrations.AddIndex(
            model_name="project",
            index=models.Index(fields=["township", "year", "kind"], name="ledger_proj_townshi_year_idx"),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.UniqueConstraint(fields=("code", "year"), name="project_code_year_unique"),
        ),
    ]
