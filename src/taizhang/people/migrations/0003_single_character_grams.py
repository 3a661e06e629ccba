"""Single characters join the name index (people/names.py name_grams)."""

from django.db import migrations


def backfill(apps, schema_editor):
    """Index each character of every person's name, 5,000 persons at a time."""
    person = apps.get_model("people", "Person")
    gram = apps.get_model("people", "PersonNameGram")
    last = 0
    while True:
        rows = list(
            person.objects.filter(pk__gt=last).order_by("pk").values_list("pk", "name")[:5000]
        )
        if not rows:
            return
        gram.objects.bulk_create(
            [
                gram(person_id=pk, gram=g)
                for pk, name in rows
                for g in sorted(set("".join(name.split()).upper()))
            ],
            batch_size=5000,
            ignore_conflicts=True,
        )
        last = rows[-1][0]


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_person_name_gram"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
    ]
