"""The dictionary tables follow the reference dictionaries of ``plugins.reference``."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.risks.dictionaries import dictionaries_sync
from core.risks.models import AccidentType, HazardFactorClass
from plugins.reference.gb6441 import ACCIDENT_TYPES
from plugins.reference.gb_t13861 import HAZARD_FACTOR_CLASSES

pytestmark = pytest.mark.django_db


def test_a_synced_database_writes_nothing_and_reads_twice():
    with CaptureQueriesContext(connection) as queries:
        assert dictionaries_sync() == 0
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    assert [s for s in statements if s not in ("SAVEPOINT", "RELEASE")] == [
        "SELECT",
        "SELECT",
    ]


def test_a_reworded_or_missing_row_is_put_back_and_nothing_is_deleted():
    fire = AccidentType.objects.get(edition=ACCIDENT_TYPES.edition, code="08")
    AccidentType.objects.filter(pk=fire.pk).update(name_en="Blaze", is_current=False)
    HazardFactorClass.objects.filter(
        edition=HAZARD_FACTOR_CLASSES.edition, code="45"
    ).delete()
    older = AccidentType.objects.create(
        code="21", name_zh="旧类", name_en="Old", edition="GB 6441-1900"
    )

    assert dictionaries_sync() == 2

    fire.refresh_from_db()
    assert (fire.name_en, fire.is_current) == ("Fire", True)
    restored = HazardFactorClass.objects.get(
        edition=HAZARD_FACTOR_CLASSES.edition, code="45"
    )
    assert restored.name_zh == HAZARD_FACTOR_CLASSES.label("45").zh_hans
    assert AccidentType.objects.filter(pk=older.pk).exists()


def test_every_migrate_brings_the_tables_in_line():
    AccidentType.objects.filter(code="19").update(name_zh="中毒")
    call_command("migrate", verbosity=0)
    assert AccidentType.objects.get(code="19").name_zh == "中毒和窒息"
