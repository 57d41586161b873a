"""The admin sidebar's props, kept per user instead of rebuilt on every page.

Every admin page writes Wagtail's sidebar as a JSON script
(``{% sidebar_props %}``): the search box, the whole main menu and the
account menu, each menu item asked ``is_shown`` (model, page and collection
permissions; a submenu asks its items twice), then packed for telepath. That
was about a sixth of an admin list page (docs/performance.md). What it writes
does not depend on the page: the sidebar marks the current item in the
browser, from ``window.location.pathname``. So it is kept, per process, under
everything it is built from:

- the user (their primary key, name, e-mail for the avatar, superuser flag),
  their model permissions (role and groups alike: already loaded by the
  page's own checks, no query), their Wagtail profile (dismissed items,
  avatar) and the language;
- what the apps add through the ``sidebar_key_parts`` hook (a function of the
  request; ``core.organizations`` adds the scope's identity, which decides
  the role's own menu items);
- a version in the shared cache, bumped when a group's page or collection
  permissions or a user's groups change (those decide Wagtail's own items
  and are not in the model permissions).

A kept value is used for ``SAFEGRID_SIDEBAR_SECONDS`` at most (0: nothing is
kept, as in the tests that do not ask for it), so a change no signal sees (a
bulk update) shows within that time; the pages' own permission checks never
depend on the sidebar. A key always holds the user's primary key: a value is
never served to another user.

``install()`` (the base app's ``ready()``, before any template is compiled)
registers this ``sidebar_props`` in Wagtail's ``wagtailadmin_tags`` library
under the same name; Wagtail's function still builds what is kept. (Naming
another module for the ``wagtailadmin_tags`` label in the template settings
would do the same but trips Django's check for a label used twice.)
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail import hooks

VERSION_KEY = "safegrid:sidebar-version"
#: The users (× languages) kept per process, the least recently used dropped.
MAX_KEPT = 2000

_kept: OrderedDict[tuple, tuple[float, Any]] = OrderedDict()
_lock = threading.Lock()


def bump_version(**_kwargs) -> None:
    """Forget every kept sidebar, in every process (a signal's receiver)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, int(time.time() * 1000), None)


def _version() -> Any:
    return cache.get(VERSION_KEY, 0)


def _profile_part(user) -> tuple:
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is None:
        return ()
    return (
        str(profile.avatar or ""),
        sorted((profile.dismissibles or {}).items()),
    )


def sidebar_key(request) -> tuple | None:
    """What the sidebar of ``request`` is built from; ``None``: not kept."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    permissions = hashlib.blake2b(
        "\n".join(sorted(user.get_all_permissions())).encode(), digest_size=16
    ).digest()
    parts = tuple(repr(part(request)) for part in hooks.get_hooks("sidebar_key_parts"))
    return (
        user.pk,
        user.get_username(),
        getattr(user, "first_name", ""),
        getattr(user, "email", ""),
        user.is_superuser,
        get_language(),
        permissions,
        repr(_profile_part(user)),
        parts,
        _version(),
    )


def sidebar_props(context) -> str:
    """Wagtail's ``{% sidebar_props %}``, kept per user (see the module)."""
    from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags

    seconds = getattr(settings, "SAFEGRID_SIDEBAR_SECONDS", 0)
    key = sidebar_key(context["request"]) if seconds else None
    if key is None:
        return wagtail_tags.sidebar_props(context)
    now = time.monotonic()
    with _lock:
        found = _kept.get(key)
        if found is not None and now - found[0] < seconds:
            _kept.move_to_end(key)
            return found[1]
    props = wagtail_tags.sidebar_props(context)
    with _lock:
        _kept[key] = (now, props)
        _kept.move_to_end(key)
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    return props


def forget_all() -> None:
    """Empty this process's kept sidebars (the tests)."""
    with _lock:
        _kept.clear()


def install() -> None:
    """Serve ``{% sidebar_props %}`` of Wagtail's admin templates from here."""
    from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags

    wagtail_tags.register.simple_tag(
        sidebar_props, takes_context=True, name="sidebar_props"
    )
