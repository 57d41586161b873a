"""Every hook of SafeGrid, each with what it receives and returns.

Hooks grow by adding arguments: an implementation may accept fewer arguments
than its specification. Hooks return plain data (see ``plugins.contributions``)
and never touch the database; the core syncs what they return. Each hook is
documented in ``docs/plugins.md`` under its exact signature, and exercised by
the dummy pack in ``tests/dummy_pack`` (a test fails otherwise).
"""

from __future__ import annotations

from plugins import hookspec
from plugins.contributions import IndustryContribution, PortalMenuItem


@hookspec
def safegrid_industries() -> list[IndustryContribution]:
    """Return the industries this plugin brings.

    Each industry has a stable ``code`` (lowercase, e.g. ``chemicals``) and its
    Chinese and English names. The core syncs them into the ``Industry`` table;
    an industry whose pack is disabled is kept but marked inactive, so existing
    enterprises keep their history.
    """


@hookspec
def safegrid_portal_menu_items() -> list[PortalMenuItem]:
    """Return entries for the enterprise portal's navigation.

    Each entry names a Django URL and an order; entries are shown to the
    enterprise roles they list (all enterprise roles when none are listed).
    """
