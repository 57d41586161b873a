"""Sync what the enabled packs contribute into the database.

Industries and form definitions (pack originals) are stored; everything else
a pack contributes (risk library, scoring rules, monitored parameters,
document sections) is read live from the hooks, so it is only counted here.
"""

from django.core.management.base import BaseCommand

from core.forms.services import form_definitions_sync
from core.organizations.services import industries_sync
from plugins.manager import get_plugin_manager

LIVE_HOOKS = (
    ("risk library entries", "safegrid_risk_library"),
    ("scoring rules", "safegrid_scoring_rules"),
    ("monitored parameters", "safegrid_monitoring_parameters"),
    ("document sections", "safegrid_document_sections"),
)


class Command(BaseCommand):
    help = "Sync the contributions of the enabled industry packs into the database."

    def handle(self, *args, **options):
        manager = get_plugin_manager()
        result = industries_sync(manager=manager)
        self.stdout.write(
            f"Packs enabled: {', '.join(manager.pack_names()) or '(none)'}; "
            f"industries active: {result.active}, inactive: {result.inactive}"
        )
        forms = form_definitions_sync(manager=manager)
        self.stdout.write(
            f"Form definitions created: {len(forms.created)}, updated: "
            f"{len(forms.updated)}, unchanged: {len(forms.unchanged)}, "
            f"deactivated: {len(forms.deactivated)}"
        )
        for key, problems in forms.skipped.items():
            self.stderr.write(f"Form definition {key!r} skipped: {'; '.join(problems)}")
        live = ", ".join(
            f"{label}: {len(manager.collect(hook))}" for label, hook in LIVE_HOOKS
        )
        self.stdout.write(f"Read live from the packs (not stored): {live}")
