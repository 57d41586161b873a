"""What the forms module puts on the enterprise home's to-do: submissions
returned for correction, forms overdue or due this period, and drafts of
new submissions, for the forms the user may fill."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.forms.selectors import FormState, assigned_forms
from core.portal.todo import TodoItem

URGENCY = {
    FormState.RETURNED: 0,
    FormState.OVERDUE: 1,
    FormState.IN_PROGRESS: 3,
    FormState.DUE: 4,
}


def form_todo(*, scope, enterprise, user, today) -> list[TodoItem]:
    items = []
    for row in assigned_forms(
        scope=scope, enterprise=enterprise, user=user, today=today
    ):
        if row.state not in URGENCY or not row.can_fill:
            continue
        title = row.definition.title
        if row.state == FormState.RETURNED:
            items.append(
                TodoItem(
                    kind="returned",
                    title=title,
                    detail=row.returned.review_comment or _("Returned for correction"),
                    url=reverse("forms_portal:correct", args=[row.returned.pk]),
                    action=_("Correct and resubmit"),
                    urgency=URGENCY[row.state],
                )
            )
            continue
        if row.state == FormState.OVERDUE:
            detail = _("Overdue since %(date)s") % {"date": row.due_date.isoformat()}
        elif row.due_date:
            detail = _("Due %(date)s") % {"date": row.due_date.isoformat()}
        else:
            detail = str(FormState(row.state).label)
        if row.draft is not None:
            detail += " · " + _("draft saved %(when)s") % {
                "when": timezone.localtime(row.draft.updated_at).strftime(
                    "%Y-%m-%d %H:%M"
                )
            }
        items.append(
            TodoItem(
                kind="overdue"
                if row.state == FormState.OVERDUE
                else ("draft" if row.draft else "due"),
                title=title,
                detail=detail,
                url=reverse("forms_portal:start", args=[row.definition.key]),
                action=_("Continue") if row.draft else _("Fill in"),
                urgency=URGENCY[row.state],
                due=row.due_date,
            )
        )
    return items
