"""The dictionary tables, kept equal to the reference dictionaries of ``plugins``.

``plugins.reference`` is the one definition of the GB 6441 accident types and
the GB/T 13861 hazard factor classes (pack content is validated against the
same modules); ``AccidentType`` and ``HazardFactorClass`` rows exist so that
risk events can point at them. ``dictionaries_sync`` writes the rows of each
reference edition: it creates the missing ones and renames the changed ones,
and never deletes (records keep pointing at their rows). It runs in the
migration that first seeded the tables, with the historical models, and
after every ``migrate`` (``post_migrate``), so a change of wording in
``plugins.reference`` reaches every database without a migration of its own.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, transaction

from plugins.reference.gb6441 import ACCIDENT_TYPES
from plugins.reference.gb_t13861 import HAZARD_FACTOR_CLASSES
from plugins.vocabularies import Vocabulary

# (model label, reference dictionary)
DICTIONARIES: tuple[tuple[str, Vocabulary], ...] = (
    ("risks.AccidentType", ACCIDENT_TYPES),
    ("risks.HazardFactorClass", HAZARD_FACTOR_CLASSES),
)
FIELDS = ("name_zh", "name_en", "is_current")


@transaction.atomic
def dictionaries_sync(*, apps: Any = global_apps, using: str = DEFAULT_DB_ALIAS) -> int:
    """Make the rows of every reference edition match it; return the rows written.

    Two reads when nothing changed. ``apps`` is a migration's historical
    registry when called from one.
    """
    written = 0
    for label, dictionary in DICTIONARIES:
        model = apps.get_model(label)
        rows = model.objects.using(using).filter(edition=dictionary.edition)
        existing = {row.code: row for row in rows}
        new, changed = [], []
        for term in dictionary:
            wanted = {
                "name_zh": term.label.zh_hans,
                "name_en": term.label.en,
                "is_current": True,
            }
            row = existing.get(term.key)
            if row is None:
                new.append(model(code=term.key, edition=dictionary.edition, **wanted))
            elif any(getattr(row, name) != value for name, value in wanted.items()):
                for name, value in wanted.items():
                    setattr(row, name, value)
                changed.append(row)
        model.objects.using(using).bulk_create(new)
        model.objects.using(using).bulk_update(changed, FIELDS)
        written += len(new) + len(changed)
    return written


def sync_after_migrate(*, apps: Any = global_apps, using: str, **kwargs: Any) -> None:
    """The ``post_migrate`` receiver of the risks app.

    Does nothing when the tables are not (or no longer) in the migrated state.
    """
    try:
        for label, _dictionary in DICTIONARIES:
            apps.get_model(label)
    except LookupError:
        return
    dictionaries_sync(apps=apps, using=using)
