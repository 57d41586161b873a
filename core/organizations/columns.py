"""Columns other apps contribute to the admin enterprise list.

An app that keeps a figure per enterprise (core.supervision: the rating
class) registers a column in its ``AppConfig.ready()``, with the relations
the list must join for it, so the column reads the joined row (no query per
row). The list reads the registrations when it is built; nothing is checked
per request.

    register_enterprise_column(
        PlainColumn("rating", label=_("rating class"), accessor=..., sort_key=...),
        select_related=("rating",),
    )
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.admin.ui.tables import Column


@dataclass(frozen=True)
class EnterpriseColumn:
    column: Column
    select_related: tuple[str, ...] = ()


_COLUMNS: dict[str, EnterpriseColumn] = {}


def register_enterprise_column(
    column: Column, *, select_related: tuple[str, ...] = ()
) -> None:
    """Add ``column`` to the enterprise list (once per name: registering the
    same name again replaces it)."""
    _COLUMNS[column.name] = EnterpriseColumn(column, tuple(select_related))


def enterprise_columns() -> tuple[EnterpriseColumn, ...]:
    return tuple(_COLUMNS.values())
