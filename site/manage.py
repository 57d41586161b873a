#!/usr/bin/env python
"""Django's command-line utility for the SafeGrid site."""

import os
import sys
from pathlib import Path


def main() -> None:
    here = Path(__file__).resolve().parent
    # The project package lives beside this file; the repository root holds
    # core/ and plugins/. Both are importable without an install, too.
    for path in (here, here.parent):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safegrid_site.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
