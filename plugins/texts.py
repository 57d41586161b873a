"""A text in both of the platform's languages, as plugins and vocabularies ship it.

Kept apart from ``plugins.contributions`` so that ``plugins.vocabularies``
(which the contributions validate against) can use it without a circular
import; ``plugins.contributions`` re-exports it for packs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.utils.functional import Promise, lazy
from django.utils.translation import get_language


@dataclass(frozen=True)
class I18nText:
    """A text a plugin ships in both of the platform's languages."""

    zh_hans: str
    en: str

    def __str__(self) -> str:
        language = (get_language() or "zh-hans").lower()
        return self.en if language.startswith("en") else self.zh_hans

    def lazy(self) -> Promise:
        """This text as a lazy string, resolved in the language active when shown.

        Usable wherever Django takes a ``gettext_lazy`` string (choices, form
        labels). With translation deactivated (``makemigrations``) it is the
        English text, as gettext then gives the English source: migrations
        record the same labels whatever the default language.
        """
        return cast("Promise", _lazy_text(self))

    def resolve(self) -> str:
        if get_language() is None:
            return self.en
        return str(self)


_lazy_text = lazy(I18nText.resolve, str)
