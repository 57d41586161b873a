"""The site plan: an enterprise's layout as the background of its risk points.

``site_plan_set`` stores the layout an enterprise uploads: an image (JPEG,
PNG, WebP) goes through the platform's upload check
(``core.forms.uploads.upload_content_check``: decoded by Pillow, metadata
dropped, encoded again); a PDF's first page is rendered to PNG with PDFium
(pypdfium2) and that PNG goes through the same check. ``risk_point_place``
puts a risk point at a spot of the plan (0..1 from the left and the top), or
takes it off. Both are writes of the enterprise's safety manager only
(``Scope.can_manage_safety_records``), in one transaction, with ``actor=``.
"""

from __future__ import annotations

import io
import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image

from core.base.errors import Invalid, Refused
from core.forms.uploads import upload_content_check
from core.organizations.models import Enterprise
from core.organizations.scope import scope_for
from core.risks.models import RiskPoint, SitePlan

#: The rendered PDF page's longer side, in pixels (an A3 plan stays legible).
PDF_RENDER_SIDE = 2400
PLAN_MAX_BYTES = 20 * 1024 * 1024
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


def _require_manager(actor: Any, enterprise: Enterprise) -> None:
    if not scope_for(actor).can_manage_safety_records(enterprise):
        raise Refused(_("Only the safety manager may change the site plan."))


def _pdf_page_as_png(file: Any) -> ContentFile:
    """The first page of a PDF as a PNG (the check of the PDF signature first)."""
    import pypdfium2 as pdfium

    upload_content_check(file=file, extension=".pdf")
    file.seek(0)
    try:
        document = pdfium.PdfDocument(file.read())
        try:
            if len(document) == 0:
                raise Invalid.at(["file"], _("This PDF has no page."))
            page = document[0]
            width, height = page.get_size()
            scale = PDF_RENDER_SIDE / max(width, height, 1)
            image = page.render(scale=scale).to_pil()
        finally:
            document.close()
    except pdfium.PdfiumError:
        raise Invalid.at(["file"], _("This PDF cannot be read.")) from None
    output = io.BytesIO()
    image.save(output, "PNG")
    name = os.path.splitext(os.path.basename(file.name or "plan"))[0] + ".png"
    return ContentFile(output.getvalue(), name=name)


@transaction.atomic
def site_plan_set(*, actor: Any, enterprise: Enterprise, file: Any) -> SitePlan:
    """Store ``file`` as the enterprise's site plan (replacing the previous one).

    Raises ``Refused`` for anyone but the enterprise's safety manager and
    ``Invalid`` at ``file`` for a file that is no image or PDF, too large, or
    unreadable. Risk point positions are kept: they are relative to the plan.
    """
    _require_manager(actor, enterprise)
    name = os.path.basename(getattr(file, "name", "") or "")
    extension = os.path.splitext(name)[1].lower()
    if getattr(file, "size", 0) > PLAN_MAX_BYTES:
        raise Invalid.at(
            ["file"],
            _("The file is too large (at most %(mb)d MB).")
            % {"mb": PLAN_MAX_BYTES // (1024 * 1024)},
        )
    try:
        if extension == ".pdf":
            checked = upload_content_check(
                file=_pdf_page_as_png(file), extension=".png"
            )
        elif extension in IMAGE_EXTENSIONS:
            checked = upload_content_check(file=file, extension=extension)
        else:
            raise Invalid.at(
                ["file"], _("Upload the plan as an image (JPEG, PNG, WebP) or a PDF.")
            )
    except Invalid:
        raise
    except ValidationError as error:
        raise Invalid.at(["file"], " ".join(error.messages)) from None
    checked.seek(0)
    with Image.open(checked) as image:
        width, height = image.size
    checked.seek(0)
    plan = SitePlan.objects.select_for_update().filter(enterprise=enterprise).first()
    old = plan.image.name if plan else None
    plan = plan or SitePlan(enterprise=enterprise)
    plan.width, plan.height = width, height
    plan.source_name = name[:200]
    plan.uploaded_by = actor
    plan.image.save(checked.name, checked, save=False)
    plan.save()
    if old and old != plan.image.name:
        storage = plan.image.storage
        transaction.on_commit(lambda: storage.delete(old))
    return plan


@transaction.atomic
def risk_point_place(
    *, actor: Any, risk_point: RiskPoint, x: Any = None, y: Any = None
) -> RiskPoint:
    """Place ``risk_point`` at (x, y) on the plan, 0..1 from the left and the
    top; without x and y, take it off the plan."""
    point = RiskPoint.objects.select_for_update().get(pk=risk_point.pk)
    _require_manager(actor, point.enterprise)
    if x in (None, "") and y in (None, ""):
        point.position = None
    else:
        values = {}
        for name, value in (("x", x), ("y", y)):
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = None
            if number is None or not 0 <= number <= 1:
                raise Invalid.at(
                    [name], _("Click on the plan to give the point's position.")
                )
            values[name] = round(number, 4)
        point.position = {"type": "point", **values}
    point.save(update_fields=["position", "updated_at"])
    return point
