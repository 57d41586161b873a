"""A notification: something a user is told, with a link to it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.base.models import (
    NewestFirst,
    optional_key,
    optional_moment,
    parent_key,
    user_stamp,
)


class Notification(NewestFirst):
    recipient = parent_key(settings.AUTH_USER_MODEL, "notifications", _("recipient"))
    actor = user_stamp(_("from"))
    # The message as a gettext msgid and its ``params`` (``verb_is_key``),
    # translated when read, in the reader's language; or a plain sentence.
    verb = models.CharField(_("message"), max_length=300)
    verb_is_key = models.BooleanField(default=False)
    params = models.JSONField(default=dict, blank=True)
    target_type = optional_key(ContentType, "+", on_delete=models.CASCADE)
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    url = models.CharField(_("link"), max_length=500, blank=True)
    read_at = optional_moment(_("read at"))

    class Meta(NewestFirst.Meta):
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["recipient", "read_at", "-created_at"],
                name="notification_inbox",
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """The message in the active language (the reader's)."""
        if not self.verb_is_key:
            return self.verb
        language = (get_language() or settings.LANGUAGE_CODE).lower()
        params = {
            name: _in_language(value, language)
            for name, value in (self.params or {}).items()
        }
        try:
            return gettext(self.verb) % params
        except (KeyError, TypeError, ValueError):
            return gettext(self.verb)


def _in_language(value, language: str):
    """A parameter given per language (``{"zh-hans": ..., "en": ...}``) in
    ``language`` (else the default language's, else any)."""
    if not isinstance(value, dict):
        return value
    for code in (language, language.split("-")[0], settings.LANGUAGE_CODE):
        if value.get(code):
            return value[code]
    return next((v for v in value.values() if v), "")
