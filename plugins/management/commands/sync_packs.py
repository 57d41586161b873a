"""Sync what the enabled packs contribute into the database."""

from django.core.management.base import BaseCommand

from core.organizations.services import industries_sync
from plugins.manager import get_plugin_manager


class Command(BaseCommand):
    help = "Sync the contributions of the enabled industry packs into the database."

    def handle(self, *args, **options):
        manager = get_plugin_manager()
        result = industries_sync(manager=manager)
        self.stdout.write(
            f"Packs enabled: {', '.join(manager.pack_names()) or '(none)'}; "
            f"industries active: {result.active}, inactive: {result.inactive}"
        )
