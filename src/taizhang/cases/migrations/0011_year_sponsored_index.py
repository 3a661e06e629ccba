"""A deputy's motions and suggestions of a year read the year's range of this index alone
(cases_submitted_by, counted by the duty family's refresh after every write)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0010_short_term_grams")]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["registered", "id", "kind", "converted_from_motion"],
                name="case_year_sponsored",
            ),
        ),
    ]
