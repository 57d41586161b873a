"""Admin menu entries shown by the user's scope."""

from __future__ import annotations

from collections.abc import Callable

from wagtail.admin.menu import MenuItem

from core.organizations.scope import Scope, scope_for


def _government(scope: Scope) -> bool:
    return scope.is_government


class ScopeMenuItem(MenuItem):
    """A Wagtail admin menu entry shown to the users whose scope ``shown``
    admits (the government users unless told otherwise); otherwise as
    ``MenuItem``."""

    def __init__(self, *args, shown: Callable[[Scope], bool] = _government, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown = shown

    def is_shown(self, request):
        return self.shown(scope_for(request.user))
