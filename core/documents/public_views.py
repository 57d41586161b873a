"""The public page of a printed card (what its QR code opens).

No sign-in: the card hangs at the post and at the gate. The page shows the
card's current content without people's names and telephone numbers (only
the public emergency numbers), and nothing else of the enterprise. An
unknown token is a 404.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.documents.cards import card_content
from core.documents.models import CardKind, PublicCard


@require_GET
def public_card_page(request, token):
    card = get_object_or_404(
        PublicCard.objects.select_related("enterprise", "post"), token=token
    )
    content = card_content(
        enterprise=card.enterprise, kind=card.kind, post=card.post, public=True
    )
    if card.kind == CardKind.OCCUPATIONAL and not content["exposed"]:
        content["occupational"] = []
    return render(request, "documents/public_card.html", content)
