"""A county roll-up cell's case list counts its cases (a township, a year, some kinds and
states) from this index alone, instead of intersecting the county's state index."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0011_year_sponsored_index")]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["township", "kind", "state", "registered", "county", "id"],
                name="case_township_cell",
            ),
        ),
    ]
