from django.db import migrations, models

from core.base.trigram import trigram_indexes

# The lists' unit chooser and the units page match any part of a unit's name:
# on PostgreSQL a trigram index serves ``ILIKE`` on it; SQLite keeps the plain
# scan of the enterprise's units (no such index there).
TRIGRAM_INDEXES = (("unit_name_trgm", "name"),)


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0003_enterprise_search"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="unit",
            index=models.Index(
                fields=["enterprise", "path"], name="unit_enterprise_path"
            ),
        ),
        trigram_indexes("organizations_unit", TRIGRAM_INDEXES),
    ]
