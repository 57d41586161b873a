"""Seed the dictionaries: GB 6441 accident types and GB/T 13861-2022 classes.

The entries are those of ``plugins.reference`` (their one definition, which
pack content is validated against too); ``core.risks.dictionaries`` writes
them here and again after every ``migrate``, so later changes of wording
need no migration.
"""

from django.db import migrations

GB_6441 = "GB 6441-1986"
GB_T_13861 = "GB/T 13861-2022"


def seed(apps, schema_editor):
    from core.risks.dictionaries import dictionaries_sync

    dictionaries_sync(apps=apps, using=schema_editor.connection.alias)


def unseed(apps, schema_editor):
    apps.get_model("risks", "AccidentType").objects.filter(edition=GB_6441).delete()
    apps.get_model("risks", "HazardFactorClass").objects.filter(
        edition=GB_T_13861
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("risks", "0001_initial_risks")]

    operations = [migrations.RunPython(seed, unseed)]
