"""Create the demo district and its accounts (once), then print the accounts."""

import os
import unicodedata

from django.core.management.base import BaseCommand, CommandError

from core.demo.world import DEMO_PASSWORD, DemoError, demo_accounts, demo_load
from plugins.manager import get_plugin_manager


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


class Command(BaseCommand):
    help = (
        "Create the demo district (four streets and a town, 64 enterprises) and "
        "its accounts. Idempotent: a second run creates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            default=os.environ.get("PORT", "8000"),
            help="Port shown in the printed URLs (default: $PORT or 8000).",
        )

    def handle(self, *args, **options):
        try:
            result = demo_load(manager=get_plugin_manager())
        except DemoError as exc:
            raise CommandError(str(exc)) from exc
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo data created: {result.enterprises} enterprises."
                )
            )
        else:
            self.stdout.write(
                f"demo data already present ({result.enterprises} enterprises); "
                "nothing created."
            )
        self.print_accounts(options["port"])

    def print_accounts(self, port: str) -> None:
        header = ("account", "role", "organisation", "sees", "signs in at")
        rows = [header] + [
            (a.username, a.role, a.organisation, a.sees, a.signs_in_at)
            for a in demo_accounts()
        ]
        widths = [max(_width(row[i]) for row in rows) for i in range(len(header))]
        base = f"http://127.0.0.1:{port}"
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for index, row in enumerate(rows):
            line = "  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row))
            self.stdout.write("  " + line.rstrip())
            if index == 0:
                self.stdout.write("  " + "  ".join("-" * w for w in widths))
        self.stdout.write("")
        self.stdout.write(f"  portal  {base}/portal/")
        self.stdout.write(f"  admin   {base}/admin/")
        self.stdout.write(f"  API     {base}/api/v1/docs/")
        self.stdout.write("")
