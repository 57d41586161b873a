from django.db import migrations, models

BATCH = 5_000


def carry_methods(apps, schema_editor):
    """Every existing point carries the methods of its active events' latest
    assessments (``RiskPoint.methods_code``): one UPDATE per batch of points
    that share a code (there are a handful of codes, whatever the size)."""
    RiskPoint = apps.get_model("risks", "RiskPoint")
    RiskEvent = apps.get_model("risks", "RiskEvent")
    methods: dict[int, set[str]] = {}
    rows = (
        RiskEvent.objects.filter(is_active=True, latest_assessment__isnull=False)
        .values_list("risk_point_id", "latest_assessment__method")
        .iterator(chunk_size=BATCH)
    )
    for point_id, method in rows:
        if method:
            methods.setdefault(point_id, set()).add(method)
    by_code: dict[str, list[int]] = {}
    for point_id, keys in methods.items():
        by_code.setdefault(f",{','.join(sorted(keys))},", []).append(point_id)
    for code, ids in by_code.items():
        for start in range(0, len(ids), BATCH):
            RiskPoint.objects.filter(pk__in=ids[start : start + BATCH]).update(
                methods=code
            )


# A method few points carry (``?method=ls`` where most are LEC) is found
# through a trigram index on PostgreSQL instead of a scan of the scope; a
# common one walks the list's order. SQLite has no such index.
def create_methods_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS riskpoint_methods_trgm ON risks_riskpoint "
        "USING gin (methods gin_trgm_ops)"
    )


def drop_methods_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS riskpoint_methods_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("risks", "0009_list_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="riskpoint",
            name="methods",
            field=models.TextField(
                blank=True, editable=False, verbose_name="assessment methods"
            ),
        ),
        migrations.RunPython(carry_methods, migrations.RunPython.noop),
        migrations.RunPython(create_methods_index, drop_methods_index),
    ]
